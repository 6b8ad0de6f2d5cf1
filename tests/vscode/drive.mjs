// Drives the Journey extension in a real VS Code (code-server) with
// playwright-core and Debian's chromium, as a person would: keyboard,
// mouse, the command palette, the map preview's webview.
//
//   node drive.mjs --code-server BIN --vsix FILE --shots DIR [--keep]
//
// Installs the .vsix into a fresh extensions folder, starts code-server on
// 127.0.0.1 (auth none, fresh user data, no journeyc on PATH, no setting)
// and prints one line per step (`ok`/`FAIL`), a screenshot per step in
// DIR, and `N passed, N failed` at the end (exit 1 on a failure).
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const codeServer = arg('--code-server');
const vsix = arg('--vsix');
const shots = arg('--shots');
const keep = process.argv.includes('--keep');
if (!codeServer || !vsix || !shots) {
  console.error('usage: node drive.mjs --code-server BIN --vsix FILE --shots DIR');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-vscode-ui-'));
const userData = path.join(tmp, 'user-data');
const extensions = path.join(tmp, 'extensions');
const workspace = path.join(tmp, 'shop');
const empty = path.join(tmp, 'empty');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.mkdirSync(empty);
fs.cpSync(path.join(here, 'workspace'), workspace, { recursive: true });
fs.rmSync(shots, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });
// Editor settings only; nothing about journeyc.
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'workbench.editor.enablePreview': false,
  'window.dialogStyle': 'custom',
}, null, 2));

// PATH without any journeyc: the system folders where node lives.
const PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin', path.dirname(process.execPath)]
  .filter((d, i, all) => all.indexOf(d) === i && !fs.existsSync(path.join(d, 'journeyc')))
  .join(':');
const env = {
  PATH,
  HOME: tmp,
  XDG_CONFIG_HOME: path.join(tmp, 'config'),
  XDG_DATA_HOME: path.join(tmp, 'data'),
  TMPDIR: tmp,
  LANG: 'C.UTF-8',
};

let passed = 0;
let failed = 0;
let shot = 0;
let page;
const started = Date.now();
const figures = [];

async function step(name, fn) {
  const t0 = Date.now();
  let error;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  shot++;
  const file = path.join(shots, `${String(shot).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  if (page) await page.screenshot({ path: file }).catch(() => undefined);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (error === undefined) {
    passed++;
    console.log(`  ok    ${name.padEnd(60)} ${secs}s`);
  } else {
    failed++;
    console.log(`  FAIL  ${name.padEnd(60)} ${secs}s`);
    console.log(String(error?.stack ?? error).split('\n').slice(0, 8).map((l) => `        | ${l}`).join('\n'));
  }
  return error === undefined;
}

/** An extra screenshot in the middle of a step (the state it proves). */
async function snap(name) {
  shot++;
  const file = path.join(shots, `${String(shot).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path: file }).catch(() => undefined);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function until(what, fn, timeout = 20_000, every = 50) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

const text = (file) => fs.readFileSync(path.join(workspace, file), 'utf8');
/** 1-based line and column of `needle` (plus `offset` characters) in a workspace file. */
function where(file, needle, offset = 0) {
  const t = text(file);
  const at = t.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in ${file}`);
  const before = t.slice(0, at + offset);
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return { line, col };
}

// ---- the VS Code UI -----------------------------------------------------------

async function palette(command) {
  // right after a window opens, extensions' commands may not be listed yet
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${command}`);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: command }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch (e) {
      if (attempt >= 10) throw e;
      await page.keyboard.press('Escape');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await until(`${name} active`, async () => (await activeTab()) === name);
  await editorFocus();
}

async function activeTab() {
  return (await page.locator('.editor-group-container.active .tab.active .label-name').first().textContent({ timeout: 2000 }))?.trim();
}

