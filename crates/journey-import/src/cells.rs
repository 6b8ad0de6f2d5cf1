//! Reading one cell: lists, KPIs, ids, scores and fixed words, with the
//! escapes `journeyc export --format csv` writes (see
//! `journey_export::csv`): list items are separated by `;` (written
//! `; `), a part of a KPI or an `allow` by `:`, and inside an item `\`,
//! `;` and `:` are escaped with a backslash.

/// Splits at every `sep` that is not escaped, keeping escapes in the
/// parts (so that a part can be split again).
pub fn split_raw(s: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            cur.push(c);
            if let Some(n) = chars.next() {
                cur.push(n);
            }
        } else if c == sep {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    parts.push(cur);
    parts
}

/// Removes the escaping backslashes (`\;` → `;`, `\\` → `\`, `\:` → `:`).
/// A lone backslash at the end stays.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n) => out.push(n),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The items of a list cell, unescaped and trimmed; empty items (a
/// trailing `;`) are dropped.
pub fn list(cell: &str) -> Vec<String> {
    raw_items(cell).iter().map(|i| unescape(i)).collect()
}

/// The items of a list cell, still escaped, trimmed, without empty ones.
pub fn raw_items(cell: &str) -> Vec<String> {
    if cell.trim().is_empty() {
        return Vec::new();
    }
    split_raw(cell, ';')
        .iter()
        .map(|i| trim_raw(i).to_string())
        .filter(|i| !i.is_empty())
        .collect()
}

/// The parts of a still escaped list item at each unescaped `:`, trimmed
/// and unescaped: a KPI's `name:target:unit:id`, a persona's
/// `persona:expectation:experience:target:feeling`.
pub fn parts(item: &str) -> Vec<String> {
    split_raw(item, ':')
        .iter()
        .map(|p| unescape(trim_raw(p)))
        .collect()
}

/// Trims whitespace from both ends of a still escaped item or part,
/// except whitespace escaped with a backslash (`\ `): the export writes
/// whitespace at the ends of a text that way, so that it survives.
pub fn trim_raw(s: &str) -> &str {
    let s = s.trim_start();
    let mut end = s.len();
    while let Some(c) = s[..end].chars().next_back() {
        if !c.is_whitespace() {
            break;
        }
        let before = &s[..end - c.len_utf8()];
        let backslashes = before.bytes().rev().take_while(|b| *b == b'\\').count();
        if backslashes % 2 == 1 {
            break;
        }
        end -= c.len_utf8();
    }
    &s[..end]
}

/// Whether `s` is an id of the language: a letter or `_`, then letters,
/// digits and `_` (umlauts are letters).
pub fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// An id made from a title (`"Search ads (Google)"` → `search_ads_google`),
/// offered when an id cell is empty or not an id.
pub fn slug(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    is_ident(&out).then_some(out)
}

/// A number as the language writes it: `-`? digits, optionally `.`
/// digits.
pub fn is_number(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A date as the language writes it: `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_unescaped_semicolons() {
        assert_eq!(list("a; b\\; c; d\\\\"), vec!["a", "b; c", "d\\"]);
        assert_eq!(list(""), Vec::<String>::new());
        assert_eq!(list("a;; b;"), vec!["a", "b"]);
    }

    #[test]
    fn escaped_whitespace_at_the_ends_is_kept() {
        assert_eq!(
            list("\\  two spaces before; after\\ ; \\ "),
            vec!["  two spaces before", "after ", " "]
        );
        assert_eq!(trim_raw("  a\\\\ "), "a\\\\");
        assert_eq!(trim_raw("a\\\\\\ \t"), "a\\\\\\ ");
        assert_eq!(trim_raw(" \u{3000}x\u{3000} "), "x");
        assert_eq!(trim_raw(""), "");
    }

    #[test]
    fn kpi_parts_keep_escapes_until_split() {
        let items = raw_items("Rate\\: net:4.5:%; Visits:12000:per month:reach");
        assert_eq!(items.len(), 2);
        let parts: Vec<String> = split_raw(&items[0], ':')
            .iter()
            .map(|p| unescape(p))
            .collect();
        assert_eq!(parts, vec!["Rate: net", "4.5", "%"]);
        let parts: Vec<String> = split_raw(&items[1], ':')
            .iter()
            .map(|p| unescape(p))
            .collect();
        assert_eq!(parts, vec!["Visits", "12000", "per month", "reach"]);
    }

    #[test]
    fn ids_numbers_dates_and_slugs() {
        assert!(is_ident("jörg") && is_ident("_x1") && !is_ident("1x") && !is_ident("a-b"));
        assert!(is_number("4") && is_number("-1.5") && !is_number("1.") && !is_number("1e3"));
        assert!(is_date("2027-06-30") && !is_date("2027-6-30"));
        assert_eq!(
            slug("Search ads (Google)").as_deref(),
            Some("search_ads_google")
        );
        assert_eq!(slug("3 Touren").as_deref(), Some("_3_touren"));
    }
}
