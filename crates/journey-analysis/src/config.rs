//! `journey.toml`: the workspace configuration.
//!
//! The file sits at the root of a workspace and is found by walking up from
//! the checked path ([`Config::discover`]). It says which files belong to
//! the workspace, at which level each check reports, and how the formatter
//! lays files out:
//!
//! ```toml
//! [workspace]
//! include = ["**/*.journey"]          # the default
//! exclude = ["drafts/**"]
//! import_roots = ["../shared"]        # folders outside the root imports may read
//! lang = "de"                         # the texts' language (spreadsheet headers)
//!
//! [checks]
//! touchpoint-not-reached = "allow"    # by name …
//! J0413 = "deny"                      # … or by code
//! warnings = "deny"                   # every remaining warning is an error (CI)
//!
//! [format]
//! line_width = 100
//! indent = 2
//!
//! [export]
//! findings = true                     # show check findings in HTML and Markdown
//! ```
//!
//! Levels are `allow` (silent), `info`, `warn` and `deny` (error). They
//! apply to every registered code except syntax errors, which are always
//! errors: checks, messaging lints and configuration findings alike.
//!
//! Sections owned by other parts of the tool (`[messaging]`,
//! `[vocabulary]`, `[lints]`) are kept as a spanned [`RawTable`] and handed
//! out by [`Config::section`], so that their owner validates them and can
//! point at the exact key.
//!
//! Problems in the file are diagnostics like any other (J06xx), with the
//! line and column in `journey.toml`; reading records them as
//! [`ConfigProblem`]s, which [`Config::diagnostics`] turns into findings
//! once journey.toml's file id is known. A broken file never stops a check:
//! whatever could be read is used.

mod problem;

pub use problem::{ConfigFix, ConfigProblem};

use journey_diagnostics::{
    CodeInfo, Diagnostic, Example, FileId, Level, Severity, SourceFile, Span,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The name of the configuration file.
pub const FILE_NAME: &str = "journey.toml";

pub const INVALID_CONFIG: CodeInfo = CodeInfo {
    code: "J0601",
    name: "invalid-config",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "journey.toml cannot be read or holds a value of the wrong type",
    explanation: "`journey.toml` configures the workspace. journeyc reports a file that is \
not valid TOML and every value it cannot use — a level that is not `allow`, `info`, `warn` \
or `deny`, a glob that does not parse, a number out of range — at the exact line and \
column. The rest of the file still applies.
",
    bad: Some(
        Example::new(include_str!("../rule-examples/J0601/bad.journey"))
            .config(include_str!("../rule-examples/J0601/bad/journey.toml")),
    ),
    good: Some(
        Example::new(include_str!("../rule-examples/J0601/good.journey"))
            .config(include_str!("../rule-examples/J0601/good/journey.toml")),
    ),
};

pub const UNKNOWN_CHECK: CodeInfo = CodeInfo {
    code: "J0602",
    name: "unknown-check",
    default_severity: Severity::Error,
    opt_in: false,
    summary: "a check name or code that does not exist",
    explanation: "Levels in `journey.toml` and `allow` statements name a check by its code \
(`J0406`) or its name (`persona-not-served`). A name that matches no check would silently \
do nothing, so it is reported, with the closest existing name when there is one. \
`journeyc explain` lists every code. Syntax errors (J00xx–J02xx) cannot be configured or \
allowed: a file that does not parse cannot be checked.
",
    bad: Some(
        Example::new(include_str!("../rule-examples/J0602/bad.journey"))
            .config(include_str!("../rule-examples/J0602/bad/journey.toml"))
            .also(&["J0408"]),
    ),
    good: Some(
        Example::new(include_str!("../rule-examples/J0602/good.journey"))
            .config(include_str!("../rule-examples/J0602/good/journey.toml")),
    ),
};

pub const UNKNOWN_CONFIG_KEY: CodeInfo = CodeInfo {
    code: "J0603",
    name: "unknown-config-key",
    default_severity: Severity::Warning,
    opt_in: false,
    summary: "a section or key journey.toml does not know",
    explanation: "A misspelt key is ignored, so the setting you meant does not apply. journeyc \
reports sections and keys it does not know, with the closest known one.

Known sections: `[workspace]` (`include`, `exclude`, `import_roots`, `lang`), `[checks]` (a level per check), \
`[format]` (`line_width`, `indent`), `[export]` (`findings`); `[messaging]`, `[vocabulary]` and `[lints]` belong to \
the messaging lints, which check them themselves.
",
    bad: Some(Example::new(include_str!("../rule-examples/J0603/bad.journey")).config(include_str!("../rule-examples/J0603/bad/journey.toml"))),
    good: Some(Example::new(include_str!("../rule-examples/J0603/good.journey")).config(include_str!("../rule-examples/J0603/good/journey.toml"))),
};

/// Sections that belong to other parts of the tool; kept raw, not validated here.
pub const EXTERNAL_SECTIONS: &[&str] = &["messaging", "vocabulary", "lints"];

const SECTIONS: &[&str] = &["workspace", "checks", "format", "export"];

/// The `[export]` section, read by `journeyc export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportConfig {
    /// Whether the HTML and Markdown exports list the findings of
    /// `journeyc check` (`findings = true`; default: they do not, the
    /// exports are read by people who cannot act on file:line).
    pub findings: bool,
}

