//! Typed views of the syntax tree: a journey, persona, phase … read
//! against the [`crate::schema`] straight from the [`SyntaxTree`] and the
//! source, with nothing copied.
//!
//! A view is a statement of the tree and the source. Its id, title and
//! spans are read when the view is made (a definition without a readable
//! id is not a definition); every other attribute is read when it is
//! asked for, by the same reader that validation reports with
//! ([`crate::validate`]), so the views never read a statement differently
//! from what the diagnostics say about it. As validation does, a view
//! reads the first of a statement that may stand once in a block (a
//! second one is reported and ignored) and every one of a statement that
//! may repeat; statements the schema does not admit in the block are not
//! read.

mod values;

pub use values::*;

use crate::schema::{self, Context};
use crate::tree::{Statement, SyntaxTree};
use crate::validate::Reader;
use journey_diagnostics::{FileId, Span};

/// One file's definitions, read from its tree and source.
#[derive(Debug, Clone, Copy)]
pub struct File<'a> {
    src: &'a str,
    tree: &'a SyntaxTree,
}

impl<'a> File<'a> {
    pub fn new(src: &'a str, tree: &'a SyntaxTree) -> Self {
        File { src, tree }
    }

    /// The top-level items, in source order.
    pub fn items(self) -> impl Iterator<Item = Item<'a>> + 'a {
        let src = self.src;
        self.tree
            .statements()
            .filter_map(move |stmt| Item::cast(src, stmt))
    }

    /// The item whose statement is node `index` of the tree.
    pub fn item_at(self, index: usize) -> Option<Item<'a>> {
        Item::cast(self.src, self.tree.statement_at(index)?)
    }

    pub fn imports(self) -> impl Iterator<Item = Import<'a>> + 'a {
        self.items().filter_map(|i| match i {
            Item::Import(x) => Some(x),
            _ => None,
        })
    }

    pub fn journeys(self) -> impl Iterator<Item = Journey<'a>> + 'a {
        self.items().filter_map(|i| match i {
            Item::Journey(x) => Some(x),
            _ => None,
        })
    }

    pub fn personas(self) -> impl Iterator<Item = Persona<'a>> + 'a {
        self.items().filter_map(|i| match i {
            Item::Persona(x) => Some(x),
            _ => None,
        })
    }

    pub fn phases(self) -> impl Iterator<Item = Phase<'a>> + 'a {
        self.items().filter_map(|i| match i {
            Item::Phase(x) => Some(x),
            _ => None,
        })
    }

    pub fn goals(self) -> impl Iterator<Item = Goal<'a>> + 'a {
        self.items().filter_map(|i| match i {
            Item::Goal(x) => Some(x),
            _ => None,
        })
    }
}

