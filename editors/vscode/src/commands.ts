// Commands that run the journeyc program: "Journey: New Journey from
// Template…" (`journeyc init`) and the exports (`journeyc export`).

import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseCreatedFiles, parseTemplates } from './map';
import type { Translate } from './server';

export interface CommandDeps {
  /** The journeyc program, once the extension found one. */
  journeyc: () => string | undefined;
  restart: () => Promise<void>;
  output: () => vscode.OutputChannel;
  t: Translate;
}

/**
 * The export commands. A format appears in the command palette when the
 * journeyc in use offers it (`journeyc export --help`): the spreadsheet
 * command shows up as soon as journeyc has `--format xlsx`.
 */
export const EXPORTS = [
  { command: 'journey.exportHtml', format: 'html', extension: 'html', file: 'journey-map', filter: 'HTML' },
  { command: 'journey.exportMarkdown', format: 'markdown', extension: 'md', file: 'journey', filter: 'Markdown' },
  { command: 'journey.exportSpreadsheet', format: 'xlsx', extension: 'xlsx', file: 'journey', filter: 'Excel' },
] as const;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, timeout: 60_000, windowsHide: true, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1;
        resolve({ code, stdout: String(stdout), stderr: error !== null && stderr.length === 0 ? error.message : String(stderr) });
      });
  });
}

export interface Commands {
  disposables: vscode.Disposable[];
  /** Finds out again which export formats journeyc has (after a server change). */
  detectFormats: () => Promise<void>;
}

