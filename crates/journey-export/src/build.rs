//! Building the [`Document`] from a workspace.

use crate::doc::*;
use journey_analysis::model::{self, DeliverableId, Header, Model, PhaseId, TouchpointId};
use journey_analysis::Workspace;
use journey_diagnostics::render::Position;
use journey_diagnostics::{Diagnostic, FileId, Severity, Sources, Span};
use journey_syntax::view;
use std::collections::{BTreeMap, BTreeSet};

/// Turns spans into [`Location`]s.
pub(crate) struct Locator<'a> {
    sources: &'a dyn Sources,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(sources: &'a dyn Sources) -> Self {
        Locator { sources }
    }

    fn position(&self, file: FileId, offset: u32) -> Position {
        journey_diagnostics::render::position(self.sources, file, offset)
    }

    pub(crate) fn locate(&self, file: FileId, span: Span) -> Location {
        Location {
            path: self
                .sources
                .source(file)
                .map(|f| f.path.clone())
                .unwrap_or_default(),
            start: self.position(file, span.start),
            end: self.position(file, span.end),
        }
    }
}

/// The findings below error severity, in the checker's order.
pub(crate) fn findings(diagnostics: &[Diagnostic], loc: &Locator<'_>) -> Vec<Finding> {
    diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Error)
        .map(|d| Finding {
            code: d.code.to_string(),
            name: d.name.to_string(),
            severity: d.severity.as_str().to_string(),
            message: d.message.clone(),
            location: loc.locate(d.primary.file, d.primary.span),
        })
        .collect()
}

fn text(t: Option<view::Text<'_>>) -> Option<String> {
    t.map(|t| t.value.into_owned())
}

/// A header's title, which the view holds as a field.
fn title(t: &Option<view::Text<'_>>) -> Option<String> {
    t.as_ref().map(|t| t.as_str().to_string())
}

fn texts(ts: Vec<view::Text<'_>>) -> Vec<String> {
    ts.into_iter().map(|t| t.value.into_owned()).collect()
}

fn names(ns: Vec<view::Name<'_>>) -> Vec<String> {
    ns.iter().map(|n| n.text.to_string()).collect()
}

fn name(n: Option<view::Name<'_>>) -> Option<String> {
    n.map(|n| n.text.to_string())
}

fn value(s: view::Scalar<'_>) -> Value {
    match s {
        view::Scalar::Number { value, .. } => Value::Number(value),
        view::Scalar::Date { raw, .. } => Value::Date(raw.to_string()),
        view::Scalar::Text(t) => Value::Text(t.value.into_owned()),
    }
}

fn allows(a: Vec<view::Allow<'_>>) -> Vec<Allow> {
    a.into_iter()
        .map(|a| Allow {
            check: a.check.into_owned(),
            reason: a.reason.map(|r| r.value.into_owned()),
        })
        .collect()
}

fn kpis(file: FileId, ks: Vec<view::Kpi<'_>>, loc: &Locator<'_>) -> Vec<Kpi> {
    ks.into_iter()
        .map(|k| Kpi {
            id: name(k.id),
            name: k.name.value.into_owned(),
            target: k.target.map(value),
            unit: text(k.unit),
            location: loc.locate(file, k.span),
        })
        .collect()
}