/// A top-level item.
#[derive(Debug, Clone)]
pub enum Item<'a> {
    Import(Import<'a>),
    Journey(Journey<'a>),
    Persona(Persona<'a>),
    Phase(Phase<'a>),
    Goal(Goal<'a>),
}

impl<'a> Item<'a> {
    /// The item `stmt` is at the top level, if it is one.
    fn cast(src: &'a str, stmt: Statement<'a>) -> Option<Self> {
        Some(match stmt.keyword_text(src) {
            "import" => Item::Import(quiet(src, |l| l.import(stmt))?),
            "journey" => Item::Journey(Journey::cast(src, stmt)?),
            "persona" => Item::Persona(Persona::cast(src, stmt)?),
            "phase" => Item::Phase(Phase::cast(src, stmt)?),
            "goal" => Item::Goal(Goal::cast(src, stmt)?),
            _ => return None,
        })
    }

    /// The whole statement, block included.
    pub fn span(&self) -> Span {
        match self {
            Item::Import(x) => x.span,
            Item::Journey(x) => x.spans.full,
            Item::Persona(x) => x.spans.full,
            Item::Phase(x) => x.spans.full,
            Item::Goal(x) => x.spans.full,
        }
    }
}

/// Reads with a reader that reports nothing: validation has reported
/// (or will report) the same statement's problems.
fn quiet<'a, T>(src: &'a str, read: impl FnOnce(&mut Reader<'a, '_>) -> T) -> T {
    let mut ignored = Vec::new();
    read(&mut Reader::new(src, FileId(0), &mut ignored))
}

/// A definition's statement and the source, with the lookups every view
/// shares.
#[derive(Debug, Clone, Copy)]
struct Def<'a> {
    src: &'a str,
    stmt: Statement<'a>,
}

impl<'a> Def<'a> {
    /// The statements of the block named `keyword`, in order.
    fn all(self, keyword: &'static str) -> impl Iterator<Item = Statement<'a>> + 'a {
        let src = self.src;
        self.stmt
            .block()
            .into_iter()
            .flat_map(|b| b.statements())
            .filter(move |s| s.keyword_is(src, keyword))
    }

    /// The first statement named `keyword`: the one that counts.
    fn first(self, keyword: &'static str) -> Option<Statement<'a>> {
        self.all(keyword).next()
    }

    fn read<T>(
        self,
        stmt: Statement<'a>,
        read: impl FnOnce(&mut Reader<'a, '_>, Statement<'a>) -> T,
    ) -> T {
        quiet(self.src, |l| read(l, stmt))
    }

    fn text(self, keyword: &'static str) -> Option<Text<'a>> {
        let s = self.first(keyword)?;
        self.read(s, |l, s| l.one_text(s, ""))
    }

    fn ident(self, keyword: &'static str) -> Option<Name<'a>> {
        let s = self.first(keyword)?;
        self.read(s, |l, s| l.one_ident(s, ""))
    }

    /// The identifiers of the statement that may stand once.
    fn idents(self, keyword: &'static str) -> Vec<Name<'a>> {
        self.first(keyword)
            .map(|s| self.read(s, |l, s| l.many_idents(s, "")))
            .unwrap_or_default()
    }

    /// The identifiers of every statement named `keyword`.
    fn all_idents(self, keyword: &'static str) -> Vec<Name<'a>> {
        self.all(keyword)
            .flat_map(|s| self.read(s, |l, s| l.many_idents(s, "")))
            .collect()
    }

    /// The strings of every statement named `keyword`.
    fn texts(self, keyword: &'static str) -> Vec<Text<'a>> {
        self.all(keyword)
            .flat_map(|s| self.read(s, |l, s| l.many_texts(s, "")))
            .collect()
    }

    fn kpis(self) -> Vec<Kpi<'a>> {
        self.all("kpi")
            .filter_map(|s| self.read(s, |l, s| l.kpi(s)))
            .collect()
    }

    fn allows(self) -> Vec<Allow<'a>> {
        self.all("allow")
            .filter_map(|s| self.read(s, |l, s| l.allow(s)))
            .collect()
    }

    /// The definitions named `keyword` in the block that have an id.
    fn defs<T: 'a>(
        self,
        keyword: &'static str,
        cast: fn(&'a str, Statement<'a>) -> Option<T>,
    ) -> impl Iterator<Item = T> + 'a {
        let src = self.src;
        self.all(keyword).filter_map(move |s| cast(src, s))
    }

    /// Each list of identifiers in the block, one per statement, in
    /// order: every statement of a repeatable list keyword (`next`,
    /// `via`), the first of the others.
    fn id_lists(self, context: Context) -> Vec<IdList<'a>> {
        let src = self.src;
        let mut once: Vec<&str> = Vec::new();
        let Some(block) = self.stmt.block() else {
            return Vec::new();
        };
        block
            .statements()
            .filter_map(|s| {
                let keyword = schema::keyword(s.keyword_text(src), context)?;
                if !keyword.lists_ids() {
                    return None;
                }
                if !keyword.repeatable {
                    if once.contains(&keyword.name) {
                        return None;
                    }
                    once.push(keyword.name);
                }
                Some(IdList {
                    keyword: keyword.name,
                    statement: s.span(),
                    ids: self.read(s, |l, s| l.many_idents(s, "")),
                })
            })
            .collect()
    }

    /// The id and title of a definition, and its spans; `None` when the
    /// id is missing or not an identifier.
    fn header(
        src: &'a str,
        stmt: Statement<'a>,
    ) -> Option<(Self, Name<'a>, Option<Text<'a>>, Spans)> {
        let (id, title) = quiet(src, |l| l.header(stmt))?;
        let spans = Spans {
            full: stmt.span(),
            keyword: stmt.keyword(),
        };
        Some((Def { src, stmt }, id, title, spans))
    }
}

/// Declares a definition view: the header's parts as fields, the rest as
/// methods.
macro_rules! definition {
    ($(#[$doc:meta])* $name:ident, $title:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name<'a> {
            def: Def<'a>,
            pub id: Name<'a>,
            pub $title: Option<Text<'a>>,
            pub spans: Spans,
        }

        impl<'a> $name<'a> {
            /// The definition `stmt` is, if its id is readable.
            pub fn cast(src: &'a str, stmt: Statement<'a>) -> Option<Self> {
                let (def, id, $title, spans) = Def::header(src, stmt)?;
                Some($name {
                    def,
                    id,
                    $title,
                    spans,
                })
            }

            /// The statement this view reads.
            pub fn statement(&self) -> Statement<'a> {
                self.def.stmt
            }

            /// `allow CHECK "reason"` statements.
            pub fn allows(&self) -> Vec<Allow<'a>> {
                self.def.allows()
            }

            /// The lists of identifiers in the block (`serves a, b`,
            /// `next c`), one per statement, in order.
            pub fn id_lists(&self) -> Vec<IdList<'a>> {
                self.def.id_lists(Context::$name)
            }
        }
    };
}

definition!(
    /// `journey ID "title" { … }`.
    Journey,
    title
);
definition!(
    /// `persona ID "name" { … }`.
    Persona,
    name
);
definition!(
    /// `phase ID "title" { … }`.
    Phase,
    title
);
definition!(
    /// `touchpoint ID "title" { … }` in a phase.
    Touchpoint,
    title
);
definition!(
    /// `goal ID "title" { … }`: the top of an impact map.
    Goal,
    title
);
definition!(
    /// `actor ID ["title"] { … }` in a goal.
    Actor,
    title
);
definition!(
    /// `impact ID "behaviour" { … }` in an actor.
    Impact,
    title
);

impl<'a> Journey<'a> {
    /// The value proposition.
    pub fn value(&self) -> Option<Text<'a>> {
        self.def.text("value")
    }
    pub fn description(&self) -> Option<Text<'a>> {
        self.def.text("description")
    }
    /// The executive who backs the journey.
    pub fn sponsor(&self) -> Option<Text<'a>> {
        self.def.text("sponsor")
    }
    /// The `phases` list, as written.
    pub fn phases(&self) -> Vec<Name<'a>> {
        self.def.idents("phases")
    }
    /// The span of the whole `phases` statement.
    pub fn phases_span(&self) -> Option<Span> {
        self.def.first("phases").map(Statement::span)
    }
    pub fn loop_back(&self) -> Option<Loop<'a>> {
        let s = self.def.first("loop")?;
        self.def.read(s, |l, s| l.loop_back(s))
    }
    /// What backs the claims of the value proposition.
    pub fn evidence(&self) -> Vec<Text<'a>> {
        self.def.texts("evidence")
    }
    /// Small print qualifying the value proposition.
    pub fn disclaimers(&self) -> Vec<Text<'a>> {
        self.def.texts("disclaimer")
    }
}

