//! Suppression comments: `# aml: ignore[CODE, CODE] reason` at the end of a line (it silences
//! that line's findings of those codes) or alone on a line (it silences the next line's), and
//! `# aml: ignore-file[CODE]` (the whole file's). `//` comments (Bicep) work the same.

use crate::project::mentions::{TextKind, starts_line};

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ignore {
    /// The comment's line, from 1.
    pub(crate) line: usize,
    /// The comment marker's column, from 1, in characters.
    pub(crate) column: usize,
    /// The codes, as written (trimmed).
    pub(crate) codes: Vec<String>,
    /// `ignore-file`.
    pub(crate) whole_file: bool,
    /// Nothing but white space before the comment on its line (in a notebook, but the
    /// quote opening the JSON string of the line of code).
    pub(crate) alone: bool,
}

impl Ignore {
    /// Whether this comment applies to a finding on `line` (`None`: a finding of the file).
    pub(crate) fn covers(&self, line: Option<usize>) -> bool {
        self.whole_file
            || line.is_some_and(|l| l == self.line || (self.alone && l == self.line + 1))
    }

    /// Which of its codes silences a finding of `code` on `line` (`None`: a finding of the
    /// file), if it covers that line and names that code (in any case).
    pub(crate) fn silences(&self, line: Option<usize>, code: crate::lint::Code) -> Option<usize> {
        if !self.covers(line) {
            return None;
        }
        self.codes
            .iter()
            .position(|c| c.eq_ignore_ascii_case(code.as_str()))
    }
}

