//! Reading and parsing in parallel gives exactly what reading one file
//! after another gives: the same file ids and the same findings in the same
//! order, whatever the number of threads.

use journey_analysis::{load, Config, Workspace};
use journey_diagnostics::render::render_short;
use std::path::Path;

fn render(ws: &Workspace) -> String {
    render_short(&ws.diagnostics(), ws)
}

#[test]
fn parallel_loading_matches_sequential_loading() {
    let dir = std::env::temp_dir().join(format!("journey-parallel-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let options = journey_workload::Options {
        seed: 7,
        with_errors: true,
    };
    journey_workload::write_workspace(&dir, 300, options).expect("writable temp dir");
    let display = |p: &Path| p.strip_prefix(&dir).unwrap_or(p).display().to_string();

    // One file after another, through the single-file API.
    let (files, errors) = load::collect_files(std::slice::from_ref(&dir));
    assert!(errors.is_empty());
    let mut sequential = Workspace::new();
    for f in &files {
        load::load_file_as(&mut sequential, f, display(f)).expect("readable");
    }
    let expected = render(&sequential);
    assert!(expected.contains("error["), "the workload carries errors");

    for threads in [1, 2, 8] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let loaded = pool.install(|| {
            load::load_workspace(
                std::slice::from_ref(&dir),
                Config::empty(dir.clone()),
                &display,
            )
        });
        assert!(loaded.errors.is_empty());
        assert_eq!(render(&loaded.workspace), expected, "{threads} threads");
        let ids: Vec<_> = loaded
            .workspace
            .files()
            .map(|(id, f)| (id, f.display.clone()))
            .collect();
        let seq_ids: Vec<_> = sequential
            .files()
            .map(|(id, f)| (id, f.display.clone()))
            .collect();
        assert_eq!(ids, seq_ids);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
