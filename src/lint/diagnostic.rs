//! One finding ([`Diagnostic`]) and the findings of a plan ([`Report`]).

use std::fmt;

use super::code::{Code, Severity};

/// One finding.
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
/// assert_eq!(d.location, "compute[0].size");
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
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Where in the plan (`compute[0].size`).
    pub location: String,
    /// Suggested replacements (sizes, targets), best first.
    pub alternatives: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic with `code`'s severity, no help and no alternatives.
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
    pub fn new(code: Code, message: impl Into<String>, location: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            help: None,
            location: location.into(),
            alternatives: Vec::new(),
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
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {} (at {})",
            self.severity, self.code, self.message, self.location
        )
    }
}

/// All diagnostics of a plan, in plan order.
///
/// ```
/// use aml_targets::{Date, Plan, Severity, validate};
///
/// let report = validate(&Plan::default(), "2026-11-27".parse::<Date>()?);
/// assert!(!report.has_errors());
/// assert_eq!(report.count(Severity::Warning), 0);
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Report {
    /// The diagnostics.
    pub diagnostics: Vec<Diagnostic>,
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
}

/// `{"code", "severity", "message", "help", "location", "alternatives"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("Diagnostic", 6)?;
        m.serialize_field("code", &self.code)?;
        m.serialize_field("severity", &self.severity)?;
        m.serialize_field("message", &self.message)?;
        m.serialize_field("help", &self.help)?;
        m.serialize_field("location", &self.location)?;
        m.serialize_field("alternatives", &self.alternatives)?;
        m.end()
    }
}

/// `{"diagnostics", "errors", "warnings", "notes"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("Report", 4)?;
        m.serialize_field("diagnostics", &self.diagnostics)?;
        m.serialize_field("errors", &self.count(Severity::Error))?;
        m.serialize_field("warnings", &self.count(Severity::Warning))?;
        m.serialize_field("notes", &self.count(Severity::Note))?;
        m.end()
    }
}
