// VS Code client for the journeyc language server (`journeyc lsp`, stdio).

import { execFile } from 'node:child_process';
import * as os from 'node:os';
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
import { INSTALL_COMMAND, missingServerMessage, resolveServer } from './server';

const OPEN_SETTINGS = 'Open Settings';
const COPY_INSTALL = 'Copy Install Command';
const SHOW_OUTPUT = 'Show Output';
const RETRY = 'Retry';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel;
let traceChannel: vscode.OutputChannel;
let status: vscode.LanguageStatusItem;
let watcher: vscode.FileSystemWatcher;
// restarts are serialised so that a burst of setting changes starts one server
let pending: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel('Journey Language Server');
  traceChannel = vscode.window.createOutputChannel('Journey Language Server Trace');
  status = vscode.languages.createLanguageStatusItem('journey.server', { language: 'journey' });
  status.name = 'Journey language server';
  status.command = { title: 'Restart', command: 'journey.restartServer' };
  // tells the server about .journey files changed outside the editor (git, generators)
  watcher = vscode.workspace.createFileSystemWatcher('**/*.journey');

  context.subscriptions.push(
    watcher,
    outputChannel,
    traceChannel,
    status,
    vscode.commands.registerCommand('journey.restartServer', () => restart()),
    vscode.commands.registerCommand('journey.showOutput', () => outputChannel.show(true)),
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

async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration('journey');
  const resolution = resolveServer({
    configuredPath: config.get<string>('server.path'),
    env: process.env,
    platform: process.platform,
    homedir: os.homedir(),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
  });

  if (resolution.kind !== 'found') {
    const message = missingServerMessage(resolution);
    outputChannel.appendLine(message);
    setStatus('journeyc not found', vscode.LanguageStatusSeverity.Error, message);
    void offerHelp(message, [OPEN_SETTINGS, COPY_INSTALL, RETRY]);
    return;
  }

  // An old journeyc without the `lsp` command would only make the client
  // report a broken connection; check first and say what to do instead.
  const lspHelp = await run(resolution.command, ['lsp', '--help']);
  if (lspHelp.error !== undefined) {
    const message = `Journey: ${resolution.command} cannot run the language server: ${lspHelp.error}. ` +
      `It is probably a journeyc from before the "lsp" command: reinstall it with "${INSTALL_COMMAND}" ` +
      `in the journeyc repository, or point journey.server.path at a newer journeyc.`;
    outputChannel.appendLine(message);
    if (lspHelp.output.length > 0) outputChannel.appendLine(lspHelp.output);
    setStatus('journeyc too old', vscode.LanguageStatusSeverity.Error, message);
    void offerHelp(message, [COPY_INSTALL, OPEN_SETTINGS, SHOW_OUTPUT]);
    return;
  }

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
    } else if (event.newState === State.Stopped && client === next) {
      setStatus('journeyc stopped', vscode.LanguageStatusSeverity.Warning, 'The language server stopped.');
    }
  });
  client = next;
  setStatus('journeyc starting', vscode.LanguageStatusSeverity.Information, resolution.command);
  outputChannel.appendLine(`Starting ${resolution.command} ${['lsp', ...extraArgs].join(' ')}`);
  try {
    await next.start();
  } catch (error) {
    const message = `Journey: the language server (${resolution.command} lsp) failed to start: ` +
      `${error instanceof Error ? error.message : String(error)}. ` +
      `See "Journey: Show server output" for its messages.`;
    outputChannel.appendLine(message);
    setStatus('journeyc failed', vscode.LanguageStatusSeverity.Error, message);
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
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  switch (choice) {
    case OPEN_SETTINGS:
      await vscode.commands.executeCommand('workbench.action.openSettings', 'journey.server.path');
      break;
    case COPY_INSTALL:
      await vscode.env.clipboard.writeText(INSTALL_COMMAND);
      void vscode.window.showInformationMessage(
        `Copied "${INSTALL_COMMAND}". Run it in a clone of the journeyc repository, then run "Journey: Restart server".`);
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
      message: 'Journey: the language server crashed 5 times in the last 3 minutes and will not be restarted. ' +
        'See "Journey: Show server output", then run "Journey: Restart server".',
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
