//! One finding ([`Diagnostic`]: code, severity, file, key path, span, message, help,
//! alternatives, related places) and one [`Report`] of findings, for plans built in code, plan
//! files and repositories alike.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use super::code::{Code, Severity};
use crate::date::Date;

/// A place in a text: a line and a column, both from 1, the column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

impl Position {
    /// The place at `line` and `column` (both from 1).
    #[must_use]
    pub const fn new(line: usize, column: usize) -> Position {
        Position { line, column }
    }
}

/// Where in a file a finding is: its start, and its end (exclusive) when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The first character.
    pub start: Position,
    /// Just past the last character, when known.
    pub end: Option<Position>,
}

impl Span {
    /// A span that starts at `line` and `column` (both from 1), end unknown.
    #[must_use]
    pub const fn at(line: usize, column: usize) -> Span {
        Span {
            start: Position::new(line, column),
            end: None,
        }
    }

    /// The span with its end: `chars` characters on the start's line.
    #[must_use]
    pub const fn with_width(mut self, chars: usize) -> Span {
        self.end = Some(Position::new(self.start.line, self.start.column + chars));
        self
    }
}

crate::macros::name_enum! {
/// A list of a [`Plan`](crate::plan::Plan).
pub enum PlanList ("plan list") {
    /// `compute`.
    #[strum(to_string = "compute")]
    Compute,
    /// `jobs`.
    #[strum(to_string = "jobs")]
    Jobs,
    /// `deployments`.
    #[strum(to_string = "deployments")]
    Deployments,
}
}

/// Where in a document a finding is, as its reader names it.
///
/// `Display` writes it as people read it: `compute[1].size` in a plan,
/// `resources.instance_type` in a YAML file, `cell 2: vm_size` in a notebook, `--size` in a
/// script. It compares equal to that text.
///
/// ```
/// use aml_targets::lint::{KeyPath, PlanList};
///
/// let key = KeyPath::plan(PlanList::Compute, 1, "size");
/// assert_eq!(key.to_string(), "compute[1].size");
/// assert_eq!(key, "compute[1].size");
/// assert_eq!(KeyPath::cell(2, Some("vm_size")), "cell 2: vm_size");
/// assert!(KeyPath::None.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum KeyPath {
    /// The whole document (or no key in particular).
    #[default]
    None,
    /// A field of an entry of a plan: `compute[1].size`; no field for the whole entry.
    Plan {
        /// The list.
        list: PlanList,
        /// The entry, from 0.
        index: usize,
        /// The field, if any.
        field: Option<&'static str>,
    },
    /// A key as the file writes it: a YAML key path (`jobs.train.compute`), a script's option
    /// (`--size`), a template's key (`vmSize`).
    Key(String),
    /// In a notebook: a cell (from 1, as Jupyter counts), and the key in it, if any.
    Cell {
        /// The cell.
        cell: usize,
        /// The key in the cell.
        key: Option<String>,
    },
}

impl KeyPath {
    /// A field of a plan entry.
    #[must_use]
    pub const fn plan(list: PlanList, index: usize, field: &'static str) -> KeyPath {
        KeyPath::Plan {
            list,
            index,
            field: Some(field),
        }
    }

    /// A key as the file writes it; `None` when empty.
    #[must_use]
    pub fn key(key: impl Into<String>) -> KeyPath {
        let key = key.into();
        if key.is_empty() {
            KeyPath::None
        } else {
            KeyPath::Key(key)
        }
    }

    /// A notebook cell, and the key in it.
    #[must_use]
    pub fn cell(cell: usize, key: Option<&str>) -> KeyPath {
        KeyPath::Cell {
            cell,
            key: key.filter(|k| !k.is_empty()).map(str::to_owned),
        }
    }

