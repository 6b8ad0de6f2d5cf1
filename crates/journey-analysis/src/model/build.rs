//! Building the [`Model`] from the typed syntax trees.
//!
//! Two passes: the first collects every definition (so that names may be
//! used before they are defined, in any file), the second resolves the
//! references against the name tables and fills in the reverse links.

use super::imports::{self, Import};
use super::*;
use crate::Workspace;
use journey_syntax::view;

/// A reference waiting for the name tables.
struct Pending {
    file: FileId,
    name: Name,
    role: RefRole,
    from: Def,
    /// For `phases`: the position in the list.
    slot: u32,
}

pub(super) fn build<'a>(
    ws: &Workspace,
    files: impl IntoIterator<Item = (FileId, &'a crate::FileData)>,
) -> Model {
    let mut m = Model {
        parses: vec![None; ws.next_id() as usize],
        ..Model::default()
    };
    let mut pending: Vec<Pending> = Vec::new();

    for (file, data) in files {
        m.parses[file.0 as usize] = Some(FileSyntax {
            parse: data.parse.clone(),
            text: data.source.text.clone(),
        });
        let syntax = view::File::new(&data.source.text, &data.parse.tree);
        for item in syntax.items() {
            match item {
                view::Item::Import(i) => {
                    let resolved_path = imports::resolve_relative(&data.path, &i.path.value);
                    let refused = ws.import_refusal(&resolved_path);
                    let target = match refused {
                        Some(_) => None,
                        None => ws.resolve_path(&resolved_path),
                    };
                    m.imports.push(Import {
                        file,
                        span: i.span,
                        path_span: i.path.span,
                        path: i.path.value.to_string(),
                        resolved_path,
                        target,
                        refused,
                        duplicate_of: None,
                        cycle: None,
                    });
                }
                view::Item::Journey(j) => {
                    let id = JourneyId(m.journeys.len() as u32);
                    let from = Def::Journey(id);
                    let phases = j.phases();
                    let loop_back = j.loop_back();
                    for (slot, name) in phases.iter().enumerate() {
                        pending.push(Pending {
                            file,
                            name: Name::from(*name),
                            role: RefRole::JourneyPhases,
                            from,
                            slot: slot as u32,
                        });
                    }
                    if let Some(l) = &loop_back {
                        for (name, role) in [(l.from, RefRole::LoopFrom), (l.to, RefRole::LoopTo)] {
                            pending.push(Pending {
                                file,
                                name: Name::from(name),
                                role,
                                from,
                                slot: 0,
                            });
                        }
                    }
                    m.journeys.push(Journey {
                        head: Header {
                            name: Some(Name::from(j.id)),
                            file,
                            span: j.spans.full,
                            parent: None,
                        },
                        phases: phases
                            .iter()
                            .map(|n| PhaseSlot {
                                name: Name::from(*n),
                                phase: None,
                            })
                            .collect(),
                        loop_back: loop_back.map(|l| LoopBack {
                            from: PhaseSlot {
                                name: Name::from(l.from),
                                phase: None,
                            },
                            to: PhaseSlot {
                                name: Name::from(l.to),
                                phase: None,
                            },
                            span: l.span,
                        }),
                        node: j.statement().index() as u32,
                    });
                }
                view::Item::Persona(p) => {
                    m.personas.push(Persona {
                        head: Header {
                            name: Some(Name::from(p.id)),
                            file,
                            span: p.spans.full,
                            parent: None,
                        },
                        served_by: Vec::new(),
                        actors: Vec::new(),
                        node: p.statement().index() as u32,
                    });
                }
                view::Item::Phase(p) => phase(&mut m, &mut pending, file, &p),
                view::Item::Goal(g) => goal(&mut m, &mut pending, file, &g),
            }
        }
    }

    // Name tables. Files are read in id order, so every list is in file
    // and source order: the first entry is the definition that counts.
    let defs: Vec<Def> = m.all_defs().collect();
    for &def in &defs {
        if !def.kind().unique() {
            continue;
        }
        if let Some(name) = &m.header(def).name {
            m.names
                .entry((def.kind(), name.text))
                .or_default()
                .push(def);
        }
    }

    resolve(&mut m, pending);
    imports::analyse(&mut m.imports);
    index(&mut m, &defs);
    m
}

