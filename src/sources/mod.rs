//! Readers that turn what a repository holds into the crate's model, each finding with its
//! file, line and key: Azure ML YAML, size mentions in any text, `az ml compute create` in
//! scripts, `az` JSON outputs, and the tree walk that finds them.

use std::path::PathBuf;

use crate::ComputeDef;

#[cfg(feature = "json")]
pub(crate) mod az;
#[cfg(feature = "yaml")]
pub(crate) mod azureml;
pub(crate) mod mentions;
pub(crate) mod notebook;
#[cfg(feature = "yaml")]
pub(crate) mod shell;
#[cfg(feature = "yaml")]
pub(crate) mod walk;
#[cfg(feature = "yaml")]
pub(crate) mod yaml;

/// A compute defined outside the Azure ML YAML files: listed by `az ml compute list`
/// ([`computes_from_json`](crate::computes_from_json)), or created by `az ml compute create`
/// in a script.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DefinedCompute {
    /// The compute.
    pub compute: ComputeDef,
    /// Where it is defined.
    pub file: PathBuf,
    /// The line (from 1), where known.
    pub line: Option<usize>,
}

impl DefinedCompute {
    /// A compute defined in `file` at `line`.
    #[must_use]
    pub fn new(compute: ComputeDef, file: impl Into<PathBuf>, line: Option<usize>) -> Self {
        DefinedCompute {
            compute,
            file: file.into(),
            line,
        }
    }
}
