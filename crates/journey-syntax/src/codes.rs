//! Diagnostic codes of the syntax layer (J00xx files, J01xx tokens and
//! structure, J02xx statements against the schema), with the explanations
//! `journeyc explain` prints.

use journey_diagnostics::{CodeInfo, Severity};

macro_rules! code {
    ($ident:ident, $code:literal, $name:literal, $summary:literal, $explanation:literal) => {
        pub const $ident: CodeInfo = CodeInfo {
            code: $code,
            name: $name,
            default_severity: Severity::Error,
            summary: $summary,
            explanation: $explanation,
        };
    };
}

code!(
    INVALID_UTF8,
    "J0001",
    "invalid-utf8",
    "the file is not valid UTF-8",
    "A `.journey` file must be UTF-8 encoded. journeyc reports the first byte \
that is not valid UTF-8 and checks the rest of the file as if invalid bytes \
were replacement characters.

Files saved by older spreadsheet or word-processing tools are often in \
Windows-1252 or Latin-1: umlauts then appear as single bytes.

Fix: re-save the file as UTF-8 (in VS Code: click the encoding in the status \
bar, choose \"Save with Encoding\", then \"UTF-8\"), or convert it:

    iconv -f WINDOWS-1252 -t UTF-8 old.journey > new.journey
"
);

code!(
    FILE_TOO_LARGE,
    "J0002",
    "file-too-large",
    "the file is larger than 4 GiB",
    "journeyc keeps positions as 32-bit byte offsets, so a single file may hold \
at most 4 GiB. Split the journey over several files with `import`.
"
);

code!(
    WIDE_ENCODING,
    "J0003",
    "utf16-or-utf32",
    "the file is UTF-16 or UTF-32, not UTF-8",
    "A `.journey` file must be UTF-8 encoded. Some editors and Windows tools \
save text as UTF-16 (\"Unicode\" in Notepad and Excel) or, rarely, UTF-32: every \
letter then takes two or four bytes, most of them zero. journeyc recognises \
such a file by its byte-order mark or by the zero bytes between the letters, \
reports it once and does not read it any further (read as UTF-8 it would be \
one error per letter).

Fix: save the file as UTF-8.

- VS Code: click the encoding in the status bar (\"UTF-16 LE\"), choose \
\"Save with Encoding\", then \"UTF-8\".
- Notepad: \"File\" → \"Save as\", set \"Encoding\" to \"UTF-8\".
- Excel or LibreOffice (for tables that become journeys): save as \
\"CSV UTF-8\", not as \"Unicode text\".
- On the command line:

    iconv -f UTF-16 -t UTF-8 old.journey > new.journey

A UTF-8 file may start with a byte-order mark; that is accepted.
"
);

code!(
    NUL_CHARACTER,
    "J0004",
    "nul-character",
    "a NUL character in a string",
    "A NUL character (the byte 0) has no place in a journey: no editor shows it, \
terminals and many tools cut text at it, and it is a sign of a damaged file or \
of binary data pasted into it. Outside strings it is an invalid character \
(J0101); inside a string or text block it is this error, shown as `\\u{0}`.

Fix: delete the character. If the file is full of them, it was probably \
saved as UTF-16 (see J0003): save it as UTF-8.
"
);

code!(
    INVALID_CHARACTER,
    "J0101",
    "invalid-character",
    "a character that starts no token",
    "Outside strings and comments a `.journey` file holds keywords, identifiers, \
numbers, dates, strings and the punctuation `{ } , ; ->`. Anything else — \
`%`, `€`, `(`, a typographic quote „…“ used as a delimiter — is reported.

Bad:

    kpi conversion \"Conversion rate\" target 3%

Good: put units in the `unit` clause, or write the value as a string:

    kpi conversion \"Conversion rate\" target 3 unit \"%\"
"
);

code!(
    UNTERMINATED_STRING,
    "J0102",
    "unterminated-string",
    "a string is not closed",
    "A string starts with `\"` and ends with `\"` on the same line. For text \
over several lines use a text block, `\"\"\"` … `\"\"\"`. A missing closing \
quote ends the string at the line break, so the next line still parses.

Bad:

    message \"Start in 14 days

Good:

    message \"Start in 14 days\"
    description \"\"\"
      Several lines
      of text.
      \"\"\"
"
);

code!(
    INVALID_ESCAPE,
    "J0103",
    "invalid-escape",
    "an unknown escape sequence in a string",
    "Inside strings a backslash starts an escape: `\\\"` (quote), `\\\\` \
(backslash), `\\n` (line break), `\\t` (tab), `\\r`, and `\\u{1F600}` (any \
Unicode scalar value in hex). Any other character after a backslash is an \
error, so that a Windows path or a typo is not silently changed.

Bad:

    says \"C:\\data\\new\"

Good:

    says \"C:\\\\data\\\\new\"
"
);

code!(
    UNEXPECTED_TOKEN,
    "J0104",
    "unexpected-token",
    "a token that does not fit here",
    "A statement is a keyword, its arguments and optionally a block, ending at \
the line end or `;`. The parser reports the first token that does not fit, \
skips the rest of that line and goes on with the next statement.

Bad (a trailing comma promises another value):

    channels linkedin, newsletter,
    }

Good:

    channels linkedin, newsletter
"
);

code!(
    UNCLOSED_BLOCK,
    "J0105",
    "unclosed-block",
    "a `{` without its `}`",
    "Every block opened with `{` must be closed with `}`. The diagnostic points \
at the `{` that is never closed; everything after it up to the end of the \
file was read as part of that block.

Bad:

    persona founder \"Sabine\" {
      role \"Managing director\"

    phase awareness \"Awareness\" { … }

Good:

    persona founder \"Sabine\" {
      role \"Managing director\"
    }
"
);

