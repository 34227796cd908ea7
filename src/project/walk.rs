//! The tree walk: which files of the given paths are read, each once.
//!
//! Directories are walked in name order without recursion. Hidden folders are entered (Azure
//! DevOps pipelines live in `.azuredevops/` and `.pipelines/`); [`DEFAULT_EXCLUDES`] are
//! not, nor what `.gitignore`, `.ignore` and git's `info/exclude` ignore — whether or not the
//! tree is a git repository (`.gitignore` files of the folders between the git root and a
//! walked path count too). A symbolic link is
//! followed only when it leads to a place inside the [`Scope`] (the current directory and the
//! given paths) that the walk has not seen yet (no loops, no escape to `/`). Files are read
//! through [`guard`](crate::guard): only regular files, checked on the open handle, up to
//! the size limit. Paths given twice, or nested in each other, are read once.

use std::cell::Cell;
use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::guard::{FILE_LIMIT, Scope};
use crate::lint::{SkipReason, SkippedFile};

/// A file found by the walk: the path as shown, and where to read it.
pub(crate) struct Found {
    pub(crate) path: PathBuf,
    real: PathBuf,
    /// The file the walk saw there (inside the scope, links resolved).
    id: crate::guard::FileId,
    /// Named on the command line (not found in a directory).
    pub(crate) named: bool,
}

impl Found {
    /// The file's bytes into `bytes` (a buffer to reuse), or why it was not read. Files are read one at a time, as they are
    /// checked, so a large tree is never all in memory. The walk resolved the path inside
    /// the scope already: the open handle must be the very file it saw.
    pub(crate) fn read(&self, scope: &Scope, bytes: &mut Vec<u8>) -> Result<(), SkipReason> {
        crate::guard::read_seen(&self.real, self.id, scope, FILE_LIMIT, bytes)
            .map_err(SkipReason::from)
    }
}

/// Folders never entered: version control, virtual environments, caches, build output.
pub const DEFAULT_EXCLUDES: [&str; 9] = [
    ".git",
    ".venv",
    "venv",
    "node_modules",
    ".ipynb_checkpoints",
    "__pycache__",
    ".tox",
    ".mypy_cache",
    "target",
];

/// Folders never entered.
fn ignored_dir(name: &str) -> bool {
    DEFAULT_EXCLUDES.contains(&name)
}

/// The ignore files that apply in a folder, innermost last.
type Ignores = Arc<Vec<Gitignore>>;

/// `ignores` with the folder `dir`'s own `.gitignore` and `.ignore` (the latter wins), if it
/// has any: a missing or unreadable file adds nothing, and malformed lines are skipped, as
/// git skips them.
fn with_ignore_files(ignores: &Ignores, dir: &Path, budget: &Cell<u64>) -> Ignores {
    let files = [dir.join(".gitignore"), dir.join(".ignore")];
    let mut builder = GitignoreBuilder::new(dir);
    for file in &files {
        add_file(&mut builder, file, budget);
    }
    match builder.build() {
        Ok(matcher) if !matcher.is_empty() => {
            let mut chain = Vec::clone(ignores);
            chain.push(matcher);
            Arc::new(chain)
        }
        _ => Arc::clone(ignores),
    }
}

/// The most an ignore file may hold: each pattern is compiled and kept while its folder is
/// walked (about 9 KB for a `**` pattern), so a pull request's ignore files must not grow
/// memory without bound. Real ones are far smaller (the largest of 54 in 27 public Azure ML
/// repositories: 7.4 KB; all of them together: 77 KB).
const IGNORE_FILE_LIMIT: u64 = 64 << 10;
/// The most all of a walk's ignore files may hold together (see [`IGNORE_FILE_LIMIT`]).
const IGNORE_TOTAL_LIMIT: u64 = 256 << 10;