/// Builds the document from the workspace's semantic model: references
/// as the model resolved them, phases in journey order. The workspace is
/// expected to check without errors.
pub fn from_workspace(
    ws: &Workspace,
    diagnostics: &[Diagnostic],
    in_focus: &dyn Fn(FileId) -> bool,
) -> Document {
    let model = ws.model();
    let m: &Model = &model;
    let keep = Keep::new(m, in_focus);
    let loc = Locator::new(ws);
    let at = |h: &Header| loc.locate(h.file, h.span);
    let phase_id = |p: PhaseId| m.phase(p).head.id().to_string();

    let files = m
        .files()
        .filter(|f| keep.files.contains(f))
        .filter_map(|f| ws.file(f).map(|d| d.display.clone()))
        .collect();

    let journeys: Vec<Journey> = m
        .journeys
        .iter()
        .enumerate()
        .filter(|(i, _)| keep.journeys.contains(i))
        .map(|(_, j)| {
            let a = m.journey_syntax(j);
            Journey {
                id: j.head.id().to_string(),
                title: title(&a.title),
                value: text(a.value()),
                description: text(a.description()),
                sponsor: text(a.sponsor()),
                phases: j.phase_ids().map(phase_id).collect(),
                loop_back: j.loop_back.as_ref().and_then(|l| {
                    Some(LoopBack {
                        from: phase_id(l.from.phase?),
                        to: phase_id(l.to.phase?),
                    })
                }),
                evidence: texts(a.evidence()),
                disclaimers: texts(a.disclaimers()),
                allows: allows(a.allows()),
                location: at(&j.head),
            }
        })
        .collect();

    let personas: Vec<Persona> = m
        .personas
        .iter()
        .enumerate()
        .filter(|(i, _)| keep.personas.contains(i))
        .map(|(_, p)| {
            let a = m.persona_syntax(p);
            Persona {
                id: p.head.id().to_string(),
                name: title(&a.name),
                role: text(a.role()),
                description: text(a.description()),
                evidence: text(a.evidence()),
                needs: texts(a.needs()),
                pains: texts(a.pains()),
                gains: texts(a.gains()),
                goals: texts(a.goals()),
                channels: names(a.channels()),
                empathy: a.empathy().map(|e| Empathy {
                    says: texts(e.says()),
                    thinks: texts(e.thinks()),
                    does: texts(e.does()),
                    feels: texts(e.feels()),
                }),
                // Filled in below, in journey order.
                touchpoints: Vec::new(),
                allows: allows(a.allows()),
                location: at(&p.head),
            }
        })
        .collect();

    // Phases of the journeys in journey order, then the rest in source order.
    let mut order: Vec<PhaseId> = Vec::new();
    let mut ordered = std::collections::HashSet::new();
    for j in keep.journeys.iter().map(|i| &m.journeys[*i]) {
        order.extend(j.phase_ids().filter(|p| ordered.insert(*p)));
    }
    for i in 0..m.phases.len() {
        let p = PhaseId(i as u32);
        if keep.phases.contains(&i) && ordered.insert(p) {
            order.push(p);
        }
    }
    // Which touchpoints each impact names in its `via`, looked up once
    // per touchpoint instead of searching the list.
    let via: std::collections::HashSet<(usize, usize)> = m
        .impacts
        .iter()
        .enumerate()
        .flat_map(|(i, imp)| imp.via.iter().map(move |t| (i, t.index())))
        .collect();
    let phases: Vec<Phase> = order
        .into_iter()
        .map(|pid| {
            let p = m.phase(pid);
            let a = m.phase_syntax(p);
            Phase {
                id: p.head.id().to_string(),
                title: title(&a.title),
                kind: name(a.kind()),
                journeys: p
                    .journeys
                    .iter()
                    .filter(|j| keep.journeys.contains(&j.index()))
                    .map(|j| m.journey(*j).head.id().to_string())
                    .collect(),
                question: text(a.question()),
                activities: texts(a.activities()),
                wants: texts(a.wants()),
                objective: text(a.objective()),
                message: text(a.message()),
                supports: a
                    .supports()
                    .into_iter()
                    .map(|s| match s {
                        view::Support::Ref(n) => Support {
                            reference: Some(n.text.to_string()),
                            text: None,
                        },
                        view::Support::Text(t) => Support {
                            reference: None,
                            text: Some(t.value.into_owned()),
                        },
                    })
                    .collect(),
                promises: a
                    .promises()
                    .into_iter()
                    .map(|pr| Promise {
                        id: pr.id.text.to_string(),
                        text: text(pr.text),
                        location: loc.locate(p.head.file, pr.span),
                    })
                    .collect(),
                evidence: texts(a.evidence()),
                disclaimers: texts(a.disclaimers()),
                kpis: kpis(p.head.file, a.kpis(), &loc),
                backstage: texts(a.backstage()),
                teams: names(a.teams()),
                systems: names(a.systems()),
                moments: texts(a.moments()),
                touchpoints: p
                    .touchpoints
                    .iter()
                    .map(|t| touchpoint(m, *t, &loc, &keep, &via))
                    .collect(),
                allows: allows(a.allows()),
                location: at(&p.head),
            }
        })
        .collect();

    // The touchpoints that serve each persona, in the order of the
    // phases (journey order), not of the files they happen to be in.
    let mut personas = personas;
    for persona in &mut personas {
        persona.touchpoints = phases
            .iter()
            .flat_map(|p| &p.touchpoints)
            .filter(|t| t.serves.contains(&persona.id))
            .map(|t| t.id.clone())
            .collect();
    }

    let goals: Vec<Goal> = m
        .goals
        .iter()
        .enumerate()
        .filter(|(i, _)| keep.goals.contains(i))
        .map(|(_, g)| goal(m, g, &loc))
        .collect();
    Document {
        files,
        findings: findings(diagnostics, &loc),
        ..Document::assemble(journeys, personas, phases, goals)
    }
}

