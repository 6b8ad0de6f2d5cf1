//! The schema: which statements each block admits, what their arguments
//! are, and what they mean.
//!
//! One table serves validation and the typed views (what is allowed where), the language
//! server (hover text, completion with snippets, keywords valid at the
//! cursor) and the editor grammars' tests (every keyword is highlighted).

/// The kind of block a statement stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    TopLevel,
    Journey,
    Persona,
    Empathy,
    Phase,
    Touchpoint,
    Goal,
    Actor,
    Impact,
}

impl Context {
    pub fn describe(self) -> &'static str {
        match self {
            Context::TopLevel => "the top level",
            Context::Journey => "a journey",
            Context::Persona => "a persona",
            Context::Empathy => "an empathy map",
            Context::Phase => "a phase",
            Context::Touchpoint => "a touchpoint",
            Context::Goal => "a goal",
            Context::Actor => "an actor",
            Context::Impact => "an impact",
        }
    }
}

/// One statement keyword in one context.
#[derive(Debug, Clone, Copy)]
pub struct Keyword {
    pub name: &'static str,
    pub context: Context,
    /// The block this statement opens, for definitions.
    pub opens: Option<Context>,
    /// The statement's shape, as the guide writes it.
    pub signature: &'static str,
    /// What it means, for hover and completion.
    pub doc: &'static str,
    /// May stand several times in one block.
    pub repeatable: bool,
    /// An editor snippet (LSP snippet syntax) for completion.
    pub snippet: &'static str,
}

impl Keyword {
    /// Takes nothing but a comma-separated list of identifiers (`serves
    /// ID, …`), as its signature says: the lists where naming an id twice
    /// says nothing more than naming it once. (`deliverable … via ID, …`
    /// holds more than the list.)
    pub fn lists_ids(&self) -> bool {
        let args = self.signature.strip_prefix(self.name).map(str::trim_start);
        matches!(args, Some("ID, …" | "ID, ID, …"))
    }
}

use Context::*;

const DEFS: &[Context] = &[Journey, Persona, Phase, Touchpoint, Goal, Actor, Impact];

macro_rules! kw {
    ($name:literal in $ctx:expr, opens $opens:expr, $sig:literal, $doc:literal, repeat $rep:literal, $snip:literal) => {
        Keyword {
            name: $name,
            context: $ctx,
            opens: $opens,
            signature: $sig,
            doc: $doc,
            repeatable: $rep,
            snippet: $snip,
        }
    };
}