code!(
    UNMATCHED_CLOSE,
    "J0106",
    "unmatched-brace",
    "a `}` that closes no block",
    "A `}` at the top level closes nothing. Usually a block was closed twice, or \
its `{` was deleted.

Bad:

    persona founder \"Sabine\" {
    }
    }
"
);

code!(
    TOO_DEEP,
    "J0107",
    "nesting-too-deep",
    "blocks nested too deeply",
    "Blocks may nest 32 levels deep. Real journeys need four at most \
(`goal` → `actor` → `impact`); deeper nesting is almost always a run of \
missing `}`. Blocks beyond the limit are read as if their braces were not \
there.
"
);

code!(
    EXPECTED_STATEMENT,
    "J0108",
    "expected-statement",
    "a line that does not start with a keyword",
    "Every statement starts with a keyword such as `persona`, `channel` or \
`says`. A line that starts with a string, a number, a comma or a brace is \
reported and skipped.

Bad:

    needs \"less manual work\"
          \"campaigns she can measure\"

Good (continue a list after a comma):

    needs \"less manual work\",
          \"campaigns she can measure\"
"
);

code!(
    NUMBER_FORMAT,
    "J0109",
    "number-format",
    "a number written with thousands separators or a decimal comma",
    "Numbers are written with digits, a point `.` as the decimal mark and no \
thousands separators: `20000`, `4.5`, `-2`. A number written another way is \
reported rather than guessed, because the guess would be wrong for someone: \
`20.000` is twenty thousand in German and twenty in English, `1,500` is one \
and a half in German and fifteen hundred in English.

- `1.234.567` and `1,234,567` (thousands separators): write `1234567`.
- `4,5` (a decimal comma): write `4.5`.
- `20.000,50` (German) and `20,000.50` (English): write `20000.50`.
- `20.000` or `1.500` (a dot and exactly three digits after it): write \
`20000` or `1500`. For the decimal number, leave out the zeros at the end \
(`1.5`), or, for three decimal places that are not zeros, add a fourth \
(`1.1250`). `0.125` and `1000.5` are read as decimals as they stand.

The quick fix writes the number the language's way; where two readings are \
possible (`1,500`) it offers both. A score (`expectation`, `experience`) is \
read as a decimal number.

Bad:

    kpi visits \"Visits\" target 20.000 unit \"per month\"
    kpi ctr \"Click-through rate\" target 4,5 unit \"%\"

Good:

    kpi visits \"Visits\" target 20000 unit \"per month\"
    kpi ctr \"Click-through rate\" target 4.5 unit \"%\"
"
);

code!(
    DATE_FORMAT,
    "J0110",
    "date-format",
    "a date not written year-month-day",
    "Dates are written the international way, year-month-day with two digits \
for the month and the day: `2027-12-31`. A date written day first, the German \
way (`31.12.2027`, `1.2.2027`, `31.12.27`), or without the leading zeros \
(`2027-6-30`) is reported with a quick fix that writes it year-month-day. A \
two-digit year is read as 20…: `31.12.27` is `2027-12-31`.

Bad:

    metric \"Active subscriptions\" current 800 target 1500 by 31.12.2027

Good:

    metric \"Active subscriptions\" current 800 target 1500 by 2027-12-31
"
);