/// The `[format]` section, read by the formatter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatConfig {
    /// Lines longer than this are wrapped where the language allows (default 100).
    pub line_width: u32,
    /// Spaces per indentation level (default 2).
    pub indent: u32,
}

impl Default for FormatConfig {
    fn default() -> Self {
        FormatConfig {
            line_width: 100,
            indent: 2,
        }
    }
}

/// A glob from `[workspace]`, relative to the workspace root, `/`-separated.
#[derive(Debug, Clone)]
pub struct Glob {
    pub pattern: String,
    /// Where it is written in journey.toml.
    pub span: Option<Span>,
    matcher: glob::Pattern,
}

impl Glob {
    pub fn new(pattern: &str) -> Result<Glob, String> {
        let matcher = glob::Pattern::new(pattern).map_err(|e| e.msg.to_string())?;
        Ok(Glob {
            pattern: pattern.to_string(),
            span: None,
            matcher,
        })
    }

    /// Whether `relative` (a `/`-separated path below the root) matches.
    pub fn matches(&self, relative: &str) -> bool {
        let opts = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: false,
        };
        self.matcher.matches_with(relative, opts)
    }
}

/// A folder outside the workspace root that imports may read from
/// (`[workspace] import_roots`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRoot {
    /// As written in journey.toml.
    pub written: String,
    /// Where it is written in journey.toml.
    pub span: Option<Span>,
    /// The folder: absolute (a relative entry is relative to journey.toml's
    /// folder) and canonical when it exists.
    pub path: PathBuf,
}

/// The `[workspace]` section: which files belong to the workspace.
#[derive(Debug, Clone)]
pub struct WorkspaceConfig {
    /// Files matching one of these belong to the workspace (default `**/*.journey`).
    pub include: Vec<Glob>,
    /// Files or folders matching one of these do not, even when included.
    pub exclude: Vec<Glob>,
    /// Folders outside the root whose `.journey` files may be imported.
    /// Imports are confined to the root and these (see [`crate::confine`]).
    pub import_roots: Vec<ImportRoot>,
    /// The language of the workspace's texts, `en` or `de` (`lang`): the
    /// language of exported spreadsheet headers.
    pub lang: Option<String>,
}

impl Default for WorkspaceConfig {
    fn default() -> Self {
        WorkspaceConfig {
            include: vec![Glob::new("**/*.journey").expect("valid glob")],
            exclude: Vec::new(),
            import_roots: Vec::new(),
            lang: None,
        }
    }
}

impl WorkspaceConfig {
    /// Whether the file at `relative` (below the root, `/`-separated)
    /// belongs to the workspace.
    pub fn contains(&self, relative: &str) -> bool {
        self.include.iter().any(|g| g.matches(relative)) && !self.is_excluded(relative)
    }

    /// Whether `relative` or one of its parent folders is excluded.
    pub fn is_excluded(&self, relative: &str) -> bool {
        let mut prefix = relative;
        loop {
            if self.exclude.iter().any(|g| g.matches(prefix)) {
                return true;
            }
            match prefix.rfind('/') {
                Some(i) => prefix = &prefix[..i],
                None => return false,
            }
        }
    }
}

