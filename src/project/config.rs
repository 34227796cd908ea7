//! A team's configuration: `aml.toml`, `.aml.toml` or the `[tool.aml]` table of
//! `pyproject.toml`, found in a folder or the nearest of its parents.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::lint::{Code, Level, Levels, Report};
use crate::project::ReadOptions;
use crate::project::globs::Globs;

/// The files a configuration is read from, in the order they are looked for in each folder.
pub const CONFIG_FILES: [&str; 3] = ["aml.toml", ".aml.toml", "pyproject.toml"];

/// A configuration file, read.
///
/// ```
/// use aml_targets::project::Config;
/// use aml_targets::lint::Level;
/// use aml_targets::Code;
///
/// let text = r#"
/// on = 2026-12-01
/// exclude = ["docs/archive"]
/// include = ["*.md"]
/// computes = "ci/computes.json"
///
/// [severity]
/// retired-size-mention = "allow"
///
/// [per-file-ignores]
/// "infra/*.json" = ["retired-series"]
/// "#;
/// let config = Config::parse(text, "/repo/aml.toml".as_ref())?;
/// assert_eq!(config.on.unwrap().to_string(), "2026-12-01");
/// assert_eq!(config.computes.as_deref(), Some("/repo/ci/computes.json".as_ref()));
/// assert_eq!(config.levels.get(Code::RetiredSizeMention), Some(Level::Allow));
///
/// let unknown = Config::parse("exclud = []", "/repo/aml.toml".as_ref()).unwrap_err();
/// assert!(unknown.to_string().contains("unknown field `exclud`"), "{unknown}");
/// # Ok::<(), aml_targets::project::ConfigError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Config {
    /// The file read.
    pub file: PathBuf,
    /// The date to check for (`on`).
    pub on: Option<Date>,
    /// Folder names or globs not to read, added to the defaults (`exclude`).
    pub exclude: Vec<String>,
    /// Globs of files to read too (`include`, e.g. `*.md`).
    pub include: Vec<String>,
    /// What `az ml compute list -o json` prints (`computes`), relative to the file's folder.
    pub computes: Option<PathBuf>,
    /// What `az ml compute list-usage -o json` prints (`usage`).
    pub usage: Option<PathBuf>,
    /// The region's `az ml compute list-sizes -o json` (`catalog`).
    pub catalog: Option<PathBuf>,
    /// The `[severity]` table: a level per code.
    pub levels: Levels,
    /// The `[per-file-ignores]` table: a glob and the codes not reported in the files it
    /// matches (for file kinds without comments, such as ARM JSON).
    pub per_file_ignores: Vec<(String, Vec<Code>)>,
}

/// The most globs a configuration may hold (`exclude`, `include` and `per-file-ignores`
/// together): each is compiled and kept, and a pull request can write the file.
pub(crate) const MAX_GLOBS: usize = 1_000;

/// Why a configuration file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file cannot be read.
    #[error("{}: {message}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The file is not TOML, or has a key or value the configuration does not have.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, naming the key.
        message: String,
    },
}

/// The file's keys, exactly.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    on: Option<toml::Value>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    include: Vec<String>,
    computes: Option<PathBuf>,
    usage: Option<PathBuf>,
    catalog: Option<PathBuf>,
    #[serde(default)]
    severity: BTreeMap<Code, Level>,
    #[serde(default)]
    per_file_ignores: BTreeMap<String, Vec<Code>>,
}

impl Config {
    /// The configuration that applies in `dir`: the first of [`CONFIG_FILES`] found in `dir`
    /// or the nearest of its parents (a `pyproject.toml` counts only with a `[tool.aml]`
    /// table). `Ok(None)` when there is none.
    ///
    /// # Errors
    ///
    /// [`ConfigError`] when the file found cannot be read or is invalid.
    pub fn discover(dir: &Path) -> Result<Option<Config>, ConfigError> {
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
        for folder in dir.ancestors() {
            for name in CONFIG_FILES {
                let path = folder.join(name);
                // Present but not a regular file (a FIFO, a link out of place): an error
                // from the guard, not a file passed over.
                if !path.exists() {
                    continue;
                }
                let text = read(&path)?;
                if name == "pyproject.toml" && !has_tool_aml(&text) {
                    continue;
                }
                return Config::parse(&text, &path).map(Some);
            }
        }
        Ok(None)
    }

