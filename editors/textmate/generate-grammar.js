#!/usr/bin/env node
// Writes grammar/journey.tmLanguage.json, the TextMate grammar for .journey
// files. Edit the rules here, run `node editors/textmate/generate-grammar.js`,
// and commit both files; `--check` (run by scripts/test-editors) fails when
// the JSON is not what this script produces.
'use strict';
const fs = require('fs');
const path = require('path');
const ID = String.raw`[\p{XID_Start}_][\p{XID_Continue}]*`;
const NB = String.raw`(?![\p{XID_Continue}])`;          // identifier end boundary
const NA = String.raw`(?<![\p{XID_Continue}])`;         // identifier start boundary
const HEAD = String.raw`(?:^|(?<=[{;]))[ \t]*`;    // statement start
// A statement ends before ; { } or at a line end that does not follow a comma.
const STMT_END = String.raw`(?=[;{}])|(?<=[^,\s])(?=[ \t]*(?:#.*)?$)`;

const repo = {};
const kw = (k) => `${HEAD}(${k})${NB}`;

// ---- block declarations -------------------------------------------------
const blocks = ['journey', 'persona', 'phase', 'touchpoint', 'goal', 'actor', 'impact'];
const declPatterns = [];
for (const b of blocks) {
  declPatterns.push({
    name: `meta.declaration.${b}.journey`,
    begin: `${kw(b)}(?:[ \\t]+(${ID}))?`,
    beginCaptures: {
      1: { name: `storage.type.${b}.journey` },
      2: { name: `entity.name.type.${b}.journey` },
    },
    end: STMT_END,
    patterns: [{ include: '#arguments' }],
  });
}
declPatterns.push({
  name: 'meta.declaration.empathy.journey',
  begin: kw('empathy'),
  beginCaptures: { 1: { name: 'storage.type.empathy.journey' } },
  end: STMT_END,
  patterns: [{ include: '#arguments' }],
});
repo.declarations = { patterns: declPatterns };

// ---- statements -----------------------------------------------------------
const st = [];
st.push({
  name: 'meta.import.journey',
  begin: kw('import'),
  beginCaptures: { 1: { name: 'keyword.control.import.journey' } },
  end: STMT_END,
  patterns: [{ include: '#arguments' }],
});
// statements whose identifier arguments reference a kind of definition
const refs = [
  ['phases', 'phase'], ['loop', 'phase'],
  ['channels', 'channel'], ['channel', 'channel'],
  ['teams', 'team'], ['owner', 'team'],
  ['systems', 'system'],
  ['serves', 'persona'],
  ['via', 'touchpoint'],
  ['keeps', 'promise'],
  ['next', 'touchpoint'], // the touchpoints the customer goes on to
  ['supports', null], // a promise, goal or impact
];
// the channels the language knows (journey-syntax schema.rs CHANNELS)
const CHANNELS = ['web', 'search', 'social', 'email', 'newsletter', 'ads', 'app', 'chat', 'sms',
  'video', 'review', 'community', 'phone', 'store', 'event', 'print', 'mail', 'field', 'partner',
  'outdoor', 'tv', 'radio', 'word_of_mouth'];
