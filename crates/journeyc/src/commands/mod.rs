pub mod check;
pub mod explain;
pub mod export;
pub mod fmt;
pub mod init;
pub mod lint;
pub mod lsp;
