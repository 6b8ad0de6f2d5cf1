//! Numbers and dates as people write them, and what they may mean.
//!
//! The language writes `1500`, `4.5` and `2027-06-30`. People, Germans in
//! particular, also write `1.500`, `4,5` and `30.06.2027`. The lexer reads
//! each of these as one token (so one mistake costs one diagnostic), and
//! this module says what such a token can mean, so that validation can report
//! it with a fix that writes the intended value instead of silently reading
//! another number: `20.000` is twenty thousand in German and twenty in
//! English.

/// How a number token is written. The lexer's number token is
/// `-?[0-9]+([.,][0-9]+)*`: digits with dots and commas between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberShape {
    /// As the language writes numbers: `42`, `-7`, `0.5`, `1.25`, `0.125`,
    /// `1000.5`, `1.2500`.
    Plain,
    /// Dots between groups of three digits: `1.234.567`.
    ThousandsDots,
    /// Commas between groups of three digits: `1,234,567`.
    ThousandsCommas,
    /// A decimal comma: `4,5`, `0,125`, `1234,50`.
    DecimalComma,
    /// German thousands dots and a decimal comma: `20.000,50`.
    GermanMixed,
    /// English thousands commas and a decimal point: `20,000.50`.
    EnglishMixed,
    /// One dot and exactly three digits after a group of one to three
    /// digits: `20.000`, `1.500`. A thousands dot in German, a decimal
    /// point in English.
    AmbiguousDot,
    /// `1,500`: a decimal comma in German, a thousands comma in English.
    AmbiguousComma,
    /// Separators in no known pattern: `1.2.3`, `1,2,3`, `1.23,4.5`.
    Unreadable,
}

/// What a number token means, as far as it can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumberReading {
    pub shape: NumberShape,
    /// The number written the language's way when every separator is a
    /// thousands separator (and a final different one the decimal mark):
    /// `1.500` → `1500`, `20.000,50` → `20000.50`.
    pub grouped: Option<String>,
    /// The number written the language's way when its only separator is the
    /// decimal mark: `4,5` → `4.5`, `1,500` → `1.5`, `1.500` → `1.5`,
    /// `1.125` → `1.1250` (a fourth decimal place keeps it unambiguous).
    pub decimal: Option<String>,
}

/// A group that can start a number with thousands separators: one to three
/// digits, not starting with `0`.
fn leads_group(int: &str) -> bool {
    (1..=3).contains(&int.len()) && !int.starts_with('0')
}

/// `int.frac` as the language writes a decimal number, never in the
/// ambiguous shape: `1`, `500` → `1.5`; `1`, `125` → `1.1250`;
/// `20`, `000` → `20`.
fn decimal_spelling(int: &str, frac: &str) -> String {
    if frac.len() == 3 && leads_group(int) {
        let trimmed = frac.trim_end_matches('0');
        if trimmed.is_empty() {
            int.to_string()
        } else if trimmed.len() < 3 {
            format!("{int}.{trimmed}")
        } else {
            format!("{int}.{frac}0")
        }
    } else {
        format!("{int}.{frac}")
    }
}

/// Reads a number token as written (see [`NumberShape`]).
pub(crate) fn read_number(raw: &str) -> NumberReading {
    if !raw.contains(',') && raw.bytes().filter(|&b| b == b'.').count() < 2 {
        // Digits with at most one dot: plain unless it is `20.000`.
        if let Some((int, frac)) = raw.trim_start_matches('-').split_once('.') {
            if frac.len() == 3 && leads_group(int) {
                return read_groups(raw);
            }
        }
        return NumberReading {
            shape: NumberShape::Plain,
            grouped: None,
            decimal: Some(raw.to_string()),
        };
    }
    read_groups(raw)
}