code!(
    INVALID_DATE,
    "J0111",
    "invalid-date",
    "a date that does not exist",
    "A date must exist in the calendar: months go from 1 to 12, and a day must \
be in its month (February has 29 days only in leap years). A deadline on a \
day that does not exist cannot be met or compared, so it is an error rather \
than quietly moved to another day.

Bad:

    metric \"Active subscriptions\" current 800 target 1500 by 2027-02-30

Good:

    metric \"Active subscriptions\" current 800 target 1500 by 2027-02-28
"
);

code!(
    UNKNOWN_KEYWORD,
    "J0201",
    "unknown-keyword",
    "a keyword the language does not know",
    "Each block admits a fixed set of statements (see `grammar/GUIDE.md`). A \
keyword that exists nowhere is reported with the closest known keyword as a \
suggestion and a fix.

Bad:

    persona founder \"Sabine\" {
      neds \"less manual work\"
    }

Good:

    persona founder \"Sabine\" {
      needs \"less manual work\"
    }
"
);

code!(
    MISPLACED_STATEMENT,
    "J0202",
    "misplaced-statement",
    "a statement in a block where it does not belong",
    "The keyword exists, but not in this block: `channel` belongs in a \
`touchpoint`, `touchpoint` in a `phase`, `phase` at the top level. The \
message names the blocks that admit it. Often a `}` is missing or one too \
many.

Bad:

    phase awareness \"Awareness\" {
      channel social
    }

Good:

    phase awareness \"Awareness\" {
      touchpoint post \"LinkedIn post\" {
        channel social
      }
    }
"
);

code!(
    INVALID_ARGUMENT,
    "J0203",
    "invalid-argument",
    "an argument of the wrong kind",
    "Statements expect arguments of certain kinds: identifiers (`founder`), \
strings (`\"text\"`), numbers (`4`) or dates (`2027-06-30`), and some expect \
a list (`a, b, c`) or a fixed word (`target`, `via`, `->`).

Bad:

    serves \"founder\"
    expectation high

Good:

    serves founder
    expectation 4
"
);

code!(
    MISSING_ARGUMENT,
    "J0204",
    "missing-argument",
    "a statement lacks an argument it needs",
    "Some statements need arguments: `persona` an identifier, `kpi` a name, \
`loop` two phases joined by `->`.

Bad:

    loop loyalty

Good:

    loop loyalty -> awareness
"
);

code!(
    EXTRA_ARGUMENT,
    "J0205",
    "extra-argument",
    "a statement has more arguments than it takes",
    "Extra arguments are reported rather than ignored, because they usually \
mean two statements ended up on one line or a list lacks its commas.

Bad:

    needs \"less manual work\" \"measurable campaigns\"

Good:

    needs \"less manual work\", \"measurable campaigns\"
"
);

code!(
    DUPLICATE_ATTRIBUTE,
    "J0206",
    "duplicate-attribute",
    "a single-valued statement given twice in one block",
    "Statements such as `owner`, `experience` or `message` hold one value per \
block. Giving one twice is reported at the second; the first counts.

Bad:

    touchpoint hotline \"Hotline\" {
      owner service
      owner sales
    }

Good: decide on one owner; name others in `description`.
"
);

code!(
    BLOCK_EXPECTED,
    "J0207",
    "block-mismatch",
    "a block missing where one is needed, or given where none is",
    "Definitions (`journey`, `persona`, `phase`, `touchpoint`, `goal`, `actor`, \
`impact`, `empathy`) have a block `{ … }`; attributes such as `owner` or \
`says` do not.

Bad:

    touchpoint hotline \"Hotline\"
      owner service

Good:

    touchpoint hotline \"Hotline\" {
      owner service
    }
"
);

/// Every code of this crate.
pub const ALL: &[CodeInfo] = &[
    INVALID_UTF8,
    FILE_TOO_LARGE,
    WIDE_ENCODING,
    NUL_CHARACTER,
    INVALID_CHARACTER,
    UNTERMINATED_STRING,
    INVALID_ESCAPE,
    UNEXPECTED_TOKEN,
    UNCLOSED_BLOCK,
    UNMATCHED_CLOSE,
    TOO_DEEP,
    EXPECTED_STATEMENT,
    NUMBER_FORMAT,
    DATE_FORMAT,
    INVALID_DATE,
    UNKNOWN_KEYWORD,
    MISPLACED_STATEMENT,
    INVALID_ARGUMENT,
    MISSING_ARGUMENT,
    EXTRA_ARGUMENT,
    DUPLICATE_ATTRIBUTE,
    BLOCK_EXPECTED,
];

pub fn by_code(code: &str) -> Option<&'static CodeInfo> {
    ALL.iter().find(|c| c.code == code)
}
