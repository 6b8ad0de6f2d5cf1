// Locating the journeyc executable. Kept free of the `vscode` module so that
// it can be unit-tested with plain Node.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** How to install the language server, shown whenever it cannot be found. */
export const INSTALL_COMMAND = 'cargo install --path crates/journeyc';

export const SERVER_NAME = 'journeyc';

export interface ResolveOptions {
  /** The `journey.server.path` setting; empty or undefined means "bundled, else PATH". */
  configuredPath: string | undefined;
  /**
   * The journeyc carried by a platform-specific extension package
   * (`server/journeyc` in the extension folder), when this package has one.
   */
  bundledPath?: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homedir: string;
  /** First workspace folder, for `${workspaceFolder}` and relative settings. */
  workspaceFolder?: string;
}

export type ServerResolution =
  | { kind: 'found'; command: string; source: 'setting' | 'bundled' | 'path' }
  | { kind: 'bad-setting'; configured: string; resolved: string; reason: string }
  | { kind: 'not-on-path'; directories: string[]; bundled?: { path: string; reason: string } };

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

/** Why a file cannot run as the server (translated where shown). */
export const REASONS = {
  missing: 'the file does not exist', // l10n
  notFile: 'it is not a file', // l10n
  notExecutable: 'the file is not executable', // l10n
  notOnPath: 'no such program was found on PATH', // l10n
} as const;

/** Why `file` cannot be run as the server, or undefined when it can. */
export function whyNotExecutable(file: string, platform: NodeJS.Platform): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return REASONS.missing;
  }
  if (!stat.isFile()) return REASONS.notFile;
  if (platform !== 'win32') {
    try {
      fs.accessSync(file, fs.constants.X_OK);
    } catch {
      return REASONS.notExecutable;
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

/** The file name of the bundled server on `platform`. */
export function bundledName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${SERVER_NAME}.exe` : SERVER_NAME;
}

/**
 * Decides which executable runs `journeyc lsp`: the setting if given, else
 * the binary bundled with the extension, else `journeyc` on PATH.
 */
export function resolveServer(opts: ResolveOptions): ServerResolution {
  const configured = opts.configuredPath?.trim() ?? '';
  if (configured.length > 0) {
    const expanded = expandPath(configured, opts);
    // a bare name such as "journeyc-dev" is looked up on PATH
    if (!/[\\/]/.test(expanded)) {
      const found = findOnPath(expanded, opts.env, opts.platform);
      return found !== undefined
        ? { kind: 'found', command: found, source: 'setting' }
        : { kind: 'bad-setting', configured, resolved: expanded, reason: REASONS.notOnPath };
    }
    const reason = whyNotExecutable(expanded, opts.platform);
    return reason === undefined
      ? { kind: 'found', command: expanded, source: 'setting' }
      : { kind: 'bad-setting', configured, resolved: expanded, reason };
  }
  let bundled: { path: string; reason: string } | undefined;
  if (opts.bundledPath !== undefined) {
    const reason = whyNotExecutable(opts.bundledPath, opts.platform);
    if (reason === undefined) return { kind: 'found', command: opts.bundledPath, source: 'bundled' };
    // A package without a binary (the universal one) simply has none.
    if (reason !== REASONS.missing) bundled = { path: opts.bundledPath, reason };
  }
  const found = findOnPath(SERVER_NAME, opts.env, opts.platform);
  if (found !== undefined) return { kind: 'found', command: found, source: 'path' };
  const directories = pathDirectories(opts.env, opts.platform);
  return bundled === undefined ? { kind: 'not-on-path', directories } : { kind: 'not-on-path', directories, bundled };
}

/** Translates a message with `{0}`-style placeholders (vscode.l10n.t in the extension). */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** Fills `{0}`, `{1}` … without translating (the English text). */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : whole));

/** The message shown when the server cannot be started from `resolution`. */
export function missingServerMessage(
  resolution: Exclude<ServerResolution, { kind: 'found' }>,
  t: Translate = english,
): string {
  if (resolution.kind === 'bad-setting') {
    return t('Journey: the setting "journey.server.path" is "{0}" ({1}), but {2}. Point it at the journeyc program, or clear it to use the journeyc that comes with the extension.',
      resolution.configured, resolution.resolved, t(resolution.reason));
  }
  if (resolution.bundled !== undefined) {
    return t('Journey: the journeyc program that comes with the extension ({0}) cannot run: {1}. Reinstall the extension, or set "journey.server.path" to a journeyc program. Colours and snippets work without it.',
      resolution.bundled.path, t(resolution.bundled.reason));
  }
  return t('Journey: checks, completion and the journey map need the journeyc program. This copy of the extension does not include it for your system, and none was found on PATH. Install the Journey extension made for your platform, or set "journey.server.path" to a journeyc program (developers: "{0}" in the journeyc repository). Colours and snippets work without it.',
    INSTALL_COMMAND);
}
