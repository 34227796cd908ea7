//! Human text: each finding with its place, key, related places, help and alternatives, then
//! the summary line.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::{RenderOptions, display_path, place_of, shown};
use crate::lint::{Report, Severity, Span};
use crate::text::Safe;

/// Writes each error and warning (notes too with [`RenderOptions::verbose`]), then the
/// summary line. Control characters from the files are shown escaped, never written raw.
pub(super) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    let mut sources = Sources::default();
    for d in shown(report, options) {
        let label = paint(
            options.color,
            d.severity,
            &format!("{}[{}]", d.severity, d.code),
        );
        writeln!(out, "{label}: {}", Safe(&d.message))?;
        let place = place_of(d, options);
        if d.key.is_none() {
            writeln!(out, "  --> {}", Safe(&place))?;
        } else {
            writeln!(out, "  --> {}: {}", Safe(&place), Safe(&d.key.to_string()))?;
        }
        if options.snippets {
            if let (Some(file), Some(span)) = (&d.file, d.span) {
                if let Some(line) = sources.line(file, span.start.line) {
                    snippet(&mut out, &line, span, options.color, d.severity)?;
                }
            }
        }
        for r in &d.related {
            let place = super::place(&display_path(&r.file, options), r.line(), None);
            writeln!(out, "  also: {} ({})", Safe(&place), Safe(&r.message))?;
        }
        if let Some(help) = &d.help {
            writeln!(out, "  help: {}", Safe(help))?;
        }
        if !d.alternatives.is_empty() {
            writeln!(out, "  try: {}", Safe(&d.alternatives.join(", ")))?;
        }
        out.write_all(b"\n")?;
    }
    writeln!(out, "{}", report.summary())?;
    out.flush()
}

/// The lines of the file last read, for snippets: findings come file by file, so each file
/// is read once. A file that cannot be read again (or no file feature) shows no snippet.
#[derive(Default)]
struct Sources {
    file: PathBuf,
    text: Option<String>,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
    /// The line (from 1; 0: none) that `marks` and `chars` describe.
    marked: usize,
    /// The byte offset of every [`MARK_EVERY`]th character of that line.
    marks: Vec<usize>,
    /// How many characters that line has.
    chars: usize,
}

/// How far apart the marked characters of a line are: finding a character from its mark
/// walks at most this many, so that a long line of many findings stays linear.
const MARK_EVERY: usize = 256;

/// A line of a file, with its characters found by position.
struct Line<'a> {
    text: &'a str,
    marks: &'a [usize],
    chars: usize,
}

impl Line<'_> {
    /// The byte offset of the character at `at` (the line's end from its length on).
    fn offset(&self, at: usize) -> usize {
        let Some(&mark) = self.marks.get(at / MARK_EVERY) else {
            return self.text.len();
        };
        self.text[mark..]
            .char_indices()
            .nth(at % MARK_EVERY)
            .map_or(self.text.len(), |(i, _)| mark + i)
    }

    /// The characters from `from` to `to`.
    fn slice(&self, from: usize, to: usize) -> &str {
        &self.text[self.offset(from)..self.offset(to.max(from))]
    }
}

impl Sources {
    fn line(&mut self, file: &Path, line: usize) -> Option<Line<'_>> {
        if self.file != file {
            file.clone_into(&mut self.file);
            self.text = read_again(file);
            self.starts = self.text.as_deref().map_or_else(Vec::new, |t| {
                std::iter::once(0)
                    .chain(t.match_indices('\n').map(|(i, _)| i + 1))
                    .collect()
            });
            self.marked = 0;
        }
        let text = self.text.as_deref()?;
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(text.len(), |&e| e);
        let text = text[start..end].trim_end_matches(['\n', '\r']);
        if self.marked != line {
            self.marks.clear();
            self.chars = 0;
            for (i, _) in text.char_indices() {
                if self.chars % MARK_EVERY == 0 {
                    self.marks.push(i);
                }
                self.chars += 1;
            }
            self.marked = line;
        }
        Some(Line {
            text,
            marks: &self.marks,
            chars: self.chars,
        })
    }
}

#[cfg(any(feature = "json", feature = "toml", feature = "yaml"))]
fn read_again(file: &Path) -> Option<String> {
    use crate::guard::{FILE_LIMIT, Scope, read_text};
    read_text(file, &Scope::new([file]), FILE_LIMIT).ok()
}

#[cfg(not(any(feature = "json", feature = "toml", feature = "yaml")))]
fn read_again(_: &Path) -> Option<String> {
    None
}

/// How many characters of a long line are shown around the value.
const SNIPPET_WIDTH: usize = 100;

/// How many characters after a finding's place are looked at for its value: a longer value
/// is shown cut, so that each finding costs the same on a long line.
const VALUE_LOOK: usize = 1024;

