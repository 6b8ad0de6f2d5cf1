pub mod check;
pub mod diff;
pub mod explain;
pub mod export;
pub mod fix;
pub mod fmt;
pub mod import;
pub mod init;
pub mod lint;
pub mod lsp;
pub mod workspace;

/// The language of `init`'s example texts and of the labels an export
/// adds (row names, legends, headers, the workbook's sheet names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// German (Deutsch).
    De,
}

/// One `From` per library's language type.
macro_rules! lang_into {
    ($($target:ty),*) => {$(
        impl From<Lang> for $target {
            fn from(l: Lang) -> Self {
                match l {
                    Lang::En => <$target>::En,
                    Lang::De => <$target>::De,
                }
            }
        }
    )*};
}

lang_into!(
    journey_init::Lang,
    journey_export::Lang,
    journey_export::sheet::Lang
);
