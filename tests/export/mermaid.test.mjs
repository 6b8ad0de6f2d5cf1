// Parses every Mermaid diagram that `journeyc export --format mermaid`
// wrote into $EXPORT_DIR (*.mermaid.md) with Mermaid's own parser.
// Run by scripts/test-export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

const dir = process.env.EXPORT_DIR;
assert.ok(dir, 'EXPORT_DIR must name the folder with the exports');
const files = readdirSync(dir).filter((f) => f.endsWith('.mermaid.md')).sort();

/** A diagram without its frontmatter (`---` … `---`). */
export function body(diagram) {
  return diagram.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** The fenced ```mermaid blocks of a Markdown text. */
export function blocks(text) {
  const out = [];
  const re = /^```mermaid\n([\s\S]*?)^```$/gm;
  let m;
  while ((m = re.exec(text)) !== null) out.push(m[1]);
  return out;
}

test('the exports are there', () => {
  assert.ok(files.length >= 4, `expected the examples and the hostile fixture, got ${files}`);
});

test('the parser rejects a broken diagram (the harness can fail)', async () => {
  await assert.rejects(mermaid.parse('journey\n  section A\n    Task; x: 3: Me\n'));
});

for (const file of files) {
  test(`${file}: every diagram parses`, async () => {
    const text = readFileSync(join(dir, file), 'utf8');
    const diagrams = blocks(text);
    assert.ok(diagrams.length >= 1, 'no mermaid block');
    const types = [];
    for (const d of diagrams) {
      const result = await mermaid.parse(d);
      assert.ok(result, 'parse returned nothing');
      types.push(result.diagramType);
    }
    assert.ok(types.includes('journey'), `no journey diagram in ${types}`);
    if (text.includes('flowchart LR')) {
      assert.ok(types.some((t) => t.startsWith('flowchart')), `no flowchart in ${types}`);
    }
  });

  test(`${file}: tasks keep their scores and actors, at most 20 a chart`, async () => {
    const text = readFileSync(join(dir, file), 'utf8');
    const journeys = blocks(text).map(body).filter((d) => d.startsWith('journey'));
    assert.ok(journeys.length >= 1, 'no journey chart');
    for (const journey of journeys) {
      let tasks = 0;
      // Every task line has the form `name: score[: actors]`, score 0-5.
      for (const line of journey.split('\n')) {
        const t = line.trim();
        if (!t || t.startsWith('%%') || /^(journey|title |section )/.test(t)) continue;
        const parts = t.split(':');
        assert.ok(parts.length === 2 || parts.length === 3, `task with stray separator: ${t}`);
        const score = Number(parts[1]);
        assert.ok(score >= 0 && score <= 5, `score out of range: ${t}`);
        tasks++;
      }
      assert.ok(tasks <= 20, `${tasks} tasks in one chart`);
    }
  });
}
