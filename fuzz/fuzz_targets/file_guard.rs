//! The file guard against a tree a pull request could build: regular files, links to a secret
//! outside the tree, to `/proc/self/environ`, to `/dev/zero`, to each other and to themselves,
//! FIFOs, sparse files past the size limit, folders linked out of the tree. Reading each entry
//! through `guard`, and walking and checking the whole tree, never hangs, never reads a byte
//! of the secret and never returns more than the limit.
#![no_main]

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use aml_targets::guard::{self, Scope};
use aml_targets::render::Format;
use aml_targets::{AzureMlProject, Date, RenderOptions};
use libfuzzer_sys::fuzz_target;

const SECRET: &str = "ghp_fuzzsecret0123456789";

const NAMES: [&str; 8] = [
    "compute.yml",
    "train.py",
    "run.sh",
    "nb.ipynb",
    "main.bicep",
    "sub/job.yaml",
    "sub/deep/x.tf",
    "computes.json",
];

/// The work directory (the current directory, so the scope) and the secret beside it.
fn work() -> &'static PathBuf {
    static WORK: OnceLock<PathBuf> = OnceLock::new();
    WORK.get_or_init(|| {
        let base = std::env::temp_dir().join(format!("aml-fuzz-guard-{}", std::process::id()));
        let work = base.join("work");
        std::fs::create_dir_all(&work).unwrap();
        std::fs::write(base.join("secret.txt"), format!("size: Standard_NC6 # {SECRET}\n")).unwrap();
        // SAFETY: set once, before any thread reads the environment.
        unsafe { std::env::set_var("AML_FUZZ_SECRET", SECRET) };
        std::env::set_current_dir(&work).unwrap();
        std::fs::canonicalize(&work).unwrap()
    })
}

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt as _;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    unsafe { libc::mkfifo(c.as_ptr(), 0o600) };
}

fuzz_target!(|data: &[u8]| {
    // The fuzzer learns the secret from the comparisons below and writes it into files of its
    // own: those are not leaks.
    if data.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()) {
        return;
    }
    let work = work();
    let repo = work.join("repo");
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(repo.join("sub/deep")).unwrap();
    let secret = work.parent().unwrap().join("secret.txt");
    // Each op: [kind, name, length, content...].
    let mut rest = data;
    let mut made: Vec<PathBuf> = Vec::new();
    while let [kind, name, len, tail @ ..] = rest {
        let path = repo.join(NAMES[usize::from(*name) % NAMES.len()]);
        let n = usize::from(*len).min(tail.len());
        let (content, after) = tail.split_at(n);
        rest = after;
        let _ = std::fs::remove_file(&path);
        let _ = match kind % 9 {
            0 => std::fs::write(&path, content),
            1 => symlink(&secret, &path),
            2 => symlink("/proc/self/environ", &path),
            3 => symlink("/dev/zero", &path),
            4 => {
                mkfifo(&path);
                Ok(())
            }
            5 => symlink(repo.join(NAMES[usize::from(*len) % NAMES.len()]), &path),
            6 => symlink(&path, &path),
            7 => std::fs::File::create(&path).and_then(|f| f.set_len(guard::FILE_LIMIT + 1)),
            _ => symlink(work.parent().unwrap(), &path),
        };
        made.push(path);
    }
    let scope = Scope::new([&repo]);
    for path in &made {
        if let Ok(bytes) = guard::read(path, &scope, guard::FILE_LIMIT) {
            assert!(bytes.len() as u64 <= guard::FILE_LIMIT);
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(SECRET), "{path:?} read the secret");
        }
    }
    let on = Date::parse("2026-12-07").unwrap();
    let Ok(project) = AzureMlProject::read_paths([&repo]) else {
        return;
    };
    let report = project.check(on);
    let options = RenderOptions::default().verbose(true);
    for format in [Format::Human, Format::Json, Format::Sarif, Format::Github, Format::Cargo] {
        let out = format.render(&report, &options);
        assert!(!out.contains(SECRET), "{format} printed the secret");
    }
});
