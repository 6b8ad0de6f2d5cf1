//! The journeyc language server: the Language Server Protocol over stdio,
//! built on tower-lsp-server and tokio, answering from journey-ide.
//!
//! journey-ide speaks byte offsets and plain Rust types; this crate
//! converts at the edge (positions in the encoding negotiated with the
//! client: UTF-8 where offered, UTF-16 otherwise), keeps the editor's
//! buffers in order, publishes diagnostics and keeps running whatever a
//! request does. [`harness`] is a small client for tests and benchmarks.

pub mod convert;
mod diagnostics;
mod handlers;
pub mod harness;
pub mod map;
mod server;
mod state;
pub mod transport;

pub use handlers::{TOKEN_MODIFIERS, TOKEN_TYPES};
pub use server::{Backend, PANIC_HOOK_ENV};

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tower_lsp_server::{LspService, Server};

/// Serves the protocol on stdin/stdout until `exit` (or the end of the
/// input). Returns the exit code the protocol asks for: 0 when `shutdown`
/// came before `exit`, 1 otherwise.
pub fn run_stdio() -> std::io::Result<i32> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let shutdown = Arc::new(AtomicBool::new(false));
    let flag = shutdown.clone();
    runtime.block_on(async move {
        let (service, socket) = LspService::build(move |client| Backend::new(client, flag))
            .custom_method("journeyc/explain", Backend::explain)
            .custom_method("journey/map", Backend::map)
            .custom_method("journeyc/panic", Backend::test_panic)
            .finish();
        // stdin → filter → tower-lsp → frames → stdout (see `transport`).
        let (to_server, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, from_server) = tokio::io::duplex(1 << 16);
        let (frames, outgoing) = tokio::sync::mpsc::unbounded_channel();
        let writer = tokio::spawn(transport::write_output(tokio::io::stdout(), outgoing));
        tokio::spawn(transport::filter_input(
            tokio::io::stdin(),
            to_server,
            frames.downgrade(),
        ));
        let forward = tokio::spawn(transport::forward_output(from_server, frames));
        Server::new(server_in, server_out, socket)
            .serve(service)
            .await;
        // Everything tower-lsp wrote is flushed before the process ends.
        let _ = tokio::time::timeout(Duration::from_secs(2), forward).await;
        let _ = tokio::time::timeout(Duration::from_secs(2), writer).await;
    });
    // The thread reading stdin may be blocked in a read: do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    Ok(if shutdown.load(Ordering::SeqCst) {
        0
    } else {
        1
    })
}
