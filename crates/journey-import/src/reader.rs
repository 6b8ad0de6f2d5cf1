//! Reading cells of a sheet into values of the language, with every
//! problem collected and placed at its cell (`Touchpoints!M5`) together
//! with what to write instead.

use crate::cells::{is_ident, slug};
use crate::labels;
use crate::numbers::{self, Style};
use crate::workbook::{Grid, Value};
use crate::ImportError;
use journey_export::sheet::{split_lines, Label};
use journey_export::{Allow, Value as Measure};
use std::collections::HashMap;

/// What reading collects: problems, notes for the person importing, and
/// where each definition came from (for findings of the checker).
#[derive(Debug, Default)]
pub struct Context {
    pub errors: Vec<ImportError>,
    pub notes: Vec<String>,
    /// `(kind, id)` → the cell that defines it (`("touchpoint", "ads")`).
    pub places: HashMap<(&'static str, String), String>,
    /// How numbers typed as text are read.
    pub style: Option<Style>,
}

impl Context {
    pub fn error(&mut self, cell: String, message: impl Into<String>) {
        self.errors.push(ImportError::in_cell(cell, message));
    }

    pub fn note(&mut self, message: impl Into<String>) {
        self.notes.push(message.into());
    }

    pub fn place(&mut self, kind: &'static str, id: &str, cell: String) {
        self.places.entry((kind, id.to_string())).or_insert(cell);
    }

    pub fn number_style(&self) -> Style {
        self.style.unwrap_or(Style::German)
    }
}

/// A sheet with a header row: which column holds which field.
pub struct Table<'g> {
    pub grid: &'g Grid,
    pub header: usize,
    pub columns: HashMap<&'static str, usize>,
}

impl<'g> Table<'g> {
    /// Reads the header row (the first non-empty row) against `labels`
    /// and `aliases`; other columns are ignored with a note.
    pub fn new(
        grid: &'g Grid,
        labels: &[Label],
        aliases: &[(&'static str, &[&str])],
        cx: &mut Context,
    ) -> Table<'g> {
        let header = (0..grid.height())
            .find(|r| !grid.row_is_empty(*r, 0))
            .unwrap_or(0);
        let mut columns = HashMap::new();
        let mut ignored = Vec::new();
        for c in 0..grid.width() {
            let text = grid.get(header, c).as_text();
            if text.trim().is_empty() {
                continue;
            }
            match labels::find(&text, labels, aliases) {
                Some(key) => {
                    if let Some(first) = columns.get(key) {
                        cx.error(
                            grid.cell(header, c),
                            format!(
                                "the column `{}` appears twice (first in {}); delete one of them",
                                text.trim(),
                                grid.cell(header, *first)
                            ),
                        );
                    } else {
                        columns.insert(key, c);
                    }
                }
                None => ignored.push(format!("{} `{}`", grid.cell(header, c), text.trim())),
            }
        }
        if !ignored.is_empty() {
            cx.note(format!(
                "{}: ignored the column{} {}",
                if grid.name.is_empty() {
                    "the table"
                } else {
                    &grid.name
                },
                if ignored.len() == 1 { "" } else { "s" },
                ignored.join(", ")
            ));
        }
        Table {
            grid,
            header,
            columns,
        }
    }

    /// The rows below the header that hold something.
    pub fn rows(&self) -> Vec<usize> {
        (self.header + 1..self.grid.height())
            .filter(|r| {
                self.columns
                    .values()
                    .any(|c| !self.grid.get(*r, *c).is_empty())
            })
            .collect()
    }

    pub fn has(&self, key: &str) -> bool {
        self.columns.contains_key(key)
    }

    pub fn get(&self, row: usize, key: &str) -> &Value {
        static EMPTY: Value = Value::Empty;
        match self.columns.get(key) {
            Some(c) => self.grid.get(row, *c),
            None => &EMPTY,
        }
    }

    /// The cell of `key` in `row` (`Touchpoints!C4`); the row's first cell
    /// when the column is missing.
    pub fn at(&self, row: usize, key: &str) -> String {
        self.grid
            .cell(row, self.columns.get(key).copied().unwrap_or(0))
    }

    pub fn cell<'t>(&'t self, row: usize, key: &str) -> Cell<'t> {
        Cell {
            value: self.get(row, key),
            at: self.at(row, key),
        }
    }
}

/// One cell to read, with its place.
pub struct Cell<'v> {
    pub value: &'v Value,
    pub at: String,
}

