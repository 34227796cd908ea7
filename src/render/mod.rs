//! Output: a [`Report`] written as human text, GitHub workflow commands, Azure Pipelines
//! logging commands, `cargo:warning` lines, JSON or SARIF, and a Markdown summary for a CI
//! job's page ([`markdown_summary`]). The `aml` command only parses its arguments and calls these, so a
//! build script or another tool gets the same output.
//!
//! Start with [`Format::write`] (streams to any [`std::io::Write`]) or
//! [`Format::render`] (a `String`), and [`RenderOptions`].
//!
//! Every renderer escapes what it prints for its reader: GitHub's workflow-command rules
//! (`%`, `\r`, `\n` in data; also `:` and `,` in properties), one line per `cargo:` directive,
//! control and bidirectional-override characters shown as escapes in human text. File names
//! and YAML values come from the repository being checked, so they are untrusted.

use std::io;
use std::path::{Component, Path, PathBuf};

use crate::lint::{Diagnostic, Report, Severity};

pub use markdown::markdown_summary;

mod azure;
mod cargo;
mod github;
mod human;
#[cfg(feature = "json")]
mod json;
mod markdown;
#[cfg(feature = "json")]
mod sarif;

crate::macros::name_enum! {
/// An output format of a [`Report`].
///
/// ```
/// use aml_targets::render::Format;
///
/// assert_eq!("github".parse::<Format>()?, Format::Github);
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
#[non_exhaustive]
pub enum Format ("output format") {
    /// Human text: each finding with its place, help and alternatives, then the summary line.
    #[strum(to_string = "human")]
    Human,
    /// JSON: every finding (notes included), the counts and the files (feature `json`).
    #[strum(to_string = "json")]
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    #[strum(to_string = "github")]
    Github,
    /// `cargo:warning=` lines for a build script.
    #[strum(to_string = "cargo")]
    Cargo,
    /// Azure Pipelines logging commands (`##vso[task.logissue type=error;…]…`).
    #[strum(to_string = "azure")]
    Azure,
    /// SARIF 2.1.0 for code scanning (feature `json`).
    #[strum(to_string = "sarif")]
    Sarif,
}
}

impl Format {
    /// Writes `report` in this format to `out`.
    ///
    /// # Errors
    ///
    /// What writing to `out` returns; for JSON and SARIF without the `json` feature,
    /// [`io::ErrorKind::Unsupported`].
    pub fn write(
        self,
        report: &Report,
        options: &RenderOptions,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        match self {
            Format::Human => human::write(report, options, out),
            Format::Github => github::write(report, options, out),
            Format::Cargo => cargo::write(report, options, out),
            Format::Azure => azure::write(report, options, out),
            #[cfg(feature = "json")]
            Format::Json => json::write(report, options, out),
            #[cfg(feature = "json")]
            Format::Sarif => sarif::write(report, options, out),
            #[cfg(not(feature = "json"))]
            Format::Json | Format::Sarif => Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "JSON and SARIF output need the `json` feature",
            )),
        }
    }

    /// `report` in this format, as a string (empty when the format needs a feature that is
    /// off).
    #[must_use]
    pub fn render(self, report: &Report, options: &RenderOptions) -> String {
        let mut out = Vec::new();
        let _ = self.write(report, options, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }
}

/// How a [`Report`] is rendered.
///
/// ```
/// use aml_targets::RenderOptions;
///
/// let options = RenderOptions::default().verbose(true).base("/work/repo");
/// assert!(options.verbose);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RenderOptions {
    /// Show notes too (JSON always has them).
    pub verbose: bool,
    /// Colour the severity labels of human text with ANSI escapes.
    pub color: bool,
    /// Paths under this directory are shown relative to it (usually the current directory).
    pub base: Option<PathBuf>,
    /// Human text shows each finding's line of the file with a caret under the value (read
    /// again from the file, through the `guard` module; needs a file feature).
    pub snippets: bool,
}

impl RenderOptions {
    /// Shows notes too.
    #[must_use]
    pub fn verbose(mut self, verbose: bool) -> Self {
        self.verbose = verbose;
        self
    }

    /// Colours human text.
    #[must_use]
    pub fn color(mut self, color: bool) -> Self {
        self.color = color;
        self
    }