fn touchpoint(
    m: &Model,
    id: TouchpointId,
    loc: &Locator<'_>,
    keep: &Keep,
    via: &std::collections::HashSet<(usize, usize)>,
) -> Touchpoint {
    let tp = m.touchpoint(id);
    let t = m.touchpoint_syntax(tp);
    let written = t.channel_statement();
    let channel = name(written.channel);
    let presence_written = name(written.presence);
    let presence = presence_written.clone().or_else(|| {
        channel
            .as_deref()
            .and_then(journey_syntax::schema::channel)
            .map(|c| if c.online { "online" } else { "offline" }.to_string())
    });
    let state_written = name(t.state());
    let moment = t.moment();
    let wow = t.wow();
    // Where the impact map reaches it: plain `via` first, then deliverables.
    let mut reached_by = Vec::new();
    for i in &tp.reached_by {
        let imp = m.impact(*i);
        if via.contains(&(i.index(), id.index())) && keep.goals.contains(&imp.goal.index()) {
            reached_by.push(Reach {
                goal: m.goal(imp.goal).head.id().to_string(),
                actor: m.actor(imp.actor).head.id().to_string(),
                impact: imp.head.id().to_string(),
                deliverable: None,
            });
        }
    }
    for d in &tp.deliverables {
        let del = m.deliverable(*d);
        let imp = m.impact(del.impact);
        if !keep.goals.contains(&imp.goal.index()) {
            continue;
        }
        reached_by.push(Reach {
            goal: m.goal(imp.goal).head.id().to_string(),
            actor: m.actor(imp.actor).head.id().to_string(),
            impact: imp.head.id().to_string(),
            deliverable: Some(deliverable_key(m, *d)),
        });
    }
    Touchpoint {
        id: tp.head.id().to_string(),
        title: title(&t.title),
        phase: m.phase(tp.phase).head.id().to_string(),
        channel,
        presence_explicit: presence_written.is_some(),
        presence,
        owner: name(t.owner()),
        systems: names(t.systems()),
        kpis: kpis(tp.head.file, t.kpis(), loc),
        serves: tp
            .serves
            .iter()
            .map(|p| m.persona(*p).head.id().to_string())
            .collect(),
        says: texts(t.says()),
        evidence: texts(t.evidence()),
        disclaimers: texts(t.disclaimers()),
        keeps: names(t.keeps()),
        expectation: t.expectation().map(|s| s.value),
        experience: t.experience().map(|s| s.value),
        target_experience: t.target_experience().map(|s| s.value),
        persona_scores: t
            .persona_scores()
            .into_iter()
            .map(|p| PersonaScores {
                persona: p.persona.text.to_string(),
                expectation: p.expectation.map(|s| s.value),
                experience: p.experience.map(|s| s.value),
                target: p.target.map(|s| s.value),
                feeling: text(p.feeling),
            })
            .collect(),
        importance: name(t.importance()),
        monitored: t.monitored().map(|f| f.value),
        state_explicit: state_written.is_some(),
        state: state_written.unwrap_or_else(|| "current".to_string()),
        moment: moment.as_ref().is_some_and(|m| m.value),
        moment_note: moment.filter(|m| m.value).and_then(|m| text(m.note)),
        wow: wow.as_ref().is_some_and(|w| w.value),
        wow_note: wow.filter(|w| w.value).and_then(|w| text(w.note)),
        cost: t.cost().filter(|c| c.amount.is_finite()).map(|c| Cost {
            amount: c.amount,
            currency: c.currency.text.to_string(),
        }),
        next: tp
            .next
            .iter()
            .filter(|n| keep.phases.contains(&m.touchpoint(**n).phase.index()))
            .map(|n| m.touchpoint(*n).head.id().to_string())
            .collect(),
        collects: texts(t.collects()),
        basis: name(t.basis()),
        description: text(t.description()),
        reached_by,
        allows: allows(t.allows()),
        location: loc.locate(tp.head.file, tp.head.span),
    }
}