/// Adds an ignore file's patterns, read through [`guard`](crate::guard) like every file a pull
/// request could write: a link out of place, a FIFO, a device, a file over
/// [`IGNORE_FILE_LIMIT`] or past what is left of the walk's `budget` adds nothing (the
/// `ignore` crate's own reader would block on a FIFO or read `/dev/zero` forever). Lines that
/// are no pattern are skipped, as git skips them.
fn add_file(builder: &mut GitignoreBuilder, file: &Path, budget: &Cell<u64>) {
    let limit = IGNORE_FILE_LIMIT.min(budget.get());
    let Ok(text) = crate::guard::read_text(file, &Scope::new([file]), limit) else {
        return;
    };
    budget.set(budget.get().saturating_sub(text.len() as u64));
    for line in text.lines() {
        let _ = builder.add_line(Some(file.to_owned()), line);
    }
}

/// The ignore files above a walked root: git's `info/exclude` and the `.gitignore` files of
/// the folders from the git root down to the root's parent. None when the root is in no git
/// repository.
fn above(root: &Path, budget: &Cell<u64>) -> Ignores {
    let mut ignores: Ignores = Arc::new(Vec::new());
    let Some(git_root) = root
        .ancestors()
        .skip(1)
        .find(|d| d.join(".git").exists())
        .or_else(|| root.join(".git").exists().then_some(root))
    else {
        return ignores;
    };
    let exclude = git_root.join(".git/info/exclude");
    if exclude.is_file() {
        let mut builder = GitignoreBuilder::new(git_root);
        add_file(&mut builder, &exclude, budget);
        if let Ok(matcher) = builder.build() {
            ignores = Arc::new(vec![matcher]);
        }
    }
    let parents: Vec<&Path> = root
        .ancestors()
        .skip(1)
        .take_while(|d| d.starts_with(git_root))
        .collect();
    for dir in parents.into_iter().rev() {
        ignores = with_ignore_files(&ignores, dir, budget);
    }
    ignores
}

/// Whether the ignore files say `path` (real, absolute) is ignored: the innermost file that
/// has a say decides (a `!pattern` re-includes).
fn is_ignored(ignores: &Ignores, path: &Path, is_dir: bool) -> bool {
    for matcher in ignores.iter().rev() {
        if !path.starts_with(matcher.path()) {
            continue;
        }
        let m = matcher.matched(path, is_dir);
        if m.is_ignore() {
            return true;
        }
        if m.is_whitelist() {
            return false;
        }
    }
    false
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

/// The canonical paths a walk has seen (no `.`, `..` or doubled `/`: equal paths are equal
/// bytes), kept as 128-bit digests of their bytes rather than as paths: a tenth of the
/// memory (a path and its allocation were about 160 bytes an entry, a quarter of the check's
/// memory a file). The digest is two SipHash values under keys drawn for each walk, so that
/// no input can be made to collide; two of a million paths do by chance with a probability
/// of about 10⁻²⁷, and would cost a file not read (a miss, never a finding).
#[derive(Default)]
struct Seen {
    keys: [std::collections::hash_map::RandomState; 2],
    digests: HashSet<u128>,
}

impl Seen {
    fn digest(&self, path: &Path) -> u128 {
        use std::hash::BuildHasher as _;
        let bytes = path.as_os_str().as_encoded_bytes();
        let [high, low] = &self.keys;
        (u128::from(high.hash_one(bytes)) << 64) | u128::from(low.hash_one(bytes))
    }

    /// Whether `path` is new (and now seen).
    fn insert(&mut self, path: &Path) -> bool {
        let digest = self.digest(path);
        self.digests.insert(digest)
    }

    fn contains(&self, path: &Path) -> bool {
        self.digests.contains(&self.digest(path))
    }
}

/// What a folder's listing showed of an entry, so that it is not looked up again.
#[derive(Clone, Copy)]
enum Listed {
    /// Nothing: the path is looked at (a root, a link's target, not a regular file).
    No,
    /// A folder.
    Dir,
    /// A regular file: the file its listing named.
    File(crate::guard::FileId),
}

/// The inode a listing gives for an entry (0 where there is none).
fn inode(entry: &std::fs::DirEntry) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::DirEntryExt::ino(entry)
    }
    #[cfg(not(unix))]
    {
        let _ = entry;
        0
    }
}

