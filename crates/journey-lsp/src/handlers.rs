//! Requests: LSP parameters to journey-ide queries and the answers back.
//! Each function is synchronous and answers from one [`Snapshot`].

use crate::convert::LineMap;
use crate::diagnostics;
use crate::state::Snapshot;
use journey_analysis::model::DefKind;
use journey_diagnostics::{FileId, Span};
use journey_ide::{
    CompletionKind, FilePosition, FileRange, FoldKind, HighlightAccess, HighlightKind,
    HighlightMods, InlayKind, RenameError, SymbolKind,
};
use std::collections::HashMap;
use tower_lsp_server::jsonrpc::{Error, ErrorCode};
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::ls_types::Uri;

type Result<T> = std::result::Result<T, Error>;

fn file_of<'s>(snap: &'s Snapshot, uri: &Uri) -> Option<(FileId, LineMap<'s>)> {
    let file = snap.files.file(uri)?;
    let f = snap.analysis.workspace().file(file)?;
    Some((file, LineMap::new(&f.source, snap.opts.encoding)))
}

fn map_of(snap: &Snapshot, file: FileId) -> Option<LineMap<'_>> {
    let f = snap.analysis.workspace().file(file)?;
    Some(LineMap::new(&f.source, snap.opts.encoding))
}

fn position(snap: &Snapshot, p: &lsp::TextDocumentPositionParams) -> Option<FilePosition> {
    let (file, map) = file_of(snap, &p.text_document.uri)?;
    Some(FilePosition {
        file,
        offset: map.offset(p.position),
    })
}

fn location(snap: &Snapshot, file: FileId, span: Span) -> Option<lsp::Location> {
    Some(lsp::Location::new(
        diagnostics::uri_of(snap, file)?,
        map_of(snap, file)?.range(span),
    ))
}

fn markup(snap: &Snapshot, value: String) -> lsp::MarkupContent {
    lsp::MarkupContent {
        kind: if snap.opts.markdown {
            lsp::MarkupKind::Markdown
        } else {
            lsp::MarkupKind::PlainText
        },
        value,
    }
}

/// A refusal the user should read (a rename that would collide …).
fn request_failed(message: impl Into<String>) -> Error {
    Error {
        code: ErrorCode::ServerError(-32803),
        message: message.into().into(),
        data: None,
    }
}

pub fn hover(snap: &Snapshot, p: lsp::HoverParams) -> Option<lsp::Hover> {
    let pos = position(snap, &p.text_document_position_params)?;
    let h = snap.analysis.hover(pos)?;
    let map = map_of(snap, pos.file)?;
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(markup(snap, h.markdown)),
        range: Some(map.range(h.span)),
    })
}

pub fn definition(
    snap: &Snapshot,
    p: lsp::GotoDefinitionParams,
) -> Option<lsp::GotoDefinitionResponse> {
    let pos = position(snap, &p.text_document_position_params)?;
    let targets = snap.analysis.goto_definition(pos);
    let locations: Vec<lsp::Location> = targets
        .iter()
        .filter_map(|t| location(snap, t.file, t.focus_span))
        .collect();
    (!locations.is_empty()).then_some(lsp::GotoDefinitionResponse::Array(locations))
}

pub fn references(snap: &Snapshot, p: lsp::ReferenceParams) -> Option<Vec<lsp::Location>> {
    let pos = position(snap, &p.text_document_position)?;
    let hits = snap.analysis.references(pos, p.context.include_declaration);
    Some(
        hits.iter()
            .filter_map(|h| location(snap, h.file, h.span))
            .collect(),
    )
}

pub fn document_highlight(
    snap: &Snapshot,
    p: lsp::DocumentHighlightParams,
) -> Option<Vec<lsp::DocumentHighlight>> {
    let pos = position(snap, &p.text_document_position_params)?;
    let map = map_of(snap, pos.file)?;
    Some(
        snap.analysis
            .document_highlight(pos)
            .into_iter()
            .map(|(span, access)| lsp::DocumentHighlight {
                range: map.range(span),
                kind: Some(match access {
                    HighlightAccess::Write => lsp::DocumentHighlightKind::WRITE,
                    HighlightAccess::Read => lsp::DocumentHighlightKind::READ,
                    HighlightAccess::Text => lsp::DocumentHighlightKind::TEXT,
                }),
            })
            .collect(),
    )
}