/// `empathy { … }` in a persona.
#[derive(Debug, Clone)]
pub struct Empathy<'a> {
    def: Def<'a>,
    pub span: Span,
}

impl<'a> Empathy<'a> {
    pub fn says(&self) -> Vec<Text<'a>> {
        self.def.texts("says")
    }
    pub fn thinks(&self) -> Vec<Text<'a>> {
        self.def.texts("thinks")
    }
    pub fn does(&self) -> Vec<Text<'a>> {
        self.def.texts("does")
    }
    pub fn feels(&self) -> Vec<Text<'a>> {
        self.def.texts("feels")
    }
}

impl<'a> Persona<'a> {
    pub fn role(&self) -> Option<Text<'a>> {
        self.def.text("role")
    }
    pub fn description(&self) -> Option<Text<'a>> {
        self.def.text("description")
    }
    /// What the persona rests on: interviews, surveys, data.
    pub fn evidence(&self) -> Option<Text<'a>> {
        self.def.text("evidence")
    }
    pub fn needs(&self) -> Vec<Text<'a>> {
        self.def.texts("needs")
    }
    pub fn pains(&self) -> Vec<Text<'a>> {
        self.def.texts("pains")
    }
    pub fn gains(&self) -> Vec<Text<'a>> {
        self.def.texts("gains")
    }
    pub fn goals(&self) -> Vec<Text<'a>> {
        self.def.texts("goals")
    }
    pub fn channels(&self) -> Vec<Name<'a>> {
        self.def.idents("channels")
    }
    pub fn empathy(&self) -> Option<Empathy<'a>> {
        let stmt = self.def.first("empathy")?;
        Some(Empathy {
            def: Def {
                src: self.def.src,
                stmt,
            },
            span: stmt.span(),
        })
    }
}