async function editorFocus() {
  // The text is in the first group, the map preview in the second. After a
  // click in the preview, keys go to the preview's frame and Ctrl+1 may
  // never reach VS Code: activate the first group with a click on its tab,
  // or else on its text, until VS Code reports that group as the active one.
  const active = page.locator('.editor-group-container.active .monaco-editor textarea');
  const first = page.locator('.editor-group-container').first();
  let tries = 0;
  await until('the text editor group active', async () => {
    if (await active.count() > 0) return true;
    const target = tries++ % 2 === 0 ? first.locator('.tab.active') : first.locator('.monaco-editor .view-lines');
    await target.first().click({ timeout: 2000 });
    return (await active.count()) > 0;
  }, 15_000, 250);
  await active.first().focus();
}

async function gotoLine(line, col) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await until(`cursor at ${line}:${col}`, async () => {
    const c = await cursor();
    return c.line === line && c.col === col;
  }, 5000);
}

async function cursor() {
  const label = await page.locator('[id="status.editor.selection"]').first().textContent({ timeout: 2000 });
  const m = /Ln (\d+), Col (\d+)/.exec(label ?? '');
  return m ? { line: Number(m[1]), col: Number(m[2]) } : { line: -1, col: -1 };
}

async function select(chars) {
  for (let i = 0; i < chars; i++) await page.keyboard.press('Shift+ArrowRight');
}

async function journeyStatus() {
  return page.locator('#workbench\\.parts\\.statusbar [aria-label^="Journey: "]').first().getAttribute('aria-label', { timeout: 2000 });
}

/** The map preview's frame (the webview's inner document with #map). */
async function mapFrame() {
  return until('the map preview', async () => {
    for (const f of page.frames()) {
      if (await f.$('#map').catch(() => null)) return f;
    }
    return undefined;
  });
}

async function mapText(frame, selector) {
  return frame.locator(selector).first().textContent({ timeout: 1000 });
}

// ---- run ---------------------------------------------------------------------