/// What a level setting applies to.
#[derive(Debug, Clone, Copy)]
pub enum LevelTarget {
    /// One code (a check, a lint, a configuration finding).
    Code(&'static CodeInfo),
    /// The `warnings` group: every finding that is a warning after the
    /// per-code levels (`warnings = "deny"` for CI).
    Warnings,
}

/// One `name = "level"` from `[checks]` or the command line.
#[derive(Debug, Clone, Copy)]
pub struct LevelSetting {
    pub target: LevelTarget,
    pub level: Level,
    /// The key in journey.toml; `None` for command-line settings.
    pub span: Option<Span>,
}

/// A TOML value with its byte span in journey.toml, for sections this
/// module does not own.
#[derive(Debug, Clone, PartialEq)]
pub struct RawValue {
    pub span: Span,
    pub kind: RawKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RawKind {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    /// A TOML date or time, as written.
    Datetime(String),
    Array(Vec<RawValue>),
    Table(RawTable),
}

impl RawValue {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            RawKind::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_table(&self) -> Option<&RawTable> {
        match &self.kind {
            RawKind::Table(t) => Some(t),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[RawValue]> {
        match &self.kind {
            RawKind::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_integer(&self) -> Option<i64> {
        match &self.kind {
            RawKind::Integer(i) => Some(*i),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            RawKind::Boolean(b) => Some(*b),
            _ => None,
        }
    }
    /// `string`, `integer`, `array` … for "expected X, found Y" messages.
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            RawKind::String(_) => "string",
            RawKind::Integer(_) => "integer",
            RawKind::Float(_) => "float",
            RawKind::Boolean(_) => "boolean",
            RawKind::Datetime(_) => "date-time",
            RawKind::Array(_) => "array",
            RawKind::Table(_) => "table",
        }
    }
    /// `a string`, `an integer` …: the type with its article.
    pub fn described(&self) -> String {
        let name = self.type_name();
        format!("{} {name}", journey_diagnostics::a_or_an(name))
    }
}

/// A TOML table with spans, its entries in source order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawTable {
    pub entries: Vec<RawEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawEntry {
    pub key: String,
    pub key_span: Span,
    pub value: RawValue,
}

impl RawTable {
    pub fn get(&self, key: &str) -> Option<&RawEntry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

fn span_of(r: std::ops::Range<usize>) -> Span {
    Span::new(r.start as u32, r.end as u32)
}

fn raw_value(v: &Spanned<DeValue<'_>>) -> RawValue {
    let span = span_of(v.span());
    let kind = match v.get_ref() {
        DeValue::String(s) => RawKind::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(RawKind::Integer)
            .unwrap_or_else(|_| RawKind::Float(f64::INFINITY)),
        DeValue::Float(f) => RawKind::Float(f.as_str().parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => RawKind::Boolean(*b),
        DeValue::Datetime(d) => RawKind::Datetime(d.to_string()),
        DeValue::Array(a) => RawKind::Array(a.iter().map(raw_value).collect()),
        DeValue::Table(t) => RawKind::Table(raw_table(t)),
    };
    RawValue { span, kind }
}

fn raw_table(t: &DeTable<'_>) -> RawTable {
    let mut entries: Vec<RawEntry> = t
        .iter()
        .map(|(k, v)| RawEntry {
            key: k.get_ref().to_string(),
            key_span: span_of(k.span()),
            value: raw_value(v),
        })
        .collect();
    entries.sort_by_key(|e| e.key_span.start);
    RawTable { entries }
}

/// The configuration of one workspace.
#[derive(Debug, Clone)]
pub struct Config {
    /// The workspace root: the folder of journey.toml, or the folder the
    /// search started from when there is none.
    pub root: PathBuf,
    /// The journey.toml this was read from, if any.
    pub path: Option<PathBuf>,
    pub workspace: WorkspaceConfig,
    pub format: FormatConfig,
    pub export: ExportConfig,
    levels: Vec<LevelSetting>,
    overrides: Vec<LevelSetting>,
    text: Option<Arc<str>>,
    raw: RawTable,
    problems: Vec<ConfigProblem>,
}

impl Default for Config {
    fn default() -> Self {
        Config::empty(PathBuf::new())
    }
}

impl Config {
    /// The configuration of a folder without journey.toml: every default.
    pub fn empty(root: PathBuf) -> Config {
        Config {
            root,
            path: None,
            workspace: WorkspaceConfig::default(),
            format: FormatConfig::default(),
            export: ExportConfig::default(),
            levels: Vec::new(),
            overrides: Vec::new(),
            text: None,
            raw: RawTable::default(),
            problems: Vec::new(),
        }
    }

    /// The nearest journey.toml at or above `start` (a file or folder).
    pub fn find(start: &Path) -> Option<PathBuf> {
        let start = start_path(start);
        let mut dir = if start.is_dir() {
            Some(start.as_path())
        } else {
            start.parent()
        };
        while let Some(d) = dir {
            // Anything but a folder: a journey.toml that is no regular
            // file is reported when it is read, not silently passed over.
            let candidate = d.join(FILE_NAME);
            // A link is found without following it: [`Config::load`]
            // decides whether it may be read.
            if std::fs::symlink_metadata(&candidate).is_ok_and(|m| !m.is_dir()) {
                return Some(candidate);
            }
            dir = d.parent();
        }
        None
    }

    /// The configuration that applies to `start`: the nearest journey.toml
    /// at or above it, or the defaults rooted at `start`'s folder. Never
    /// fails: an unreadable or broken file is reported by
    /// [`Config::diagnostics`].
    pub fn discover(start: &Path) -> Config {
        match Config::find(start) {
            Some(path) => Config::load(&path),
            None => {
                let start = start_path(start);
                let root = if start.is_dir() {
                    start
                } else {
                    start.parent().map(Path::to_path_buf).unwrap_or_default()
                };
                Config::empty(root)
            }
        }
    }

    /// Reads the journey.toml at `path`.
    ///
    /// journey.toml is read only when it really is a `.toml` file inside
    /// its own folder: a symbolic link that leads elsewhere is reported
    /// (J0601) and not read, so that its target's lines never appear in a
    /// finding.
    pub fn load(path: &Path) -> Config {
        // The folder with links resolved, the file name as given: the link
        // itself is judged, not followed blindly.
        let given = crate::model::normalize_path(&lexically_absolute(path));
        let path = match (given.parent(), given.file_name()) {
            (Some(folder), Some(name)) => crate::confine::canonical_root(folder).join(name),
            _ => absolute(path),
        };
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let real = match crate::confine::judge_with(&path, std::slice::from_ref(&folder), "toml") {
            crate::confine::Judgement::Admitted(real) => real,
            crate::confine::Judgement::Missing => path.clone(),
            crate::confine::Judgement::Refused(why) => {
                let mut config = Config::empty(folder);
                config.path = Some(path.clone());
                config.text = Some(Arc::from(""));
                config.problems.push(
                    ConfigProblem::new(
                        &INVALID_CONFIG,
                        Span::empty(0),
                        format!(
                            "`{}` was not read: {}",
                            path.display(),
                            match why {
                                crate::confine::Refusal::NotJourney => "it is not a .toml file",
                                crate::confine::Refusal::LinkNotJourney =>
                                    "it is a symbolic link to a file that is not a .toml file",
                                _ => "it is a symbolic link that leads outside its folder",
                            }
                        ),
                    )
                    .with_help(
                        "put the configuration itself in journey.toml, in the workspace folder",
                    ),
                );
                return config;
            }
        };
        match crate::load::read_regular_file(&real) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut config = Config::parse(&text, Some(path.clone()));
                if std::str::from_utf8(&bytes).is_err() {
                    config.problems.push(ConfigProblem::new(
                        &INVALID_CONFIG,
                        Span::empty(0),
                        "journey.toml is not valid UTF-8",
                    ));
                }
                config
            }
            Err(e) => {
                let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
                let mut config = Config::empty(root);
                config.path = Some(path.clone());
                config.text = Some(Arc::from(""));
                config.problems.push(ConfigProblem::new(
                    &INVALID_CONFIG,
                    Span::empty(0),
                    format!("cannot read `{}`: {e}", path.display()),
                ));
                config
            }
        }
    }