    /// Whether it names no key.
    #[must_use]
    pub fn is_none(&self) -> bool {
        matches!(self, KeyPath::None)
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyPath::None => Ok(()),
            KeyPath::Plan { list, index, field } => {
                write!(f, "{list}[{index}]")?;
                match field {
                    Some(field) => write!(f, ".{field}"),
                    None => Ok(()),
                }
            }
            KeyPath::Key(key) => f.write_str(key),
            KeyPath::Cell { cell, key } => {
                write!(f, "cell {cell}")?;
                match key {
                    Some(key) => write!(f, ": {key}"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl PartialEq<str> for KeyPath {
    fn eq(&self, other: &str) -> bool {
        let mut shown = String::new();
        let _ = write!(shown, "{self}");
        shown == other
    }
}

impl PartialEq<&str> for KeyPath {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl From<&str> for KeyPath {
    fn from(key: &str) -> KeyPath {
        KeyPath::key(key)
    }
}

impl From<String> for KeyPath {
    fn from(key: String) -> KeyPath {
        KeyPath::key(key)
    }
}

/// Another place a finding concerns (the first definition of a duplicate, the compute a job
/// runs on).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Related {
    /// The file.
    pub file: PathBuf,
    /// Where in it, when known.
    pub span: Option<Span>,
    /// What is there (`first defined here`).
    pub message: String,
}

impl Related {
    /// A related place.
    #[must_use]
    pub fn new(file: impl Into<PathBuf>, span: Option<Span>, message: impl Into<String>) -> Self {
        Related {
            file: file.into(),
            span,
            message: message.into(),
        }
    }

    /// The line (from 1), where known.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.span.map(|s| s.start.line)
    }
}

/// One finding: what is wrong, how bad, where (file, key path, line and column), what to do,
/// what to use instead, and the other places it concerns.
///
/// ```
/// use aml_targets::{Code, ComputeDef, Date, Plan, Severity, validate};
///
/// let plan = Plan {
///     compute: vec![ComputeDef { name: "gpu".into(), size: Some("Standard_NC6".into()), ..ComputeDef::default() }],
///     ..Plan::default()
/// };
/// let report = validate(&plan, "2026-11-27".parse::<Date>()?);
/// let d = &report.diagnostics[0];
/// assert_eq!((d.code, d.severity), (Code::RetiredSeries, Severity::Error));
/// assert_eq!(d.key, "compute[0].size");
/// assert_eq!(d.file, None); // a plan built in code has no file
/// assert_eq!(d.alternatives[0], "Standard_NC8as_T4_v3");
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// How bad it is.
    pub severity: Severity,
    /// The file, when the finding is in one.
    pub file: Option<PathBuf>,
    /// Where in the document.
    pub key: KeyPath,
    /// Where in the file's text, when known.
    pub span: Option<Span>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Suggested replacements (sizes, targets), best first.
    pub alternatives: Vec<String>,
    /// Other places the finding concerns.
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// A diagnostic with `code`'s severity at `key`, and nothing else.
    ///
    /// ```
    /// use aml_targets::{Code, Diagnostic, Severity};
    ///
    /// let d = Diagnostic::new(Code::UnknownSize, "Standard_X9 is not in the catalog", "size")
    ///     .with_help("check the name");
    /// assert_eq!(d.severity, Severity::Warning);
    /// assert_eq!(d.to_string(), "warning[unknown-size]: Standard_X9 is not in the catalog (at size)");
    /// ```
    #[must_use]
    pub fn new(code: Code, message: impl Into<String>, key: impl Into<KeyPath>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            file: None,
            key: key.into(),
            span: None,
            message: message.into(),
            help: None,
            alternatives: Vec::new(),
            related: Vec::new(),
        }
    }

    /// The diagnostic with `help`.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The diagnostic with suggested replacements, best first.
    #[must_use]
    pub fn with_alternatives(mut self, alternatives: Vec<String>) -> Self {
        self.alternatives = alternatives;
        self
    }

    /// The diagnostic in `file`, at `span` when known.
    #[must_use]
    pub fn at(mut self, file: impl Into<PathBuf>, span: Option<Span>) -> Self {
        self.file = Some(file.into());
        self.span = span;
        self
    }

    /// The diagnostic with one more related place.
    #[must_use]
    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    /// The line (from 1), where known.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.span.map(|s| s.start.line)
    }

    /// The column (from 1, in characters), where known.
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.span.map(|s| s.start.column)
    }

