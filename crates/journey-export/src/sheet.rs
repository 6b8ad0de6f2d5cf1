//! The workbook's vocabulary: sheet names, column headers, the rows of
//! the journey map and the words for fixed values, in English and German.
//!
//! `journeyc export --format xlsx` writes these labels; `journeyc import`
//! reads them back (in either language, whatever language the workbook
//! was written in), together with the looser labels of workshop sheets
//! that `journey-import` knows.

/// The language of a workbook's labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    /// `en` or `de`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" | "englisch" => Some(Lang::En),
            "de" | "german" | "deutsch" => Some(Lang::De),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }
}

/// The workbook's language when none is asked for: `configured` (the
/// `lang` of journey.toml's `[workspace]`), else the language most of the
/// journey's texts are written in ([`detect_lang`]), else English.
pub fn workbook_lang(configured: Option<&str>, doc: &crate::Document) -> Lang {
    configured
        .and_then(Lang::parse)
        .unwrap_or_else(|| detect_lang(doc))
}

/// The language most texts of `doc` are written in (value propositions,
/// core messages, central questions, phase and touchpoint titles);
/// English when it is not clear.
pub fn detect_lang(doc: &crate::Document) -> Lang {
    let mut de = 0;
    let mut en = 0;
    let texts = doc
        .journeys
        .iter()
        .flat_map(|j| j.value.iter().chain(&j.title))
        .chain(doc.phases.iter().flat_map(|p| {
            p.message
                .iter()
                .chain(&p.question)
                .chain(&p.title)
                .chain(p.touchpoints.iter().flat_map(|t| &t.title))
        }));
    for t in texts {
        match journey_text::lang::detect_language(t) {
            Some(journey_text::lang::Lang::De) => de += 1,
            Some(journey_text::lang::Lang::En) => en += 1,
            None => {}
        }
    }
    if de > en {
        Lang::De
    } else {
        Lang::En
    }
}

/// A label in both languages, under a stable key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub key: &'static str,
    pub en: &'static str,
    pub de: &'static str,
}

impl Label {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::De => self.de,
        }
    }
}

macro_rules! labels {
    ($($key:literal => $en:literal, $de:literal;)*) => {
        &[$(Label { key: $key, en: $en, de: $de }),*]
    };
}

/// The sheets, in workbook order.
pub const SHEETS: &[Label] = labels! {
    "journey" => "Journey", "Journey";
    "map" => "Map", "Map";
    "personas" => "Personas", "Personas";
    "touchpoints" => "Touchpoints", "Touchpoints";
    "kpis" => "KPIs", "KPIs";
    "impact" => "Impact map", "Impact Map";
    "promises" => "Promises", "Versprechen";
    "persona_scores" => "Persona scores", "Bewertung je Persona";
};

/// The *Journey* sheet: one row per journey.
pub const JOURNEY_COLUMNS: &[Label] = labels! {
    "id" => "ID", "ID";
    "title" => "Title", "Titel";
    "sponsor" => "Sponsor", "Auftraggeber";
    "value" => "Value proposition", "Wertversprechen";
    "description" => "Description", "Beschreibung";
    "phases" => "Phases (in order)", "Phasen (in Reihenfolge)";
    "loop" => "Loop (from -> to)", "Kreislauf (von -> nach)";
    "evidence" => "Evidence", "Belege";
    "disclaimers" => "Small print", "Kleingedrucktes";
    "allows" => "Allowed findings (check: reason)", "Erlaubte Befunde (Prüfung: Grund)";
};

/// The *Map* sheet: phases as columns, these rows. The first is the
/// header row with the phase titles. Rows marked derived are read from
/// the other sheets; the workbook shows them for the poster view.
pub const MAP_ROWS: &[Label] = labels! {
    "title" => "Phase", "Phase";
    "id" => "ID", "ID";
    "kind" => "Kind", "Art";
    "question" => "Central question", "Zentrale Frage";
    "activities" => "Customer activities", "Aktivitäten der Kunden";
    "wants" => "Customer goals", "Ziele der Kunden";
    "online" => "Touchpoints online", "Touchpoints online";
    "offline" => "Touchpoints offline", "Touchpoints offline";
    "other" => "Touchpoints without channel", "Touchpoints ohne Kanal";
    "objective" => "Business goal", "Unternehmensziel";
    "message" => "Core message", "Kernbotschaft";
    "kpis" => "KPIs", "KPIs";
    "backstage" => "Organisational activities", "Organisatorische Aktivitäten";
    "teams" => "Teams", "Teams";
    "systems" => "IT systems", "IT-Systeme";
    "moments" => "Moments of truth", "Moments of Truth";
    "experience" => "Mean experience (1-5)", "Erlebnis Ø (1-5)";
    "cost" => "Cost (total)", "Kosten (Summe)";
    "supports" => "Supports", "Stützt";
    "evidence" => "Evidence", "Belege";
    "disclaimers" => "Small print", "Kleingedrucktes";
    "allows" => "Allowed findings (check: reason)", "Erlaubte Befunde (Prüfung: Grund)";
};