    /// Reads configuration text. `path` is the file it came from (its
    /// folder becomes the root).
    pub fn parse(text: &str, path: Option<PathBuf>) -> Config {
        let root = path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let mut config = Config::empty(root);
        config.path = path;
        config.text = Some(Arc::from(text));
        let (doc, errors) = DeTable::parse_recoverable(text);
        for e in errors {
            let span = e.span().map(span_of).unwrap_or_else(|| Span::empty(0));
            let message = e.message().trim().to_string();
            config.problems.push(
                ConfigProblem::new(
                    &INVALID_CONFIG,
                    span,
                    format!("journey.toml is not valid TOML: {message}"),
                )
                .with_label("here"),
            );
        }
        config.raw = raw_table(doc.get_ref());
        let raw = std::mem::take(&mut config.raw);
        config.read(&raw);
        config.raw = raw;
        config
    }

    fn problem(
        &mut self,
        code: &'static CodeInfo,
        span: Span,
        message: String,
    ) -> &mut ConfigProblem {
        self.problems.push(ConfigProblem::new(code, span, message));
        self.problems.last_mut().expect("just pushed")
    }

    fn read(&mut self, raw: &RawTable) {
        for entry in &raw.entries {
            match entry.key.as_str() {
                "workspace" => self.read_workspace(entry),
                "checks" => self.read_checks(entry),
                "format" => self.read_format(entry),
                "export" => self.read_export(entry),
                k if EXTERNAL_SECTIONS.contains(&k) => {}
                other => {
                    let known: Vec<&str> =
                        SECTIONS.iter().chain(EXTERNAL_SECTIONS).copied().collect();
                    self.unknown_key(entry.key_span, other, "section", &known);
                }
            }
        }
    }

    fn unknown_key(&mut self, span: Span, key: &str, what: &str, known: &[&str]) {
        let d = ConfigProblem::new(
            &UNKNOWN_CONFIG_KEY,
            span,
            format!("unknown {what} `{key}` in journey.toml"),
        )
        .with_label(format!("not a known {what}"));
        let d = match journey_syntax::closest(key, known) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")).with_fix(
                format!("rename to `{s}`"),
                span,
                s,
            ),
            None => d.with_help(format!("known {what}s: {}", known.join(", "))),
        };
        self.problems.push(d);
    }

    fn expect_table<'a>(&mut self, entry: &'a RawEntry) -> Option<&'a RawTable> {
        match entry.value.as_table() {
            Some(t) => Some(t),
            None => {
                let msg = format!(
                    "`{}` must be a table (`[{}]`), found {}",
                    entry.key,
                    entry.key,
                    entry.value.described()
                );
                self.problem(&INVALID_CONFIG, entry.value.span, msg).label = "not a table".into();
                None
            }
        }
    }

    fn read_workspace(&mut self, entry: &RawEntry) {
        let Some(table) = self.expect_table(entry) else {
            return;
        };
        for e in &table.entries {
            match e.key.as_str() {
                "include" => {
                    let globs = self.read_globs(e);
                    self.workspace.include = globs;
                }
                "exclude" => {
                    let globs = self.read_globs(e);
                    self.workspace.exclude = globs;
                }
                "import_roots" => {
                    let roots = self.read_import_roots(e);
                    self.workspace.import_roots = roots;
                }
                "lang" => match e.value.as_str() {
                    Some(l @ ("en" | "de")) => self.workspace.lang = Some(l.to_string()),
                    _ => {
                        let msg = format!(
                            "`lang` must be \"en\" or \"de\", found {}",
                            match e.value.as_str() {
                                Some(s) => format!("\"{s}\""),
                                None => e.value.described(),
                            }
                        );
                        let d = self.problem(&INVALID_CONFIG, e.value.span, msg);
                        d.label = "not a language journeyc knows".into();
                        d.help = Some(
                            "write `lang = \"de\"` for German, `lang = \"en\"` for English".into(),
                        );
                    }
                },
                other => self.unknown_key(
                    e.key_span,
                    other,
                    "key",
                    &["include", "exclude", "import_roots", "lang"],
                ),
            }
        }
    }