/// Every statement of the language, grouped by context.
pub const KEYWORDS: &[Keyword] = &[
    // ---- top level
    kw!("import" in TopLevel, opens None, "import \"path.journey\"",
        "Reads the definitions of another `.journey` file, relative to this one.", repeat true,
        "import \"${1:personas}.journey\""),
    kw!("journey" in TopLevel, opens Some(Journey), "journey ID \"title\" { … }",
        "A customer journey: the value proposition, the ordered phases and whether it loops.", repeat true,
        "journey ${1:id} \"${2:Title}\" {\n\tvalue \"${3:What we promise}\"\n\tphases ${4:awareness, purchase, loyalty}\n}"),
    kw!("persona" in TopLevel, opens Some(Persona), "persona ID \"name\" { … }",
        "A persona: a typical customer, built on evidence such as interviews.", repeat true,
        "persona ${1:id} \"${2:Name, role}\" {\n\trole \"${3:Role}\"\n\tevidence \"${4:12 interviews, 2026}\"\n\tneeds \"${5:need}\"\n}"),
    kw!("phase" in TopLevel, opens Some(Phase), "phase ID \"title\" { … }",
        "A phase of the journey, with the customer's question, the core message, KPIs and touchpoints.", repeat true,
        "phase ${1:id} \"${2:Title}\" {\n\tkind ${3:awareness}\n\tquestion \"${4:What does the customer ask?}\"\n\tmessage \"${5:Core message}\"\n}"),
    kw!("goal" in TopLevel, opens Some(Goal), "goal ID \"title\" { … }",
        "An impact-map goal: why the journey matters to the business, with a measurable metric.", repeat true,
        "goal ${1:id} \"${2:Title}\" {\n\tmetric \"${3:Metric}\" current ${4:0} target ${5:100} by ${6:2027-12-31}\n}"),
    // ---- journey
    kw!("value" in Journey, opens None, "value \"text\"",
        "The value proposition (Wertversprechen): what the customer gets. Core messages derive from it.", repeat false,
        "value \"$1\""),
    kw!("description" in Journey, opens None, "description \"text\"", "Free text describing the journey.", repeat false, "description \"$1\""),
    kw!("sponsor" in Journey, opens None, "sponsor \"name, role\"",
        "The executive who backs this journey in management: without a sponsor, journey work stalls when it needs budget or other departments.", repeat false,
        "sponsor \"${1:Name, role}\""),
    kw!("phases" in Journey, opens None, "phases ID, ID, …",
        "The phases of this journey, in order.", repeat false, "phases ${1:awareness}, ${2:purchase}"),
    kw!("loop" in Journey, opens None, "loop ID -> ID",
        "The journey is a cycle: after the first phase named, it continues with the second.", repeat false,
        "loop ${1:loyalty} -> ${2:awareness}"),
    kw!("evidence" in Journey, opens None, "evidence \"text\", …",
        "What backs the claims of the value proposition (a test, a study, the terms). Superlatives, guarantees and \"free\" need it.", repeat true,
        "evidence \"$1\""),
    kw!("disclaimer" in Journey, opens None, "disclaimer \"text\", …",
        "The small print that qualifies a claim of the value proposition (conditions, exclusions).", repeat true,
        "disclaimer \"$1\""),
    // ---- persona
    kw!("role" in Persona, opens None, "role \"text\"", "The persona's job or role.", repeat false, "role \"$1\""),
    kw!("description" in Persona, opens None, "description \"text\"", "Who this persona is.", repeat false, "description \"$1\""),
    kw!("evidence" in Persona, opens None, "evidence \"text\"",
        "What the persona rests on: interviews, surveys, data (\"12 interviews, Q3 2026\").", repeat false, "evidence \"$1\""),
    kw!("needs" in Persona, opens None, "needs \"text\", …", "What the persona needs.", repeat true, "needs \"$1\""),
    kw!("pains" in Persona, opens None, "pains \"text\", …", "What frustrates the persona today.", repeat true, "pains \"$1\""),
    kw!("gains" in Persona, opens None, "gains \"text\", …", "What would delight the persona.", repeat true, "gains \"$1\""),
    kw!("goals" in Persona, opens None, "goals \"text\", …", "What the persona wants to achieve.", repeat true, "goals \"$1\""),
    kw!("channels" in Persona, opens None, "channels ID, …", "The channels this persona prefers.", repeat false, "channels ${1:email}"),
    kw!("empathy" in Persona, opens Some(Empathy), "empathy { … }",
        "The empathy map: what the persona says, thinks, does and feels.", repeat false,
        "empathy {\n\tsays \"$1\"\n\tthinks \"$2\"\n\tdoes \"$3\"\n\tfeels \"$4\"\n}"),
    // ---- empathy map
    kw!("says" in Empathy, opens None, "says \"text\", …", "What the persona says out loud.", repeat true, "says \"$1\""),
    kw!("thinks" in Empathy, opens None, "thinks \"text\", …", "What the persona thinks but may not say.", repeat true, "thinks \"$1\""),
    kw!("does" in Empathy, opens None, "does \"text\", …", "What the persona does.", repeat true, "does \"$1\""),
    kw!("feels" in Empathy, opens None, "feels \"text\", …", "What the persona feels.", repeat true, "feels \"$1\""),
    // ---- phase
    kw!("kind" in Phase, opens None, "kind KIND",
        "The kind of phase: awareness, consideration, decision, purchase, onboarding, usage, loyalty, advocacy, offboarding or custom.", repeat false,
        "kind ${1|awareness,consideration,decision,purchase,onboarding,usage,loyalty,advocacy,offboarding,custom|}"),
    kw!("question" in Phase, opens None, "question \"text\"", "The customer's central question in this phase.", repeat false, "question \"$1\""),
    kw!("activities" in Phase, opens None, "activities \"text\", …", "What the customer does in this phase.", repeat true, "activities \"$1\""),
    kw!("wants" in Phase, opens None, "wants \"text\", …", "The customer's goals in this phase.", repeat true, "wants \"$1\""),
    kw!("objective" in Phase, opens None, "objective \"text\"", "The business goal for this phase.", repeat false, "objective \"$1\""),
    kw!("message" in Phase, opens None, "message \"text\"",
        "The core message (Kernbotschaft) of this phase, derived from the value proposition.", repeat false, "message \"$1\""),
    kw!("supports" in Phase, opens None, "supports ID|\"text\", …",
        "What the core message supports: a promise, goal or impact by its id, or the part of the value proposition it derives from, in quotes.", repeat true,
        "supports \"$1\""),
    kw!("promise" in Phase, opens None, "promise ID \"text\"",
        "A promise made to the customer in this phase. A touchpoint of a later phase must keep it (`keeps ID`).", repeat true,
        "promise ${1:id} \"${2:What we promise}\""),
    kw!("evidence" in Phase, opens None, "evidence \"text\", …",
        "What backs the claims of the core message and promises (a test, a study, the terms).", repeat true,
        "evidence \"$1\""),
    kw!("disclaimer" in Phase, opens None, "disclaimer \"text\", …",
        "The small print that qualifies a claim of the core message or a promise.", repeat true,
        "disclaimer \"$1\""),
    kw!("kpi" in Phase, opens None, "kpi [ID] \"name\" [target VALUE] [unit \"unit\"]",
        "A key performance indicator, optionally with a target and a unit.", repeat true, "kpi ${1:id} \"${2:Name}\" target ${3:100}"),
    kw!("backstage" in Phase, opens None, "backstage \"text\", …", "What the organisation does behind the scenes in this phase.", repeat true, "backstage \"$1\""),
    kw!("teams" in Phase, opens None, "teams ID, …", "The teams responsible for this phase.", repeat false, "teams ${1:marketing}"),
    kw!("systems" in Phase, opens None, "systems ID, …", "The IT systems that support this phase.", repeat false, "systems ${1:crm}"),
    kw!("moment" in Phase, opens None, "moment \"text\", …", "A moment of truth in this phase: where the relationship is won or lost.", repeat true, "moment \"$1\""),
    kw!("touchpoint" in Phase, opens Some(Touchpoint), "touchpoint ID \"title\" { … }",
        "Where customer and company meet in this phase.", repeat true,
        "touchpoint ${1:id} \"${2:Title}\" {\n\tchannel ${3:web} ${4|online,offline|}\n\towner ${5:marketing}\n\tserves ${6:persona}\n\texpectation ${7:3}\n\texperience ${8:3}\n\tstate ${9|current,planned|}\n}"),
    // ---- touchpoint
    kw!("channel" in Touchpoint, opens None, "channel ID [online|offline]",
        "The channel (web, email, social, store, phone …) and whether it is online or offline.", repeat false,
        "channel ${1:web} ${2|online,offline|}"),
    kw!("owner" in Touchpoint, opens None, "owner ID", "The team that owns this touchpoint.", repeat false, "owner ${1:team}"),
    kw!("systems" in Touchpoint, opens None, "systems ID, …", "The IT systems behind this touchpoint.", repeat false, "systems ${1:crm}"),
    kw!("kpi" in Touchpoint, opens None, "kpi [ID] \"name\" [target VALUE] [unit \"unit\"]",
        "A key performance indicator of this touchpoint.", repeat true, "kpi ${1:id} \"${2:Name}\" target ${3:100}"),
    kw!("serves" in Touchpoint, opens None, "serves ID, …", "The personas this touchpoint serves.", repeat false, "serves ${1:persona}"),
    kw!("says" in Touchpoint, opens None, "says \"text\", …", "The copy this touchpoint carries: what the customer reads or hears.", repeat true, "says \"$1\""),
    kw!("expectation" in Touchpoint, opens None, "expectation SCORE",
        "What the customer expects here, from 1 (little) to 5 (a lot). Decimals such as a survey average (3.6) are fine.", repeat false, "expectation ${1:3}"),
    kw!("experience" in Touchpoint, opens None, "experience [SCORE] [target SCORE]",
        "What the customer experiences here today, from 1 (poor) to 5 (excellent), and optionally the experience aimed for (`target`). A planned touchpoint gives only the target: `experience target 4`.", repeat false, "experience ${1:3}"),
    kw!("for" in Touchpoint, opens None, "for PERSONA [expectation SCORE] [experience SCORE] [target SCORE] [feeling \"text\"]",
        "How one persona feels here: their own scores and, optionally, a feeling word or note. What the line leaves out falls back to the touchpoint's own scores.", repeat true,
        "for ${1:persona} expectation ${2:3} experience ${3:3} feeling \"${4:how it feels}\""),
    kw!("wow" in Touchpoint, opens None, "wow [yes|no|\"why\"]",
        "A wow moment: the touchpoint over-delivers on purpose. Over-delivery here is intended and not reported.", repeat false, "wow \"$1\""),
    kw!("cost" in Touchpoint, opens None, "cost AMOUNT CURRENCY",
        "What the touchpoint costs in the journey's budget period, with the currency as a three-letter code (EUR, USD, CHF, GBP).", repeat false,
        "cost ${1:1000} ${2|EUR,USD,CHF,GBP|}"),
    kw!("next" in Touchpoint, opens None, "next ID, …",
        "The touchpoints the customer goes on to from here: the customer's path through the journey, across channels and phases.", repeat true,
        "next ${1:touchpoint}"),
    kw!("importance" in Touchpoint, opens None, "importance low|medium|high|critical",
        "How much this touchpoint matters to the journey.", repeat false, "importance ${1|low,medium,high,critical|}"),
    kw!("monitored" in Touchpoint, opens None, "monitored [yes|no]",
        "Whether the touchpoint is actively monitored (bare `monitored` means yes).", repeat false, "monitored"),
    kw!("state" in Touchpoint, opens None, "state current|planned",
        "`current`: exists today (status quo). `planned`: part of the target journey.", repeat false, "state ${1|current,planned|}"),
    kw!("moment" in Touchpoint, opens None, "moment [yes|no|\"why\"]",
        "This touchpoint is a moment of truth; optionally say why.", repeat false, "moment \"$1\""),
    kw!("collects" in Touchpoint, opens None, "collects \"data\", …",
        "Personal data collected here (needs a legal basis).", repeat true, "collects \"${1:e-mail address}\""),
    kw!("basis" in Touchpoint, opens None, "basis consent|contract|legal_obligation|vital_interest|public_task|legitimate_interest",
        "The legal basis for the personal data collected (GDPR Art. 6).", repeat false,
        "basis ${1|consent,contract,legal_obligation,vital_interest,public_task,legitimate_interest|}"),
    kw!("description" in Touchpoint, opens None, "description \"text\"", "Free text describing the touchpoint.", repeat false, "description \"$1\""),
    kw!("keeps" in Touchpoint, opens None, "keeps ID, …",
        "The promises, made in an earlier phase, that this touchpoint delivers.", repeat true,
        "keeps ${1:promise}"),
    kw!("evidence" in Touchpoint, opens None, "evidence \"text\", …",
        "What backs the claims of this touchpoint's copy (a test, a study, the terms). Superlatives, guarantees and \"free\" need it.", repeat true,
        "evidence \"$1\""),
    kw!("disclaimer" in Touchpoint, opens None, "disclaimer \"text\", …",
        "The small print shown with this touchpoint's copy (conditions, exclusions).", repeat true,
        "disclaimer \"$1\""),
    // ---- goal (impact map)
    kw!("metric" in Goal, opens None, "metric \"name\" [current VALUE] [target VALUE] [unit \"unit\"] [by DATE]",
        "How the goal is measured: today's value, the target, the unit and the deadline. At the top of an impact map this is usually money (`unit \"EUR\"`).", repeat false,
        "metric \"${1:Metric}\" current ${2:0} target ${3:100} by ${4:2027-12-31}"),
    kw!("description" in Goal, opens None, "description \"text\"", "Free text describing the goal.", repeat false, "description \"$1\""),
    kw!("actor" in Goal, opens Some(Actor), "actor ID [\"title\"] { … }",
        "Who can bring the goal about: a persona, or another stakeholder named by the title.", repeat true,
        "actor ${1:persona} {\n\t$0\n}"),
    // ---- actor
    kw!("impact" in Actor, opens Some(Impact), "impact ID \"behaviour\" { … }",
        "A change in the actor's behaviour that serves the goal.", repeat true,
        "impact ${1:id} \"${2:behaviour change}\" {\n\tkpi \"${3:Name}\" target ${4:10}\n\tvia ${5:touchpoint}\n}"),
    // ---- impact
    kw!("kpi" in Impact, opens None, "kpi [ID] \"name\" [target VALUE] [unit \"unit\"]",
        "How the behaviour change is measured.", repeat true, "kpi \"${1:Name}\" target ${2:10}"),
    kw!("via" in Impact, opens None, "via ID, …", "The touchpoints that deliver this impact.", repeat true, "via ${1:touchpoint}"),
    kw!("deliverable" in Impact, opens None, "deliverable [ID] \"title\" [via ID, …]",
        "Something to build or do for this impact, and the touchpoints it becomes.", repeat true,
        "deliverable \"${1:What we build}\" via ${2:touchpoint}"),
];

