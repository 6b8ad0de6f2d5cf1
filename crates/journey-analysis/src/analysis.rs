//! The analysis pipeline shared by the command line and the language
//! server: syntax findings, semantic checks (and messaging lints), `allow`
//! suppressions, journey.toml levels, in that order.

use crate::checks::{suppression, Context};
use crate::incremental::whole::{NameTable, Part};
use crate::model::Model;
use crate::{Config, FileData, Workspace};
use journey_diagnostics::{Diagnostic, FileId};
use rayon::prelude::*;
use std::sync::Arc;

/// Everything known about a workspace: its model and its findings.
#[derive(Debug, Clone)]
pub struct CheckedWorkspace {
    pub model: Arc<Model>,
    /// Every finding after levels and suppressions, sorted by file,
    /// position and code.
    pub diagnostics: Vec<Diagnostic>,
}

pub(crate) fn analyse(ws: &Workspace, model: Arc<Model>) -> CheckedWorkspace {
    let files: Vec<(FileId, &FileData)> = ws.files().collect();
    let mut found = findings(ws, &model, &files, None);
    found.extend(config_findings(ws, &*model));
    CheckedWorkspace {
        model,
        diagnostics: finish(found),
    }
}

/// The findings in `files` — syntax, checks, lints, after suppressions
/// and levels — of a model of just these files (see
/// [`crate::incremental`]), unsorted.
pub(crate) fn part_findings(
    ws: &Workspace,
    files: &[(FileId, &FileData)],
    part: Option<&Part<'_>>,
) -> Vec<Diagnostic> {
    let model = Model::build_part(ws, files.iter().copied());
    findings(ws, &model, files, part)
}

fn findings(
    ws: &Workspace,
    model: &Model,
    files: &[(FileId, &FileData)],
    part: Option<&Part<'_>>,
) -> Vec<Diagnostic> {
    let config = ws.config();
    let mut found = Vec::new();
    for (_, f) in files {
        found.extend(f.load_diagnostics.iter().cloned());
        found.extend(f.parse.diagnostics.iter().cloned());
    }
    let cx = Context {
        model,
        workspace: ws,
        part,
    };
    // Checks and lints only read the model: they run side by side, each
    // rule into its own list, and the lists are joined in registry order,
    // so the result is the same as one rule after the other.
    let (checks, lints) = rayon::join(
        || {
            let enabled: Vec<_> = crate::rules::checks()
                .filter(|(code, _)| config.is_enabled(code))
                .collect();
            enabled
                .par_iter()
                .map(|(_, run)| {
                    let mut out = Vec::new();
                    run(&cx, &mut out);
                    out
                })
                .collect::<Vec<_>>()
        },
        || {
            let mut out = Vec::new();
            crate::lints::run(&cx, &mut out);
            out
        },
    );
    found.extend(checks.into_iter().flatten());
    found.extend(lints);
    let found = suppression::apply(model, config, ws, found);
    with_levels(config, found)
}

/// The findings in journey.toml: its own problems and those of the
/// messaging settings, which may name ids that `names` does not define.
/// No `allow` reaches them.
pub(crate) fn config_findings(ws: &Workspace, names: &dyn NameTable) -> Vec<Diagnostic> {
    let mut found = crate::lints::config_problems(ws, names);
    if let Some(file) = ws.config_file() {
        found.extend(ws.config().diagnostics(file));
    }
    with_levels(ws.config(), found)
}

/// Applies journey.toml's levels: a finding may change severity or go.
fn with_levels(config: &Config, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    found
        .into_iter()
        .filter_map(|mut d| {
            d.severity = config.severity_of(d.code, d.severity)?;
            Some(d)
        })
        .collect()
}

/// Sorts findings into their stable order (file, position, code) and
/// drops repeats.
pub(crate) fn finish(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
    diagnostics.dedup();
    diagnostics
}