    fn read_globs(&mut self, e: &RawEntry) -> Vec<Glob> {
        let Some(items) = e.value.as_array() else {
            let msg = format!(
                "`{}` must be an array of glob strings, found {}",
                e.key,
                e.value.described()
            );
            let d = self.problem(&INVALID_CONFIG, e.value.span, msg);
            d.label = "not an array".into();
            d.help = Some(format!("write it as `{} = [\"drafts/**\"]`", e.key));
            return Vec::new();
        };
        let mut globs = Vec::new();
        for item in items {
            let Some(s) = item.as_str() else {
                let msg = format!("a glob must be a string, found {}", item.described());
                self.problem(&INVALID_CONFIG, item.span, msg).label = "not a string".into();
                continue;
            };
            let pattern = s.trim_start_matches("./");
            match Glob::new(pattern) {
                Ok(mut g) => {
                    g.span = Some(item.span);
                    globs.push(g);
                }
                Err(msg) => {
                    let m = format!("`{s}` is not a valid glob: {msg}");
                    let d = self.problem(&INVALID_CONFIG, item.span, m);
                    d.label = "not a valid glob".into();
                    d.help = Some(
                        "globs use `*`, `**`, `?` and `[abc]`, relative to journey.toml's folder"
                            .into(),
                    );
                }
            }
        }
        globs
    }

    /// `import_roots = ["../shared"]`: folders, relative to journey.toml's
    /// folder or absolute. When journey.toml is a file on disk, each must
    /// be an existing folder.
    fn read_import_roots(&mut self, e: &RawEntry) -> Vec<ImportRoot> {
        const HELP: &str = "write it as `import_roots = [\"../shared\"]`: folders, relative to journey.toml's folder, whose .journey files may be imported";
        let Some(items) = e.value.as_array() else {
            let msg = format!(
                "`import_roots` must be an array of folder paths, found {}",
                e.value.described()
            );
            let d = self.problem(&INVALID_CONFIG, e.value.span, msg);
            d.label = "not an array".into();
            d.help = Some(HELP.into());
            return Vec::new();
        };
        let on_disk = self.path.is_some() && !self.root.as_os_str().is_empty();
        let mut roots = Vec::new();
        for item in items {
            let Some(written) = item.as_str() else {
                let msg = format!("a folder must be a string, found {}", item.described());
                let d = self.problem(&INVALID_CONFIG, item.span, msg);
                d.label = "not a string".into();
                d.help = Some(HELP.into());
                continue;
            };
            if written.trim().is_empty() {
                let d = self.problem(
                    &INVALID_CONFIG,
                    item.span,
                    "an import root must name a folder, found an empty string".into(),
                );
                d.label = "empty".into();
                d.help = Some(HELP.into());
                continue;
            }
            let joined = crate::model::normalize_path(&self.root.join(written.replace('\\', "/")));
            let path = std::fs::canonicalize(&joined).unwrap_or(joined);
            if on_disk && !path.is_dir() {
                let what = if path.exists() {
                    "is not a folder"
                } else {
                    "does not exist"
                };
                let msg = format!("import root `{written}` {what}");
                let d = self.problem(&INVALID_CONFIG, item.span, msg);
                d.label = format!("looked for `{}`", path.display());
                d.help = Some(
                    "name an existing folder, relative to journey.toml's folder (e.g. `../shared`)"
                        .into(),
                );
                continue;
            }
            roots.push(ImportRoot {
                written: written.to_string(),
                span: Some(item.span),
                path,
            });
        }
        roots
    }

    /// The folders imports may read from: the workspace root and the
    /// `[workspace] import_roots` (canonical, see [`crate::confine`]).
    pub fn import_roots(&self) -> Vec<PathBuf> {
        let mut roots = Vec::new();
        if !self.root.as_os_str().is_empty() {
            roots.push(crate::confine::canonical_root(&self.root));
        }
        roots.extend(self.workspace.import_roots.iter().map(|r| r.path.clone()));
        roots
    }

    fn read_checks(&mut self, entry: &RawEntry) {
        let Some(table) = self.expect_table(entry) else {
            return;
        };
        for e in &table.entries {
            let target = match resolve_target(&e.key) {
                Ok(t) => t,
                Err(err) => {
                    self.target_error(e.key_span, &e.key, err);
                    continue;
                }
            };
            let Some(level_name) = e.value.as_str() else {
                let msg = format!(
                    "the level of `{}` must be a string (\"allow\", \"info\", \"warn\" or \"deny\"), found {}",
                    e.key,
                    e.value.described()
                );
                self.problem(&INVALID_CONFIG, e.value.span, msg).label = "not a string".into();
                continue;
            };
            match Level::parse(level_name) {
                Some(level) => self.levels.push(LevelSetting {
                    target,
                    level,
                    span: Some(e.key_span),
                }),
                None => {
                    let mut d = ConfigProblem::new(
                        &INVALID_CONFIG,
                        e.value.span,
                        format!("unknown level `{level_name}` for `{}`", e.key),
                    )
                    .with_label("not a level")
                    .with_help("levels are \"allow\", \"info\", \"warn\" and \"deny\"");
                    if let Some(s) =
                        journey_syntax::closest(level_name, &["allow", "info", "warn", "deny"])
                    {
                        d = d.with_fix(format!("use \"{s}\""), e.value.span, format!("\"{s}\""));
                    }
                    self.problems.push(d);
                }
            }
        }
    }

