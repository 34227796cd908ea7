//! Globs as `--include`, `--exclude`, `exclude` and `[per-file-ignores]` write them, with
//! globset's full syntax (`*`, `**`, `?`, `[..]`, `{a,b}`): a glob without `/` matches a
//! file or folder name, one with `/` a path (anywhere in it: `docs/archive` matches
//! `repo/docs/archive`); `*` does not cross `/`.

use std::path::Path;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// A compiled list of globs.
#[derive(Debug, Clone)]
pub(crate) struct Globs {
    names: GlobSet,
    paths: GlobSet,
    empty: bool,
}

impl Globs {
    /// Compiles `globs`.
    ///
    /// # Errors
    ///
    /// The first glob that does not compile, with globset's reason.
    pub(crate) fn new(globs: &[String]) -> Result<Globs, String> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for glob in globs {
            let g = glob.trim_start_matches("./");
            let compile = |pattern: &str| {
                GlobBuilder::new(pattern)
                    .literal_separator(true)
                    .backslash_escape(true)
                    .build()
                    .map_err(|e| format!("invalid glob `{glob}`: {}", e.kind()))
            };
            if g.contains('/') {
                paths.add(compile(g)?);
                paths.add(compile(&format!("**/{g}"))?);
            } else {
                names.add(compile(g)?);
            }
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| e.to_string());
        Ok(Globs {
            names: build(names)?,
            paths: build(paths)?,
            empty: globs.is_empty(),
        })
    }

    /// Whether any glob matches `path` (a `/`-separated path as shown, or its name).
    pub(crate) fn matches(&self, path: &Path) -> bool {
        if self.empty {
            return false;
        }
        let text = path.to_string_lossy().replace('\\', "/");
        let text = text.trim_start_matches("./");
        let name = text.rsplit('/').find(|n| !n.is_empty()).unwrap_or("");
        self.names.is_match(name) || self.paths.is_match(text)
    }

    /// Whether a folder is matched: by a glob for it (`venv`, `docs/archive`, `venv/`) or for
    /// everything under it (`docs/archive/**`).
    pub(crate) fn matches_folder(&self, dir: &Path) -> bool {
        if self.empty {
            return false;
        }
        let text = dir.to_string_lossy().replace('\\', "/");
        let text = text.trim_start_matches("./").trim_end_matches('/');
        let name = text.rsplit('/').next().unwrap_or("");
        self.names.is_match(name)
            || self.paths.is_match(text)
            || self.paths.is_match(format!("{text}/"))
            || self.paths.is_match(format!("{text}/x"))
                && self.paths.is_match(format!("{text}/x/y"))
                && self.paths.is_match(format!("{text}/.x"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn globs(g: &[&str]) -> Globs {
        Globs::new(&g.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn names_paths_and_full_syntax() {
        let g = globs(&["*.md", "docs/archive", "{build,dist}", "data/[ab]?.yml"]);
        assert!(g.matches(Path::new("README.md")));
        assert!(g.matches(Path::new("sub/notes.md")));
        assert!(g.matches(Path::new("docs/archive")));
        assert!(g.matches(Path::new("repo/docs/archive")));
        assert!(g.matches(Path::new("./dist")));
        assert!(g.matches(Path::new("data/a1.yml")));
        assert!(!g.matches(Path::new("data/c1.yml")));
        assert!(!g.matches(Path::new("docs/archive.yml")));
        // `*` stays in a folder.
        let g = globs(&["jobs/*.yml"]);
        assert!(g.matches(Path::new("jobs/a.yml")) && !g.matches(Path::new("jobs/x/a.yml")));
        assert!(
            Globs::new(&["[abc".to_owned()])
                .unwrap_err()
                .contains("[abc")
        );
    }

    #[test]
    fn folders() {
        let g = globs(&["venv", "docs/archive/**", "out/"]);
        assert!(g.matches_folder(Path::new("venv")));
        assert!(g.matches_folder(Path::new("a/venv")));
        assert!(g.matches_folder(Path::new("docs/archive")));
        assert!(g.matches_folder(Path::new("out")));
        assert!(!g.matches_folder(Path::new("docs")));
        // A glob for some files under a folder does not exclude the folder.
        let g = globs(&["docs/*.yml"]);
        assert!(!g.matches_folder(Path::new("docs")));
    }
}
