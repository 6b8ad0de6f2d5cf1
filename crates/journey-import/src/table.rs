//! Reading the table: the header, then every row cell by cell. Every
//! problem is collected with its row and column, so that one run reports
//! all of them.

use crate::cells::{self, is_date, is_ident, is_number};
use crate::ImportError;
use journey_export::xlsx::column_letter;
use journey_syntax::schema;

/// The columns of the workshop table, as `journeyc export --format csv`
/// writes them.
pub use journey_export::csv::COLUMNS;

/// A score cell: empty, or a number from 1 to 5 (a decimal comma too).
fn parse_score(c: &str) -> Result<Option<f64>, String> {
    let c = c.trim();
    if c.is_empty() {
        return Ok(None);
    }
    let value = if is_number(c) {
        c.parse::<f64>().ok()
    } else {
        crate::numbers::parse_number(c, crate::numbers::Style::German)
    };
    match value {
        Some(v) if (1.0..=5.0).contains(&v) => Ok(Some(v)),
        Some(_) => Err(format!(
            "`{c}` is outside the scale; scores are numbers from 1 to 5, decimals allowed"
        )),
        None => Err(format!(
            "`{c}` is not a score; scores are numbers from 1 to 5, decimals allowed"
        )),
    }
}

/// A KPI cell item: `name:target:unit[:id]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub id: Option<String>,
    pub name: String,
    pub target: Option<Target>,
    pub unit: Option<String>,
}

/// A KPI target: a number, a date or text, as the language has them.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Number(String),
    Date(String),
    Text(String),
}

/// `allow CHECK "reason"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Allow {
    pub check: String,
    pub reason: Option<String>,
}

/// `moment`: none, a bare flag, or a note.
#[derive(Debug, Clone, PartialEq)]
pub enum Moment {
    No,
    Yes,
    Note(String),
}

/// One row: one touchpoint, with the phase (and journey) it stands in.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    pub journey: Option<String>,
    pub phase_id: String,
    pub phase_title: Option<String>,
    pub phase_kind: Option<String>,
    pub id: String,
    pub title: Option<String>,
    pub channel: Option<String>,
    pub presence: Option<String>,
    pub owner: Option<String>,
    pub systems: Vec<String>,
    pub kpis: Vec<Kpi>,
    pub serves: Vec<String>,
    pub copy: Vec<String>,
    pub evidence: Vec<String>,
    pub disclaimers: Vec<String>,
    pub expectation: Option<f64>,
    pub experience: Option<f64>,
    pub importance: Option<String>,
    pub monitored: Option<bool>,
    pub state: Option<String>,
    pub moment: Moment,
    pub collects: Vec<String>,
    pub basis: Option<String>,
    pub description: Option<String>,
    pub allows: Vec<Allow>,
    pub target_experience: Option<f64>,
    /// `wow`: like `moment`.
    pub wow: Moment,
    /// The amount as written and the currency code.
    pub cost: Option<(String, String)>,
    pub next: Vec<String>,
    /// `for PERSONA …`: each persona's own scores.
    pub persona_scores: Vec<journey_export::PersonaScores>,
}

impl Row {
    /// Everything but the journey: two rows of one touchpoint listed
    /// under two journeys must agree on this.
    pub fn same_touchpoint(&self, other: &Row) -> bool {
        let strip = |r: &Row| Row {
            row: 0,
            journey: None,
            ..r.clone()
        };
        strip(self) == strip(other)
    }
}

/// The table: the rows that could be read, and every problem found.
pub struct Table {
    pub rows: Vec<Row>,
    pub errors: Vec<ImportError>,
    /// Column name → position in the file, for error locations.
    pub positions: Vec<(&'static str, usize)>,
    /// Ids made from titles so far (when the id column is missing).
    made_ids: Vec<String>,
    /// Columns that were ignored.
    pub notes: Vec<String>,
}

impl Table {
    pub fn letter(&self, column: &str) -> Option<String> {
        self.positions
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, i)| column_letter(*i))
    }
}

