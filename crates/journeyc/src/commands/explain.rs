use crate::exit;
use crate::output;
use clap::Args;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A code (`J0102`) or name (`unterminated-string`). Without it, lists every code.
    pub code: Option<String>,
}

pub fn run(args: ExplainArgs) -> u8 {
    // The text comes from journey-analysis, which the language server's
    // `journeyc/explain` and hover use too.
    let Some(query) = args.code else {
        output::print(&journey_analysis::explain::code_list());
        return exit::OK;
    };
    match journey_analysis::explain::explain(&query) {
        Some(e) => {
            output::print(&e.text());
            exit::OK
        }
        None => {
            let hint = journey_analysis::explain::closest_code(&query)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| "; `journeyc explain` lists all codes".to_string());
            output::error(format!(
                "unknown code `{}`{hint}",
                output::escape_line(&query)
            ));
            exit::USAGE
        }
    }
}