    fn target_error(&mut self, span: Span, key: &str, err: TargetError) {
        match err {
            TargetError::Syntax(c) => {
                let msg = format!(
                    "`{key}` ({}) is a syntax error and cannot be configured",
                    if key == c.code { c.name } else { c.code }
                );
                let d = self.problem(&UNKNOWN_CHECK, span, msg);
                d.label = "a syntax error".into();
                d.help = Some("syntax errors are always errors: fix the file instead".into());
            }
            TargetError::Unknown(suggestion) => {
                let d = ConfigProblem::new(
                    &UNKNOWN_CHECK,
                    span,
                    format!("unknown check `{key}` in journey.toml"),
                )
                .with_label("no check has this code or name");
                let d = match suggestion {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")).with_fix(
                        format!("rename to `{s}`"),
                        span,
                        s,
                    ),
                    None => d.with_help("`journeyc explain` lists every check"),
                };
                self.problems.push(d);
            }
        }
    }

    fn read_format(&mut self, entry: &RawEntry) {
        let Some(table) = self.expect_table(entry) else {
            return;
        };
        for e in &table.entries {
            let (range, slot) = match e.key.as_str() {
                "line_width" => (20..=1000, 0),
                "indent" => (1..=16, 1),
                other => {
                    self.unknown_key(e.key_span, other, "key", &["line_width", "indent"]);
                    continue;
                }
            };
            match e.value.as_integer() {
                Some(n) if range.contains(&n) => {
                    let n = n as u32;
                    if slot == 0 {
                        self.format.line_width = n;
                    } else {
                        self.format.indent = n;
                    }
                }
                Some(n) => {
                    let msg = format!(
                        "`{}` must be between {} and {}, found {n}",
                        e.key,
                        range.start(),
                        range.end()
                    );
                    self.problem(&INVALID_CONFIG, e.value.span, msg).label = "out of range".into();
                }
                None => {
                    let msg = format!(
                        "`{}` must be a whole number, found {}",
                        e.key,
                        e.value.described()
                    );
                    self.problem(&INVALID_CONFIG, e.value.span, msg).label =
                        "not a whole number".into();
                }
            }
        }
    }

    fn read_export(&mut self, entry: &RawEntry) {
        let Some(table) = self.expect_table(entry) else {
            return;
        };
        for e in &table.entries {
            match e.key.as_str() {
                "findings" => match e.value.as_bool() {
                    Some(b) => self.export.findings = b,
                    None => {
                        let msg = format!(
                            "`findings` must be `true` or `false`, found {}",
                            e.value.described()
                        );
                        let d = self.problem(&INVALID_CONFIG, e.value.span, msg);
                        d.label = "not a boolean".into();
                        d.help = Some("write `findings = true` (without quotes)".into());
                    }
                },
                other => self.unknown_key(e.key_span, other, "key", &["findings"]),
            }
        }
    }

    /// Sets a level from the command line (`--deny warnings`,
    /// `--allow persona-not-served`). Command-line levels win over the file.
    /// The error is a message for the user, with a suggestion when one fits.
    pub fn set_level(&mut self, name: &str, level: Level) -> Result<(), String> {
        match resolve_target(name) {
            Ok(target) => {
                self.overrides.push(LevelSetting {
                    target,
                    level,
                    span: None,
                });
                Ok(())
            }
            Err(TargetError::Syntax(c)) => Err(format!(
                "`{name}` ({}) is a syntax error and cannot be configured",
                c.code
            )),
            Err(TargetError::Unknown(s)) => Err(match s {
                Some(s) => format!("unknown check `{name}`; did you mean `{s}`?"),
                None => {
                    format!("unknown check `{name}`; `journeyc explain` lists every check")
                }
            }),
        }
    }

    /// The level configured for `code` (a code such as `J0406`), command
    /// line first, then journey.toml; `None` when neither sets one.
    pub fn level_of(&self, code: &str) -> Option<Level> {
        self.overrides
            .iter()
            .rev()
            .chain(self.levels.iter().rev())
            .find_map(|s| match s.target {
                LevelTarget::Code(c) if c.code == code => Some(s.level),
                _ => None,
            })
    }

    /// The level of the `warnings` group, if set.
    pub fn warnings_level(&self) -> Option<Level> {
        self.overrides
            .iter()
            .rev()
            .chain(self.levels.iter().rev())
            .find_map(|s| match s.target {
                LevelTarget::Warnings => Some(s.level),
                _ => None,
            })
    }

    /// Whether a finding of `code` is reported at all (its level is not `allow`).
    pub fn is_enabled(&self, code: &CodeInfo) -> bool {
        self.severity_of(code.code, code.default_severity).is_some()
    }

    /// The severity a finding of `code` gets, whose severity is `severity`
    /// before configuration; `None` when it is silenced. Syntax errors are
    /// never changed.
    pub fn severity_of(&self, code: &str, severity: Severity) -> Option<Severity> {
        if is_syntax_code(code) {
            return Some(severity);
        }
        let mut s = match self.level_of(code) {
            Some(level) => level.severity(),
            // Opt-in rules are off until configured.
            None if crate::rules::is_opt_in(code) => None,
            None => Some(severity),
        };
        if s == Some(Severity::Warning) {
            if let Some(level) = self.warnings_level() {
                s = level.severity();
            }
        }
        s
    }

    /// Every level setting, journey.toml first, then the command line.
    pub fn levels(&self) -> impl Iterator<Item = &LevelSetting> {
        self.levels.iter().chain(&self.overrides)
    }

    /// A section of journey.toml by name, as written (for `[messaging]`,
    /// `[vocabulary]`, `[lints]` …). Spans are byte offsets into
    /// [`Config::text`]; their owner records problems as [`ConfigProblem`]s.
    pub fn section(&self, name: &str) -> Option<&RawValue> {
        self.raw.get(name).map(|e| &e.value)
    }

    /// The whole file as a spanned table.
    pub fn raw(&self) -> &RawTable {
        &self.raw
    }

    /// The text of journey.toml, if the configuration came from one.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The file as a renderable source, shown as `display`.
    pub fn source_file(&self, display: impl Into<String>) -> Option<SourceFile> {
        self.text
            .as_ref()
            .map(|t| SourceFile::new(display, t.clone()))
    }

    /// The problems found in journey.toml, pointing into `file` (the id
    /// under which journey.toml is shown).
    pub fn diagnostics(&self, file: FileId) -> Vec<Diagnostic> {
        self.problems.iter().map(|p| p.diagnostic(file)).collect()
    }

    /// True when journey.toml has problems of error severity.
    pub fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity() == Severity::Error)
    }
}