pub fn prepare_rename(
    snap: &Snapshot,
    p: lsp::TextDocumentPositionParams,
) -> Result<Option<lsp::PrepareRenameResponse>> {
    let Some(pos) = position(snap, &p) else {
        return Ok(None);
    };
    let Some(map) = map_of(snap, pos.file) else {
        return Ok(None);
    };
    match snap.analysis.prepare_rename(pos) {
        Ok(span) => Ok(Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
            range: map.range(span),
            placeholder: map.text[span.range()].to_string(),
        })),
        Err(RenameError::NothingToRename) => Ok(None),
        Err(e) => Err(request_failed(e.to_string())),
    }
}

pub fn rename(snap: &Snapshot, p: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>> {
    let Some(pos) = position(snap, &p.text_document_position) else {
        return Ok(None);
    };
    match snap.analysis.rename(pos, &p.new_name) {
        Ok(change) => Ok(Some(workspace_edit(snap, &change.edits))),
        Err(RenameError::NothingToRename) => Ok(None),
        Err(e) => Err(request_failed(e.to_string())),
    }
}

fn workspace_edit(snap: &Snapshot, edits: &[journey_diagnostics::TextEdit]) -> lsp::WorkspaceEdit {
    let mut changes: HashMap<Uri, Vec<lsp::TextEdit>> = HashMap::new();
    for e in edits {
        let (Some(uri), Some(map)) = (diagnostics::uri_of(snap, e.file), map_of(snap, e.file))
        else {
            continue;
        };
        changes
            .entry(uri)
            .or_default()
            .push(lsp::TextEdit::new(map.range(e.span), e.new_text.clone()));
    }
    lsp::WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }
}

fn completion_kind(k: CompletionKind) -> lsp::CompletionItemKind {
    use lsp::CompletionItemKind as K;
    match k {
        CompletionKind::Keyword | CompletionKind::Clause => K::KEYWORD,
        CompletionKind::Symbol(s) => match s {
            SymbolKind::Def(DefKind::Persona) | SymbolKind::Def(DefKind::Actor) => K::CLASS,
            SymbolKind::Def(DefKind::Touchpoint) => K::EVENT,
            SymbolKind::Def(DefKind::Phase) => K::MODULE,
            SymbolKind::Team | SymbolKind::System => K::VARIABLE,
            SymbolKind::Promise => K::CONSTANT,
            _ => K::REFERENCE,
        },
        CompletionKind::EnumValue(_) | CompletionKind::Channel => K::ENUM_MEMBER,
        CompletionKind::Check => K::VALUE,
        CompletionKind::File => K::FILE,
    }
}

pub fn completion(snap: &Snapshot, p: lsp::CompletionParams) -> Option<lsp::CompletionResponse> {
    let pos = position(snap, &p.text_document_position)?;
    let map = map_of(snap, pos.file)?;
    let items = snap.analysis.completions(pos);
    // A space typed in a statement's first column is indentation, not a
    // request for keywords.
    let by_space = p.context.as_ref().is_some_and(|c| {
        c.trigger_kind == lsp::CompletionTriggerKind::TRIGGER_CHARACTER
            && c.trigger_character.as_deref() == Some(" ")
    });
    if by_space && items.iter().all(|i| i.kind == CompletionKind::Keyword) {
        return None;
    }
    let items = items
        .into_iter()
        .enumerate()
        .map(|(n, i)| {
            let snippet = i.snippet && snap.opts.snippets;
            let new_text = if i.snippet && !snap.opts.snippets {
                i.label.clone()
            } else {
                i.insert_text.clone()
            };
            lsp::CompletionItem {
                label: i.label.clone(),
                kind: Some(completion_kind(i.kind)),
                detail: i.detail.clone(),
                documentation: i
                    .documentation
                    .map(|d| lsp::Documentation::MarkupContent(markup(snap, d))),
                preselect: i.preselect.then_some(true),
                sort_text: Some(format!("{n:04}")),
                filter_text: Some(i.label.clone()),
                insert_text_format: Some(if snippet {
                    lsp::InsertTextFormat::SNIPPET
                } else {
                    lsp::InsertTextFormat::PLAIN_TEXT
                }),
                text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit::new(
                    map.range(i.replace),
                    new_text,
                ))),
                ..Default::default()
            }
        })
        .collect();
    Some(lsp::CompletionResponse::Array(items))
}

