//! `journeyc check --fix` and `--fix --dry-run`: the fixes of the findings
//! applied (see `journey_analysis::fix`), then the report of what remains.

use super::check::{self, CheckArgs};
use super::workspace::Checked;
use crate::exit;
use crate::output;
use journey_analysis::fix::{self, Fixed};
use journey_analysis::report;

pub fn run(args: &CheckArgs, checked: Checked) -> u8 {
    let mut loaded = checked.loaded;
    let roots = fix::writable_roots(loaded.workspace.config(), &args.workspace.paths);
    let mut fixed = fix::fix(&mut loaded, &|path| fix::may_write(&roots, path));
    for r in &fixed.refused {
        output::warning(format!(
            "`{}` is not fixed: its fixes would leave {} where it has {}; fix it by hand",
            output::escape_line(&r.display),
            syntax_errors(r.after),
            r.before
        ));
    }
    for shown in &fixed.unfinished {
        output::warning(format!(
            "`{}` still has fixes to apply after {} rounds; run `journeyc check --fix` again",
            output::escape_line(shown),
            fix::MAX_ROUNDS
        ));
    }
    if args.dry_run {
        let color = args.color.enabled();
        for f in &fixed.files {
            output::print(&journey_fmt::unified_diff(
                &f.original,
                &f.fixed,
                &f.display,
                color,
            ));
        }
        let remaining = report::findings(loaded).diagnostics.len();
        eprintln!("{}", tally(&fixed, remaining, true));
        return if fixed.files.is_empty() {
            exit::OK
        } else {
            exit::FINDINGS
        };
    }
    let mut failed = false;
    fixed.files.retain(|f| match fix::write(f) {
        Ok(()) => true,
        Err(e) => {
            output::error(fix::not_written(&f.display, &e));
            // The report is of the files as they are on disk.
            loaded
                .workspace
                .set_file(f.path.clone(), f.display.clone(), f.original.clone());
            failed = true;
            false
        }
    });
    let checked = report::findings(loaded);
    let remaining = checked.diagnostics.len();
    let code = check::report(args, checked);
    eprintln!("{}", tally(&fixed, remaining, false));
    if failed {
        exit::USAGE
    } else {
        code
    }
}

fn syntax_errors(n: usize) -> String {
    match n {
        1 => "1 syntax error".to_string(),
        n => format!("{n} syntax errors"),
    }
}

/// The closing line: `fixed 3 problems in 2 files (1 remaining)`.
fn tally(fixed: &Fixed, remaining: usize, dry_run: bool) -> String {
    let plural = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let verb = if dry_run { "would fix" } else { "fixed" };
    match fixed.files.len() {
        0 if fixed.refused.is_empty() => {
            format!("nothing to fix automatically ({remaining} remaining)")
        }
        0 => format!("no file fixed ({remaining} remaining)"),
        files => format!(
            "{verb} {} in {} ({remaining} remaining)",
            plural(fixed.fixes(), "problem", "problems"),
            plural(files, "file", "files"),
        ),
    }
}
