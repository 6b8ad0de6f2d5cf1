//! The language server: protocol plumbing around [`crate::state`] and
//! [`crate::handlers`].
//!
//! - Every request is answered from an immutable snapshot, inside
//!   `catch_unwind`: a panic answers that request with an error and the
//!   server keeps running.
//! - `didChange` notifications are applied in version order under one lock
//!   (tower-lsp runs handlers concurrently): a change that arrives ahead of
//!   its predecessor waits for it, a stale one is dropped.
//! - Diagnostics are computed by one background task: changes that arrive
//!   while it works are coalesced into the next run, results of a snapshot
//!   that is no longer current are thrown away, and every file whose list
//!   changed is published (an empty list when it became clean).

use crate::convert::Encoding;
use crate::diagnostics;
use crate::handlers::{self, ExplainParams, Explanation};
use crate::map::{self, GoodMap, MapAnswer, MapParams};
use crate::state::{ChangeOutcome, Options, Snapshot, State};
use std::any::Any;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::Notify;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// How long a change that arrived ahead of a missing version waits for it.
/// Clients that number versions with gaps (Neovim uses `changedtick`) pay
/// this once per gap.
const QUEUE_WAIT: Duration = Duration::from_millis(50);

/// Set to make the `journeyc/panic` request panic (for robustness tests).
pub const PANIC_HOOK_ENV: &str = "JOURNEYC_LSP_TEST_PANIC";

/// What was published last, per URI, with the document version.
type Published = BTreeMap<Uri, (Option<i32>, Vec<Diagnostic>)>;

pub struct Backend {
    client: Client,
    shared: Arc<Shared>,
}

struct Shared {
    state: Mutex<State>,
    /// Wakes the diagnostics task.
    changed: Notify,
    published: tokio::sync::Mutex<Published>,
    shutdown: Arc<AtomicBool>,
    worker_started: AtomicBool,
    /// The last journey map built without errors (`journey/map`).
    map: Mutex<Option<GoodMap>>,
}