fn symbol_kind(k: SymbolKind) -> lsp::SymbolKind {
    use lsp::SymbolKind as S;
    match k {
        SymbolKind::Def(DefKind::Journey) => S::MODULE,
        SymbolKind::Def(DefKind::Persona) => S::CLASS,
        SymbolKind::Def(DefKind::Phase) => S::NAMESPACE,
        SymbolKind::Def(DefKind::Touchpoint) => S::EVENT,
        SymbolKind::Def(DefKind::Goal) => S::INTERFACE,
        SymbolKind::Def(DefKind::Actor) => S::OBJECT,
        SymbolKind::Def(DefKind::Impact) => S::METHOD,
        SymbolKind::Def(DefKind::Kpi) => S::PROPERTY,
        SymbolKind::Def(DefKind::Deliverable) => S::FUNCTION,
        SymbolKind::Team | SymbolKind::System => S::VARIABLE,
        SymbolKind::Channel => S::ENUM_MEMBER,
        SymbolKind::Promise => S::STRUCT,
    }
}

#[allow(deprecated)] // `SymbolInformation::deprecated` and `DocumentSymbol::deprecated`
pub fn document_symbols(
    snap: &Snapshot,
    p: lsp::DocumentSymbolParams,
) -> Option<lsp::DocumentSymbolResponse> {
    let (file, map) = file_of(snap, &p.text_document.uri)?;
    let symbols = snap.analysis.document_symbols(file);
    if snap.opts.hierarchical_symbols {
        fn convert(map: &LineMap, s: &journey_ide::DocumentSymbol) -> lsp::DocumentSymbol {
            lsp::DocumentSymbol {
                name: s.name.clone(),
                detail: s.detail.clone(),
                kind: symbol_kind(s.kind),
                tags: None,
                deprecated: None,
                range: map.range(s.full_span),
                selection_range: map.range(s.name_span),
                children: Some(s.children.iter().map(|c| convert(map, c)).collect()),
            }
        }
        return Some(lsp::DocumentSymbolResponse::Nested(
            symbols.iter().map(|s| convert(&map, s)).collect(),
        ));
    }
    let uri = p.text_document.uri;
    let mut flat = Vec::new();
    fn walk(
        map: &LineMap,
        uri: &Uri,
        list: &[journey_ide::DocumentSymbol],
        container: Option<&str>,
        out: &mut Vec<lsp::SymbolInformation>,
    ) {
        for s in list {
            out.push(lsp::SymbolInformation {
                name: s.name.clone(),
                kind: symbol_kind(s.kind),
                tags: None,
                deprecated: None,
                location: lsp::Location::new(uri.clone(), map.range(s.full_span)),
                container_name: container.map(str::to_string),
            });
            walk(map, uri, &s.children, Some(&s.name), out);
        }
    }
    walk(&map, &uri, &symbols, None, &mut flat);
    Some(lsp::DocumentSymbolResponse::Flat(flat))
}

#[allow(deprecated)] // `SymbolInformation::deprecated`
pub fn workspace_symbols(
    snap: &Snapshot,
    p: lsp::WorkspaceSymbolParams,
) -> Option<lsp::WorkspaceSymbolResponse> {
    let symbols = snap.analysis.workspace_symbols(&p.query);
    Some(lsp::WorkspaceSymbolResponse::Flat(
        symbols
            .into_iter()
            .filter_map(|s| {
                Some(lsp::SymbolInformation {
                    location: location(snap, s.file, s.name_span)?,
                    name: s.name,
                    kind: symbol_kind(s.kind),
                    tags: None,
                    deprecated: None,
                    container_name: s.container,
                })
            })
            .collect(),
    ))
}