impl<'a> Phase<'a> {
    /// The kind as written (`awareness` …), known or not.
    pub fn kind(&self) -> Option<Name<'a>> {
        self.def.ident("kind")
    }
    /// The customer's central question.
    pub fn question(&self) -> Option<Text<'a>> {
        self.def.text("question")
    }
    pub fn activities(&self) -> Vec<Text<'a>> {
        self.def.texts("activities")
    }
    /// The customer's goals in this phase.
    pub fn wants(&self) -> Vec<Text<'a>> {
        self.def.texts("wants")
    }
    /// The business goal.
    pub fn objective(&self) -> Option<Text<'a>> {
        self.def.text("objective")
    }
    /// The core message.
    pub fn message(&self) -> Option<Text<'a>> {
        self.def.text("message")
    }
    /// What the core message supports (`supports ID|"text", …`).
    pub fn supports(&self) -> Vec<Support<'a>> {
        self.def
            .all("supports")
            .flat_map(|s| self.def.read(s, |l, s| l.supports(s)))
            .collect()
    }
    /// Promises made in this phase (`promise ID "text"`).
    pub fn promises(&self) -> Vec<Promise<'a>> {
        self.def
            .all("promise")
            .filter_map(|s| self.def.read(s, |l, s| l.promise(s)))
            .collect()
    }
    /// What backs the claims of the message and the promises.
    pub fn evidence(&self) -> Vec<Text<'a>> {
        self.def.texts("evidence")
    }
    /// Small print qualifying the message and the promises.
    pub fn disclaimers(&self) -> Vec<Text<'a>> {
        self.def.texts("disclaimer")
    }
    pub fn kpis(&self) -> Vec<Kpi<'a>> {
        self.def.kpis()
    }
    pub fn backstage(&self) -> Vec<Text<'a>> {
        self.def.texts("backstage")
    }
    pub fn teams(&self) -> Vec<Name<'a>> {
        self.def.idents("teams")
    }
    pub fn systems(&self) -> Vec<Name<'a>> {
        self.def.idents("systems")
    }
    /// The phase's moments of truth.
    pub fn moments(&self) -> Vec<Text<'a>> {
        self.def.texts("moment")
    }
    pub fn touchpoints(&self) -> impl Iterator<Item = Touchpoint<'a>> + 'a {
        self.def.defs("touchpoint", Touchpoint::cast)
    }
}

