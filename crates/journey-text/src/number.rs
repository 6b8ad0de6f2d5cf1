//! Reading numbers as people write them in German and English copy:
//! `9,99` and `9.99`, `1.234,56` and `1,234.56`, `10 000`, `zwei`, `two`.

/// The value of a number token (see [`crate::token`]).
///
/// With both `.` and `,`, the last one is the decimal mark. With one of
/// them: used more than once, or followed by exactly three digits, it
/// groups thousands (`1.000`, `10,000`); otherwise it is the decimal mark
/// (`9,99`, `9.99`, `0,500`). Spaces and apostrophes only group thousands.
pub fn parse_number(raw: &str) -> Option<f64> {
    let cleaned: String = raw
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\'' | '\u{2019}' | ' '
            )
        })
        .collect();
    if cleaned.is_empty() || !cleaned.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let dots = cleaned.matches('.').count();
    let commas = cleaned.matches(',').count();
    let (thousands, decimal) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) => one_kind(&cleaned, '.', dots),
        (0, _) => one_kind(&cleaned, ',', commas),
        _ => {
            let last_dot = cleaned.rfind('.');
            let last_comma = cleaned.rfind(',');
            if last_dot > last_comma {
                (Some(','), Some('.'))
            } else {
                (Some('.'), Some(','))
            }
        }
    };
    let mut plain = String::with_capacity(cleaned.len());
    let mut seen_decimal = false;
    for c in cleaned.chars() {
        if Some(c) == thousands {
            continue;
        }
        if Some(c) == decimal {
            if seen_decimal {
                return None;
            }
            seen_decimal = true;
            plain.push('.');
        } else if c.is_ascii_digit() {
            plain.push(c);
        } else {
            return None;
        }
    }
    plain.parse().ok()
}

fn one_kind(s: &str, sep: char, count: usize) -> (Option<char>, Option<char>) {
    if count > 1 {
        return (Some(sep), None);
    }
    let (before, after) = s.split_once(sep).expect("one separator");
    if after.len() == 3 && before != "0" {
        (Some(sep), None)
    } else {
        (None, Some(sep))
    }
}

/// A number written as a word, German or English (`drei`, `three`,
/// `zwölf`, `thirty`), for durations such as "drei Tage". Articles
/// (`a`, `ein`) are not numbers here; callers accept them only directly
/// before a unit.
pub fn number_word(lower: &str) -> Option<f64> {
    let v = match lower {
        "one" | "eins" => 1,
        "two" | "zwei" => 2,
        "three" | "drei" => 3,
        "four" | "vier" => 4,
        "five" | "fünf" => 5,
        "six" | "sechs" => 6,
        "seven" | "sieben" => 7,
        "eight" | "acht" => 8,
        "nine" | "neun" => 9,
        "ten" | "zehn" => 10,
        "eleven" | "elf" => 11,
        "twelve" | "zwölf" => 12,
        "fourteen" | "vierzehn" => 14,
        "fifteen" | "fünfzehn" => 15,
        "twenty" | "zwanzig" => 20,
        "thirty" | "dreißig" => 30,
        "sixty" | "sechzig" => 60,
        "ninety" | "neunzig" => 90,
        "hundred" | "hundert" => 100,
        _ => return None,
    };
    Some(v as f64)
}

/// True for the indefinite articles that mean "one" before a unit:
/// "a day", "an hour", "ein Tag", "einen Monat".
pub fn is_article_one(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "an" | "ein" | "eine" | "einen" | "einem" | "einer" | "eines"
    )
}

/// Formats a value without needless decimals: `24`, `9.99`, `0.5`.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_comma_and_point() {
        assert_eq!(parse_number("9,99"), Some(9.99));
        assert_eq!(parse_number("9.99"), Some(9.99));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("0,500"), Some(0.5));
        assert_eq!(parse_number("24"), Some(24.0));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(parse_number("1.000"), Some(1000.0));
        assert_eq!(parse_number("10,000"), Some(10000.0));
        assert_eq!(parse_number("1.234.567"), Some(1234567.0));
        assert_eq!(parse_number("1,234,567"), Some(1234567.0));
        assert_eq!(parse_number("10\u{202F}000"), Some(10000.0));
        assert_eq!(parse_number("1'000"), Some(1000.0));
    }

    #[test]
    fn both_marks_last_is_decimal() {
        assert_eq!(parse_number("1.234,56"), Some(1234.56));
        assert_eq!(parse_number("1,234.56"), Some(1234.56));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("1,234,5.6.7"), None);
    }

    #[test]
    fn words() {
        assert_eq!(number_word("drei"), Some(3.0));
        assert_eq!(number_word("twelve"), Some(12.0));
        assert_eq!(number_word("dreißig"), Some(30.0));
        assert_eq!(number_word("tag"), None);
        assert!(is_article_one("einen"));
        assert!(!is_article_one("the"));
    }

    #[test]
    fn formatting() {
        assert_eq!(format_value(24.0), "24");
        assert_eq!(format_value(9.99), "9.99");
        assert_eq!(format_value(0.5), "0.5");
    }
}