    /// Shows paths under `base` relative to it.
    #[must_use]
    pub fn base(mut self, base: impl Into<PathBuf>) -> Self {
        self.base = Some(base.into());
        self
    }

    /// Shows the source line of each finding in human text.
    #[must_use]
    pub fn snippets(mut self, snippets: bool) -> Self {
        self.snippets = snippets;
        self
    }
}

/// `text` with the characters a terminal would act on — C0 and C1 controls, DEL, ANSI escape
/// sequences' ESC, the line and paragraph separators U+2028 and U+2029, bidirectional
/// overrides — shown as Rust escapes (`\u{1b}`), for printing text that came from a file.
///
/// ```
/// use aml_targets::render::escaped;
///
/// assert_eq!(escaped("a\u{1b}[31mb\n").to_string(), "a\\u{1b}[31mb\\n");
/// ```
#[must_use]
pub fn escaped(text: &str) -> impl std::fmt::Display + '_ {
    crate::text::Safe(text)
}

/// `s` for a CI system's logging command: `%`, CR and LF as the system spells them
/// (`percent`, `%0D`, `%0A`), each character of `also` as its `%XX` escape (property
/// separators), and characters a log viewer would act on as Rust escapes (`\u{1b}`).
fn escape_command(s: &str, percent: &str, also: &[char]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str(percent),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if also.contains(&c) => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c if crate::text::is_unsafe(c) => {
                let _ = write!(out, "{}", c.escape_default());
            }
            c => out.push(c),
        }
    }
    out
}

/// The diagnostics a format shows: errors and warnings, notes too when verbose.
fn shown<'a>(
    report: &'a Report,
    options: &'a RenderOptions,
) -> impl Iterator<Item = &'a Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(move |d| options.verbose || d.severity != Severity::Note)
}

/// A path as shown: relative to the base when under it, without `./` components, with `/`
/// separators.
fn display_path(path: &Path, options: &RenderOptions) -> String {
    let relative = options
        .base
        .as_deref()
        .and_then(|base| path.strip_prefix(base).ok())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(path);
    let mut out = String::new();
    for component in relative.components() {
        match component {
            Component::CurDir => {}
            Component::RootDir => out.push('/'),
            Component::Prefix(p) => out.push_str(&p.as_os_str().to_string_lossy()),
            Component::ParentDir => out.push_str("../"),
            Component::Normal(n) => {
                push_name(&mut out, n);
                out.push('/');
            }
        }
    }
    if out.len() > 1 && out.ends_with('/') {
        out.pop();
    }
    if out.is_empty() { ".".to_owned() } else { out }
}

/// A file name as shown. On Unix a name need not be UTF-8: its invalid bytes are shown as
/// `\xNN` and a backslash as `\\`, so two names never show the same (a lossy `�` would make
/// `a\xff` and `a\xfe` one file).
fn push_name(out: &mut String, name: &std::ffi::OsStr) {
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt as _;
        for chunk in name.as_bytes().utf8_chunks() {
            for c in chunk.valid().chars() {
                if c == '\\' {
                    out.push_str("\\\\");
                } else {
                    out.push(c);
                }
            }
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    #[cfg(not(unix))]
    out.push_str(&name.to_string_lossy());
}

/// A diagnostic's `file:line:column`, the file as shown.
fn place_of(d: &Diagnostic, options: &RenderOptions) -> String {
    place(
        &display_path(d.file_or_empty(), options),
        d.line(),
        d.column(),
    )
}

/// `file:line:column`, as far as known.
fn place(file: &str, line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file.to_owned(),
    }
}

/// The message with its key, related places and help, on one line.
fn message_line(d: &Diagnostic, options: &RenderOptions) -> String {
    use std::fmt::Write as _;
    let mut text = d.message.clone();
    if !d.key.is_none() {
        let _ = write!(text, " (at {})", d.key);
    }
    for r in &d.related {
        let _ = write!(
            text,
            "; {}: {}",
            r.message,
            place(&display_path(&r.file, options), r.line(), None)
        );
    }
    if let Some(help) = &d.help {
        let _ = write!(text, " — {help}");
    }
    text
}
