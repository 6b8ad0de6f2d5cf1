//! From a journey document to `.journey` files: the inverse of
//! `journey_export::Document::build`. Whatever a workbook holds — read
//! back from `journeyc export --format xlsx` or from a workshop sheet —
//! becomes a [`Document`] first and then source text here, so that every
//! field the export knows is written back.
//!
//! The files, formatted canonically: `journey.journey` (the journeys,
//! importing the others), `personas.journey`, `phases.journey` (phases
//! with their touchpoints) and `goals.journey` (the impact map); German
//! workbooks get `phasen.journey` and `ziele.journey`, the names
//! `journeyc init --lang de` uses. Files with nothing to hold are left
//! out.

use crate::emit::Src;
use crate::generate::literal;
use crate::{ImportError, OutFile};
use journey_export::sheet::Lang;
use journey_export::{
    format_number, Allow, Document, Goal, Journey, Kpi, Persona, PersonaScores, Phase, Touchpoint,
    Value,
};

/// File names per language.
pub fn file_names(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::En => [
            "journey.journey",
            "personas.journey",
            "phases.journey",
            "goals.journey",
        ],
        Lang::De => [
            "journey.journey",
            "personas.journey",
            "phasen.journey",
            "ziele.journey",
        ],
    }
}

impl Src {
    /// `keyword "text"` when there is a text.
    fn text(&mut self, keyword: &str, value: &Option<String>) {
        if let Some(v) = value {
            let c = self.col();
            self.line(&format!("{keyword} {}", literal(v, c)));
        }
    }
    /// `keyword "a", "b"` when there are items.
    fn texts(&mut self, keyword: &str, items: &[String]) {
        if !items.is_empty() {
            let c = self.col();
            let list: Vec<String> = items.iter().map(|s| literal(s, c)).collect();
            self.line(&format!("{keyword} {}", list.join(", ")));
        }
    }
    /// `keyword a, b` when there are ids.
    fn ids(&mut self, keyword: &str, items: &[String]) {
        if !items.is_empty() {
            self.line(&format!("{keyword} {}", items.join(", ")));
        }
    }
    fn allows(&mut self, allows: &[Allow]) {
        for a in allows {
            let c = self.col();
            let check = if crate::cells::is_ident(&a.check) {
                a.check.clone()
            } else {
                literal(&a.check, c)
            };
            match &a.reason {
                Some(r) => self.line(&format!("allow {check} {}", literal(r, c))),
                None => self.line(&format!("allow {check}")),
            }
        }
    }
    fn kpis(&mut self, kpis: &[Kpi]) {
        for k in kpis {
            let c = self.col();
            let mut s = String::from("kpi ");
            if let Some(id) = &k.id {
                s.push_str(id);
                s.push(' ');
            }
            s.push_str(&literal(&k.name, c));
            if let Some(t) = &k.target {
                s.push_str(" target ");
                s.push_str(&value(t, c));
            }
            if let Some(u) = &k.unit {
                s.push_str(" unit ");
                s.push_str(&literal(u, c));
            }
            self.line(&s);
        }
    }
}

/// A measurable value as the language writes it.
fn value(v: &Value, col: usize) -> String {
    match v {
        Value::Number(n) => format_number(*n),
        Value::Date(d) if crate::cells::is_date(d) => d.clone(),
        Value::Date(d) | Value::Text(d) => literal(d, col),
    }
}

fn head(keyword: &str, id: &str, title: &Option<String>) -> String {
    match title {
        Some(t) => format!("{keyword} {id} {}", literal(t, 0)),
        None => format!("{keyword} {id}"),
    }
}

fn journey(s: &mut Src, j: &Journey) {
    s.open(&head("journey", &j.id, &j.title));
    s.text("sponsor", &j.sponsor);
    s.text("value", &j.value);
    s.text("description", &j.description);
    s.ids("phases", &j.phases);
    if let Some(l) = &j.loop_back {
        s.line(&format!("loop {} -> {}", l.from, l.to));
    }
    s.texts("evidence", &j.evidence);
    s.texts("disclaimer", &j.disclaimers);
    s.allows(&j.allows);
    s.close();
}