/// `allow CHECK "reason"`: silences one check on the enclosing definition.
pub const ALLOW: Keyword = Keyword {
    name: "allow",
    context: TopLevel,
    opens: None,
    signature: "allow CHECK \"reason\"",
    doc: "Silences one check or lint for this definition. The reason is required.",
    repeatable: true,
    snippet: "allow \"${1:check-name}\" \"${2:reason}\"",
};

/// The statement named `name` in `context`.
///
/// Asked for every statement of every file: a hash lookup rather than a
/// scan of [`KEYWORDS`] comparing names.
pub fn keyword(name: &str, context: Context) -> Option<&'static Keyword> {
    type Table = rustc_hash::FxHashMap<(Context, &'static str), &'static Keyword>;
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: Table = KEYWORDS.iter().map(|k| ((k.context, k.name), k)).collect();
        for &c in DEFS {
            t.insert((c, ALLOW.name), &ALLOW);
        }
        t
    });
    table.get(&(context, name)).copied()
}

/// Every statement valid in `context`, `allow` included where it applies.
pub fn keywords_in(context: Context) -> impl Iterator<Item = &'static Keyword> {
    let allow = DEFS.contains(&context).then_some(&ALLOW);
    KEYWORDS
        .iter()
        .filter(move |k| k.context == context)
        .chain(allow)
}

