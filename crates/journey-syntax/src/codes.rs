//! Diagnostic codes of the syntax layer (J00xx files, J01xx tokens and
//! structure, J02xx statements against the schema), with the explanations
//! `journeyc explain` prints.

use journey_diagnostics::{CodeInfo, Example, Severity};

pub const INVALID_UTF8: CodeInfo = CodeInfo {
    code: "J0001",
    name: "invalid-utf8",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "the file is not valid UTF-8",
    explanation: "A `.journey` file must be UTF-8 encoded. journeyc reports the first byte \
that is not valid UTF-8 and checks the rest of the file as if invalid bytes \
were replacement characters.

Files saved by older spreadsheet or word-processing tools are often in \
Windows-1252 or Latin-1: umlauts then appear as single bytes.

Fix: re-save the file as UTF-8 (in VS Code: click the encoding in the status \
bar, choose \"Save with Encoding\", then \"UTF-8\"), or convert it:

    iconv -f WINDOWS-1252 -t UTF-8 old.journey > new.journey
",
    bad: None,
    good: None,
};

pub const FILE_TOO_LARGE: CodeInfo = CodeInfo {
    code: "J0002",
    name: "file-too-large",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "the file is larger than 4 GiB",
    explanation: "journeyc keeps positions as 32-bit byte offsets, so a single file may hold \
at most 4 GiB. Split the journey over several files with `import`.
",
    bad: None,
    good: None,
};

pub const WIDE_ENCODING: CodeInfo = CodeInfo {
    code: "J0003",
    name: "utf16-or-utf32",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "the file is UTF-16 or UTF-32, not UTF-8",
    explanation: "A `.journey` file must be UTF-8 encoded. Some editors and Windows tools \
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
",
    bad: None,
    good: None,
};

pub const NUL_CHARACTER: CodeInfo = CodeInfo {
    code: "J0004",
    name: "nul-character",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a NUL character in a string",
    explanation: "A NUL character (the byte 0) has no place in a journey: no editor shows it, \
terminals and many tools cut text at it, and it is a sign of a damaged file or \
of binary data pasted into it. Outside strings it is an invalid character \
(J0101); inside a string or text block it is this error, shown as `\\u{0}`.

Fix: delete the character. If the file is full of them, it was probably \
saved as UTF-16 (see J0003): save it as UTF-8.
",
    bad: None,
    good: None,
};

pub const INVALID_CHARACTER: CodeInfo = CodeInfo {
    code: "J0101",
    name: "invalid-character",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a character that starts no token",
    explanation: "Outside strings and comments a `.journey` file holds keywords, identifiers, \
numbers, dates, strings and the punctuation `{ } , ; ->`. Anything else — \
`%`, `€`, `(` — is reported. Two mistakes are read as meant and fixed in one \
edit: a name with hyphens, `after-sales`, is one name (write `after_sales`), and \
a text in typographic quotes, `„Schnell geliefert“`, is a text (write straight \
quotes `\"Schnell geliefert\"`).
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0101/bad.journey"
    ))),
    good: Some(
        Example::new(include_str!("../rule-examples/J0101/good.journey"))
            .note("put units in the `unit` clause, or write the value as a string:"),
    ),
};

pub const UNTERMINATED_STRING: CodeInfo = CodeInfo {
    code: "J0102",
    name: "unterminated-string",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a string is not closed",
    explanation: "A string starts with `\"` and ends with `\"` on the same line. For text \
over several lines use a text block, `\"\"\"` … `\"\"\"`. A missing closing \
quote ends the string at the line break, so the next line still parses.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0102/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0102/good.journey"
    ))),
};

pub const INVALID_ESCAPE: CodeInfo = CodeInfo {
    code: "J0103",
    name: "invalid-escape",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "an unknown escape sequence in a string",
    explanation: "Inside strings a backslash starts an escape: `\\\"` (quote), `\\\\` \
(backslash), `\\n` (line break), `\\t` (tab), `\\r`, and `\\u{1F600}` (any \
Unicode scalar value in hex). Any other character after a backslash is an \
error, so that a Windows path or a typo is not silently changed.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0103/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0103/good.journey"
    ))),
};

pub const UNEXPECTED_TOKEN: CodeInfo = CodeInfo {
    code: "J0104",
    name: "unexpected-token",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a token that does not fit here",
    explanation: "A statement is a keyword, its arguments and optionally a block, ending at \
the line end or `;`. The parser reports the first token that does not fit, \
skips the rest of that line and goes on with the next statement.
",
    bad: Some(
        Example::new(include_str!("../rule-examples/J0104/bad.journey"))
            .note("a trailing comma promises another value:"),
    ),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0104/good.journey"
    ))),
};

pub const UNCLOSED_BLOCK: CodeInfo = CodeInfo {
    code: "J0105",
    name: "unclosed-block",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a `{` without its `}`",
    explanation: "Every block opened with `{` must be closed with `}`. The diagnostic points \
at the `{` that is never closed. A definition such as `phase` at the start of a \
line ends every block still open, so the rest of the file is read as written. \
When the file lacks a `}`, an indented definition that cannot stand in the open \
block (a `touchpoint` lined up with the touchpoint above it, a `phase` inside a \
phase) ends that block too, and the fix adds its `}` before that line. When a \
`}` stands at the indentation of an outer block, the block opened in between is \
the one reported, and the fix adds its `}` there.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0105/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0105/good.journey"
    ))),
};

pub const UNMATCHED_CLOSE: CodeInfo = CodeInfo {
    code: "J0106",
    name: "unmatched-brace",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a `}` that closes no block",
    explanation: "A `}` at the top level closes nothing. Usually a block was closed twice, or \
its `{` was deleted.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0106/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0106/good.journey"
    ))),
};

