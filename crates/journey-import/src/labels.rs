//! Recognising what a person wrote: row labels of a workshop map, column
//! headers, sheet names and fixed values, in English and German, with
//! the variants workshop sheets use (`Kanal`, `Verantwortlich`,
//! `Erlebnis`, `ja`/`nein`, `Ist`/`Soll` …).

use journey_export::sheet::{self, Label};

/// A label as compared: lower case, single spaces, no trailing `:` or
/// `*`, dashes and `Ø` evened out.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        let c = match c {
            '–' | '—' | '‑' => '-',
            'ø' | 'Ø' | '⌀' => continue,
            c => c,
        };
        if c.is_whitespace() || c == '_' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out.trim_end_matches([':', '*', ' ']).to_string()
}

/// `s` without a trailing `(…)` (`Erlebnis (1-5)` → `erlebnis`).
fn without_brackets(s: &str) -> Option<String> {
    let open = s.rfind('(')?;
    s.ends_with(')')
        .then(|| s[..open].trim_end().to_string())
        .filter(|s| !s.is_empty())
}

/// The key of `text` among `labels` (their English and German labels)
/// and `aliases` (`(key, [variants])`, already normalised).
pub fn find(
    text: &str,
    labels: &[Label],
    aliases: &[(&'static str, &[&str])],
) -> Option<&'static str> {
    let n = normalise(text);
    if n.is_empty() {
        return None;
    }
    let candidates = std::iter::once(n.clone()).chain(without_brackets(&n));
    for c in candidates {
        for l in labels {
            if normalise(l.en) == c || normalise(l.de) == c {
                return Some(l.key);
            }
            for stripped in [
                without_brackets(&normalise(l.en)),
                without_brackets(&normalise(l.de)),
            ]
            .into_iter()
            .flatten()
            {
                if stripped == c {
                    return Some(l.key);
                }
            }
        }
        for (key, variants) in aliases {
            if variants.iter().any(|v| *v == c) {
                return Some(key);
            }
        }
    }
    None
}

/// The sheet `name` is, by its English or German name.
pub fn sheet(name: &str) -> Option<&'static str> {
    find(
        name,
        sheet::SHEETS,
        &[
            ("journey", &["journeys", "reise", "kundenreise"]),
            ("map", &["journey map", "karte", "workshop"]),
            ("personas", &["persona"]),
            (
                "touchpoints",
                &["touchpoint", "berührungspunkte", "kontaktpunkte"],
            ),
            ("kpis", &["kpi", "kennzahlen"]),
            (
                "impact",
                &["impact", "impact-map", "impactmap", "wirkungskarte"],
            ),
            ("promises", &["promise", "versprechen"]),
            (
                "persona_scores",
                &[
                    "persona score",
                    "scores",
                    "bewertungen",
                    "bewertung je persona",
                ],
            ),
        ],
    )
}