    /// The file, or an empty path for a finding in no file.
    #[must_use]
    pub fn file_or_empty(&self) -> &Path {
        self.file.as_deref().unwrap_or(Path::new(""))
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line: severity[code]: message (at key)`, the place as far as known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = self.line() {
                write!(f, ":{line}")?;
            }
            f.write_str(": ")?;
        }
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)?;
        if !self.key.is_none() {
            write!(f, " (at {})", self.key)?;
        }
        Ok(())
    }
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// Its name is not one the checker reads (`.yml`, `.yaml`, and the plan files).
    NotChecked,
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
    /// A plan file that does not read as a plan (its syntax, an unknown key, a bad value).
    InvalidPlan(String),
    /// YAML denser than the checker loads: more than 50,000 nodes and more than one per 6
    /// bytes of text (a memory bound; Azure ML files hold hundreds). Its size names are still
    /// read.
    TooDense,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NotChecked => f.write_str("not a kind of file the checker reads"),
            SkipReason::NotUtf8 => f.write_str("not UTF-8 text"),
            SkipReason::TooLarge { bytes, limit } => {
                write!(f, "too large ({bytes} bytes; the limit is {limit})")
            }
            SkipReason::NotRegularFile => f.write_str("not a regular file"),
            SkipReason::Symlink => {
                f.write_str("a symbolic link out of the tree or to a place already read")
            }
            SkipReason::Unreadable(e) => write!(f, "unreadable: {e}"),
            SkipReason::InvalidPlan(e) => write!(f, "not a valid plan: {e}"),
            SkipReason::TooDense => f.write_str(
                "YAML with more than 50,000 nodes and more than one per 6 bytes; not loaded (a memory bound)",
            ),
        }
    }
}

#[cfg(any(feature = "json", feature = "toml", feature = "yaml"))]
impl From<crate::guard::Refusal> for SkipReason {
    fn from(refusal: crate::guard::Refusal) -> SkipReason {
        use crate::guard::Refusal;
        match refusal {
            Refusal::NotRegularFile => SkipReason::NotRegularFile,
            Refusal::TooLarge { bytes, limit } => SkipReason::TooLarge { bytes, limit },
            Refusal::OutsideScope => SkipReason::Symlink,
            Refusal::NotUtf8 => SkipReason::NotUtf8,
            other => SkipReason::Unreadable(other.to_string()),
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
    /// Named on the command line (not found in a directory): a refused named file makes
    /// `aml check` exit with 2.
    pub named: bool,
}

impl SkippedFile {
    /// A skipped file, found in a directory.
    #[must_use]
    pub fn new(file: impl Into<PathBuf>, reason: SkipReason) -> Self {
        SkippedFile {
            file: file.into(),
            reason,
            named: false,
        }
    }

    /// The same, named on the command line.
    #[must_use]
    pub fn named(mut self) -> Self {
        self.named = true;
        self
    }

    /// Whether the file was named and refused (a link out of scope, not a regular file, too
    /// large, unreadable): not merely of a kind the checker does not read.
    #[must_use]
    pub fn is_refused_named(&self) -> bool {
        self.named && !matches!(self.reason, SkipReason::NotChecked | SkipReason::TooDense)
    }
}

/// The findings of a check — of a plan built in code, of plan files, of a repository — with
/// the date checked for and the files read and skipped.
///
/// ```
/// use aml_targets::{Code, Diagnostic, RenderOptions, Report};
/// use aml_targets::lint::Span;
/// use aml_targets::render::Format;
///
/// let mut report = Report::default();
/// report.files_read = 1;
/// report.diagnostics.push(
///     Diagnostic::new(Code::RetiredSeries, "Standard_NC6 is retired", "size")
///         .at("jobs/train.yml", Some(Span::at(4, 1))),
/// );
/// assert!(report.has_errors());
/// let text = Format::Github.render(&report, &RenderOptions::default());
/// assert_eq!(
///     text,
///     "::error file=jobs/train.yml,line=4,col=1,title=retired-series::Standard_NC6 is retired (at size)\n",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Report {
    /// The date checked for.
    pub on: Option<Date>,
    /// Files read: by the Azure ML reader (malformed Azure ML files included), as plans, or by
    /// the size sweep alone (scripts, notebooks, templates, YAML that is not Azure ML's).
    pub files_read: usize,
    /// Files not read, each with the reason (a YAML file too dense to load is listed here
    /// though its size names are read).
    pub skipped: Vec<SkippedFile>,
    /// The diagnostics: in plan order for a plan, file by file for files.
    pub diagnostics: Vec<Diagnostic>,
    /// The edits made before this check (`aml check --fix`): each retired size replaced.
    pub fixed: Vec<Fix>,
}

/// One edit of a file: the bytes `range` (`original`, a size name as written) become
/// `replacement` (see `project::fixes`, feature `yaml`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fix {
    /// The file.
    pub file: PathBuf,
    /// The bytes replaced.
    pub range: std::ops::Range<usize>,
    /// The size name as the file writes it.
    pub original: String,
    /// The replacement, in the case the file writes the name in.
    pub replacement: String,
    /// The line (from 1) of `original`.
    pub line: usize,
    /// The column (from 1, in characters) of `original`.
    pub column: usize,
}

