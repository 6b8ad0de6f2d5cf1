//! Lowering: the generic tree read against the [`crate::schema`] into the
//! typed [`crate::ast`].
//!
//! Each statement is checked for its place (is the keyword valid in this
//! block?), its arguments (kind and number) and its block. Problems are
//! reported and the statement is kept as far as it was understood, so a
//! wrong argument in one line loses nothing else.

use crate::ast::*;
use crate::codes;
use crate::schema::{self, Context};
use crate::text;
use crate::tree::{Arg, Block, Statement, SyntaxTree, Value, ValueKind};
use journey_diagnostics::{Diagnostic, FileId, Span};
use std::collections::HashMap;

mod args;
use args::{Slot, UnitAfter, Want};

pub(crate) struct Lowerer<'a> {
    src: &'a str,
    file: FileId,
    diags: &'a mut Vec<Diagnostic>,
}

impl<'a> Lowerer<'a> {
    pub(crate) fn new(src: &'a str, file: FileId, diags: &'a mut Vec<Diagnostic>) -> Self {
        Lowerer { src, file, diags }
    }

    fn name(&self, v: Value) -> Name {
        Name {
            text: v.text(self.src).to_string(),
            span: v.span,
        }
    }

    fn text(&mut self, v: Value) -> Text {
        match v.kind {
            ValueKind::Str(shape) => text::decode(self.src, v.span, shape, self.file, self.diags),
            _ => unreachable!("text() on a non-string value"),
        }
    }

    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    // ---- statements and blocks -------------------------------------------