    /// Reads the configuration file `path` (`--config FILE`).
    ///
    /// # Errors
    ///
    /// [`ConfigError`] when it cannot be read or is invalid.
    pub fn read(path: &Path) -> Result<Config, ConfigError> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        Config::parse(&read(&path)?, &path)
    }

    /// Reads a configuration from `text`, the contents of `path`: a `pyproject.toml` (by its
    /// name) is read from its `[tool.aml]` table, any other file whole. Paths in it are
    /// relative to `path`'s folder.
    ///
    /// # Errors
    ///
    /// [`ConfigError::Invalid`] naming the key or value that is wrong.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_owned(),
            message: crate::text::shorten(&message),
        };
        let raw: Raw = if path.file_name().is_some_and(|n| n == "pyproject.toml") {
            let mut table: toml::Table =
                toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
            let aml = table
                .remove("tool")
                .and_then(|tool| match tool {
                    toml::Value::Table(mut tool) => tool.remove("aml"),
                    _ => None,
                })
                .unwrap_or_else(|| toml::Value::Table(toml::Table::new()));
            Raw::deserialize_from(aml).map_err(|e| invalid(format!("[tool.aml]: {e}")))?
        } else {
            toml::from_str(text).map_err(|e| invalid(e.to_string()))?
        };
        let on = match raw.on {
            None => None,
            Some(toml::Value::Datetime(d)) => Some(d.to_string()),
            Some(toml::Value::String(s)) => Some(s),
            Some(other) => {
                return Err(invalid(format!(
                    "`on` is a date (on = 2026-12-01), not {}",
                    other.type_str()
                )));
            }
        }
        .map(|s| s.parse::<Date>().map_err(|e| invalid(format!("`on`: {e}"))))
        .transpose()?;
        let folder = path.parent().unwrap_or(Path::new(""));
        let beside = |p: Option<PathBuf>| p.map(|p| folder.join(p));
        let globs = raw.exclude.len() + raw.include.len() + raw.per_file_ignores.len();
        if globs > MAX_GLOBS {
            return Err(invalid(format!(
                "`exclude`, `include` and `per-file-ignores` hold {globs} globs; at most {MAX_GLOBS} (each is compiled and kept)"
            )));
        }
        for glob in raw
            .exclude
            .iter()
            .chain(&raw.include)
            .chain(raw.per_file_ignores.keys())
        {
            Globs::new(std::slice::from_ref(glob)).map_err(invalid)?;
        }
        let mut levels = Levels::default();
        for (code, level) in raw.severity {
            levels.set(code, level);
        }
        Ok(Config {
            file: path.to_owned(),
            on,
            exclude: raw.exclude,
            include: raw.include,
            computes: beside(raw.computes),
            usage: beside(raw.usage),
            catalog: beside(raw.catalog),
            levels,
            per_file_ignores: raw.per_file_ignores.into_iter().collect(),
        })
    }

    /// The read options the configuration asks for: its excludes and includes.
    #[must_use]
    pub fn read_options(&self) -> ReadOptions {
        let mut options = ReadOptions::default();
        for glob in &self.include {
            options = options.include(glob);
        }
        for glob in &self.exclude {
            options = options.exclude(glob);
        }
        options
    }

    /// Applies the per-file ignores, then the `[severity]` levels, to `report`.
    pub fn apply(&self, report: &mut Report) {
        // The globs compiled (checked when the file was read).
        let ignores: Vec<(Globs, &[Code])> = self
            .per_file_ignores
            .iter()
            .filter_map(|(glob, codes)| {
                Some((
                    Globs::new(std::slice::from_ref(glob)).ok()?,
                    codes.as_slice(),
                ))
            })
            .collect();
        if !ignores.is_empty() {
            report.diagnostics.retain(|d| {
                !ignores
                    .iter()
                    .any(|(glob, codes)| codes.contains(&d.code) && glob.matches(d.file_or_empty()))
            });
        }
        self.levels.apply(report);
    }
}

impl Raw {
    fn deserialize_from(value: toml::Value) -> Result<Raw, toml::de::Error> {
        use serde::Deserialize as _;
        Raw::deserialize(value)
    }
}