/// Map rows whose content comes from other sheets (touchpoints, KPIs,
/// the experience scores).
pub const MAP_DERIVED: &[&str] = &["online", "offline", "other", "kpis", "experience", "cost"];

/// The *Personas* sheet: one row per persona.
pub const PERSONA_COLUMNS: &[Label] = labels! {
    "id" => "ID", "ID";
    "name" => "Name", "Name";
    "role" => "Role", "Rolle";
    "description" => "Description", "Beschreibung";
    "evidence" => "Evidence", "Belege";
    "needs" => "Needs", "Bedürfnisse";
    "pains" => "Pains", "Probleme";
    "gains" => "Gains", "Nutzen";
    "goals" => "Goals", "Ziele";
    "channels" => "Channels", "Kanäle";
    "says" => "Says", "Sagt";
    "thinks" => "Thinks", "Denkt";
    "does" => "Does", "Tut";
    "feels" => "Feels", "Fühlt";
    "allows" => "Allowed findings (check: reason)", "Erlaubte Befunde (Prüfung: Grund)";
};

/// The *Touchpoints* sheet: one row per touchpoint.
pub const TOUCHPOINT_COLUMNS: &[Label] = labels! {
    "phase" => "Phase", "Phase";
    "id" => "ID", "ID";
    "title" => "Touchpoint", "Touchpoint";
    "channel" => "Channel", "Kanal";
    "presence" => "Online/offline", "Online/offline";
    "owner" => "Owner", "Verantwortlich";
    "systems" => "IT systems", "IT-Systeme";
    "serves" => "Serves (personas)", "Für (Personas)";
    "says" => "Copy", "Text";
    "evidence" => "Evidence", "Belege";
    "disclaimers" => "Small print", "Kleingedrucktes";
    "keeps" => "Keeps (promises)", "Hält (Versprechen)";
    "expectation" => "Expectation (1-5)", "Erwartung (1-5)";
    "experience" => "Experience (1-5)", "Erlebnis (1-5)";
    "target" => "Target experience (1-5)", "Ziel-Erlebnis (1-5)";
    "importance" => "Importance", "Wichtigkeit";
    "monitored" => "Monitored", "Überwacht";
    "state" => "State", "Zustand";
    "moment" => "Moment of truth", "Moment of Truth";
    "moment_note" => "Why a moment of truth", "Warum Moment of Truth";
    "wow" => "Wow moment", "Wow-Moment";
    "wow_note" => "Why a wow moment", "Warum Wow-Moment";
    "cost" => "Cost", "Kosten";
    "currency" => "Currency", "Währung";
    "next" => "Next (touchpoints)", "Danach (Touchpoints)";
    "collects" => "Personal data collected", "Erhobene personenbezogene Daten";
    "basis" => "Legal basis", "Rechtsgrundlage";
    "description" => "Description", "Beschreibung";
    "allows" => "Allowed findings (check: reason)", "Erlaubte Befunde (Prüfung: Grund)";
};

/// The *KPIs* sheet: one row per KPI of a phase, touchpoint or impact.
pub const KPI_COLUMNS: &[Label] = labels! {
    "of_kind" => "KPI of", "KPI von";
    "of" => "ID of", "ID von";
    "id" => "KPI ID", "KPI-ID";
    "name" => "KPI", "KPI";
    "target" => "Target", "Zielwert";
    "unit" => "Unit", "Einheit";
};

/// What a KPI belongs to (the *KPI of* column).
pub const KPI_OWNERS: &[Label] = labels! {
    "phase" => "phase", "Phase";
    "touchpoint" => "touchpoint", "Touchpoint";
    "impact" => "impact", "Wirkung";
};

/// The *Impact map* sheet: goal, actor, impact and deliverable rows, each
/// under the one before.
pub const IMPACT_COLUMNS: &[Label] = labels! {
    "level" => "Level", "Ebene";
    "id" => "ID", "ID";
    "title" => "Title", "Titel";
    "metric" => "Metric", "Messgröße";
    "current" => "Current", "Ist-Wert";
    "target" => "Target", "Zielwert";
    "unit" => "Unit", "Einheit";
    "by" => "By", "Bis";
    "via" => "Touchpoints (via)", "Touchpoints (via)";
    "description" => "Description", "Beschreibung";
    "allows" => "Allowed findings (check: reason)", "Erlaubte Befunde (Prüfung: Grund)";
};

/// The levels of the impact map (the *Level* column).
pub const IMPACT_LEVELS: &[Label] = labels! {
    "goal" => "Goal", "Ziel";
    "actor" => "Actor", "Akteur";
    "impact" => "Impact", "Wirkung";
    "deliverable" => "Deliverable", "Maßnahme";
};

/// The *Promises* sheet: one row per promise.
pub const PROMISE_COLUMNS: &[Label] = labels! {
    "phase" => "Phase", "Phase";
    "id" => "ID", "ID";
    "text" => "Promise", "Versprechen";
    "kept_by" => "Kept by (from Touchpoints)", "Gehalten von (aus Touchpoints)";
};

