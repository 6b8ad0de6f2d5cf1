import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import {
  INSTALL_COMMAND,
  ResolveOptions,
  english,
  expandPath,
  findOnPath,
  missingServerMessage,
  resolveServer,
} from '../src/server';

const posix = process.platform !== 'win32';

const created: string[] = [];
after(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-vscode-'));
  created.push(dir);
  return dir;
}

function executable(dir: string, name: string, mode = 0o755): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n');
  fs.chmodSync(file, mode);
  return file;
}

function options(overrides: Partial<ResolveOptions>): ResolveOptions {
  return {
    configuredPath: undefined,
    env: { PATH: '' },
    platform: process.platform,
    homedir: '/home/ada',
    ...overrides,
  };
}

test('finds journeyc in the first PATH directory that has it', { skip: !posix }, () => {
  const a = tempDir();
  const b = tempDir();
  const c = tempDir();
  executable(a, 'other');
  const expected = executable(b, 'journeyc');
  executable(c, 'journeyc');
  const result = resolveServer(options({ env: { PATH: [a, b, c].join(':') } }));
  assert.deepEqual(result, { kind: 'found', command: expected, source: 'path' });
});

test('skips a journeyc on PATH that is not executable', { skip: !posix }, () => {
  const a = tempDir();
  const b = tempDir();
  executable(a, 'journeyc', 0o644);
  const expected = executable(b, 'journeyc');
  assert.equal(findOnPath('journeyc', { PATH: `${a}:${b}` }, process.platform), expected);
});

test('reports the searched directories when journeyc is not on PATH', () => {
  const a = tempDir();
  const result = resolveServer(options({ env: { PATH: a } }));
  assert.deepEqual(result, { kind: 'not-on-path', directories: [a] });
  if (result.kind === 'not-on-path') {
    const message = missingServerMessage(result);
    assert.match(message, /none was found on PATH/);
    assert.ok(message.includes(INSTALL_COMMAND), message);
    assert.match(message, /journey\.server\.path/);
  }
});

test('the setting wins over PATH', { skip: !posix }, () => {
  const onPath = tempDir();
  executable(onPath, 'journeyc');
  const custom = executable(tempDir(), 'journeyc-dev');
  const result = resolveServer(options({ configuredPath: custom, env: { PATH: onPath } }));
  assert.deepEqual(result, { kind: 'found', command: custom, source: 'setting' });
});

test('the bundled journeyc comes after the setting and before PATH', { skip: !posix }, () => {
  const onPath = tempDir();
  const fromPath = executable(onPath, 'journeyc');
  const bundled = executable(tempDir(), 'journeyc');
  const custom = executable(tempDir(), 'journeyc-dev');
  assert.deepEqual(
    resolveServer(options({ bundledPath: bundled, env: { PATH: onPath } })),
    { kind: 'found', command: bundled, source: 'bundled' });
  assert.deepEqual(
    resolveServer(options({ configuredPath: custom, bundledPath: bundled, env: { PATH: onPath } })),
    { kind: 'found', command: custom, source: 'setting' });
  // the universal package has no server/ folder: PATH as before
  assert.deepEqual(
    resolveServer(options({ bundledPath: path.join(tempDir(), 'server', 'journeyc'), env: { PATH: onPath } })),
    { kind: 'found', command: fromPath, source: 'path' });
});

test('a bundled journeyc that cannot run is named in the message', { skip: !posix }, () => {
  const broken = executable(tempDir(), 'journeyc', 0o644);
  const result = resolveServer(options({ bundledPath: broken, env: { PATH: tempDir() } }));
  assert.equal(result.kind, 'not-on-path');
  if (result.kind === 'not-on-path') {
    assert.deepEqual(result.bundled, { path: broken, reason: 'the file is not executable' });
    const message = missingServerMessage(result);
    assert.ok(message.includes(`comes with the extension (${broken}) cannot run: the file is not executable`), message);
  }
});

test('messages go through the translation function, placeholders filled', () => {
  const seen: string[] = [];
  const german = (m: string, ...args: Array<string | number>) => {
    seen.push(m);
    return english(m === 'the file does not exist' ? 'die Datei existiert nicht' : `DE ${m}`, ...args);
  };
  const message = missingServerMessage({ kind: 'bad-setting', configured: '~/x', resolved: '/home/ada/x', reason: 'the file does not exist' }, german);
  assert.ok(message.startsWith('DE Journey: the setting "journey.server.path" is "~/x" (/home/ada/x), but die Datei existiert nicht.'), message);
  assert.deepEqual(seen.length, 2);
});

test('a setting that points at a missing file is reported, not replaced by PATH', { skip: !posix }, () => {
  const onPath = tempDir();
  executable(onPath, 'journeyc');
  const missing = path.join(tempDir(), 'nope', 'journeyc');
  const result = resolveServer(options({ configuredPath: missing, env: { PATH: onPath } }));
  assert.equal(result.kind, 'bad-setting');
  if (result.kind === 'bad-setting') {
    assert.equal(result.reason, 'the file does not exist');
    assert.ok(missingServerMessage(result).includes(missing));
  }
});

test('a setting that points at a directory or a non-executable file is reported', { skip: !posix }, () => {
  const dir = tempDir();
  const dirResult = resolveServer(options({ configuredPath: dir }));
  assert.equal(dirResult.kind === 'bad-setting' && dirResult.reason, 'it is not a file');
  const plain = executable(dir, 'journeyc', 0o644);
  const fileResult = resolveServer(options({ configuredPath: plain }));
  assert.equal(fileResult.kind === 'bad-setting' && fileResult.reason, 'the file is not executable');
});

test('a bare program name in the setting is looked up on PATH', { skip: !posix }, () => {
  const dir = tempDir();
  const expected = executable(dir, 'journeyc-nightly');
  const found = resolveServer(options({ configuredPath: 'journeyc-nightly', env: { PATH: dir } }));
  assert.deepEqual(found, { kind: 'found', command: expected, source: 'setting' });
  const missing = resolveServer(options({ configuredPath: 'journeyc-missing', env: { PATH: dir } }));
  assert.equal(missing.kind, 'bad-setting');
});

test('expands ~, ${userHome}, ${env:…} and ${workspaceFolder}', () => {
  const opts = options({
    platform: 'linux',
    env: { CARGO_HOME: '/opt/cargo' },
    workspaceFolder: '/work/repo',
  });
  assert.equal(expandPath('~/.cargo/bin/journeyc', opts), '/home/ada/.cargo/bin/journeyc');
  assert.equal(expandPath('${userHome}/bin/journeyc', opts), '/home/ada/bin/journeyc');
  assert.equal(expandPath('${env:CARGO_HOME}/bin/journeyc', opts), '/opt/cargo/bin/journeyc');
  assert.equal(expandPath('${workspaceFolder}/target/debug/journeyc', opts), '/work/repo/target/debug/journeyc');
  assert.equal(expandPath('target/debug/journeyc', opts), '/work/repo/target/debug/journeyc');
  assert.equal(expandPath('  /usr/bin/journeyc ', opts), '/usr/bin/journeyc');
});

test('Windows: PATH (any case) is split on ";" and PATHEXT is tried', () => {
  const files = new Set(['D:\\tools\\journeyc.EXE', 'E:\\later\\journeyc.EXE']);
  const found = findOnPath(
    'journeyc',
    { Path: 'C:\\nowhere;D:\\tools;E:\\later', PATHEXT: '.COM;.EXE' },
    'win32',
    (file) => files.has(file),
  );
  assert.equal(found, 'D:\\tools\\journeyc.EXE');
});