/// The contexts where `name` is a statement, for "belongs in …" messages.
pub fn contexts_of(name: &str) -> Vec<Context> {
    let mut v: Vec<Context> = KEYWORDS
        .iter()
        .filter(|k| k.name == name)
        .map(|k| k.context)
        .collect();
    if name == ALLOW.name {
        v.extend_from_slice(DEFS);
    }
    v
}

/// A fixed word that may stand as an argument value, with its meaning.
#[derive(Debug, Clone, Copy)]
pub struct EnumValue {
    pub name: &'static str,
    pub doc: &'static str,
}

macro_rules! values {
    ($($name:literal => $doc:literal),* $(,)?) => { &[$(EnumValue { name: $name, doc: $doc }),*] };
}

pub const PHASE_KINDS: &[EnumValue] = values![
    "awareness" => "The customer becomes aware of a need or of the brand.",
    "consideration" => "The customer looks for information and compares options.",
    "decision" => "The customer decides for (or against) an offer.",
    "purchase" => "The customer buys or signs.",
    "onboarding" => "The customer gets started with the product or service.",
    "usage" => "The customer uses the product or service.",
    "loyalty" => "The customer stays, renews and buys again.",
    "advocacy" => "The customer recommends the brand to others.",
    "offboarding" => "The customer leaves; the relationship ends well or badly.",
    "custom" => "A phase of a model of your own.",
];

