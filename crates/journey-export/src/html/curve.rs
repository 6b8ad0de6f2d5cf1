//! The emotion curve of one persona as SVG: phase bands, the score grid,
//! the areas between experience and expectation, the two lines and a mark
//! per touchpoint. Each part is its own method, drawn in this order so that
//! later parts lie on top of earlier ones.

use super::{escape, gap_class, wrap, Page, Pair};
use crate::doc::{Persona, Phase, Touchpoint};
use std::fmt::Write;

/// Geometry of an emotion curve: wide (phases left to right, for screens
/// and paper) or tall (phases top to bottom, for phones).
pub(super) struct Frame {
    tall: bool,
    pub(super) w: f64,
    h: f64,
    /// The plot area.
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
    n: f64,
}

impl Frame {
    pub(super) fn new(tall: bool, phases: usize) -> Frame {
        let n = phases.max(1) as f64;
        if tall {
            let top = 34.0;
            let row = 58.0;
            Frame {
                tall,
                w: 360.0,
                h: top + row * n + 12.0,
                left: 128.0,
                top,
                right: 344.0,
                bottom: top + row * n,
                n,
            }
        } else {
            Frame {
                tall,
                w: 1200.0,
                h: 310.0,
                left: 96.0,
                top: 22.0,
                right: 1180.0,
                bottom: 238.0,
                n,
            }
        }
    }

    /// The size of one phase along the phase axis.
    fn band(&self) -> f64 {
        if self.tall {
            (self.bottom - self.top) / self.n
        } else {
            (self.right - self.left) / self.n
        }
    }

    /// Where phase position `i` (0.5 = the middle of the first phase) and
    /// score `v` meet.
    pub(super) fn at(&self, i: f64, v: f64) -> (f64, f64) {
        let v = v.clamp(0.5, 5.5);
        if self.tall {
            let x = self.left + (v - 1.0) / 4.0 * (self.right - self.left);
            (x, self.top + self.band() * i)
        } else {
            let y = self.top + (5.0 - v) / 4.0 * (self.bottom - self.top);
            (self.left + self.band() * i, y)
        }
    }
}

/// The pain and over-delivery lines a curve lists under its SVG.
type Gaps = (Vec<String>, Vec<String>);

