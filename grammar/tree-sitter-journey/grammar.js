/**
 * @file Tree-sitter grammar for the .journey language (journey-as-code).
 * @license MIT OR Apache-2.0
 *
 * Mirrors the generic layer of grammar/journey.ebnf: a file is a list of
 * statements `keyword argument… [{ block }]`, each ended by a newline, a `;`
 * or the `}` of the enclosing block. Newlines are tokens (they end
 * statements); other whitespace and `#` comments are extras. A comma-separated
 * list may wrap onto the next line after a comma. The schema (which keywords a
 * block admits) is left to the highlighting queries and to `journeyc check`.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

// Statement keywords of the schema (grammar/journey.ebnf and the keyword
// table of the journeyc parser). They are lexed as keyword tokens only at
// the start of a statement (elsewhere `via` or `current` are plain
// identifiers), so queries can match `(keyword "phase")` without predicates.
// Any other word starting a statement is still a keyword node: the generic
// layer accepts it and `journeyc check` reports it.
const KEYWORDS = [
  'import',
  'journey', 'value', 'description', 'phases', 'loop',
  'persona', 'role', 'evidence', 'needs', 'pains', 'gains', 'goals', 'channels',
  'empathy', 'says', 'thinks', 'does', 'feels',
  'phase', 'kind', 'question', 'activities', 'wants', 'objective', 'message',
  'kpi', 'backstage', 'teams', 'systems', 'moment',
  'touchpoint', 'channel', 'owner', 'serves', 'expectation', 'experience',
  'importance', 'monitored', 'state', 'collects', 'basis',
  'goal', 'metric', 'actor', 'impact', 'via', 'deliverable',
  // claims: promises kept by later touchpoints, their evidence and small print
  'supports', 'promise', 'keeps', 'disclaimer',
  // allow CHECK "reason" silences a check on a definition
  'allow',
  // the backing executive; per-persona scores, wow moments, cost and the
  // customer's path on to the next touchpoints
  'sponsor', 'for', 'wow', 'cost', 'next',
];

module.exports = grammar({
  name: 'journey',

  word: $ => $._identifier,

  extras: $ => [/[ \t\f\r\uFEFF]/, $.comment],

  supertypes: $ => [$._value],

  rules: {
    source_file: $ => seq(
      repeat(choice($._separator, seq($.statement, $._separator))),
      optional($.statement),
    ),

    statement: $ => seq(
      field('keyword', $.keyword),
      repeat(field('argument', choice($._value, $.list, $.arrow))),
      optional(field('body', $.block)),
    ),

    keyword: $ => choice(...KEYWORDS, $._identifier),

    block: $ => seq(
      '{',
      repeat(choice($._separator, seq($.statement, $._separator))),
      optional($.statement),
      '}',
    ),

    // value , { newline } , value …
    list: $ => seq(
      $._value,
      repeat1(seq(',', repeat($._newline), $._value)),
    ),

    _value: $ => choice(
      $.identifier,
      $.string,
      $.text_block,
      $.number,
      $.date,
    ),

    identifier: $ => $._identifier,
    _identifier: _ => /[\p{XID_Start}_][\p{XID_Continue}]*/,

    number: _ => /-?[0-9]+(\.[0-9]+)?/,
    date: _ => /[0-9]{4}-[0-9]{2}-[0-9]{2}/,

    string: $ => seq(
      '"',
      repeat(choice(
        alias(token.immediate(prec(1, /[^"\\\r\n]+/)), $.string_content),
        $.escape_sequence,
        $.invalid_escape,
      )),
      token.immediate('"'),
    ),

    // """ … """ may span lines; escapes work as in strings, so \""" does not
    // end it
    text_block: $ => seq(
      '"""',
      repeat(choice(
        alias(token.immediate(prec(1, /([^"\\]|"[^"\\]|""[^"\\])+/)), $.string_content),
        // one or two quotes right before a backslash (three end the block)
        alias(token.immediate(/""?/), $.string_content),
        $.escape_sequence,
        $.invalid_escape,
      )),
      token.immediate('"""'),
    ),

    escape_sequence: _ => token.immediate(prec(2, seq(
      '\\',
      choice(/["\\ntr]/, /u\{[0-9a-fA-F]+\}/),
    ))),

    // reported by `journeyc check`; kept inside the string so the rest parses
    invalid_escape: _ => token.immediate(prec(1, /\\[^\r\n]?/)),

    arrow: _ => '->',

    comment: _ => token(seq('#', /[^\r\n]*/)),

    _separator: $ => choice($._newline, ';'),
    _newline: _ => /\r?\n/,
  },
});
