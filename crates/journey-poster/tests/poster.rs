//! The poster of every example and of a large journey: it draws, the
//! images have the size the layout promises and are not blank, every PDF
//! page carries the header, and the labels exist in both languages.

use journey_analysis::{load, Workspace};
use journey_diagnostics::Severity;
use journey_export::{Document, Lang, Options};
use journey_poster::{COL_W, PHASES_PER_PAGE};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn checked(ws: Workspace) -> Document {
    let diagnostics = ws.diagnostics();
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    Document::build(&ws, &diagnostics)
}

fn example(name: &str) -> Document {
    let (files, errors) = load::collect_files(&[repo().join("examples").join(name)]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut ws = Workspace::new();
    for f in files {
        let shown = f.to_string_lossy().into_owned();
        load::load_file_as(&mut ws, &f, shown).unwrap();
    }
    ws.load_imports(&|p: &Path| p.to_string_lossy().into_owned());
    checked(ws)
}

const EXAMPLES: &[&str] = &["b2b-saas", "retail", "subscription-loop"];

/// `phases` × `per_phase` touchpoints with copy, KPIs and two personas.
fn large(phases: usize, per_phase: usize) -> Document {
    let mut src = String::from("journey big \"A big journey\" {\n  phases ");
    src.push_str(
        &(1..=phases)
            .map(|i| format!("p{i}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    src.push_str(
        "\n}\npersona anna \"Anna\" {\n  needs \"x\"\n}\npersona ben \"Ben\" {\n  needs \"y\"\n}\n",
    );
    for p in 1..=phases {
        src.push_str(&format!(
            "phase p{p} \"Phase title {p}\" {{\n  question \"What now in {p}?\"\n"
        ));
        for t in 1..=per_phase {
            let channel = ["web", "email", "store", "phone"][(p + t) % 4];
            src.push_str(&format!(
                "  touchpoint p{p}t{t} \"Touchpoint {p}.{t}\" {{\n    channel {channel}\n    serves {}\n    \
                 says \"The copy of touchpoint {p}.{t}, long enough to wrap over a few lines of the card\"\n    \
                 kpi \"Use of {p}.{t}\" target 40 unit \"%\"\n    expectation 4\n    experience {}\n  }}\n",
                if t % 2 == 0 { "anna" } else { "ben" },
                1 + (p + t) % 5
            ));
        }
        src.push_str("}\n");
    }
    let mut ws = Workspace::new();
    ws.set_file(PathBuf::from("/mem/big.journey"), "big.journey".into(), src);
    checked(ws)
}

fn en() -> Options {
    Options {
        lang: Some(Lang::En),
        findings: false,
    }
}

/// The `width` and `height` attributes of the poster's SVG.
fn svg_size(svg: &str) -> (f64, f64) {
    let attr = |name: &str| -> f64 {
        let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[at..].split('"').next().unwrap().parse().unwrap()
    };
    (attr("width"), attr("height"))
}

fn decode(png: &[u8]) -> resvg::tiny_skia::Pixmap {
    resvg::tiny_skia::Pixmap::decode_png(png).expect("a PNG")
}

/// How many pixels are not white.
fn inked(p: &resvg::tiny_skia::Pixmap) -> usize {
    p.pixels()
        .iter()
        .filter(|c| (c.red(), c.green(), c.blue()) != (255, 255, 255))
        .count()
}

#[test]
fn every_example_draws_at_the_size_its_layout_promises() {
    for name in EXAMPLES {
        let doc = example(name);
        let svg = journey_poster::svg(&doc, &Options::default());
        let (w, h) = svg_size(&svg);
        let phases = doc.journeys[0].phases.len() as f64;
        assert!(
            (w - (48.0 + 128.0 + COL_W * phases)).abs() < 1.0,
            "{name}: {w}"
        );
        assert!(h > 600.0, "{name}: {h}");
        let png = journey_poster::png(&doc, &Options::default()).unwrap();
        let img = decode(&png);
        let scale = journey_poster::png_scale(w, h);
        assert!((f64::from(img.width()) - w * scale).abs() <= 1.0, "{name}");
        assert!((f64::from(img.height()) - h * scale).abs() <= 1.0, "{name}");
        // Not blank: a good part of it is drawn, and the phase header's
        // navy is there.
        let ink = inked(&img);
        let all = (img.width() * img.height()) as usize;
        assert!(ink * 10 > all, "{name}: only {ink} of {all} pixels drawn");
        assert!(
            img.pixels()
                .iter()
                .any(|c| (c.red(), c.green(), c.blue()) == (0x1f, 0x3a, 0x5f)),
            "{name}: no phase header"
        );
        // Every touchpoint is on it.
        for p in &doc.phases {
            for t in &p.touchpoints {
                let first = t.display_title().split_whitespace().next().unwrap();
                assert!(
                    svg.contains(&journey_export::html::escape(first)),
                    "{name}: {}",
                    t.id
                );
            }
        }
    }
}

#[test]
fn the_same_journey_gives_the_same_bytes() {
    let doc = example("subscription-loop");
    assert_eq!(
        journey_poster::png(&doc, &en()).unwrap(),
        journey_poster::png(&doc, &en()).unwrap()
    );
    assert_eq!(
        journey_poster::svg(&doc, &en()),
        journey_poster::svg(&doc, &en())
    );
}

#[test]
fn the_pdf_pages_a_large_journey_with_the_header_on_every_page() {
    let doc = large(10, 15);
    let pages = journey_poster::pages(&doc, &en());
    // Ten phases: two groups of five, each over several pages.
    assert!(pages.len() >= 4, "{} pages", pages.len());
    let groups = 10usize.div_ceil(PHASES_PER_PAGE);
    let per = 10usize.div_ceil(groups);
    let mut seen_groups = std::collections::BTreeSet::new();
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(">A big journey<"), "page {i}: no title");
        assert!(
            page.contains(&format!(">Page {} of {}<", i + 1, pages.len())),
            "page {i}"
        );
        // The phase header: the phases of one group, all of them.
        let shown: Vec<usize> = (1..=10)
            .filter(|p| page.contains(&format!(">Phase title {p}<")))
            .collect();
        assert_eq!(shown.len(), per, "page {i}: phases {shown:?}");
        seen_groups.insert(shown[0]);
    }
    assert_eq!(seen_groups.len(), groups);
    // Every touchpoint is on some page, once.
    for p in 1..=10 {
        for t in 1..=15 {
            let card = format!(">Touchpoint {p}.{t}<");
            let n: usize = pages.iter().map(|pg| pg.matches(&card).count()).sum();
            assert_eq!(n, 1, "{card}");
        }
    }
    let pdf = journey_poster::pdf(&doc, &en()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // One page object per page (`/Type /Page`, not the `/Type /Pages` tree).
    let marker = b"/Type /Page";
    let count = pdf
        .windows(marker.len() + 1)
        .filter(|w| &w[..marker.len()] == marker && w[marker.len()] != b's')
        .count();
    assert_eq!(count, pages.len(), "pages in the PDF");
}

#[test]
fn a_large_poster_scales_and_stays_drawn() {
    let doc = large(10, 15);
    let svg = journey_poster::svg(&doc, &en());
    let (w, h) = svg_size(&svg);
    assert!((w - (48.0 + 128.0 + COL_W * 10.0)).abs() < 1.0);
    let img = decode(&journey_poster::png(&doc, &en()).unwrap());
    let scale = journey_poster::png_scale(w, h);
    assert!(scale <= 2.0);
    assert!(f64::from(img.width()) * f64::from(img.height()) <= journey_poster::MAX_PIXELS + w + h);
    assert!((f64::from(img.width()) - w * scale).abs() <= 1.0);
    assert!(inked(&img) * 10 > (img.width() * img.height()) as usize);
}

#[test]
fn no_poster_label_is_missing_in_either_language() {
    let docs = [example("retail"), large(3, 4)];
    let _ = journey_l10n::take_missing();
    for doc in &docs {
        for lang in Lang::ALL {
            let options = Options {
                lang: Some(lang),
                findings: false,
            };
            let svg = journey_poster::svg(doc, &options);
            let pages = journey_poster::pages(doc, &options);
            let (heading, page) = match lang {
                Lang::De => ("ZENTRALE FRAGE", "Seite 1 von"),
                Lang::En => ("CENTRAL QUESTION", "Page 1 of"),
            };
            assert!(svg.contains(heading), "{lang}");
            assert!(pages[0].contains(page), "{lang}");
        }
    }
    assert_eq!(journey_l10n::take_missing(), Vec::<String>::new());
}

/// Two personas with their own `for` scores get distinct curves; a
/// touchpoint's `target` adds the target curve.
#[test]
fn per_persona_scores_and_targets_shape_the_curves() {
    let source = r#"
journey j "J" {
  phases buy
}
persona anna "Anna" {
  evidence "5 interviews"
}
persona ben "Ben" {
  evidence "5 interviews"
}
phase buy "Buy" {
  message "Fast"
  touchpoint checkout "Checkout" {
    channel web online
    owner shop
    serves anna, ben
    expectation 4
    experience 3 target 4.5
    for anna experience 1.5
    for ben experience 4.5
  }
}
"#;
    let mut ws = Workspace::new();
    ws.set_file(
        PathBuf::from("/nowhere/j.journey"),
        "j.journey".into(),
        source.into(),
    );
    let doc = checked(ws);
    let svg = journey_poster::svg(&doc, &Options::default());
    let navy_lines: Vec<&str> = svg
        .split("<polyline")
        .skip(1)
        .filter(|p| p.contains("stroke-width=\"2.6\""))
        .map(|p| {
            p.split("points=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(navy_lines.len(), 2, "one status-quo line per persona");
    assert_ne!(navy_lines[0], navy_lines[1], "the personas' curves differ");
    assert!(svg.contains("class=\"target-line\""));
}