impl Cell<'_> {
    /// Text exactly as written; `None` when empty.
    pub fn text(&self, cx: &mut Context) -> Option<String> {
        match self.value {
            Value::Empty => None,
            Value::Text(t) if t.trim().is_empty() => None,
            Value::Error(e) => {
                cx.error(
                    self.at.clone(),
                    format!("the cell shows the error `{e}`; write the text instead of a formula"),
                );
                None
            }
            v => Some(v.as_text()),
        }
    }

    /// One item per line.
    pub fn list(&self, cx: &mut Context) -> Vec<String> {
        self.text(cx).map(|t| split_lines(&t)).unwrap_or_default()
    }

    /// An id; `what` says what it names, for the message.
    pub fn ident(&self, cx: &mut Context, what: &str) -> Option<String> {
        let t = self.text(cx)?;
        let t = t.trim();
        if is_ident(t) {
            return Some(t.to_string());
        }
        cx.error(self.at.clone(), not_an_id(t, what));
        None
    }

    /// Ids, one per line (or separated by commas).
    pub fn idents(&self, cx: &mut Context, what: &str) -> Vec<String> {
        let Some(t) = self.text(cx) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in t
            .split(['\n', ',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if is_ident(item) {
                out.push(item.to_string());
            } else {
                cx.error(self.at.clone(), not_an_id(item, what));
            }
        }
        out
    }

    /// A fixed word (see [`labels::value`]); `choices` for the message.
    pub fn word(&self, cx: &mut Context, kind: &str, choices: &str) -> Option<&'static str> {
        let t = self.text(cx)?;
        match labels::value(&t, kind) {
            Some(v) => Some(v),
            None => {
                cx.error(
                    self.at.clone(),
                    format!(
                        "`{}` is not {kind} journeyc knows; write one of {choices}",
                        t.trim()
                    ),
                );
                None
            }
        }
    }

    pub fn yes_no(&self, cx: &mut Context) -> Option<bool> {
        if let Value::Bool(b) = self.value {
            return Some(*b);
        }
        let t = self.text(cx)?;
        match labels::yes_no(&t) {
            Some(b) => Some(b),
            None => {
                cx.error(
                    self.at.clone(),
                    format!(
                        "`{}` is neither yes nor no; write `yes` or `no` (`ja` or `nein`)",
                        t.trim()
                    ),
                );
                None
            }
        }
    }

    /// A number: a number cell, or a number typed as text (`12.000,50`
    /// in a German workbook). `rule` ends the message for text that is
    /// not a number.
    pub fn number(&self, cx: &mut Context, rule: &str) -> Option<f64> {
        match self.value {
            Value::Empty => None,
            Value::Number(n) => Some(*n),
            Value::Text(t) if t.trim().is_empty() => None,
            Value::Text(t) => match numbers::parse_number(t, cx.number_style()) {
                Some(n) => Some(n),
                None => {
                    cx.error(
                        self.at.clone(),
                        format!("`{}` is not a number; {rule}", t.trim()),
                    );
                    None
                }
            },
            other => {
                cx.error(
                    self.at.clone(),
                    format!("`{}` is not a number; {rule}", other.as_text()),
                );
                None
            }
        }
    }

    /// A score from 1.0 to 5.0 (decimals allowed, e.g. survey means): a
    /// number cell, or a number typed as text.
    pub fn score(&self, cx: &mut Context, what: &str) -> Option<f64> {
        let rule =
            format!("the {what} is a number from 1 (poor) to 5 (excellent), decimals allowed");
        let value = self.number(cx, &rule)?;
        if !(1.0..=5.0).contains(&value) {
            cx.error(
                self.at.clone(),
                format!(
                    "`{}` is outside the scale; {rule}",
                    journey_export::format_number(value)
                ),
            );
            return None;
        }
        Some(value)
    }

    /// A measurable value: a number cell is a number, a date cell a
    /// date, text is text exactly as written (the workbook's own cells).
    pub fn measure(&self, cx: &mut Context) -> Option<Measure> {
        match self.value {
            Value::Number(n) => Some(Measure::Number(*n)),
            Value::Date(d) => Some(Measure::Date(d.clone())),
            _ => self.text(cx).map(Measure::Text),
        }
    }

    /// A date: a date cell, or `31.12.2027` / `2027-12-31` as text.
    pub fn date(&self, cx: &mut Context) -> Option<String> {
        match self.value {
            Value::Date(d) => Some(d.clone()),
            _ => {
                let t = self.text(cx)?;
                match numbers::parse_date(&t) {
                    Some(d) => Some(d),
                    None => {
                        cx.error(
                            self.at.clone(),
                            format!(
                                "`{}` is not a date; write it as 31.12.2027 or 2027-12-31",
                                t.trim()
                            ),
                        );
                        None
                    }
                }
            }
        }
    }

    /// `allow` lines: `check: reason` per line.
    pub fn allows(&self, cx: &mut Context) -> Vec<Allow> {
        let mut out = Vec::new();
        for line in self.list(cx) {
            let (check, reason) = match line.split_once(':') {
                Some((c, r)) => (c.trim().to_string(), Some(r.trim_start().to_string())),
                None => (line.trim().to_string(), None),
            };
            if journey_analysis::find_code(&check).is_none() {
                cx.error(
                    self.at.clone(),
                    format!(
                        "`{check}` is not the code or name of a check; write `check: reason` per line, e.g. `J0414: deliberate` (`journeyc explain` lists the checks)"
                    ),
                );
                continue;
            }
            out.push(Allow { check, reason });
        }
        out
    }
}

/// "`x y` is not an id …" with a suggestion.
pub fn not_an_id(text: &str, what: &str) -> String {
    let mut msg = format!(
        "`{text}` is not {what}: ids are one word of letters, digits and `_`, not starting with a digit"
    );
    if let Some(s) = slug(text) {
        msg.push_str(&format!("; write `{s}`"));
    }
    msg
}