pub const STATES: &[EnumValue] = values![
    "current" => "Exists today: part of the status-quo journey.",
    "planned" => "Does not exist yet: part of the target journey.",
];

pub const IMPORTANCE: &[EnumValue] = values![
    "low" => "Nice to have.",
    "medium" => "Matters to the journey.",
    "high" => "Important: should be monitored.",
    "critical" => "The journey fails without it: must be monitored.",
];

pub const PRESENCE: &[EnumValue] = values![
    "online" => "A digital touchpoint.",
    "offline" => "A physical or personal touchpoint.",
];

pub const YES_NO: &[EnumValue] = values!["yes" => "Yes.", "no" => "No."];

pub const LEGAL_BASES: &[EnumValue] = values![
    "consent" => "The person has agreed (GDPR Art. 6(1)(a)).",
    "contract" => "Needed to fulfil a contract with the person (Art. 6(1)(b)).",
    "legal_obligation" => "Required by law (Art. 6(1)(c)).",
    "vital_interest" => "Protects someone's life (Art. 6(1)(d)).",
    "public_task" => "A task in the public interest (Art. 6(1)(e)).",
    "legitimate_interest" => "A legitimate interest that outweighs the person's (Art. 6(1)(f)).",
];

/// A channel the language knows, with whether it is online by default.
#[derive(Debug, Clone, Copy)]
pub struct Channel {
    pub name: &'static str,
    pub online: bool,
    pub doc: &'static str,
}