/// The semantic token types, in legend order.
pub const TOKEN_TYPES: &[&str] = &[
    "keyword",    // 0
    "namespace",  // 1 journey
    "class",      // 2 persona
    "enum",       // 3 phase
    "function",   // 4 touchpoint
    "interface",  // 5 goal
    "parameter",  // 6 stakeholder actor
    "method",     // 7 impact
    "property",   // 8 KPI
    "event",      // 9 deliverable
    "variable",   // 10 team
    "type",       // 11 system
    "enumMember", // 12 channel, fixed values
    "string",     // 13
    "number",     // 14
    "comment",    // 15
    "operator",   // 16
    "struct",     // 17 promise
];

/// The semantic token modifiers, in legend order (bit n = entry n).
pub const TOKEN_MODIFIERS: &[&str] = &["declaration", "defaultLibrary", "unresolved"];

pub fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: TOKEN_TYPES
            .iter()
            .map(|t| lsp::SemanticTokenType::new(t))
            .collect(),
        token_modifiers: TOKEN_MODIFIERS
            .iter()
            .map(|m| lsp::SemanticTokenModifier::new(m))
            .collect(),
    }
}

fn token_type(k: HighlightKind) -> u32 {
    match k {
        HighlightKind::Keyword | HighlightKind::Clause => 0,
        HighlightKind::Symbol(s) => match s {
            SymbolKind::Def(DefKind::Journey) => 1,
            SymbolKind::Def(DefKind::Persona) => 2,
            SymbolKind::Def(DefKind::Phase) => 3,
            SymbolKind::Def(DefKind::Touchpoint) => 4,
            SymbolKind::Def(DefKind::Goal) => 5,
            SymbolKind::Def(DefKind::Actor) => 6,
            SymbolKind::Def(DefKind::Impact) => 7,
            SymbolKind::Def(DefKind::Kpi) => 8,
            SymbolKind::Def(DefKind::Deliverable) => 9,
            SymbolKind::Team => 10,
            SymbolKind::System => 11,
            SymbolKind::Channel => 12,
            SymbolKind::Promise => 17,
        },
        HighlightKind::EnumValue => 12,
        HighlightKind::String => 13,
        HighlightKind::Number => 14,
        HighlightKind::Comment => 15,
        HighlightKind::Operator => 16,
    }
}

fn token_modifiers(m: HighlightMods) -> u32 {
    let mut bits = 0;
    if m.contains(HighlightMods::DEFINITION) {
        bits |= 1;
    }
    if m.contains(HighlightMods::BUILTIN) {
        bits |= 2;
    }
    if m.contains(HighlightMods::UNRESOLVED) {
        bits |= 4;
    }
    bits
}

/// Semantic tokens, delta-encoded; tokens spanning lines (text blocks)
/// are split at line ends.
pub fn semantic_tokens(
    snap: &Snapshot,
    file: FileId,
    range: Option<Span>,
) -> Option<lsp::SemanticTokens> {
    let map = map_of(snap, file)?;
    let tokens = snap.analysis.highlight(file, range);
    let mut data = Vec::with_capacity(tokens.len());
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    for t in tokens {
        let ty = token_type(t.kind);
        let mods = token_modifiers(t.mods);
        let mut start = t.span.start;
        while start < t.span.end {
            let line = map.index.line_of(start);
            let line_end = map
                .index
                .line_end(map.text, line)
                .unwrap_or(t.span.end)
                .min(t.span.end);
            let a = map.position(start);
            let b = map.position(line_end);
            if b.character > a.character {
                let delta_line = a.line - prev_line;
                let delta_start = if delta_line == 0 {
                    a.character - prev_start
                } else {
                    a.character
                };
                data.push(lsp::SemanticToken {
                    delta_line,
                    delta_start,
                    length: b.character - a.character,
                    token_type: ty,
                    token_modifiers_bitset: mods,
                });
                prev_line = a.line;
                prev_start = a.character;
            }
            match map.index.line_start(line + 1) {
                Some(next) if next > start => start = next,
                _ => break,
            }
        }
    }
    Some(lsp::SemanticTokens {
        result_id: None,
        data,
    })
}

pub fn semantic_tokens_full(
    snap: &Snapshot,
    p: lsp::SemanticTokensParams,
) -> Option<lsp::SemanticTokensResult> {
    let (file, _) = file_of(snap, &p.text_document.uri)?;
    semantic_tokens(snap, file, None).map(lsp::SemanticTokensResult::Tokens)
}