/// Walks `roots`, handing every file `wanted` accepts to `found` as it is found, in walk
/// order, and returning the files skipped (files named explicitly that `wanted` does not
/// accept are listed as skipped; those met in directories are not).
///
/// # Errors
///
/// A root that does not exist or cannot be read, with the error.
pub(crate) fn walk(
    roots: &[PathBuf],
    scope: &Scope,
    wanted: impl Fn(&Path) -> bool,
    pruned: impl Fn(&Path) -> bool,
    mut found: impl FnMut(Found),
) -> Result<Vec<SkippedFile>, (PathBuf, std::io::Error)> {
    let mut skipped = Vec::new();
    let mut canonical_roots = Vec::new();
    for root in roots {
        let canonical = std::fs::canonicalize(root).map_err(|e| (root.clone(), e))?;
        canonical_roots.push(canonical);
    }
    let inside = |p: &Path| scope.allows(p);
    let mut seen = Seen::default();
    let ignore_budget = Cell::new(IGNORE_TOTAL_LIMIT);
    for (root, canonical) in roots.iter().zip(&canonical_roots) {
        // A named path that is a link out of the scope is refused, not followed.
        if !inside(canonical) {
            skipped.push(SkippedFile::new(tidy(root), SkipReason::Symlink).named());
            continue;
        }
        // The root's device: a regular file listed in a folder on it is known by the inode
        // its listing gives, without looking the path up again.
        let device = crate::guard::device(canonical);
        // (shown path, canonical path, explicitly named, the ignore files above it, what its
        // parent's listing showed)
        let mut stack: Vec<(PathBuf, PathBuf, bool, Ignores, Listed)> = vec![(
            tidy(root),
            canonical.clone(),
            true,
            above(canonical, &ignore_budget),
            Listed::No,
        )];
        while let Some((shown, real, explicit, ignores, listed)) = stack.pop() {
            if !seen.insert(&real) {
                continue;
            }
            // What its parent's listing showed is not looked at again: a folder is listed, a
            // regular file is handed on as the listing's inode on the root's device (the read
            // checks the open handle is that file, and resolves the path again if not).
            let meta = match listed {
                Listed::Dir => None,
                Listed::File(id) => {
                    found(Found {
                        path: shown,
                        id,
                        real,
                        named: false,
                    });
                    continue;
                }
                Listed::No => match std::fs::metadata(&real) {
                    Ok(m) => Some(m),
                    Err(e) => {
                        skipped.push(SkippedFile::new(
                            shown,
                            SkipReason::Unreadable(e.to_string()),
                        ));
                        continue;
                    }
                },
            };
            let meta = match meta {
                Some(meta) if !meta.is_dir() => meta,
                _ => {
                    let entries = match std::fs::read_dir(&real) {
                        Ok(entries) => entries,
                        Err(e) if explicit => return Err((shown, e)),
                        Err(e) => {
                            skipped.push(SkippedFile::new(
                                shown,
                                SkipReason::Unreadable(e.to_string()),
                            ));
                            continue;
                        }
                    };
                    let entries: Vec<(OsString, std::fs::FileType, u64)> = entries
                        .flatten()
                        .filter_map(|e| Some((e.file_name(), e.file_type().ok()?, inode(&e))))
                        .collect();
                    // The folder's own ignore files, seen in its listing (no look-ups).
                    let has_ignore_file = entries.iter().any(|(name, kind, _)| {
                        !kind.is_dir() && (name == ".gitignore" || name == ".ignore")
                    });
                    let ignores = if has_ignore_file {
                        with_ignore_files(&ignores, &real, &ignore_budget)
                    } else {
                        ignores
                    };
                    let mut children: Vec<(PathBuf, PathBuf, Listed)> = Vec::new();
                    let kept =
                        |child_real: &Path, is_dir: bool| !is_ignored(&ignores, child_real, is_dir);
                    for (name, kind, ino) in entries {
                        let child_shown = if shown == Path::new(".") {
                            PathBuf::from(&name)
                        } else {
                            shown.join(&name)
                        };
                        if kind.is_dir()
                            && (ignored_dir(&name.to_string_lossy()) || pruned(&child_shown))
                        {
                            continue;
                        }
                        // A file the check does not read is not matched against the
                        // ignore files (most of a repository's files are data).
                        if !kind.is_dir() && !kind.is_symlink() && !wanted(&child_shown) {
                            continue;
                        }
                        let child_real = real.join(&name);
                        if !kept(&child_real, kind.is_dir()) {
                            continue;
                        }
                        if kind.is_symlink() {
                            match std::fs::canonicalize(&child_real) {
                                // Seen already: nothing to do (one digest a link).
                                Ok(target) if seen.contains(&target) => {}
                                Ok(target) if inside(&target) => {
                                    let is_dir = target.is_dir();
                                    if is_dir && !kept(&child_real, true) {
                                        continue;
                                    }
                                    if is_dir && pruned(&child_shown) {
                                        continue;
                                    }
                                    if is_dir || wanted(&child_shown) {
                                        children.push((child_shown, target, Listed::No));
                                    }
                                }
                                _ => {
                                    if wanted(&child_shown) || child_real.is_dir() {
                                        skipped.push(SkippedFile::new(
                                            child_shown,
                                            SkipReason::Symlink,
                                        ));
                                    }
                                }
                            }
                        } else {
                            let listed = match device {
                                _ if kind.is_dir() => Listed::Dir,
                                Some(dev) if kind.is_file() => {
                                    Listed::File(crate::guard::FileId::listed(dev, ino))
                                }
                                _ => Listed::No,
                            };
                            children.push((child_shown, child_real, listed));
                        }
                    }
                    // Popped from the end: push in reverse name order to read in name order.
                    children.sort_by(|a, b| b.0.cmp(&a.0));
                    stack.extend(
                        children
                            .into_iter()
                            .map(|(s, r, listed)| (s, r, false, Arc::clone(&ignores), listed)),
                    );
                    continue;
                }
            };
            if explicit && !wanted(&shown) {
                skipped.push(SkippedFile::new(shown, SkipReason::NotChecked));
                continue;
            }
            let refuse = |reason: SkipReason| {
                let skipped = SkippedFile::new(shown.clone(), reason);
                if explicit { skipped.named() } else { skipped }
            };
            if !meta.is_file() {
                skipped.push(refuse(SkipReason::NotRegularFile));
                continue;
            }
            if meta.len() > FILE_LIMIT {
                skipped.push(refuse(SkipReason::TooLarge {
                    bytes: meta.len(),
                    limit: FILE_LIMIT,
                }));
                continue;
            }
            found(Found {
                path: shown,
                id: crate::guard::FileId::of(&meta),
                real,
                named: explicit,
            });
        }
    }
    Ok(skipped)
}

#[cfg(test)]
mod tests {
    use super::Seen;
    use std::path::Path;

    #[test]
    fn seen_paths_are_told_apart_by_their_bytes() {
        let mut seen = Seen::default();
        let paths = [
            "/r/a/job.yml",
            "/r/a/job.yaml",
            "/r/a",
            "/r/ab",
            "/r/a/b",
            "/r/a/b/",
        ];
        for path in paths {
            assert!(!seen.contains(Path::new(path)), "{path}");
            assert!(seen.insert(Path::new(path)), "{path}");
        }
        for path in paths {
            assert!(seen.contains(Path::new(path)), "{path}");
            assert!(!seen.insert(Path::new(path)), "{path}");
        }
        assert!(!seen.contains(Path::new("/r/a/job.yml2")));
        // Another walk draws other keys: its digests differ, its answers do not.
        let other = Seen::default();
        assert_ne!(
            seen.digest(Path::new(paths[0])),
            other.digest(Path::new(paths[0]))
        );
    }
}