/// The column a header names: a name of [`COLUMNS`], or the English or
/// German word a workshop table uses (`Kanal`, `Verantwortlich`,
/// `Erwartung`, `Erlebnis` …).
pub fn column_of(header: &str) -> Option<&'static str> {
    // The header as `journeyc export --format csv` writes it, in either
    // language (`phase_id`, `Phasen-ID`).
    if let Some(c) = journey_l10n::column_from_header(header, COLUMNS) {
        return Some(c);
    }
    const ALIASES: &[(&str, &[&str])] = &[
        ("journey", &["journey", "reise", "kundenreise"]),
        ("phase_id", &["phase id", "phasen-id", "phase-id"]),
        (
            "phase_title",
            &[
                "phase",
                "phasen",
                "phase title",
                "phase (titel)",
                "journey-phase",
                "phasenname",
                "stage",
            ],
        ),
        (
            "phase_kind",
            &["phase kind", "art", "phasentyp", "kind", "art der phase"],
        ),
        ("touchpoint_id", &["touchpoint id", "id", "touchpoint-id"]),
        (
            "touchpoint_title",
            &[
                "touchpoint",
                "touchpoint title",
                "titel",
                "title",
                "berührungspunkt",
                "kontaktpunkt",
                "name",
            ],
        ),
        ("channel", &["kanal", "medium", "channel"]),
        (
            "presence",
            &[
                "online/offline",
                "online / offline",
                "online oder offline",
                "digital/analog",
            ],
        ),
        (
            "owner",
            &[
                "verantwortlich",
                "zuständig",
                "team",
                "verantwortliches team",
                "owner",
            ],
        ),
        (
            "systems",
            &["it-systeme", "it systems", "systeme", "it-system"],
        ),
        ("kpis", &["kpi", "kennzahlen", "kennzahl"]),
        (
            "serves",
            &[
                "personas",
                "persona",
                "für",
                "zielgruppe",
                "für (personas)",
                "serves (personas)",
            ],
        ),
        (
            "copy",
            &["text", "botschaft", "says", "werbetext", "aussage"],
        ),
        ("evidence", &["belege", "nachweis"]),
        (
            "disclaimers",
            &["kleingedrucktes", "small print", "disclaimer", "hinweis"],
        ),
        (
            "expectation",
            &["erwartung", "erwartung (1-5)", "expectation (1-5)"],
        ),
        (
            "experience",
            &[
                "erlebnis",
                "erlebnis (1-5)",
                "experience (1-5)",
                "zufriedenheit",
                "erfahrung",
                "satisfaction",
            ],
        ),
        (
            "importance",
            &["wichtigkeit", "priorität", "priority", "bedeutung"],
        ),
        ("monitored", &["überwacht", "monitoring"]),
        ("state", &["zustand", "status", "ist/soll"]),
        ("moment", &["moment of truth", "moment der wahrheit"]),
        (
            "collects",
            &[
                "erhobene daten",
                "personenbezogene daten",
                "personal data collected",
            ],
        ),
        ("basis", &["rechtsgrundlage", "legal basis"]),
        ("description", &["beschreibung"]),
        ("allows", &["erlaubte befunde", "allowed findings"]),
    ];
    let n = crate::labels::normalise(header);
    ALIASES
        .iter()
        .find(|(_, v)| v.contains(&n.as_str()))
        .and_then(|(k, _)| COLUMNS.iter().find(|c| c == &k).copied())
}

/// Whether the first row of `grid` heads a touchpoint table (the columns
/// of `journeyc export --format csv`, or a touchpoint column) rather than
/// a journey map.
pub fn looks_like_table(grid: &crate::workbook::Grid) -> bool {
    let known = (0..grid.width())
        .filter(|c| {
            let h = grid.get(0, *c).as_text();
            column_of(&h).is_some()
        })
        .count();
    let touchpoint = (0..grid.width()).any(|c| {
        matches!(
            column_of(&grid.get(0, c).as_text()),
            Some("touchpoint_id" | "touchpoint_title")
        )
    });
    known >= 2 && touchpoint
}