fn kpis(m: &mut Model, file: FileId, list: &[view::Kpi<'_>], owner: KpiOwner) -> Vec<KpiId> {
    let parent = match owner {
        KpiOwner::Phase(p) => Def::Phase(p),
        KpiOwner::Touchpoint(t) => Def::Touchpoint(t),
        KpiOwner::Impact(i) => Def::Impact(i),
    };
    list.iter()
        .enumerate()
        .map(|(i, k)| {
            let id = KpiId(m.kpis.len() as u32);
            m.kpis.push(Kpi {
                head: Header {
                    name: k.id.map(Name::from),
                    file,
                    span: k.span,
                    parent: Some(parent),
                },
                owner,
                index: i as u32,
            });
            id
        })
        .collect()
}

fn phase(m: &mut Model, pending: &mut Vec<Pending>, file: FileId, p: &view::Phase<'_>) {
    let id = PhaseId(m.phases.len() as u32);
    m.phases.push(Phase {
        head: Header {
            name: Some(Name::from(p.id)),
            file,
            span: p.spans.full,
            parent: None,
        },
        kind: p.kind().and_then(|k| PhaseKind::parse(k.text)),
        journeys: Vec::new(),
        touchpoints: Vec::new(),
        kpis: Vec::new(),
        node: p.statement().index() as u32,
    });
    let phase_kpis = kpis(m, file, &p.kpis(), KpiOwner::Phase(id));
    m.phases[id.index()].kpis = phase_kpis;
    for t in p.touchpoints() {
        let tid = TouchpointId(m.touchpoints.len() as u32);
        m.touchpoints.push(Touchpoint {
            head: Header {
                name: Some(Name::from(t.id)),
                file,
                span: t.spans.full,
                parent: Some(Def::Phase(id)),
            },
            phase: id,
            serves: Vec::new(),
            kpis: Vec::new(),
            reached_by: Vec::new(),
            deliverables: Vec::new(),
            next: Vec::new(),
            node: t.statement().index() as u32,
        });
        let k = kpis(m, file, &t.kpis(), KpiOwner::Touchpoint(tid));
        m.touchpoints[tid.index()].kpis = k;
        m.phases[id.index()].touchpoints.push(tid);
        let uses = t.serves().into_iter().map(|n| (n, RefRole::Serves));
        let uses = uses.chain(
            t.persona_scores()
                .into_iter()
                .map(|p| (p.persona, RefRole::ScoresFor)),
        );
        let uses = uses.chain(t.next().into_iter().map(|n| (n, RefRole::Next)));
        for (name, role) in uses {
            pending.push(Pending {
                file,
                name: Name::from(name),
                role,
                from: Def::Touchpoint(tid),
                slot: 0,
            });
        }
    }
}

fn goal(m: &mut Model, pending: &mut Vec<Pending>, file: FileId, g: &view::Goal<'_>) {
    let gid = GoalId(m.goals.len() as u32);
    m.goals.push(Goal {
        head: Header {
            name: Some(Name::from(g.id)),
            file,
            span: g.spans.full,
            parent: None,
        },
        actors: Vec::new(),
        node: g.statement().index() as u32,
    });
    for a in g.actors() {
        let aid = ActorId(m.actors.len() as u32);
        m.actors.push(Actor {
            head: Header {
                name: Some(Name::from(a.id)),
                file,
                span: a.spans.full,
                parent: Some(Def::Goal(gid)),
            },
            goal: gid,
            persona: None,
            impacts: Vec::new(),
            node: a.statement().index() as u32,
        });
        m.goals[gid.index()].actors.push(aid);
        pending.push(Pending {
            file,
            name: Name::from(a.id),
            role: RefRole::Actor,
            from: Def::Actor(aid),
            slot: 0,
        });
        for imp in a.impacts() {
            let iid = ImpactId(m.impacts.len() as u32);
            m.impacts.push(Impact {
                head: Header {
                    name: Some(Name::from(imp.id)),
                    file,
                    span: imp.spans.full,
                    parent: Some(Def::Actor(aid)),
                },
                actor: aid,
                goal: gid,
                via: Vec::new(),
                kpis: Vec::new(),
                deliverables: Vec::new(),
                node: imp.statement().index() as u32,
            });
            m.actors[aid.index()].impacts.push(iid);
            let k = kpis(m, file, &imp.kpis(), KpiOwner::Impact(iid));
            m.impacts[iid.index()].kpis = k;
            for name in imp.via() {
                pending.push(Pending {
                    file,
                    name: Name::from(name),
                    role: RefRole::ImpactVia,
                    from: Def::Impact(iid),
                    slot: 0,
                });
            }
            for (di, d) in imp.deliverables().into_iter().enumerate() {
                let did = DeliverableId(m.deliverables.len() as u32);
                m.deliverables.push(Deliverable {
                    head: Header {
                        name: d.id.map(Name::from),
                        file,
                        span: d.span,
                        parent: Some(Def::Impact(iid)),
                    },
                    impact: iid,
                    via: Vec::new(),
                    index: di as u32,
                });
                m.impacts[iid.index()].deliverables.push(did);
                for name in d.via {
                    pending.push(Pending {
                        file,
                        name: Name::from(name),
                        role: RefRole::DeliverableVia,
                        from: Def::Deliverable(did),
                        slot: 0,
                    });
                }
            }
        }
    }
}

/// Appends `x` unless it was the last one appended. The references of one
/// definition are resolved one after the other, so a reverse list (who
/// serves a persona, which impacts reach a touchpoint …) sees a repeated
/// entry right after the first: checking the last entry is enough, where
/// searching the list would make a persona served by 30,000 touchpoints
/// cost 450 million comparisons.
fn push_once<T: PartialEq>(list: &mut Vec<T>, x: T) {
    if list.last() != Some(&x) {
        list.push(x);
    }
}

fn resolve(m: &mut Model, pending: Vec<Pending>) {
    for p in pending {
        // `after-sales` is reported by the syntax with the fix `after_sales`:
        // it stands for that name, so nothing else is reported about it.
        let target = m.lookup_atom(p.role.expects(), p.name.text).or_else(|| {
            let name = p.name.text.as_str();
            name.contains('-')
                .then(|| m.lookup(p.role.expects(), &name.replace('-', "_")))
                .flatten()
        });
        match (p.role, p.from, target) {
            (RefRole::JourneyPhases, Def::Journey(j), Some(Def::Phase(ph))) => {
                m.journeys[j.index()].phases[p.slot as usize].phase = Some(ph);
                let journeys = &mut m.phases[ph.index()].journeys;
                push_once(journeys, j);
            }
            (RefRole::LoopFrom, Def::Journey(j), Some(Def::Phase(ph))) => {
                if let Some(l) = &mut m.journeys[j.index()].loop_back {
                    l.from.phase = Some(ph);
                }
            }
            (RefRole::LoopTo, Def::Journey(j), Some(Def::Phase(ph))) => {
                if let Some(l) = &mut m.journeys[j.index()].loop_back {
                    l.to.phase = Some(ph);
                }
            }
            (RefRole::Serves, Def::Touchpoint(t), Some(Def::Persona(pe))) => {
                let serves = &mut m.touchpoints[t.index()].serves;
                if !serves.contains(&pe) {
                    serves.push(pe);
                }
                let served_by = &mut m.personas[pe.index()].served_by;
                push_once(served_by, t);
            }
            (RefRole::Actor, Def::Actor(a), Some(Def::Persona(pe))) => {
                m.actors[a.index()].persona = Some(pe);
                m.personas[pe.index()].actors.push(a);
            }
            // A stakeholder named by its title: a definition, not a reference.
            (RefRole::Actor, Def::Actor(a), None)
                if m.actor_syntax(&m.actors[a.index()]).title.is_some() =>
            {
                continue;
            }
            (RefRole::ImpactVia, Def::Impact(i), Some(Def::Touchpoint(t))) => {
                let via = &mut m.impacts[i.index()].via;
                if !via.contains(&t) {
                    via.push(t);
                }
                let reached = &mut m.touchpoints[t.index()].reached_by;
                push_once(reached, i);
            }
            (RefRole::DeliverableVia, Def::Deliverable(d), Some(Def::Touchpoint(t))) => {
                let impact = m.deliverables[d.index()].impact;
                let via = &mut m.deliverables[d.index()].via;
                if !via.contains(&t) {
                    via.push(t);
                }
                let tp = &mut m.touchpoints[t.index()];
                push_once(&mut tp.deliverables, d);
                push_once(&mut tp.reached_by, impact);
            }
            (RefRole::Next, Def::Touchpoint(from), Some(Def::Touchpoint(to))) => {
                push_once(&mut m.touchpoints[from.index()].next, to);
            }
            _ => {}
        }
        m.references.push(Reference {
            file: p.file,
            span: p.name.span,
            name: p.name.text,
            role: p.role,
            from: p.from,
            target,
        });
    }
}

fn index(m: &mut Model, defs: &[Def]) {
    let files = m.parses.len();
    m.defs_by_file = vec![Vec::new(); files];
    for &d in defs {
        if let Def::Actor(a) = d {
            if m.actors[a.index()].persona.is_some() || !m.actors[a.index()].is_stakeholder(m) {
                continue;
            }
        }
        let h = m.header(d);
        if let Some(n) = &h.name {
            let (file, span) = (h.file.0 as usize, n.span);
            m.defs_by_file[file].push((span, d));
        }
    }
    for v in &mut m.defs_by_file {
        v.sort_by_key(|(s, _)| (s.start, s.end));
    }
    m.refs_by_file = vec![Vec::new(); files];
    for (i, r) in m.references.iter().enumerate() {
        m.refs_by_file[r.file.0 as usize].push(i as u32);
        if let Some(t) = r.target {
            m.refs_by_target.entry(t).or_default().push(i as u32);
        }
    }
    let refs = &m.references;
    for v in &mut m.refs_by_file {
        v.sort_by_key(|&i| (refs[i as usize].span.start, refs[i as usize].span.end));
    }
    for v in m.refs_by_target.values_mut() {
        v.sort_by_key(|&i| (refs[i as usize].file, refs[i as usize].span.start));
    }
}