const knownChannel = { match: `${NA}(?:${CHANNELS.join('|')})${NB}`, name: 'support.constant.channel.journey' };
for (const [k, kind] of refs) {
  const extra = k === 'channel'
    ? [{ match: `${NA}(online|offline)${NB}`, name: 'constant.language.channel-type.journey' }, knownChannel]
    : k === 'channels' ? [knownChannel] : [];
  st.push({
    name: `meta.statement.${k}.journey`,
    begin: kw(k),
    beginCaptures: { 1: { name: `keyword.other.${k}.journey` } },
    end: STMT_END,
    patterns: [...extra, { include: '#values' }, { match: ID, name: kind ? `variable.other.reference.${kind}.journey` : 'variable.other.reference.journey' }, { include: '#punctuation-in-arguments' }],
  });
}
// statements whose arguments are a fixed set of constants
const enums = [
  ['kind', 'phase-kind', ['awareness', 'consideration', 'decision', 'purchase', 'onboarding', 'usage', 'loyalty', 'advocacy', 'offboarding', 'custom']],
  ['importance', 'importance', ['low', 'medium', 'high', 'critical']],
  ['state', 'state', ['current', 'planned']],
  ['basis', 'legal-basis', ['consent', 'contract', 'legal_obligation', 'vital_interest', 'public_task', 'legitimate_interest']],
  ['monitored', 'boolean', ['yes', 'no']],
  ['moment', 'boolean', ['yes', 'no']],
  ['wow', 'boolean', ['yes', 'no']],
];
for (const [k, cat, values] of enums) {
  st.push({
    name: `meta.statement.${k}.journey`,
    begin: kw(k),
    beginCaptures: { 1: { name: `keyword.other.${k}.journey` } },
    end: STMT_END,
    patterns: [
      { match: `${NA}(${values.join('|')})${NB}`, name: `constant.language.${cat}.journey` },
      { include: '#arguments' },
    ],
  });
}
// scores: a number from 1.0 to 5.0; anything else is out of range
const scorePatterns = [
  { include: '#comments' },
  { match: String.raw`(?<![\w.-])(?:[1-4](?:\.[0-9]+)?|5(?:\.0+)?)(?![\w.-])`, name: 'constant.numeric.score.journey' },
  { match: String.raw`(?<![\w.-])-?[0-9]+(?:\.[0-9]+)?(?![\w.-])`, name: 'invalid.illegal.score-out-of-range.journey' },
];
// expectation SCORE; experience [SCORE] [target SCORE]
for (const k of ['expectation', 'experience']) {
  st.push({
    name: `meta.statement.${k}.journey`,
    begin: kw(k),
    beginCaptures: { 1: { name: `keyword.other.${k}.journey` } },
    end: STMT_END,
    patterns: [
      ...scorePatterns,
      ...(k === 'experience' ? [{ match: `${NA}(target)${NB}`, name: 'keyword.other.target.journey' }] : []),
      { include: '#arguments' },
    ],
  });
}
// for PERSONA [expectation SCORE] [experience SCORE] [target SCORE] [feeling TEXT]
const forClauses = ['expectation', 'experience', 'target', 'feeling'];
st.push({
  name: 'meta.statement.for.journey',
  begin: `${kw('for')}(?:[ \\t]+(?!(?:${forClauses.join('|')})${NB})(${ID}))?`,
  beginCaptures: {
    1: { name: 'keyword.other.for.journey' },
    2: { name: 'variable.other.reference.persona.journey' },
  },
  end: STMT_END,
  patterns: [
    { match: `${NA}(${forClauses.join('|')})${NB}`, name: 'keyword.other.$1.journey' },
    ...scorePatterns,
    { include: '#arguments' },
  ],
});
// cost AMOUNT CURRENCY: an ISO 4217 code of three capital letters
st.push({
  name: 'meta.statement.cost.journey',
  begin: kw('cost'),
  beginCaptures: { 1: { name: 'keyword.other.cost.journey' } },
  end: STMT_END,
  patterns: [
    { match: `${NA}[A-Z]{3}${NB}`, name: 'constant.other.currency.journey' },
    { include: '#arguments' },
  ],
});
// kpi [ID] TEXT [target VALUE] [unit TEXT]
st.push({
  name: 'meta.statement.kpi.journey',
  begin: `${kw('kpi')}(?:[ \\t]+(?!(?:target|unit)${NB})(${ID}))?`,
  beginCaptures: {
    1: { name: 'keyword.other.kpi.journey' },
    2: { name: 'entity.name.type.kpi.journey' },
  },
  end: STMT_END,
  patterns: [
    { match: `${NA}(target|unit)${NB}`, name: 'keyword.other.$1.journey' },
    { include: '#arguments' },
  ],
});
// metric TEXT [current VALUE] [target VALUE] [unit TEXT] [by date]
st.push({
  name: 'meta.statement.metric.journey',
  begin: kw('metric'),
  beginCaptures: { 1: { name: 'keyword.other.metric.journey' } },
  end: STMT_END,
  patterns: [
    { match: `${NA}(current|target|unit|by)${NB}`, name: 'keyword.other.$1.journey' },
    { include: '#arguments' },
  ],
});
// deliverable [ID] TEXT [via IDS]
st.push({
  name: 'meta.statement.deliverable.journey',
  begin: `${kw('deliverable')}(?:[ \\t]+(?!via${NB})(${ID}))?`,
  beginCaptures: {
    1: { name: 'keyword.other.deliverable.journey' },
    2: { name: 'entity.name.type.deliverable.journey' },
  },
  end: STMT_END,
  patterns: [
    {
      begin: `${NA}(via)${NB}`,
      beginCaptures: { 1: { name: 'keyword.other.via.journey' } },
      end: STMT_END,
      patterns: [{ include: '#values' }, { match: ID, name: 'variable.other.reference.touchpoint.journey' }, { include: '#punctuation-in-arguments' }],
    },
    { include: '#arguments' },
  ],
});
// promise ID "text": a promise a later touchpoint keeps
st.push({
  name: 'meta.statement.promise.journey',
  begin: `${kw('promise')}(?:[ \\t]+(${ID}))?`,
  beginCaptures: {
    1: { name: 'keyword.other.promise.journey' },
    2: { name: 'entity.name.type.promise.journey' },
  },
  end: STMT_END,
  patterns: [{ include: '#arguments' }],
});
// allow CHECK "reason": CHECK is a check's code or name (names have hyphens)
st.push({
  name: 'meta.statement.allow.journey',
  begin: `${kw('allow')}(?:[ \\t]+([\\p{XID_Start}_][\\p{XID_Continue}-]*))?`,
  beginCaptures: {
    1: { name: 'keyword.other.allow.journey' },
    2: { name: 'constant.other.check.journey' },
  },
  end: STMT_END,
  patterns: [{ include: '#arguments' }],
});
// statements with text arguments
const textKw = ['value', 'sponsor', 'description', 'role', 'evidence', 'needs', 'pains', 'gains', 'goals',
  'says', 'thinks', 'does', 'feels', 'question', 'activities', 'wants', 'objective', 'message',
  'backstage', 'collects', 'disclaimer'];
