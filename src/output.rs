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
use crate::Code;
use crate::{Date, Diagnostic, Severity};

/// A diagnostic with the file, line and column it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileDiagnostic {
    /// The file.
    pub file: PathBuf,
    /// The line (from 1) of the offending key, where known.
    pub line: Option<usize>,
    /// The column (from 1, in characters) of the offending key, where known.
    pub column: Option<usize>,
    /// The diagnostic; its `location` is the key path (`resources.instance_type`).
    pub diagnostic: Diagnostic,
    /// Other places the diagnostic concerns (the first definition of a duplicate).
    pub related: Vec<RelatedLocation>,
}

impl FileDiagnostic {
    /// A diagnostic at `file` and `line`, with no column and nothing related.
    #[must_use]
    pub fn new(file: impl Into<PathBuf>, line: Option<usize>, diagnostic: Diagnostic) -> Self {
        FileDiagnostic {
            file: file.into(),
            line,
            column: None,
            diagnostic,
            related: Vec::new(),
        }
    }
}

impl fmt::Display for FileDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.diagnostic)
    }
}

/// Another place a diagnostic concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RelatedLocation {
    /// The file.
    pub file: PathBuf,
    /// The line (from 1), where known.
    pub line: Option<usize>,
    /// What is there (`first defined here`).
    pub message: String,
}

impl RelatedLocation {
    /// A related place.
    #[must_use]
    pub fn new(file: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Self {
        RelatedLocation {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

/// Why a file was not read as an Azure ML file or plan.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// Its name is not one the checker reads (`.yml`, `.yaml`, and the plan files).
    NotChecked,
    /// YAML, but not an Azure ML file (a GitHub workflow, a conda file, …).
    NotAzureMl,
    /// YAML that does not load and shows no sign of being an Azure ML file.
    NotLoadable,
    /// Not UTF-8 text.
    NotUtf8,
    /// Larger than the limit, in bytes.
    TooLarge {
        /// The file's size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// Not a regular file (a FIFO, a socket, a device).
    NotRegularFile,
    /// A symbolic link out of the tree being checked, or to a place already visited.
    Symlink,
    /// Reading failed.
    Unreadable(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NotChecked => f.write_str("not a kind of file the checker reads"),
            SkipReason::NotAzureMl => f.write_str("YAML, not an Azure ML file"),
            SkipReason::NotLoadable => {
                f.write_str("YAML that does not load and is not an Azure ML file")
            }
            SkipReason::NotUtf8 => f.write_str("not UTF-8 text"),
            SkipReason::TooLarge { bytes, limit } => {
                write!(f, "too large ({bytes} bytes; the limit is {limit})")
            }
            SkipReason::NotRegularFile => f.write_str("not a regular file"),
            SkipReason::Symlink => {
                f.write_str("a symbolic link out of the tree or to a place already read")
            }
            SkipReason::Unreadable(e) => write!(f, "unreadable: {e}"),
        }
    }
}

/// A file that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SkippedFile {
    /// The file.
    pub file: PathBuf,
    /// Why.
    pub reason: SkipReason,
}

impl SkippedFile {
    /// A skipped file.
    #[must_use]
    pub fn new(file: impl Into<PathBuf>, reason: SkipReason) -> Self {
        SkippedFile {
            file: file.into(),
            reason,
        }
    }
}

/// The result of checking a set of files.
///
/// ```
/// use aml_targets::{Code, Diagnostic, FileDiagnostic, ProjectReport, RenderOptions};
///
/// let mut report = ProjectReport::default();
/// report.files_read = 1;
/// report.diagnostics.push(FileDiagnostic::new(
///     "jobs/train.yml",
///     Some(4),
///     Diagnostic::new(Code::RetiredSeries, "Standard_NC6 is retired", "size"),
/// ));
/// let text = report.to_github(&RenderOptions::default());
/// assert_eq!(
///     text,
///     "::error file=jobs/train.yml,line=4,title=retired-series::Standard_NC6 is retired (at size)\n",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ProjectReport {
    /// The date the files were checked for.
    pub on: Option<Date>,
    /// Files read (malformed Azure ML files included).
    pub files_read: usize,
    /// Files not read, each with the reason.
    pub skipped: Vec<SkippedFile>,
    /// The diagnostics, file by file.
    pub diagnostics: Vec<FileDiagnostic>,
}

impl ProjectReport {
    /// How many diagnostics have `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.diagnostic.severity == severity)
            .count()
    }

    /// Whether any diagnostic is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many files were skipped.
    #[must_use]
    pub fn files_skipped(&self) -> usize {
        self.skipped.len()
    }

    /// Adds another report's files and diagnostics to this one.
    pub fn merge(&mut self, other: ProjectReport) {
        self.on = self.on.or(other.on);
        self.files_read += other.files_read;
        self.skipped.extend(other.skipped);
        self.diagnostics.extend(other.diagnostics);
    }

    fn shown<'a>(&'a self, options: &'a RenderOptions) -> impl Iterator<Item = &'a FileDiagnostic> {
        self.diagnostics
            .iter()
            .filter(move |d| options.verbose || d.diagnostic.severity != Severity::Note)
    }

    /// The summary line: files read and skipped, the date, and the counts (notes counted
    /// whether shown or not).
    #[must_use]
    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} file(s) read, {} skipped",
            self.files_read,
            self.files_skipped()
        );
        if let Some(on) = self.on {
            let _ = write!(s, ", on {on}");
        }
        let _ = write!(
            s,
            ": {} error(s), {} warning(s), {} note(s)",
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Note)
        );
        s
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

/// Characters a terminal would act on rather than show: C0 and C1 controls, DEL, and the
/// bidirectional overrides and isolates ("Trojan Source").
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Text with unsafe characters shown as escapes (`\n`, `\u{1b}`).
struct Safe<'a>(&'a str);

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