/// What goes into the document: everything, or the part of a workspace
/// in focus plus what it refers to, so that every reference resolves.
struct Keep {
    journeys: BTreeSet<usize>,
    phases: BTreeSet<usize>,
    personas: BTreeSet<usize>,
    goals: BTreeSet<usize>,
    files: BTreeSet<FileId>,
}

impl Keep {
    fn new(m: &Model, in_focus: &dyn Fn(FileId) -> bool) -> Keep {
        let focus = |h: &Header| in_focus(h.file);
        let journeys: BTreeSet<usize> = (0..m.journeys.len())
            .filter(|i| focus(&m.journeys[*i].head))
            .collect();
        let mut phases: BTreeSet<usize> = (0..m.phases.len())
            .filter(|i| focus(&m.phases[*i].head))
            .collect();
        for j in &journeys {
            phases.extend(m.journeys[*j].phase_ids().map(PhaseId::index));
        }
        let reaches = |g: &model::Goal, phases: &BTreeSet<usize>| {
            g.actors.iter().flat_map(|a| &m.actor(*a).impacts).any(|i| {
                let imp = m.impact(*i);
                imp.via
                    .iter()
                    .chain(imp.deliverables.iter().flat_map(|d| &m.deliverable(*d).via))
                    .any(|t| phases.contains(&m.touchpoint(*t).phase.index()))
            })
        };
        let goals: BTreeSet<usize> = (0..m.goals.len())
            .filter(|i| focus(&m.goals[*i].head) || reaches(&m.goals[*i], &phases))
            .collect();
        // The phases of every touchpoint a kept goal reaches.
        for g in &goals {
            for a in &m.goals[*g].actors {
                for i in &m.actor(*a).impacts {
                    let imp = m.impact(*i);
                    for t in imp
                        .via
                        .iter()
                        .chain(imp.deliverables.iter().flat_map(|d| &m.deliverable(*d).via))
                    {
                        phases.insert(m.touchpoint(*t).phase.index());
                    }
                }
            }
        }
        let mut personas: BTreeSet<usize> = (0..m.personas.len())
            .filter(|i| focus(&m.personas[*i].head))
            .collect();
        for p in &phases {
            for t in &m.phases[*p].touchpoints {
                personas.extend(m.touchpoint(*t).serves.iter().map(|p| p.index()));
            }
        }
        for g in &goals {
            for a in &m.goals[*g].actors {
                personas.extend(m.actor(*a).persona.map(|p| p.index()));
            }
        }
        let mut files: BTreeSet<FileId> = BTreeSet::new();
        files.extend(journeys.iter().map(|i| m.journeys[*i].head.file));
        files.extend(phases.iter().map(|i| m.phases[*i].head.file));
        files.extend(personas.iter().map(|i| m.personas[*i].head.file));
        files.extend(goals.iter().map(|i| m.goals[*i].head.file));
        files.extend(m.files().filter(|f| in_focus(*f)));
        Keep {
            journeys,
            phases,
            personas,
            goals,
            files,
        }
    }
}

/// A deliverable's id, or its title when it has none.
fn deliverable_key(m: &Model, d: DeliverableId) -> String {
    let del = m.deliverable(d);
    match &del.head.name {
        Some(n) => n.text.to_string(),
        None => m.deliverable_syntax(del).title.value.into_owned(),
    }
}

