// Activates the bundled extension (dist/extension.js) against a minimal
// stand-in for the `vscode` module and checks what a user sees when journeyc
// is missing or misconfigured.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('node:module');

interface Recorded {
  errors: { message: string; actions: string[] }[];
  commands: string[];
  executed: unknown[][];
  status: { text?: string; severity?: number; detail?: string };
}

function makeVscode(settings: Record<string, unknown>, answer: string | undefined): { api: unknown; rec: Recorded } {
  const rec: Recorded = { errors: [], commands: [], executed: [], status: {} };
  const disposable = { dispose() {} };
  const channel = { appendLine() {}, append() {}, show() {}, dispose() {} };
  // Anything the language client touches at load time but these tests do not
  // exercise resolves to a harmless callable stand-in.
  const anything: unknown = new Proxy(function () {}, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : anything),
    apply: () => anything,
    construct: () => anything as object,
  });
  const api = {
    version: '1.82.0',
    LanguageStatusSeverity: { Information: 0, Warning: 1, Error: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    Disposable: { from: () => disposable },
    ThemeColor: class {},
    l10n: {
      t: (message: string, ...args: unknown[]) =>
        message.replace(/\{(\d+)\}/g, (_m: string, i: string) => String(args[Number(i)])),
    },
    window: {
      createOutputChannel: () => channel,
      createStatusBarItem: () => ({ show() {}, dispose() {} }),
      registerWebviewPanelSerializer: () => disposable,
      showErrorMessage: async (message: string, ...actions: string[]) => {
        rec.errors.push({ message, actions });
        return answer;
      },
      showInformationMessage: async () => undefined,
    },
    languages: {
      getDiagnostics: () => [],
      onDidChangeDiagnostics: () => disposable,
      createLanguageStatusItem: () => {
        const item = { dispose() {} } as Record<string, unknown>;
        return new Proxy(item, {
          set: (t, key, value) => {
            (rec.status as Record<string, unknown>)[key as string] = value;
            t[key as string] = value;
            return true;
          },
        });
      },
    },
    commands: {
      registerCommand: (id: string) => {
        rec.commands.push(id);
        return disposable;
      },
      executeCommand: async (...args: unknown[]) => {
        if (args[0] !== 'setContext') rec.executed.push(args);
      },
    },
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: (section: string) => ({
        get: (key: string) => settings[`${section}.${key}`],
      }),
      onDidChangeConfiguration: () => disposable,
      createFileSystemWatcher: () => anything,
    },
    env: { language: 'en', clipboard: { writeText: async () => undefined } },
  };
  const lenient = (o: object): unknown =>
    new Proxy(o, { get: (t, k) => (k in t ? (t as Record<string | symbol, unknown>)[k] : anything) });
  for (const [key, value] of Object.entries(api)) {
    if (typeof value === 'object') (api as Record<string, unknown>)[key] = lenient(value);
  }
  return { api: lenient(api), rec };
}