pub const CHANNELS: &[Channel] = &[
    Channel {
        name: "web",
        online: true,
        doc: "Website or web shop.",
    },
    Channel {
        name: "search",
        online: true,
        doc: "Search engines, paid or organic.",
    },
    Channel {
        name: "social",
        online: true,
        doc: "Social networks (LinkedIn, Instagram …).",
    },
    Channel {
        name: "email",
        online: true,
        doc: "E-mail, including newsletters.",
    },
    Channel {
        name: "newsletter",
        online: true,
        doc: "A newsletter.",
    },
    Channel {
        name: "ads",
        online: true,
        doc: "Online advertising.",
    },
    Channel {
        name: "app",
        online: true,
        doc: "A mobile or desktop app.",
    },
    Channel {
        name: "chat",
        online: true,
        doc: "Live chat or messenger.",
    },
    Channel {
        name: "sms",
        online: true,
        doc: "Text messages.",
    },
    Channel {
        name: "video",
        online: true,
        doc: "Video platforms and webinars.",
    },
    Channel {
        name: "review",
        online: true,
        doc: "Review and comparison sites.",
    },
    Channel {
        name: "community",
        online: true,
        doc: "Forums and user communities.",
    },
    Channel {
        name: "phone",
        online: false,
        doc: "Phone calls and hotlines.",
    },
    Channel {
        name: "store",
        online: false,
        doc: "A physical shop or branch.",
    },
    Channel {
        name: "event",
        online: false,
        doc: "Fairs, meet-ups, workshops.",
    },
    Channel {
        name: "print",
        online: false,
        doc: "Print: catalogues, flyers, magazines.",
    },
    Channel {
        name: "mail",
        online: false,
        doc: "Letters and parcels by post.",
    },
    Channel {
        name: "field",
        online: false,
        doc: "Field sales and on-site visits.",
    },
    Channel {
        name: "partner",
        online: false,
        doc: "Resellers and partners.",
    },
    Channel {
        name: "outdoor",
        online: false,
        doc: "Posters and out-of-home advertising.",
    },
    Channel {
        name: "tv",
        online: false,
        doc: "Television.",
    },
    Channel {
        name: "radio",
        online: false,
        doc: "Radio.",
    },
    Channel {
        name: "word_of_mouth",
        online: false,
        doc: "Recommendations between people.",
    },
];

