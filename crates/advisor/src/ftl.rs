//! The catalog file format (a small subset of Fluent, described in [`crate::i18n`]), read at build
//! time: `build.rs` includes this file to compile `locales/` into the catalog tables. It is also a
//! module of the crate only for its tests.

/// The messages of one `.ftl` file, in file order, and the 1-based numbers of the lines it does
/// not understand (`build.rs` fails on those, naming them).
pub fn parse_ftl(text: &str) -> (Vec<(String, String)>, Vec<usize>) {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut bad = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    let flush = |cur: &mut Option<(String, Vec<&str>)>, out: &mut Vec<(String, String)>| {
        if let Some((k, lines)) = cur.take() {
            let indent = lines
                .iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.len() - l.trim_start().len())
                .min()
                .unwrap_or(0);
            let body: Vec<&str> =
                lines.iter().map(|l| if l.len() >= indent { &l[indent..] } else { l.trim_start() }).collect();
            let mut v = body.join("\n");
            while v.ends_with('\n') {
                v.pop();
            }
            out.push((k, v));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let blank = line.trim().is_empty();
        if blank || line.starts_with(' ') || line.starts_with('\t') {
            match current.as_mut() {
                Some((_, lines)) => lines.push(if blank { "" } else { line }),
                None if !blank => bad.push(n + 1),
                None => {}
            }
            continue;
        }
        flush(&mut current, &mut out);
        if line.starts_with('#') {
            continue;
        }
        match line.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => {
                let v = v.trim();
                current = Some((k.trim().to_owned(), if v.is_empty() { Vec::new() } else { vec![v] }));
            }
            _ => bad.push(n + 1),
        }
    }
    flush(&mut current, &mut out);
    (out, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_and_multi_line() {
        let (v, bad) = parse_ftl("# c\na = one {x}\nb =\n    line1\n      indented\n\n    line3\nc = z\n");
        assert_eq!(v[0], ("a".into(), "one {x}".into()));
        assert_eq!(v[1], ("b".into(), "line1\n  indented\n\nline3".into()));
        assert_eq!(v[2], ("c".into(), "z".into()));
        assert!(bad.is_empty());
    }

    #[test]
    fn reports_lines_it_does_not_understand() {
        let (v, bad) = parse_ftl("  stray\nno equals sign\n= no key\nk = v\n");
        assert_eq!(v, [("k".to_owned(), "v".to_owned())]);
        assert_eq!(bad, [1, 2, 3]);
    }
}
