// Locating the journeyc executable. Kept free of the `vscode` module so that
// it can be unit-tested with plain Node.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** How to install the language server, shown whenever it cannot be found. */
export const INSTALL_COMMAND = 'cargo install --path crates/journeyc';

export const SERVER_NAME = 'journeyc';

export interface ResolveOptions {
  /** The `journey.server.path` setting; empty or undefined means "search PATH". */
  configuredPath: string | undefined;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homedir: string;
  /** First workspace folder, for `${workspaceFolder}` and relative settings. */
  workspaceFolder?: string;
}

export type ServerResolution =
  | { kind: 'found'; command: string; source: 'setting' | 'path' }
  | { kind: 'bad-setting'; configured: string; resolved: string; reason: string }
  | { kind: 'not-on-path'; directories: string[] };

/** Expands `~`, `${userHome}`, `${workspaceFolder}` and `${env:NAME}`, and makes the path absolute. */
export function expandPath(value: string, opts: ResolveOptions): string {
  const p = opts.platform === 'win32' ? path.win32 : path.posix;
  let result = value.trim()
    .replace(/\$\{userHome\}/g, opts.homedir)
    .replace(/\$\{env:([^}]+)\}/g, (_, name: string) => opts.env[name] ?? '');
  if (opts.workspaceFolder !== undefined) {
    result = result.replace(/\$\{workspaceFolder\}/g, opts.workspaceFolder);
  }
  if (result === '~' || result.startsWith('~/') || result.startsWith('~\\')) {
    result = p.join(opts.homedir, result.slice(1));
  }
  if (!p.isAbsolute(result) && opts.workspaceFolder !== undefined && /[\\/]/.test(result)) {
    result = p.resolve(opts.workspaceFolder, result);
  }
  return result;
}

/** Why `file` cannot be run as the server, or undefined when it can. */
export function whyNotExecutable(file: string, platform: NodeJS.Platform): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'the file does not exist';
  }
  if (!stat.isFile()) return 'it is not a file';
  if (platform !== 'win32') {
    try {
      fs.accessSync(file, fs.constants.X_OK);
    } catch {
      return 'the file is not executable';
    }
  }
  return undefined;
}

function pathDirectories(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const key = platform === 'win32'
    ? Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH'
    : 'PATH';
  const delimiter = platform === 'win32' ? ';' : ':';
  return (env[key] ?? '').split(delimiter).filter((d) => d.length > 0);
}

/** Finds `name` in the directories of PATH (with PATHEXT on Windows). */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  isExecutable: (file: string) => boolean = (file) => whyNotExecutable(file, platform) === undefined,
): string | undefined {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const extensions = platform === 'win32'
    ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter((e) => e.length > 0)]
    : [''];
  for (const dir of pathDirectories(env, platform)) {
    for (const ext of extensions) {
      const candidate = p.join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Decides which executable runs `journeyc lsp`: the setting if given, else PATH. */
export function resolveServer(opts: ResolveOptions): ServerResolution {
  const configured = opts.configuredPath?.trim() ?? '';
  if (configured.length > 0) {
    const expanded = expandPath(configured, opts);
    // a bare name such as "journeyc-dev" is looked up on PATH
    if (!/[\\/]/.test(expanded)) {
      const found = findOnPath(expanded, opts.env, opts.platform);
      return found !== undefined
        ? { kind: 'found', command: found, source: 'setting' }
        : { kind: 'bad-setting', configured, resolved: expanded, reason: 'no such program was found on PATH' };
    }
    const reason = whyNotExecutable(expanded, opts.platform);
    return reason === undefined
      ? { kind: 'found', command: expanded, source: 'setting' }
      : { kind: 'bad-setting', configured, resolved: expanded, reason };
  }
  const found = findOnPath(SERVER_NAME, opts.env, opts.platform);
  return found !== undefined
    ? { kind: 'found', command: found, source: 'path' }
    : { kind: 'not-on-path', directories: pathDirectories(opts.env, opts.platform) };
}

/** The message shown when the server cannot be started from `resolution`. */
export function missingServerMessage(resolution: Exclude<ServerResolution, { kind: 'found' }>): string {
  if (resolution.kind === 'bad-setting') {
    return `Journey: the setting journey.server.path is "${resolution.configured}" ` +
      `(${resolution.resolved}), but ${resolution.reason}. Point it at the journeyc executable, ` +
      `or clear it to use journeyc from PATH. To install journeyc, run "${INSTALL_COMMAND}" in the journeyc repository.`;
  }
  return `Journey: the language server "${SERVER_NAME}" was not found on PATH. ` +
    `Install it by running "${INSTALL_COMMAND}" in the journeyc repository ` +
    `(cargo puts it in ~/.cargo/bin), or set journey.server.path to the journeyc executable. ` +
    `Syntax highlighting and snippets work without it.`;
}
