//! The result of checking files: each diagnostic with its file and place ([`FileDiagnostic`]),
//! the files read and skipped ([`ProjectReport`]).

use std::fmt::{self, Write as _};
use std::path::PathBuf;

use super::code::Severity;
use super::diagnostic::Diagnostic;
use crate::date::Date;

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
/// use aml_targets::{Code, Diagnostic, ProjectReport, RenderOptions};
/// use aml_targets::lint::FileDiagnostic;
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
}

#[cfg(feature = "serde")]
impl serde::Serialize for RelatedLocation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("RelatedLocation", 3)?;
        m.serialize_field("file", &self.file.display().to_string())?;
        m.serialize_field("line", &self.line)?;
        m.serialize_field("message", &self.message)?;
        m.end()
    }
}

/// The diagnostic's fields, after `file`, `line` and `column`, then `related`.
#[cfg(feature = "serde")]
impl serde::Serialize for FileDiagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let d = &self.diagnostic;
        let mut m = s.serialize_struct("FileDiagnostic", 10)?;
        m.serialize_field("file", &self.file.display().to_string())?;
        m.serialize_field("line", &self.line)?;
        m.serialize_field("column", &self.column)?;
        m.serialize_field("code", &d.code)?;
        m.serialize_field("severity", &d.severity)?;
        m.serialize_field("message", &d.message)?;
        m.serialize_field("help", &d.help)?;
        m.serialize_field("location", &d.location)?;
        m.serialize_field("alternatives", &d.alternatives)?;
        m.serialize_field("related", &self.related)?;
        m.end()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SkippedFile {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("SkippedFile", 2)?;
        m.serialize_field("file", &self.file.display().to_string())?;
        m.serialize_field("reason", &self.reason.to_string())?;
        m.end()
    }
}

/// `aml check --format json`: `{"on", "diagnostics", "errors", "warnings", "notes",
/// "files_read", "files_skipped", "skipped"}`, paths as stored
/// ([`ProjectReport::to_json`] makes them relative).
#[cfg(feature = "serde")]
impl serde::Serialize for ProjectReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("ProjectReport", 8)?;
        m.serialize_field("on", &self.on)?;
        m.serialize_field("diagnostics", &self.diagnostics)?;
        m.serialize_field("errors", &self.count(Severity::Error))?;
        m.serialize_field("warnings", &self.count(Severity::Warning))?;
        m.serialize_field("notes", &self.count(Severity::Note))?;
        m.serialize_field("files_read", &self.files_read)?;
        m.serialize_field("files_skipped", &self.files_skipped())?;
        m.serialize_field("skipped", &self.skipped)?;
        m.end()
    }
}