fn persona(s: &mut Src, p: &Persona) {
    s.open(&head("persona", &p.id, &p.name));
    s.text("role", &p.role);
    s.text("description", &p.description);
    s.text("evidence", &p.evidence);
    s.texts("needs", &p.needs);
    s.texts("pains", &p.pains);
    s.texts("gains", &p.gains);
    s.texts("goals", &p.goals);
    s.ids("channels", &p.channels);
    if let Some(e) = &p.empathy {
        s.open("empathy");
        s.texts("says", &e.says);
        s.texts("thinks", &e.thinks);
        s.texts("does", &e.does);
        s.texts("feels", &e.feels);
        s.close();
    }
    s.allows(&p.allows);
    s.close();
}

fn phase(s: &mut Src, p: &Phase) {
    s.open(&head("phase", &p.id, &p.title));
    if let Some(k) = &p.kind {
        s.line(&format!("kind {k}"));
    }
    s.text("question", &p.question);
    s.texts("activities", &p.activities);
    s.texts("wants", &p.wants);
    s.text("objective", &p.objective);
    s.text("message", &p.message);
    if !p.supports.is_empty() {
        let c = s.col();
        let items: Vec<String> = p
            .supports
            .iter()
            .map(|x| match (&x.reference, &x.text) {
                (Some(r), _) => r.clone(),
                (None, Some(t)) => literal(t, c),
                (None, None) => String::new(),
            })
            .collect();
        s.line(&format!("supports {}", items.join(", ")));
    }
    for pr in &p.promises {
        match &pr.text {
            Some(t) => {
                let c = s.col();
                s.line(&format!("promise {} {}", pr.id, literal(t, c)));
            }
            None => s.line(&format!("promise {}", pr.id)),
        }
    }
    s.texts("evidence", &p.evidence);
    s.texts("disclaimer", &p.disclaimers);
    s.kpis(&p.kpis);
    s.texts("backstage", &p.backstage);
    s.ids("teams", &p.teams);
    s.ids("systems", &p.systems);
    s.texts("moment", &p.moments);
    s.allows(&p.allows);
    for t in &p.touchpoints {
        s.line("");
        touchpoint(s, t);
    }
    s.close();
}

fn touchpoint(s: &mut Src, t: &Touchpoint) {
    s.open(&head("touchpoint", &t.id, &t.title));
    if let Some(ch) = &t.channel {
        match (&t.presence, t.presence_explicit) {
            (Some(p), true) => s.line(&format!("channel {ch} {p}")),
            _ => s.line(&format!("channel {ch}")),
        }
    }
    if let Some(o) = &t.owner {
        s.line(&format!("owner {o}"));
    }
    s.ids("systems", &t.systems);
    s.ids("serves", &t.serves);
    s.texts("says", &t.says);
    s.texts("evidence", &t.evidence);
    s.texts("disclaimer", &t.disclaimers);
    s.ids("keeps", &t.keeps);
    s.kpis(&t.kpis);
    if let Some(e) = t.expectation {
        s.line(&format!("expectation {}", format_number(e)));
    }
    match (t.experience, t.target_experience) {
        (Some(e), Some(x)) => s.line(&format!(
            "experience {} target {}",
            format_number(e),
            format_number(x)
        )),
        (Some(e), None) => s.line(&format!("experience {}", format_number(e))),
        (None, Some(x)) => s.line(&format!("experience target {}", format_number(x))),
        (None, None) => {}
    }
    for p in &t.persona_scores {
        let c = s.col();
        s.line(&persona_scores_line(p, c));
    }
    if let Some(i) = &t.importance {
        s.line(&format!("importance {i}"));
    }
    match t.monitored {
        Some(true) => s.line("monitored"),
        Some(false) => s.line("monitored no"),
        None => {}
    }
    if t.state_explicit {
        s.line(&format!("state {}", t.state));
    }
    if t.moment {
        match &t.moment_note {
            Some(n) => {
                let c = s.col();
                s.line(&format!("moment {}", literal(n, c)));
            }
            None => s.line("moment"),
        }
    }
    if t.wow {
        match &t.wow_note {
            Some(n) => {
                let c = s.col();
                s.line(&format!("wow {}", literal(n, c)));
            }
            None => s.line("wow"),
        }
    }
    if let Some(cost) = &t.cost {
        s.line(&format!("cost {}", cost.display()));
    }
    s.ids("next", &t.next);
    s.texts("collects", &t.collects);
    if let Some(b) = &t.basis {
        s.line(&format!("basis {b}"));
    }
    s.text("description", &t.description);
    s.allows(&t.allows);
    s.close();
}