/// Rows of the journey map as workshop sheets label them.
pub const MAP_ALIASES: &[(&str, &[&str])] = &[
    (
        "title",
        &[
            "phasen",
            "journey-phase",
            "journey phase",
            "phasenname",
            "stage",
            "stages",
            "step",
            "schritt",
            "phase (titel)",
        ],
    ),
    ("id", &["phase id", "phasen-id", "kennung"]),
    (
        "kind",
        &["typ", "phasentyp", "phase kind", "type", "art der phase"],
    ),
    (
        "question",
        &[
            "frage",
            "kernfrage",
            "leitfrage",
            "fragen der kunden",
            "frage der kunden",
            "customer question",
            "key question",
            "question",
            "zentrale frage der kunden",
        ],
    ),
    (
        "activities",
        &[
            "aktivitäten",
            "kundenaktivitäten",
            "activities",
            "was tut der kunde",
            "was tut die kundin",
            "tätigkeiten",
            "customer actions",
            "actions",
            "handlungen",
            "aktivitäten des kunden",
        ],
    ),
    (
        "wants",
        &[
            "kundenziele",
            "ziele (kunde)",
            "ziele des kunden",
            "bedürfnisse",
            "kundenbedürfnisse",
            "customer needs",
            "needs",
            "wünsche",
            "customer wants",
            "wants",
            "goals",
            "ziele",
            "ziele der kundschaft",
        ],
    ),
    (
        "online",
        &[
            "online-touchpoints",
            "online touchpoints",
            "touchpoints (online)",
            "digitale touchpoints",
            "berührungspunkte online",
            "kontaktpunkte online",
            "online",
            "touchpoints digital",
            "digital",
        ],
    ),
    (
        "offline",
        &[
            "offline-touchpoints",
            "offline touchpoints",
            "touchpoints (offline)",
            "analoge touchpoints",
            "berührungspunkte offline",
            "kontaktpunkte offline",
            "offline",
            "touchpoints analog",
            "analog",
        ],
    ),
    (
        "other",
        &[
            "touchpoints",
            "berührungspunkte",
            "kontaktpunkte",
            "touchpoint",
        ],
    ),
    (
        "objective",
        &[
            "business objective",
            "geschäftsziel",
            "ziel des unternehmens",
            "ziel (unternehmen)",
            "objective",
            "unternehmensziele",
            "ziele des unternehmens",
            "business goals",
        ],
    ),
    (
        "message",
        &[
            "botschaft",
            "message",
            "key message",
            "kernaussage",
            "kernbotschaften",
        ],
    ),
    (
        "kpis",
        &[
            "kpi",
            "kennzahlen",
            "kennzahl",
            "messgrößen",
            "metriken",
            "metrics",
        ],
    ),
    (
        "backstage",
        &[
            "organizational activities",
            "backstage",
            "interne aktivitäten",
            "hinter den kulissen",
            "interne prozesse",
            "backstage activities",
            "organisatorisches",
        ],
    ),
    (
        "teams",
        &[
            "team",
            "verantwortlich",
            "zuständig",
            "verantwortlichkeiten",
            "verantwortliche teams",
            "owner",
            "owners",
            "responsible",
            "verantwortung",
        ],
    ),
    (
        "systems",
        &[
            "it-systems",
            "systeme",
            "systems",
            "tools",
            "it",
            "it systeme",
            "it-system",
        ],
    ),
    (
        "moments",
        &[
            "moment of truth",
            "momente der wahrheit",
            "moment der wahrheit",
            "kritische momente",
            "mot",
            "moments",
        ],
    ),
    (
        "experience",
        &[
            "experience",
            "erlebnis",
            "zufriedenheit",
            "satisfaction",
            "kundenzufriedenheit",
            "emotion",
            "stimmung",
            "customer experience",
            "kundenerlebnis",
            "mean experience",
            "erlebnis (1-5)",
            "zufriedenheit (1-5)",
        ],
    ),
    ("supports", &["unterstützt", "supports"]),
    ("evidence", &["nachweis", "nachweise"]),
    ("disclaimers", &["disclaimer", "disclaimers", "hinweise"]),
    (
        "allows",
        &["allowed findings", "erlaubte befunde", "allow", "allows"],
    ),
];

/// Columns of a touchpoint table as workshop tables head them.
pub const TOUCHPOINT_ALIASES: &[(&str, &[&str])] = &[
    (
        "phase",
        &[
            "phasen",
            "phase id",
            "phase title",
            "phase titel",
            "journey-phase",
        ],
    ),
    ("id", &["touchpoint id", "kennung"]),
    (
        "title",
        &[
            "touchpoint title",
            "titel",
            "title",
            "name",
            "berührungspunkt",
            "kontaktpunkt",
            "touchpoint (titel)",
        ],
    ),
    ("channel", &["kanal", "medium", "channel"]),
    (
        "presence",
        &[
            "presence",
            "online / offline",
            "digital/analog",
            "online oder offline",
        ],
    ),
    (
        "owner",
        &[
            "zuständig",
            "team",
            "verantwortliches team",
            "owner team",
            "verantwortung",
        ],
    ),
    (
        "systems",
        &["it-systems", "systems", "systeme", "it systeme"],
    ),
    (
        "serves",
        &["serves", "für", "personas", "persona", "zielgruppe"],
    ),
    (
        "says",
        &["says", "botschaft", "aussage", "werbetext", "copy"],
    ),
    ("evidence", &["nachweis"]),
    ("disclaimers", &["disclaimer", "disclaimers", "hinweis"]),
    ("keeps", &["keeps", "hält", "versprechen"]),
    ("expectation", &["expectation", "erwartung"]),
    (
        "experience",
        &[
            "experience",
            "erlebnis",
            "erfahrung",
            "zufriedenheit",
            "satisfaction",
        ],
    ),
    (
        "importance",
        &["importance", "priorität", "priority", "bedeutung"],
    ),
    ("monitored", &["monitoring", "überwachung"]),
    ("state", &["status", "ist/soll", "state"]),
    ("moment", &["moment", "moment der wahrheit"]),
    ("moment_note", &["moment note", "warum"]),
    (
        "target",
        &[
            "target experience",
            "ziel-erlebnis",
            "ziel erlebnis",
            "soll-erlebnis",
            "zielwert",
        ],
    ),
    ("wow", &["wow", "wow-moment", "begeisterung"]),
    ("wow_note", &["warum wow"]),
    ("cost", &["cost", "kosten", "budget"]),
    ("currency", &["currency", "währung"]),
    (
        "next",
        &["next", "danach", "nächster", "nächste touchpoints"],
    ),
    (
        "collects",
        &[
            "collects",
            "erhobene daten",
            "personenbezogene daten",
            "daten",
        ],
    ),
    ("basis", &["basis"]),
    ("description", &["beschreibung", "description"]),
    (
        "allows",
        &["allowed findings", "erlaubte befunde", "allows"],
    ),
];

