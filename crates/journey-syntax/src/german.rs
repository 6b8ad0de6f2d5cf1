//! German words for keywords and fixed values, from the glossary of
//! `grammar/GUIDE.md` (§15): a writer who thinks in German writes `frage`
//! or `monitored ja`, and is told the English word with a fix.

/// German word (lower case) → the keyword or value it stands for. One
/// German word may stand for several (`geschäftsziel`: a phase's
/// `objective`, a `goal`); [`english`] picks the one the place admits.
const WORDS: &[(&str, &str)] = &[
    ("kundenreise", "journey"),
    ("wertversprechen", "value"),
    ("kernbotschaft", "message"),
    ("text", "says"),
    ("werbetext", "says"),
    ("berührungspunkt", "touchpoint"),
    ("kontaktpunkt", "touchpoint"),
    ("kanal", "channel"),
    ("kanal", "channels"),
    ("kanäle", "channels"),
    ("kanäle", "channel"),
    ("digital", "online"),
    ("analog", "offline"),
    ("datengrundlage", "evidence"),
    ("belege", "evidence"),
    ("nachweis", "evidence"),
    ("versprechen", "promise"),
    ("leistungsversprechen", "promise"),
    ("kleingedrucktes", "disclaimer"),
    ("einschränkung", "disclaimer"),
    ("hinweis", "disclaimer"),
    ("bedürfnisse", "needs"),
    ("probleme", "pains"),
    ("nutzen", "gains"),
    ("frage", "question"),
    ("aktivitäten", "activities"),
    ("unternehmensziel", "objective"),
    ("geschäftsziel", "objective"),
    ("geschäftsziel", "goal"),
    ("kennzahl", "kpi"),
    ("team", "teams"),
    ("team", "owner"),
    ("erwartung", "expectation"),
    ("erfahrung", "experience"),
    ("aktuell", "current"),
    ("geplant", "planned"),
    ("wichtigkeit", "importance"),
    ("priorität", "importance"),
    ("überwacht", "monitored"),
    ("rechtsgrundlage", "basis"),
    ("einwilligung", "consent"),
    ("ziel", "goal"),
    ("akteur", "actor"),
    ("wirkung", "impact"),
    ("verhaltensänderung", "impact"),
    ("maßnahme", "deliverable"),
    ("ergebnis", "deliverable"),
    ("kreislauf", "loop"),
    ("auftraggeber", "sponsor"),
    ("schirmherr", "sponsor"),
    ("für", "for"),
    ("gefühl", "feeling"),
    ("zielwert", "target"),
    ("begeisterung", "wow"),
    ("kosten", "cost"),
    ("budget", "cost"),
    ("nächster", "next"),
    ("danach", "next"),
    ("weiter", "next"),
    ("einheit", "unit"),
    ("ja", "yes"),
    ("nein", "no"),
    ("niedrig", "low"),
    ("mittel", "medium"),
    ("hoch", "high"),
    ("kritisch", "critical"),
    ("aufmerksamkeit", "awareness"),
    ("inspiration", "awareness"),
    ("impuls", "awareness"),
    ("informationssuche", "consideration"),
    ("entdecken", "consideration"),
    ("alternativenvergleich", "decision"),
    ("entscheidung", "decision"),
    ("kauf", "purchase"),
    ("abschluss", "purchase"),
    ("einstieg", "onboarding"),
    ("nutzung", "usage"),
    ("erlebnis", "usage"),
    ("loyalität", "loyalty"),
    ("kundenbindung", "loyalty"),
    ("weiterempfehlung", "advocacy"),
    ("bewertung", "advocacy"),
    ("kündigung", "offboarding"),
    ("verabschiedung", "offboarding"),
];

/// The English word among `candidates` that the German `word` stands for
/// (`frage` → `question`), ignoring case.
pub fn english<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let word = word.to_lowercase();
    WORDS
        .iter()
        .filter(|(de, _)| *de == word)
        .find_map(|(_, en)| candidates.iter().find(|c| *c == en).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_word_the_place_admits() {
        assert_eq!(english("Frage", &["kind", "question"]), Some("question"));
        assert_eq!(english("geschäftsziel", &["goal", "persona"]), Some("goal"));
        assert_eq!(english("geschäftsziel", &["objective"]), Some("objective"));
        assert_eq!(english("ja", &["yes", "no"]), Some("yes"));
        assert_eq!(english("frage", &["needs"]), None);
        assert_eq!(english("maybe", &["yes", "no"]), None);
    }

    /// Every single German word of the guide's glossary is in the table,
    /// standing for a word of its row's `In .journey` column.
    #[test]
    fn the_table_covers_the_glossary() {
        let guide = include_str!("../../../grammar/GUIDE.md");
        let glossary = guide
            .split("## 15. Glossary")
            .nth(1)
            .expect("the guide has a glossary");
        let mut checked = 0;
        for row in glossary.lines().filter(|l| l.starts_with("| ")) {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let (german, journey) = (cells[2], cells[3]);
            let english: Vec<&str> = journey
                .split('`')
                .skip(1)
                .step_by(2)
                .flat_map(|w| w.split([' ', ',']))
                .filter(|w| !w.is_empty() && !w.contains(['[', '…']))
                .collect();
            if english.is_empty() || german == "Deutsch" {
                continue;
            }
            for term in german.split([',', '/']).map(str::trim) {
                let lower = term.to_lowercase();
                if term.contains([' ', '-', '(', ')'])
                    || english.contains(&lower.as_str())
                    || lower == "kpi"
                {
                    continue;
                }
                assert!(
                    super::english(term, &english).is_some(),
                    "glossary word `{term}` ({journey}) is not in the table"
                );
                checked += 1;
            }
        }
        assert!(checked > 40, "only {checked} glossary words checked");
    }
}
