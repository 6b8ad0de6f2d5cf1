//! Which reader each attribute statement takes, and how a message names
//! what it wants: the one table validation and the views agree on.

use crate::schema::Context::{self, *};

/// The kind of arguments a statement has; each has one reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// One string.
    Text,
    /// One or more strings.
    Texts,
    /// One identifier.
    Ident,
    /// One or more identifiers.
    Idents,
    Import,
    Loop,
    Kpi,
    Supports,
    Promise,
    Channel,
    Score,
    /// `experience [SCORE] [target SCORE]`.
    Experience,
    /// `for PERSONA [expectation S] [experience S] [target S] [feeling "…"]`.
    PersonaScores,
    Cost,
    Flag,
    Moment,
    Metric,
    Deliverable,
    Allow,
    /// A keyword the schema does not list in this context.
    Unknown,
}

/// The reader of `keyword` in `ctx`, and what it wants, for messages.
pub(crate) fn shape(ctx: Context, keyword: &str) -> (Shape, &'static str) {
    use Shape::*;
    match (ctx, keyword) {
        (_, "allow") => (Allow, ""),
        (TopLevel, "import") => (Import, ""),
        (Journey | Persona | Touchpoint | Goal, "description") => (Text, "a description"),
        (Journey, "value") => (Text, "the value proposition"),
        (Journey, "phases") => (Idents, "the phases in order"),
        (Journey, "loop") => (Loop, ""),
        (Journey | Phase | Touchpoint, "evidence") => (Texts, "what backs the claims"),
        (Journey | Phase | Touchpoint, "disclaimer") => (Texts, "the small print"),
        (Persona, "role") => (Text, "the persona's role"),
        (Persona, "evidence") => (Text, "the evidence, e.g. \"12 interviews, 2026\""),
        (Persona, "needs") => (Texts, "one or more needs"),
        (Persona, "pains") => (Texts, "one or more pains"),
        (Persona, "gains") => (Texts, "one or more gains"),
        (Persona, "goals") => (Texts, "one or more goals"),
        (Persona, "channels") => (Idents, "one or more channels"),
        (Empathy, "says" | "thinks" | "does" | "feels") => (Texts, "one or more texts"),
        (Phase, "kind") => (Ident, "the kind of phase"),
        (Phase, "question") => (Text, "the customer's central question"),
        (Phase, "activities") => (Texts, "one or more activities"),
        (Phase, "wants") => (Texts, "one or more customer goals"),
        (Phase, "objective") => (Text, "the business goal"),
        (Phase, "message") => (Text, "the core message"),
        (Phase, "supports") => (Supports, ""),
        (Phase, "promise") => (Promise, ""),
        (Phase | Touchpoint | Impact, "kpi") => (Kpi, ""),
        (Phase, "backstage") => (Texts, "one or more organisational activities"),
        (Phase, "teams") => (Idents, "one or more teams"),
        (Phase | Touchpoint, "systems") => (Idents, "one or more IT systems"),
        (Phase, "moment") => (Texts, "a moment of truth"),
        (Touchpoint, "channel") => (Channel, ""),
        (Touchpoint, "owner") => (Ident, "the owning team"),
        (Touchpoint, "serves") => (Idents, "one or more personas"),
        (Touchpoint, "says") => (Texts, "the copy"),
        (Touchpoint, "expectation") => (Score, ""),
        (Touchpoint, "experience") => (Experience, ""),
        (Touchpoint, "for") => (PersonaScores, ""),
        (Touchpoint, "wow") => (Moment, ""),
        (Touchpoint, "cost") => (Cost, ""),
        (Touchpoint, "next") => (Idents, "one or more touchpoints"),
        (Journey, "sponsor") => (Text, "the sponsor's name and role"),
        (Touchpoint, "importance") => (Ident, "low, medium, high or critical"),
        (Touchpoint, "monitored") => (Flag, ""),
        (Touchpoint, "state") => (Ident, "`current` or `planned`"),
        (Touchpoint, "moment") => (Moment, ""),
        (Touchpoint, "collects") => (Texts, "the personal data collected"),
        (Touchpoint, "basis") => (Ident, "the legal basis"),
        (Touchpoint, "keeps") => (Idents, "one or more promises"),
        (Goal, "metric") => (Metric, ""),
        (Impact, "via") => (Idents, "one or more touchpoints"),
        (Impact, "deliverable") => (Deliverable, ""),
        _ => (Unknown, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::KEYWORDS;

    /// Every attribute statement of the schema has a reader, so nothing
    /// the schema admits goes unread.
    #[test]
    fn every_attribute_of_the_schema_has_a_reader() {
        for kw in KEYWORDS.iter().filter(|k| k.opens.is_none()) {
            assert_ne!(
                shape(kw.context, kw.name).0,
                Shape::Unknown,
                "`{}` in {:?}",
                kw.name,
                kw.context
            );
        }
    }
}
