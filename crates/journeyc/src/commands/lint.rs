//! `journeyc lint`: the messaging lints (J05xx) alone.
//!
//! The same pipeline as `journeyc check`, with every semantic check
//! silenced. Syntax errors (which cannot be silenced, and which stop the
//! lints from seeing a statement), imports that could not be read (J0301,
//! J0310: the lints would not see those files) and problems in
//! journey.toml (whose `[messaging]` and `[vocabulary]` the lints read)
//! are still reported.

use super::check::{self, CheckArgs};
use clap::Args;

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub check: CheckArgs,
}

pub fn run(mut args: LintArgs) -> u8 {
    use journey_analysis::checks::{import_not_found, import_outside_workspace};
    let unread = [
        import_not_found::CODE.code,
        import_outside_workspace::CODE.code,
    ];
    let mut allow: Vec<String> = journey_analysis::rules::checks()
        .map(|(c, _)| c.code)
        .filter(|code| !unread.contains(code))
        .map(str::to_string)
        .collect();
    // The user's own levels come after, so `-W J0401` still applies.
    allow.append(&mut args.check.workspace.allow);
    args.check.workspace.allow = allow;
    check::run(args.check)
}