/// ` 4 | size: Standard_NC6` and a caret line under the span's characters; tabs shown as
/// four spaces, characters a terminal would act on escaped, a long line cut around the value.
fn snippet(
    out: &mut impl io::Write,
    line: &Line<'_>,
    span: Span,
    color: bool,
    severity: Severity,
) -> io::Result<()> {
    let number = span.start.line.to_string();
    let gutter = " ".repeat(number.len());
    let len = line.chars;
    let start = span.start.column.saturating_sub(1).min(len);
    let (start, width) = match span.end {
        Some(end) if end.line == span.start.line => {
            (start, end.column.saturating_sub(span.start.column).max(1))
        }
        // A finding placed at a key (`size: X`, `size = "X"`): the value is what is wrong.
        _ => {
            let ahead: Vec<char> = line.slice(start, start + VALUE_LOOK).chars().collect();
            let (at, width) = value_at(&ahead, 0);
            (start + at, width)
        }
    };
    // A window of the line around the value.
    let from = start.saturating_sub(SNIPPET_WIDTH / 2);
    let to = (from + SNIPPET_WIDTH).max(start + width).min(len);
    let shown = |cs: &str| -> String {
        cs.chars()
            .map(|c| {
                if c == '\t' {
                    "    ".to_owned()
                } else {
                    Safe(c.encode_utf8(&mut [0; 4])).to_string()
                }
            })
            .collect()
    };
    let (cut_left, cut_right) = (from > 0, to < len);
    let before = shown(line.slice(from, start));
    let value = shown(line.slice(start, (start + width).min(len)));
    let text = format!(
        "{}{}{}",
        if cut_left { "…" } else { "" },
        shown(line.slice(from, to)),
        if cut_right { "…" } else { "" }
    );
    let pad = before.chars().count() + usize::from(cut_left);
    let carets = "^".repeat(value.chars().count().max(1));
    writeln!(out, " {gutter} |")?;
    writeln!(out, " {number} | {}", text.trim_end())?;
    writeln!(
        out,
        " {gutter} | {}{}",
        " ".repeat(pad),
        paint(color, severity, &carets)
    )
}

/// The value after the key at `start` (`key: value`, `key = value`), as (start, width); the
/// token at `start` when no value follows on the line. A quoted value runs to its closing
/// quote, a plain one to a comment or the line's end.
fn value_at(chars: &[char], start: usize) -> (usize, usize) {
    let blank = |c: char| c == ' ' || c == '\t';
    // A place at the line's start (a listing's entry): from its first character.
    let mut start = start;
    while start < chars.len() && blank(chars[start]) {
        start += 1;
    }
    let mut key_end = start;
    while key_end < chars.len() && !blank(chars[key_end]) && !matches!(chars[key_end], ':' | '=') {
        key_end += 1;
    }
    let mut i = key_end;
    while i < chars.len() && blank(chars[i]) {
        i += 1;
    }
    let separated = match chars.get(i) {
        Some(':') => chars.get(i + 1).is_none_or(|&c| blank(c)),
        Some('=') => true,
        _ => false,
    };
    if !separated {
        return (start, (key_end - start).max(1));
    }
    i += 1;
    while i < chars.len() && blank(chars[i]) {
        i += 1;
    }
    if i >= chars.len() {
        return (start, (key_end - start).max(1));
    }
    let end = if let q @ ('"' | '\'') = chars[i] {
        chars[i + 1..]
            .iter()
            .position(|&c| c == q)
            .map_or(chars.len(), |p| i + p + 2)
    } else {
        let mut end = (i..chars.len())
            .find(|&j| chars[j] == '#' && blank(chars[j - 1]))
            .unwrap_or(chars.len());
        while end > i && blank(chars[end - 1]) {
            end -= 1;
        }
        end
    };
    (i, (end - i).max(1))
}

fn paint(color: bool, severity: Severity, text: &str) -> String {
    if !color {
        return text.to_owned();
    }
    let code = match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Note => "1;36",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

#[cfg(test)]
mod tests {
    use super::value_at;

    #[test]
    fn the_value_of_a_key() {
        let at = |line: &str, column: usize| {
            let chars: Vec<char> = line.chars().collect();
            let (start, width) = value_at(&chars, column);
            chars[start..start + width].iter().collect::<String>()
        };
        assert_eq!(at("size: Standard_NC6", 0), "Standard_NC6");
        assert_eq!(at("  size: Standard_NC6  # old", 2), "Standard_NC6");
        assert_eq!(at("size = \"Standard_NC6\"", 0), "\"Standard_NC6\"");
        assert_eq!(at("command: python train.py", 0), "python train.py");
        assert_eq!(at("resources:", 0), "resources");
        assert_eq!(at("url: http://x#y", 0), "http://x#y");
        assert_eq!(at("Standard_NC6 is old", 0), "Standard_NC6");
        assert_eq!(at("- compute", 2), "compute");
        assert_eq!(at("    \"name\": \"gpu\",", 0), "\"gpu\"");
    }
}