/// Column headers and row labels that hold notes: ignored with a note.
pub fn is_notes(text: &str) -> bool {
    let n = normalise(text);
    let n = without_brackets(&n).unwrap_or(n);
    [
        "notes",
        "note",
        "notizen",
        "notiz",
        "bemerkungen",
        "bemerkung",
        "kommentare",
        "kommentar",
        "comments",
        "comment",
        "anmerkungen",
        "anmerkung",
        "hinweise zum workshop",
        "legende",
        "legend",
        "ideen",
        "ideas",
        "offene fragen",
        "open questions",
        "to do",
        "todo",
        "to-do",
    ]
    .contains(&n.as_str())
}

/// A yes/no cell: `yes`, `ja`, `x`, `✓`, `true` … or `no`, `nein` ….
pub fn yes_no(text: &str) -> Option<bool> {
    match normalise(text).as_str() {
        "yes" | "y" | "ja" | "j" | "x" | "true" | "wahr" | "1" | "✓" | "✔" => Some(true),
        "no" | "n" | "nein" | "false" | "falsch" | "0" | "-" => Some(false),
        _ => None,
    }
}

/// A fixed word of the language from its English or German form.
pub fn value(text: &str, kind: &str) -> Option<&'static str> {
    let n = normalise(text);
    let table: &[(&str, &[&str])] = match kind {
        "presence" => &[
            ("online", &["online", "digital"]),
            ("offline", &["offline", "analog"]),
        ],
        "state" => &[
            (
                "current",
                &[
                    "current",
                    "aktuell",
                    "ist",
                    "ist-zustand",
                    "status quo",
                    "heute",
                    "bestehend",
                ],
            ),
            (
                "planned",
                &[
                    "planned",
                    "geplant",
                    "soll",
                    "soll-zustand",
                    "ziel",
                    "neu",
                    "plan",
                ],
            ),
        ],
        "importance" => &[
            ("low", &["low", "niedrig", "gering"]),
            ("medium", &["medium", "mittel"]),
            ("high", &["high", "hoch"]),
            ("critical", &["critical", "kritisch"]),
        ],
        "kind" => &[
            (
                "awareness",
                &["awareness", "aufmerksamkeit", "inspiration", "impuls"],
            ),
            (
                "consideration",
                &[
                    "consideration",
                    "informationssuche",
                    "information",
                    "erwägung",
                    "entdecken",
                ],
            ),
            (
                "decision",
                &[
                    "decision",
                    "entscheidung",
                    "alternativenvergleich",
                    "vergleich",
                ],
            ),
            ("purchase", &["purchase", "kauf", "abschluss"]),
            ("onboarding", &["onboarding", "einstieg"]),
            (
                "usage",
                &["usage", "nutzung", "lieferung und nutzung", "erlebnis"],
            ),
            (
                "loyalty",
                &["loyalty", "loyalität", "kundenbindung", "bindung"],
            ),
            (
                "advocacy",
                &["advocacy", "weiterempfehlung", "empfehlung", "bewertung"],
            ),
            (
                "offboarding",
                &["offboarding", "kündigung", "verabschiedung", "abschied"],
            ),
            ("custom", &["custom", "eigene", "benutzerdefiniert"]),
        ],
        "basis" => &[
            ("consent", &["consent", "einwilligung"]),
            ("contract", &["contract", "vertrag", "vertragserfüllung"]),
            (
                "legal_obligation",
                &[
                    "legal obligation",
                    "rechtliche verpflichtung",
                    "gesetzliche pflicht",
                    "rechtspflicht",
                ],
            ),
            (
                "vital_interest",
                &[
                    "vital interest",
                    "lebenswichtiges interesse",
                    "lebenswichtige interessen",
                ],
            ),
            (
                "public_task",
                &[
                    "public task",
                    "öffentliche aufgabe",
                    "öffentliches interesse",
                ],
            ),
            (
                "legitimate_interest",
                &["legitimate interest", "berechtigtes interesse"],
            ),
        ],
        _ => &[],
    };
    table
        .iter()
        .find(|(_, variants)| variants.contains(&n.as_str()))
        .map(|(k, _)| *k)
}

