//! A starter workspace from a model: each file is its template filled in
//! with the model's texts, then put into the canonical layout.

use crate::data::{self, Common, Model, Phase, Texts};
use crate::fill::{current_year, fill, wrap};
use crate::Lang;
use journey_fmt::FormatOptions;
use journey_syntax::escape;

/// What a workspace is built from.
struct Ctx<'a> {
    model: &'a Model,
    lang: Lang,
    texts: &'static Texts,
    common: &'static Common,
    opts: &'a FormatOptions,
}

impl Ctx<'_> {
    fn t<'s>(&self, tr: &'s data::Tr) -> &'s str {
        tr.get(self.lang)
    }

    fn team(&self, phase: &Phase) -> &'static str {
        Common::name(&self.common.teams, &phase.team, self.lang)
    }

    fn system(&self, phase: &Phase) -> &'static str {
        Common::name(&self.common.systems, &phase.touchpoint.system, self.lang)
    }

    fn touchpoints(&self, phases: &[Phase]) -> String {
        let ids: Vec<&str> = phases.iter().map(|p| self.t(&p.touchpoint.id)).collect();
        ids.join(", ")
    }
}

/// The files of a workspace from `model` in `lang`, formatted with `opts`:
/// (relative path, text).
pub fn workspace(
    model: &Model,
    lang: Lang,
    opts: &FormatOptions,
) -> Result<Vec<(String, String)>, String> {
    let cx = Ctx {
        model,
        lang,
        texts: data::texts(lang),
        common: data::common(),
        opts,
    };
    let names = &cx.texts.files;
    let mut files = vec![
        ("journey.toml".to_string(), config(&cx)),
        (names.journey.clone(), journey(&cx)),
        (names.personas.clone(), personas(&cx)),
        (names.phases.clone(), phases(&cx)),
        (names.goals.clone(), goals(&cx)),
    ];
    // Canonical layout, the same `journeyc fmt` writes.
    for (name, text) in files.iter_mut().filter(|(n, _)| n.ends_with(".journey")) {
        *text =
            journey_fmt::format_text_verified(text, opts).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(files)
}

/// journey.toml, with the layout `opts` asks for.
fn config(cx: &Ctx) -> String {
    let (width, indent) = (cx.opts.line_width.to_string(), cx.opts.indent.to_string());
    fill(
        cx.texts.templates.config,
        &[("line_width", &width), ("indent", &indent)],
    )
}

/// The journey: what the model is, its value proposition and phases.
fn journey(cx: &Ctx) -> String {
    let (model, names) = (cx.model, &cx.texts.files);
    let header = wrap(
        &format!("{}: {}", cx.t(&model.title), cx.t(&model.summary)),
        "# ",
        78,
    );
    let intro = wrap(&fill(&cx.texts.intro, &[("name", &model.name)]), "# ", 78);
    let title = fill(&cx.texts.journey_title, &[("title", cx.t(&model.title))]);
    // The text block's lines sit one level deeper than the statement.
    let inner = " ".repeat(2 * cx.opts.indent);
    let about = wrap(cx.t(&model.about), &inner, cx.opts.line_width.min(80));
    let ids: Vec<&str> = model.phases.iter().map(|p| cx.t(&p.id)).collect();
    let looped = match model.loop_to {
        Some(to) => format!("loop {} -> {}\n", ids[ids.len() - 1], ids[to]),
        None => String::new(),
    };
    fill(
        data::JOURNEY,
        &[
            ("header", &header),
            ("intro", &intro),
            ("personas", &names.personas),
            ("phases", &names.phases),
            ("goals", &names.goals),
            ("journey_id", &cx.texts.journey_id),
            ("journey_title", &escape(&title)),
            ("sponsor", &escape(&cx.texts.sponsor)),
            ("value", &escape(&cx.texts.value)),
            ("about", &about),
            ("inner", &inner),
            ("phase_ids", &ids.join(", ")),
            ("loop", &looped),
        ],
    )
}

/// The persona: its channels are those of the touchpoints.
fn personas(cx: &Ctx) -> String {
    let mut channels: Vec<&str> = Vec::new();
    for p in &cx.model.phases {
        if !channels.contains(&p.touchpoint.channel.as_str()) {
            channels.push(&p.touchpoint.channel);
        }
    }
    fill(
        cx.texts.templates.personas,
        &[
            ("persona", &cx.texts.persona),
            ("channels", &channels.join(", ")),
        ],
    )
}

/// The phases, each with a placeholder touchpoint.
fn phases(cx: &Ctx) -> String {
    let blocks: Vec<String> = cx
        .model
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| phase(cx, i, p))
        .collect();
    fill(
        cx.texts.templates.phases,
        &[
            ("personas", &cx.texts.files.personas),
            ("phases", &blocks.join("\n")),
        ],
    )
}

