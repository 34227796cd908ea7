//! Plan files: TOML and JSON readers with the path of every bad value, and where each value
//! is (line and column) for diagnostics.

use std::path::Path;

use super::Plan;

/// Why a plan file cannot be read: the path of the offending value and what is wrong.
///
/// ```
/// # #[cfg(feature = "json")] {
/// let err = aml_targets::Plan::from_json(r#"{"jobs": [{"name": "a", "target": "x"},
///     {"name": "b", "target": 3}]}"#).unwrap_err();
/// assert_eq!(err.path(), "jobs[1].target");
/// assert!(err.to_string().starts_with("jobs[1].target: invalid type: integer `3`"));
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", if path.is_empty() || path == "." { String::new() } else { format!("{path}: ") })]
pub struct PlanError {
    path: String,
    message: String,
}

impl PlanError {
    /// The path of the offending value (`jobs[2].target`), or `""` for the whole file.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong (with the line and column where the parser gives them).
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

#[cfg(any(feature = "json", feature = "toml"))]
fn path_error<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> PlanError {
    let path = e.path().to_string();
    PlanError {
        path: if path == "." { String::new() } else { path },
        message: crate::text::shorten(e.into_inner().to_string().trim_end()),
    }
}

impl Plan {
    /// Reads a plan written in JSON.
    ///
    /// # Errors
    ///
    /// [`PlanError`] naming the path of the bad value.
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let plan: Plan = serde_path_to_error::deserialize(&mut de).map_err(path_error)?;
        de.end().map_err(|e| PlanError {
            path: String::new(),
            message: crate::text::shorten(&e.to_string()),
        })?;
        Ok(plan)
    }

    /// Reads a plan written in TOML.
    ///
    /// # Errors
    ///
    /// [`PlanError`] naming the path of the bad value (and the line, for syntax errors).
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Plan, PlanError> {
        let de = toml::Deserializer::parse(text).map_err(|e| PlanError {
            path: String::new(),
            message: crate::text::shorten(e.to_string().trim_end()),
        })?;
        serde_path_to_error::deserialize(de).map_err(path_error)
    }

    /// Where each value of a TOML plan is, for diagnostics with a line and column: the key
    /// `size` of the second `[[compute]]` is `compute[1].size`. Best effort: text that does
    /// not parse gives an empty index.
    ///
    /// ```
    /// use aml_targets::Plan;
    ///
    /// let text = "[[compute]]\nname = \"a\"\nkind = \"compute-cluster\"\n\n[[compute]]\nname = \"b\"\nkind = \"compute-cluster\"\nsize = \"Standard_NC6\"\n";
    /// let at = Plan::toml_locations(text);
    /// assert_eq!(at.find("compute[1].size"), Some((8, 1)));
    /// assert_eq!(at.find("compute[1]"), Some((5, 1)));
    /// // A path with no key of its own falls back to the nearest one that has.
    /// assert_eq!(at.find("compute[1].max_instances"), Some((5, 1)));
    /// ```
    #[cfg(feature = "toml")]
    #[must_use]
    pub fn toml_locations(text: &str) -> PlanLocations {
        let mut spots = std::collections::HashMap::new();
        if let Ok(table) = toml::de::DeTable::parse(text) {
            let lines = LineIndex::new(text);
            walk_toml(table.get_ref(), "", &lines, &mut spots);
        }
        PlanLocations { spots }
    }

