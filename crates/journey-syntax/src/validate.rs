//! Validation: the tree read against the [`crate::schema`].
//!
//! Each statement is checked for its place (is the keyword valid in this
//! block?), its arguments (kind and number) and its block. Problems are
//! reported; the statement still means as much as was understood, so a
//! wrong argument in one line loses nothing else. The readers here serve
//! validation (reporting) and the typed [`crate::view`]s (quietly), so
//! both read every statement the same way.

use crate::codes;
use crate::schema::{self, Context};
use crate::text;
use crate::tree::{Arg, Block, Statement, SyntaxTree, Value, ValueKind};
use crate::view::*;
use journey_diagnostics::{Diagnostic, FileId, Span};
use std::collections::HashMap;

mod args;
pub(crate) use args::full_stop_after;
pub(crate) mod shape;
use args::{Slot, UnitAfter, Want};
use shape::Shape;
use std::borrow::Cow;

/// Reads statements against the schema. `'s` is the source and tree
/// read, `'d` the list problems are reported to.
pub(crate) struct Reader<'s, 'd> {
    src: &'s str,
    file: FileId,
    diags: &'d mut Vec<Diagnostic>,
}

impl<'s, 'd> Reader<'s, 'd> {
    pub(crate) fn new(src: &'s str, file: FileId, diags: &'d mut Vec<Diagnostic>) -> Self {
        Reader { src, file, diags }
    }