enum TargetError {
    Syntax(&'static CodeInfo),
    Unknown(Option<&'static str>),
}

fn is_syntax_code(code: &str) -> bool {
    crate::rules::is_syntax(code)
}

fn resolve_target(name: &str) -> Result<LevelTarget, TargetError> {
    if name == "warnings" {
        return Ok(LevelTarget::Warnings);
    }
    match crate::find_code(name) {
        Some(c) if is_syntax_code(c.code) => Err(TargetError::Syntax(c)),
        Some(c) => Ok(LevelTarget::Code(c)),
        None => {
            let codes = crate::all_codes();
            let names: Vec<&'static str> = codes
                .iter()
                .filter(|c| !is_syntax_code(c.code))
                .map(|c| c.name)
                .chain(std::iter::once("warnings"))
                .collect();
            Err(TargetError::Unknown(journey_syntax::closest(name, &names)))
        }
    }
}

/// Where a search for journey.toml starts: a folder with its links
/// resolved, or a file in such a folder — the file's own link is not
/// followed, so a link to a file elsewhere does not move the workspace.
fn start_path(p: &Path) -> PathBuf {
    let given = crate::model::normalize_path(&lexically_absolute(p));
    if given.is_dir() {
        return absolute(&given);
    }
    match (given.parent(), given.file_name()) {
        (Some(folder), Some(name)) => absolute(folder).join(name),
        _ => absolute(&given),
    }
}

fn lexically_absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(c: &Config) -> Vec<&'static str> {
        c.diagnostics(FileId(0)).iter().map(|d| d.code).collect()
    }

    #[test]
    fn defaults_without_a_file() {
        let c = Config::default();
        assert_eq!(c.format, FormatConfig::default());
        assert_eq!(c.format.line_width, 100);
        assert_eq!(c.format.indent, 2);
        assert!(c.workspace.contains("a/b.journey"));
        assert!(!c.workspace.contains("a/b.toml"));
        assert!(codes(&c).is_empty());
    }

    #[test]
    fn reads_every_section() {
        let c = Config::parse(
            "[workspace]\ninclude = [\"journeys/**/*.journey\"]\nexclude = [\"journeys/drafts\"]\n\
             [checks]\npersona-not-served = \"allow\"\nJ0413 = \"deny\"\nwarnings = \"deny\"\n\
             [format]\nline_width = 80\nindent = 4\n",
            None,
        );
        assert!(codes(&c).is_empty(), "{:?}", c.diagnostics(FileId(0)));
        assert_eq!(c.format.line_width, 80);
        assert_eq!(c.format.indent, 4);
        assert!(c.workspace.contains("journeys/a/b.journey"));
        assert!(!c.workspace.contains("journeys/drafts/b.journey"));
        assert!(!c.workspace.contains("other/b.journey"));
        assert_eq!(c.level_of("J0406"), Some(Level::Allow));
        assert_eq!(c.level_of("J0413"), Some(Level::Deny));
        assert_eq!(c.warnings_level(), Some(Level::Deny));
        assert_eq!(
            c.severity_of("J0406", Severity::Warning),
            None,
            "allowed check is silent"
        );
        assert_eq!(
            c.severity_of("J0404", Severity::Warning),
            Some(Severity::Error),
            "warnings = deny"
        );
        assert_eq!(c.severity_of("J0418", Severity::Info), Some(Severity::Info));
    }

    #[test]
    fn the_workspace_language_is_en_or_de() {
        assert_eq!(Config::default().workspace.lang, None);
        let c = Config::parse("[workspace]\nlang = \"de\"\n", None);
        assert!(codes(&c).is_empty());
        assert_eq!(c.workspace.lang.as_deref(), Some("de"));
        let text = "[workspace]\nlang = \"fr\"\n";
        let c = Config::parse(text, None);
        let d = &c.diagnostics(FileId(0))[0];
        assert_eq!(d.code, "J0601");
        assert_eq!(&text[d.span().range()], "\"fr\"");
        assert_eq!(c.workspace.lang, None);
        let c = Config::parse("[workspace]\nlnag = \"de\"\n", None);
        assert_eq!(codes(&c), ["J0603"]);
    }

    #[test]
    fn unknown_check_is_reported_with_suggestion_and_position() {
        let text = "[checks]\npersona-not-servd = \"allow\"\n";
        let c = Config::parse(text, None);
        let d = &c.diagnostics(FileId(3))[0];
        assert_eq!(d.code, "J0602");
        assert_eq!(d.file(), FileId(3));
        assert_eq!(&text[d.span().range()], "persona-not-servd");
        assert_eq!(
            d.help.as_deref(),
            Some("did you mean `persona-not-served`?")
        );
        assert_eq!(d.fixes[0].edits[0].new_text, "persona-not-served");
    }

