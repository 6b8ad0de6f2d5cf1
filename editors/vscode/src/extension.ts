// VS Code client for the journeyc language server (`journeyc lsp`, stdio).

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { Commands, registerCommands } from './commands';
import { MapPreview } from './preview';
import { INSTALL_COMMAND, bundledName, missingServerMessage, resolveServer, Translate } from './server';
import { ProblemsStatus } from './status';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

// Button labels, translated when shown.
const OPEN_SETTINGS = 'Open Settings'; // l10n
const COPY_INSTALL = 'Copy Install Command'; // l10n
const SHOW_OUTPUT = 'Show Output'; // l10n
const RETRY = 'Retry'; // l10n

let client: LanguageClient | undefined;
/** The journeyc that runs the server (also used for `init` and `export`). */
let command: string | undefined;
let extensionPath = '';
let commands: Commands | undefined;
let outputChannel: vscode.OutputChannel;
let traceChannel: vscode.OutputChannel;
let status: vscode.LanguageStatusItem;
let watcher: vscode.FileSystemWatcher;
// restarts are serialised so that a burst of setting changes starts one server
let pending: Promise<void> = Promise.resolve();

/** The running language client, if any. */
export function languageClient(): LanguageClient | undefined {
  return client?.state === State.Running ? client : undefined;
}

/** The journeyc program the extension uses, once found. */
export function journeycCommand(): string | undefined {
  return command;
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath ?? '';
  outputChannel = vscode.window.createOutputChannel('Journey Language Server');
  traceChannel = vscode.window.createOutputChannel('Journey Language Server Trace');
  status = vscode.languages.createLanguageStatusItem('journey.server', { language: 'journey' });
  status.name = 'Journey language server';
  status.command = { title: 'Restart', command: 'journey.restartServer' };
  // tells the server about .journey files changed outside the editor (git, generators)
  watcher = vscode.workspace.createFileSystemWatcher('**/*.journey');
  commands = registerCommands({ journeyc: journeycCommand, restart, output: () => outputChannel, t });

  context.subscriptions.push(
    watcher,
    outputChannel,
    traceChannel,
    status,
    vscode.commands.registerCommand('journey.restartServer', () => restart()),
    vscode.commands.registerCommand('journey.showOutput', () => outputChannel.show(true)),
    MapPreview.register(context, languageClient, t),
    new ProblemsStatus(t),
    ...commands.disposables,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('journey.server')) void restart();
    }),
  );
  return restart();
}

export function deactivate(): Promise<void> {
  return stop();
}

function restart(): Promise<void> {
  pending = pending.then(async () => {
    await stop();
    await start();
    await commands?.detectFormats().catch(() => undefined);
  });
  return pending;
}

async function stop(): Promise<void> {
  const current = client;
  client = undefined;
  if (current === undefined) return;
  try {
    await current.stop(2000);
  } catch (error) {
    outputChannel.appendLine(`Stopping the server failed: ${String(error)}`);
  }
  await current.dispose().catch(() => undefined);
}

/**
 * The journeyc bundled in a platform-specific package, made executable if
 * unpacking lost its mode; undefined for a package without one.
 */
function bundledServer(): string | undefined {
  if (extensionPath === '') return undefined;
  const file = path.join(extensionPath, 'server', bundledName(process.platform));
  if (process.platform !== 'win32') {
    try {
      fs.accessSync(file, fs.constants.X_OK);
    } catch {
      try {
        if (fs.statSync(file).isFile()) fs.chmodSync(file, 0o755);
      } catch {
        // no bundled binary
      }
    }
  }
  return file;
}