impl<'a> Touchpoint<'a> {
    /// The channel and the presence after it, read once: for readers that
    /// want both ([`Touchpoint::channel`] and [`Touchpoint::presence`]
    /// each read the statement).
    pub fn channel_statement(&self) -> Channel<'a> {
        match self.def.first("channel") {
            Some(s) => self.def.read(s, |l, s| l.channel(s)),
            None => Channel {
                channel: None,
                presence: None,
            },
        }
    }
    pub fn channel(&self) -> Option<Name<'a>> {
        self.channel_statement().channel
    }
    /// `online` or `offline` after the channel, as written.
    pub fn presence(&self) -> Option<Name<'a>> {
        self.channel_statement().presence
    }
    /// The owning team.
    pub fn owner(&self) -> Option<Name<'a>> {
        self.def.ident("owner")
    }
    pub fn systems(&self) -> Vec<Name<'a>> {
        self.def.idents("systems")
    }
    pub fn kpis(&self) -> Vec<Kpi<'a>> {
        self.def.kpis()
    }
    /// The personas served, as written.
    pub fn serves(&self) -> Vec<Name<'a>> {
        self.def.idents("serves")
    }
    /// The copy.
    pub fn says(&self) -> Vec<Text<'a>> {
        self.def.texts("says")
    }
    pub fn expectation(&self) -> Option<Score> {
        let s = self.def.first("expectation")?;
        self.def.read(s, |l, s| l.score_statement(s))
    }
    /// The experience statement: today's score and the one aimed for.
    pub fn experience_statement(&self) -> Option<Experience> {
        let s = self.def.first("experience")?;
        self.def.read(s, |l, s| l.experience(s))
    }
    /// Today's experience (the status quo).
    pub fn experience(&self) -> Option<Score> {
        self.experience_statement()?.now
    }
    /// The experience aimed for (`experience … target SCORE`).
    pub fn target_experience(&self) -> Option<Score> {
        self.experience_statement()?.target
    }
    /// Each persona's own scores (`for PERSONA …`), in order.
    pub fn persona_scores(&self) -> Vec<PersonaScores<'a>> {
        self.def
            .all("for")
            .filter_map(|s| self.def.read(s, |l, s| l.persona_scores(s)))
            .collect()
    }
    /// A deliberate over-delivery (`wow`, `wow "why"`).
    pub fn wow(&self) -> Option<Moment<'a>> {
        let s = self.def.first("wow")?;
        self.def.read(s, |l, s| l.moment(s))
    }
    pub fn cost(&self) -> Option<Cost<'a>> {
        let s = self.def.first("cost")?;
        self.def.read(s, |l, s| l.cost(s))
    }
    /// The touchpoints the customer goes on to (`next ID, …`).
    pub fn next(&self) -> Vec<Name<'a>> {
        self.def.all_idents("next")
    }
    pub fn importance(&self) -> Option<Name<'a>> {
        self.def.ident("importance")
    }
    pub fn monitored(&self) -> Option<Flag> {
        let s = self.def.first("monitored")?;
        self.def.read(s, |l, s| l.monitored(s))
    }
    /// `current` or `planned`, as written.
    pub fn state(&self) -> Option<Name<'a>> {
        self.def.ident("state")
    }
    pub fn moment(&self) -> Option<Moment<'a>> {
        let s = self.def.first("moment")?;
        self.def.read(s, |l, s| l.moment(s))
    }
    /// The personal data collected.
    pub fn collects(&self) -> Vec<Text<'a>> {
        self.def.texts("collects")
    }
    /// The legal basis for the data collected.
    pub fn basis(&self) -> Option<Name<'a>> {
        self.def.ident("basis")
    }
    pub fn description(&self) -> Option<Text<'a>> {
        self.def.text("description")
    }
    /// The promises this touchpoint keeps (`keeps ID, …`).
    pub fn keeps(&self) -> Vec<Name<'a>> {
        self.def.all_idents("keeps")
    }
    /// What backs the claims of the copy.
    pub fn evidence(&self) -> Vec<Text<'a>> {
        self.def.texts("evidence")
    }
    /// Small print shown with the copy.
    pub fn disclaimers(&self) -> Vec<Text<'a>> {
        self.def.texts("disclaimer")
    }
}

impl<'a> Goal<'a> {
    pub fn metric(&self) -> Option<Metric<'a>> {
        let s = self.def.first("metric")?;
        self.def.read(s, |l, s| l.metric(s))
    }
    pub fn description(&self) -> Option<Text<'a>> {
        self.def.text("description")
    }
    pub fn actors(&self) -> impl Iterator<Item = Actor<'a>> + 'a {
        self.def.defs("actor", Actor::cast)
    }
}

impl<'a> Actor<'a> {
    pub fn impacts(&self) -> impl Iterator<Item = Impact<'a>> + 'a {
        self.def.defs("impact", Impact::cast)
    }
}

impl<'a> Impact<'a> {
    pub fn kpis(&self) -> Vec<Kpi<'a>> {
        self.def.kpis()
    }
    /// The touchpoints of `via`, as written.
    pub fn via(&self) -> Vec<Name<'a>> {
        self.def.all_idents("via")
    }
    pub fn deliverables(&self) -> Vec<Deliverable<'a>> {
        self.def
            .all("deliverable")
            .filter_map(|s| self.def.read(s, |l, s| l.deliverable(s)))
            .collect()
    }
}
