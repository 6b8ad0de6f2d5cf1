//! Spreadsheets as grids of typed cells: `.xlsx`, `.xls` and `.ods`
//! through calamine, CSV through the csv reader. Positions are the
//! spreadsheet's own (row 1 and column A are index 0), so that every
//! message can name a cell as a person finds it (`Map!C7`).

use calamine::{Data, Reader};
use journey_export::xlsx::column_letter;
use std::io::Cursor;

/// One cell's value as the file has it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date cell, as `YYYY-MM-DD` (a time of day is dropped).
    Date(String),
    /// A formula error such as `#DIV/0!`.
    Error(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as text: a number as the language writes it, a date as
    /// `YYYY-MM-DD`.
    pub fn as_text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) => journey_export::format_number(*n),
            Value::Bool(true) => "yes".into(),
            Value::Bool(false) => "no".into(),
            Value::Date(d) => d.clone(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// One sheet.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The sheet's name; empty for a CSV file (which has one sheet).
    pub name: String,
    rows: Vec<Vec<Value>>,
}

impl Grid {
    pub fn new(name: impl Into<String>, rows: Vec<Vec<Value>>) -> Grid {
        Grid {
            name: name.into(),
            rows,
        }
    }

    pub fn height(&self) -> usize {
        self.rows.len()
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub fn get(&self, row: usize, col: usize) -> &Value {
        static EMPTY: Value = Value::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    /// The cell's reference as a spreadsheet shows it: `Map!C7`, or `C7`
    /// for a CSV file.
    pub fn cell(&self, row: usize, col: usize) -> String {
        let at = format!("{}{}", column_letter(col), row + 1);
        if self.name.is_empty() {
            at
        } else if self.name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            format!("{}!{at}", self.name)
        } else {
            format!("'{}'!{at}", self.name.replace('\'', "''"))
        }
    }

    /// Whether row `row` is empty from column `from` on.
    pub fn row_is_empty(&self, row: usize, from: usize) -> bool {
        (from..self.width()).all(|c| self.get(row, c).is_empty())
    }
}

/// Why a file could not be read as a spreadsheet at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(pub String);

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The sheets of an `.xlsx`, `.xlsm`, `.xls` or `.ods` file, in workbook
/// order (hidden sheets included).
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Grid>, ReadError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        ReadError(format!(
            "not a spreadsheet journeyc can read ({e}); save it as .xlsx, .ods or CSV (UTF-8)"
        ))
    })?;
    let mut grids = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ReadError(format!("cannot read the sheet `{name}`: {e}")))?;
        let mut rows: Vec<Vec<Value>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            let (r0, c0) = (r0 as usize, c0 as usize);
            for (i, row) in range.rows().enumerate() {
                let r = r0 + i;
                if rows.len() <= r {
                    rows.resize(r + 1, Vec::new());
                }
                let mut out = vec![Value::Empty; c0];
                out.extend(row.iter().map(value));
                while matches!(out.last(), Some(Value::Empty)) {
                    out.pop();
                }
                rows[r] = out;
            }
        }
        grids.push(Grid::new(name, rows));
    }
    Ok(grids)
}

fn value(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) => {
            if s.is_empty() {
                Value::Empty
            } else {
                Value::Text(s.clone())
            }
        }
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => {
            if dt.is_datetime() {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                Value::Date(format!("{y:04}-{m:02}-{d:02}"))
            } else {
                Value::Number(dt.as_f64())
            }
        }
        Data::DateTimeIso(s) => match s.get(..10) {
            Some(d) if crate::cells::is_date(d) => Value::Date(d.to_string()),
            _ => Value::Text(s.clone()),
        },
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(format!("{e}")),
    }
}

/// A CSV file as one grid of text cells. The separator is guessed from
/// the first line (`,`, `;` or tab); a byte order mark is skipped.
pub fn read_csv(text: &str) -> Result<Grid, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let delimiter = if count(';') > count(',') && count(';') >= count('\t') {
        b';'
    } else if count('\t') > count(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| ReadError(format!("cannot read the table: {e}")))?;
        let mut row: Vec<Value> = rec
            .iter()
            .map(|c| {
                if c.is_empty() {
                    Value::Empty
                } else {
                    Value::Text(c.to_string())
                }
            })
            .collect();
        while matches!(row.last(), Some(Value::Empty)) {
            row.pop();
        }
        rows.push(row);
    }
    Ok(Grid::new("", rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        let g = Grid::new("Map", vec![]);
        assert_eq!(g.cell(6, 2), "Map!C7");
        assert_eq!(
            Grid::new("Impact map", vec![]).cell(0, 0),
            "'Impact map'!A1"
        );
        assert_eq!(Grid::new("", vec![]).cell(1, 27), "AB2");
    }

    #[test]
    fn csv_separators_are_guessed() {
        let g = read_csv("\u{feff}Phase;Frage\nKauf;\"a;b\"\n").unwrap();
        assert_eq!(g.get(1, 1), &Value::Text("a;b".into()));
        let g = read_csv("a,b\n1,2\n").unwrap();
        assert_eq!(g.get(1, 1), &Value::Text("2".into()));
    }
}
