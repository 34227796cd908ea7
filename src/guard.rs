//! Reading files that a pull request may have written: every file the crate opens, named or
//! found by a walk, goes through [`read`].
//!
//! - **No escape by link.** A file is read only when its real path (every symbolic link
//!   resolved) lies inside the [`Scope`]: the current directory and the paths named on the
//!   command line. A plan file turned into a link to `/proc/self/environ`, `~/.azure/…` or
//!   `~/.git-credentials` is refused, not read.
//! - **No device, FIFO or socket.** The file is opened without blocking, and the *open handle*
//!   is checked to be a regular file, so a file swapped for a FIFO between a walk and the read
//!   is refused too, never waited on.
//! - **Bounded.** The size is checked before reading and enforced while reading: a file that
//!   grows, or lies about its size (`/proc`), is cut at the limit and refused.
//!
//! ```
//! use aml_targets::guard::{self, Refusal, Scope};
//!
//! let scope = Scope::current_dir();
//! let text = guard::read_text("Cargo.toml".as_ref(), &scope, guard::FILE_LIMIT).unwrap();
//! assert!(text.contains("aml-targets"));
//! # #[cfg(unix)]
//! assert_eq!(guard::read("/dev/zero".as_ref(), &Scope::new(["/dev/zero"]), 1 << 20), Err(Refusal::NotRegularFile));
//! ```

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

/// The largest file a walk reads, in bytes: real Azure ML files are a few kilobytes.
pub const FILE_LIMIT: u64 = 4 * 1024 * 1024;

/// The largest file named on the command line (a plan, or a region's listing), in bytes.
pub const NAMED_LIMIT: u64 = 64 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// Not a regular file: a FIFO, a socket, a device, a directory.
    #[error("not a regular file")]
    NotRegularFile,
    /// Larger than the limit.
    #[error("too large ({bytes} bytes; the limit is {limit})")]
    TooLarge {
        /// The file's size, or what was read of it before the limit.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A symbolic link (or a path through one) that leads out of the scope.
    #[error("a symbolic link out of the current directory and the paths named")]
    OutsideScope,
    /// The bytes are not UTF-8 text.
    #[error("not UTF-8 text")]
    NotUtf8,
    /// The file does not exist.
    #[error("no such file")]
    NotFound,
    /// Reading failed (permissions, I/O).
    #[error("unreadable: {0}")]
    Unreadable(String),
}

impl Refusal {
    fn io(e: &std::io::Error) -> Refusal {
        match e.kind() {
            std::io::ErrorKind::NotFound => Refusal::NotFound,
            _ => Refusal::Unreadable(e.to_string()),
        }
    }
}

/// Where symbolic links may lead: the current directory and the paths named (each as
/// written, its last component not resolved).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    roots: Vec<PathBuf>,
}

impl Scope {
    /// The current directory alone.
    #[must_use]
    pub fn current_dir() -> Scope {
        Scope::new(std::iter::empty::<&Path>())
    }

    /// The current directory and `named` (files or directories): a link may lead inside any
    /// of them. A named path that is itself a link does not extend the scope to its target.
    pub fn new<P: AsRef<Path>>(named: impl IntoIterator<Item = P>) -> Scope {
        let cwd = std::env::current_dir().ok();
        let mut roots: Vec<PathBuf> = cwd
            .as_deref()
            .and_then(|c| std::fs::canonicalize(c).ok())
            .into_iter()
            .collect();
        for path in named {
            let path = path.as_ref();
            let absolute = match &cwd {
                Some(cwd) if path.is_relative() => cwd.join(path),
                _ => path.to_owned(),
            };
            let lexical = normalize(&absolute);
            // Resolve the parents (a `/tmp` that is `/private/tmp`), not the path itself.
            let resolved = match (lexical.parent(), lexical.file_name()) {
                (Some(parent), Some(name)) => {
                    std::fs::canonicalize(parent).map_or_else(|_| lexical.clone(), |p| p.join(name))
                }
                _ => lexical.clone(),
            };
            roots.push(resolved);
            roots.push(lexical);
        }
        Scope { roots }
    }

