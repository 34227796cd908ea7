//! A checked set of files — [`ProjectReport`] — and its renderers: human text, GitHub
//! workflow commands, `cargo:warning` lines, JSON and SARIF. The `aml` command only parses
//! its arguments and calls these, so a build script or another tool gets the same output.
//!
//! Every renderer escapes what it prints for its reader: GitHub's workflow-command rules
//! (`%`, `\r`, `\n` in data; also `:` and `,` in properties), one line per `cargo:` directive,
//! control and bidirectional-override characters shown as escapes in human text. File names
//! and YAML values come from the repository being checked, so they are untrusted.

use std::fmt::{self, Write as _};
use std::path::{Component, Path, PathBuf};

#[cfg(feature = "json")]
use crate::lint::{Code, RelatedLocation, SkippedFile};
use crate::lint::{FileDiagnostic, ProjectReport, Severity};
use crate::text::{Safe, is_unsafe};

impl ProjectReport {
    fn shown<'a>(&'a self, options: &'a RenderOptions) -> impl Iterator<Item = &'a FileDiagnostic> {
        self.diagnostics
            .iter()
            .filter(move |d| options.verbose || d.diagnostic.severity != Severity::Note)
    }

    /// Human text: each error and warning (notes too with [`RenderOptions::verbose`]) with
    /// its place, help and alternatives, then the summary line. Control characters from the
    /// files are shown escaped, never written raw.
    #[must_use]
    pub fn to_human(&self, options: &RenderOptions) -> String {
        let mut out = String::new();
        for d in self.shown(options) {
            let diag = &d.diagnostic;
            let label = paint(
                options.color,
                diag.severity,
                &format!("{}[{}]", diag.severity, diag.code),
            );
            let _ = writeln!(out, "{label}: {}", Safe(&diag.message));
            let place = place(&display_path(&d.file, options), d.line, d.column);
            if diag.location.is_empty() {
                let _ = writeln!(out, "  --> {}", Safe(&place));
            } else {
                let _ = writeln!(out, "  --> {}: {}", Safe(&place), Safe(&diag.location));
            }
            for r in &d.related {
                let place = place_of(&display_path(&r.file, options), r.line);
                let _ = writeln!(out, "  also: {} ({})", Safe(&place), Safe(&r.message));
            }
            if let Some(help) = &diag.help {
                let _ = writeln!(out, "  help: {}", Safe(help));
            }
            if !diag.alternatives.is_empty() {
                let _ = writeln!(out, "  try: {}", Safe(&diag.alternatives.join(", ")));
            }
            out.push('\n');
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`),
    /// one per error and warning (notes as `::notice` with [`RenderOptions::verbose`]),
    /// escaped as GitHub's workflow-command rules require.
    #[must_use]
    pub fn to_github(&self, options: &RenderOptions) -> String {
        let mut out = String::new();
        for d in self.shown(options) {
            let diag = &d.diagnostic;
            let level = match diag.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let _ = write!(
                out,
                "::{level} file={}",
                escape_property(&display_path(&d.file, options))
            );
            if let Some(line) = d.line {
                let _ = write!(out, ",line={line}");
                if let Some(col) = d.column {
                    let _ = write!(out, ",col={col}");
                }
            }
            let _ = writeln!(
                out,
                ",title={}::{}",
                escape_property(diag.code.as_str()),
                escape_data(&message_line(d, options))
            );
        }
        out
    }

    /// `cargo:warning=` lines for a build script, one per error and warning (notes too with
    /// [`RenderOptions::verbose`]); each is one line whatever the file names and messages
    /// hold, so no text from a file can start another `cargo:` directive.
    #[must_use]
    pub fn to_cargo(&self, options: &RenderOptions) -> String {
        let mut out = String::new();
        for d in self.shown(options) {
            let diag = &d.diagnostic;
            let place = place(&display_path(&d.file, options), d.line, d.column);
            let _ = writeln!(
                out,
                "cargo:warning={}",
                OneLine(&format!(
                    "{place}: {}[{}] {}",
                    diag.severity,
                    diag.code,
                    message_line(d, options)
                ))
            );
        }
        out
    }

    /// The report as JSON: every diagnostic (notes included, whatever
    /// [`RenderOptions::verbose`] says), the counts, the files read and the files skipped
    /// with their reasons. The keys are the `aml check --format json` contract of the README.
    #[cfg(feature = "json")]
    #[must_use]
    pub fn to_json(&self, options: &RenderOptions) -> String {
        // The report's serde form, its paths as shown to a person.
        let path = |p: &Path| PathBuf::from(display_path(p, options));
        let shown = ProjectReport {
            on: self.on,
            files_read: self.files_read,
            skipped: self
                .skipped
                .iter()
                .map(|s| SkippedFile::new(path(&s.file), s.reason.clone()))
                .collect(),
            diagnostics: self
                .diagnostics
                .iter()
                .map(|d| FileDiagnostic {
                    file: path(&d.file),
                    related: d
                        .related
                        .iter()
                        .map(|r| RelatedLocation::new(path(&r.file), r.line, r.message.clone()))
                        .collect(),
                    ..d.clone()
                })
                .collect(),
        };
        serde_json::to_string_pretty(&shown).unwrap_or_default() + "\n"
    }

    /// SARIF 2.1.0, as GitHub code scanning reads it: one rule per [`Code`] (id, short
    /// description, help, default level), one result per error and warning (notes too with
    /// [`RenderOptions::verbose`]) with its file (relative, `/`-separated, percent-encoded),
    /// line and column where known.
    #[cfg(feature = "json")]
    #[must_use]
    pub fn to_sarif(&self, options: &RenderOptions) -> String {
        use serde_json::json;
        let level = |s: Severity| match s {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        let rules: Vec<serde_json::Value> = Code::ALL
            .iter()
            .map(|&code| {
                json!({
                    "id": code.as_str(),
                    "name": format!("{code:?}"),
                    "shortDescription": {"text": code.description()},
                    "fullDescription": {"text": code.description()},
                    "help": {"text": code.help()},
                    "defaultConfiguration": {"level": level(code.severity())},
                    "helpUri": format!("https://docs.rs/aml-targets/latest/aml_targets/enum.Code.html#variant.{code:?}"),
                })
            })
            .collect();
        let location = |file: &Path, line: Option<usize>, column: Option<usize>| {
            let mut physical = json!({
                "artifactLocation": {
                    "uri": uri(&display_path(file, options)),
                    "uriBaseId": "%SRCROOT%",
                },
            });
            if let Some(line) = line {
                let mut region = json!({"startLine": line});
                if let Some(column) = column {
                    region["startColumn"] = json!(column);
                }
                physical["region"] = region;
            }
            json!({"physicalLocation": physical})
        };
        let results: Vec<serde_json::Value> = self
            .shown(options)
            .map(|d| {
                let diag = &d.diagnostic;
                let index = Code::ALL.iter().position(|&c| c == diag.code).unwrap_or(0);
                let mut text = diag.message.clone();
                if let Some(help) = &diag.help {
                    let _ = write!(text, " Help: {help}.");
                }
                if !diag.alternatives.is_empty() {
                    let _ = write!(text, " Try: {}.", diag.alternatives.join(", "));
                }
                let mut result = json!({
                    "ruleId": diag.code.as_str(),
                    "ruleIndex": index,
                    "level": level(diag.severity),
                    "message": {"text": text},
                    "locations": [location(&d.file, d.line, d.column)],
                });
                if !diag.location.is_empty() {
                    result["properties"] = json!({"key": diag.location});
                }
                if !d.related.is_empty() {
                    result["relatedLocations"] = d
                        .related
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let mut l = location(&r.file, r.line, None);
                            l["id"] = json!(i);
                            l["message"] = json!({"text": r.message});
                            l
                        })
                        .collect();
                }
                result
            })
            .collect();
        let value = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "aml-targets",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }},
                "results": results,
            }],
        });
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    }
}

/// How a [`ProjectReport`] is rendered.
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
                out.push_str(&n.to_string_lossy());
                out.push('/');
            }
        }
    }
    if out.len() > 1 && out.ends_with('/') {
        out.pop();
    }
    if out.is_empty() { ".".to_owned() } else { out }
}

fn place(file: &str, line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file.to_owned(),
    }
}

fn place_of(file: &str, line: Option<usize>) -> String {
    place(file, line, None)
}

/// The message with its key, related places and help, on one line.
fn message_line(d: &FileDiagnostic, options: &RenderOptions) -> String {
    let diag = &d.diagnostic;
    let mut text = diag.message.clone();
    if !diag.location.is_empty() {
        let _ = write!(text, " (at {})", diag.location);
    }
    for r in &d.related {
        let _ = write!(
            text,
            "; {}: {}",
            r.message,
            place_of(&display_path(&r.file, options), r.line)
        );
    }
    if let Some(help) = &diag.help {
        let _ = write!(text, " — {help}");
    }
    text
}

/// GitHub workflow-command data: `%`, `\r`, `\n` escaped as GitHub's rules say; other
/// characters a terminal or log viewer would act on shown as Rust escapes (`\u{1b}`).
fn escape_data(s: &str) -> String {
    escape_github(s, false)
}

/// GitHub workflow-command property values: data escapes plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_github(s, true)
}

fn escape_github(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c if is_unsafe(c) => {
                let _ = write!(out, "{}", c.escape_default());
            }
            c => out.push(c),
        }
    }
    out
}

/// A relative path as a SARIF URI reference: `/`-separated, percent-encoded.
#[cfg(feature = "json")]
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Text on one line: line breaks and other unsafe characters escaped.
struct OneLine<'a>(&'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Safe(self.0).fmt(f)
    }
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