/// Whether a `pyproject.toml` has a `[tool.aml]` table (or `tool.aml` keys).
fn has_tool_aml(text: &str) -> bool {
    toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| t.get("tool").and_then(|tool| tool.get("aml")).cloned())
        .is_some()
        // A pyproject that is not TOML is an error only if it is ours.
        || text.contains("[tool.aml")
}

fn read(path: &Path) -> Result<String, ConfigError> {
    crate::guard::read_text(
        path,
        &crate::guard::Scope::new([path]),
        crate::guard::FILE_LIMIT,
    )
    .map_err(|e| ConfigError::Read {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// The commented starter file `aml init` writes.
pub const STARTER: &str = r#"# aml-targets configuration: `aml check` reads it from this folder or the nearest parent.
# Every key is optional; command-line options override them. Codes: `aml explain --all`.

# The date to check for (default: today).
# on = 2026-12-01

# Folders or globs not to read, besides .git, .venv, venv, node_modules, __pycache__,
# .ipynb_checkpoints, .tox, .mypy_cache, target and what .gitignore says.
# exclude = ["docs/archive", "tests/fixtures/**"]

# Files to read too (Markdown is not read by default).
# include = ["*.md"]

# What `az ml compute list -o json`, `az ml compute list-usage -o json` and
# `az ml compute list-sizes -o json` print, relative to this file.
# computes = "ci/computes.json"
# usage = "ci/usage.json"
# catalog = "ci/sizes.json"

# A level per code: allow, note, warning or error.
[severity]
# retired-size-mention = "allow"

# Codes not reported in the files a glob matches (for files without comments, such as ARM
# JSON; elsewhere prefer `# aml: ignore[CODE] reason` on the line).
[per-file-ignores]
# "infra/legacy/*.json" = ["retired-series"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_are_bounded() {
        let list = |n: usize| {
            let globs: Vec<String> = (0..n).map(|i| format!("\"d{i}/**\"")).collect();
            format!("exclude = [{}]\n", globs.join(", "))
        };
        let path = Path::new("/repo/aml.toml");
        assert_eq!(
            Config::parse(&list(MAX_GLOBS), path).unwrap().exclude.len(),
            MAX_GLOBS
        );
        let err = Config::parse(&list(50_000), path).unwrap_err().to_string();
        assert!(err.contains("hold 50000 globs; at most 1000"), "{err}");
    }

    #[test]
    fn the_starter_file_is_a_valid_empty_configuration() {
        let config = Config::parse(STARTER, Path::new("/repo/aml.toml")).unwrap();
        assert_eq!(
            config,
            Config {
                file: "/repo/aml.toml".into(),
                ..Config::default()
            }
        );
        // Uncommented, every key reads.
        let mut all = String::new();
        for line in STARTER.lines() {
            let line = line
                .strip_prefix("# ")
                .filter(|l| l.contains(" = "))
                .unwrap_or(line);
            all.push_str(line);
            all.push('\n');
        }
        let config = Config::parse(&all, Path::new("/repo/aml.toml")).unwrap();
        assert_eq!(config.on.unwrap().to_string(), "2026-12-01");
        assert_eq!(config.exclude, ["docs/archive", "tests/fixtures/**"]);
        assert_eq!(config.catalog, Some("/repo/ci/sizes.json".into()));
        assert_eq!(config.per_file_ignores.len(), 1);
    }

    #[test]
    fn bad_values_name_the_key() {
        let path = Path::new("/repo/aml.toml");
        for (text, says) in [
            ("on = 5", "`on` is a date"),
            ("on = \"2026-02-30\"", "`on`"),
            ("[severity]\nretired-series = \"loud\"", "loud"),
            ("[severity]\nno-such-code = \"allow\"", "no-such-code"),
            ("[per-file-ignores]\n\"*.json\" = [\"nope\"]", "nope"),
            ("exclude = \"venv\"", "exclude"),
            ("[tool]\nx = 1", "unknown field `tool`"),
        ] {
            let e = Config::parse(text, path).unwrap_err().to_string();
            assert!(e.starts_with("/repo/aml.toml: "), "{e}");
            assert!(e.contains(says), "{text}: {e}");
        }
        let e = Config::parse(
            "[tool.aml]\nexclud = []\n",
            Path::new("/repo/pyproject.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("[tool.aml]") && e.contains("exclud"), "{e}");
    }
}
