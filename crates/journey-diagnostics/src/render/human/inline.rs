//! Ariadne's layout for the common report, written straight into a string.
//!
//! Ariadne draws an excerpt one character at a time through `write!` and
//! colour wrappers, and looks every label up again for every column: in a
//! report of 50,000 findings that is most of the time spent outside the
//! analysis. Almost every finding has the same simple shape — each label on
//! one line, no colour (a report in a file or a pipe) — and for that shape
//! this module produces ariadne's text byte for byte (ariadne 0.6, default
//! configuration with character indices), with the same line table
//! ([`ariadne::Source`]). Any other shape (a label over several lines,
//! colour, a label outside its text) is left to ariadne:
//! [`write`] then returns `false` and writes nothing.
//!
//! The tests in `human.rs` compare the two on generated findings of every
//! shape this module accepts.

use super::{Built, Parts};
use crate::FileId;
use ariadne::{Line, Source};
use std::fmt::Write;
use std::ops::Range;
use std::sync::Arc;
use unicode_width::UnicodeWidthChar;

const HBAR: char = '─';
const VBAR: char = '│';
const LTOP: char = '╭';
const LCROSS: char = '├';
const LBOT: char = '╰';
const RBOT: char = '╯';
const UNDERBAR: char = '┬';
const UNDERLINE: char = '─';
/// Ariadne's default tab stop.
const TAB_WIDTH: usize = 4;

/// A label placed in its file: its range in characters and its line.
struct Placed<'a> {
    chars: Range<usize>,
    message: Option<&'a str>,
    line: usize,
}

/// Consecutive labels of one file with non-decreasing lines: one excerpt
/// box of the report, as ariadne groups them.
struct Group<'a> {
    file: FileId,
    source: &'a Source<Arc<str>>,
    name: &'a str,
    chars: Range<usize>,
    labels: Vec<Placed<'a>>,
}

/// A label on the line being drawn, with the column its arrow hangs from.
struct OnLine<'a> {
    col: usize,
    label: &'a Placed<'a>,
}

/// Appends `parts` as ariadne would draw them without colour; `false`
/// (and nothing written) where they are not of the shape this module
/// draws.
pub(super) fn write(parts: &Parts, built: &Built, out: &mut String) -> bool {
    let start = out.len();
    let written = groups(parts, built).and_then(|groups| write_report(parts, &groups, out));
    if written.is_none() {
        out.truncate(start);
    }
    written.is_some()
}

/// The labels placed and grouped as ariadne's `get_source_groups` does;
/// `None` for a label over several lines or outside its text.
fn groups<'a>(parts: &'a Parts, built: &'a Built) -> Option<Vec<Group<'a>>> {
    let mut groups: Vec<Group> = Vec::new();
    for part in &parts.labels {
        let shown = built.get(&part.file)?;
        let line = line_of(&shown.source, &part.chars)?;
        let label = Placed {
            chars: part.chars.clone(),
            message: part.message.as_deref(),
            line,
        };
        match groups.last_mut() {
            Some(group)
                if group.file == part.file
                    && group
                        .labels
                        .last()
                        .is_none_or(|last| last.line <= label.line) =>
            {
                group.chars.start = group.chars.start.min(label.chars.start);
                group.chars.end = group.chars.end.max(label.chars.end);
                group.labels.push(label);
            }
            _ => groups.push(Group {
                file: part.file,
                source: &shown.source,
                name: &shown.name,
                chars: label.chars.clone(),
                labels: vec![label],
            }),
        }
    }
    Some(groups)
}

/// The line of a range of characters; `None` where it spans lines or
/// lies outside the text.
fn line_of(source: &Source<Arc<str>>, chars: &Range<usize>) -> Option<usize> {
    let (_, line, _) = source.get_offset_line(chars.start)?;
    if chars.start < chars.end {
        let (_, last, _) = source.get_offset_line(chars.end - 1)?;
        if last != line {
            return None;
        }
    }
    Some(line)
}

/// `n`'s decimal digits, as wide as ariadne makes the line-number margin.
fn digits(n: usize) -> usize {
    let mut width = 1;
    let mut power = 10;
    while n / power != 0 {
        width += 1;
        power *= 10;
    }
    width
}

fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// The character ariadne draws for `c` at column `col` and how many
/// columns it takes (tabs to the next stop, other blanks as one space).
fn char_width(c: char, col: usize) -> (char, usize) {
    match c {
        '\t' => (' ', (col / TAB_WIDTH + 1) * TAB_WIDTH - col),
        c if c.is_whitespace() => (' ', 1),
        c => (c, c.width().unwrap_or(1)),
    }
}

/// The header `path:line:col` of a group: the report's start for the
/// report's own file, the first label's for any other.
fn location(parts: &Parts, group: &Group) -> (String, String) {
    let primary = &parts.labels[0];
    let at = if group.file == primary.file {
        primary.chars.start
    } else {
        group.labels[0].chars.start
    };
    match group.source.get_offset_line(at) {
        Some((_, idx, col)) => ((idx + 1).to_string(), (col + 1).to_string()),
        None => ("?".into(), "?".into()),
    }
}