function loadExtension(vscodeApi: unknown): { activate: (ctx: unknown) => Promise<void> } {
  const bundle = path.resolve(__dirname, '..', 'dist', 'extension.js');
  assert.ok(fs.existsSync(bundle), `${bundle} is missing: run "npm run build" first`);
  const originalLoad = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return vscodeApi;
    return originalLoad.call(this, request, ...rest);
  };
  try {
    delete require.cache[bundle];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(bundle);
  } finally {
    Module._load = originalLoad;
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const savedPath = process.env.PATH;
const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-vscode-empty-'));
after(() => {
  process.env.PATH = savedPath;
  fs.rmSync(emptyDir, { recursive: true, force: true });
});

test('without a bundled journeyc and none on PATH: a plain-words error with a way to the settings', async () => {
  process.env.PATH = emptyDir;
  const { api, rec } = makeVscode({ 'journey.server.path': '' }, 'Open Settings');
  const ext = loadExtension(api);
  await ext.activate({ subscriptions: [] });
  await tick();

  assert.deepEqual(rec.commands.sort(), [
    'journey.exportHtml', 'journey.exportMarkdown', 'journey.exportSpreadsheet', 'journey.newJourney',
    'journey.openMapPreview', 'journey.openWalkthrough', 'journey.restartServer', 'journey.showOutput',
  ]);
  assert.equal(rec.errors.length, 1);
  const [{ message, actions }] = rec.errors;
  assert.match(message, /need the journeyc program\. This copy of the extension does not include it for your system, and none was found on PATH/);
  assert.match(message, /Install the Journey extension made for your platform, or set "journey\.server\.path"/);
  assert.deepEqual(actions, ['Open Settings', 'Retry']);
  assert.deepEqual(rec.executed, [['workbench.action.openSettings', 'journey.server.path']]);
  assert.equal(rec.status.text, 'journeyc not found');
  assert.equal(rec.status.severity, 2);
});

test('with journey.server.path pointing nowhere: the error names the configured path', async () => {
  process.env.PATH = emptyDir;
  const missing = path.join(emptyDir, 'bin', 'journeyc');
  const { api, rec } = makeVscode({ 'journey.server.path': missing }, undefined);
  const ext = loadExtension(api);
  await ext.activate({ subscriptions: [] });
  await tick();

  assert.equal(rec.errors.length, 1);
  assert.ok(rec.errors[0].message.includes(missing), rec.errors[0].message);
  assert.match(rec.errors[0].message, /the file does not exist/);
  assert.deepEqual(rec.executed, []);
});

function fakeJourneyc(script: string): { bin: string; argsFile: string } {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-vscode-bin-'));
  const argsFile = path.join(bin, 'args.txt');
  fs.writeFileSync(path.join(bin, 'journeyc'), `#!/bin/sh\nargs_file='${argsFile}'\n${script}`);
  fs.chmodSync(path.join(bin, 'journeyc'), 0o755);
  return { bin, argsFile };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
}

// A language server that answers `initialize` and `shutdown`, records its
// arguments and the methods it received.
const FAKE_SERVER = String.raw`
const fs = require('fs');
const [argsFile, logFile] = [process.env.FAKE_ARGS, process.env.FAKE_LOG];
if (process.argv[3] === '--help') { console.log('Run the language server'); process.exit(0); }
fs.writeFileSync(argsFile, process.argv.slice(2).join('\n') + '\n');
let buffer = Buffer.alloc(0);
const send = (msg) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
  process.stdout.write('Content-Length: ' + body.length + '\r\n\r\n');
  process.stdout.write(body);
};
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const msg = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString());
    buffer = buffer.slice(end + 4 + length);
    fs.appendFileSync(logFile, msg.method + '\n');
    if (msg.method === 'initialize') send({ id: msg.id, result: { capabilities: {}, serverInfo: { name: 'fake' } } });
    else if (msg.method === 'shutdown') send({ id: msg.id, result: null });
    else if (msg.method === 'exit') process.exit(0);
  }
});
`;

test('starts `journeyc lsp` from PATH with the extra arguments and talks LSP over stdio', { skip: process.platform === 'win32' }, async () => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-vscode-bin-'));
  const serverJs = path.join(bin, 'server.js');
  fs.writeFileSync(serverJs, FAKE_SERVER);
  fs.writeFileSync(path.join(bin, 'journeyc'), `#!/bin/sh\nexec '${process.execPath}' '${serverJs}' "$@"\n`);
  fs.chmodSync(path.join(bin, 'journeyc'), 0o755);
  process.env.PATH = `${bin}:${savedPath}`;
  process.env.FAKE_ARGS = path.join(bin, 'args.txt');
  process.env.FAKE_LOG = path.join(bin, 'log.txt');
  try {
    const { api, rec } = makeVscode({ 'journey.server.path': '', 'journey.server.extraArgs': ['--log', 'debug'] }, undefined);
    const ext = loadExtension(api) as { activate: (ctx: unknown) => Promise<void>; deactivate: () => Promise<void> };
    await ext.activate({ subscriptions: [] });
    await waitFor(() => rec.status.text === 'journeyc');

    assert.equal(fs.readFileSync(process.env.FAKE_ARGS, 'utf8'), 'lsp\n--log\ndebug\n');
    assert.equal(rec.status.text, 'journeyc', JSON.stringify(rec));
    assert.equal(rec.status.detail, path.join(bin, 'journeyc'));
    assert.deepEqual(rec.errors, []);

    await ext.deactivate();
    const log = process.env.FAKE_LOG;
    await waitFor(() => fs.readFileSync(log, 'utf8').includes('exit'));
    const methods = fs.readFileSync(process.env.FAKE_LOG, 'utf8').trim().split('\n');
    assert.deepEqual([methods[0], methods[1]], ['initialize', 'initialized']);
    assert.deepEqual(methods.slice(-2), ['shutdown', 'exit']);
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
});

test('a journeyc without the lsp command gets one clear message and is not started', { skip: process.platform === 'win32' }, async () => {
  const { bin, argsFile } = fakeJourneyc(
    'printf \'%s\\n\' "$@" >> "$args_file"\necho "error: unrecognized subcommand \'lsp\'" >&2\nexit 2\n');
  process.env.PATH = `${bin}:${savedPath}`;
  try {
    const { api, rec } = makeVscode({ 'journey.server.path': '' }, undefined);
    const ext = loadExtension(api);
    await ext.activate({ subscriptions: [] });
    await waitFor(() => rec.errors.length > 0);
    await new Promise((r) => setTimeout(r, 100));

    assert.equal(fs.readFileSync(argsFile, 'utf8'), 'lsp\n--help\n', 'only the check ran');
    assert.equal(rec.errors.length, 1, JSON.stringify(rec.errors));
    assert.match(rec.errors[0].message, /exited with status 2 \(error: unrecognized subcommand 'lsp'\)/);
    assert.ok(rec.errors[0].message.includes('cargo install --path crates/journeyc'));
    assert.deepEqual(rec.errors[0].actions, ['Copy Install Command', 'Open Settings', 'Show Output']);
    assert.equal(rec.status.text, 'journeyc too old');
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
});

test('a platform package starts its bundled journeyc, even with none on PATH, and restores its mode', { skip: process.platform === 'win32' }, async () => {
  const extension = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-vscode-ext-'));
  const bin = path.join(extension, 'server');
  fs.mkdirSync(bin);
  const serverJs = path.join(extension, 'server.js');
  fs.writeFileSync(serverJs, FAKE_SERVER);
  const bundled = path.join(bin, 'journeyc');
  fs.writeFileSync(bundled, `#!/bin/sh\nexec '${process.execPath}' '${serverJs}' "$@"\n`);
  // as an unpacked package may leave it: not executable
  fs.chmodSync(bundled, 0o644);
  process.env.PATH = emptyDir;
  process.env.FAKE_ARGS = path.join(extension, 'args.txt');
  process.env.FAKE_LOG = path.join(extension, 'log.txt');
  try {
    const { api, rec } = makeVscode({ 'journey.server.path': '' }, undefined);
    const ext = loadExtension(api) as { activate: (ctx: unknown) => Promise<void>; deactivate: () => Promise<void> };
    await ext.activate({ subscriptions: [], extensionPath: extension, asAbsolutePath: (p: string) => path.join(extension, p) });
    await waitFor(() => rec.status.text === 'journeyc');
    assert.deepEqual(rec.errors, []);
    assert.equal(rec.status.detail, bundled);
    assert.equal(fs.readFileSync(process.env.FAKE_ARGS, 'utf8'), 'lsp\n');
    assert.equal(fs.statSync(bundled).mode & 0o111, 0o111, 'made executable');
    await ext.deactivate();
    const log = process.env.FAKE_LOG;
    await waitFor(() => fs.readFileSync(log, 'utf8').includes('exit'));
  } finally {
    fs.rmSync(extension, { recursive: true, force: true, maxRetries: 5 });
  }
});
