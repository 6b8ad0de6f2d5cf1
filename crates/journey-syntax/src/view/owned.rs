//! The owned tree ([`crate::ast`]) built from the views, for the readers
//! that still take it.

use super::*;
use crate::ast;

/// The owned tree of `file`.
pub(crate) fn file(file: File<'_>) -> ast::File {
    ast::File {
        items: file.items().map(item).collect(),
    }
}

fn item(i: Item<'_>) -> ast::Item {
    match i {
        Item::Import(x) => ast::Item::Import(import(x)),
        Item::Journey(x) => ast::Item::Journey(journey(&x)),
        Item::Persona(x) => ast::Item::Persona(persona(&x)),
        Item::Phase(x) => ast::Item::Phase(phase(&x)),
        Item::Goal(x) => ast::Item::Goal(goal(&x)),
    }
}

pub(crate) fn name(n: Name<'_>) -> ast::Name {
    ast::Name {
        text: n.text.to_string(),
        span: n.span,
    }
}

fn names(ns: Vec<Name<'_>>) -> Vec<ast::Name> {
    ns.into_iter().map(name).collect()
}

pub(crate) fn text(t: Text<'_>) -> ast::Text {
    ast::Text::new(
        t.value.into_owned(),
        t.span,
        t.content_start,
        t.value_end,
        t.map,
    )
}

fn texts(ts: Vec<Text<'_>>) -> Vec<ast::Text> {
    ts.into_iter().map(text).collect()
}

fn scalar(s: Scalar<'_>) -> ast::Scalar {
    match s {
        Scalar::Number { value, raw, span } => ast::Scalar::Number {
            value,
            raw: raw.to_string(),
            span,
        },
        Scalar::Date { raw, span } => ast::Scalar::Date {
            raw: raw.to_string(),
            span,
        },
        Scalar::Text(t) => ast::Scalar::Text(text(t)),
    }
}

fn allows(a: Vec<Allow<'_>>) -> Vec<ast::Allow> {
    a.into_iter()
        .map(|a| ast::Allow {
            check: a.check.into_owned(),
            check_span: a.check_span,
            reason: a.reason.map(text),
            span: a.span,
        })
        .collect()
}

fn import(i: Import<'_>) -> ast::Import {
    ast::Import {
        path: text(i.path),
        span: i.span,
    }
}

fn kpis(k: Vec<Kpi<'_>>) -> Vec<ast::Kpi> {
    k.into_iter()
        .map(|k| ast::Kpi {
            id: k.id.map(name),
            name: text(k.name),
            target: k.target.map(scalar),
            unit: k.unit.map(text),
            span: k.span,
        })
        .collect()
}

fn journey(j: &Journey<'_>) -> ast::Journey {
    ast::Journey {
        id: name(j.id),
        title: j.title.clone().map(text),
        value: j.value().map(text),
        description: j.description().map(text),
        phases: names(j.phases()),
        phases_span: j.phases_span(),
        loop_back: j.loop_back().map(|l| ast::Loop {
            from: name(l.from),
            to: name(l.to),
            span: l.span,
        }),
        evidence: texts(j.evidence()),
        disclaimers: texts(j.disclaimers()),
        allows: allows(j.allows()),
        spans: j.spans,
    }
}

fn persona(p: &Persona<'_>) -> ast::Persona {
    ast::Persona {
        id: name(p.id),
        name: p.name.clone().map(text),
        role: p.role().map(text),
        description: p.description().map(text),
        evidence: p.evidence().map(text),
        needs: texts(p.needs()),
        pains: texts(p.pains()),
        gains: texts(p.gains()),
        goals: texts(p.goals()),
        channels: names(p.channels()),
        empathy: p.empathy().map(|e| ast::Empathy {
            says: texts(e.says()),
            thinks: texts(e.thinks()),
            does: texts(e.does()),
            feels: texts(e.feels()),
            span: e.span,
        }),
        allows: allows(p.allows()),
        spans: p.spans,
    }
}

fn phase(p: &Phase<'_>) -> ast::Phase {
    ast::Phase {
        id: name(p.id),
        title: p.title.clone().map(text),
        kind: p.kind().map(name),
        question: p.question().map(text),
        activities: texts(p.activities()),
        wants: texts(p.wants()),
        objective: p.objective().map(text),
        message: p.message().map(text),
        supports: p
            .supports()
            .into_iter()
            .map(|s| match s {
                Support::Ref(n) => ast::Support::Ref(name(n)),
                Support::Text(t) => ast::Support::Text(text(t)),
            })
            .collect(),
        promises: p
            .promises()
            .into_iter()
            .map(|x| ast::Promise {
                id: name(x.id),
                text: x.text.map(text),
                span: x.span,
            })
            .collect(),
        evidence: texts(p.evidence()),
        disclaimers: texts(p.disclaimers()),
        kpis: kpis(p.kpis()),
        backstage: texts(p.backstage()),
        teams: names(p.teams()),
        systems: names(p.systems()),
        moments: texts(p.moments()),
        touchpoints: p.touchpoints().map(|t| touchpoint(&t)).collect(),
        allows: allows(p.allows()),
        spans: p.spans,
    }
}

fn touchpoint(t: &Touchpoint<'_>) -> ast::Touchpoint {
    let channel = t.channel_statement();
    ast::Touchpoint {
        id: name(t.id),
        title: t.title.clone().map(text),
        channel: channel.channel.map(name),
        presence: channel.presence.map(name),
        owner: t.owner().map(name),
        systems: names(t.systems()),
        kpis: kpis(t.kpis()),
        serves: names(t.serves()),
        says: texts(t.says()),
        expectation: t.expectation(),
        experience: t.experience(),
        importance: t.importance().map(name),
        monitored: t.monitored(),
        state: t.state().map(name),
        moment: t.moment().map(|m| ast::Moment {
            value: m.value,
            note: m.note.map(text),
            span: m.span,
        }),
        collects: texts(t.collects()),
        basis: t.basis().map(name),
        description: t.description().map(text),
        keeps: names(t.keeps()),
        evidence: texts(t.evidence()),
        disclaimers: texts(t.disclaimers()),
        allows: allows(t.allows()),
        spans: t.spans,
    }
}

fn goal(g: &Goal<'_>) -> ast::Goal {
    ast::Goal {
        id: name(g.id),
        title: g.title.clone().map(text),
        metric: g.metric().map(|m| ast::Metric {
            name: text(m.name),
            current: m.current.map(scalar),
            target: m.target.map(scalar),
            by: m.by.map(scalar),
            span: m.span,
        }),
        description: g.description().map(text),
        actors: g
            .actors()
            .map(|a| ast::Actor {
                id: name(a.id),
                title: a.title.clone().map(text),
                impacts: a.impacts().map(|i| impact(&i)).collect(),
                allows: allows(a.allows()),
                spans: a.spans,
            })
            .collect(),
        allows: allows(g.allows()),
        spans: g.spans,
    }
}

fn impact(i: &Impact<'_>) -> ast::Impact {
    ast::Impact {
        id: name(i.id),
        title: i.title.clone().map(text),
        kpis: kpis(i.kpis()),
        via: names(i.via()),
        deliverables: i
            .deliverables()
            .into_iter()
            .map(|d| ast::Deliverable {
                id: d.id.map(name),
                title: text(d.title),
                via: names(d.via),
                span: d.span,
            })
            .collect(),
        allows: allows(i.allows()),
        spans: i.spans,
    }
}