/// A channel id from its id or a German or English name (`E-Mail`,
/// `Telefon`, `Filiale`, `Messe` …).
pub fn channel(text: &str) -> Option<&'static str> {
    let n = normalise(text);
    if let Some(c) = journey_syntax::schema::CHANNELS
        .iter()
        .find(|c| c.name == n)
    {
        return Some(c.name);
    }
    CHANNEL_WORDS
        .iter()
        .find(|(_, words)| words.contains(&n.as_str()))
        .map(|(c, _)| *c)
}

/// The channel a touchpoint title names (`Instagram-Post` → `social`,
/// `Newsletter-Anmeldung` → `newsletter`): the first word that is one.
pub fn channel_in_title(title: &str) -> Option<&'static str> {
    if let Some(c) = channel(title) {
        return Some(c);
    }
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .find_map(channel)
}

const CHANNEL_WORDS: &[(&str, &[&str])] = &[
    (
        "web",
        &[
            "website",
            "webseite",
            "homepage",
            "online-shop",
            "onlineshop",
            "web shop",
            "webshop",
            "shop",
            "internet",
            "landingpage",
            "landing page",
        ],
    ),
    (
        "search",
        &[
            "suche",
            "suchmaschine",
            "google",
            "seo",
            "sea",
            "search engine",
        ],
    ),
    (
        "social",
        &[
            "social media",
            "soziale medien",
            "social-media",
            "instagram",
            "facebook",
            "linkedin",
            "tiktok",
            "x",
            "twitter",
            "pinterest",
        ],
    ),
    ("email", &["e-mail", "mail", "e-mails", "emails"]),
    ("newsletter", &["newsletter"]),
    (
        "ads",
        &[
            "anzeige",
            "anzeigen",
            "werbung",
            "online-werbung",
            "banner",
            "display",
        ],
    ),
    ("app", &["app", "mobile app", "application"]),
    (
        "chat",
        &[
            "chat",
            "live chat",
            "livechat",
            "messenger",
            "whatsapp",
            "chatbot",
        ],
    ),
    ("sms", &["sms", "text message"]),
    ("video", &["video", "youtube", "webinar", "videos"]),
    (
        "review",
        &[
            "bewertungen",
            "bewertungsportal",
            "reviews",
            "vergleichsportal",
            "review site",
        ],
    ),
    ("community", &["community", "forum", "foren"]),
    (
        "phone",
        &[
            "telefon",
            "hotline",
            "anruf",
            "call center",
            "callcenter",
            "telephone",
        ],
    ),
    (
        "store",
        &[
            "filiale",
            "laden",
            "geschäft",
            "ladengeschäft",
            "shop vor ort",
            "store",
            "branch",
        ],
    ),
    (
        "event",
        &[
            "messe",
            "veranstaltung",
            "event",
            "workshop",
            "fair",
            "trade fair",
        ],
    ),
    (
        "print",
        &[
            "druck",
            "katalog",
            "flyer",
            "broschüre",
            "print",
            "zeitschrift",
            "magazin",
            "zeitung",
        ],
    ),
    (
        "mail",
        &["post", "brief", "paket", "briefpost", "letter", "parcel"],
    ),
    (
        "field",
        &["außendienst", "aussendienst", "vor ort", "field sales"],
    ),
    ("partner", &["partner", "händler", "reseller", "fachhandel"]),
    (
        "outdoor",
        &[
            "plakat",
            "außenwerbung",
            "aussenwerbung",
            "billboard",
            "poster",
        ],
    ),
    ("tv", &["fernsehen", "tv", "television", "tv-spot"]),
    ("radio", &["radio", "podcast", "radiospot"]),
    (
        "word_of_mouth",
        &[
            "empfehlung",
            "mundpropaganda",
            "word of mouth",
            "weiterempfehlung",
            "freunde",
        ],
    ),
];