/// Guesses the separator from the header line: a `;`-separated file (as
/// spreadsheets write it in many locales) has no `,` outside quotes in
/// its header but does have `;`.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if !header.contains(',') && header.contains(';') {
        b';'
    } else if !header.contains(',') && header.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// Reads the table from CSV text.
pub fn read(text: &str) -> Table {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut errors = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    // The header: every column of the format, each once, nothing else.
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            errors.push(ImportError::at_row(
                1,
                format!("cannot read the header: {e}"),
            ));
            return Table {
                rows: Vec::new(),
                errors,
                positions: Vec::new(),
                made_ids: Vec::new(),
                notes: Vec::new(),
            };
        }
        None => {
            errors.push(ImportError::at_row(
                1,
                format!(
                    "the file is empty; expected a header row with the columns {}",
                    COLUMNS.join(", ")
                ),
            ));
            return Table {
                rows: Vec::new(),
                errors,
                positions: Vec::new(),
                made_ids: Vec::new(),
                notes: Vec::new(),
            };
        }
    };
    let mut positions: Vec<(&'static str, usize)> = Vec::new();
    let mut notes = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        match column_of(name) {
            Some(c) => {
                if let Some((_, first)) = positions.iter().find(|(p, _)| *p == c) {
                    errors.push(ImportError::at(
                        1,
                        c,
                        Some(column_letter(i)),
                        format!(
                            "column `{c}` appears twice (first in column {})",
                            column_letter(*first)
                        ),
                    ));
                } else {
                    positions.push((c, i));
                }
            }
            None => {
                let close = journey_syntax::closest(&name.to_lowercase(), COLUMNS);
                if !name.is_empty() && close.is_none() {
                    // Notes, comments, a column of one's own: not a
                    // column the import knows, and not a misspelt one.
                    notes.push(format!(
                        "ignored the column `{name}` ({}); it is not one journeyc reads",
                        column_letter(i)
                    ));
                    continue;
                }
                let mut msg = if name.is_empty() {
                    "a column without a name".to_string()
                } else {
                    format!("unknown column `{name}`")
                };
                if let Some(s) = close {
                    msg.push_str(&format!(" (did you mean `{s}`?)"));
                }
                errors.push(ImportError {
                    row: 1,
                    line: None,
                    column: Some(name.to_string()),
                    letter: Some(column_letter(i)),
                    cell: None,
                    message: msg,
                });
            }
        }
    }
    // Only the phase and the touchpoint are needed; every other column
    // may be left out (its cells are empty). Ids are made from titles
    // when their columns are missing.
    let has = |c: &str| positions.iter().any(|(p, _)| *p == c);
    for (id, title, what) in [
        ("phase_id", "phase_title", "phase"),
        ("touchpoint_id", "touchpoint_title", "touchpoint"),
    ] {
        if !has(id) && !has(title) {
            errors.push(ImportError {
                row: 1,
                line: None,
                column: Some(title.to_string()),
                letter: None,
                cell: None,
                message: format!(
                    "missing column `{title}` (or `{id}`); the table needs the {what} of every row (German: `{}`)",
                    if what == "phase" { "Phase" } else { "Touchpoint" }
                ),
            });
        }
    }
    let incomplete = errors
        .iter()
        .any(|e| e.message.starts_with("missing column"));
    let mut table = Table {
        rows: Vec::new(),
        errors,
        positions,
        made_ids: Vec::new(),
        notes,
    };
    if incomplete {
        // Without a phase or a touchpoint column no row can be read.
        return table;
    }

    // Rows as a spreadsheet numbers them: blank lines are rows too, and a
    // cell with line breaks makes a row span several lines of the file.
    let mut lines = Lines::new(text);
    let header_line = header.position().map_or(1, |p| lines.at(p.byte()));
    // Line breaks inside the cells of the rows read so far.
    let mut inner_breaks = breaks(&header);
    let mut row_no = 1;
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                // The row after the last one read, or where the error is.
                row_no = match e.position() {
                    Some(p) => spreadsheet_row(lines.at(p.byte()), header_line, inner_breaks),
                    None => row_no + 1,
                };
                table.errors.push(ImportError::at_row(
                    row_no,
                    format!("cannot read the row: {e}"),
                ));
                continue;
            }
        };
        let line = rec.position().map(|p| lines.at(p.byte()));
        row_no = match line {
            Some(line) => spreadsheet_row(line, header_line, inner_breaks),
            None => row_no + 1,
        };
        inner_breaks += breaks(&rec);
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue; // a blank line between groups of rows
        }
        if rec.len() > header.len() {
            table.errors.push(ImportError {
                row: row_no,
                line: line.filter(|l| *l != row_no),
                column: None,
                letter: Some(column_letter(header.len())),
                cell: None,
                message: format!(
                    "{} cells, but the header has {} columns",
                    rec.len(),
                    header.len()
                ),
            });
            continue;
        }
        let mut cx = RowReader {
            table: &mut table,
            rec: &rec,
            row: row_no,
            line: line.filter(|l| *l != row_no),
        };
        if let Some(row) = cx.read() {
            table.rows.push(row);
        }
    }
    table
}

