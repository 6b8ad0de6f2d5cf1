#!/usr/bin/env node
// Keyword coverage of the TextMate and tree-sitter grammars.
//
// Reads every keyword of the schema layer of grammar/journey.ebnf (the quoted
// lowercase words), plus the statement keywords of the parser's keyword table
// (crates/journey-syntax/src/schema.rs, which may run ahead of the EBNF), and
// tokenizes each one with grammar/journey.tmLanguage.json
// in the position the EBNF gives it:
//   - a statement keyword (the literal an alternative starts with, such as
//     `kind` or `persona`) must be scoped `keyword.*.<kw>.journey` or
//     `storage.type.<kw>.journey` when it starts a statement;
//   - an argument keyword (any other literal, such as `awareness` after
//     `kind`, `target` after `kpi`, `yes` after `monitored`) must be scoped
//     `constant.language.*` or `keyword.*` after each statement keyword that
//     leads to it.
// The tree-sitter grammar must lex every statement keyword as a keyword token
// and its highlight query must name every keyword.
// A keyword added to the EBNF but not to the grammars makes this script fail.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '..');
const ebnfPath = path.join(root, 'journey.ebnf');
const grammarPath = path.join(root, 'journey.tmLanguage.json');
const tsGrammarPath = path.join(root, 'tree-sitter-journey', 'grammar.js');
// the parser's keyword table, which may run ahead of the EBNF
const schemaRsPath = path.resolve(root, '..', 'crates', 'journey-syntax', 'src', 'schema.rs');
const highlightsPath = path.join(root, 'tree-sitter-journey', 'queries', 'highlights.scm');

// ---------- EBNF ------------------------------------------------------------

function schemaLayer(text) {
  const marker = text.indexOf('Schema layer');
  if (marker < 0) throw new Error(`${ebnfPath}: no "Schema layer" section found`);
  // drop the comment that holds the marker, then every other comment
  const rest = text.slice(text.indexOf('*)', marker) + 2);
  return rest.replace(/\(\*[\s\S]*?\*\)/g, ' ');
}

function tokenize(body) {
  const re = /\s*(?:("[^"]*"|'[^']*')|([A-Za-z_][A-Za-z0-9_]*)|(\S))/gy;
  const out = [];
  let m;
  while ((m = re.exec(body)) !== null) {
    if (m[1] !== undefined) out.push({ t: 'lit', v: m[1].slice(1, -1) });
    else if (m[2] !== undefined) out.push({ t: 'ref', v: m[2] });
    else out.push({ t: 'punct', v: m[3] });
  }
  return out;
}

function splitAlternatives(tokens) {
  const alts = [[]];
  let depth = 0;
  for (const tok of tokens) {
    if (tok.t === 'punct' && '([{'.includes(tok.v)) depth++;
    if (tok.t === 'punct' && ')]}'.includes(tok.v)) depth--;
    if (depth === 0 && tok.t === 'punct' && tok.v === '|') alts.push([]);
    else alts[alts.length - 1].push(tok);
  }
  return alts.filter((a) => a.length > 0);
}

const isKeyword = (tok) => tok.t === 'lit' && /^[a-z_]+$/.test(tok.v);

// The literals an alternative starts with: `"kind" , …` or `( "says" | "does" ) , …`.
function leadingLiterals(alt) {
  if (isKeyword(alt[0])) return [alt[0].v];
  if (alt[0].t === 'punct' && alt[0].v === '(') {
    const group = [];
    for (const tok of alt.slice(1)) {
      if (tok.t === 'punct' && tok.v === ')') return group;
      if (isKeyword(tok)) group.push(tok.v);
      else if (!(tok.t === 'punct' && tok.v === '|')) return [];
    }
  }
  return [];
}

function analyse(text) {
  const productions = new Map();
  for (const m of schemaLayer(text).matchAll(/([a-z_]+)\s*=([^;]*);/g)) {
    productions.set(m[1], splitAlternatives(tokenize(m[2])));
  }
  // an alternative made of one literal only is a value of an enumeration
  const isEnumValue = (alt) => alt.length === 1 && isKeyword(alt[0]);

  const statementKeywords = new Set();
  const argumentUses = []; // { keyword, production, leaders: [] | null }
  const leadersOf = new Map(); // production -> leading literals of alternatives referencing it

  for (const [name, alts] of productions) {
    for (const alt of alts) {
      const lead = isEnumValue(alt) ? [] : leadingLiterals(alt);
      lead.forEach((k) => statementKeywords.add(k));
      for (const tok of alt) {
        if (isKeyword(tok) && !lead.includes(tok.v)) {
          argumentUses.push({ keyword: tok.v, production: name, leaders: lead.length ? lead : null });
        }
        if (tok.t === 'ref' && productions.has(tok.v) && lead.length) {
          if (!leadersOf.has(tok.v)) leadersOf.set(tok.v, new Set());
          lead.forEach((k) => leadersOf.get(tok.v).add(k));
        }
      }
    }
  }
  const argumentKeywords = new Map(); // keyword -> Set(leader)
  for (const use of argumentUses) {
    const leaders = use.leaders || [...(leadersOf.get(use.production) || [])];
    if (leaders.length === 0) {
      throw new Error(`cannot tell which statement "${use.keyword}" (in ${use.production}) belongs to`);
    }
    if (!argumentKeywords.has(use.keyword)) argumentKeywords.set(use.keyword, new Set());
    leaders.forEach((l) => argumentKeywords.get(use.keyword).add(l));
  }
  const all = new Set([...statementKeywords, ...argumentKeywords.keys()]);
  return { statementKeywords, argumentKeywords, all };
}

// ---------- TextMate --------------------------------------------------------

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.journey'
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  return registry.loadGrammar('source.journey');
}