    /// The statements of `block` valid in `ctx`, each with its schema entry.
    /// Reports unknown and misplaced keywords, block mismatches and
    /// single-valued statements given twice.
    fn statements<'s>(
        &mut self,
        block: Option<Block<'s>>,
        ctx: Context,
    ) -> Vec<(Statement<'s>, &'static schema::Keyword)> {
        let Some(block) = block else {
            return Vec::new();
        };
        let stmts: Vec<Statement<'s>> = block.statements().collect();
        self.check_statements(&stmts, ctx)
    }

    fn check_statements<'s>(
        &mut self,
        stmts: &[Statement<'s>],
        ctx: Context,
    ) -> Vec<(Statement<'s>, &'static schema::Keyword)> {
        let mut out = Vec::with_capacity(stmts.len());
        let mut seen: HashMap<&'static str, Span> = HashMap::new();
        for &stmt in stmts {
            let word = &self.src[stmt.keyword().range()];
            let Some(kw) = schema::keyword(word, ctx) else {
                self.unknown_keyword(stmt, word, ctx);
                continue;
            };
            match (kw.opens, stmt.block()) {
                (Some(_), None) => {
                    let at = Span::empty(stmt.span().end);
                    self.error(
                        Diagnostic::new(
                            &codes::BLOCK_EXPECTED,
                            self.file,
                            at,
                            format!("`{word}` needs a block `{{ … }}`"),
                        )
                        .with_secondary(self.file, stmt.keyword(), "this definition")
                        .with_label("expected `{` here")
                        .with_help(format!("write it as `{}`", kw.signature)),
                    );
                }
                (None, Some(block)) => {
                    self.error(
                        Diagnostic::new(
                            &codes::BLOCK_EXPECTED,
                            self.file,
                            block.open(),
                            format!("`{word}` takes no block"),
                        )
                        .with_label("unexpected block")
                        .with_help(format!("write it as `{}`", kw.signature)),
                    );
                }
                _ => {}
            }
            if !kw.repeatable {
                if let Some(first) = seen.get(kw.name) {
                    self.error(
                        Diagnostic::new(
                            &codes::DUPLICATE_ATTRIBUTE,
                            self.file,
                            stmt.keyword(),
                            format!("`{word}` is given twice in {}", ctx.describe()),
                        )
                        .with_label("given again here")
                        .with_secondary(self.file, *first, "first given here; this one counts")
                        .with_help("remove one of them"),
                    );
                    continue;
                }
                seen.insert(kw.name, stmt.keyword());
            }
            out.push((stmt, kw));
        }
        out
    }

    fn unknown_keyword(&mut self, stmt: Statement<'_>, word: &str, ctx: Context) {
        let elsewhere = schema::contexts_of(word);
        if !elsewhere.is_empty() {
            let places: Vec<&str> = elsewhere.iter().map(|c| c.describe()).collect();
            self.error(
                Diagnostic::new(
                    &codes::MISPLACED_STATEMENT,
                    self.file,
                    stmt.keyword(),
                    format!("`{word}` does not belong in {}", ctx.describe()),
                )
                .with_label(format!("not allowed in {}", ctx.describe()))
                .with_help(format!(
                    "`{word}` belongs in {}; is a `}}` missing or one too many?",
                    join_or(&places)
                )),
            );
            return;
        }
        let candidates: Vec<&str> = schema::keywords_in(ctx).map(|k| k.name).collect();
        let mut d = Diagnostic::new(
            &codes::UNKNOWN_KEYWORD,
            self.file,
            stmt.keyword(),
            format!("unknown keyword `{word}` in {}", ctx.describe()),
        )
        .with_label("unknown keyword");
        if let Some(best) = closest(word, &candidates) {
            d = d.with_help(format!("did you mean `{best}`?")).with_fix(
                format!("replace with `{best}`"),
                stmt.keyword(),
                best,
            );
        } else {
            d = d.with_help(format!(
                "{} admits: {}",
                ctx.describe(),
                candidates.join(", ")
            ));
        }
        self.error(d);
    }

    // ---- top level --------------------------------------------------------

    pub(crate) fn file(&mut self, stmts: &[Statement<'_>]) -> File {
        let mut items = Vec::new();
        for (stmt, kw) in self.check_statements(stmts, Context::TopLevel) {
            let item = match kw.name {
                "import" => {
                    let mut a = self.args(stmt);
                    let path = self.text_arg(&mut a, "the path of a `.journey` file");
                    self.finish(&a);
                    path.map(|path| {
                        Item::Import(Import {
                            path,
                            span: stmt.span(),
                        })
                    })
                }
                "journey" => self.journey(stmt).map(Item::Journey),
                "persona" => self.persona(stmt).map(Item::Persona),
                "phase" => self.phase(stmt).map(Item::Phase),
                "goal" => self.goal(stmt).map(Item::Goal),
                other => unreachable!("top-level keyword {other} without a handler"),
            };
            items.extend(item);
        }
        File { items }
    }

    /// `KEYWORD ID ["title"]`: the header of every definition.
    fn header(&mut self, stmt: Statement<'_>) -> Option<(Name, Option<Text>)> {
        let mut a = self.args(stmt);
        let id = self.ident(&mut a, "an identifier (the name other statements refer to)")?;
        let title = self.opt_text(&mut a);
        self.finish(&a);
        Some((id, title))
    }

    fn spans(stmt: Statement<'_>) -> Spans {
        Spans {
            full: stmt.span(),
            keyword: stmt.keyword(),
        }
    }

    fn allow(&mut self, stmt: Statement<'_>) -> Option<Allow> {
        let mut a = self.args(stmt);
        let (check, check_span) = match self.peek(&a) {
            Some(Arg::Value(v)) if v.kind == ValueKind::Ident => {
                a.pos += 1;
                (v.text(self.src).to_string(), v.span)
            }
            Some(Arg::Value(v)) if matches!(v.kind, ValueKind::Str(_)) => {
                a.pos += 1;
                let t = self.text(v);
                (t.value, v.span)
            }
            Some(other) => {
                self.wrong(&a, &other, Want::Text, "the code or name of a check");
                return None;
            }
            None => {
                self.missing(&a, Want::Text, "the code or name of a check");
                return None;
            }
        };
        let reason = self.opt_text(&mut a);
        self.finish(&a);
        Some(Allow {
            check,
            check_span,
            reason,
            span: stmt.span(),
        })
    }

    /// Reads a single text attribute.
    fn one_text(&mut self, stmt: Statement<'_>, what: &str) -> Option<Text> {
        let mut a = self.args(stmt);
        let t = self.text_arg(&mut a, what);
        self.finish(&a);
        t
    }

    fn many_texts(&mut self, stmt: Statement<'_>, what: &str) -> Vec<Text> {
        let mut a = self.args(stmt);
        let t = self.texts(&mut a, what);
        self.finish(&a);
        t
    }

    fn one_ident(&mut self, stmt: Statement<'_>, what: &str) -> Option<Name> {
        let mut a = self.args(stmt);
        let t = self.ident(&mut a, what);
        self.finish(&a);
        t
    }

    fn many_idents(&mut self, stmt: Statement<'_>, what: &str) -> Vec<Name> {
        let mut a = self.args(stmt);
        let t = self.idents(&mut a, what);
        self.finish(&a);
        t
    }

    fn journey(&mut self, stmt: Statement<'_>) -> Option<Journey> {
        let (id, title) = self.header(stmt)?;
        let mut j = Journey {
            id,
            title,
            value: None,
            description: None,
            phases: Vec::new(),
            phases_span: None,
            loop_back: None,
            evidence: Vec::new(),
            disclaimers: Vec::new(),
            allows: Vec::new(),
            spans: Self::spans(stmt),
        };
        for (s, kw) in self.statements(stmt.block(), Context::Journey) {
            match kw.name {
                "value" => j.value = self.one_text(s, "the value proposition"),
                "description" => j.description = self.one_text(s, "a description"),
                "phases" => {
                    j.phases = self.many_idents(s, "the phases in order");
                    j.phases_span = Some(s.span());
                }
                "loop" => j.loop_back = self.loop_back(s),
                "evidence" => j
                    .evidence
                    .extend(self.many_texts(s, "what backs the claims")),
                "disclaimer" => j.disclaimers.extend(self.many_texts(s, "the small print")),
                "allow" => j.allows.extend(self.allow(s)),
                other => unreachable!("journey statement {other} without a handler"),
            }
        }
        Some(j)
    }

    fn loop_back(&mut self, stmt: Statement<'_>) -> Option<Loop> {
        let mut a = self.args(stmt);
        let from = self.ident(&mut a, "the phase the loop starts from")?;
        match self.peek(&a) {
            Some(Arg::Arrow(_)) => a.pos += 1,
            Some(other) => {
                let d = Diagnostic::new(
                    &codes::INVALID_ARGUMENT,
                    self.file,
                    other.span(),
                    "`loop` expects `->` between the two phases",
                )
                .with_label("expected `->`")
                .with_help("write it as `loop loyalty -> awareness`");
                self.error(d);
                return None;
            }
            None => {
                let d = Diagnostic::new(
                    &codes::MISSING_ARGUMENT,
                    self.file,
                    self.missing_at(&a),
                    "`loop` needs `->` and the phase it returns to",
                )
                .with_label("expected `-> phase`")
                .with_help("write it as `loop loyalty -> awareness`");
                self.error(d);
                return None;
            }
        }
        let to = self.ident(&mut a, "the phase the loop returns to")?;
        self.finish(&a);
        Some(Loop {
            from,
            to,
            span: stmt.span(),
        })
    }

    fn persona(&mut self, stmt: Statement<'_>) -> Option<Persona> {
        let (id, name) = self.header(stmt)?;
        let mut p = Persona {
            id,
            name,
            role: None,
            description: None,
            evidence: None,
            needs: Vec::new(),
            pains: Vec::new(),
            gains: Vec::new(),
            goals: Vec::new(),
            channels: Vec::new(),
            empathy: None,
            allows: Vec::new(),
            spans: Self::spans(stmt),
        };
        for (s, kw) in self.statements(stmt.block(), Context::Persona) {
            match kw.name {
                "role" => p.role = self.one_text(s, "the persona's role"),
                "description" => p.description = self.one_text(s, "a description"),
                "evidence" => {
                    p.evidence = self.one_text(s, "the evidence, e.g. \"12 interviews, 2026\"")
                }
                "needs" => p.needs.extend(self.many_texts(s, "one or more needs")),
                "pains" => p.pains.extend(self.many_texts(s, "one or more pains")),
                "gains" => p.gains.extend(self.many_texts(s, "one or more gains")),
                "goals" => p.goals.extend(self.many_texts(s, "one or more goals")),
                "channels" => p.channels = self.many_idents(s, "one or more channels"),
                "empathy" => p.empathy = Some(self.empathy(s)),
                "allow" => p.allows.extend(self.allow(s)),
                other => unreachable!("persona statement {other} without a handler"),
            }
        }
        Some(p)
    }

    fn empathy(&mut self, stmt: Statement<'_>) -> Empathy {
        let a = self.args(stmt);
        self.finish(&a);
        let mut e = Empathy {
            span: stmt.span(),
            ..Empathy::default()
        };
        for (s, kw) in self.statements(stmt.block(), Context::Empathy) {
            let texts = self.many_texts(s, "one or more texts");
            match kw.name {
                "says" => e.says.extend(texts),
                "thinks" => e.thinks.extend(texts),
                "does" => e.does.extend(texts),
                "feels" => e.feels.extend(texts),
                other => unreachable!("empathy statement {other} without a handler"),
            }
        }
        e
    }

    fn kpi(&mut self, stmt: Statement<'_>) -> Option<Kpi> {
        let mut a = self.args(stmt);
        let id = self.opt_ident(&mut a, &["target", "unit"]);
        let name = self.text_arg(&mut a, "the KPI's name")?;
        let mut kpi = Kpi {
            id,
            name,
            target: None,
            unit: None,
            span: stmt.span(),
        };
        if self.clause(&mut a, "target") {
            let unit = match (a.args.get(a.pos + 1), a.args.get(a.pos + 2)) {
                (Some(Arg::Value(w)), u) if w.text(self.src) == "unit" => match u {
                    Some(Arg::Value(u)) if u.text(self.src) == "\"%\"" => UnitAfter::Percent,
                    _ => UnitAfter::Other,
                },
                _ => UnitAfter::Missing,
            };
            kpi.target = self.scalar(&mut a, "the target value", Slot::KpiTarget(unit));
        }
        if self.clause(&mut a, "unit") {
            kpi.unit = self.text_arg(&mut a, "the unit");
        }
        self.finish(&a);
        Some(kpi)
    }

    fn phase(&mut self, stmt: Statement<'_>) -> Option<Phase> {
        let (id, title) = self.header(stmt)?;
        let mut p = Phase {
            id,
            title,
            kind: None,
            question: None,
            activities: Vec::new(),
            wants: Vec::new(),
            objective: None,
            message: None,
            supports: Vec::new(),
            promises: Vec::new(),
            evidence: Vec::new(),
            disclaimers: Vec::new(),
            kpis: Vec::new(),
            backstage: Vec::new(),
            teams: Vec::new(),
            systems: Vec::new(),
            moments: Vec::new(),
            touchpoints: Vec::new(),
            allows: Vec::new(),
            spans: Self::spans(stmt),
        };
        for (s, kw) in self.statements(stmt.block(), Context::Phase) {
            match kw.name {
                "kind" => p.kind = self.one_ident(s, "the kind of phase"),
                "question" => p.question = self.one_text(s, "the customer's central question"),
                "activities" => p
                    .activities
                    .extend(self.many_texts(s, "one or more activities")),
                "wants" => p
                    .wants
                    .extend(self.many_texts(s, "one or more customer goals")),
                "objective" => p.objective = self.one_text(s, "the business goal"),
                "message" => p.message = self.one_text(s, "the core message"),
                "supports" => p.supports.extend(self.supports(s)),
                "promise" => p.promises.extend(self.promise(s)),
                "evidence" => p
                    .evidence
                    .extend(self.many_texts(s, "what backs the claims")),
                "disclaimer" => p.disclaimers.extend(self.many_texts(s, "the small print")),
                "kpi" => p.kpis.extend(self.kpi(s)),
                "backstage" => p
                    .backstage
                    .extend(self.many_texts(s, "one or more organisational activities")),
                "teams" => p.teams = self.many_idents(s, "one or more teams"),
                "systems" => p.systems = self.many_idents(s, "one or more IT systems"),
                "moment" => p.moments.extend(self.many_texts(s, "a moment of truth")),
                "touchpoint" => p.touchpoints.extend(self.touchpoint(s)),
                "allow" => p.allows.extend(self.allow(s)),
                other => unreachable!("phase statement {other} without a handler"),
            }
        }
        Some(p)
    }

    /// `supports ID|"text", …`: ids and strings may mix.
    fn supports(&mut self, stmt: Statement<'_>) -> Vec<Support> {
        let mut a = self.args(stmt);
        let what = "a promise, goal or impact id, or a part of the value proposition in quotes";
        let Some(arg) = self.peek(&a) else {
            self.missing(&a, Want::Text, what);
            return Vec::new();
        };
        a.pos += 1;
        let mut out = Vec::new();
        for v in arg.values() {
            match v.kind {
                ValueKind::Ident => out.push(Support::Ref(self.name(v))),
                ValueKind::Str(_) => out.push(Support::Text(self.text(v))),
                _ => self.wrong(&a, &Arg::Value(v), Want::Text, what),
            }
        }
        if matches!(arg, Arg::Arrow(_)) {
            self.wrong(&a, &arg, Want::Text, what);
        }
        self.finish(&a);
        out
    }

    /// `promise ID "text"`.
    fn promise(&mut self, stmt: Statement<'_>) -> Option<Promise> {
        let mut a = self.args(stmt);
        let id = self.ident(&mut a, "the promise's id (what `keeps` refers to)")?;
        let text = self.text_arg(&mut a, "what is promised, in quotes");
        self.finish(&a);
        Some(Promise {
            id,
            text,
            span: stmt.span(),
        })
    }

    fn flag(&mut self, stmt: Statement<'_>) -> Option<bool> {
        let mut a = self.args(stmt);
        let value = match self.peek(&a) {
            None => Some(true),
            Some(Arg::Value(v))
                if v.kind == ValueKind::Ident && matches!(v.text(self.src), "yes" | "no") =>
            {
                a.pos += 1;
                Some(v.text(self.src) == "yes")
            }
            Some(other) => {
                self.wrong(&a, &other, Want::Ident, "`yes` or `no`");
                a.pos += 1;
                None
            }
        };
        self.finish(&a);
        value
    }

    fn touchpoint(&mut self, stmt: Statement<'_>) -> Option<Touchpoint> {
        let (id, title) = self.header(stmt)?;
        let mut t = Touchpoint {
            id,
            title,
            channel: None,
            presence: None,
            owner: None,
            systems: Vec::new(),
            kpis: Vec::new(),
            serves: Vec::new(),
            says: Vec::new(),
            expectation: None,
            experience: None,
            importance: None,
            monitored: None,
            state: None,
            moment: None,
            collects: Vec::new(),
            basis: None,
            description: None,
            keeps: Vec::new(),
            evidence: Vec::new(),
            disclaimers: Vec::new(),
            allows: Vec::new(),
            spans: Self::spans(stmt),
        };
        for (s, kw) in self.statements(stmt.block(), Context::Touchpoint) {
            match kw.name {
                "channel" => {
                    let mut a = self.args(s);
                    t.channel = self.ident(&mut a, "the channel");
                    t.presence = self.opt_ident(&mut a, &[]);
                    self.finish(&a);
                }
                "owner" => t.owner = self.one_ident(s, "the owning team"),
                "systems" => t.systems = self.many_idents(s, "one or more IT systems"),
                "kpi" => t.kpis.extend(self.kpi(s)),
                "serves" => t.serves = self.many_idents(s, "one or more personas"),
                "says" => t.says.extend(self.many_texts(s, "the copy")),
                "expectation" | "experience" => {
                    let mut a = self.args(s);
                    let score = self.score(&mut a);
                    self.finish(&a);
                    if kw.name == "expectation" {
                        t.expectation = score;
                    } else {
                        t.experience = score;
                    }
                }
                "importance" => t.importance = self.one_ident(s, "low, medium, high or critical"),
                "monitored" => {
                    t.monitored = self.flag(s).map(|value| Flag {
                        value,
                        span: s.span(),
                    });
                }
                "state" => t.state = self.one_ident(s, "`current` or `planned`"),
                "moment" => {
                    if let Some(Arg::Value(v)) = s.args().next() {
                        if matches!(v.kind, ValueKind::Str(_)) {
                            let mut a = self.args(s);
                            let note = self.opt_text(&mut a);
                            self.finish(&a);
                            t.moment = Some(Moment {
                                value: true,
                                note,
                                span: s.span(),
                            });
                            continue;
                        }
                    }
                    t.moment = self.flag(s).map(|value| Moment {
                        value,
                        note: None,
                        span: s.span(),
                    });
                }
                "collects" => t
                    .collects
                    .extend(self.many_texts(s, "the personal data collected")),
                "basis" => t.basis = self.one_ident(s, "the legal basis"),
                "description" => t.description = self.one_text(s, "a description"),
                "keeps" => t.keeps.extend(self.many_idents(s, "one or more promises")),
                "evidence" => t
                    .evidence
                    .extend(self.many_texts(s, "what backs the claims")),
                "disclaimer" => t.disclaimers.extend(self.many_texts(s, "the small print")),
                "allow" => t.allows.extend(self.allow(s)),
                other => unreachable!("touchpoint statement {other} without a handler"),
            }
        }
        Some(t)
    }

    fn goal(&mut self, stmt: Statement<'_>) -> Option<Goal> {
        let (id, title) = self.header(stmt)?;
        let mut g = Goal {
            id,
            title,
            metric: None,
            description: None,
            actors: Vec::new(),
            allows: Vec::new(),
            spans: Self::spans(stmt),
        };
        for (s, kw) in self.statements(stmt.block(), Context::Goal) {
            match kw.name {
                "metric" => g.metric = self.metric(s),
                "description" => g.description = self.one_text(s, "a description"),
                "actor" => g.actors.extend(self.actor(s)),
                "allow" => g.allows.extend(self.allow(s)),
                other => unreachable!("goal statement {other} without a handler"),
            }
        }
        Some(g)
    }

    fn metric(&mut self, stmt: Statement<'_>) -> Option<Metric> {
        let mut a = self.args(stmt);
        let name = self.text_arg(&mut a, "the metric's name")?;
        let mut m = Metric {
            name,
            current: None,
            target: None,
            by: None,
            span: stmt.span(),
        };
        if self.clause(&mut a, "current") {
            m.current = self.scalar(&mut a, "today's value", Slot::Value);
        }
        if self.clause(&mut a, "target") {
            m.target = self.scalar(&mut a, "the target value", Slot::Value);
        }
        if self.clause(&mut a, "by") {
            m.by = self.date(&mut a, "the deadline");
        }
        self.finish(&a);
        Some(m)
    }

    fn actor(&mut self, stmt: Statement<'_>) -> Option<Actor> {
        let (id, title) = self.header(stmt)?;
        let mut actor = Actor {
            id,
            title,
            impacts: Vec::new(),
            allows: Vec::new(),
            spans: Self::spans(stmt),
        };
        for (s, kw) in self.statements(stmt.block(), Context::Actor) {
            match kw.name {
                "impact" => actor.impacts.extend(self.impact(s)),
                "allow" => actor.allows.extend(self.allow(s)),
                other => unreachable!("actor statement {other} without a handler"),
            }
        }
        Some(actor)
    }

    fn impact(&mut self, stmt: Statement<'_>) -> Option<Impact> {
        let (id, title) = self.header(stmt)?;
        let mut i = Impact {
            id,
            title,
            kpis: Vec::new(),
            via: Vec::new(),
            deliverables: Vec::new(),
            allows: Vec::new(),
            spans: Self::spans(stmt),
        };
        for (s, kw) in self.statements(stmt.block(), Context::Impact) {
            match kw.name {
                "kpi" => i.kpis.extend(self.kpi(s)),
                "via" => i.via.extend(self.many_idents(s, "one or more touchpoints")),
                "deliverable" => {
                    let mut a = self.args(s);
                    let id = self.opt_ident(&mut a, &["via"]);
                    let Some(title) = self.text_arg(&mut a, "what is delivered") else {
                        continue;
                    };
                    let via = if self.clause(&mut a, "via") {
                        self.idents(&mut a, "one or more touchpoints")
                    } else {
                        Vec::new()
                    };
                    self.finish(&a);
                    i.deliverables.push(Deliverable {
                        id,
                        title,
                        via,
                        span: s.span(),
                    });
                }
                "allow" => i.allows.extend(self.allow(s)),
                other => unreachable!("impact statement {other} without a handler"),
            }
        }
        Some(i)
    }
}

pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || unicode_ident_start(c))
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

fn unicode_ident_start(c: char) -> bool {
    c.is_alphabetic()
}

/// The candidate closest to `word`, if it is close enough to be a typo.
pub fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count().max(word.chars().count()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Below this many top-level definitions a file is lowered in one piece.
pub(crate) const PARALLEL_MIN_DEFINITIONS: usize = 64;

/// Lowers a file's top-level statements, in parallel runs for big files.
/// Top-level definitions are lowered independently of each other (every
/// top-level keyword may repeat), so the runs' items and diagnostics,
/// joined in order, equal lowering the file in one piece.
pub(crate) fn lower_file(
    src: &str,
    file: FileId,
    tree: &SyntaxTree,
    diags: &mut Vec<Diagnostic>,
    min_definitions: usize,
) -> File {
    use rayon::prelude::*;
    let stmts: Vec<Statement<'_>> = tree.statements().collect();
    let stmts = stmts.as_slice();
    if stmts.len() < min_definitions.max(2) {
        return Lowerer::new(src, file, diags).file(stmts);
    }
    let per_run = stmts
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(1);
    let runs: Vec<(File, Vec<Diagnostic>)> = stmts
        .par_chunks(per_run)
        .map(|run| {
            let mut found = Vec::new();
            let lowered = Lowerer::new(src, file, &mut found).file(run);
            (lowered, found)
        })
        .collect();
    let mut items = Vec::new();
    for (lowered, found) in runs {
        items.extend(lowered.items);
        diags.extend(found);
    }
    File { items }
}
