//! Per-code levels: what a team's configuration (`[severity]`) and `--allow`, `--warn`,
//! `--deny` make of each code.

use std::collections::BTreeMap;

use super::code::{Code, Severity};
use super::diagnostic::Report;

crate::macros::name_enum! {
/// What a code is made: not reported, or reported at a severity.
///
/// ```
/// use aml_targets::lint::Level;
/// use aml_targets::Severity;
///
/// assert_eq!("allow".parse::<Level>()?.severity(), None);
/// assert_eq!(Level::Warning.severity(), Some(Severity::Warning));
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
pub enum Level ("level") {
    /// Not reported.
    #[strum(to_string = "allow")]
    Allow,
    /// Reported as a note.
    #[strum(to_string = "note")]
    Note,
    /// Reported as a warning.
    #[strum(to_string = "warning")]
    Warning,
    /// Reported as an error.
    #[strum(to_string = "error")]
    Error,
}
}

impl Level {
    /// The severity diagnostics get, or `None` for [`Level::Allow`].
    #[must_use]
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Note => Some(Severity::Note),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// A level per code; codes not set keep the registry's severity.
///
/// ```
/// # #[cfg(feature = "yaml")] {
/// use aml_targets::lint::{Level, Levels};
/// use aml_targets::{AzureMlProject, Code, Severity};
///
/// let script = "az ml compute create -n gpu --type amlcompute --size Standard_NC6\n";
/// let mut report = AzureMlProject::from_sources([("make.sh", script)]).check("2026-12-07".parse()?);
/// assert_eq!(report.diagnostics[0].severity, Severity::Error);
///
/// let mut levels = Levels::default();
/// levels.set(Code::RetiredSeries, Level::Warning);
/// levels.apply(&mut report);
/// assert_eq!(report.diagnostics[0].severity, Severity::Warning);
///
/// levels.set(Code::RetiredSeries, Level::Allow);
/// levels.apply(&mut report);
/// assert!(report.diagnostics.is_empty());
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Levels {
    by_code: BTreeMap<Code, Level>,
}

impl Levels {
    /// Sets `code`'s level (a later call for the same code wins).
    pub fn set(&mut self, code: Code, level: Level) {
        self.by_code.insert(code, level);
    }

    /// The level set for `code`, if any.
    #[must_use]
    pub fn get(&self, code: Code) -> Option<Level> {
        self.by_code.get(&code).copied()
    }

    /// Whether no code has a level set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }

    /// Drops the diagnostics of allowed codes and gives the others their code's level.
    pub fn apply(&self, report: &mut Report) {
        if self.by_code.is_empty() {
            return;
        }
        report.diagnostics.retain_mut(|d| match self.get(d.code) {
            None => true,
            Some(level) => match level.severity() {
                None => false,
                Some(severity) => {
                    d.severity = severity;
                    true
                }
            },
        });
    }
}