let server;
let browser;
try {
  const installLog = execFileSync(codeServer, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix],
    { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const installed = fs.readdirSync(extensions).find((d) => d.startsWith('journeyc.journey-'));
  await step('install the platform .vsix into code-server 4.100.3', async () => {
    if (!installed) throw new Error(`not installed: ${installLog}`);
    const bin = path.join(extensions, installed, 'server', 'journeyc');
    fs.accessSync(bin, fs.constants.X_OK);
    try {
      execFileSync('sh', ['-c', 'command -v journeyc'], { env, stdio: 'pipe' });
      throw new Error('journeyc is on the PATH given to code-server');
    } catch (e) {
      if (/on the PATH/.test(e.message)) throw e;
    }
  });
  const bundled = path.join(extensions, installed ?? '', 'server', 'journeyc');

  const port = await freePort();
  const config = path.join(tmp, 'code-server.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  server = spawn(codeServer, [
    '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', userData, '--extensions-dir', extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    workspace,
  ], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let serverLog = '';
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  await until('code-server to listen', () => new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
    s.on('error', () => resolve(false));
  }), 60_000, 200);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  page = await context.newPage();
  const base = `http://127.0.0.1:${port}`;

  await step('open the workspace, the server starts from the bundled journeyc', async () => {
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await until('the explorer', () => page.locator('.explorer-folders-view .monaco-list-row').first().isVisible(), 60_000);
    await openFile('phases.journey');
    await until('the journey status item (server running)', async () => /1 warning/.test(await journeyStatus() ?? ''), 60_000);
  });

  await step('colouring applied (TextMate grammar)', async () => until('three colours', async () => {
    const colours = await page.evaluate(() => {
      const spans = Array.from(document.querySelectorAll('.editor-group-container.active .view-lines .view-line span span'));
      const colour = (t) => {
        const s = spans.find((x) => x.textContent.trim() === t);
        return s ? getComputedStyle(s).color : undefined;
      };
      return { keyword: colour('phase'), string: colour('"Awareness"'), number: colour('4'), name: colour('awareness') };
    });
    const distinct = new Set(Object.values(colours).filter(Boolean));
    if (distinct.size < 3) throw new Error(`too few colours: ${JSON.stringify(colours)}`);
    return true;
  }, 15_000));

  const serves = where('phases.journey', 'serves sabine', 'serves '.length);
  await step('a diagnostic with its code after typing a mistake', async () => {
    await gotoLine(serves.line, serves.col);
    await select('sabine'.length);
    await page.keyboard.type('sabina');
    await page.keyboard.press('Escape');
    await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'sabina' }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    const shown = await row.textContent();
    if (!/J\d{4}/.test(shown ?? '')) throw new Error(`no code in the problem: ${shown}`);
    await snap('diagnostic J-code in Problems');
    // and back
    await editorFocus();
    await gotoLine(serves.line, serves.col);
    await select('sabina'.length);
    await page.keyboard.type('sabine');
    await page.keyboard.press('Escape');
    await until('the error gone', async () => (await page.locator('.editor-group-container.active .squiggly-error').count()) === 0, 15_000);
  });

  await step('hover on a persona shows its role', async () => {
    await gotoLine(serves.line, serves.col + 2);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover-content', { hasText: 'Managing director of a joinery' }).first();
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
  });

  await step('completion offers the personas', async () => {
    await page.keyboard.press('Escape');
    await gotoLine(serves.line, serves.col + 'sabine'.length);
    await page.keyboard.type(', ');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'tom' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await snap('completion list');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
  });

  await step('go to definition (F12) opens the persona', async () => {
    await gotoLine(serves.line, serves.col + 2);
    await page.keyboard.press('F12');
    const def = where('personas.journey', 'persona sabine', 'persona '.length);
    await until('personas.journey at the definition', async () => {
      const c = await cursor();
      return (await activeTab()) === 'personas.journey' && c.line === def.line && c.col === def.col;
    }, 10_000);
  });

  let frame;
  await step('the map preview opens beside the editor (editor-title button)', async () => {
    await openFile('journey.journey');
    await page.locator('.editor-group-container.active .editor-actions [aria-label^="Open Map Preview"]').first().click();
    frame = await mapFrame();
    await until('the journey title in the map', async () => (await mapText(frame, 'h1')) === 'Invoices in two minutes');
    if (await frame.locator('[data-ref="touchpoint:checkout"]').count() === 0) throw new Error('no touchpoint card');
    // a strict policy: one nonce'd script, nothing loaded
    const policy = await frame.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      // VS Code adds its own host script to every webview; ours is the one with the map code
      scripts: Array.from(document.scripts).filter((s) => s.src !== '' || s.textContent.includes('jm-persona'))
        .map((s) => ({ nonce: s.nonce !== '', src: s.src })),
      loaded: performance.getEntriesByType('resource').map((e) => e.name),
    }));
    if (!/default-src 'none'/.test(policy.csp) || !/script-src 'nonce-[^']+'/.test(policy.csp) || /unsafe-eval|https?:/.test(policy.csp)) {
      throw new Error(`policy: ${policy.csp}`);
    }
    if (policy.scripts.length !== 1 || !policy.scripts[0].nonce || policy.scripts[0].src !== '') throw new Error(`scripts: ${JSON.stringify(policy.scripts)}`);
    if (policy.loaded.length > 0) throw new Error(`the map loaded ${policy.loaded.join(', ')}`);
  });

  const title = where('journey.journey', '"Invoices in two minutes"', 1);
  await step('an edit shows in the map within 2 s', async () => {
    await editorFocus();
    await gotoLine(title.line, title.col);
    await select('Invoices'.length);
    const t0 = Date.now();
    await page.keyboard.type('Rechnungen');
    const typed = Date.now();
    await until('the changed title', async () => (await mapText(frame, 'h1')) === 'Rechnungen in two minutes', 10_000, 10);
    const ms = Date.now() - typed;
    figures.push(`edit → updated preview: ${ms} ms after the last keystroke (${Date.now() - t0} ms after the first)`);
    if (ms > 2000) throw new Error(`the map took ${ms} ms`);
  });

  await step('a syntax error keeps the last map, marked stale', async () => {
    await gotoLine(title.line, title.col + 'Rechnungen in two minutes'.length + 1);
    await page.keyboard.press('Backspace');
    await until('the stale notice', async () => frame.locator('#jm-notice').isVisible(), 10_000);
    const notice = await mapText(frame, '#jm-notice');
    if (!/Stale/.test(notice ?? '') || !/line 5/.test(notice ?? '')) throw new Error(`notice: ${notice}`);
    if ((await mapText(frame, 'h1')) !== 'Rechnungen in two minutes') throw new Error('the last good map is gone');
    await snap('stale marker');
    await page.keyboard.press('Control+Z');
    await until('the notice gone', async () => !(await frame.locator('#jm-notice').isVisible()), 10_000);
  });

  await step('persona filter, target view and scroll survive an update', async () => {
    await frame.locator('#jm-persona').selectOption('tom');
    await frame.locator('label[for="view-target"]').first().click();
    // The cursor goes to the title first: moving it scrolls its card into
    // view (a step below). Then the reader scrolls, and only typing follows.
    await editorFocus();
    await gotoLine(title.line, title.col);
    await select('Rechnungen'.length);
    await until('the title card highlighted', async () =>
      (await frame.locator('[data-ref="journey:shop"].jm-active').count()) > 0, 10_000);
    const scrolled = await frame.evaluate(() => {
      window.scrollTo(0, 400);
      return Math.round(document.scrollingElement.scrollTop);
    });
    if (scrolled < 100) throw new Error(`the map did not scroll: ${scrolled}`);
    await page.keyboard.type('Invoices');
    await until('the update', async () => (await mapText(frame, 'h1')) === 'Invoices in two minutes', 10_000);
    const kept = await frame.evaluate(() => ({
      persona: document.getElementById('jm-persona').value,
      target: document.getElementById('view-target').checked,
      adsHidden: getComputedStyle(document.querySelector('[data-ref="touchpoint:ads"]')).display === 'none',
      scroll: Math.round(document.scrollingElement.scrollTop),
    }));
    if (kept.persona !== 'tom' || !kept.target || !kept.adsHidden || kept.scroll !== scrolled) {
      throw new Error(`not kept: ${JSON.stringify(kept)}`);
    }
    await snap('persona tom, target view, scrolled, after an update');
    await frame.locator('#jm-persona').selectOption('');
    await frame.evaluate(() => window.scrollTo(0, 0));
  });

  await step('a click on a card moves the cursor to its definition', async () => {
    await frame.locator('[data-ref="touchpoint:checkout"]').first().click();
    const def = where('phases.journey', 'touchpoint checkout', 'touchpoint '.length);
    await until('phases.journey at touchpoint checkout', async () => {
      const c = await cursor();
      return (await activeTab()) === 'phases.journey' && c.line === def.line && c.col === def.col;
    }, 10_000);
  });

  await step('moving the cursor highlights the matching card', async () => {
    const inside = where('phases.journey', 'touchpoint newsletter');
    await editorFocus();
    await gotoLine(inside.line + 2, 5);
    await until('the newsletter card highlighted and wholly in view', async () => frame.evaluate(() => {
      const card = document.querySelector('.tp[data-ref="touchpoint:newsletter"].jm-active');
      if (card === null) return false;
      const r = card.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    }), 10_000);
  });

  await step('the status bar counts the findings and opens Problems', async () => {
    const label = await journeyStatus();
    if (!/0 error\(s\) and 1 warning\(s\)/.test(label ?? '')) throw new Error(`status: ${label}`);
    await page.keyboard.press('Control+J'); // close the panel first
    await page.locator('#workbench\\.parts\\.statusbar [aria-label^="Journey: "]').first().click();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'J0413' }).first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  await step('export the HTML map from the command palette', async () => {
    await page.keyboard.press('Control+S');
    await palette('Journey: Export Journey Map (HTML)');
    // code-server's own save dialog: a path field, prefilled
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await until('the proposed file name', async () => (await input.inputValue()).endsWith('journey-map.html'), 5000);
    await page.keyboard.press('Enter');
    const file = path.join(workspace, 'journey-map.html');
    await until('the exported file', () => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('</html>'), 20_000);
    await page.locator('.notifications-toasts', { hasText: 'exported to' }).first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  await step('export the Excel workbook (offered because journeyc has xlsx)', async () => {
    await palette('Journey: Export Journey Workbook (Excel)');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await until('the proposed file name', async () => (await input.inputValue()).endsWith('journey.xlsx'), 5000);
    await page.keyboard.press('Enter');
    const file = path.join(workspace, 'journey.xlsx');
    // a workbook is a zip file
    await until('the exported workbook', () => fs.existsSync(file) && fs.readFileSync(file).subarray(0, 2).toString() === 'PK', 20_000);
  });

  // A marketer's start: an empty folder, the walkthrough, a template.
  await step('walkthrough in an empty folder', async () => {
    await page.goto(`${base}/?folder=${encodeURIComponent(empty)}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await until('the explorer', () => page.locator('.explorer-folders-view').first().isVisible(), 60_000);
    await palette('Journey: Get Started with Journeys');
    await page.locator('.gettingStartedContainer', { hasText: 'Get started with customer journeys' }).first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    await page.locator('.gettingStartedContainer', { hasText: 'Create a journey from a template' }).first().waitFor({ state: 'visible' });
  });

  await step('the walkthrough\'s template command creates a journey that checks clean', async () => {
    // the button of the walkthrough's first step runs the command
    await page.locator('.gettingStartedContainer').getByRole('button', { name: 'Create a journey', exact: true }).first().click();
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Deutsch' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill('Deutsch');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'aida' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('aida');
    await page.keyboard.press('Enter');
    await until('journey.journey opened', async () => (await activeTab()) === 'journey.journey', 20_000);
    for (const f of ['journey.toml', 'journey.journey', 'personas.journey', 'phasen.journey']) {
      if (!fs.existsSync(path.join(empty, f))) throw new Error(`${f} was not created`);
    }
    const out = execFileSync(bundled, ['check', empty], { env, encoding: 'utf8' });
    if (!/no problems/.test(out)) throw new Error(`journeyc check: ${out}`);
    await until('the status bar: no errors', async () => /^Journey: 0 error\(s\)/.test(await journeyStatus() ?? ''), 30_000);
  });

  await step('the new journey\'s map opens', async () => {
    await palette('Journey: Open Map Preview');
    const f = await mapFrame();
    await until('the map of the new journey', async () => ((await mapText(f, 'h1')) ?? '').length > 0, 20_000);
    if (await f.locator('#jm-notice').isVisible()) throw new Error('stale');
  });

  if (failed > 0) {
    console.log('        code-server log (last lines):');
    console.log(serverLog.split('\n').slice(-15).map((l) => `        | ${l}`).join('\n'));
  }
} catch (error) {
  failed++;
  console.log(`  FAIL  ${'setting up code-server and chromium'.padEnd(60)}`);
  console.log(String(error?.stack ?? error).split('\n').slice(0, 10).map((l) => `        | ${l}`).join('\n'));
} finally {
  await browser?.close().catch(() => undefined);
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
}

for (const f of figures) console.log(`  figure: ${f}`);
console.log(`  screenshots: ${shots}`);
console.log(`vscode-ui: ${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)}s)`);
process.exit(failed > 0 ? 1 : 0);