    /// A value a plan built in code may hold that no plan file can (JSON writes NaN as
    /// `null`, TOML as `nan`, and neither reads back as a quantity).
    #[cfg(any(feature = "json", feature = "toml"))]
    fn check_writable(&self) -> Result<(), PlanError> {
        for (i, d) in self.deployments.iter().enumerate() {
            for (field, v) in [
                ("model_size_gb", d.model_size_gb),
                ("model_ram_gb", d.model_ram_gb),
            ] {
                if let Some(x) = v.filter(|x| !x.is_finite() || *x < 0.0) {
                    return Err(PlanError {
                        path: format!("deployments[{i}].{field}"),
                        message: format!(
                            "{x} has no place in a plan file: expected a finite number, 0 or more"
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    /// Writes the plan as pretty JSON.
    ///
    /// # Errors
    ///
    /// When a value has no place in a plan file (a negative or non-finite quantity), naming
    /// it.
    #[cfg(feature = "json")]
    pub fn to_json(&self) -> Result<String, PlanError> {
        self.check_writable()?;
        serde_json::to_string_pretty(self).map_err(|e| PlanError {
            path: String::new(),
            message: crate::text::shorten(&e.to_string()),
        })
    }

    /// Writes the plan as TOML.
    ///
    /// # Errors
    ///
    /// When a value has no place in a plan file (a negative or non-finite quantity), naming
    /// it, or no TOML form (an integer above `i64::MAX`).
    #[cfg(feature = "toml")]
    pub fn to_toml(&self) -> Result<String, PlanError> {
        self.check_writable()?;
        toml::to_string(self).map_err(|e| PlanError {
            path: String::new(),
            message: crate::text::shorten(&e.to_string()),
        })
    }
}

/// The line and column (from 1) of each value of a plan file, by its path (`compute[1].size`);
/// see `Plan::toml_locations` (feature `toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanLocations {
    spots: std::collections::HashMap<String, (usize, usize)>,
}

impl PlanLocations {
    /// Where the value at `path` is, or the nearest enclosing value that has a place
    /// (`compute[1]` for a key the table does not have).
    #[must_use]
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(&spot) = self.spots.get(path) {
                return Some(spot);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    /// How many values have a place.
    #[must_use]
    pub fn len(&self) -> usize {
        self.spots.len()
    }

    /// Whether none has.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spots.is_empty()
    }
}

/// Byte offset → line and column (from 1, columns in characters).
#[cfg(feature = "toml")]
struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

#[cfg(feature = "toml")]
impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

#[cfg(feature = "toml")]
fn walk_toml(
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    lines: &LineIndex<'_>,
    spots: &mut std::collections::HashMap<String, (usize, usize)>,
) {
    use toml::de::DeValue;
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        spots.insert(path.clone(), lines.at(key.span().start));
        match value.get_ref() {
            DeValue::Table(inner) => walk_toml(inner, &path, lines, spots),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let at = format!("{path}[{i}]");
                    spots.insert(at.clone(), lines.at(item.span().start));
                    if let DeValue::Table(inner) = item.get_ref() {
                        walk_toml(inner, &at, lines, spots);
                    }
                }
            }
            _ => {}
        }
    }
}

/// A plan read from a file, with where its values are (TOML only: JSON gives no places).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct PlanFile {
    /// The plan.
    pub plan: Plan,
    /// Where each value is.
    pub locations: PlanLocations,
}

impl PlanFile {
    /// Reads a plan file: JSON when its name ends in `.json` (any case), TOML otherwise. The
    /// file is read through [`guard`](crate::guard): a link out of the current directory, a
    /// device, a FIFO or a file over [`NAMED_LIMIT`](crate::guard::NAMED_LIMIT) is refused.
    ///
    /// # Errors
    ///
    /// [`PlanError`] when the file is refused, is not a plan (naming the path of the bad
    /// value), or its format's feature (`json`, `toml`) is off.
    #[cfg(any(feature = "json", feature = "toml"))]
    pub fn read(path: &Path) -> Result<PlanFile, PlanError> {
        use crate::guard::{NAMED_LIMIT, Scope, read_text};
        let text = read_text(path, &Scope::new([path]), NAMED_LIMIT).map_err(|e| PlanError {
            path: String::new(),
            message: e.to_string(),
        })?;
        PlanFile::parse(&text, PlanFile::is_json_name(path))
    }

    /// Reads a plan from `text`, in JSON when `json`, else in TOML.
    ///
    /// # Errors
    ///
    /// [`PlanError`] when the text is not a plan (naming the path of the bad value), or its
    /// format's feature (`json`, `toml`) is off.
    pub fn parse(text: &str, json: bool) -> Result<PlanFile, PlanError> {
        #[cfg(not(any(feature = "json", feature = "toml")))]
        let _ = text;
        if json {
            #[cfg(feature = "json")]
            return Plan::from_json(text).map(|plan| PlanFile {
                plan,
                locations: PlanLocations::default(),
            });
            #[cfg(not(feature = "json"))]
            return Err(feature_off("json"));
        }
        #[cfg(feature = "toml")]
        return Plan::from_toml(text).map(|plan| PlanFile {
            plan,
            locations: Plan::toml_locations(text),
        });
        #[cfg(not(feature = "toml"))]
        Err(feature_off("toml"))
    }

    /// Whether a file name says JSON (`.json`, any case).
    #[must_use]
    pub fn is_json_name(path: &Path) -> bool {
        path.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    }

    /// Whether a JSON text is a plan — an object whose keys are a plan's, or that has a plan's
    /// `compute`, `jobs` or `deployments` list beside other keys (a misspelt key, which the
    /// plan reader then names) — rather than an ARM template, a notebook or another JSON file
    /// of a repository (JSON with comments, an empty file or an array included).
    ///
    /// ```
    /// use aml_targets::plan::PlanFile;
    ///
    /// assert!(PlanFile::is_plan_json(r#"{"compute": []}"#));
    /// assert!(PlanFile::is_plan_json(r#"{"compute": [], "jobz": []}"#));
    /// assert!(!PlanFile::is_plan_json(r#"{"$schema": "https://schema.management.azure.com/"}"#));
    /// assert!(!PlanFile::is_plan_json("// editor settings\n{\"a\": 1}"));
    /// assert!(!PlanFile::is_plan_json(""));
    /// ```
    #[cfg(feature = "json")]
    #[must_use]
    pub fn is_plan_json(text: &str) -> bool {
        const KEYS: &[&str] = &[
            "edition",
            "view",
            "region",
            "compute",
            "jobs",
            "deployments",
        ];
        const LISTS: &[&str] = &["compute", "jobs", "deployments"];
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match serde_json::from_str::<serde_json::Value>(text) {
            // All a plan's keys, or a plan's list beside a misspelt key (which the plan
            // reader then names): not an ARM template (`$schema`) or a notebook (`cells`).
            Ok(serde_json::Value::Object(o)) => {
                (!o.is_empty() && o.keys().all(|k| KEYS.contains(&k.as_str())))
                    || (LISTS.iter().any(|k| o.contains_key(*k))
                        && !o.contains_key("$schema")
                        && !o.contains_key("cells"))
            }
            // Not JSON (comments, an empty file), an array, a scalar: a repository's file.
            _ => false,
        }
    }
}

/// The error of a plan format whose feature is off.
#[cfg(not(all(feature = "json", feature = "toml")))]
fn feature_off(feature: &str) -> PlanError {
    PlanError {
        path: String::new(),
        message: format!("reading this plan needs the `{feature}` feature"),
    }
}