/// The phase kind a phase title suggests (`Entscheidung und Kauf` →
/// `purchase`): the kind of its last word that names one.
pub fn kind_from_title(title: &str) -> Option<&'static str> {
    const WORDS: &[(&str, &[&str])] = &[
        (
            "awareness",
            &[
                "awareness",
                "aufmerksamkeit",
                "attention",
                "inspiration",
                "impuls",
                "impulse",
                "wahrnehmen",
                "aware",
                "bewusstsein",
                "anregung",
                "trigger",
            ],
        ),
        (
            "consideration",
            &[
                "consideration",
                "information",
                "informationssuche",
                "informieren",
                "recherche",
                "research",
                "interest",
                "interesse",
                "discovery",
                "kennenlernen",
                "entdecken",
                "appeal",
                "erwägung",
                "orientierung",
            ],
        ),
        (
            "decision",
            &[
                "decision",
                "entscheidung",
                "vergleich",
                "vergleichen",
                "alternativen",
                "desire",
                "verlangen",
                "ask",
                "nachfragen",
                "beratung",
                "auswahl",
                "comparing",
                "comparison",
                "evaluation",
            ],
        ),
        (
            "purchase",
            &[
                "purchase",
                "kauf",
                "kaufen",
                "buy",
                "bestellung",
                "bestellen",
                "order",
                "abschluss",
                "checkout",
                "action",
                "handlung",
                "act",
                "handeln",
                "anbahnung",
                "initiation",
                "buchung",
            ],
        ),
        (
            "onboarding",
            &[
                "onboarding",
                "einstieg",
                "setup",
                "einrichtung",
                "welcome",
                "willkommen",
                "aktivierung",
            ],
        ),
        (
            "usage",
            &[
                "usage",
                "use",
                "nutzung",
                "lieferung",
                "delivery",
                "erleben",
                "experience",
                "erlebnis",
                "gebrauch",
                "anwendung",
                "betreuung",
            ],
        ),
        (
            "loyalty",
            &[
                "loyalty",
                "loyalität",
                "bindung",
                "kundenbindung",
                "treue",
                "retention",
                "wiederkauf",
                "satisfaction",
                "zufriedenheit",
                "verlängerung",
                "renewal",
            ],
        ),
        (
            "advocacy",
            &[
                "advocacy",
                "empfehlung",
                "weiterempfehlung",
                "recommendation",
                "bewertung",
                "review",
                "advocate",
                "empfehlen",
            ],
        ),
        (
            "offboarding",
            &[
                "offboarding",
                "kündigung",
                "abschied",
                "verabschiedung",
                "cancellation",
                "exit",
                "churn",
            ],
        ),
    ];
    let mut found = None;
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        for (kind, words) in WORDS {
            if words
                .iter()
                .any(|k| w == *k || (k.chars().count() >= 5 && w.ends_with(k)))
            {
                found = Some(*kind);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use journey_export::sheet::MAP_ROWS;

    #[test]
    fn labels_in_either_language_and_their_variants() {
        assert_eq!(normalise("  Zentrale   Frage: "), "zentrale frage");
        assert_eq!(
            find("Zentrale Frage", MAP_ROWS, MAP_ALIASES),
            Some("question")
        );
        assert_eq!(
            find("Central question", MAP_ROWS, MAP_ALIASES),
            Some("question")
        );
        assert_eq!(
            find("Erlebnis Ø (1–5)", MAP_ROWS, MAP_ALIASES),
            Some("experience")
        );
        assert_eq!(
            find("Zufriedenheit", MAP_ROWS, MAP_ALIASES),
            Some("experience")
        );
        assert_eq!(
            find("Touchpoints (online)", MAP_ROWS, MAP_ALIASES),
            Some("online")
        );
        assert_eq!(find("IT-Systeme", MAP_ROWS, MAP_ALIASES), Some("systems"));
        assert_eq!(find("Notizen", MAP_ROWS, MAP_ALIASES), None);
        assert!(is_notes("Notizen") && is_notes("Notes (intern)") && !is_notes("Kauf"));
        assert_eq!(sheet("Impact Map"), Some("impact"));
        assert_eq!(sheet("Versprechen"), Some("promises"));
    }

    #[test]
    fn values_channels_and_kinds() {
        assert_eq!(yes_no("Ja"), Some(true));
        assert_eq!(yes_no("nein"), Some(false));
        assert_eq!(value("geplant", "state"), Some("planned"));
        assert_eq!(value("Hoch", "importance"), Some("high"));
        assert_eq!(
            value("Berechtigtes Interesse", "basis"),
            Some("legitimate_interest")
        );
        assert_eq!(channel("E-Mail"), Some("email"));
        assert_eq!(channel("Filiale"), Some("store"));
        assert_eq!(channel("store"), Some("store"));
        assert_eq!(channel("Brieftaube"), None);
        assert_eq!(kind_from_title("Entscheidung und Kauf"), Some("purchase"));
        assert_eq!(
            kind_from_title("Alternativen vergleichen"),
            Some("decision")
        );
        assert_eq!(kind_from_title("Lieferung und Nutzung"), Some("usage"));
        assert_eq!(kind_from_title("Kaufentscheidung"), Some("decision"));
        assert_eq!(kind_from_title("Phase 7"), None);
    }
}