fn read_groups(raw: &str) -> NumberReading {
    let (sign, body) = match raw.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", raw),
    };
    let signed = |s: String| Some(format!("{sign}{s}"));
    let groups: Vec<&str> = body.split(['.', ',']).collect();
    let seps: Vec<u8> = body.bytes().filter(|b| matches!(b, b'.' | b',')).collect();
    let reading = |shape, grouped: Option<String>, decimal: Option<String>| NumberReading {
        shape,
        grouped,
        decimal,
    };
    let unreadable = || reading(NumberShape::Unreadable, None, None);
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return unreadable();
    }
    let (int, rest) = (groups[0], &groups[1..]);
    match seps.as_slice() {
        [] => reading(NumberShape::Plain, None, signed(int.to_string())),
        [sep] => {
            let frac = rest[0];
            let three = frac.len() == 3 && leads_group(int);
            match (sep, three) {
                (b'.', false) => reading(NumberShape::Plain, None, signed(format!("{int}.{frac}"))),
                (b'.', true) => reading(
                    NumberShape::AmbiguousDot,
                    signed(format!("{int}{frac}")),
                    signed(decimal_spelling(int, frac)),
                ),
                (_, false) => reading(
                    NumberShape::DecimalComma,
                    None,
                    signed(decimal_spelling(int, frac)),
                ),
                (_, true) => reading(
                    NumberShape::AmbiguousComma,
                    signed(format!("{int}{frac}")),
                    signed(decimal_spelling(int, frac)),
                ),
            }
        }
        [first, ..] => {
            let last = *seps.last().expect("several separators");
            let uniform = seps.iter().all(|s| s == first);
            let grouped_ok =
                |groups: &[&str]| leads_group(int) && groups.iter().all(|g| g.len() == 3);
            if uniform && grouped_ok(rest) {
                let shape = if *first == b'.' {
                    NumberShape::ThousandsDots
                } else {
                    NumberShape::ThousandsCommas
                };
                return reading(shape, signed(groups.concat()), None);
            }
            // All but the last separator the same, the last the other one.
            let head = &seps[..seps.len() - 1];
            let (middle, frac) = (&rest[..rest.len() - 1], rest[rest.len() - 1]);
            if last != *first && head.iter().all(|s| s == first) && grouped_ok(middle) {
                let shape = if *first == b'.' {
                    NumberShape::GermanMixed
                } else {
                    NumberShape::EnglishMixed
                };
                let int: String = std::iter::once(int).chain(middle.iter().copied()).collect();
                return reading(shape, signed(format!("{int}.{frac}")), None);
            }
            unreadable()
        }
    }
}

/// A date as it may be written: year, month and day, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateParts {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    /// Written `31.12.2027` (day first) rather than `2027-12-31`.
    pub day_first: bool,
    /// The year was written with two digits (`31.12.27`).
    pub short_year: bool,
    /// Written exactly as the language writes dates: `2027-12-31`.
    pub canonical: bool,
}

