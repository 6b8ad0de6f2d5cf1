#!/usr/bin/env node
// Tokenizes valid .journey files (default: examples/ and tests/corpus/valid/)
// with the TextMate grammar and fails when a token is scoped invalid.* or as
// an unknown keyword: valid input must never look wrong in an editor.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const repo = path.resolve(__dirname, '..', '..');
const grammarPath = path.join(repo, 'grammar', 'journey.tmLanguage.json');

function journeyFiles(p) {
  if (!fs.existsSync(p)) return [];
  if (fs.statSync(p).isFile()) return p.endsWith('.journey') ? [p] : [];
  return fs.readdirSync(p).sort().flatMap((e) => journeyFiles(path.join(p, e)));
}

async function main() {
  const args = process.argv.slice(2);
  const roots = args.length ? args : [path.join(repo, 'examples'), path.join(repo, 'tests', 'corpus', 'valid')];
  const files = roots.flatMap(journeyFiles);
  if (files.length === 0) throw new Error(`no .journey files under ${roots.join(', ')}`);

  await oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new oniguruma.OnigScanner(s),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = await registry.loadGrammar('source.journey');

  let bad = 0;
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    let stack = vsctm.INITIAL;
    const problems = [];
    lines.forEach((line, i) => {
      const r = grammar.tokenizeLine(line, stack);
      stack = r.ruleStack;
      for (const t of r.tokens) {
        const wrong = t.scopes.find((s) => s.startsWith('invalid.') || s.startsWith('variable.other.unknown-keyword'));
        if (wrong) problems.push(`${path.relative(repo, file)}:${i + 1}:${t.startIndex + 1}: ` +
          `${JSON.stringify(line.slice(t.startIndex, t.endIndex))} is ${wrong}`);
      }
    });
    if (problems.length) {
      bad++;
      problems.slice(0, 10).forEach((p) => console.log(`  ${p}`));
    }
  }
  console.log(`scan-valid: ${files.length - bad} passed, ${bad} failed`);
  if (bad) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`scan-valid: ${e.message}`);
  process.exitCode = 1;
});
