import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MapAnswer, MapRef, isBehind, parseCreatedFiles, parseTemplates, refAt } from '../src/map';

const range = (l0: number, c0: number, l1: number, c1: number) =>
  ({ start: { line: l0, character: c0 }, end: { line: l1, character: c1 } });
const ref = (uri: string, r: ReturnType<typeof range>): MapRef => ({ uri, range: r, selectionRange: r });

test('the card under the cursor is the innermost definition around it', () => {
  const refs = {
    'phase:p': ref('file:///a.journey', range(2, 0, 20, 1)),
    'touchpoint:t': ref('file:///a.journey', range(5, 2, 9, 3)),
    'touchpoint:u': ref('file:///a.journey', range(11, 2, 15, 3)),
    'persona:x': ref('file:///b.journey', range(0, 0, 30, 1)),
  };
  assert.equal(refAt(refs, 'file:///a.journey', { line: 6, character: 4 }), 'touchpoint:t');
  assert.equal(refAt(refs, 'file:///a.journey', { line: 5, character: 2 }), 'touchpoint:t', 'the first character');
  assert.equal(refAt(refs, 'file:///a.journey', { line: 9, character: 3 }), 'touchpoint:t', 'after the closing brace');
  assert.equal(refAt(refs, 'file:///a.journey', { line: 10, character: 0 }), 'phase:p', 'between touchpoints');
  assert.equal(refAt(refs, 'file:///a.journey', { line: 25, character: 0 }), undefined, 'outside every block');
  assert.equal(refAt(refs, 'file:///b.journey', { line: 6, character: 4 }), 'persona:x', 'another file');
  assert.equal(refAt(refs, 'file:///c.journey', { line: 6, character: 4 }), undefined);
});

test('an answer is behind when an open document is newer than the server saw', () => {
  const answer = { versions: [{ uri: 'file:///a.journey', version: 4 }, { uri: 'file:///b.journey', version: 1 }] } as MapAnswer;
  assert.equal(isBehind(answer, new Map([['file:///a.journey', 4], ['file:///b.journey', 1]])), false);
  assert.equal(isBehind(answer, new Map([['file:///a.journey', 5]])), true);
  // a document the server does not know yet is not waited for
  assert.equal(isBehind(answer, new Map([['file:///new.journey', 1]])), false);
});

test('the templates of `journeyc init --list`, in both languages', () => {
  const en = `Templates (journeyc init [DIR] --template NAME --lang en|de):
  lifecycle         Customer lifecycle: awareness → information → purchase → loyalty → offboarding
  5a                Kotler's 5A: aware, appeal, ask, act, advocate (Kotler)
`;
  assert.deepEqual(parseTemplates(en), [
    { name: 'lifecycle', description: 'Customer lifecycle: awareness → information → purchase → loyalty → offboarding' },
    { name: '5a', description: "Kotler's 5A: aware, appeal, ask, act, advocate (Kotler)" },
  ]);
  const de = 'Vorlagen (journeyc init [ORDNER] --template NAME --lang de|en):\r\n  aida              AIDA: Aufmerksamkeit, Interesse\r\n';
  assert.deepEqual(parseTemplates(de), [{ name: 'aida', description: 'AIDA: Aufmerksamkeit, Interesse' }]);
});

test('the files `journeyc init` reports', () => {
  const out = "Journey-Workspace aus der Vorlage `aida` (AIDA) in `x` angelegt:\n  journey.toml\n  journey.journey\n  phasen.journey\n\nErsetzen Sie die Beispieltexte durch Ihre eigenen und prüfen Sie mit `journeyc check x`.\n";
  assert.deepEqual(parseCreatedFiles(out), ['journey.toml', 'journey.journey', 'phasen.journey']);
});