async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration('journey');
  command = undefined;
  const resolution = resolveServer({
    configuredPath: config.get<string>('server.path'),
    bundledPath: bundledServer(),
    env: process.env,
    platform: process.platform,
    homedir: os.homedir(),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
  });

  if (resolution.kind !== 'found') {
    const message = missingServerMessage(resolution, t);
    outputChannel.appendLine(message);
    setStatus(t('journeyc not found'), vscode.LanguageStatusSeverity.Error, message);
    void offerHelp(message, [OPEN_SETTINGS, RETRY]);
    return;
  }

  // An old journeyc without the `lsp` command would only make the client
  // report a broken connection; check first and say what to do instead.
  const lspHelp = await run(resolution.command, ['lsp', '--help']);
  if (lspHelp.error !== undefined) {
    const message = t('Journey: {0} cannot run the language server: {1}. It is probably a journeyc from before the "lsp" command: reinstall it with "{2}" in the journeyc repository, or point journey.server.path at a newer journeyc.',
      resolution.command, lspHelp.error, INSTALL_COMMAND);
    outputChannel.appendLine(message);
    if (lspHelp.output.length > 0) outputChannel.appendLine(lspHelp.output);
    setStatus(t('journeyc too old'), vscode.LanguageStatusSeverity.Error, message);
    void offerHelp(message, [COPY_INSTALL, OPEN_SETTINGS, SHOW_OUTPUT]);
    return;
  }

  command = resolution.command;
  const extraArgs = config.get<string[]>('server.extraArgs') ?? [];
  // no `transport`: the client would add `--stdio`; `journeyc lsp` speaks stdio
  const serverOptions: ServerOptions = {
    command: resolution.command,
    args: ['lsp', ...extraArgs],
  };
  const errorHandler = new RestartingErrorHandler();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'journey' },
      { scheme: 'untitled', language: 'journey' },
    ],
    synchronize: {
      fileEvents: watcher,
    },
    outputChannel,
    traceOutputChannel: traceChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    // reported once, by the catch around `start` below
    initializationFailedHandler: (error) => {
      outputChannel.appendLine(`Server initialization failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
  };

  // the id makes the client read the `journey.trace.server` setting
  const next = new LanguageClient('journey', 'Journey Language Server', serverOptions, clientOptions);
  next.onDidChangeState((event) => {
    if (event.newState === State.Running) {
      errorHandler.running = true;
      setStatus('journeyc', vscode.LanguageStatusSeverity.Information, resolution.command);
      MapPreview.current?.refresh();
    } else if (event.newState === State.Stopped && client === next) {
      setStatus(t('journeyc stopped'), vscode.LanguageStatusSeverity.Warning, t('The language server stopped.'));
    }
  });
  client = next;
  setStatus(t('journeyc starting'), vscode.LanguageStatusSeverity.Information, resolution.command);
  outputChannel.appendLine(`Starting ${resolution.command} ${['lsp', ...extraArgs].join(' ')}`);
  try {
    await next.start();
  } catch (error) {
    const message = t('Journey: the language server ({0} lsp) failed to start: {1}. See "Journey: Show server output" for its messages.',
      resolution.command, error instanceof Error ? error.message : String(error));
    outputChannel.appendLine(message);
    setStatus(t('journeyc failed'), vscode.LanguageStatusSeverity.Error, message);
    if (client === next) client = undefined;
    await next.dispose().catch(() => undefined);
    void offerHelp(message, [SHOW_OUTPUT, OPEN_SETTINGS, RETRY]);
  }
}

function setStatus(text: string, severity: vscode.LanguageStatusSeverity, detail: string): void {
  status.text = text;
  status.severity = severity;
  status.detail = detail;
}

async function offerHelp(message: string, actions: string[]): Promise<void> {
  // the buttons are shown translated; `choice` is mapped back to its key
  const shown = actions.map((a) => t(a));
  const picked = await vscode.window.showErrorMessage(message, ...shown);
  const choice = picked === undefined ? undefined : actions[shown.indexOf(picked)];
  switch (choice) {
    case OPEN_SETTINGS:
      await vscode.commands.executeCommand('workbench.action.openSettings', 'journey.server.path');
      break;
    case COPY_INSTALL:
      await vscode.env.clipboard.writeText(INSTALL_COMMAND);
      void vscode.window.showInformationMessage(
        t('Copied "{0}". Run it in a clone of the journeyc repository, then run "Journey: Restart server".', INSTALL_COMMAND));
      break;
    case SHOW_OUTPUT:
      outputChannel.show(true);
      break;
    case RETRY:
      await restart();
      break;
    default:
      break;
  }
}

/**
 * Restarts a server that crashed after it was running (up to 4 times in 3
 * minutes); a server that never came up is not restarted, and the
 * notification about it comes from `start` alone.
 */
class RestartingErrorHandler implements ErrorHandler {
  /** Set once the server has answered `initialize`. */
  running = false;
  private readonly restarts: number[] = [];

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    if (!this.wasRunning()) return { action: ErrorAction.Shutdown, handled: true };
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    if (!this.wasRunning()) return { action: CloseAction.DoNotRestart, handled: true };
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - this.restarts[0] > 3 * 60 * 1000) this.restarts.shift();
    if (this.restarts.length <= 4) return { action: CloseAction.Restart, handled: true };
    return {
      action: CloseAction.DoNotRestart,
      message: t('Journey: the language server crashed 5 times in the last 3 minutes and will not be restarted. See "Journey: Show server output", then run "Journey: Restart server".'),
    };
  }

  private wasRunning(): boolean {
    return this.running;
  }
}

/** Runs a short command; resolves with its output and, if it failed, why. */
function run(command: string, args: string[]): Promise<{ error?: string; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 10_000, windowsHide: true }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (error === null) {
        resolve({ output });
      } else {
        const firstLine = output.split('\n').find((l) => l.trim().length > 0);
        const code = (error as NodeJS.ErrnoException & { code?: unknown }).code;
        const reason = typeof code === 'number'
          ? `"${[command, ...args].join(' ')}" exited with status ${code}${firstLine ? ` (${firstLine.trim()})` : ''}`
          : error.message;
        resolve({ error: reason, output });
      }
    });
  });
}
