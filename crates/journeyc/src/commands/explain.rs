use crate::exit;
use crate::output;
use clap::Args;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A code (`J0102`) or name (`unterminated-string`). Without it, lists every code.
    pub code: Option<String>,
}

pub fn run(args: ExplainArgs) -> u8 {
    let Some(query) = args.code else {
        let mut text = String::new();
        for c in journey_analysis::all_codes() {
            let default = match journey_analysis::checks::default_level(c.code) {
                Some(journey_diagnostics::Level::Allow) => "off",
                _ => c.default_severity.as_str(),
            };
            text.push_str(&format!(
                "{}  {:<8} {:<28} {}\n",
                c.code, default, c.name, c.summary
            ));
        }
        output::print(&text);
        return exit::OK;
    };
    match journey_analysis::find_code(&query) {
        Some(c) => {
            let default = match journey_analysis::checks::default_level(c.code) {
                Some(journey_diagnostics::Level::Allow) => format!(
                    "off; enable it in journey.toml, e.g. `{} = \"warn\"` under [checks]",
                    c.name
                ),
                _ => c.default_severity.as_str().to_string(),
            };
            output::print(&format!(
                "{} ({}): {}\ndefault severity: {}\n\n{}",
                c.code, c.name, c.summary, default, c.explanation
            ));
            exit::OK
        }
        None => {
            let names: Vec<&str> = journey_analysis::all_codes()
                .iter()
                .flat_map(|c| [c.code, c.name])
                .collect();
            let hint = journey_syntax::closest(&query, &names)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| "; `journeyc explain` lists all codes".to_string());
            output::error(format!("unknown code `{query}`{hint}"));
            exit::USAGE
        }
    }
}
