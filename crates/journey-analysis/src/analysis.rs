//! The analysis pipeline shared by the command line and the language
//! server: syntax findings, semantic checks (and messaging lints), `allow`
//! suppressions, journey.toml levels, in that order.

use crate::checks::{suppression, Context};
use crate::model::Model;
use crate::Workspace;
use journey_diagnostics::Diagnostic;
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
    let config = ws.config();
    let mut found = Vec::new();
    for (_, f) in ws.files() {
        found.extend(f.load_diagnostics.iter().cloned());
        found.extend(f.parse.diagnostics.iter().cloned());
    }
    let cx = Context {
        model: &model,
        workspace: ws,
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

    let mut found = suppression::apply(&model, config, ws, found);
    if let Some(file) = ws.config_file() {
        found.extend(config.diagnostics(file));
    }
    let mut diagnostics: Vec<Diagnostic> = found
        .into_iter()
        .filter_map(|mut d| {
            d.severity = config.severity_of(d.code, d.severity)?;
            Some(d)
        })
        .collect();
    diagnostics.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
    diagnostics.dedup();
    CheckedWorkspace { model, diagnostics }
}