    /// Whether a real path (links resolved) lies inside the scope.
    #[must_use]
    pub fn allows(&self, real: &Path) -> bool {
        self.roots.iter().any(|root| real.starts_with(root))
    }
}

/// `a/./b/../c` → `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Opens `path` for reading without blocking (a FIFO does not wait for a writer) and without
/// following a link in its last component.
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    options.open(path)
}

/// Reads `path`: its real path must lie inside `scope`, the open handle must be a regular
/// file, and it must hold at most `limit` bytes.
///
/// # Errors
///
/// [`Refusal`] saying why the file was not read.
pub fn read(path: &Path, scope: &Scope, limit: u64) -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::new();
    read_into(path, scope, limit, &mut bytes)?;
    Ok(bytes)
}

/// [`read`] into `bytes` (a buffer to reuse).
fn read_into(path: &Path, scope: &Scope, limit: u64, bytes: &mut Vec<u8>) -> Result<(), Refusal> {
    let real = std::fs::canonicalize(path).map_err(|e| Refusal::io(&e))?;
    if !scope.allows(&real) {
        return Err(Refusal::OutsideScope);
    }
    let (file, meta) = open_checked(&real)?;
    read_open(file, &meta, limit, bytes)
}

/// [`open`]s `path` and reads its handle's metadata; a link in the last component (put in
/// place after the path was resolved) is refused as outside the scope.
fn open_checked(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), Refusal> {
    let file = open(path).map_err(|e| {
        if e.raw_os_error() == Some(libc_eloop()) {
            Refusal::OutsideScope
        } else {
            Refusal::io(&e)
        }
    })?;
    let meta = file.metadata().map_err(|e| Refusal::io(&e))?;
    Ok((file, meta))
}

