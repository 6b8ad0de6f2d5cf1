//! The data files under `templates/`, compiled in and read once.

use crate::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

/// A text in English and German.
#[derive(Debug, Deserialize)]
pub struct Tr {
    pub en: String,
    pub de: String,
}

impl Tr {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::De => &self.de,
        }
    }
}

/// A journey model: the phases a starter workspace is built from.
#[derive(Debug, Deserialize)]
pub struct Model {
    /// The name on the command line: `--template NAME`.
    pub name: String,
    pub title: Tr,
    /// One line for `journeyc init --list`.
    pub summary: Tr,
    /// A few sentences for the journey's description.
    pub about: Tr,
    /// The last phase leads back to the phase with this index.
    pub loop_to: Option<usize>,
    pub phases: Vec<Phase>,
}

#[derive(Debug, Deserialize)]
pub struct Phase {
    pub id: Tr,
    /// One of the phase kinds of the language.
    pub kind: String,
    pub title: Tr,
    pub question: Tr,
    pub activity: Tr,
    pub wants: Tr,
    pub objective: Tr,
    pub message: Tr,
    pub kpi: Kpi,
    /// A moment of truth in this phase, where the model names one.
    pub moment: Option<Tr>,
    /// A team of `templates/common.toml`, by its English identifier.
    pub team: String,
    pub touchpoint: Touchpoint,
}

#[derive(Debug, Deserialize)]
pub struct Touchpoint {
    pub id: Tr,
    pub title: Tr,
    /// A channel the language knows.
    pub channel: String,
    pub online: bool,
    pub says: Tr,
    pub kpi: Kpi,
    /// A system of `templates/common.toml`, by its English identifier.
    pub system: String,
}

#[derive(Debug, Deserialize)]
pub struct Kpi {
    pub name: Tr,
    pub target: u32,
    /// The unit (phases' KPIs have one, touchpoints' do not).
    pub unit: Option<Tr>,
}

/// What every model shares.
#[derive(Debug, Deserialize)]
pub(crate) struct Common {
    pub teams: Vec<Tr>,
    pub systems: Vec<Tr>,
    /// The parts of the value proposition the phases' core messages
    /// support, in turn.
    pub value_parts: ValueParts,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ValueParts {
    pub en: Vec<String>,
    pub de: Vec<String>,
}

impl Common {
    /// The identifier in `lang` of the team or system `id` names in English.
    pub fn name<'a>(list: &'a [Tr], id: &str, lang: Lang) -> &'a str {
        list.iter().find(|t| t.en == id).map_or("", |t| t.get(lang))
    }

    pub fn value_parts(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.value_parts.en,
            Lang::De => &self.value_parts.de,
        }
    }
}

/// The texts of one language (`templates/LANG/texts.toml`) and its file
/// templates.
#[derive(Debug, Deserialize)]
pub(crate) struct Texts {
    pub persona: String,
    pub journey_id: String,
    pub journey_title: String,
    /// The example sponsor of the journey (`sponsor "Name, role"`).
    pub sponsor: String,
    pub value: String,
    pub intro: String,
    pub list: String,
    pub loop_note: String,
    pub created: String,
    pub next: String,
    pub files: Files,
    #[serde(skip)]
    pub templates: Templates,
}

/// The file names of a workspace.
#[derive(Debug, Deserialize)]
pub(crate) struct Files {
    pub journey: String,
    pub personas: String,
    pub phases: String,
    pub goals: String,
}

#[derive(Debug, Default)]
pub(crate) struct Templates {
    pub config: &'static str,
    pub personas: &'static str,
    pub phases: &'static str,
    pub goals: &'static str,
}

/// The journey file and one phase: the same in every language.
pub(crate) const JOURNEY: &str = include_str!("../templates/journey.journey");
pub(crate) const PHASE: &str = include_str!("../templates/phase.journey");

/// The models in the order `--list` shows them.
const MODELS: [&str; 6] = [
    include_str!("../templates/models/lifecycle.toml"),
    include_str!("../templates/models/relationship.toml"),
    include_str!("../templates/models/decision-journey.toml"),
    include_str!("../templates/models/aida.toml"),
    include_str!("../templates/models/5a.toml"),
    include_str!("../templates/models/decision-loop.toml"),
];

/// The data files are part of the build: one that does not parse is a
/// bug the tests catch, so a panic names it.
fn parse<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> T {
    toml::from_str(text).unwrap_or_else(|e| panic!("templates: {what}: {e}"))
}

/// Every journey model.
pub fn models() -> &'static [Model] {
    static MODELS_READ: OnceLock<Vec<Model>> = OnceLock::new();
    MODELS_READ.get_or_init(|| {
        MODELS
            .iter()
            .enumerate()
            .map(|(i, text)| parse(&format!("model {i}"), text))
            .collect()
    })
}

/// The model named `name` (any case).
pub fn find(name: &str) -> Option<&'static Model> {
    models().iter().find(|m| m.name.eq_ignore_ascii_case(name))
}

pub(crate) fn common() -> &'static Common {
    static COMMON: OnceLock<Common> = OnceLock::new();
    COMMON.get_or_init(|| parse("common.toml", include_str!("../templates/common.toml")))
}

pub(crate) fn texts(lang: Lang) -> &'static Texts {
    static EN: OnceLock<Texts> = OnceLock::new();
    static DE: OnceLock<Texts> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| Texts {
            templates: Templates {
                config: include_str!("../templates/en/journey.toml"),
                personas: include_str!("../templates/en/personas.journey"),
                phases: include_str!("../templates/en/phases.journey"),
                goals: include_str!("../templates/en/goals.journey"),
            },
            ..parse("en/texts.toml", include_str!("../templates/en/texts.toml"))
        }),
        Lang::De => DE.get_or_init(|| Texts {
            templates: Templates {
                config: include_str!("../templates/de/journey.toml"),
                personas: include_str!("../templates/de/personas.journey"),
                phases: include_str!("../templates/de/phases.journey"),
                goals: include_str!("../templates/de/goals.journey"),
            },
            ..parse("de/texts.toml", include_str!("../templates/de/texts.toml"))
        }),
    }
}