pub const TOO_DEEP: CodeInfo = CodeInfo {
    code: "J0107",
    name: "nesting-too-deep",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "blocks nested too deeply",
    explanation: "Blocks may nest 32 levels deep. Real journeys need four at most \
(`goal` → `actor` → `impact`); deeper nesting is almost always a run of \
missing `}`. Blocks beyond the limit are read as if their braces were not \
there.
",
    bad: Some(
        Example::new(include_str!("../rule-examples/J0107/bad.journey"))
            .note("a phase inside a phase, 33 times:")
            .also(&["J0202"]),
    ),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0107/good.journey"
    ))),
};

pub const EXPECTED_STATEMENT: CodeInfo = CodeInfo {
    code: "J0108",
    name: "expected-statement",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a line that does not start with a keyword",
    explanation: "Every statement starts with a keyword such as `persona`, `channel` or \
`says`. A line that starts with a string, a number, a comma or a brace is \
reported and skipped.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0108/bad.journey"
    ))),
    good: Some(
        Example::new(include_str!("../rule-examples/J0108/good.journey"))
            .note("continue a list after a comma:"),
    ),
};

pub const NUMBER_FORMAT: CodeInfo = CodeInfo {
    code: "J0109",
    name: "number-format",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a number written with thousands separators or a decimal comma",
    explanation: "Numbers are written with digits, a point `.` as the decimal mark and no \
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
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0109/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0109/good.journey"
    ))),
};

pub const DATE_FORMAT: CodeInfo = CodeInfo {
    code: "J0110",
    name: "date-format",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a date not written year-month-day",
    explanation: "Dates are written the international way, year-month-day with two digits \
for the month and the day: `2027-12-31`. A date written day first, the German \
way (`31.12.2027`, `1.2.2027`, `31.12.27`), or without the leading zeros \
(`2027-6-30`) is reported with a quick fix that writes it year-month-day. A \
two-digit year is read as 20…: `31.12.27` is `2027-12-31`.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0110/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0110/good.journey"
    ))),
};

pub const INVALID_DATE: CodeInfo = CodeInfo {
    code: "J0111",
    name: "invalid-date",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a date that does not exist",
    explanation: "A date must exist in the calendar: months go from 1 to 12, and a day must \
be in its month (February has 29 days only in leap years). A deadline on a \
day that does not exist cannot be met or compared, so it is an error rather \
than quietly moved to another day.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0111/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0111/good.journey"
    ))),
};

pub const UNKNOWN_KEYWORD: CodeInfo = CodeInfo {
    code: "J0201",
    name: "unknown-keyword",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a keyword the language does not know",
    explanation: "Each block admits a fixed set of statements (see `grammar/GUIDE.md`). A \
keyword that exists nowhere is reported with the closest known keyword as a \
suggestion and a fix.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0201/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0201/good.journey"
    ))),
};

pub const MISPLACED_STATEMENT: CodeInfo = CodeInfo {
    code: "J0202",
    name: "misplaced-statement",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a statement in a block where it does not belong",
    explanation: "The keyword exists, but not in this block: `channel` belongs in a \
`touchpoint`, `touchpoint` in a `phase`, `phase` at the top level. The \
message names the blocks that admit it. Often a `}` is missing or one too \
many.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0202/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0202/good.journey"
    ))),
};

pub const INVALID_ARGUMENT: CodeInfo = CodeInfo {
    code: "J0203",
    name: "invalid-argument",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "an argument of the wrong kind",
    explanation: "Statements expect arguments of certain kinds: identifiers (`founder`), \
strings (`\"text\"`), numbers (`4`) or dates (`2027-06-30`), and some expect \
a list (`a, b, c`) or a fixed word (`target`, `via`, `->`).
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0203/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0203/good.journey"
    ))),
};

pub const MISSING_ARGUMENT: CodeInfo = CodeInfo {
    code: "J0204",
    name: "missing-argument",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a statement lacks an argument it needs",
    explanation: "Some statements need arguments: `persona` an identifier, `kpi` a name, \
`loop` two phases joined by `->`.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0204/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0204/good.journey"
    ))),
};

pub const EXTRA_ARGUMENT: CodeInfo = CodeInfo {
    code: "J0205",
    name: "extra-argument",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a statement has more arguments than it takes",
    explanation: "Extra arguments are reported rather than ignored, because they usually \
mean two statements ended up on one line or a list lacks its commas.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0205/bad.journey"
    ))),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0205/good.journey"
    ))),
};

pub const DUPLICATE_ATTRIBUTE: CodeInfo = CodeInfo {
    code: "J0206",
    name: "duplicate-attribute",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a single-valued statement given twice in one block",
    explanation: "Statements such as `owner`, `experience` or `message` hold one value per \
block. Giving one twice is reported at the second; the first counts.
",
    bad: Some(Example::new(include_str!(
        "../rule-examples/J0206/bad.journey"
    ))),
    good: Some(
        Example::new(include_str!("../rule-examples/J0206/good.journey"))
            .note("decide on one owner; name others in `description`:"),
    ),
};

pub const BLOCK_EXPECTED: CodeInfo = CodeInfo {
    code: "J0207",
    name: "block-mismatch",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a block missing where one is needed, or given where none is",
    explanation: "Definitions (`journey`, `persona`, `phase`, `touchpoint`, `goal`, `actor`, \
`impact`, `empathy`) have a block `{ … }`; attributes such as `owner` or \
`says` do not.
",
    bad: Some(Example::new(include_str!("../rule-examples/J0207/bad.journey")).also(&["J0202"])),
    good: Some(Example::new(include_str!(
        "../rule-examples/J0207/good.journey"
    ))),
};

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
