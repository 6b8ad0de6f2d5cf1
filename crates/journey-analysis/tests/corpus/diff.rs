//! A line diff for a failing case: the annotations a file holds against
//! the ones its findings call for, with the source lines around them.

/// `expected` against `actual` as `-`/`+` lines, unchanged lines within
/// two of a change kept for context, runs of others shown as `…`.
pub fn diff(expected: &[String], actual: &[String]) -> String {
    let ops = lcs_ops(expected, actual);
    let changed: Vec<bool> = ops.iter().map(|(tag, _)| *tag != ' ').collect();
    let near = |i: usize| {
        let lo = i.saturating_sub(2);
        let hi = (i + 3).min(ops.len());
        changed[lo..hi].iter().any(|c| *c)
    };
    let mut out = String::new();
    let mut skipped = false;
    for (i, (tag, line)) in ops.iter().enumerate() {
        if near(i) {
            out.push(*tag);
            out.push(' ');
            out.push_str(line.trim_end_matches(['\n', '\r']));
            out.push('\n');
            skipped = false;
        } else if !skipped {
            out.push_str("  …\n");
            skipped = true;
        }
    }
    out
}

/// The edit script of a longest common subsequence: `' '` keeps a line,
/// `-` drops one of `a`, `+` adds one of `b`.
fn lcs_ops<'a>(a: &'a [String], b: &'a [String]) -> Vec<(char, &'a str)> {
    let (n, m) = (a.len(), b.len());
    let mut len = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i][j] = if a[i] == b[j] {
                len[i + 1][j + 1] + 1
            } else {
                len[i + 1][j].max(len[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i].as_str()));
            i += 1;
            j += 1;
        } else if j < m && (i == n || len[i][j + 1] >= len[i + 1][j]) {
            ops.push(('+', b[j].as_str()));
            j += 1;
        } else {
            ops.push(('-', a[i].as_str()));
            i += 1;
        }
    }
    ops
}