pub fn channel(name: &str) -> Option<&'static Channel> {
    CHANNELS.iter().find(|c| c.name == name)
}

/// Words with a fixed meaning inside statements (`target`, `unit`, `via` …),
/// for highlighting and hover.
pub const CLAUSE_WORDS: &[EnumValue] = values![
    "target" => "The value to reach.",
    "unit" => "The unit of the value.",
    "current" => "Today's value.",
    "by" => "The deadline (a date, YYYY-MM-DD).",
    "via" => "The touchpoints that deliver it.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_definition_opens_a_context_that_has_statements() {
        for k in KEYWORDS {
            if let Some(ctx) = k.opens {
                assert!(
                    keywords_in(ctx).next().is_some(),
                    "{} opens an empty context",
                    k.name
                );
            }
        }
    }

    #[test]
    fn keywords_are_unique_per_context() {
        for (i, a) in KEYWORDS.iter().enumerate() {
            for b in &KEYWORDS[i + 1..] {
                assert!(
                    !(a.name == b.name && a.context == b.context),
                    "{} twice in {:?}",
                    a.name,
                    a.context
                );
            }
        }
    }

    #[test]
    fn allow_only_in_definitions() {
        assert!(keyword("allow", Touchpoint).is_some());
        assert!(keyword("allow", TopLevel).is_none());
        assert!(keyword("allow", Empathy).is_none());
    }
}

#[cfg(test)]
mod lookup_tests {
    use super::*;

    #[test]
    fn the_lists_of_ids_are_the_statements_that_name_several() {
        let lists: Vec<(Context, &str)> = KEYWORDS
            .iter()
            .filter(|k| k.lists_ids())
            .map(|k| (k.context, k.name))
            .collect();
        assert_eq!(
            lists,
            [
                (Journey, "phases"),
                (Persona, "channels"),
                (Phase, "teams"),
                (Phase, "systems"),
                (Touchpoint, "systems"),
                (Touchpoint, "serves"),
                (Touchpoint, "next"),
                (Touchpoint, "keeps"),
                (Impact, "via"),
            ]
        );
    }

    #[test]
    fn lookup_finds_every_keyword_and_allow_only_in_definitions() {
        for (i, k) in KEYWORDS.iter().enumerate() {
            let found = keyword(k.name, k.context).expect("listed keyword");
            assert_eq!(
                (found.name, found.context, found.signature),
                (k.name, k.context, k.signature)
            );
            assert!(
                KEYWORDS[..i]
                    .iter()
                    .all(|e| (e.context, e.name) != (k.context, k.name)),
                "{} in {:?} is listed twice",
                k.name,
                k.context
            );
        }
        for c in DEFS {
            assert_eq!(keyword("allow", *c).unwrap().signature, ALLOW.signature);
        }
        assert!(keyword("allow", TopLevel).is_none());
        assert!(keyword("phase", Phase).is_none());
        assert!(keyword("", TopLevel).is_none());
    }
}
