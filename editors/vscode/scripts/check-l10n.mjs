// Checks the extension's translations:
//   - every %key% of package.json is in package.nls.json, and
//     package.nls.de.json has exactly the same keys;
//   - every message the code translates (`t('…')`, `vscode.l10n.t('…')`,
//     and the string literals on lines marked `// l10n`) has a German
//     translation in l10n/bundle.l10n.de.json with the same {0}
//     placeholders, and the bundle has no message the code no longer uses.
//
//   node scripts/check-l10n.mjs            check (exit 1 on a problem)
//   node scripts/check-l10n.mjs --missing  print the untranslated messages as JSON
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];

// ---- package.json ↔ package.nls*.json
const pkgText = readFileSync(join(root, 'package.json'), 'utf8');
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
const nlsDe = JSON.parse(readFileSync(join(root, 'package.nls.de.json'), 'utf8'));
const used = new Set([...pkgText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
for (const key of used) if (!(key in nls)) problems.push(`package.json uses %${key}%, which package.nls.json lacks`);
for (const key of Object.keys(nls)) {
  if (!used.has(key)) problems.push(`package.nls.json has "${key}", which package.json does not use`);
  if (!(key in nlsDe)) problems.push(`package.nls.de.json lacks "${key}"`);
}
for (const key of Object.keys(nlsDe)) if (!(key in nls)) problems.push(`package.nls.de.json has "${key}", which package.nls.json lacks`);

// ---- code ↔ l10n bundle
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const unquote = (s) => JSON.parse(`"${s.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`);
const messages = new Set();
for (const file of files(join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?<![\w.])(?:this\.t|t|l10n\.t)\(\s*'((?:[^'\\\n]|\\.)*)'/g)) messages.add(unquote(m[1]));
  for (const line of text.split('\n')) {
    if (!/\/\/ l10n\s*$/.test(line)) continue;
    for (const m of line.matchAll(/'((?:[^'\\]|\\.)*)'/g)) messages.add(unquote(m[1]));
  }
}
const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.de.json'), 'utf8'));
const placeholders = (s) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');
const missing = {};
for (const msg of messages) {
  if (!(msg in bundle)) {
    missing[msg] = '';
    problems.push(`no German translation in l10n/bundle.l10n.de.json for: ${msg}`);
  } else if (placeholders(bundle[msg]) !== placeholders(msg)) {
    problems.push(`the German translation has other placeholders than: ${msg}`);
  }
}
for (const key of Object.keys(bundle)) if (!messages.has(key)) problems.push(`l10n/bundle.l10n.de.json has a message the code does not use: ${key}`);

if (process.argv.includes('--missing')) {
  console.log(JSON.stringify(missing, null, 2));
} else if (problems.length > 0) {
  problems.forEach((p) => console.error(p));
  process.exit(1);
} else {
  console.log(`l10n: ${used.size} package.json texts and ${messages.size} messages, all in English and German`);
}
