//! Repositories: the walk that finds files, and the readers that turn what a repository holds
//! into the crate's model, each finding with its file, line and key — Azure ML CLI v2 YAML
//! (with the crate's own port of PyYAML's loader, as the Azure ML CLI loads it), VM size
//! names mentioned in any text, `az ml compute create` in scripts, and `az` JSON outputs.
//!
//! Start with `AzureMlProject::read_paths` then `AzureMlProject::check` (feature `yaml`):
//! a tree in, a [`Report`](crate::lint::Report) out. [`size_mentions`] finds
//! size names in one text with no catalog and no date.

use std::path::PathBuf;

use crate::plan::ComputeDef;

#[cfg(feature = "json")]
mod az;
#[cfg(feature = "yaml")]
mod azureml;
#[cfg(all(feature = "toml", feature = "yaml"))]
mod config;
#[cfg(feature = "yaml")]
mod fix;
#[cfg(feature = "yaml")]
mod globs;
#[cfg(feature = "yaml")]
mod ignores;
mod mentions;
mod notebook;
#[cfg(feature = "yaml")]
mod shell;
#[cfg(feature = "yaml")]
mod walk;
#[cfg(feature = "yaml")]
mod yaml;

#[cfg(feature = "json")]
pub use az::{ComputeListError, computes_from_json};
#[cfg(feature = "yaml")]
pub use azureml::{
    AzureMlDocument, AzureMlFile, AzureMlKind, AzureMlProject, ComputeYaml, DeploymentYaml,
    EnvironmentYaml, JobYaml, PipelineSettingsYaml, ReadError, ReadOptions, ResourcesYaml,
};
#[cfg(all(feature = "toml", feature = "yaml"))]
pub use config::{CONFIG_FILES, Config, ConfigError, STARTER};
#[cfg(feature = "yaml")]
pub use fix::{FileFixes, Fixes, Unfixed, apply, fixes, unified_diff, write_fixed};
pub use mentions::{NOT_VM_SIZES, SizeMention, TextKind, size_mentions};
#[cfg(feature = "yaml")]
pub use walk::DEFAULT_EXCLUDES;

/// A compute defined outside the Azure ML YAML files: listed by `az ml compute list`
/// (`computes_from_json`, feature `json`), or created by `az ml compute create`
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