    fn name(&self, v: Value) -> Name<'s> {
        Name {
            text: v.text(self.src),
            span: v.span,
        }
    }

    fn text(&mut self, v: Value) -> Text<'s> {
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
    fn statements(
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

    fn check_statements(
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
        if let Some(english) = crate::german::english(word, &candidates) {
            d = d
                .with_help(format!(
                    "keywords are written in English: `{word}` is `{english}`"
                ))
                .with_fix(format!("replace with `{english}`"), stmt.keyword(), english);
        } else if let Some(best) = closest(word, &candidates) {
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

    // ---- validation -------------------------------------------------------

    /// Reports every problem of the top-level statements `stmts`: places,
    /// arguments and blocks, definitions nested inside included.
    pub(crate) fn validate_file(&mut self, stmts: &[Statement<'s>]) {
        for (stmt, kw) in self.check_statements(stmts, Context::TopLevel) {
            match kw.opens {
                Some(ctx) => self.validate_definition(stmt, ctx),
                None => self.validate_statement(stmt, Context::TopLevel, kw.name),
            }
        }
    }

    /// A definition: its header, then (when the header is readable) every
    /// statement of its block. A definition without a readable id is
    /// dropped, so its block is not read.
    fn validate_definition(&mut self, stmt: Statement<'s>, ctx: Context) {
        if ctx == Context::Empathy {
            let a = self.args(stmt);
            self.finish(&a);
        } else if self.header(stmt).is_none() {
            return;
        }
        for (s, kw) in self.statements(stmt.block(), ctx) {
            match kw.opens {
                Some(inner) => self.validate_definition(s, inner),
                None => self.validate_statement(s, ctx, kw.name),
            }
        }
    }

    /// Reads one attribute statement with the reader its keyword has in
    /// [`crate::view`], reporting what does not fit.
    fn validate_statement(&mut self, s: Statement<'s>, ctx: Context, keyword: &str) {
        let (shape, what) = shape::shape(ctx, keyword);
        match shape {
            Shape::Text => drop(self.one_text(s, what)),
            Shape::Texts => drop(self.many_texts(s, what)),
            Shape::Ident => drop(self.one_ident(s, what)),
            Shape::Idents => drop(self.many_idents(s, what)),
            Shape::Import => drop(self.import(s)),
            Shape::Loop => drop(self.loop_back(s)),
            Shape::Kpi => drop(self.kpi(s)),
            Shape::Supports => drop(self.supports(s)),
            Shape::Promise => drop(self.promise(s)),
            Shape::Channel => drop(self.channel(s)),
            Shape::Score => drop(self.score_statement(s)),
            Shape::Experience => drop(self.experience(s)),
            Shape::PersonaScores => drop(self.persona_scores(s)),
            Shape::Cost => drop(self.cost(s)),
            Shape::Flag => drop(self.monitored(s)),
            Shape::Moment => drop(self.moment(s)),
            Shape::Metric => drop(self.metric(s)),
            Shape::Deliverable => drop(self.deliverable(s)),
            Shape::Allow => drop(self.allow(s)),
            // The schema admits no such statement here; `check_statements`
            // reported it.
            Shape::Unknown => {}
        }
    }

    // ---- readers: one per kind of statement ---------------------------------
    //
    // The views of [`crate::view`] read with these (quietly); validation
    // reads with them too (reporting), so a statement means the same to
    // both.

    /// `KEYWORD ID ["title"]`: the header of every definition.
    pub(crate) fn header(&mut self, stmt: Statement<'s>) -> Option<(Name<'s>, Option<Text<'s>>)> {
        let mut a = self.args(stmt);
        let id = self.ident(&mut a, "an identifier (the name other statements refer to)")?;
        let title = self.opt_text(&mut a);
        self.finish(&a);
        Some((id, title))
    }

    pub(crate) fn import(&mut self, stmt: Statement<'s>) -> Option<Import<'s>> {
        let mut a = self.args(stmt);
        let path = self.text_arg(&mut a, "the path of a `.journey` file");
        self.finish(&a);
        path.map(|path| Import {
            path,
            span: stmt.span(),
        })
    }

    pub(crate) fn allow(&mut self, stmt: Statement<'s>) -> Option<Allow<'s>> {
        let mut a = self.args(stmt);
        let (check, check_span) = match self.peek(&a) {
            Some(Arg::Value(v)) if v.kind == ValueKind::Ident => {
                a.pos += 1;
                (Cow::Borrowed(v.text(self.src)), v.span)
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
    pub(crate) fn one_text(&mut self, stmt: Statement<'s>, what: &str) -> Option<Text<'s>> {
        let mut a = self.args(stmt);
        let t = self.text_arg(&mut a, what);
        self.finish(&a);
        t
    }

    pub(crate) fn many_texts(&mut self, stmt: Statement<'s>, what: &str) -> Vec<Text<'s>> {
        let mut a = self.args(stmt);
        let t = self.texts(&mut a, what);
        self.finish(&a);
        t
    }

    pub(crate) fn one_ident(&mut self, stmt: Statement<'s>, what: &str) -> Option<Name<'s>> {
        let mut a = self.args(stmt);
        let t = self.ident(&mut a, what);
        self.finish(&a);
        t
    }

    pub(crate) fn many_idents(&mut self, stmt: Statement<'s>, what: &str) -> Vec<Name<'s>> {
        let mut a = self.args(stmt);
        let t = self.idents(&mut a, what);
        self.finish(&a);
        t
    }

    pub(crate) fn loop_back(&mut self, stmt: Statement<'s>) -> Option<Loop<'s>> {
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

    pub(crate) fn kpi(&mut self, stmt: Statement<'s>) -> Option<Kpi<'s>> {
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
            let unit = self.unit_after(&a);
            kpi.target = self.scalar(&mut a, "the target value", Slot::KpiTarget(unit));
        }
        if self.clause(&mut a, "unit") {
            kpi.unit = self.text_arg(&mut a, "the unit");
        }
        self.finish(&a);
        Some(kpi)
    }

    /// What the `unit` clause after the value at `a.pos` says, so that a
    /// `%` written next to a target moves into the unit in one fix.
    fn unit_after(&self, a: &args::Args<'s>) -> UnitAfter {
        match (a.args.get(a.pos + 1), a.args.get(a.pos + 2)) {
            (Some(Arg::Value(w)), u) if w.text(self.src) == "unit" => match u {
                Some(Arg::Value(u)) if u.text(self.src) == "\"%\"" => UnitAfter::Percent,
                _ => UnitAfter::Other,
            },
            _ => UnitAfter::Missing,
        }
    }

    /// `supports ID|"text", …`: ids and strings may mix.
    pub(crate) fn supports(&mut self, stmt: Statement<'s>) -> Vec<Support<'s>> {
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
    pub(crate) fn promise(&mut self, stmt: Statement<'s>) -> Option<Promise<'s>> {
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

    fn flag(&mut self, stmt: Statement<'s>) -> Option<bool> {
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
                self.not_yes_or_no(&a, &other);
                a.pos += 1;
                None
            }
        };
        self.finish(&a);
        value
    }

    /// `monitored ja`, `moment 1`: what a flag takes instead, with the
    /// English word for a German one.
    fn not_yes_or_no(&mut self, a: &args::Args<'s>, found: &Arg<'s>) {
        let found_desc = match found {
            Arg::Value(v) if v.kind == ValueKind::Ident => format!("`{}`", v.text(self.src)),
            Arg::Value(v) => args::describe_value(*v).to_string(),
            Arg::List(..) => "a list".to_string(),
            Arg::Arrow(_) => "`->`".to_string(),
        };
        let mut d = Diagnostic::new(
            &codes::INVALID_ARGUMENT,
            self.file,
            found.span(),
            format!("`{}` expects `yes` or `no`, found {found_desc}", a.keyword),
        )
        .with_label("expected `yes` or `no`");
        if let Arg::Value(v) = found {
            let word = v.text(self.src);
            if let Some(english) = crate::german::english(word, &["yes", "no"]) {
                d = d
                    .with_help(format!(
                        "values are written in English: `{word}` is `{english}`"
                    ))
                    .with_fix(format!("replace with `{english}`"), v.span, english);
            }
        }
        if let Some(sig) = args::schema_signature(a) {
            d = d.with_note(format!("the statement is `{sig}`"));
        }
        self.error(d);
    }

    /// `monitored [yes|no]`.
    pub(crate) fn monitored(&mut self, stmt: Statement<'s>) -> Option<Flag> {
        self.flag(stmt).map(|value| Flag {
            value,
            span: stmt.span(),
        })
    }

    /// `moment [yes|no|"why"]` on a touchpoint.
    pub(crate) fn moment(&mut self, stmt: Statement<'s>) -> Option<Moment<'s>> {
        if let Some(Arg::Value(v)) = stmt.args().next() {
            if matches!(v.kind, ValueKind::Str(_)) {
                let mut a = self.args(stmt);
                let note = self.opt_text(&mut a);
                self.finish(&a);
                return Some(Moment {
                    value: true,
                    note,
                    span: stmt.span(),
                });
            }
        }
        self.flag(stmt).map(|value| Moment {
            value,
            note: None,
            span: stmt.span(),
        })
    }

    /// `channel ID [online|offline]`.
    pub(crate) fn channel(&mut self, stmt: Statement<'s>) -> Channel<'s> {
        let mut a = self.args(stmt);
        let channel = self.ident(&mut a, "the channel");
        let presence = self.opt_ident(&mut a, &[]);
        self.finish(&a);
        Channel { channel, presence }
    }

    /// `expectation SCORE`, `experience SCORE`.
    pub(crate) fn score_statement(&mut self, stmt: Statement<'s>) -> Option<Score> {
        let mut a = self.args(stmt);
        let score = self.score(&mut a);
        self.finish(&a);
        score
    }

    /// `experience [SCORE] [target SCORE]`: today's score, the score aimed
    /// for, or both.
    pub(crate) fn experience(&mut self, stmt: Statement<'s>) -> Option<Experience> {
        let mut a = self.args(stmt);
        let now = if self.at_clause(&a, "target") {
            None
        } else {
            self.score(&mut a)
        };
        let target = if self.clause(&mut a, "target") {
            self.score(&mut a)
        } else {
            None
        };
        self.finish(&a);
        (now.is_some() || target.is_some()).then_some(Experience {
            now,
            target,
            span: stmt.span(),
        })
    }

    /// `for PERSONA [expectation S] [experience S] [target S] [feeling "…"]`:
    /// one persona's own scores at a touchpoint.
    pub(crate) fn persona_scores(&mut self, stmt: Statement<'s>) -> Option<PersonaScores<'s>> {
        let mut a = self.args(stmt);
        let persona = self.ident(&mut a, "the persona the scores are for")?;
        let mut p = PersonaScores {
            persona,
            expectation: None,
            experience: None,
            target: None,
            feeling: None,
            span: stmt.span(),
        };
        let start = a.pos;
        if self.clause(&mut a, "expectation") {
            p.expectation = self.score(&mut a);
        }
        if self.clause(&mut a, "experience") {
            p.experience = self.score(&mut a);
        }
        if self.clause(&mut a, "target") {
            p.target = self.score(&mut a);
        }
        if self.clause(&mut a, "feeling") {
            p.feeling = self.text_arg(&mut a, "the feeling, in quotes");
        }
        if a.pos == start && a.pos == a.args.len() {
            self.missing(
                &a,
                Want::Score,
                "at least one of `expectation`, `experience`, `target` or `feeling`",
            );
        }
        self.finish(&a);
        Some(p)
    }

    /// `cost AMOUNT CURRENCY`.
    pub(crate) fn cost(&mut self, stmt: Statement<'s>) -> Option<Cost<'s>> {
        let mut a = self.args(stmt);
        let amount = match self.scalar(&mut a, "the amount", Slot::Value)? {
            Scalar::Number { value, raw, span } => (value, raw, span),
            other => {
                self.error(
                    Diagnostic::new(
                        &codes::INVALID_ARGUMENT,
                        self.file,
                        other.span(),
                        "`cost` expects an amount, found a string".to_string(),
                    )
                    .with_label("expected a number")
                    .with_help(
                        "write the amount as a number and the currency after it: `cost 1200 EUR`",
                    ),
                );
                self.finish(&a);
                return None;
            }
        };
        let currency = self.currency(&mut a, amount.2);
        self.finish(&a);
        Some(Cost {
            amount: amount.0,
            raw: amount.1,
            amount_span: amount.2,
            currency: currency?,
            span: stmt.span(),
        })
    }

    /// The currency after a cost's amount: a three-letter code. A sign
    /// (`€`) or a word (`Euro`) is one error with the code as its fix.
    fn currency(&mut self, a: &mut args::Args<'s>, amount: Span) -> Option<Name<'s>> {
        let what = "the currency, as a code such as EUR";
        match self.peek(a) {
            Some(Arg::Value(v)) if v.kind == ValueKind::Ident => {
                a.pos += 1;
                let name = self.name(v);
                if !is_currency_code(name.text) {
                    let mut d = Diagnostic::new(
                        &codes::INVALID_ARGUMENT,
                        self.file,
                        v.span,
                        format!("`{}` is not a currency code", name.text),
                    )
                    .with_label("expected a code of three capital letters")
                    .with_help("write the currency as its code: EUR, USD, CHF, GBP …");
                    if let Some(code) = currency_for(name.text) {
                        d = d.with_fix(format!("write `{code}`"), v.span, code);
                    }
                    self.error(d);
                }
                Some(name)
            }
            None => {
                let after = &self.src[amount.end as usize..];
                let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
                let sign = after[gap..].chars().next();
                let Some((sign, code)) =
                    sign.and_then(|c| Some((c, currency_for(&c.to_string())?)))
                else {
                    self.missing(a, Want::Ident, what);
                    return None;
                };
                let start = amount.end + gap as u32;
                let span = Span::new(start, start + sign.len_utf8() as u32);
                let text = if gap == 0 {
                    format!(" {code}")
                } else {
                    code.to_string()
                };
                self.error(
                    Diagnostic::new(
                        &codes::INVALID_ARGUMENT,
                        self.file,
                        span,
                        format!("`cost` takes the currency as a code, not the sign `{sign}`"),
                    )
                    .with_label("currency sign")
                    .with_help(format!(
                        "write the code: `{} {code}`",
                        &self.src[amount.range()]
                    ))
                    .with_fix(format!("write `{code}`"), span, text),
                );
                Some(Name { text: code, span })
            }
            Some(_) => self.ident(a, what),
        }
    }

    pub(crate) fn metric(&mut self, stmt: Statement<'s>) -> Option<Metric<'s>> {
        let mut a = self.args(stmt);
        let name = self.text_arg(&mut a, "the metric's name")?;
        let mut m = Metric {
            name,
            current: None,
            target: None,
            unit: None,
            by: None,
            span: stmt.span(),
        };
        if self.clause(&mut a, "current") {
            m.current = self.scalar(&mut a, "today's value", Slot::Value);
        }
        if self.clause(&mut a, "target") {
            let unit = self.unit_after(&a);
            m.target = self.scalar(&mut a, "the target value", Slot::KpiTarget(unit));
        }
        if self.clause(&mut a, "unit") {
            m.unit = self.text_arg(&mut a, "the unit");
        }
        if self.clause(&mut a, "by") {
            m.by = self.date(&mut a, "the deadline");
        }
        self.finish(&a);
        Some(m)
    }

    /// `deliverable [ID] "title" [via ID, …]`.
    pub(crate) fn deliverable(&mut self, stmt: Statement<'s>) -> Option<Deliverable<'s>> {
        let mut a = self.args(stmt);
        let id = self.opt_ident(&mut a, &["via"]);
        let title = self.text_arg(&mut a, "what is delivered")?;
        let via = if self.clause(&mut a, "via") {
            self.idents(&mut a, "one or more touchpoints")
        } else {
            Vec::new()
        };
        self.finish(&a);
        Some(Deliverable {
            id,
            title,
            via,
            span: stmt.span(),
        })
    }
}

/// Three capital letters, as ISO 4217 writes currencies (`EUR`, `CHF`).
pub fn is_currency_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The code of a currency written as a sign or a word (`€`, `Euro`,
/// `eur`), for the fix.
pub fn currency_for(written: &str) -> Option<&'static str> {
    let lower = written.to_lowercase();
    Some(match lower.as_str() {
        "€" | "eur" | "euro" | "euros" => "EUR",
        "$" | "usd" | "dollar" | "dollars" => "USD",
        "£" | "gbp" | "pfund" | "pound" | "pounds" => "GBP",
        "chf" | "franken" | "fr" => "CHF",
        _ => return None,
    })
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

/// Below this many top-level definitions a file is validated in one piece.
pub(crate) const PARALLEL_MIN_DEFINITIONS: usize = 64;

/// Reports every problem of reading a file's statements against the
/// schema, in parallel runs for big files. Top-level definitions are read
/// independently of each other (every top-level keyword may repeat), so
/// the runs' diagnostics, joined in order, equal validating the file in
/// one piece.
pub(crate) fn validate(
    src: &str,
    file: FileId,
    tree: &SyntaxTree,
    diags: &mut Vec<Diagnostic>,
    min_definitions: usize,
) {
    use rayon::prelude::*;
    let stmts: Vec<Statement<'_>> = tree.statements().collect();
    let stmts = stmts.as_slice();
    if stmts.len() < min_definitions.max(2) {
        Reader::new(src, file, diags).validate_file(stmts);
        return;
    }
    let per_run = stmts
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(1);
    let runs: Vec<Vec<Diagnostic>> = stmts
        .par_chunks(per_run)
        .map(|run| {
            let mut found = Vec::new();
            Reader::new(src, file, &mut found).validate_file(run);
            found
        })
        .collect();
    for found in runs {
        diags.extend(found);
    }
}
