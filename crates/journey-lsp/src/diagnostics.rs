//! Findings as LSP diagnostics: the code with a link to its explanation,
//! secondary labels as related information, help and notes in the message.

use crate::convert::LineMap;
use crate::state::Snapshot;
use journey_diagnostics::{Diagnostic, FileId, Severity};
use std::collections::BTreeMap;
use std::str::FromStr;
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::ls_types::Uri;

/// The diagnostics of every file of a snapshot, empty lists included, with
/// the version of open documents.
pub fn compute(snap: &Snapshot) -> BTreeMap<Uri, (Option<i32>, Vec<lsp::Diagnostic>)> {
    let a = &snap.analysis;
    let ws = a.workspace();
    let mut out: BTreeMap<Uri, (Option<i32>, Vec<lsp::Diagnostic>)> = BTreeMap::new();
    let mut files: Vec<FileId> = ws.files().map(|(id, _)| id).collect();
    files.extend(ws.config_file());
    for &id in &files {
        if let Some(uri) = uri_of(snap, id) {
            out.entry(uri)
                .or_insert_with(|| (snap.files.versions.get(&id).copied(), Vec::new()));
        }
    }
    let mut links: std::collections::HashMap<&str, Option<Uri>> = Default::default();
    for d in a.diagnostics() {
        let Some(uri) = uri_of(snap, d.file()) else {
            continue;
        };
        let link = links
            .entry(d.code)
            .or_insert_with(|| code_url(snap, d.code))
            .clone();
        if let Some(diag) = convert(snap, d, link) {
            out.entry(uri)
                .or_insert_with(|| (snap.files.versions.get(&d.file()).copied(), Vec::new()))
                .1
                .push(diag);
        }
    }
    out
}

pub fn uri_of(snap: &Snapshot, file: FileId) -> Option<Uri> {
    snap.files.uri(file).cloned().or_else(|| {
        let f = snap.analysis.workspace().file(file)?;
        Uri::from_file_path(&f.path)
    })
}

fn line_map(snap: &Snapshot, file: FileId) -> Option<LineMap<'_>> {
    let f = snap.analysis.workspace().file(file)?;
    Some(LineMap::new(&f.source, snap.opts.encoding))
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// The explanation link of a code.
pub fn code_url(snap: &Snapshot, code: &str) -> Option<Uri> {
    Uri::from_str(&snap.opts.code_url.replace("{code}", code)).ok()
}

pub fn to_lsp(snap: &Snapshot, d: &Diagnostic) -> Option<lsp::Diagnostic> {
    convert(snap, d, code_url(snap, d.code))
}

fn convert(snap: &Snapshot, d: &Diagnostic, link: Option<Uri>) -> Option<lsp::Diagnostic> {
    let map = line_map(snap, d.file())?;
    // The same text as a SARIF result's message.
    let message = d.full_message();
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|l| {
            let uri = uri_of(snap, l.file)?;
            let m = line_map(snap, l.file)?;
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location::new(uri, m.range(l.span)),
                message: if l.message.is_empty() {
                    "see here".to_string()
                } else {
                    l.message.clone()
                },
            })
        })
        .collect();
    Some(lsp::Diagnostic {
        range: map.range(d.span()),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        code_description: link.map(|href| lsp::CodeDescription { href }),
        source: Some("journeyc".to_string()),
        message,
        related_information: (snap.opts.related_information && !related.is_empty())
            .then_some(related),
        tags: None,
        data: Some(serde_json::Value::String(d.name.to_string())),
    })
}
