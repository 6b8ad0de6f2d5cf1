// Mermaid's own command line (mmdc, with Debian's Chromium through a
// puppeteer config, no browser download) renders every chart of the
// large journey's Mermaid export: each journey chart holds at most 20
// tasks, draws all of them (not a blank strip) and colours the two
// personas apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const dir = process.env.EXPORT_DIR;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
assert.ok(dir, 'EXPORT_DIR must name the folder with the exports');
const out = join(dir, 'mmdc');
mkdirSync(out, { recursive: true });
const config = join(out, 'puppeteer.json');
writeFileSync(config, JSON.stringify({ executablePath, args: ['--no-sandbox', '--disable-gpu'] }));
const mmdc = join(import.meta.dirname, 'node_modules', '.bin', 'mmdc');

test('mmdc renders every chart of the 150-touchpoint journey', () => {
  execFileSync(mmdc, ['-q', '-p', config, '-i', join(dir, 'large.mermaid.md'), '-o', join(out, 'large.svg')], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  const charts = readdirSync(out).filter((f) => /^large-\d+\.svg$/.test(f));
  const journeys = charts.map((f) => readFileSync(join(out, f), 'utf8')).filter((s) => s.includes('class="actor-0"'));
  assert.ok(journeys.length >= 5, `${journeys.length} journey charts`);
  let drawn = 0;
  for (const svg of journeys) {
    const tasks = new Set(svg.match(/>Touchpoint \d+ of step \d+ \(/g) || []).size;
    assert.ok(tasks >= 1 && tasks <= 20, `${tasks} tasks in a chart`);
    drawn += tasks;
    // Narrow enough to read: 20 tasks stay under 4,500 px.
    const width = Number(/viewBox="[-\d.]+ [-\d.]+ ([\d.]+)/.exec(svg)[1]);
    assert.ok(width < 4500, `a chart ${width} px wide`);
    // The personas' colours: blue and red, not Mermaid's two greens.
    assert.match(svg, /\.actor-0\{fill:rgb\(31, 119, 180\);\}/);
    assert.match(svg, /\.actor-1\{fill:rgb\(214, 39, 40\);\}/);
  }
  const scored = JSON.parse(readFileSync(join(dir, 'large.json'), 'utf8'))
    .phases.flatMap((p) => p.touchpoints)
    .filter((t) => t.state !== 'planned' && t.experience != null).length;
  assert.equal(drawn, scored, 'every scored touchpoint is drawn once');
});