fn goal(m: &Model, g: &model::Goal, loc: &Locator<'_>) -> Goal {
    let a = m.goal_syntax(g);
    let at = |h: &Header| loc.locate(h.file, h.span);
    Goal {
        id: g.head.id().to_string(),
        title: title(&a.title),
        metric: a.metric().map(|x| Metric {
            name: x.name.value.into_owned(),
            current: x.current.map(value),
            target: x.target.map(value),
            unit: text(x.unit),
            by: x.by.as_ref().map(|b| b.display().to_string()),
        }),
        description: text(a.description()),
        actors: g
            .actors
            .iter()
            .map(|aid| {
                let actor = m.actor(*aid);
                let aa = m.actor_syntax(actor);
                Actor {
                    id: actor.head.id().to_string(),
                    title: title(&aa.title),
                    persona: actor.persona.map(|p| m.persona(p).head.id().to_string()),
                    impacts: actor
                        .impacts
                        .iter()
                        .map(|iid| {
                            let imp = m.impact(*iid);
                            let ia = m.impact_syntax(imp);
                            Impact {
                                id: imp.head.id().to_string(),
                                title: title(&ia.title),
                                kpis: kpis(imp.head.file, ia.kpis(), loc),
                                via: imp
                                    .via
                                    .iter()
                                    .map(|t| m.touchpoint(*t).head.id().to_string())
                                    .collect(),
                                deliverables: imp
                                    .deliverables
                                    .iter()
                                    .map(|did| {
                                        let del = m.deliverable(*did);
                                        let da = m.deliverable_syntax(del);
                                        Deliverable {
                                            id: del.head.name.as_ref().map(|n| n.text.to_string()),
                                            title: da.title.value.into_owned(),
                                            via: del
                                                .via
                                                .iter()
                                                .map(|t| m.touchpoint(*t).head.id().to_string())
                                                .collect(),
                                            location: at(&del.head),
                                        }
                                    })
                                    .collect(),
                                allows: allows(ia.allows()),
                                location: at(&imp.head),
                            }
                        })
                        .collect(),
                    allows: allows(aa.allows()),
                    location: at(&actor.head),
                }
            })
            .collect(),
        allows: allows(a.allows()),
        location: at(&g.head),
    }
}

/// The teams and systems named anywhere, with where they are named.
pub(crate) fn teams_and_systems(phases: &[Phase]) -> (Vec<Team>, Vec<System>) {
    let mut teams: BTreeMap<String, Team> = BTreeMap::new();
    let mut systems: BTreeMap<String, System> = BTreeMap::new();
    // A phase or touchpoint is added to an entry right after the last one
    // it was added to, so checking the last element keeps lists unique.
    fn push(v: &mut Vec<String>, s: &str) {
        if v.last().map(String::as_str) != Some(s) {
            v.push(s.to_string());
        }
    }
    for p in phases {
        for t in &p.teams {
            let e = teams.entry(t.clone()).or_insert_with(|| Team {
                id: t.clone(),
                phases: Vec::new(),
                touchpoints: Vec::new(),
            });
            push(&mut e.phases, &p.id);
        }
        for s in &p.systems {
            let e = systems.entry(s.clone()).or_insert_with(|| System {
                id: s.clone(),
                phases: Vec::new(),
                touchpoints: Vec::new(),
            });
            push(&mut e.phases, &p.id);
        }
        for tp in &p.touchpoints {
            if let Some(o) = &tp.owner {
                let e = teams.entry(o.clone()).or_insert_with(|| Team {
                    id: o.clone(),
                    phases: Vec::new(),
                    touchpoints: Vec::new(),
                });
                push(&mut e.touchpoints, &tp.id);
            }
            for s in &tp.systems {
                let e = systems.entry(s.clone()).or_insert_with(|| System {
                    id: s.clone(),
                    phases: Vec::new(),
                    touchpoints: Vec::new(),
                });
                push(&mut e.touchpoints, &tp.id);
            }
        }
    }
    (
        teams.into_values().collect(),
        systems.into_values().collect(),
    )
}