    #[test]
    fn bad_values_are_reported_where_they_stand() {
        let text = "[checks]\npersona-not-served = \"off\"\nundefined-reference = 3\n\
                    [format]\nline_width = \"wide\"\nindent = 0\n[workspace]\nexclude = \"x\"\n";
        let c = Config::parse(text, None);
        let ds = c.diagnostics(FileId(0));
        let at: Vec<(&str, &str)> = ds
            .iter()
            .map(|d| (d.code, &text[d.span().range()]))
            .collect();
        assert_eq!(
            at,
            vec![
                ("J0601", "\"off\""),
                ("J0601", "3"),
                ("J0601", "\"wide\""),
                ("J0601", "0"),
                ("J0601", "\"x\""),
            ]
        );
        // What could be read still applies: nothing here.
        assert_eq!(c.format, FormatConfig::default());
    }

    #[test]
    fn export_settings_and_language_are_validated() {
        let c = Config::parse(
            "[workspace]\nlang = \"de\"\n[export]\nfindings = true\n",
            None,
        );
        assert!(codes(&c).is_empty(), "{:?}", c.diagnostics(FileId(0)));
        assert_eq!(c.workspace.lang.as_deref(), Some("de"));
        assert!(c.export.findings);
        let text = "[workspace]\nlang = \"fr\"\n[export]\nfindigns = true\n[export2]\n";
        let c = Config::parse(text, None);
        let ds = c.diagnostics(FileId(0));
        let at: Vec<(&str, &str)> = ds
            .iter()
            .map(|d| (d.code, &text[d.span().range()]))
            .collect();
        assert_eq!(
            at,
            vec![
                ("J0601", "\"fr\""),
                ("J0603", "findigns"),
                ("J0603", "export2")
            ]
        );
        assert_eq!(ds[1].help.as_deref(), Some("did you mean `findings`?"));
        assert_eq!(c.workspace.lang, None);
        assert!(!c.export.findings);
        let c = Config::parse("[export]\nfindings = \"yes\"\n", None);
        let ds = c.diagnostics(FileId(0));
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].code, "J0601");
        assert_eq!(
            ds[0].help.as_deref(),
            Some("write `findings = true` (without quotes)")
        );
    }

    #[test]
    fn syntax_errors_cannot_be_configured() {
        let c = Config::parse("[checks]\nunterminated-string = \"allow\"\n", None);
        assert_eq!(codes(&c), vec!["J0602"]);
        assert_eq!(
            c.severity_of("J0102", Severity::Error),
            Some(Severity::Error)
        );
        let mut c = Config::default();
        assert!(c.set_level("J0102", Level::Allow).is_err());
    }

    #[test]
    fn unknown_sections_and_keys_warn_but_external_sections_are_kept() {
        let text = "[fromat]\nindent = 2\n[workspace]\nexlude = []\n[messaging]\nmax_words = 12\n";
        let c = Config::parse(text, None);
        let ds = c.diagnostics(FileId(0));
        assert_eq!(ds.len(), 2, "{ds:?}");
        assert!(ds.iter().all(|d| d.code == "J0603"));
        assert_eq!(ds[0].help.as_deref(), Some("did you mean `format`?"));
        assert_eq!(ds[1].help.as_deref(), Some("did you mean `exclude`?"));
        let messaging = c.section("messaging").and_then(RawValue::as_table).unwrap();
        let e = messaging.get("max_words").unwrap();
        assert_eq!(e.value.as_integer(), Some(12));
        assert_eq!(&text[e.key_span.range()], "max_words");
    }

    #[test]
    fn toml_syntax_error_has_a_position() {
        let text = "[checks]\nfoo = = 1\n";
        let c = Config::parse(text, None);
        let ds = c.diagnostics(FileId(0));
        assert!(!ds.is_empty());
        assert_eq!(ds[0].code, "J0601");
        assert!(ds[0].span().start >= 9, "{:?}", ds[0].span());
    }

    #[test]
    fn command_line_wins_over_the_file() {
        let mut c = Config::parse("[checks]\npersona-not-served = \"deny\"\n", None);
        c.set_level("persona-not-served", Level::Allow).unwrap();
        assert_eq!(c.level_of("J0406"), Some(Level::Allow));
        c.set_level("warnings", Level::Deny).unwrap();
        assert_eq!(
            c.severity_of("J0404", Severity::Warning),
            Some(Severity::Error)
        );
        let err = c.set_level("persona-not-servd", Level::Deny).unwrap_err();
        assert!(err.contains("did you mean `persona-not-served`"), "{err}");
    }

    #[test]
    fn excluded_folders_exclude_their_files() {
        let mut w = WorkspaceConfig::default();
        w.exclude.push(Glob::new("drafts").unwrap());
        w.exclude.push(Glob::new("**/old_*.journey").unwrap());
        assert!(!w.contains("drafts/a.journey"));
        assert!(!w.contains("drafts/x/a.journey"));
        assert!(!w.contains("x/old_a.journey"));
        assert!(w.contains("x/new.journey"));
        assert!(w.contains("top.journey"));
    }
}