/// Phase `i`; it supports one part of the value proposition, in turn.
fn phase(cx: &Ctx, i: usize, p: &Phase) -> String {
    let tp = &p.touchpoint;
    let parts = cx.common.value_parts(cx.lang);
    let e = |tr: &data::Tr| escape(cx.t(tr));
    let moment = match &p.moment {
        Some(m) => format!("moment \"{}\"\n", e(m)),
        None => String::new(),
    };
    let online = if tp.online { "online" } else { "offline" };
    let moment_yes = if p.moment.is_some() {
        "moment yes\n"
    } else {
        ""
    };
    let unit = p.kpi.unit.as_ref().map(e).unwrap_or_default();
    fill(
        data::PHASE,
        &[
            ("number", &(i + 1).to_string()),
            ("heading", cx.t(&p.title)),
            ("id", cx.t(&p.id)),
            ("title", &e(&p.title)),
            ("kind", &p.kind),
            ("question", &e(&p.question)),
            ("activity", &e(&p.activity)),
            ("wants", &e(&p.wants)),
            ("objective", &e(&p.objective)),
            ("message", &e(&p.message)),
            ("supports", &escape(&parts[i % parts.len()])),
            ("kpi", &e(&p.kpi.name)),
            ("kpi_target", &p.kpi.target.to_string()),
            ("kpi_unit", &unit),
            ("moment", &moment),
            ("team", cx.team(p)),
            ("system", cx.system(p)),
            ("touchpoint", cx.t(&tp.id)),
            ("touchpoint_title", &e(&tp.title)),
            ("channel", &tp.channel),
            ("online", online),
            ("persona", &cx.texts.persona),
            ("says", &e(&tp.says)),
            ("touchpoint_kpi", &e(&tp.kpi.name)),
            ("touchpoint_kpi_target", &tp.kpi.target.to_string()),
            ("moment_yes", moment_yes),
        ],
    )
}

/// The impact map: one impact reached by the touchpoints before the
/// purchase, one by those from the purchase on; the goal's deadline is
/// the end of next year.
fn goals(cx: &Ctx) -> String {
    let phases = &cx.model.phases;
    let split = phases
        .iter()
        .position(|p| p.kind == "purchase")
        .unwrap_or(phases.len() / 2)
        .max(1);
    let last = cx.t(&phases[phases.len() - 1].touchpoint.id);
    fill(
        cx.texts.templates.goals,
        &[
            ("personas", &cx.texts.files.personas),
            ("phases", &cx.texts.files.phases),
            ("year", &(current_year() + 1).to_string()),
            ("persona", &cx.texts.persona),
            ("before", &cx.touchpoints(&phases[..split])),
            ("after", &cx.touchpoints(&phases[split..])),
            ("last", last),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models;

    const LANGS: [Lang; 2] = [Lang::En, Lang::De];

    #[test]
    fn every_template_renders_without_syntax_errors_in_both_languages() {
        for m in models() {
            for lang in LANGS {
                let files = workspace(m, lang, &FormatOptions::default())
                    .unwrap_or_else(|e| panic!("{} {lang:?}: {e}", m.name));
                assert_eq!(files.len(), 5);
                for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".journey")) {
                    let parse = journey_syntax::parse(text, journey_diagnostics::FileId(0));
                    assert!(
                        parse.diagnostics.is_empty(),
                        "{} {lang:?} {name}: {:?}",
                        m.name,
                        parse.diagnostics
                    );
                }
            }
        }
    }

    /// Every placeholder of every template is filled in: a misspelt one
    /// would reach the user's files as `{name}`.
    #[test]
    fn no_placeholder_is_left() {
        for m in models() {
            for lang in LANGS {
                for (name, text) in workspace(m, lang, &FormatOptions::default()).unwrap() {
                    let left = text.split('{').skip(1).find(|rest| {
                        let key = rest.split('}').next().unwrap_or("");
                        !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    });
                    assert!(left.is_none(), "{} {lang:?} {name}: {{{left:?}", m.name);
                }
            }
        }
    }

    #[test]
    fn template_ids_are_unique_within_a_template() {
        for m in models() {
            for lang in LANGS {
                let mut ids: Vec<&str> = m.phases.iter().map(|p| p.id.get(lang)).collect();
                ids.extend(m.phases.iter().map(|p| p.touchpoint.id.get(lang)));
                let n = ids.len();
                ids.sort();
                ids.dedup();
                assert_eq!(ids.len(), n, "{} {lang:?}", m.name);
            }
        }
    }

    /// Teams and systems are named by identifiers `common.toml` lists.
    #[test]
    fn teams_and_systems_are_known() {
        let common = data::common();
        for m in models() {
            for p in &m.phases {
                assert!(common.teams.iter().any(|t| t.en == p.team), "{}", p.team);
                let system = &p.touchpoint.system;
                assert!(common.systems.iter().any(|t| &t.en == system), "{system}");
            }
        }
    }
}