fn digits(s: &str, lens: &[usize]) -> Option<u32> {
    (lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `31.12.2027`, `1.2.2027` or `31.12.27`: a date written day first, the
/// German way. The lexer gives such tokens the kind of a date.
pub(crate) fn is_day_first_date(raw: &str) -> bool {
    // Called for every number token: most have no dot at all.
    raw.bytes().filter(|&b| b == b'.').count() == 2 && read_date(raw).is_some_and(|d| d.day_first)
}

/// Reads `2027-12-31`, `2027-6-30`, `31.12.2027`, `1.2.2027` or `31.12.27`.
pub(crate) fn read_date(raw: &str) -> Option<DateParts> {
    let parts: Vec<&str> = raw.split(['-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if raw.contains('-') && !raw.contains('.') {
        let year = digits(a, &[4])?;
        let (month, day) = (digits(b, &[1, 2])?, digits(c, &[1, 2])?);
        return Some(DateParts {
            year,
            month,
            day,
            day_first: false,
            short_year: false,
            canonical: b.len() == 2 && c.len() == 2,
        });
    }
    if raw.contains('.') && !raw.contains('-') {
        let (day, month) = (digits(a, &[1, 2])?, digits(b, &[1, 2])?);
        let year = digits(c, &[2, 4])?;
        let short_year = c.len() == 2;
        return Some(DateParts {
            year: if short_year { 2000 + year } else { year },
            month,
            day,
            day_first: true,
            short_year,
            canonical: false,
        });
    }
    None
}

impl DateParts {
    /// The date written the language's way.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Why the date does not exist, or `None` when it does.
    pub fn impossible(&self) -> Option<String> {
        if !(1..=12).contains(&self.month) {
            return Some(format!(
                "there is no month {}; months go from 1 to 12",
                self.month
            ));
        }
        let days = days_in_month(self.year, self.month);
        if !(1..=days).contains(&self.day) {
            let month = MONTHS[self.month as usize - 1];
            return Some(if self.day == 0 {
                "there is no day 0; days start at 1".to_string()
            } else if self.month == 2 && self.day == 29 {
                format!("{} is not a leap year, so February has 28 days", self.year)
            } else {
                format!("{month} {} has {days} days", self.year)
            });
        }
        None
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(raw: &str) -> (NumberShape, Option<String>, Option<String>) {
        let r = read_number(raw);
        (r.shape, r.grouped, r.decimal)
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn plain_numbers_stay_plain() {
        for raw in [
            "0", "42", "-7", "0.5", "1.25", "3.1", "0.125", "-0.125", "1000.5", "1000.500",
            "1.2500", "12.5", "0.000", "01.500",
        ] {
            assert_eq!(read_number(raw).shape, NumberShape::Plain, "{raw}");
        }
        assert_eq!(read_number("1.25").decimal, s("1.25"));
    }

    #[test]
    fn a_dot_before_three_digits_is_ambiguous() {
        use NumberShape::*;
        assert_eq!(shape("20.000"), (AmbiguousDot, s("20000"), s("20")));
        assert_eq!(shape("1.500"), (AmbiguousDot, s("1500"), s("1.5")));
        assert_eq!(shape("1.125"), (AmbiguousDot, s("1125"), s("1.1250")));
        assert_eq!(shape("999.990"), (AmbiguousDot, s("999990"), s("999.99")));
        assert_eq!(shape("-2.500"), (AmbiguousDot, s("-2500"), s("-2.5")));
    }

    #[test]
    fn german_and_english_forms() {
        use NumberShape::*;
        assert_eq!(shape("1.234.567"), (ThousandsDots, s("1234567"), None));
        assert_eq!(shape("1,234,567"), (ThousandsCommas, s("1234567"), None));
        assert_eq!(shape("4,5"), (DecimalComma, None, s("4.5")));
        assert_eq!(shape("1234,50"), (DecimalComma, None, s("1234.50")));
        assert_eq!(shape("0,125"), (DecimalComma, None, s("0.125")));
        assert_eq!(shape("1,500"), (AmbiguousComma, s("1500"), s("1.5")));
        assert_eq!(shape("1,125"), (AmbiguousComma, s("1125"), s("1.1250")));
        assert_eq!(shape("20.000,50"), (GermanMixed, s("20000.50"), None));
        assert_eq!(shape("1.234.567,5"), (GermanMixed, s("1234567.5"), None));
        assert_eq!(shape("20,000.50"), (EnglishMixed, s("20000.50"), None));
        assert_eq!(shape("-1.000,5"), (GermanMixed, s("-1000.5"), None));
    }

    #[test]
    fn other_separators_are_unreadable() {
        for raw in [
            "1.2.3",
            "1,2,3",
            "1.23,4.5",
            "1.2345.678",
            "0.000.000",
            "1,23.4",
        ] {
            assert_eq!(read_number(raw).shape, NumberShape::Unreadable, "{raw}");
        }
    }

    /// Every reading offered is itself a plain number of the same value.
    #[test]
    fn readings_are_plain() {
        for raw in [
            "20.000",
            "1.500",
            "1.125",
            "4,5",
            "1,500",
            "1,125",
            "20.000,50",
            "1,234.5",
            "1.234.567",
            "-3.000",
        ] {
            let r = read_number(raw);
            for reading in r.grouped.iter().chain(r.decimal.iter()) {
                assert_eq!(
                    read_number(reading).shape,
                    NumberShape::Plain,
                    "{raw} → {reading}"
                );
                assert!(reading.parse::<f64>().is_ok(), "{reading}");
            }
        }
    }

    #[test]
    fn dates() {
        let d = read_date("31.12.2027").unwrap();
        assert_eq!(
            (d.iso(), d.day_first, d.short_year),
            ("2027-12-31".into(), true, false)
        );
        assert_eq!(read_date("1.2.2027").unwrap().iso(), "2027-02-01");
        let d = read_date("31.12.27").unwrap();
        assert_eq!((d.iso(), d.short_year), ("2027-12-31".into(), true));
        let d = read_date("2027-6-3").unwrap();
        assert_eq!((d.iso(), d.canonical), ("2027-06-03".into(), false));
        assert!(read_date("2027-06-30").unwrap().canonical);
        for raw in ["1.234.567", "1.2.3", "12.2027", "1.2.202", "2027.12.31"] {
            assert!(read_date(raw).is_none(), "{raw}");
        }
        assert!(!is_day_first_date("1.234.567"));
        assert!(!is_day_first_date("2027.12.31"));
        assert!(is_day_first_date("31.12.27"));
    }

    #[test]
    fn impossible_dates() {
        let why = |raw: &str| read_date(raw).unwrap().impossible();
        assert_eq!(why("2027-02-28"), None);
        assert_eq!(why("2028-02-29"), None);
        assert_eq!(why("2000-02-29"), None);
        assert_eq!(why("2027-12-31"), None);
        assert_eq!(why("2027-02-30").unwrap(), "February 2027 has 28 days");
        assert_eq!(
            why("2026-02-29").unwrap(),
            "2026 is not a leap year, so February has 28 days"
        );
        assert_eq!(
            why("2100-02-29").unwrap(),
            "2100 is not a leap year, so February has 28 days"
        );
        assert_eq!(why("2027-04-31").unwrap(), "April 2027 has 30 days");
        assert!(why("2027-13-01").unwrap().contains("no month 13"));
        assert!(why("2027-00-10").unwrap().contains("no month 0"));
        assert!(why("2027-01-00").unwrap().contains("no day 0"));
        assert_eq!(why("31.02.2027").unwrap(), "February 2027 has 28 days");
    }
}
