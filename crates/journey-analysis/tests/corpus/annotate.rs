//! The annotation format: each finding is written as a comment under the
//! line where it starts, so a case reads as source and expectation at once
//! (as the fixtures of rust-analyzer and the tests of typst do).
//!
//! ```text
//!   touchpoint t "T" {
//! #              ^ warning[J0408]: touchpoint `t` has no owner
//! #              = help: name the team responsible: `owner TEAM`
//! ```
//!
//! The carets stand in the columns of the span on the line above. A span
//! carets cannot show (one that starts in column 1, is empty, runs over
//! several lines or starts at the end of the file) names its start and end
//! instead: `# @3:1-5:2 error[J0105]: …` (lines and columns count from 1;
//! the end is the position just after the span). `tests/corpus/README.md`
//! describes the format for authors.

use std::fmt::Write;

/// What one finding must look like, with positions in the file as it is,
/// annotations included (0-based lines, columns in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub start: (usize, usize),
    pub end: (usize, usize),
    /// `severity[CODE]: message`.
    pub head: String,
    pub help: Option<String>,
    /// `title ("new text" at L:C-L:C)`, one per edit.
    pub fixes: Vec<String>,
}

impl Expectation {
    /// Carets need a span on one line that does not start in the column of
    /// the `#` and is not empty.
    fn fits_carets(&self) -> bool {
        self.start.0 == self.end.0 && self.start.1 >= 1 && self.end.1 > self.start.1
    }

    /// The annotation lines, without line endings; `carets` when the span is
    /// on the line the annotation stands under.
    fn lines(&self, carets: bool) -> Vec<String> {
        let (mark, indent) = if carets {
            let (from, to) = (self.start.1, self.end.1);
            (
                format!("{}{}", " ".repeat(from - 1), "^".repeat(to - from)),
                from,
            )
        } else {
            (format!(" @{}", range(self.start, self.end)), 2)
        };
        let mut lines = vec![format!("#{mark} {}", self.head)];
        let pad = " ".repeat(indent - 1);
        if let Some(help) = &self.help {
            lines.push(format!("#{pad}= help: {help}"));
        }
        for fix in &self.fixes {
            lines.push(format!("#{pad}= fix: {fix}"));
        }
        lines
    }
}

/// `L:C-L:C`, counted from 1, for 0-based positions.
pub fn range(start: (usize, usize), end: (usize, usize)) -> String {
    format!(
        "{}:{}-{}:{}",
        start.0 + 1,
        start.1 + 1,
        end.0 + 1,
        end.1 + 1
    )
}

/// Whether `line` opens an annotation: `#`, then carets or `@L:C-L:C`, then
/// `severity[CODE]: `. Other comments stay source.
pub fn is_finding(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('#') else {
        return false;
    };
    let rest = rest.trim_start_matches(' ');
    let rest = if let Some(r) = rest.strip_prefix('@') {
        let end = r.find(' ').unwrap_or(r.len());
        if !is_range(&r[..end]) {
            return false;
        }
        &r[end..]
    } else {
        let after = rest.trim_start_matches('^');
        if after.len() == rest.len() {
            return false;
        }
        after
    };
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let Some((severity, rest)) = rest.split_once('[') else {
        return false;
    };
    let code_ok = rest.len() > 7
        && rest.starts_with('J')
        && rest.as_bytes()[1..5].iter().all(u8::is_ascii_digit)
        && rest.as_bytes()[5..].starts_with(b"]: ");
    matches!(severity, "error" | "warning" | "info") && code_ok
}

