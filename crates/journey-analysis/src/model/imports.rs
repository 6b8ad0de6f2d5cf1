//! Imports: resolution relative to the importing file, duplicates, cycles.

use crate::confine::Refusal;
use journey_diagnostics::{FileId, Span};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// One `import "…"` statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The importing file.
    pub file: FileId,
    /// The whole statement.
    pub span: Span,
    /// The path string, quotes included.
    pub path_span: Span,
    /// The path as written.
    pub path: String,
    /// Where it points: the importing file's folder joined with the path,
    /// normalised.
    pub resolved_path: PathBuf,
    /// The imported file, when the workspace holds it (never for a
    /// refused import).
    pub target: Option<FileId>,
    /// Why the import may not be read: not a `.journey` file, or outside
    /// the workspace (see [`crate::confine`]).
    pub refused: Option<Refusal>,
    /// Set when the same file imports the same target earlier: that
    /// import's path span.
    pub duplicate_of: Option<Span>,
    /// Set on the import that closes an import cycle: the files of the
    /// cycle in import order, starting and ending with this import's
    /// target (`a → b → c → a` for the import of `a` in `c`).
    pub cycle: Option<Vec<FileId>>,
}

impl Import {
    pub fn status(&self) -> ImportStatus {
        if let Some(why) = self.refused {
            return ImportStatus::Refused(why);
        }
        match (&self.target, &self.cycle, self.duplicate_of) {
            (None, _, _) => ImportStatus::NotFound,
            (Some(_), Some(_), _) => ImportStatus::Cycle,
            (Some(_), None, Some(_)) => ImportStatus::Duplicate,
            (Some(t), None, None) => ImportStatus::Resolved(*t),
        }
    }
}

/// What became of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStatus {
    Resolved(FileId),
    NotFound,
    /// Not read: outside the workspace or not a `.journey` file.
    Refused(Refusal),
    Duplicate,
    Cycle,
}

/// Resolves `.` and `..` without touching the disk.
pub fn normalize_path(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The path an import string names, seen from the importing file.
pub fn resolve_relative(importer: &Path, spec: &str) -> PathBuf {
    let spec = spec.replace('\\', "/");
    let base = importer.parent().unwrap_or(Path::new(""));
    normalize_path(&base.join(spec))
}

/// Marks duplicates (per importing file) and the imports that close cycles.
pub(crate) fn analyse(imports: &mut [Import]) {
    // Duplicates: same importing file, same target.
    let mut first: HashMap<(FileId, FileId), Span> = HashMap::new();
    for imp in imports.iter_mut() {
        if let Some(t) = imp.target {
            match first.get(&(imp.file, t)) {
                Some(span) => imp.duplicate_of = Some(*span),
                None => {
                    first.insert((imp.file, t), imp.path_span);
                }
            }
        }
    }

    // The graph, over first imports only, in source order.
    let mut edges: HashMap<FileId, Vec<(FileId, usize)>> = HashMap::new();
    let mut nodes: Vec<FileId> = Vec::new();
    for (i, imp) in imports.iter().enumerate() {
        nodes.push(imp.file);
        if let (Some(t), None) = (imp.target, imp.duplicate_of) {
            edges.entry(imp.file).or_default().push((t, i));
        }
    }
    nodes.sort();
    nodes.dedup();

    // Iterative depth-first search; a back edge closes a cycle.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark: HashMap<FileId, Mark> = HashMap::new();
    let mut closing: Vec<(usize, Vec<FileId>)> = Vec::new();
    for &root in &nodes {
        if mark.get(&root).copied().unwrap_or(Mark::New) != Mark::New {
            continue;
        }
        // (node, next edge index)
        let mut stack: Vec<(FileId, usize)> = vec![(root, 0)];
        mark.insert(root, Mark::Open);
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let out = edges.get(&node).map(Vec::as_slice).unwrap_or(&[]);
            if *next < out.len() {
                let (target, import) = out[*next];
                *next += 1;
                match mark.get(&target).copied().unwrap_or(Mark::New) {
                    Mark::New => {
                        mark.insert(target, Mark::Open);
                        stack.push((target, 0));
                    }
                    Mark::Open => {
                        let from = stack
                            .iter()
                            .position(|(n, _)| *n == target)
                            .expect("open nodes are on the stack");
                        let mut cycle: Vec<FileId> =
                            stack[from..].iter().map(|(n, _)| *n).collect();
                        cycle.push(target);
                        closing.push((import, cycle));
                    }
                    Mark::Done => {}
                }
            } else {
                mark.insert(node, Mark::Done);
                stack.pop();
            }
        }
    }
    for (i, cycle) in closing {
        imports[i].cycle = Some(cycle);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_dots() {
        assert_eq!(
            normalize_path(Path::new("/a/b/../c/./d.journey")),
            PathBuf::from("/a/c/d.journey")
        );
        assert_eq!(
            resolve_relative(Path::new("/w/phases/a.journey"), "../personas.journey"),
            PathBuf::from("/w/personas.journey")
        );
        assert_eq!(
            resolve_relative(Path::new("/w/a.journey"), "./x\\y.journey"),
            PathBuf::from("/w/x/y.journey")
        );
    }

    fn imp(file: u32, target: u32, at: u32) -> Import {
        Import {
            file: FileId(file),
            span: Span::new(at, at + 1),
            path_span: Span::new(at, at + 1),
            path: String::new(),
            resolved_path: PathBuf::new(),
            target: Some(FileId(target)),
            refused: None,
            duplicate_of: None,
            cycle: None,
        }
    }

    #[test]
    fn finds_each_cycle_once_at_the_closing_import() {
        // 0 -> 1 -> 2 -> 0, and 2 -> 3 (no cycle), 3 -> 3 (self)
        let mut v = vec![
            imp(0, 1, 0),
            imp(1, 2, 0),
            imp(2, 0, 0),
            imp(2, 3, 5),
            imp(3, 3, 0),
        ];
        analyse(&mut v);
        let cycles: Vec<_> = v.iter().map(|i| i.cycle.clone()).collect();
        assert_eq!(cycles[0], None);
        assert_eq!(cycles[1], None);
        assert_eq!(
            cycles[2],
            Some(vec![FileId(0), FileId(1), FileId(2), FileId(0)])
        );
        assert_eq!(cycles[3], None);
        assert_eq!(cycles[4], Some(vec![FileId(3), FileId(3)]));
    }

    #[test]
    fn diamonds_are_not_cycles_and_duplicates_are_per_file() {
        // 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3, 0 -> 1 again
        let mut v = vec![
            imp(0, 1, 0),
            imp(0, 2, 5),
            imp(1, 3, 0),
            imp(2, 3, 0),
            imp(0, 1, 9),
        ];
        analyse(&mut v);
        assert!(v.iter().all(|i| i.cycle.is_none()));
        assert_eq!(v[4].duplicate_of, Some(Span::new(0, 1)));
        assert!(v[..4].iter().all(|i| i.duplicate_of.is_none()));
    }
}