/// The *Persona scores* sheet: one row per `for` line of a touchpoint —
/// a persona's own scores there. An empty score falls back to the
/// touchpoint's own (on the Touchpoints sheet).
pub const PERSONA_SCORE_COLUMNS: &[Label] = labels! {
    "touchpoint" => "Touchpoint", "Touchpoint";
    "persona" => "Persona", "Persona";
    "expectation" => "Expectation (1-5)", "Erwartung (1-5)";
    "experience" => "Experience (1-5)", "Erlebnis (1-5)";
    "target" => "Target experience (1-5)", "Ziel-Erlebnis (1-5)";
    "feeling" => "Feeling", "Gefühl";
};

/// Fixed values as the workbook writes them.
pub const VALUES: &[Label] = labels! {
    "yes" => "yes", "ja";
    "no" => "no", "nein";
    "current" => "current", "aktuell";
    "planned" => "planned", "geplant";
    "low" => "low", "niedrig";
    "medium" => "medium", "mittel";
    "high" => "high", "hoch";
    "critical" => "critical", "kritisch";
    "online" => "online", "online";
    "offline" => "offline", "offline";
};

/// The label of `key` in `labels`; the key itself when it is not there.
pub fn label(labels: &'static [Label], key: &str, lang: Lang) -> &'static str {
    labels
        .iter()
        .find(|l| l.key == key)
        .map(|l| l.get(lang))
        .unwrap_or("")
}

/// A fixed value (`yes`, `planned`, `high` …) in `lang`; other values
/// (ids such as phase kinds and legal bases) as they are.
pub fn value(key: &str, lang: Lang) -> String {
    VALUES
        .iter()
        .find(|l| l.key == key)
        .map(|l| l.get(lang).to_string())
        .unwrap_or_else(|| key.to_string())
}

/// Joins list items into one cell, one item per line. When a plain list
/// would not read back as the same items (an item with a line break,
/// whitespace at its ends, an empty item, or items that look quoted),
/// every item is written as a quoted string of the `.journey` language
/// instead, one per line; [`split_lines`] reads both.
pub fn join_lines(items: &[String]) -> String {
    let plain = items.join("\n");
    if split_lines(&plain) == items {
        return plain;
    }
    items
        .iter()
        .map(|s| quote(s))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The items of a list cell written by [`join_lines`], or typed by a
/// person: one item per line, each trimmed, empty lines skipped. A cell
/// whose every line is a quoted string (`"…"`, with `\"`, `\\`, `\n`,
/// `\t`, `\r` and `\u{…}` escapes) holds exactly those strings.
pub fn split_lines(cell: &str) -> Vec<String> {
    let lines: Vec<&str> = cell
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
        .collect();
    if !lines.is_empty() {
        let quoted: Option<Vec<String>> = lines.iter().map(|l| unquote(l.trim())).collect();
        if let Some(q) = quoted {
            return q;
        }
    }
    lines.into_iter().map(|l| l.trim().to_string()).collect()
}

/// `s` as a string literal of the `.journey` language (the language's own
/// escaping, so that [`unquote`] and the parser read it back exactly).
pub use journey_syntax::quote;

/// The text of a quoted string written by [`quote`]; `None` when `s` is
/// not exactly one such string.
pub fn unquote(s: &str) -> Option<String> {
    let inner = s.strip_prefix('"')?.strip_suffix('"')?;
    if s.len() < 2 {
        return None;
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => match chars.next()? {
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => {
                    if chars.next()? != '{' {
                        return None;
                    }
                    let mut hex = String::new();
                    loop {
                        match chars.next()? {
                            '}' => break,
                            h if h.is_ascii_hexdigit() && hex.len() < 6 => hex.push(h),
                            _ => return None,
                        }
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(items: &[&str]) {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        let cell = join_lines(&items);
        assert_eq!(split_lines(&cell), items, "{cell:?}");
    }

    #[test]
    fn plain_lists_are_one_item_per_line() {
        assert_eq!(join_lines(&["a".into(), "b c".into()]), "a\nb c");
        assert_eq!(split_lines(" a \r\n\n b\n"), vec!["a", "b"]);
        assert_eq!(split_lines(""), Vec::<String>::new());
    }

    #[test]
    fn every_list_reads_back_exactly() {
        round_trip(&[]);
        round_trip(&["one"]);
        round_trip(&["two\nlines", "x"]);
        round_trip(&[" padded ", "x"]);
        round_trip(&["", "after an empty one"]);
        round_trip(&["\"quoted\"", "\"also\""]);
        round_trip(&["\"quoted\""]);
        round_trip(&["back\\slash \"q\" \t tab \u{1} ctl"]);
        round_trip(&["=cmd|' /C calc'!A0", "@SUM(1)", "+1", "-1"]);
    }

    #[test]
    fn a_quote_that_is_not_a_string_stays_text() {
        assert_eq!(split_lines("\"a\" and \"b\""), vec!["\"a\" and \"b\""]);
        assert_eq!(split_lines("\"open"), vec!["\"open"]);
        assert_eq!(unquote("\""), None);
    }
}