/// The suppression comments of `text`, in order. Linear: each `aml:` is looked at once and
/// lines are counted forward.
pub(crate) fn ignores(text: &str, kind: TextKind) -> Vec<Ignore> {
    if matches!(kind, TextKind::Json | TextKind::Markdown) {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // The line and the characters before `counted` on it, counted forward once; and where
    // a search for the first `]` or line end began and what it found (a comment's codes end
    // there): one search serves every comment up to what it found.
    let (mut line, mut column, mut counted) = (1, 0, 0);
    let mut stops: Option<(usize, Option<usize>)> = None;
    for at in memchr::memmem::find_iter(bytes, b"aml:") {
        // The comment marker before it, with blanks between.
        let mut m = at;
        while m > 0 && matches!(bytes[m - 1], b' ' | b'\t') {
            m -= 1;
        }
        let marker = if m >= 1 && bytes[m - 1] == b'#' {
            m - 1
        } else if m >= 2 && &bytes[m - 2..m] == b"//" {
            m - 2
        } else {
            continue;
        };
        // A comment starts a line or follows a blank (`http://x#aml:` is no comment); in a
        // notebook, also the quote opening a line of code.
        if marker > 0 && !matches!(bytes[marker - 1], b' ' | b'\t' | b'\n' | b'\r' | b'"') {
            continue;
        }
        let rest = text[at + 4..].trim_start_matches([' ', '\t']);
        let (whole_file, rest) = if let Some(r) = rest.strip_prefix("ignore-file[") {
            (true, r)
        } else if let Some(r) = rest.strip_prefix("ignore[") {
            (false, r)
        } else {
            continue;
        };
        let from = text.len() - rest.len();
        let stop = match stops {
            Some((searched, stop)) if searched <= from && stop.is_none_or(|s| s >= from) => stop,
            _ => memchr::memchr2(b']', b'\n', &bytes[from..]).map(|i| from + i),
        };
        stops = Some((from, stop));
        let Some(close) = stop.filter(|&s| bytes[s] == b']').map(|s| s - from) else {
            continue;
        };
        let codes: Vec<String> = rest[..close]
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        if codes.is_empty() {
            continue;
        }
        for &b in &bytes[counted..marker] {
            if b == b'\n' {
                line += 1;
                column = 0;
            } else if b & 0xC0 != 0x80 {
                // A character's first byte.
                column += 1;
            }
        }
        counted = marker;
        let before = &text[..marker];
        let alone = if kind == TextKind::Notebook {
            // Blanks, the quote opening the line of code, then the comment.
            before.strip_suffix('"').is_some_and(starts_line)
        } else {
            starts_line(before)
        };
        out.push(Ignore {
            line,
            column: column + 1,
            codes,
            whole_file,
            alone,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first version, which measured each comment's line from its start (quadratic on a
    /// line of many comments): the reference the linear one must agree with.
    fn reference(text: &str, kind: TextKind) -> Vec<Ignore> {
        if matches!(kind, TextKind::Json | TextKind::Markdown) {
            return Vec::new();
        }
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let (mut line, mut line_start, mut counted) = (1, 0, 0);
        for at in memchr::memmem::find_iter(bytes, b"aml:") {
            // The comment marker before it, with blanks between.
            let mut m = at;
            while m > 0 && matches!(bytes[m - 1], b' ' | b'\t') {
                m -= 1;
            }
            let marker = if m >= 1 && bytes[m - 1] == b'#' {
                m - 1
            } else if m >= 2 && &bytes[m - 2..m] == b"//" {
                m - 2
            } else {
                continue;
            };
            // A comment starts a line or follows a blank (`http://x#aml:` is no comment); in a
            // notebook, also the quote opening a line of code.
            if marker > 0 && !matches!(bytes[marker - 1], b' ' | b'\t' | b'\n' | b'\r' | b'"') {
                continue;
            }
            let rest = text[at + 4..].trim_start_matches([' ', '\t']);
            let (whole_file, rest) = if let Some(r) = rest.strip_prefix("ignore-file[") {
                (true, r)
            } else if let Some(r) = rest.strip_prefix("ignore[") {
                (false, r)
            } else {
                continue;
            };
            let Some(close) = rest
                .find([']', '\n'])
                .filter(|&i| rest.as_bytes()[i] == b']')
            else {
                continue;
            };
            let codes: Vec<String> = rest[..close]
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            if codes.is_empty() {
                continue;
            }
            for (i, &b) in bytes[counted..marker].iter().enumerate() {
                if b == b'\n' {
                    line += 1;
                    line_start = counted + i + 1;
                }
            }
            counted = marker;
            let before = &text[line_start..marker];
            let alone = if kind == TextKind::Notebook {
                before
                    .trim_start()
                    .strip_prefix('"')
                    .is_some_and(str::is_empty)
            } else {
                before.trim().is_empty()
            };
            out.push(Ignore {
                line,
                column: before.chars().count() + 1,
                codes,
                whole_file,
                alone,
            });
        }
        out
    }

    proptest! {
        #[test]
        fn agrees_with_the_reference(
            parts in proptest::collection::vec(prop_oneof![
                Just("# aml: ignore["), Just("#aml:ignore-file["), Just("// aml: ignore["),
                Just("aml:"), Just("]"), Just("\n"), Just(" "), Just("\t"), Just("\""),
                Just("retired-series"), Just(", "), Just("x"), Just("é"), Just("#"),
                Just("http://a#"), Just("\r\n"),
            ], 0..40),
            kind in prop_oneof![
                Just(TextKind::Yaml), Just(TextKind::Notebook), Just(TextKind::Bicep),
            ],
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(ignores(&text, kind), reference(&text, kind));
        }
    }

    #[test]
    fn comments_at_the_end_of_a_line_alone_and_for_the_file() {
        let text = "a: 1  # aml: ignore[retired-series, unknown-size] kept on purpose\n# aml: ignore[retired-series]\nb: 2\n#aml:ignore-file[yaml-syntax]\nurl: http://x#aml: ignore[nope]\nc: '# not aml: ignore[x]'\n";
        let found = ignores(text, TextKind::Yaml);
        assert_eq!(
            found,
            [
                Ignore {
                    line: 1,
                    column: 7,
                    codes: vec!["retired-series".into(), "unknown-size".into()],
                    whole_file: false,
                    alone: false,
                },
                Ignore {
                    line: 2,
                    column: 1,
                    codes: vec!["retired-series".into()],
                    whole_file: false,
                    alone: true,
                },
                Ignore {
                    line: 4,
                    column: 1,
                    codes: vec!["yaml-syntax".into()],
                    whole_file: true,
                    alone: true,
                },
            ]
        );
        assert!(found[0].covers(Some(1)) && !found[0].covers(Some(2)));
        assert!(found[1].covers(Some(3)) && found[2].covers(None));
    }

    #[test]
    fn notebook_lines_and_bicep_comments() {
        let nb = "  \"source\": [\n    \"# aml: ignore[retired-series] legacy\\n\",\n    \"c = 1\\n\"\n  ]";
        let found = ignores(nb, TextKind::Notebook);
        assert_eq!((found[0].line, found[0].alone), (2, true));
        let bicep = "param vmSize string = 'Standard_NC6' // aml: ignore[retired-series]\n";
        assert_eq!(ignores(bicep, TextKind::Bicep)[0].line, 1);
        assert!(ignores("{\"a\": \"# aml: ignore[x]\"}", TextKind::Json).is_empty());
        // An unclosed bracket is no comment of ours.
        assert!(ignores("# aml: ignore[retired-series\nx", TextKind::Yaml).is_empty());
    }
}