fn is_range(s: &str) -> bool {
    let pos = |p: &str| {
        p.split_once(':').is_some_and(|(l, c)| {
            [l, c]
                .iter()
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    s.split_once('-').is_some_and(|(a, b)| pos(a) && pos(b))
}

/// Whether `line` continues an annotation with its help or a fix (only
/// right under an annotation line).
pub fn is_continuation(line: &str) -> bool {
    line.strip_prefix('#').is_some_and(|r| {
        let r = r.trim_start_matches(' ');
        r.starts_with("= help: ") || r.starts_with("= fix: ")
    })
}

/// Which of `lines` are annotations.
pub fn annotation_lines(lines: &[String]) -> Vec<bool> {
    let mut marks = Vec::with_capacity(lines.len());
    let mut previous = false;
    for line in lines {
        let text = line.trim_end_matches(['\n', '\r']);
        previous = is_finding(text) || (previous && is_continuation(text));
        marks.push(previous);
    }
    marks
}

/// Which lines of a `.journey` file end inside a text block: a line put
/// after them would be text, not a comment.
pub fn ends_in_text(lines: &[String]) -> Vec<bool> {
    let text: String = lines.concat();
    let mut inside = vec![false; lines.len()];
    let mut line_of = Vec::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        line_of.extend(std::iter::repeat_n(i, line.len()));
    }
    for token in journey_syntax::lexer::lex(&text) {
        if matches!(token.kind, journey_syntax::lexer::TokenKind::Str(_)) {
            let range = token.span.range();
            for (at, _) in text[range.clone()].match_indices('\n') {
                inside[line_of[range.start + at]] = true;
            }
        }
    }
    inside
}

/// `lines` (each with its line ending) with their annotations replaced by
/// `expected`, each under the line where its finding starts. A finding that
/// starts on an annotation line or at the end of the file goes under the
/// source line before it, with its position written out; so does one whose
/// line ends inside a text block (`in_text`), where a `#` line would be
/// text and change the findings.
pub fn annotate(lines: &[String], in_text: &[bool], expected: &[Expectation]) -> Vec<String> {
    let marks = annotation_lines(lines);
    // Slot 0 is the top of the file; slot i + 1 follows line i.
    let mut slots: Vec<Vec<String>> = vec![Vec::new(); lines.len() + 1];
    for e in expected {
        let last = e.start.0.min(lines.len().saturating_sub(1));
        let host = (0..lines.len().min(last + 1))
            .rev()
            .find(|&i| !marks[i] && !in_text[i]);
        let carets = host == Some(e.start.0) && e.fits_carets();
        let slot = host.map_or(0, |i| i + 1);
        slots[slot].extend(e.lines(carets));
    }
    let mut out = Vec::new();
    push_annotations(&mut out, &slots[0], "\n");
    for (i, line) in lines.iter().enumerate() {
        if marks[i] {
            continue;
        }
        let annotations = &slots[i + 1];
        let ending = if line.ends_with("\r\n") { "\r\n" } else { "\n" };
        if !annotations.is_empty() && !line.ends_with('\n') {
            out.push(format!("{line}\n"));
        } else {
            out.push(line.clone());
        }
        push_annotations(&mut out, annotations, ending);
    }
    out
}

fn push_annotations(out: &mut Vec<String>, annotations: &[String], ending: &str) {
    for a in annotations {
        let mut line = String::new();
        let _ = write!(line, "{a}{ending}");
        out.push(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.split_inclusive('\n').map(str::to_string).collect()
    }

    fn owner(start: (usize, usize), end: (usize, usize)) -> Expectation {
        Expectation {
            start,
            end,
            head: "warning[J0408]: touchpoint `t` has no owner".into(),
            help: Some("name the team responsible".into()),
            fixes: Vec::new(),
        }
    }

    #[test]
    fn annotations_are_replaced_and_other_comments_kept() {
        let file = lines(
            "  touchpoint t \"T\" {\n\
             #            ^^ error[J0101]: stale\n\
             #            = help: stale too\n\
             # ^ a comment, not an annotation\n\
             }\n",
        );
        let out = annotate(&file, &[false; 5], &[owner((0, 13), (0, 14))]);
        assert_eq!(
            out.concat(),
            "  touchpoint t \"T\" {\n\
             #            ^ warning[J0408]: touchpoint `t` has no owner\n\
             #            = help: name the team responsible\n\
             # ^ a comment, not an annotation\n\
             }\n"
        );
        // Annotating the result again changes nothing.
        assert_eq!(annotate(&out, &[false; 5], &[owner((0, 13), (0, 14))]), out);
    }

    #[test]
    fn spans_carets_cannot_show_are_written_out() {
        let file = lines("phase p \"P\" {\n}");
        let whole = owner((0, 0), (1, 1));
        let out = annotate(&file, &[false; 2], &[whole]);
        assert_eq!(
            out.concat(),
            "phase p \"P\" {\n\
             # @1:1-2:2 warning[J0408]: touchpoint `t` has no owner\n\
             # = help: name the team responsible\n\
             }"
        );
    }

    #[test]
    fn nothing_goes_inside_a_text_block() {
        // The block is never closed: both line ends are inside it, so the
        // annotation goes to the top of the file.
        let file = lines("x \"\"\"\nstill text\n");
        assert_eq!(ends_in_text(&file), [true, true]);
        let out = annotate(&file, &ends_in_text(&file), &[owner((1, 1), (1, 3))]);
        assert_eq!(
            out[0],
            "# @2:2-2:4 warning[J0408]: touchpoint `t` has no owner\n"
        );
        assert!(out.concat().ends_with("x \"\"\"\nstill text\n"));
        let closed = lines("x \"\"\"\n\"\"\"\ny\n");
        assert_eq!(ends_in_text(&closed), [true, false, false]);
    }
}