fn panic_message(p: &(dyn Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

impl Backend {
    /// `shutdown` is set when the client sent `shutdown` (the exit code
    /// after `exit` depends on it).
    pub fn new(client: Client, shutdown: Arc<AtomicBool>) -> Backend {
        Backend {
            client,
            shared: Arc::new(Shared {
                state: Mutex::new(State::default()),
                changed: Notify::new(),
                published: tokio::sync::Mutex::new(BTreeMap::new()),
                shutdown,
                worker_started: AtomicBool::new(false),
                map: Mutex::new(None),
            }),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.shared)
    }

    fn snapshot(&self) -> Snapshot {
        self.state().snapshot()
    }

    /// Answers a request from the current snapshot; a panic becomes an
    /// error answer.
    fn run<R>(&self, what: &str, f: impl FnOnce(&Snapshot) -> R) -> Result<R> {
        let snap = self.snapshot();
        catch_unwind(AssertUnwindSafe(|| f(&snap))).map_err(|p| {
            let msg = panic_message(p.as_ref());
            eprintln!("journeyc lsp: {what} failed: {msg}");
            Error {
                code: ErrorCode::InternalError,
                message: format!("journeyc: {what} failed: {msg}").into(),
                data: None,
            }
        })
    }

    fn run_fallible<R>(&self, what: &str, f: impl FnOnce(&Snapshot) -> Result<R>) -> Result<R> {
        self.run(what, f)?
    }

    /// Changes the state; a panic is logged and the change dropped.
    fn mutate<R>(&self, what: &str, f: impl FnOnce(&mut State) -> R) -> Option<R> {
        let mut st = self.state();
        match catch_unwind(AssertUnwindSafe(|| f(&mut st))) {
            Ok(r) => Some(r),
            Err(p) => {
                eprintln!("journeyc lsp: {what} failed: {}", panic_message(p.as_ref()));
                None
            }
        }
    }

    fn diagnostics_changed(&self) {
        self.shared.changed.notify_one();
    }

    fn start_worker(&self) {
        if self.shared.worker_started.swap(true, Ordering::SeqCst) {
            return;
        }
        let shared = self.shared.clone();
        let client = self.client.clone();
        tokio::spawn(async move { diagnostics_task(client, shared).await });
    }

    async fn log(&self, typ: MessageType, message: String) {
        self.client.log_message(typ, message).await;
    }

    /// `journeyc/explain`: the explanation of a diagnostic code.
    pub async fn explain(&self, params: ExplainParams) -> Result<Explanation> {
        self.run_fallible("explain", |s| handlers::explain(s, params))
    }

    /// `journey/map`: the HTML journey map of the workspace (see
    /// [`crate::map`]).
    pub async fn map(&self, _params: MapParams) -> Result<MapAnswer> {
        let last = self
            .shared
            .map
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        let (answer, built) = self.run("journey/map", |s| map::compute(s, last.as_ref()))?;
        if let Some(built) = built {
            let mut slot = self
                .shared
                .map
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            // Answers may finish out of order: keep the newest.
            if slot
                .as_ref()
                .is_none_or(|m| m.generation <= built.generation)
            {
                *slot = Some(built);
            }
        }
        Ok(answer)
    }

    /// `journeyc/panic`: panics while answering when [`PANIC_HOOK_ENV`] is
    /// set (robustness tests); unknown otherwise.
    pub async fn test_panic(&self) -> Result<()> {
        if std::env::var_os(PANIC_HOOK_ENV).is_none() {
            return Err(Error::method_not_found());
        }
        self.run("journeyc/panic", |_| -> () {
            panic!("deliberate panic for testing");
        })
    }
}

fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    // A panic while the lock was held is caught and logged; the state
    // stays usable.
    shared
        .state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn diagnostics_task(client: Client, shared: Arc<Shared>) {
    loop {
        shared.changed.notified().await;
        let delay = lock(&shared).opts.diagnostics_delay_ms;
        if delay > 0 {
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
        loop {
            let snap = lock(&shared).snapshot();
            let computed = match catch_unwind(AssertUnwindSafe(|| diagnostics::compute(&snap))) {
                Ok(c) => c,
                Err(p) => {
                    eprintln!(
                        "journeyc lsp: computing diagnostics failed: {}",
                        panic_message(p.as_ref())
                    );
                    break;
                }
            };
            let mut published = shared.published.lock().await;
            if lock(&shared).generation != snap.generation {
                continue; // a newer change arrived: never publish stale results
            }
            let gone: Vec<Uri> = published
                .keys()
                .filter(|u| !computed.contains_key(*u))
                .cloned()
                .collect();
            // A file whose findings changed, or an open document that got a
            // new version (so the editor knows its list is current).
            for (uri, entry) in computed {
                if published.get(&uri) != Some(&entry) {
                    client
                        .publish_diagnostics(uri.clone(), entry.1.clone(), entry.0)
                        .await;
                    published.insert(uri, entry);
                }
            }
            for uri in gone {
                client
                    .publish_diagnostics(uri.clone(), Vec::new(), None)
                    .await;
                published.remove(&uri);
            }
            drop(published);
            // Build the name index of this snapshot now, so that the first
            // hover or definition after an edit does not wait for it —
            // unless the user is still typing: then the next snapshot's
            // diagnostics come first and its index is built after them.
            if lock(&shared).generation == snap.generation {
                let _ = catch_unwind(AssertUnwindSafe(|| {
                    snap.analysis.index();
                }));
            }
            break;
        }
    }
}

fn client_options(params: &InitializeParams) -> Options {
    let caps = &params.capabilities;
    let td = caps.text_document.as_ref();
    let mut opts = Options {
        encoding: Encoding::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        ),
        snippets: td
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false),
        hierarchical_symbols: td
            .and_then(|t| t.document_symbol.as_ref())
            .and_then(|s| s.hierarchical_document_symbol_support)
            .unwrap_or(false),
        line_folding_only: td
            .and_then(|t| t.folding_range.as_ref())
            .and_then(|f| f.line_folding_only)
            .unwrap_or(false),
        markdown: td
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .is_none_or(|f| f.contains(&MarkupKind::Markdown)),
        related_information: td
            .and_then(|t| t.publish_diagnostics.as_ref())
            .and_then(|p| p.related_information)
            .unwrap_or(true),
        ..Options::default()
    };
    if let Some(init) = &params.initialization_options {
        if let Some(url) = init.get("codeUrl").and_then(|v| v.as_str()) {
            opts.code_url = url.to_string();
        }
        if let Some(ms) = init.get("diagnosticsDelayMs").and_then(|v| v.as_u64()) {
            opts.diagnostics_delay_ms = ms.min(5_000);
        }
    }
    opts
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let opts = client_options(&params);
        let encoding = opts.encoding;
        let mut folders: Vec<std::path::PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
            .collect();
        #[allow(deprecated)] // older clients send only `rootUri`
        if folders.is_empty() {
            if let Some(root) = params.root_uri.as_ref().and_then(|u| u.to_file_path()) {
                folders.push(root.into_owned());
            }
        }
        self.mutate("initialize", |st| {
            *st = State::new(opts);
            for f in folders {
                st.add_folder(f);
            }
        });
        self.start_worker();
        self.diagnostics_changed();
        let sync = TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::Supported(false)),
            ..Default::default()
        };
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "journeyc".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(
                        [" ", ",", "\"", "/"]
                            .iter()
                            .map(|s| s.to_string())
                            .collect(),
                    ),
                    resolve_provider: Some(false),
                    ..Default::default()
                }),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: handlers::legend(),
                            range: Some(true),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            work_done_progress_options: Default::default(),
                        },
                    ),
                ),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        resolve_provider: Some(false),
                        work_done_progress_options: Default::default(),
                    },
                )),
                document_formatting_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                document_link_provider: Some(DocumentLinkOptions {
                    resolve_provider: Some(false),
                    work_done_progress_options: Default::default(),
                }),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Watch .journey files and journey.toml on disk: files that are not
        // open follow the disk, so editing a file elsewhere updates the
        // diagnostics of every file importing it.
        let watchers = serde_json::json!({
            "watchers": [
                { "globPattern": "**/*.journey" },
                { "globPattern": "**/journey.toml" }
            ]
        });
        let client = self.client.clone();
        tokio::spawn(async move {
            let _ = client
                .register_capability(vec![Registration {
                    id: "journeyc-watch".to_string(),
                    method: "workspace/didChangeWatchedFiles".to_string(),
                    register_options: Some(watchers),
                }])
                .await;
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, p: DidOpenTextDocumentParams) {
        let d = p.text_document;
        if self
            .mutate("didOpen", |st| st.open(d.uri, d.version, d.text))
            .is_some()
        {
            self.diagnostics_changed();
        }
    }

    async fn did_change(&self, p: DidChangeTextDocumentParams) {
        let uri = p.text_document.uri;
        let version = p.text_document.version;
        let outcome = self.mutate("didChange", |st| {
            st.change(&uri, version, p.content_changes)
        });
        match outcome {
            Some(ChangeOutcome::Applied) => self.diagnostics_changed(),
            Some(ChangeOutcome::Queued) => {
                // Wait for the missing versions; then apply what is queued
                // in version order.
                let shared = self.shared.clone();
                tokio::spawn(async move {
                    tokio::time::sleep(QUEUE_WAIT).await;
                    let applied = {
                        let mut st = lock(&shared);
                        catch_unwind(AssertUnwindSafe(|| st.drain(&uri, true))).unwrap_or(false)
                    };
                    if applied {
                        shared.changed.notify_one();
                    }
                });
            }
            Some(ChangeOutcome::Stale) => {
                self.log(
                    MessageType::WARNING,
                    format!(
                        "ignored a change to {} with stale version {version}",
                        uri.as_str()
                    ),
                )
                .await;
            }
            Some(ChangeOutcome::Unknown) => {
                self.log(
                    MessageType::WARNING,
                    format!("ignored a change to {}, which is not open", uri.as_str()),
                )
                .await;
            }
            None => {}
        }
    }

    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        if self
            .mutate("didClose", |st| st.close(&p.text_document.uri))
            .is_some()
        {
            self.diagnostics_changed();
        }
    }

    async fn did_change_watched_files(&self, p: DidChangeWatchedFilesParams) {
        self.mutate("didChangeWatchedFiles", |st| {
            for c in p.changes {
                st.disk_changed(&c.uri, c.typ == FileChangeType::DELETED);
            }
        });
        self.diagnostics_changed();
    }

    async fn did_change_workspace_folders(&self, p: DidChangeWorkspaceFoldersParams) {
        self.mutate("didChangeWorkspaceFolders", |st| {
            for f in p.event.removed {
                if let Some(path) = f.uri.to_file_path() {
                    st.remove_folder(&path);
                }
            }
            for f in p.event.added {
                if let Some(path) = f.uri.to_file_path() {
                    st.add_folder(path.into_owned());
                }
            }
        });
        self.diagnostics_changed();
    }

    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        self.run("hover", |s| handlers::hover(s, p))
    }

    async fn goto_definition(
        &self,
        p: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        self.run("definition", |s| handlers::definition(s, p))
    }

    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        self.run("references", |s| handlers::references(s, p))
    }

    async fn document_highlight(
        &self,
        p: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        self.run("documentHighlight", |s| handlers::document_highlight(s, p))
    }

    async fn prepare_rename(
        &self,
        p: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.run_fallible("prepareRename", |s| handlers::prepare_rename(s, p))
    }

    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        self.run_fallible("rename", |s| handlers::rename(s, p))
    }

    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        self.run("completion", |s| handlers::completion(s, p))
    }

    async fn document_symbol(
        &self,
        p: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.run("documentSymbol", |s| handlers::document_symbols(s, p))
    }

    async fn symbol(&self, p: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        self.run("workspaceSymbol", |s| handlers::workspace_symbols(s, p))
    }

    async fn semantic_tokens_full(
        &self,
        p: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.run("semanticTokens/full", |s| {
            handlers::semantic_tokens_full(s, p)
        })
    }

    async fn semantic_tokens_range(
        &self,
        p: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        self.run("semanticTokens/range", |s| {
            handlers::semantic_tokens_range(s, p)
        })
    }

    async fn code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.run("codeAction", |s| handlers::code_actions(s, p))
    }

    async fn formatting(&self, p: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let Some(answer) = self.run_fallible("formatting", |s| handlers::formatting(s, p))? else {
            return Ok(None);
        };
        if let Some(message) = answer.refusal {
            // No edits, and the reason where the user sees it.
            eprintln!("journeyc lsp: {message}");
            self.client.show_message(MessageType::ERROR, message).await;
        }
        Ok(Some(answer.edits))
    }

    async fn folding_range(&self, p: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.run("foldingRange", |s| handlers::folding_ranges(s, p))
    }

    async fn selection_range(
        &self,
        p: SelectionRangeParams,
    ) -> Result<Option<Vec<SelectionRange>>> {
        self.run("selectionRange", |s| handlers::selection_ranges(s, p))
    }

    async fn inlay_hint(&self, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.run("inlayHint", |s| handlers::inlay_hints(s, p))
    }

    async fn document_link(&self, p: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        self.run("documentLink", |s| handlers::document_links(s, p))
    }
}