// Tokenizes `lines` and returns the scopes of the token at `column` of the last line.
function scopesAt(grammar, lines, column) {
  let stack = vsctm.INITIAL;
  let tokens = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    tokens = r.tokens;
  }
  const tok = tokens.find((t) => t.startIndex <= column && column < t.endIndex);
  return tok ? tok.scopes : [];
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function main() {
  const { statementKeywords, argumentKeywords, all } = analyse(fs.readFileSync(ebnfPath, 'utf8'));
  if (statementKeywords.size < 20 || argumentKeywords.size < 10) {
    throw new Error(`${ebnfPath}: found only ${statementKeywords.size} statement and ` +
      `${argumentKeywords.size} argument keywords; the EBNF layout changed?`);
  }
  let fromParser = 0;
  let channels = [];
  if (fs.existsSync(schemaRsPath)) {
    const rs = fs.readFileSync(schemaRsPath, 'utf8');
    const table = /pub const CHANNELS: &\[Channel\] = &\[([\s\S]*?)\n\];/.exec(rs);
    channels = table ? [...table[1].matchAll(/name: "([a-z_]+)"/g)].map((m) => m[1]) : [];
    if (channels.length < 10) throw new Error(`${schemaRsPath}: found only ${channels.length} channels`);
    const names = [
      ...[...rs.matchAll(/kw!\("([a-z_]+)" in /g)].map((m) => m[1]),
      ...[...rs.matchAll(/pub const ALLOW: Keyword = Keyword \{\s*name: "([a-z_]+)"/g)].map((m) => m[1]),
    ];
    if (names.length < 20) {
      throw new Error(`${schemaRsPath}: found only ${names.length} keywords; the keyword table changed?`);
    }
    for (const name of names) {
      if (!all.has(name)) fromParser++;
      statementKeywords.add(name);
      all.add(name);
    }
  }
  const grammar = await loadGrammar();
  const failures = [];
  let checks = 0;

  for (const kw of statementKeywords) {
    const wanted = new RegExp(`^(?:keyword\\.[a-z.]*|storage\\.type)\\.${escape(kw)}\\.journey$`);
    // as the first statement of a file and nested in a block
    for (const [lines, col] of [[[`${kw} x`], 0], [['phase p {', `  ${kw} x`], 2]]) {
      checks++;
      const scopes = scopesAt(grammar, lines, col);
      if (!scopes.some((s) => wanted.test(s))) {
        failures.push(`TextMate: statement keyword "${kw}" in "${lines.join(" / ")}" is not scoped: got [${scopes.join(' ')}]`);
      }
    }
  }
  for (const [kw, leaders] of argumentKeywords) {
    for (const leader of leaders) {
      const line = `  ${leader} ${kw}`;
      checks++;
      const scopes = scopesAt(grammar, ['phase p {', line], leader.length + 3);
      const ok = scopes.some((s) => /^(?:constant\.language|keyword)\./.test(s)) &&
        !scopes.some((s) => s.startsWith('variable.') || s.startsWith('invalid.'));
      if (!ok) failures.push(`TextMate: argument keyword "${kw}" after "${leader}" is not scoped: got [${scopes.join(' ')}]`);
    }
  }

  // the channels the language knows are scoped as such after channel/channels
  for (const name of channels) {
    for (const kw of ['channel', 'channels']) {
      checks++;
      const scopes = scopesAt(grammar, ['phase p {', `  ${kw} ${name}`], kw.length + 3);
      if (!scopes.includes('support.constant.channel.journey')) {
        failures.push(`TextMate: known channel "${name}" after "${kw}" is not scoped: got [${scopes.join(' ')}]`);
      }
    }
  }

  // the tree-sitter grammar lexes every statement keyword as a token, and its
  // highlight query names every keyword
  const tsGrammar = fs.readFileSync(tsGrammarPath, 'utf8');
  const list = /const KEYWORDS = \[([\s\S]*?)\];/.exec(tsGrammar);
  const tsKeywords = new Set(list ? [...list[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]) : []);
  const highlights = fs.readFileSync(highlightsPath, 'utf8');
  const queried = new Set([...highlights.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]));
  for (const kw of statementKeywords) {
    checks++;
    if (!tsKeywords.has(kw)) failures.push(`tree-sitter: statement keyword "${kw}" is not in KEYWORDS of ${path.relative(root, tsGrammarPath)}`);
  }
  for (const kw of all) {
    checks++;
    if (!queried.has(kw)) failures.push(`tree-sitter: keyword "${kw}" does not appear in ${path.relative(root, highlightsPath)}`);
  }

  console.log(`keyword coverage: ${all.size} keywords from ${path.relative(process.cwd(), ebnfPath)} ` +
    `and the parser's keyword table (${fromParser} only there): ` +
    `${statementKeywords.size} statement, ${argumentKeywords.size} argument; ${channels.length} known channels`);
  for (const f of failures) console.log(`  ${f}`);
  console.log(`keyword coverage: ${checks - failures.length} passed, ${failures.length} failed`);
  if (failures.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`keyword coverage: ${e.message}`);
  process.exitCode = 1;
});
