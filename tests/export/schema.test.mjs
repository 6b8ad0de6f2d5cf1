// Validates every JSON export in $EXPORT_DIR (*.json) against
// schemas/journey-export.schema.json and checks that every reference
// names an entity of the same document. Run by scripts/test-export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, '../../schemas/journey-export.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

const dir = process.env.EXPORT_DIR;
assert.ok(dir, 'EXPORT_DIR must name the folder with the exports');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

test('the exports are there', () => {
  assert.ok(files.length >= 4, `expected the examples and the hostile fixture, got ${files}`);
});

function errors() {
  return ajv.errorsText(validate.errors, { separator: '\n' });
}

for (const file of files) {
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));

  test(`${file}: valid against the schema`, () => {
    assert.ok(validate(doc), errors());
  });

  test(`${file}: the schema notices a broken document`, () => {
    const broken = structuredClone(doc);
    broken.phases[0].touchpoints[0].experience = 'great';
    delete broken.schema_version;
    assert.equal(validate(broken), false);
  });

  test(`${file}: every reference resolves`, () => {
    const personas = new Set(doc.personas.map((p) => p.id));
    const phases = new Set(doc.phases.map((p) => p.id));
    const journeys = new Set(doc.journeys.map((j) => j.id));
    const goals = new Set(doc.goals.map((g) => g.id));
    const touchpoints = new Set(doc.phases.flatMap((p) => p.touchpoints.map((t) => t.id)));
    for (const j of doc.journeys) {
      for (const p of j.phases) assert.ok(phases.has(p), `journey ${j.id}: phase ${p}`);
      if (j.loop) {
        assert.ok(phases.has(j.loop.from) && phases.has(j.loop.to), `loop of ${j.id}`);
      }
      // Phases come in journey order.
      const order = doc.phases.map((p) => p.id).slice(0, j.phases.length);
      if (doc.journeys.length === 1) assert.deepEqual(order, j.phases);
    }
    for (const p of doc.phases) {
      for (const j of p.journeys) assert.ok(journeys.has(j));
      for (const t of p.touchpoints) {
        assert.equal(t.phase, p.id);
        for (const s of t.serves) assert.ok(personas.has(s), `${t.id} serves ${s}`);
        for (const r of t.reached_by) assert.ok(goals.has(r.goal), `${t.id} reached by ${r.goal}`);
      }
    }
    for (const p of doc.personas) {
      for (const t of p.touchpoints) assert.ok(touchpoints.has(t), `${p.id}: ${t}`);
    }
    for (const g of doc.goals) {
      for (const a of g.actors) {
        if (a.persona !== null) assert.ok(personas.has(a.persona));
        for (const i of a.impacts) {
          for (const t of i.via) assert.ok(touchpoints.has(t), `${i.id} via ${t}`);
          for (const d of i.deliverables) {
            for (const t of d.via) assert.ok(touchpoints.has(t), `${i.id} deliverable via ${t}`);
          }
        }
      }
    }
    for (const t of [...doc.teams, ...doc.systems]) {
      for (const p of t.phases) assert.ok(phases.has(p));
      for (const x of t.touchpoints) assert.ok(touchpoints.has(x));
    }
  });

  test(`${file}: locations point into the listed files`, () => {
    const paths = new Set(doc.files);
    const seen = [];
    const walk = (v) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if (v.location) seen.push(v.location);
        Object.values(v).forEach(walk);
      }
    };
    walk(doc);
    assert.ok(seen.length > 0);
    for (const l of seen) {
      assert.ok(paths.has(l.path), `unknown file ${l.path}`);
      assert.ok(l.end.offset >= l.start.offset);
    }
  });
}
