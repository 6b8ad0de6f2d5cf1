//! `journey-gen`: writes generated journeys for benchmarks and load tests.
//!
//! ```text
//! journey-gen file SIZE [--errors] [--seed N] > big.journey     (SIZE: 1k, 10m, 50m …)
//! journey-gen workspace DIR FILES [--errors] [--seed N]
//! journey-gen list N [--defined] > list.journey
//! journey-gen peer DIR [--errors] [--seed N] [--phases N] [--touchpoints N]
//! ```
//!
//! `list N` writes one journey whose `phases` list names N phases on one
//! line, `p0, p1, …`: undefined, so that every name is a finding on that
//! line, or with `--defined` each defined by an empty phase block. The
//! inputs of `scripts/bench-scaling`.
//!
//! `peer DIR` writes one journey (500 phases of 60 touchpoints unless told
//! otherwise) twice, as `DIR/journey.journey` and as `DIR/journey.yaml`,
//! with `DIR/journey.schema.json` for the YAML; `--errors` puts the same
//! mistakes into both. The inputs of `scripts/bench-peers`.

use journey_workload::peer::{self, Shape};
use journey_workload::{file, write_workspace, Options};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn size(s: &str) -> Option<usize> {
    let s = s.to_ascii_lowercase();
    let (num, mult) = match s.chars().last()? {
        'k' => (&s[..s.len() - 1], 1024),
        'm' => (&s[..s.len() - 1], 1024 * 1024),
        _ => (&s[..], 1),
    };
    num.parse::<usize>().ok().map(|n| n * mult)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = Options::default();
    let mut defined = false;
    let mut shape = Shape::default();
    let mut positional = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--errors" => opts.with_errors = true,
            "--defined" => defined = true,
            "--seed" => {
                i += 1;
                match args.get(i).and_then(|s| s.parse().ok()) {
                    Some(seed) => opts.seed = seed,
                    None => return usage("--seed needs a number"),
                }
            }
            flag @ ("--phases" | "--touchpoints") => {
                i += 1;
                let Some(n) = args.get(i).and_then(|s| s.parse().ok()) else {
                    return usage(&format!("{flag} needs a number"));
                };
                if flag == "--phases" {
                    shape.phases = n;
                } else {
                    shape.touchpoints_per_phase = n;
                }
            }
            other => positional.push(other.to_string()),
        }
        i += 1;
    }
    match positional.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["file", s] => {
            let Some(bytes) = size(s) else {
                return usage("SIZE is a number with an optional k or m");
            };
            let text = file(bytes, opts);
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        ["workspace", dir, n] => {
            let Ok(n) = n.parse::<usize>() else {
                return usage("FILES is a number");
            };
            match write_workspace(&PathBuf::from(dir), n, opts) {
                Ok(bytes) => {
                    eprintln!("wrote {n} files, {bytes} bytes, to {dir}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: cannot write to `{dir}`: {e}");
                    ExitCode::from(2)
                }
            }
        }
        ["list", n] => {
            let Ok(n) = n.parse::<usize>() else {
                return usage("N is a number");
            };
            let mut text = String::with_capacity(n * 16);
            text.push_str("journey j \"A long list\" {\n  phases ");
            for i in 0..n {
                if i > 0 {
                    text.push_str(", ");
                }
                text.push_str(&format!("p{i}"));
            }
            text.push_str("\n}\n");
            if defined {
                for i in 0..n {
                    text.push_str(&format!("phase p{i} \"Phase {i}\" {{\n}}\n"));
                }
            }
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        ["peer", dir] => {
            shape.seed = opts.seed;
            shape.mistakes = opts.with_errors;
            match write_peer(&PathBuf::from(dir), shape) {
                Ok((journey, yaml)) => {
                    eprintln!("wrote {dir}/journey.journey ({journey} bytes), journey.yaml ({yaml} bytes) and journey.schema.json");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: cannot write to `{dir}`: {e}");
                    ExitCode::from(2)
                }
            }
        }
        _ => usage("expected `file SIZE`, `workspace DIR FILES`, `list N` or `peer DIR`"),
    }
}

/// Writes the peer benchmark's content (see [`peer`]) into `dir`; returns
/// the sizes of the `.journey` and the YAML file.
fn write_peer(dir: &Path, shape: Shape) -> std::io::Result<(usize, usize)> {
    std::fs::create_dir_all(dir)?;
    let content = peer::content(shape);
    let journey = peer::to_journey(&content);
    let yaml = peer::to_yaml(&content);
    std::fs::write(dir.join("journey.journey"), &journey)?;
    std::fs::write(dir.join("journey.yaml"), &yaml)?;
    std::fs::write(dir.join("journey.schema.json"), peer::SCHEMA)?;
    Ok((journey.len(), yaml.len()))
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\nusage: journey-gen file SIZE [--errors] [--seed N]\n       journey-gen workspace DIR FILES [--errors] [--seed N]\n       journey-gen list N [--defined]\n       journey-gen peer DIR [--errors] [--seed N] [--phases N] [--touchpoints N]");
    ExitCode::from(2)
}
