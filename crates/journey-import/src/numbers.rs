//! Numbers and dates typed into text cells, the German way or the
//! English way: `20.000`, `20,000`, `4,5`, `1.234,5`, `20 000`,
//! `31.12.2027`, `2027-12-31`.

/// How to read a number whose only separator is ambiguous (`20.000`,
/// `2,500`): in German `.` groups thousands and `,` is the decimal
/// point, in English the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    German,
    English,
}

/// The number written in `s`, or `None` when `s` is not a number alone.
pub fn parse_number(s: &str, style: Style) -> Option<f64> {
    let s = s.trim();
    let (sign, digits) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (-1.0, rest.trim_start()),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Spaces (also narrow and no-break ones) and apostrophes only group
    // thousands.
    let mut compact = String::with_capacity(digits.len());
    let mut grouped = false;
    for c in digits.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’' => grouped = true,
            c if c.is_ascii_digit() || c == '.' || c == ',' => compact.push(c),
            _ => return None,
        }
    }
    let dots = compact.matches('.').count();
    let commas = compact.matches(',').count();
    let (int, frac) = match (dots, commas) {
        (0, 0) => (compact.clone(), String::new()),
        (_, 0) if dots > 1 => (thousands(&compact, '.')?, String::new()),
        (0, _) if commas > 1 => (thousands(&compact, ',')?, String::new()),
        (1, 0) | (0, 1) => {
            let sep = if dots == 1 { '.' } else { ',' };
            let (i, f) = compact.split_once(sep)?;
            let groups = f.len() == 3 && !i.is_empty() && i.len() <= 3 && i != "0";
            let decimal_sep = match style {
                Style::German => ',',
                Style::English => '.',
            };
            if groups && sep != decimal_sep {
                (format!("{i}{f}"), String::new())
            } else {
                (i.to_string(), f.to_string())
            }
        }
        _ => {
            // Both: the last one is the decimal point.
            let last = compact.rfind(['.', ','])?;
            let sep = compact[last..].chars().next()?;
            let other = if sep == '.' { ',' } else { '.' };
            let int = thousands(&compact[..last], other)?;
            let frac = &compact[last + 1..];
            if frac.contains(['.', ',']) {
                return None;
            }
            (int, frac.to_string())
        }
    };
    if grouped && !frac.is_empty() && int.is_empty() {
        return None;
    }
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let text = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    text.parse::<f64>().ok().map(|v| sign * v)
}

/// Digits grouped by `sep` in threes (`1.234.567`), without the
/// separators.
fn thousands(s: &str, sep: char) -> Option<String> {
    let parts: Vec<&str> = s.split(sep).collect();
    let first = parts.first()?;
    if first.is_empty() || first.len() > 3 || parts[1..].iter().any(|p| p.len() != 3) {
        return None;
    }
    Some(parts.concat())
}

/// A date typed as `31.12.2027`, `31.12.2027`, `1.6.2027` or
/// `2027-12-31`, as `YYYY-MM-DD`; `None` when it is not a calendar date.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let (y, m, d) = if let Some((d, rest)) = s.split_once('.') {
        let (m, y) = rest.split_once('.')?;
        (y, m, d)
    } else {
        let mut it = s.splitn(3, '-');
        let y = it.next()?;
        (y, it.next()?, it.next()?)
    };
    let ok = |p: &str, max: usize| {
        !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
    };
    if y.len() != 4 || !ok(y, 4) || !ok(m, 2) || !ok(d, 2) {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&d)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Style::*;

    #[test]
    fn german_and_english_numbers() {
        assert_eq!(parse_number("20.000", German), Some(20000.0));
        assert_eq!(parse_number("20.000", English), Some(20.0));
        assert_eq!(parse_number("20,000", English), Some(20000.0));
        assert_eq!(parse_number("4,5", German), Some(4.5));
        assert_eq!(parse_number("4,5", English), Some(4.5));
        assert_eq!(parse_number("4.5", German), Some(4.5));
        assert_eq!(parse_number("1.234,5", German), Some(1234.5));
        assert_eq!(parse_number("1,234.5", English), Some(1234.5));
        assert_eq!(parse_number("1.000.000", German), Some(1_000_000.0));
        assert_eq!(parse_number("20 000", German), Some(20000.0));
        assert_eq!(parse_number("0.125", German), Some(0.125));
        assert_eq!(parse_number("-3", German), Some(-3.0));
        assert_eq!(parse_number(" 5 ", German), Some(5.0));
        for bad in [
            "",
            "gut",
            "4 Sterne",
            "1.2.3",
            "12.34.567",
            "1,2,3",
            ".5",
            "5%",
            "1e3",
        ] {
            assert_eq!(parse_number(bad, German), None, "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("31.12.2027").as_deref(), Some("2027-12-31"));
        assert_eq!(parse_date("1.6.2027").as_deref(), Some("2027-06-01"));
        assert_eq!(parse_date("2027-06-30").as_deref(), Some("2027-06-30"));
        assert_eq!(parse_date("29.02.2028").as_deref(), Some("2028-02-29"));
        for bad in [
            "29.02.2027",
            "31.04.2027",
            "12/31/2027",
            "31.12.27",
            "2027-13-01",
            "morgen",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
