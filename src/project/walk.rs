//! The tree walk: which files of the given paths are read, each once.
//!
//! Directories are walked in name order without recursion; `.git`, `target`,
//! `node_modules` and hidden folders other than `.github` are not entered. A symbolic link is
//! followed only when it leads to a place inside one of the given paths that the walk has not
//! seen yet (no loops, no escape to `/`). Only regular files are read; FIFOs, sockets and
//! devices are skipped unopened, as are files above the size limit. Paths given twice, or
//! nested in each other, are read once.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::lint::{SkipReason, SkippedFile};

/// Largest file read, in bytes (real Azure ML files are a few kilobytes).
pub(crate) const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A file found by the walk: the path as shown, and where to read it.
pub(crate) struct Found {
    pub(crate) path: PathBuf,
    real: PathBuf,
}

impl Found {
    /// The file's text, or why it was not read. Files are read one at a time, as they are
    /// checked, so a large tree is never all in memory.
    pub(crate) fn read(&self) -> Result<String, SkipReason> {
        let bytes = read_limited(&self.real).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
        String::from_utf8(bytes).map_err(|_| SkipReason::NotUtf8)
    }
}

/// What a walk found and skipped.
#[derive(Default)]
pub(crate) struct Walked {
    pub(crate) files: Vec<Found>,
    pub(crate) skipped: Vec<SkippedFile>,
}

/// Folders never entered.
fn ignored_dir(name: &str) -> bool {
    matches!(name, ".git" | "target" | "node_modules")
        || (name.starts_with('.') && name != ".github")
}

/// `./a/b` → `a/b`, so reports show paths as users write them.
fn tidy(path: &Path) -> PathBuf {
    let tidy: PathBuf = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    if tidy.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        tidy
    }
}

/// Walks `roots`, finding every file `wanted` accepts (files named explicitly that it does
/// not accept are listed as skipped; those met in directories are not).
///
/// # Errors
///
/// A root that does not exist or cannot be read, with the error.
pub(crate) fn walk(
    roots: &[PathBuf],
    wanted: impl Fn(&Path) -> bool,
) -> Result<Walked, (PathBuf, std::io::Error)> {
    let mut out = Walked::default();
    // Canonical roots bound where symbolic links may lead.
    let mut canonical_roots = Vec::new();
    for root in roots {
        let canonical = std::fs::canonicalize(root).map_err(|e| (root.clone(), e))?;
        canonical_roots.push(canonical);
    }
    let inside = |p: &Path| canonical_roots.iter().any(|r| p.starts_with(r));
    let mut seen: HashSet<PathBuf> = HashSet::new();
    for (root, canonical) in roots.iter().zip(&canonical_roots) {
        // (shown path, canonical path, explicitly named)
        let mut stack: Vec<(PathBuf, PathBuf, bool)> = vec![(tidy(root), canonical.clone(), true)];
        while let Some((shown, real, explicit)) = stack.pop() {
            if !seen.insert(real.clone()) {
                continue;
            }
            let meta = match std::fs::metadata(&real) {
                Ok(m) => m,
                Err(e) => {
                    out.skipped.push(SkippedFile::new(
                        shown,
                        SkipReason::Unreadable(e.to_string()),
                    ));
                    continue;
                }
            };
            if meta.is_dir() {
                let entries = match std::fs::read_dir(&real) {
                    Ok(entries) => entries,
                    Err(e) if explicit => return Err((shown, e)),
                    Err(e) => {
                        out.skipped.push(SkippedFile::new(
                            shown,
                            SkipReason::Unreadable(e.to_string()),
                        ));
                        continue;
                    }
                };
                let mut children: Vec<(PathBuf, PathBuf)> = Vec::new();
                for entry in entries.flatten() {
                    let name = entry.file_name();
                    let child_shown = if shown == Path::new(".") {
                        PathBuf::from(&name)
                    } else {
                        shown.join(&name)
                    };
                    let Ok(kind) = entry.file_type() else {
                        continue;
                    };
                    if kind.is_dir() && ignored_dir(&name.to_string_lossy()) {
                        continue;
                    }
                    let child_real = real.join(&name);
                    if kind.is_symlink() {
                        match std::fs::canonicalize(&child_real) {
                            Ok(target) if inside(&target) && !seen.contains(&target) => {
                                let is_dir = target.is_dir();
                                if is_dir || wanted(&child_shown) {
                                    children.push((child_shown, target));
                                }
                            }
                            Ok(target) if seen.contains(&target) => {}
                            _ => {
                                if wanted(&child_shown) || child_real.is_dir() {
                                    out.skipped
                                        .push(SkippedFile::new(child_shown, SkipReason::Symlink));
                                }
                            }
                        }
                    } else if kind.is_dir() || wanted(&child_shown) {
                        children.push((child_shown, child_real));
                    }
                }
                // Popped from the end: push in reverse name order to read in name order.
                children.sort_by(|a, b| b.0.cmp(&a.0));
                stack.extend(children.into_iter().map(|(s, r)| (s, r, false)));
                continue;
            }
            if explicit && !wanted(&shown) {
                out.skipped
                    .push(SkippedFile::new(shown, SkipReason::NotChecked));
                continue;
            }
            if !meta.is_file() {
                out.skipped
                    .push(SkippedFile::new(shown, SkipReason::NotRegularFile));
                continue;
            }
            if meta.len() > MAX_FILE_BYTES {
                out.skipped.push(SkippedFile::new(
                    shown,
                    SkipReason::TooLarge {
                        bytes: meta.len(),
                        limit: MAX_FILE_BYTES,
                    },
                ));
                continue;
            }
            out.files.push(Found { path: shown, real });
        }
    }
    Ok(out)
}

/// Reads at most [`MAX_FILE_BYTES`] (the file may grow between the check and the read).
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES).read_to_end(&mut bytes)?;
    Ok(bytes)
}
