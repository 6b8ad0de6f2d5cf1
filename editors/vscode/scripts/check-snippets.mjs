// Checks the snippets: one for every block of the language, and each body,
// with its placeholders filled by their defaults, uses only keywords of
// grammar/journey.ebnf at statement starts. With an output directory, writes
// the expanded bodies there as .journey files (scripts/test-editors parses
// them with the tree-sitter grammar).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'journey.code-snippets'), 'utf8'));
const ebnf = readFileSync(join(root, '..', '..', 'grammar', 'journey.ebnf'), 'utf8');
const schema = ebnf.slice(ebnf.indexOf('Schema layer')).replace(/\(\*[\s\S]*?\*\)/g, ' ');
const keywords = new Set([...schema.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]));

const REQUIRED = ['journey', 'persona', 'phase', 'touchpoint', 'goal', 'actor', 'impact', 'empathy', 'kpi'];

// ${1:default} (nested), ${1|a,b|}, $1, ${CURRENT_YEAR}
function expand(body) {
  let text = body;
  let previous;
  do {
    previous = text;
    text = text
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{CURRENT_YEAR\}/g, String(new Date().getFullYear()))
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  } while (text !== previous);
  return text;
}

const failures = [];
const bad = new Set();
const fail = (name, message) => {
  bad.add(name);
  failures.push(`${name}: ${message}`);
};
const prefixes = new Set(Object.values(snippets).map((s) => s.prefix));
for (const kw of REQUIRED) {
  if (!prefixes.has(kw)) fail(kw, 'no snippet with this prefix');
}

const outDir = process.argv[2];
if (outDir) mkdirSync(outDir, { recursive: true });
for (const [name, snippet] of Object.entries(snippets)) {
  const text = expand(snippet.body.join('\n')).replace(/\t/g, '  ') + '\n';
  if (/\$\{|\$\d/.test(text)) fail(name, `unexpanded placeholder in\n${text}`);
  for (const [i, line] of text.split('\n').entries()) {
    const first = /^\s*([\p{L}_][\p{L}\p{N}_]*)/u.exec(line);
    if (first && !keywords.has(first[1])) {
      fail(name, `line ${i + 1}: "${first[1]}" is not a keyword of journey.ebnf`);
    }
  }
  if (!snippet.description) fail(name, 'no description');
  if (outDir) writeFileSync(join(outDir, `${name}.journey`), text);
}

for (const f of failures) console.error(`check-snippets: ${f}`);
const count = Object.keys(snippets).length;
console.log(`check-snippets: ${count + REQUIRED.length - bad.size} passed, ${bad.size} failed ` +
  `(${count} snippets, ${REQUIRED.length} required prefixes, ${keywords.size} keywords)`);
process.exitCode = failures.length > 0 ? 1 : 0;