impl Fix {
    /// An edit.
    #[must_use]
    pub fn new(
        file: impl Into<PathBuf>,
        range: std::ops::Range<usize>,
        original: impl Into<String>,
        replacement: impl Into<String>,
        (line, column): (usize, usize),
    ) -> Fix {
        Fix {
            file: file.into(),
            range,
            original: original.into(),
            replacement: replacement.into(),
            line,
            column,
        }
    }
}

impl Report {
    /// How many diagnostics have `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Whether any diagnostic is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The diagnostics with `code`.
    pub fn with_code(&self, code: Code) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }

    /// How many files were skipped.
    #[must_use]
    pub fn files_skipped(&self) -> usize {
        self.skipped.len()
    }

    /// Adds another report's files and diagnostics to this one.
    pub fn merge(&mut self, other: Report) {
        self.on = self.on.or(other.on);
        self.files_read += other.files_read;
        self.skipped.extend(other.skipped);
        self.diagnostics.extend(other.diagnostics);
        self.fixed.extend(other.fixed);
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

/// `{"file", "line", "message"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Related {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("Related", 3)?;
        m.serialize_field("file", &self.file.display().to_string())?;
        m.serialize_field("line", &self.line())?;
        m.serialize_field("message", &self.message)?;
        m.end()
    }
}

/// `{"file", "line", "column", "code", "severity", "message", "help", "location",
/// "alternatives", "related"}` (`file` is `""` for a finding in no file; `location` is the key
/// path as text).
#[cfg(feature = "serde")]
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("Diagnostic", 10)?;
        m.serialize_field("file", &self.file_or_empty().display().to_string())?;
        m.serialize_field("line", &self.line())?;
        m.serialize_field("column", &self.column())?;
        m.serialize_field("code", &self.code)?;
        m.serialize_field("severity", &self.severity)?;
        m.serialize_field("message", &self.message)?;
        m.serialize_field("help", &self.help)?;
        m.serialize_field("location", &self.key.to_string())?;
        m.serialize_field("alternatives", &self.alternatives)?;
        m.serialize_field("related", &self.related)?;
        m.end()
    }
}

/// `{"file", "reason"}`.
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
/// "files_read", "files_skipped", "skipped"}`, paths as stored (the JSON renderer makes them
/// relative).
#[cfg(feature = "serde")]
impl serde::Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("Report", 8)?;
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