export function registerCommands(deps: CommandDeps): Commands {
  const { t } = deps;

  const needJourneyc = (): string | undefined => {
    const journeyc = deps.journeyc();
    if (journeyc === undefined) {
      void vscode.window.showErrorMessage(t('Journey: this needs the journeyc program, which was not found. See the message about it, or set "journey.server.path".'), t('Open Settings'))
        .then((c) => c === undefined ? undefined : vscode.commands.executeCommand('workbench.action.openSettings', 'journey.server.path'));
    }
    return journeyc;
  };

  /** Which export formats the journeyc in use has, as context keys for the palette. */
  const detectFormats = async (): Promise<void> => {
    const journeyc = deps.journeyc();
    const help = journeyc === undefined ? '' : (await run(journeyc, ['export', '--help'])).stdout;
    for (const e of EXPORTS) {
      const available = help.length > 0 && new RegExp(`\\b${e.format}\\b`).test(help);
      await vscode.commands.executeCommand('setContext', `journey.canExport.${e.format}`, available);
    }
  };

  const folderOf = async (): Promise<vscode.WorkspaceFolder | undefined> => {
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = active === undefined ? undefined : vscode.workspace.getWorkspaceFolder(active);
    if (folder !== undefined) return folder;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: t('Which journey workspace?') });
  };

  const exportAs = async (e: (typeof EXPORTS)[number]): Promise<void> => {
    const journeyc = needJourneyc();
    if (journeyc === undefined) return;
    const folder = await folderOf();
    if (folder === undefined) {
      void vscode.window.showErrorMessage(t('Journey: open the folder of your journey first.'));
      return;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder.uri, `${e.file}.${e.extension}`),
      filters: { [e.filter]: [e.extension] },
      saveLabel: t('Export'),
    });
    if (target === undefined) return;
    // unsaved edits are not exported: journeyc reads the files
    await vscode.workspace.saveAll(false);
    const result = await run(journeyc, ['export', '--format', e.format, '-o', target.fsPath, folder.uri.fsPath], folder.uri.fsPath);
    if (result.code === 0) {
      const open = t('Open');
      const choice = await vscode.window.showInformationMessage(t('Journey: exported to {0}.', vscode.workspace.asRelativePath(target)), open);
      if (choice === open) {
        if (e.format === 'markdown') await vscode.window.showTextDocument(target);
        else await vscode.env.openExternal(target);
      }
    } else {
      deps.output().appendLine(result.stderr);
      const problems = t('Show Problems');
      const choice = await vscode.window.showErrorMessage(
        result.code === 1
          ? t('Journey: nothing was exported, because the journey has errors. Fix them first (see the Problems view).')
          : t('Journey: the export failed: {0}', result.stderr.trim().split('\n')[0] ?? ''),
        problems);
      if (choice === problems) await vscode.commands.executeCommand('workbench.actions.view.problems');
    }
  };

  const newJourney = async (): Promise<void> => {
    const journeyc = needJourneyc();
    if (journeyc === undefined) return;
    const german = vscode.env.language.toLowerCase().startsWith('de');
    const languages = [
      { label: 'English', description: t('example texts in English'), lang: 'en' },
      { label: 'Deutsch', description: t('example texts in German'), lang: 'de' },
    ];
    if (german) languages.reverse();
    const language = await vscode.window.showQuickPick(languages, {
      title: t('New journey (1/2): language'),
      placeHolder: t('In which language should the example texts be?'),
    });
    if (language === undefined) return;
    const listing = await run(journeyc, ['init', '--list', '--lang', language.lang]);
    const templates = parseTemplates(listing.stdout);
    if (templates.length === 0) {
      void vscode.window.showErrorMessage(t('Journey: journeyc listed no templates: {0}', listing.stderr.trim()));
      return;
    }
    const template = await vscode.window.showQuickPick(
      templates.map((tpl) => ({ label: tpl.name, detail: tpl.description, name: tpl.name })),
      { title: t('New journey (2/2): journey model'), placeHolder: t('Which journey model do you want to start from?'), matchOnDetail: true },
    );
    if (template === undefined) return;

    // Where: the open folder if it has no journey yet, else a new folder in it.
    const folder = vscode.workspace.workspaceFolders?.[0];
    let dir: vscode.Uri;
    if (folder === undefined) {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: t('Create the journey here') });
      if (picked === undefined || picked.length === 0) return;
      dir = picked[0];
    } else if ((await vscode.workspace.findFiles('**/*.journey', '**/node_modules/**', 1)).length === 0) {
      dir = folder.uri;
    } else {
      const name = await vscode.window.showInputBox({
        title: t('New journey'),
        prompt: t('This folder already has a journey. Name a new folder for the new one:'),
        value: template.name,
        validateInput: (v) => /^[^\\/:*?"<>|]+$/.test(v.trim()) ? undefined : t('Use a folder name without / \\ : * ? " < > |'),
      });
      if (name === undefined) return;
      dir = vscode.Uri.joinPath(folder.uri, name.trim());
    }

    const result = await run(journeyc, ['init', dir.fsPath, '--template', template.name, '--lang', language.lang]);
    deps.output().appendLine(`${result.stdout}${result.stderr}`);
    if (result.code !== 0) {
      void vscode.window.showErrorMessage(t('Journey: the journey could not be created: {0}', result.stderr.trim().split('\n')[0] ?? ''));
      return;
    }
    const files = parseCreatedFiles(result.stdout);
    const main = files.find((f) => path.basename(f) === 'journey.journey') ?? files.find((f) => f.endsWith('.journey'));
    const inWorkspace = vscode.workspace.getWorkspaceFolder(dir) !== undefined;
    if (!inWorkspace) {
      await vscode.commands.executeCommand('vscode.openFolder', dir);
      return;
    }
    if (main !== undefined) {
      await vscode.window.showTextDocument(vscode.Uri.joinPath(dir, main), { viewColumn: vscode.ViewColumn.One });
    }
    const shown = folder !== undefined && dir.toString() === folder.uri.toString() ? folder.name : vscode.workspace.asRelativePath(dir);
    void vscode.window.showInformationMessage(
      t('Journey: created a journey from the model "{0}" in {1}. Replace the example texts with your own.', template.name, shown));
  };

  const disposables = [
    vscode.commands.registerCommand('journey.newJourney', newJourney),
    ...EXPORTS.map((e) => vscode.commands.registerCommand(e.command, () => exportAs(e))),
    vscode.commands.registerCommand('journey.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', 'journeyc.journey#journey.gettingStarted', false)),
  ];
  return { disposables, detectFormats };
}