pub fn semantic_tokens_range(
    snap: &Snapshot,
    p: lsp::SemanticTokensRangeParams,
) -> Option<lsp::SemanticTokensRangeResult> {
    let (file, map) = file_of(snap, &p.text_document.uri)?;
    semantic_tokens(snap, file, Some(map.span(p.range))).map(lsp::SemanticTokensRangeResult::Tokens)
}

pub fn code_actions(snap: &Snapshot, p: lsp::CodeActionParams) -> Option<lsp::CodeActionResponse> {
    let (file, map) = file_of(snap, &p.text_document.uri)?;
    if let Some(only) = &p.context.only {
        if !only.iter().any(|k| k.as_str().starts_with("quickfix")) {
            return Some(Vec::new());
        }
    }
    let actions = snap.analysis.code_actions(FileRange {
        file,
        span: map.span(p.range),
    });
    Some(
        actions
            .into_iter()
            .map(|a| {
                lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: a.title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: diagnostics::to_lsp(snap, &a.diagnostic).map(|d| vec![d]),
                    edit: Some(workspace_edit(snap, &a.edits)),
                    is_preferred: a.preferred.then_some(true),
                    ..Default::default()
                })
            })
            .collect(),
    )
}

/// The answer to a formatting request: the edits, and why there are none
/// when the file was left as it is (shown to the user, as `journeyc fmt`
/// reports it).
pub struct Formatting {
    pub edits: Vec<lsp::TextEdit>,
    pub refusal: Option<String>,
}

impl Formatting {
    fn refused(message: String) -> Formatting {
        Formatting {
            edits: Vec::new(),
            refusal: Some(message),
        }
    }
}

/// Formatting runs `journey_fmt::format_verified`, the function behind
/// `journeyc fmt`: the same layout, the same safety net, the same refusals.
pub fn formatting(snap: &Snapshot, p: lsp::DocumentFormattingParams) -> Result<Option<Formatting>> {
    let Some((file, map)) = file_of(snap, &p.text_document.uri) else {
        return Ok(None);
    };
    let ws = snap.analysis.workspace();
    let Some(f) = ws.file(file) else {
        return Ok(None);
    };
    let config = ws.config();
    if config.has_errors() {
        let shown = ws
            .config_file()
            .and_then(|id| ws.file(id))
            .map_or(journey_analysis::config::FILE_NAME, |c| c.display.as_str());
        return Ok(Some(Formatting::refused(journey_fmt::config_refusal(
            shown,
        ))));
    }
    let options = journey_analysis::format::options(config);
    match journey_fmt::format_verified(map.text, &f.parse, &options) {
        Ok(formatted) => Ok(Some(Formatting {
            edits: journey_fmt::minimal_edit(map.text, &formatted)
                .map(|(range, new)| {
                    vec![lsp::TextEdit::new(
                        map.range(Span::from(range)),
                        new.to_string(),
                    )]
                })
                .unwrap_or_default(),
            refusal: None,
        })),
        // The editor shows the errors already; the request fails with the
        // first one.
        Err(e @ journey_fmt::FormatError::Syntax(_)) => Err(request_failed(e.to_string())),
        Err(e) => Ok(Some(Formatting::refused(e.refusal(&f.display)))),
    }
}

pub fn folding_ranges(
    snap: &Snapshot,
    p: lsp::FoldingRangeParams,
) -> Option<Vec<lsp::FoldingRange>> {
    let (file, map) = file_of(snap, &p.text_document.uri)?;
    let mut out = Vec::new();
    for f in snap.analysis.folding_ranges(file) {
        let start = map.position(f.span.start);
        let end = map.position(f.span.end);
        let mut end_line = end.line;
        // Keep a block's closing brace visible.
        if f.kind == FoldKind::Block && snap.opts.line_folding_only {
            end_line = end_line.saturating_sub(1);
        }
        if end_line <= start.line {
            continue;
        }
        out.push(lsp::FoldingRange {
            start_line: start.line,
            start_character: (!snap.opts.line_folding_only).then_some(start.character),
            end_line,
            end_character: (!snap.opts.line_folding_only).then_some(end.character),
            kind: match f.kind {
                FoldKind::Comment => Some(lsp::FoldingRangeKind::Comment),
                FoldKind::Imports => Some(lsp::FoldingRangeKind::Imports),
                FoldKind::Block | FoldKind::Text => Some(lsp::FoldingRangeKind::Region),
            },
            collapsed_text: None,
        });
    }
    Some(out)
}

