//! Text helpers shared by every layer: quoting and shortening what an input said (an error
//! quotes a bounded, escaped copy), strict decimal parsing, showing characters a terminal would
//! act on as escapes, and quantities as a person reads them.

use std::fmt::{self, Write as _};

/// Longest part of a rejected input that error messages quote; the rest is elided.
const QUOTE_LIMIT: usize = 64;

/// Writes `input` in double quotes with Rust string escapes, cut after [`QUOTE_LIMIT`] characters.
pub(crate) fn write_quoted(f: &mut fmt::Formatter<'_>, input: &str) -> fmt::Result {
    write_quoted_of(f, input, input.chars().count())
}

/// [`write_quoted`] of the start of a longer input of `total` characters (an error may keep a
/// bounded copy of what it quotes): the count of characters left out is the input's.
pub(crate) fn write_quoted_of(f: &mut fmt::Formatter<'_>, kept: &str, total: usize) -> fmt::Result {
    match kept.char_indices().nth(QUOTE_LIMIT) {
        None if total <= kept.chars().count() => write!(f, "{kept:?}"),
        None => write!(
            f,
            "{kept:?}… ({} more characters)",
            total - kept.chars().count()
        ),
        Some((cut, _)) => {
            let shown = &kept[..cut];
            write!(f, "{shown:?}… ({} more characters)", total - QUOTE_LIMIT)
        }
    }
}

/// Longest message taken from another parser into ours; the rest is elided (a parser's
/// message may quote a whole line of the input, which may be megabytes long).
const MESSAGE_LIMIT: usize = 240;

/// `message` cut after [`MESSAGE_LIMIT`] characters, saying how many were left out, with the
/// characters a terminal would act on (but line breaks) shown escaped: messages of other
/// parsers quote the input, which may be anything.
pub(crate) fn shorten(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MESSAGE_LIMIT * 4));
    for (i, (at, c)) in message.char_indices().enumerate() {
        if i == MESSAGE_LIMIT {
            let _ = write!(out, "… ({} more characters)", message[at..].chars().count());
            break;
        }
        // Line breaks stay (a parser's message may show the offending line under its
        // place); every other character a terminal acts on is shown escaped.
        if c != '\n' && is_unsafe(c) {
            let _ = write!(out, "{}", c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A decimal number of 1 to `max_digits` ASCII digits without a leading zero (`0` itself is
/// fine), as version components are written.
pub(crate) fn decimal<T: std::str::FromStr>(s: &str, max_digits: usize) -> Option<T> {
    let ok = !s.is_empty()
        && s.len() <= max_digits
        && s.bytes().all(|b| b.is_ascii_digit())
        && !(s.len() > 1 && s.starts_with('0'));
    if ok { s.parse().ok() } else { None }
}

/// Displays a string quoted and escaped, shortened when long.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0)
    }
}

/// Characters a terminal or a log viewer would act on rather than show: C0 and C1 controls,
/// DEL, the line and paragraph separators, and the bidirectional overrides and isolates
/// ("Trojan Source").
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Text with unsafe characters shown as escapes (`\n`, `\u{1b}`).
pub(crate) struct Safe<'a>(pub(crate) &'a str);

impl fmt::Display for Safe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if is_unsafe(c) {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

/// A quantity as a person reads it: one decimal, or three significant digits in scientific
/// notation when it is huge (never `inf`).
pub(crate) fn readable(x: f64) -> String {
    if !x.is_finite() {
        return "more than 1.8e308".to_owned();
    }
    if x.abs() >= 1e6 {
        format!("{x:.2e}")
    } else {
        let s = format!("{x:.1}");
        s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
    }
}
