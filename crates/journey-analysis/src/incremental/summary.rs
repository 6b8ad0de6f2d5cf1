//! What one file contributes to the workspace as a whole.
//!
//! A summary is read from a model of the file alone and kept for as long
//! as the file's parse stays the same, so that after an edit only the
//! edited file is read again. Summaries are small: names, counts and the
//! paths the file imports — everything the other files' findings may
//! depend on, and nothing else.

use crate::checks::unknown_channel;
use crate::model::{DefKind, Model};
use crate::{FileData, Workspace};
use journey_diagnostics::FileId;
use journey_syntax::view::Support;
use journey_syntax::Parse;
use std::path::PathBuf;
use std::sync::Arc;

/// The part of a file the rest of the workspace can see.
#[derive(Debug)]
pub(crate) struct FileSummary {
    /// The content summarised: a summary is valid while the file keeps
    /// this very parse.
    pub parse: Arc<Parse>,
    pub path: PathBuf,
    /// Every name the file defines or uses, of any kind, with the
    /// promises it makes, keeps or supports: files that share a name may
    /// change each other's findings, so they are analysed together.
    pub names: Vec<Box<str>>,
    /// Named definitions of the kinds whose ids are unique: the
    /// workspace's name table, which suggestions are drawn from.
    pub defs: Vec<(DefKind, Box<str>)>,
    /// The ids of the promises it makes.
    pub promises: Vec<Box<str>>,
    /// The ids of the phases it defines.
    pub phases: Vec<Box<str>>,
    /// The phases its journeys list.
    pub listed: Vec<Box<str>>,
    /// How many definitions of each kind ([`DefKind::ALL`] order).
    pub counts: [usize; DefKind::ALL.len()],
    /// Channels of one's own its touchpoints declare.
    pub channels: Vec<Box<str>>,
    /// Where its imports point (resolved against its folder).
    pub imports: Vec<PathBuf>,
}

impl FileSummary {
    /// Reads the summary of one file of `ws`.
    pub fn read(ws: &Workspace, file: FileId, data: &FileData) -> FileSummary {
        let m = Model::build_part(ws, std::iter::once((file, data)));
        let boxed = |s: &str| Box::<str>::from(s);
        let mut names: Vec<Box<str>> = Vec::new();
        let mut defs = Vec::new();
        for def in m.all_defs() {
            if let Some(n) = &m.header(def).name {
                names.push(boxed(&n.text));
                if def.kind().unique() {
                    defs.push((def.kind(), boxed(&n.text)));
                }
            }
        }
        names.extend(m.references.iter().map(|r| boxed(&r.name)));
        let mut promises = Vec::new();
        for p in &m.phases {
            let ast = m.phase_syntax(p);
            promises.extend(ast.promises().iter().map(|pr| boxed(pr.id.text)));
            for s in ast.supports() {
                if let Support::Ref(n) = s {
                    names.push(boxed(n.text));
                }
            }
        }
        for t in &m.touchpoints {
            names.extend(m.touchpoint_syntax(t).keeps().iter().map(|k| boxed(k.text)));
        }
        names.extend(promises.iter().cloned());
        names.sort_unstable();
        names.dedup();
        let phases = m
            .phases
            .iter()
            .filter_map(|p| p.head.name.as_ref().map(|n| boxed(&n.text)))
            .collect();
        let listed = m
            .journeys
            .iter()
            .flat_map(|j| j.phases.iter().map(|s| boxed(&s.name.text)))
            .collect();
        let mut counts = [0; DefKind::ALL.len()];
        for def in m.all_defs() {
            counts[kind_index(def.kind())] += 1;
        }
        let channels = unknown_channel::declared_channels(&m)
            .into_iter()
            .map(boxed)
            .collect();
        FileSummary {
            parse: data.parse.clone(),
            path: data.path.clone(),
            names,
            defs,
            promises,
            phases,
            listed,
            counts,
            channels,
            imports: m.imports.into_iter().map(|i| i.resolved_path).collect(),
        }
    }

    /// Whether this summary still describes `data`.
    pub fn describes(&self, data: &FileData) -> bool {
        Arc::ptr_eq(&self.parse, &data.parse) && self.path == data.path
    }
}

/// The position of `kind` in [`DefKind::ALL`].
pub(crate) fn kind_index(kind: DefKind) -> usize {
    DefKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("every kind is listed")
}