pub fn selection_ranges(
    snap: &Snapshot,
    p: lsp::SelectionRangeParams,
) -> Option<Vec<lsp::SelectionRange>> {
    let (file, map) = file_of(snap, &p.text_document.uri)?;
    Some(
        p.positions
            .iter()
            .map(|&position| {
                let spans = snap.analysis.selection_ranges(FilePosition {
                    file,
                    offset: map.offset(position),
                });
                let mut range: Option<lsp::SelectionRange> = None;
                for span in spans.iter().rev() {
                    range = Some(lsp::SelectionRange {
                        range: map.range(*span),
                        parent: range.map(Box::new),
                    });
                }
                range.unwrap_or(lsp::SelectionRange {
                    range: lsp::Range::new(position, position),
                    parent: None,
                })
            })
            .collect(),
    )
}

pub fn inlay_hints(snap: &Snapshot, p: lsp::InlayHintParams) -> Option<Vec<lsp::InlayHint>> {
    let (file, map) = file_of(snap, &p.text_document.uri)?;
    Some(
        snap.analysis
            .inlay_hints(file, Some(map.span(p.range)))
            .into_iter()
            .map(|h| lsp::InlayHint {
                position: map.position(h.offset),
                label: lsp::InlayHintLabel::String(h.label),
                kind: Some(match h.kind {
                    InlayKind::PhaseNumber => lsp::InlayHintKind::PARAMETER,
                    InlayKind::Gap => lsp::InlayHintKind::TYPE,
                }),
                text_edits: None,
                tooltip: h.tooltip.map(lsp::InlayHintTooltip::String),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect(),
    )
}

pub fn document_links(
    snap: &Snapshot,
    p: lsp::DocumentLinkParams,
) -> Option<Vec<lsp::DocumentLink>> {
    let (file, map) = file_of(snap, &p.text_document.uri)?;
    Some(
        snap.analysis
            .document_links(file)
            .into_iter()
            .filter_map(|l| {
                let target = match l.file {
                    Some(id) => diagnostics::uri_of(snap, id),
                    None => Uri::from_file_path(&l.target),
                }?;
                let shown = l
                    .file
                    .and_then(|id| snap.analysis.workspace().file(id))
                    .map_or_else(|| l.target.display().to_string(), |f| f.display.clone());
                Some(lsp::DocumentLink {
                    range: map.range(l.span),
                    target: Some(target),
                    tooltip: Some(format!("open {shown}")),
                    data: None,
                })
            })
            .collect(),
    )
}

/// `journeyc/explain`: the text `journeyc explain CODE` prints.
#[derive(Debug, serde::Deserialize)]
pub struct ExplainParams {
    pub code: String,
}

#[derive(Debug, serde::Serialize)]
pub struct Explanation {
    pub code: String,
    pub name: String,
    pub summary: String,
    /// The level when journey.toml says nothing: `error`, `warning`,
    /// `info` or `off` (an opt-in check).
    pub severity: String,
    /// Markdown.
    pub explanation: String,
    /// Exactly what `journeyc explain CODE` prints.
    pub text: String,
    pub url: Option<String>,
}

pub fn explain(snap: &Snapshot, p: ExplainParams) -> Result<Explanation> {
    let e = journey_analysis::explain::explain(&p.code).ok_or_else(|| {
        let hint = journey_analysis::explain::closest_code(&p.code)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        Error::invalid_params(format!("unknown code `{}`{hint}", p.code))
    })?;
    Ok(Explanation {
        code: e.code.to_string(),
        name: e.name.to_string(),
        summary: e.summary.to_string(),
        severity: e.default_level.to_string(),
        explanation: e.body.to_string(),
        text: e.text(),
        url: diagnostics::code_url(snap, e.code).map(|u| u.as_str().to_string()),
    })
}
