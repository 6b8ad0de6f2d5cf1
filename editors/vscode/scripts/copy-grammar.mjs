// Copies the TextMate grammar from grammar/ (its single source) into the
// extension, so that it is never duplicated by hand.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '..', '..', '..', 'grammar', 'journey.tmLanguage.json');
const target = join(here, '..', 'syntaxes', 'journey.tmLanguage.json');

const grammar = JSON.parse(readFileSync(source, 'utf8'));
if (grammar.scopeName !== 'source.journey') {
  throw new Error(`${source}: expected scopeName source.journey, found ${grammar.scopeName}`);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`copied ${source} -> ${target}`);
