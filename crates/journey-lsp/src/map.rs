//! `journey/map`: the HTML journey map of the workspace, for an editor's
//! live preview.
//!
//! The page is exactly what `journeyc export --format html` writes for the
//! workspace, rendered from the server's in-memory state (open buffers
//! included): no file is written and no process started. Like the export,
//! a workspace with errors gets no new map: the answer then carries the
//! last map that was built without errors, marked `stale`, with the number
//! of errors and the first of them.
//!
//! Elements of the page that stand for a definition carry
//! `data-ref="KIND:ID"`; the answer maps each such ref to where it is
//! defined, so that the preview can reveal a card's source and the editor
//! can highlight the card under the cursor.

use crate::convert::LineMap;
use crate::diagnostics::uri_of;
use crate::state::Snapshot;
use journey_analysis::model::DefKind;
use journey_diagnostics::{FileId, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use tower_lsp_server::ls_types::{Range, Uri};

/// The kinds of definitions the map shows as cards.
const MAPPED: [DefKind; 7] = [
    DefKind::Journey,
    DefKind::Persona,
    DefKind::Phase,
    DefKind::Touchpoint,
    DefKind::Goal,
    DefKind::Actor,
    DefKind::Impact,
];

/// No parameters yet; unknown fields are ignored so that clients may send
/// more in the future.
#[derive(Debug, Default, Deserialize)]
pub struct MapParams {}

/// Where a card's definition is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MapRef {
    pub uri: Uri,
    /// The whole definition, block included.
    pub range: Range,
    /// Its id, where the cursor goes when the card is clicked.
    pub selection_range: Range,
}

/// The first error that keeps the map from being rebuilt.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MapError {
    pub code: String,
    pub message: String,
    pub uri: Option<Uri>,
    pub range: Option<Range>,
}

/// An open document's version as the answer saw it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocVersion {
    pub uri: Uri,
    pub version: i32,
}

/// The answer to `journey/map`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MapAnswer {
    /// The page; `None` when the workspace has had errors since the
    /// server started (no map was ever built).
    pub html: Option<String>,
    /// Whether `html` is an older map: the workspace has errors now.
    pub stale: bool,
    /// Errors and warnings in the workspace now.
    pub errors: usize,
    pub warnings: usize,
    pub first_error: Option<MapError>,
    /// `KIND:ID` → definition, for every ref of the page (where a
    /// definition moved or is gone in a stale map: where it is now, or
    /// where it was).
    pub refs: BTreeMap<String, MapRef>,
    /// The versions of the open documents this answer was computed from:
    /// a client that has newer ones asks again.
    pub versions: Vec<DocVersion>,
}

/// A map built from a workspace without errors.
#[derive(Debug, Clone)]
pub struct GoodMap {
    pub generation: u64,
    pub html: Arc<str>,
    pub refs: BTreeMap<String, MapRef>,
}

/// The definitions of the snapshot by `KIND:ID` (the first of duplicates).
fn refs(snap: &Snapshot) -> BTreeMap<String, MapRef> {
    let model = snap.analysis.index().model();
    let mut out = BTreeMap::new();
    let mut maps: BTreeMap<FileId, Option<(Uri, LineMap<'_>)>> = BTreeMap::new();
    for def in model.all_defs() {
        if !MAPPED.contains(&def.kind()) {
            continue;
        }
        let h = model.header(def);
        let Some(name) = &h.name else { continue };
        let key = format!("{}:{}", def.kind().keyword(), name.text);
        if out.contains_key(&key) {
            continue;
        }
        let entry = maps.entry(h.file).or_insert_with(|| {
            let uri = uri_of(snap, h.file)?;
            let f = snap.analysis.workspace().file(h.file)?;
            Some((uri, LineMap::new(&f.source, snap.opts.encoding)))
        });
        if let Some((uri, map)) = entry {
            out.insert(
                key,
                MapRef {
                    uri: uri.clone(),
                    range: map.range(h.span),
                    selection_range: map.range(name.span),
                },
            );
        }
    }
    out
}

fn versions(snap: &Snapshot) -> Vec<DocVersion> {
    let mut v: Vec<DocVersion> = snap
        .files
        .versions
        .iter()
        .filter_map(|(file, version)| {
            Some(DocVersion {
                uri: snap.files.uri(*file)?.clone(),
                version: *version,
            })
        })
        .collect();
    v.sort_by(|a, b| a.uri.as_str().cmp(b.uri.as_str()));
    v
}

/// Answers from `snap`; `last` is the last map built without errors.
/// Returns the answer and, when a new map was built, that map.
pub fn compute(snap: &Snapshot, last: Option<&GoodMap>) -> (MapAnswer, Option<GoodMap>) {
    let diagnostics = snap.analysis.diagnostics();
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let versions = versions(snap);
    let current = refs(snap);
    if errors > 0 {
        let first_error = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .min_by_key(|d| (d.file(), d.span().start))
            .map(|d| {
                let file = d.file();
                MapError {
                    code: d.code.to_string(),
                    message: d.message.clone(),
                    uri: uri_of(snap, file),
                    range: snap
                        .analysis
                        .workspace()
                        .file(file)
                        .map(|f| LineMap::new(&f.source, snap.opts.encoding).range(d.span())),
                }
            });
        let mut refs = last.map(|l| l.refs.clone()).unwrap_or_default();
        refs.extend(current);
        let answer = MapAnswer {
            html: last.map(|l| l.html.to_string()),
            stale: true,
            errors,
            warnings,
            first_error,
            refs,
            versions,
        };
        return (answer, None);
    }
    let good = match last.filter(|l| l.generation == snap.generation) {
        Some(l) => l.clone(),
        None => {
            let ws = snap.analysis.workspace();
            let doc = journey_export::Document::build(ws, diagnostics);
            // journey.toml's settings, as `journeyc export` reads them
            let config = ws.config();
            let options = journey_export::Options {
                lang: config
                    .workspace
                    .lang
                    .as_deref()
                    .and_then(journey_export::Lang::parse),
                findings: config.export.findings,
            };
            let html = journey_export::render_with(&doc, journey_export::Format::Html, &options);
            GoodMap {
                generation: snap.generation,
                html: html.into(),
                refs: current,
            }
        }
    };
    let answer = MapAnswer {
        html: Some(good.html.to_string()),
        stale: false,
        errors,
        warnings,
        first_error: None,
        refs: good.refs.clone(),
        versions,
    };
    (answer, Some(good))
}