/// `for PERSONA [expectation S] [experience S] [target S] [feeling "…"]`.
pub(crate) fn persona_scores_line(p: &PersonaScores, col: usize) -> String {
    let mut line = format!("for {}", p.persona);
    for (word, v) in [
        ("expectation", p.expectation),
        ("experience", p.experience),
        ("target", p.target),
    ] {
        if let Some(v) = v {
            line.push_str(&format!(" {word} {}", format_number(v)));
        }
    }
    if let Some(f) = &p.feeling {
        line.push_str(&format!(" feeling {}", literal(f, col)));
    }
    line
}

fn goal(s: &mut Src, g: &Goal) {
    s.open(&head("goal", &g.id, &g.title));
    if let Some(m) = &g.metric {
        let c = s.col();
        let mut line = format!("metric {}", literal(&m.name, c));
        if let Some(v) = &m.current {
            line.push_str(&format!(" current {}", value(v, c)));
        }
        if let Some(v) = &m.target {
            line.push_str(&format!(" target {}", value(v, c)));
        }
        if let Some(u) = &m.unit {
            line.push_str(&format!(" unit {}", literal(u, c)));
        }
        if let Some(by) = &m.by {
            line.push_str(&format!(" by {}", value(&Value::Date(by.clone()), c)));
        }
        s.line(&line);
    }
    s.text("description", &g.description);
    for a in &g.actors {
        s.line("");
        s.open(&head("actor", &a.id, &a.title));
        for i in &a.impacts {
            s.open(&head("impact", &i.id, &i.title));
            s.kpis(&i.kpis);
            s.ids("via", &i.via);
            for d in &i.deliverables {
                let c = s.col();
                let mut line = String::from("deliverable ");
                if let Some(id) = &d.id {
                    line.push_str(id);
                    line.push(' ');
                }
                line.push_str(&literal(&d.title, c));
                if !d.via.is_empty() {
                    line.push_str(&format!(" via {}", d.via.join(", ")));
                }
                s.line(&line);
            }
            s.allows(&i.allows);
            s.close();
        }
        s.allows(&a.allows);
        s.close();
    }
    s.allows(&g.allows);
    s.close();
}

/// The files for `doc`, formatted canonically. `source` names the
/// workbook in the files' header comment.
pub fn files(doc: &Document, source: &str, lang: Lang) -> Result<Vec<OutFile>, ImportError> {
    let [journey_file, persona_file, phase_file, goal_file] = file_names(lang);
    let header = format!("# Imported from {source} with `journeyc import`.");
    let mut out: Vec<(&str, String)> = Vec::new();
    let quote = |f: &str| format!("import {}", literal(f, 0));

    let mut s = Src::new();
    s.line(&header);
    let imports: Vec<&str> = [
        (!doc.personas.is_empty()).then_some(persona_file),
        (!doc.phases.is_empty()).then_some(phase_file),
        (!doc.goals.is_empty()).then_some(goal_file),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !imports.is_empty() {
        s.line("");
        for f in &imports {
            s.line(&quote(f));
        }
    }
    for j in &doc.journeys {
        s.line("");
        journey(&mut s, j);
    }
    if !doc.journeys.is_empty() {
        out.push((journey_file, s.out));
    }

    if !doc.personas.is_empty() {
        let mut s = Src::new();
        s.line(&header);
        for p in &doc.personas {
            s.line("");
            persona(&mut s, p);
        }
        out.push((persona_file, s.out));
    }

    if !doc.phases.is_empty() {
        let mut s = Src::new();
        s.line(&header);
        if !doc.personas.is_empty() {
            s.line("");
            s.line(&quote(persona_file));
        }
        for p in &doc.phases {
            s.line("");
            phase(&mut s, p);
        }
        out.push((phase_file, s.out));
    }

    if !doc.goals.is_empty() {
        let mut s = Src::new();
        s.line(&header);
        let imports: Vec<&str> = [
            (!doc.personas.is_empty()).then_some(persona_file),
            (!doc.phases.is_empty()).then_some(phase_file),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !imports.is_empty() {
            s.line("");
            for f in imports {
                s.line(&quote(f));
            }
        }
        for g in &doc.goals {
            s.line("");
            goal(&mut s, g);
        }
        out.push((goal_file, s.out));
    }

    crate::emit::formatted(out)
}