/// Line numbers of byte offsets, counted forward once (offsets come in
/// order).
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first character of the record at `byte`. The
    /// reader's offset of a record may still point at the line break
    /// before it (after a `\r\n`): line breaks are skipped, as a record
    /// never starts with one.
    fn at(&mut self, byte: u64) -> usize {
        let mut b = (byte as usize).min(self.text.len());
        while b < self.text.len() && matches!(self.text[b], b'\r' | b'\n') {
            b += 1;
        }
        if b < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        self.line += self.text[self.offset..b]
            .iter()
            .filter(|c| **c == b'\n')
            .count();
        self.offset = b;
        self.line
    }
}

/// The spreadsheet row of a record starting at `line` of the file (the
/// header is row 1), after `inner_breaks` line breaks inside cells.
fn spreadsheet_row(line: usize, header_line: usize, inner_breaks: usize) -> usize {
    (line + 1).saturating_sub(header_line + inner_breaks).max(2)
}

/// The line breaks inside the cells of a record.
fn breaks(rec: &csv::StringRecord) -> usize {
    rec.iter().map(|c| c.matches('\n').count()).sum()
}

struct RowReader<'a> {
    table: &'a mut Table,
    rec: &'a csv::StringRecord,
    row: usize,
    line: Option<usize>,
}