fn write_report(parts: &Parts, groups: &[Group], out: &mut String) -> Option<()> {
    let locations: Vec<_> = groups.iter().map(|g| location(parts, g)).collect();
    let width = groups
        .iter()
        .map(|g| digits(g.source.get_line_range(&g.chars).end))
        .max()
        .unwrap_or(0);
    let _ = writeln!(out, "[{:02}] {}: {}", parts.code, parts.kind, parts.message);
    for (i, (group, (line, col))) in groups.iter().zip(&locations).enumerate() {
        push_n(out, ' ', width + 2);
        out.push(if i == 0 { LTOP } else { LCROSS });
        out.push(HBAR);
        let _ = writeln!(out, "[ {}:{line}:{col} ]", group.name);
        push_n(out, ' ', width + 2);
        out.push(VBAR);
        out.push('\n');
        write_lines(group, width, out)?;
        if i + 1 == groups.len() {
            write_texts(out, width, "Help", parts.help.as_slice());
            write_texts(out, width, "Note", &parts.notes);
            push_n(out, HBAR, width + 2);
            out.push(RBOT);
        } else {
            push_n(out, ' ', width + 2);
            out.push(VBAR);
        }
        out.push('\n');
    }
    Some(())
}

/// The margin of a line without a line number: ` ` + blanks + `│` + ` `.
fn blank_margin(out: &mut String, width: usize) {
    push_n(out, ' ', width + 2);
    out.push(VBAR);
    out.push(' ');
}

/// The excerpt of a group: every line from its first label to its last,
/// each labelled line with its underlines and arrows, a run of unlabelled
/// lines as one empty margin.
fn write_lines(group: &Group, width: usize, out: &mut String) -> Option<()> {
    let mut skipping = false;
    for idx in group.source.get_line_range(&group.chars) {
        let Some(line) = group.source.line(idx) else {
            continue;
        };
        let span = line.span();
        let mut on_line: Vec<OnLine> = group
            .labels
            .iter()
            .filter(|l| l.chars.start >= span.start && l.chars.end <= span.end)
            .map(|label| OnLine {
                col: ((label.chars.start + label.chars.end) / 2).max(label.chars.start)
                    - line.offset(),
                label,
            })
            .collect();
        if on_line.is_empty() {
            if !skipping {
                blank_margin(out, width);
                out.push('\n');
            }
            skipping = true;
            continue;
        }
        skipping = false;
        on_line.sort_by_key(|l| (l.col, !l.label.chars.start));
        let text = group.source.get_line_text(line)?.trim_end();
        write_line(out, width, idx, text);
        let arrow_len = on_line
            .iter()
            .map(|l| l.label.chars.end.saturating_sub(line.offset()))
            .fold(0, usize::max)
            + 2;
        for row in 0..on_line.len() {
            if on_line[row].label.message.is_some() {
                write_arrows(out, width, &line, text, &on_line, row, arrow_len);
            }
        }
    }
    Some(())
}

/// A line of the excerpt with its number.
fn write_line(out: &mut String, width: usize, idx: usize, text: &str) {
    let number = idx + 1;
    out.push(' ');
    push_n(out, ' ', width - digits(number));
    let _ = write!(out, "{number} {VBAR} ");
    for (col, c) in text.chars().enumerate() {
        let (c, columns) = char_width(c, col);
        if c.is_whitespace() {
            push_n(out, c, columns);
        } else {
            out.push(c);
        }
    }
    out.push('\n');
}

/// The two rows ariadne draws for the label at `row` of a line: the
/// underlines (on the first row only) with the bars down to each later
/// label's message, then the arrow to this label's message.
fn write_arrows(
    out: &mut String,
    width: usize,
    line: &Line,
    text: &str,
    on_line: &[OnLine],
    row: usize,
    arrow_len: usize,
) {
    let this = &on_line[row];
    // A label whose arrow hangs from `col` and is drawn at `row` or later.
    let bar_at = |col: usize| {
        on_line
            .iter()
            .enumerate()
            .any(|(j, l)| l.label.message.is_some() && l.col == col && row <= j)
    };
    let underlined = |col: usize| {
        row == 0
            && on_line
                .iter()
                .any(|l| l.label.chars.contains(&(line.offset() + col)))
    };

    blank_margin(out, width);
    let mut chars = text.chars();
    for col in 0..arrow_len {
        let columns = chars.next().map_or(1, |c| char_width(c, col).1);
        let [c, tail] = match (bar_at(col), underlined(col)) {
            (true, true) => [UNDERBAR, UNDERLINE],
            (true, false) => [VBAR, ' '],
            (false, true) => [UNDERLINE, UNDERLINE],
            (false, false) => [' ', ' '],
        };
        for i in 0..columns {
            out.push(if i == 0 { c } else { tail });
        }
    }
    out.push('\n');

    blank_margin(out, width);
    let mut chars = text.chars();
    for col in 0..arrow_len {
        let columns = chars.next().map_or(1, |c| char_width(c, col).1);
        let after = col > this.col;
        let [c, tail] = if col == this.col {
            [LBOT, HBAR]
        } else if after {
            [HBAR, HBAR]
        } else if bar_at(col) {
            [VBAR, ' ']
        } else {
            [' ', ' ']
        };
        if columns > 0 {
            out.push(c);
        }
        push_n(out, tail, columns.saturating_sub(1));
    }
    if let Some(message) = this.label.message {
        out.push(' ');
        out.push_str(message);
    }
    out.push('\n');
}

/// The help or the notes: each after an empty margin line, `Help: …` (or
/// `Help 1: …` where there are several), later lines of a text indented
/// under the first.
fn write_texts<T: AsRef<str>>(out: &mut String, width: usize, title: &str, texts: &[T]) {
    for (i, text) in texts.iter().enumerate() {
        blank_margin(out, width);
        out.push('\n');
        let prefix = if texts.len() > 1 {
            format!("{title} {}", i + 1)
        } else {
            title.to_string()
        };
        let mut lines = text.as_ref().lines();
        if let Some(first) = lines.next() {
            blank_margin(out, width);
            let _ = writeln!(out, "{prefix}: {first}");
        }
        for line in lines {
            blank_margin(out, width);
            push_n(out, ' ', prefix.len() + 2);
            out.push_str(line);
            out.push('\n');
        }
    }
}