impl Page<'_> {
    /// One emotion curve: its SVG in the wide or the tall frame; returns
    /// the touchpoints that fall short of or exceed their expectation.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn curve_svg(
        &mut self,
        fr: &Frame,
        persona: &Persona,
        phases: &[&Phase],
        points: &[Pair],
        targets: &[Option<f64>],
        id: &str,
        loop_to: Option<&str>,
    ) -> Gaps {
        let name = persona.name.as_deref().unwrap_or(&persona.id);
        let class = if fr.tall { "tall" } else { "wide" };
        let _ = write!(
            self.out,
            "<svg class=\"{class}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}\">\
             <title id=\"{id}\">{}</title>",
            fr.w,
            fr.h,
            self.f("curve-title", &[("persona", name.into())])
        );
        for (i, p) in phases.iter().enumerate() {
            self.phase_band(fr, i, p);
        }
        self.score_grid(fr);
        if let (Some(to), false) = (loop_to, fr.tall) {
            let s = self.f("continues-with", &[("phase", to.into())]);
            let _ = write!(
                self.out,
                "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11.5\" font-weight=\"700\" fill=\"#b7791f\">{s}</text>",
                fr.right,
                fr.top - 7.0
            );
        }
        self.gap_areas(fr, points);
        self.curve_lines(fr, points);
        self.target_line(fr, targets);
        let gaps = self.touchpoint_marks(fr, persona, phases, !targets.is_empty());
        self.w("</svg>");
        gaps
    }

    /// The band of phase `i` (shaded every other one, so neighbours stay
    /// apart) with its number and title beside the plot.
    fn phase_band(&mut self, fr: &Frame, i: usize, p: &Phase) {
        let band = fr.band();
        let (x0, y0) = if fr.tall {
            (fr.left, fr.top + band * i as f64)
        } else {
            (fr.left + band * i as f64, fr.top)
        };
        if i % 2 == 0 {
            let (w, h) = if fr.tall {
                (fr.right - fr.left, band)
            } else {
                (band, fr.bottom - fr.top)
            };
            let _ = write!(
                self.out,
                "<rect x=\"{x0:.1}\" y=\"{y0:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"#f1f4f9\"/>"
            );
        }
        let num = self.f("phase-n", &[("n", (i + 1).into())]);
        if fr.tall {
            let cy = y0 + band / 2.0;
            let lines = wrap(p.display_title(), 17, 2);
            let top = cy - 7.0 * lines.len() as f64 + 2.0;
            let _ = write!(
                self.out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"10\" fill=\"#8a94a6\">{num}</text>",
                fr.left - 8.0,
                top
            );
            for (k, line) in lines.iter().enumerate() {
                let _ = write!(
                    self.out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\" font-weight=\"700\" fill=\"#1f3a5f\">{}</text>",
                    fr.left - 8.0,
                    top + 14.0 + 14.0 * k as f64,
                    escape(line)
                );
            }
        } else {
            let cx = x0 + band / 2.0;
            let lines = wrap(p.display_title(), ((band - 8.0) / 7.0).max(6.0) as usize, 2);
            let _ = write!(
                self.out,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#8a94a6\">{num}</text>",
                fr.bottom + 18.0
            );
            for (k, line) in lines.iter().enumerate() {
                let _ = write!(
                    self.out,
                    "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"12.5\" font-weight=\"700\" fill=\"#1f3a5f\">{}</text>",
                    fr.bottom + 34.0 + 15.0 * k as f64,
                    escape(line)
                );
            }
        }
    }

    /// The score grid, 1 to 5: the tall frame names the ends in a caption
    /// above (its axis is too narrow for words), the wide one at the ends.
    fn score_grid(&mut self, fr: &Frame) {
        if fr.tall {
            let caption = format!("{} … {}", self.t("score-poor"), self.t("score-excellent"));
            let _ = write!(
                self.out,
                "<text x=\"{}\" y=\"12\" font-size=\"10\" fill=\"#8a94a6\">{caption}</text>",
                fr.left
            );
        }
        for v in 1..=5 {
            let label = match v {
                1 if !fr.tall => self.t("score-poor"),
                5 if !fr.tall => self.t("score-excellent"),
                _ => v.to_string(),
            };
            if fr.tall {
                let (x, _) = fr.at(0.0, f64::from(v));
                let anchor = "middle";
                let _ = write!(
                    self.out,
                    "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{}\" y2=\"{}\" stroke=\"#dfe4ec\" stroke-width=\"1\"/>\
                     <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"10.5\" fill=\"#5b6678\">{label}</text>",
                    fr.top,
                    fr.bottom,
                    fr.top - 8.0
                );
            } else {
                let (_, y) = fr.at(0.0, f64::from(v));
                let _ = write!(
                    self.out,
                    "<line x1=\"{}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#dfe4ec\" stroke-width=\"1\"/>\
                     <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\" fill=\"#5b6678\">{label}</text>",
                    fr.left,
                    fr.right,
                    fr.left - 10.0,
                    y + 4.0
                );
            }
        }
    }

    /// Areas between the two lines: red where experience falls short,
    /// green where it over-delivers; a segment whose lines cross is split
    /// at the crossing, so each part gets the colour of its own gap.
    fn gap_areas(&mut self, fr: &Frame, points: &[Pair]) {
        for i in 0..points.len().saturating_sub(1) {
            let (Some(x0), Some(e0)) = points[i] else {
                continue;
            };
            let (Some(x1), Some(e1)) = points[i + 1] else {
                continue;
            };
            let (pa, pb) = (i as f64 + 0.5, i as f64 + 1.5);
            let d0 = x0 - e0;
            let d1 = x1 - e1;
            if d0 * d1 < 0.0 {
                let t = d0 / (d0 - d1);
                let pm = pa + (pb - pa) * t;
                let vm = x0 + (x1 - x0) * t;
                self.gap_area(fr, (pa, pm), (x0, e0), (vm, vm), d0);
                self.gap_area(fr, (pm, pb), (vm, vm), (x1, e1), d1);
            } else {
                let d = if d0 != 0.0 { d0 } else { d1 };
                self.gap_area(fr, (pa, pb), (x0, e0), (x1, e1), d);
            }
        }
    }

    /// One area between phase positions `along` whose experience and
    /// expectation are `vs` at its start and `ve` at its end; `d` (the gap)
    /// picks the colour, and no gap draws nothing.
    fn gap_area(&mut self, fr: &Frame, along: (f64, f64), vs: (f64, f64), ve: (f64, f64), d: f64) {
        if d.abs() < 1e-9 {
            return;
        }
        let (ps, pe) = along;
        let fill = if d < 0.0 { "#c53030" } else { "#2f855a" };
        let c = [
            fr.at(ps, vs.0),
            fr.at(pe, ve.0),
            fr.at(pe, ve.1),
            fr.at(ps, vs.1),
        ];
        let _ = write!(
            self.out,
            "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{fill}\" fill-opacity=\"0.16\"/>",
            c[0].0, c[0].1, c[1].0, c[1].1, c[2].0, c[2].1, c[3].0, c[3].1
        );
    }

    /// The expectation (dashed) and experience lines, broken where a phase
    /// has no scored touchpoint rather than drawn through it.
    fn curve_lines(&mut self, fr: &Frame, points: &[Pair]) {
        for run in runs(fr, points, |p| p.1) {
            let _ = write!(
                self.out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"#5b6678\" stroke-width=\"2.5\" stroke-dasharray=\"7 5\"/>",
                run.trim()
            );
        }
        for run in runs(fr, points, |p| p.0) {
            let _ = write!(
                self.out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"#1f3a5f\" stroke-width=\"3.5\" stroke-linejoin=\"round\"/>",
                run.trim()
            );
        }
    }

    /// The target curve: the experience aimed for per phase, violet and
    /// dash-dotted, broken where a phase has no target.
    fn target_line(&mut self, fr: &Frame, targets: &[Option<f64>]) {
        let points: Vec<Pair> = targets.iter().map(|t| (*t, None)).collect();
        for run in runs(fr, &points, |p| p.0) {
            let _ = write!(
                self.out,
                "<polyline class=\"target-line\" points=\"{}\" fill=\"none\" stroke=\"#6b46c1\" stroke-width=\"2.5\" stroke-dasharray=\"10 4 2 4\" stroke-linejoin=\"round\"/>",
                run.trim()
            );
        }
    }

    /// Each touchpoint the persona meets as a dot at the persona's own
    /// experience (their `for` line, else the touchpoint's), moments of
    /// truth as a star, planned ones (target view only) as a hollow
    /// diamond at their expectation; with `targets`, a small violet ring
    /// where a touchpoint aims elsewhere. Touchpoints of one phase are
    /// spread across its band.
    fn touchpoint_marks(
        &mut self,
        fr: &Frame,
        persona: &Persona,
        phases: &[&Phase],
        targets: bool,
    ) -> Gaps {
        let band = fr.band();
        let mut gaps: Gaps = (Vec::new(), Vec::new());
        for (i, p) in phases.iter().enumerate() {
            let tps: Vec<&Touchpoint> = p
                .touchpoints
                .iter()
                .filter(|t| t.serves.contains(&persona.id))
                .collect();
            let k = tps.len().max(1) as f64;
            let step = if fr.tall { 12.0 } else { 16.0 };
            for (j, t) in tps.iter().enumerate() {
                let d = ((j as f64 - (k - 1.0) / 2.0) * step)
                    .clamp(-band / 2.0 + 10.0, band / 2.0 - 10.0);
                let pos = i as f64 + 0.5 + d / band;
                let aim = t.target_for(&persona.id);
                if t.is_planned() {
                    self.planned_mark(fr, t, &persona.id, pos);
                } else if let Some(xp) = t.experience_for(&persona.id) {
                    if targets {
                        if let Some(aim) = aim.filter(|a| (a - xp).abs() > 1e-9) {
                            self.target_mark(fr, t, aim, pos);
                        }
                    }
                    self.scored_mark(fr, t, &persona.id, xp, pos);
                    self.gap_line(p, t, &persona.id, xp, &mut gaps);
                    continue;
                }
                if let (true, Some(aim)) = (targets, aim) {
                    self.target_mark(fr, t, aim, pos);
                }
            }
        }
        gaps
    }

    /// Where a touchpoint aims: a small violet ring at its target.
    fn target_mark(&mut self, fr: &Frame, t: &Touchpoint, aim: f64, pos: f64) {
        let (x, y) = fr.at(pos, aim);
        let tip = self.f(
            "target-tip",
            &[
                ("title", t.display_title().into()),
                ("x", self.dec(aim).into()),
            ],
        );
        let _ = write!(
            self.out,
            "<circle class=\"target-mark\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"#ffffff\" stroke=\"#6b46c1\" stroke-width=\"2\"><title>{tip}</title></circle>"
        );
    }

    /// A planned touchpoint: a hollow diamond at its expectation (the
    /// persona's own, else the touchpoint's), if any.
    fn planned_mark(&mut self, fr: &Frame, t: &Touchpoint, persona: &str, pos: f64) {
        let Some(e) = t.expectation_for(persona) else {
            return;
        };
        let (x, y) = fr.at(pos, e);
        let tip = self.f(
            "planned-tip",
            &[
                ("title", t.display_title().into()),
                ("e", self.dec(e).into()),
            ],
        );
        let _ = write!(
            self.out,
            "<g class=\"planned\"><path d=\"M{x:.1},{:.1} L{:.1},{y:.1} L{x:.1},{:.1} L{:.1},{y:.1} Z\" fill=\"#ffffff\" stroke=\"#6b46c1\" stroke-width=\"2\"><title>{tip}</title></path></g>",
            y - 8.0,
            x + 8.0,
            y + 8.0,
            x - 8.0,
        );
    }

    /// A touchpoint with experience `xp`: a star for a moment of truth, a
    /// dot otherwise, larger and coloured where it misses its expectation.
    fn scored_mark(&mut self, fr: &Frame, t: &Touchpoint, persona: &str, xp: f64, pos: f64) {
        let expectation = t.expectation_for(persona);
        let cls = expectation.map(|e| gap_class(xp, e)).unwrap_or("");
        let (fill, r) = match cls {
            "pain" => ("#c53030", 6.5),
            "over" => ("#2f855a", 6.5),
            _ => ("#4a78b5", 4.5),
        };
        let (x, y) = fr.at(pos, xp);
        let tip = match expectation {
            Some(e) => self.l.f(
                "dot-tip-expected",
                &[
                    ("title", t.display_title().into()),
                    ("x", self.dec(xp).into()),
                    ("e", self.dec(e).into()),
                ],
            ),
            None => self.l.f(
                "dot-tip",
                &[
                    ("title", t.display_title().into()),
                    ("x", self.dec(xp).into()),
                ],
            ),
        };
        // Built unescaped, escaped once where it is written.
        let feeling = t.feeling_for(persona);
        let tip = match feeling {
            Some(f) => self.l.f(
                "feeling-tip",
                &[("tip", tip.as_str().into()), ("feeling", f.into())],
            ),
            None => tip,
        };
        let tip = if t.wow {
            self.l.f("wow-tip", &[("tip", tip.as_str().into())])
        } else {
            tip
        };
        if let (Some(f), false) = (feeling, fr.tall) {
            let word = wrap(f.split(':').next().unwrap_or(f), 18, 1);
            let _ = write!(
                self.out,
                "<text class=\"feeling\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10.5\" font-style=\"italic\" fill=\"#5b6678\">{}</text>",
                y - 11.0,
                escape(&word.concat())
            );
        }
        if t.moment {
            let mtip = self.f("moment-tip", &[("tip", tip.as_str().into())]);
            let _ = write!(
                self.out,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"20\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1\">★<title>{mtip}</title></text>",
                y + 7.0
            );
        } else {
            let _ = write!(
                self.out,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>{}</title></circle>",
                escape(&tip)
            );
        }
    }

    /// The list line of a touchpoint in phase `p` that falls short of
    /// (`gaps.0`) or exceeds (`gaps.1`) its expectation.
    fn gap_line(&self, p: &Phase, t: &Touchpoint, persona: &str, xp: f64, gaps: &mut Gaps) {
        let Some(e) = t.expectation_for(persona) else {
            return;
        };
        let title = escape(t.display_title());
        let phase = escape(p.display_title());
        let line = format!(
            "<li><b>{title}</b> <span class=\"muted\">({phase})</span>: {}</li>",
            self.f(
                "pain-line",
                &[("x", self.dec(xp).into()), ("e", self.dec(e).into())]
            )
        );
        match gap_class(xp, e) {
            "pain" => gaps.0.push(line),
            "over" => gaps.1.push(line),
            _ => {}
        }
    }
}

/// The runs of points of one line (`sel` picks experience or expectation),
/// as SVG coordinate lists; a phase without a value ends a run.
fn runs(fr: &Frame, points: &[Pair], sel: fn(&Pair) -> Option<f64>) -> Vec<String> {
    let mut runs = Vec::new();
    let mut cur = String::new();
    for (i, p) in points.iter().enumerate() {
        match sel(p) {
            Some(v) => {
                let (x, y) = fr.at(i as f64 + 0.5, v);
                let _ = write!(cur, "{x:.1},{y:.1} ");
            }
            None => {
                if !cur.is_empty() {
                    runs.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}