impl RowReader<'_> {
    /// The cell of `column` as written, without the `'` the export puts
    /// before a cell that a spreadsheet would take for a formula
    /// (`journey_export::csv::neutralise`); `""` when the column is
    /// missing or the row is short.
    fn raw(&self, column: &str) -> &str {
        self.table
            .positions
            .iter()
            .find(|(c, _)| *c == column)
            .and_then(|(_, i)| self.rec.get(*i))
            .map(journey_export::csv::restore)
            .unwrap_or("")
    }

    /// The cell of `column`, trimmed (for ids, words and numbers).
    fn cell(&self, column: &str) -> &str {
        self.raw(column).trim()
    }

    fn error(&mut self, column: &str, message: String) {
        let letter = self.table.letter(column);
        self.table.errors.push(ImportError {
            row: self.row,
            line: self.line,
            column: Some(column.to_string()),
            letter,
            cell: None,
            message,
        });
    }

    /// Prose, exactly as written (spaces at its ends included); `None`
    /// when the cell is empty.
    fn text(&self, column: &str) -> Option<String> {
        let c = self.raw(column);
        (!c.is_empty()).then(|| c.to_string())
    }

    fn ident(
        &mut self,
        column: &str,
        what: &str,
        required: bool,
        title: Option<&str>,
    ) -> Option<String> {
        let c = self.cell(column).to_string();
        if c.is_empty() {
            if required {
                let mut msg = format!("empty; every row needs {what}");
                if let Some(s) = title.and_then(cells::slug) {
                    msg.push_str(&format!(" (from the title: `{s}`?)"));
                }
                self.error(column, msg);
            }
            return None;
        }
        if !is_ident(&c) {
            let mut msg = format!(
                "`{c}` is not an id: ids are one word of letters, digits and `_`, not starting with a digit"
            );
            if let Some(s) = cells::slug(&c) {
                msg.push_str(&format!(" (did you mean `{s}`?)"));
            }
            self.error(column, msg);
            return None;
        }
        Some(c)
    }

    /// An id made from the title in `column` (the id column is missing);
    /// touchpoint ids are made unique (`newsletter_2`).
    fn id_from_title(
        &mut self,
        column: &str,
        title: Option<&str>,
        what: &str,
        unique: bool,
    ) -> Option<String> {
        let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) else {
            self.error(column, format!("empty; every row needs the {what}'s title"));
            return None;
        };
        let Some(base) = cells::slug(t) else {
            self.error(
                column,
                format!("`{t}` cannot become an id; write a title with letters"),
            );
            return None;
        };
        if !unique {
            return Some(base);
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.table.made_ids.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        self.table.made_ids.push(id.clone());
        Some(id)
    }

    fn idents(&mut self, column: &str) -> Vec<String> {
        let mut out = Vec::new();
        for item in cells::list(self.raw(column)) {
            if is_ident(&item) {
                out.push(item);
            } else {
                let mut msg = format!("`{item}` is not an id");
                if let Some(s) = cells::slug(&item) {
                    msg.push_str(&format!(" (did you mean `{s}`?)"));
                }
                self.error(column, msg);
            }
        }
        out
    }

    /// A fixed word from `values` (case-insensitive), or empty.
    fn word(&mut self, column: &str, what: &str, values: &[&str]) -> Option<String> {
        let c = self.cell(column).to_string();
        if c.is_empty() {
            return None;
        }
        if let Some(v) = values.iter().find(|v| v.eq_ignore_ascii_case(&c)) {
            return Some(v.to_string());
        }
        // The German word (`geplant`, `hoch`, `Kauf`, `Einwilligung` …).
        let kind = match column {
            "phase_kind" => "kind",
            "presence" => "presence",
            "state" => "state",
            "importance" => "importance",
            "basis" => "basis",
            _ => "",
        };
        if let Some(v) = crate::labels::value(&c, kind) {
            return Some(v.to_string());
        }
        if values == ["yes", "no"] {
            if let Some(b) = crate::labels::yes_no(&c) {
                return Some(if b { "yes" } else { "no" }.to_string());
            }
        }
        let mut msg = format!(
            "unknown {what} `{c}`; expected one of {}",
            values.join(", ")
        );
        if let Some(s) = journey_syntax::closest(&c.to_lowercase(), values) {
            msg.push_str(&format!(" (did you mean `{s}`?)"));
        }
        self.error(column, msg);
        None
    }

    fn score(&mut self, column: &str) -> Option<f64> {
        let c = self.cell(column).to_string();
        match parse_score(&c) {
            Ok(score) => score,
            Err(message) => {
                self.error(column, message);
                None
            }
        }
    }

    /// `persona_scores`: items `persona:expectation:experience:target:feeling`.
    fn persona_scores(&mut self) -> Vec<journey_export::PersonaScores> {
        const COLUMN: &str = "persona_scores";
        let mut out = Vec::new();
        for raw in cells::raw_items(self.raw(COLUMN)) {
            let parts = cells::parts(&raw);
            let item = cells::unescape(&raw);
            if parts.len() > 5 {
                self.error(
                    COLUMN,
                    format!(
                        "`{item}` has {} parts; write `persona:expectation:experience:target:feeling` (`\\:` for a colon in the feeling)",
                        parts.len()
                    ),
                );
                continue;
            }
            let persona = parts.first().cloned().unwrap_or_default();
            if !is_ident(&persona) {
                self.error(
                    COLUMN,
                    format!("`{item}`: `{persona}` is not a persona id; the first part is the persona's id"),
                );
                continue;
            }
            let mut scores = [None; 3];
            let mut bad = false;
            for (i, what) in ["expectation", "experience", "target"]
                .into_iter()
                .enumerate()
            {
                match parse_score(parts.get(i + 1).map_or("", String::as_str)) {
                    Ok(s) => scores[i] = s,
                    Err(message) => {
                        self.error(
                            COLUMN,
                            format!("`{item}`, {what} of `{persona}`: {message}"),
                        );
                        bad = true;
                    }
                }
            }
            if bad {
                continue;
            }
            let [expectation, experience, target] = scores;
            out.push(journey_export::PersonaScores {
                persona,
                expectation,
                experience,
                target,
                feeling: parts.get(4).filter(|f| !f.is_empty()).cloned(),
            });
        }
        out
    }

    fn kpis(&mut self) -> Vec<Kpi> {
        let mut out = Vec::new();
        for raw in cells::raw_items(self.raw("kpis")) {
            let parts = cells::parts(&raw);
            if parts.len() > 4 {
                self.error(
                    "kpis",
                    format!(
                        "`{}` has {} parts; a KPI is `name:target:unit:id` (write `\\:` for a colon inside a part)",
                        cells::unescape(&raw),
                        parts.len()
                    ),
                );
                continue;
            }
            let part = |i: usize| parts.get(i).filter(|p| !p.is_empty()).cloned();
            let Some(name) = part(0) else {
                self.error(
                    "kpis",
                    format!(
                        "`{}`: a KPI needs a name before the first `:`",
                        cells::unescape(&raw)
                    ),
                );
                continue;
            };
            let target = part(1).map(|t| {
                if is_number(&t) {
                    Target::Number(t)
                } else if is_date(&t) {
                    Target::Date(t)
                } else {
                    Target::Text(t)
                }
            });
            let id = match part(3) {
                Some(id) if !is_ident(&id) => {
                    self.error(
                        "kpis",
                        format!(
                            "KPI `{name}`: `{id}` is not an id (the fourth part is the KPI's id)"
                        ),
                    );
                    continue;
                }
                id => id,
            };
            out.push(Kpi {
                id,
                name,
                target,
                unit: part(2),
            });
        }
        out
    }

    fn allows(&mut self) -> Vec<Allow> {
        let mut out = Vec::new();
        for raw in cells::raw_items(self.raw("allows")) {
            let parts = cells::split_raw(&raw, ':');
            let check = cells::unescape(cells::trim_raw(&parts[0]));
            // The rest, colons included, is the reason.
            let reason = cells::unescape(cells::trim_raw(&parts[1..].join(":")));
            if journey_analysis::find_code(&check).is_none() {
                self.error(
                    "allows",
                    format!(
                        "`{check}` is not the code or name of a check (see `journeyc explain`)"
                    ),
                );
                continue;
            }
            if reason.is_empty() {
                self.error(
                    "allows",
                    format!(
                        "`{check}` has no reason; write `check:reason` so that reviewers know why"
                    ),
                );
                continue;
            }
            out.push(Allow {
                check,
                reason: Some(reason),
            });
        }
        out
    }

    fn read(&mut self) -> Option<Row> {
        let errors_before = self.table.errors.len();
        let names = |v: &[schema::EnumValue]| v.iter().map(|e| e.name).collect::<Vec<_>>();
        let journey = self.ident("journey", "a journey id", false, None);
        let phase_title = self.text("phase_title");
        let phase_id = if self.table.letter("phase_id").is_some() {
            self.ident("phase_id", "a phase id", true, phase_title.as_deref())
        } else {
            self.id_from_title("phase_title", phase_title.as_deref(), "phase", false)
        };
        let phase_kind = self.word("phase_kind", "phase kind", &names(schema::PHASE_KINDS));
        let title = self.text("touchpoint_title");
        let id = if self.table.letter("touchpoint_id").is_some() {
            self.ident("touchpoint_id", "a touchpoint id", true, title.as_deref())
        } else {
            self.id_from_title("touchpoint_title", title.as_deref(), "touchpoint", true)
        };
        // A channel id, or its German or English name (`Plakat`).
        let channel = match crate::labels::channel(self.cell("channel")) {
            Some(c) => Some(c.to_string()),
            None => self.ident("channel", "a channel", false, None),
        };
        let presence = self.word("presence", "presence", &names(schema::PRESENCE));
        let owner = self.ident("owner", "an owner", false, None);
        let systems = self.idents("systems");
        let kpis = self.kpis();
        let serves = self.idents("serves");
        let copy = cells::list(self.raw("copy"));
        let evidence = cells::list(self.raw("evidence"));
        let disclaimers = cells::list(self.raw("disclaimers"));
        let expectation = self.score("expectation");
        let experience = self.score("experience");
        let importance = self.word("importance", "importance", &names(schema::IMPORTANCE));
        let monitored = self
            .word("monitored", "value for monitored", &["yes", "no"])
            .map(|v| v == "yes");
        let state = self.word("state", "state", &names(schema::STATES));
        let moment = match self.raw("moment") {
            "" => Moment::No,
            c if c.trim().eq_ignore_ascii_case("yes") => Moment::Yes,
            c if c.trim().eq_ignore_ascii_case("no") => Moment::No,
            c => Moment::Note(c.to_string()),
        };
        let collects = cells::list(self.raw("collects"));
        let basis = self.word("basis", "legal basis", &names(schema::LEGAL_BASES));
        let description = self.text("description");
        let allows = self.allows();
        let target_experience = self.score("target_experience");
        let wow = match self.raw("wow") {
            "" => Moment::No,
            c if c.trim().eq_ignore_ascii_case("yes") => Moment::Yes,
            c if c.trim().eq_ignore_ascii_case("no") => Moment::No,
            c => Moment::Note(c.to_string()),
        };
        let cost = self.cost();
        let next = self.idents("next");
        let persona_scores = self.persona_scores();
        if self.table.errors.len() > errors_before {
            return None;
        }
        Some(Row {
            row: self.row,
            journey,
            phase_id: phase_id?,
            phase_title,
            phase_kind,
            id: id?,
            title,
            channel,
            presence,
            owner,
            systems,
            kpis,
            serves,
            copy,
            evidence,
            disclaimers,
            expectation,
            experience,
            importance,
            monitored,
            state,
            moment,
            collects,
            basis,
            description,
            allows,
            target_experience,
            wow,
            cost,
            next,
            persona_scores,
        })
    }

    /// `cost` and `currency`: an amount (`12000`, `12.000,50`) and a
    /// three-letter code; both or neither.
    fn cost(&mut self) -> Option<(String, String)> {
        let amount = self.cell("cost").trim().to_string();
        let currency = self.cell("currency").trim().to_string();
        match (amount.is_empty(), currency.is_empty()) {
            (true, true) => None,
            (false, true) => {
                self.error(
                    "currency",
                    "the cost has no currency; write its code (EUR, CHF, USD, GBP …)".to_string(),
                );
                None
            }
            (true, false) => {
                self.error(
                    "cost",
                    "a currency but no amount; write the cost, or clear the currency".to_string(),
                );
                None
            }
            (false, false) => {
                let n = if is_number(&amount) {
                    amount.parse::<f64>().ok()
                } else {
                    crate::numbers::parse_number(&amount, crate::numbers::Style::German)
                };
                let ok_currency =
                    currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase());
                match (n, ok_currency) {
                    (Some(n), true) if n.is_finite() && n >= 0.0 => {
                        Some((journey_export::format_number(n), currency))
                    }
                    (Some(_), true) | (None, _) => {
                        self.error(
                            "cost",
                            format!("`{amount}` is not an amount; write a number such as 12000"),
                        );
                        None
                    }
                    (Some(_), false) => {
                        self.error("currency", format!("`{currency}` is not a currency code; write three capital letters such as EUR, CHF, USD or GBP"));
                        None
                    }
                }
            }
        }
    }
}