st.push({
  name: 'meta.statement.$1.journey',
  begin: kw(textKw.join('|')),
  beginCaptures: { 1: { name: 'keyword.other.$1.journey' } },
  end: STMT_END,
  patterns: [{ include: '#arguments' }],
});
// any other statement: the generic layer accepts it, the schema check reports it
st.push({
  name: 'meta.statement.unknown.journey',
  begin: `${HEAD}(${ID})`,
  beginCaptures: { 1: { name: 'variable.other.unknown-keyword.journey' } },
  end: STMT_END,
  patterns: [{ include: '#arguments' }],
});
repo.statements = { patterns: st };

repo.block = {
  name: 'meta.block.journey',
  begin: String.raw`\{`,
  beginCaptures: { 0: { name: 'punctuation.section.block.begin.journey' } },
  end: String.raw`\}`,
  endCaptures: { 0: { name: 'punctuation.section.block.end.journey' } },
  patterns: [{ include: '#body' }],
};
repo.body = {
  patterns: [
    { include: '#comments' },
    { include: '#declarations' },
    { include: '#statements' },
    { include: '#block' },
    { match: ';', name: 'punctuation.terminator.statement.journey' },
  ],
};
repo.comments = {
  patterns: [{
    match: '(#).*$',
    name: 'comment.line.number-sign.journey',
    captures: { 1: { name: 'punctuation.definition.comment.journey' } },
  }],
};
// the arguments of a statement, identifiers taken as references
repo.arguments = {
  patterns: [
    { include: '#values' },
    { match: ID, name: 'variable.other.reference.journey' },
    { include: '#punctuation-in-arguments' },
  ],
};
repo['punctuation-in-arguments'] = {
  patterns: [
    // a comma at the end of a line continues the list on the next line
    {
      match: String.raw`(,)[ \t]*(?:((#).*))?\n`,
      captures: {
        1: { name: 'punctuation.separator.comma.journey' },
        2: { name: 'comment.line.number-sign.journey' },
        3: { name: 'punctuation.definition.comment.journey' },
      },
    },
    { match: ',', name: 'punctuation.separator.comma.journey' },
    { match: '->', name: 'keyword.operator.arrow.journey' },
    { include: '#comments' },
  ],
};
repo.values = {
  patterns: [
    { include: '#text-block' },
    { include: '#string' },
    { include: '#date' },
    { include: '#number' },
  ],
};
repo['text-block'] = {
  name: 'string.quoted.triple.journey',
  begin: '"""',
  beginCaptures: { 0: { name: 'punctuation.definition.string.begin.journey' } },
  end: '"""',
  endCaptures: { 0: { name: 'punctuation.definition.string.end.journey' } },
  patterns: [{ include: '#escapes' }],
};
repo.string = {
  name: 'string.quoted.double.journey',
  begin: '"',
  beginCaptures: { 0: { name: 'punctuation.definition.string.begin.journey' } },
  // unterminated: ends at the line end, or before a `{` that ends the line
  // (`persona x "Sabine {` still opens the block, as in the journeyc lexer)
  end: String.raw`(")|(?=[ \t]*\{[ \t]*$)|$`,
  endCaptures: { 1: { name: 'punctuation.definition.string.end.journey' } },
  patterns: [{ include: '#escapes' }],
};
repo.escapes = {
  patterns: [
    { match: String.raw`\\(?:["\\ntr]|u\{[0-9A-Fa-f]{1,6}\})`, name: 'constant.character.escape.journey' },
    { match: String.raw`\\.?`, name: 'invalid.illegal.escape.journey' },
  ],
};
repo.date = {
  match: String.raw`(?<![\w.-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\w.-])`,
  name: 'constant.numeric.date.journey',
};
repo.number = {
  match: String.raw`(?<![\w.])-?[0-9]+(?:\.[0-9]+)?(?![\w.])`,
  name: 'constant.numeric.decimal.journey',
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Journey',
  scopeName: 'source.journey',
  fileTypes: ['journey'],
  patterns: [
    { include: '#body' },
    { match: String.raw`\}`, name: 'invalid.illegal.stray-brace.journey' },
  ],
  repository: repo,
};
const target = path.resolve(__dirname, '..', '..', 'grammar', 'journey.tmLanguage.json');
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) {
    console.error(`${target} is out of date: run node editors/textmate/generate-grammar.js`);
    process.exitCode = 1;
  } else {
    console.log(`${target} is up to date`);
  }
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