/// Reads an open `file` (`meta`: its metadata) if it is a regular file of at most `limit`
/// bytes.
fn read_open(
    file: std::fs::File,
    meta: &std::fs::Metadata,
    limit: u64,
    bytes: &mut Vec<u8>,
) -> Result<(), Refusal> {
    if !meta.is_file() {
        return Err(Refusal::NotRegularFile);
    }
    if meta.len() > limit {
        return Err(Refusal::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    // The bytes the handle said it holds (one read, no second one to find the end), or, when
    // it says 0 (`/proc` does), up to the limit, enforced while reading.
    let (said, wanted) = match meta.len() {
        0 => (0, limit.saturating_add(1)),
        len => (len, len),
    };
    bytes.clear();
    // Exactly: the buffer is kept for the next file, and doubling it would hold up to twice
    // the largest file read.
    bytes.reserve_exact(usize::try_from(said).unwrap_or(0));
    file.take(wanted)
        .read_to_end(bytes)
        .map_err(|e| Refusal::io(&e))?;
    let got = bytes.len() as u64;
    if got > limit {
        return Err(Refusal::TooLarge { bytes: got, limit });
    }
    Ok(())
}

/// Which file a path led to when it was looked at: its device and inode (on Unix; elsewhere
/// nothing, and [`read_seen`] resolves the path again).
#[cfg(feature = "yaml")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileId {
    #[cfg(unix)]
    dev: u64,
    #[cfg(unix)]
    ino: u64,
}

#[cfg(feature = "yaml")]
impl FileId {
    /// The file `meta` describes.
    pub(crate) fn of(meta: &std::fs::Metadata) -> FileId {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            FileId {
                dev: meta.dev(),
                ino: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            FileId {}
        }
    }

    /// The file a folder's listing names by inode `ino`, on device `dev` (the folder's).
    pub(crate) fn listed(dev: u64, ino: u64) -> FileId {
        #[cfg(unix)]
        {
            FileId { dev, ino }
        }
        #[cfg(not(unix))]
        {
            let _ = (dev, ino);
            FileId {}
        }
    }
}

/// The device `path` (links followed) is on; `None` off Unix, or when it cannot be looked at.
#[cfg(feature = "yaml")]
pub(crate) fn device(path: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::metadata(path).ok().map(|m| m.dev())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// [`read`] of a path a walk resolved inside `scope` and saw as the file `seen`, into `bytes`
/// (a buffer to reuse): instead of resolving every component again, the open handle (last
/// component not followed) must be that very file. A last component swapped for a link is
/// refused as outside the scope; any other file there (a folder swapped for a link, a file
/// replaced, a listing's inode the file system reports otherwise) is resolved again as
/// [`read`] does, and refused if it now lies outside the scope.
#[cfg(feature = "yaml")]
pub(crate) fn read_seen(
    path: &Path,
    seen: FileId,
    scope: &Scope,
    limit: u64,
    bytes: &mut Vec<u8>,
) -> Result<(), Refusal> {
    if !cfg!(unix) {
        return read_into(path, scope, limit, bytes);
    }
    let (file, meta) = open_checked(path)?;
    if FileId::of(&meta) != seen {
        drop(file);
        return read_into(path, scope, limit, bytes);
    }
    read_open(file, &meta, limit, bytes)
}

/// [`read`], as UTF-8 text (a byte-order mark is kept).
///
/// # Errors
///
/// [`Refusal`] saying why the file was not read; [`Refusal::NotUtf8`] for other bytes.
pub fn read_text(path: &Path, scope: &Scope, limit: u64) -> Result<String, Refusal> {
    String::from_utf8(read(path, scope, limit)?).map_err(|_| Refusal::NotUtf8)
}

/// The error number of "too many levels of symbolic links" (`O_NOFOLLOW` on a link).
#[cfg(unix)]
fn libc_eloop() -> i32 {
    libc::ELOOP
}

#[cfg(not(unix))]
fn libc_eloop() -> i32 {
    -1
}

#[cfg(all(test, unix, feature = "yaml"))]
mod tests {
    use super::*;

    #[test]
    fn a_walked_file_swapped_after_the_walk_is_refused() {
        let base = std::env::temp_dir().join(format!("aml-guard-seen-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let (inside, outside) = (base.join("repo/jobs"), base.join("secret"));
        std::fs::create_dir_all(&inside).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        let file = inside.join("job.yml");
        std::fs::write(&file, "compute: azureml:cpu\n").unwrap();
        std::fs::write(outside.join("job.yml"), "token: secret\n").unwrap();
        let scope = Scope::new([base.join("repo")]);
        let seen = FileId::of(&std::fs::metadata(&file).unwrap());
        let mut bytes = Vec::new();
        read_seen(&file, seen, &scope, FILE_LIMIT, &mut bytes).unwrap();
        assert_eq!(bytes, b"compute: azureml:cpu\n");
        // The folder swapped for a link out of the scope: the handle is another file.
        std::fs::remove_dir_all(&inside).unwrap();
        std::os::unix::fs::symlink(&outside, &inside).unwrap();
        assert_eq!(
            read_seen(&file, seen, &scope, FILE_LIMIT, &mut bytes),
            Err(Refusal::OutsideScope)
        );
        // The folder back, its file written anew (another inode, or the same reused): read.
        std::fs::remove_file(&inside).unwrap();
        std::fs::create_dir_all(&inside).unwrap();
        std::fs::write(&file, "compute: azureml:gpu\n").unwrap();
        read_seen(&file, seen, &scope, FILE_LIMIT, &mut bytes).unwrap();
        assert_eq!(bytes, b"compute: azureml:gpu\n");
        // The file itself swapped for a link: not followed.
        std::fs::remove_file(&file).unwrap();
        std::os::unix::fs::symlink(outside.join("job.yml"), &file).unwrap();
        assert_eq!(
            read_seen(&file, seen, &scope, FILE_LIMIT, &mut bytes),
            Err(Refusal::OutsideScope)
        );
        std::fs::remove_dir_all(&base).unwrap();
    }
}
