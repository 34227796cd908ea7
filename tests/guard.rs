//! A hostile repository: links to secrets, devices, FIFOs, a file swapped under the reader,
//! files that lie about their size. Nothing leaks, nothing hangs, nothing grows with a
//! device, and the other files are still checked.

#![cfg(all(unix, feature = "cli"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use aml_targets::guard::{self, Refusal, Scope};

const SECRET: &str = "ghp_supersecrettoken1234567890";

/// A fresh directory under the system's temporary one.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aml-guard-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Runs `aml` in `dir` with a deadline: a hang fails the test instead of blocking it.
fn aml_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_aml"))
        .current_dir(dir)
        .args(args)
        .env("AML_TEST_SECRET", SECRET)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // The output is read while the command runs (a pipe holds 64 KiB); a hang is killed.
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(child.wait_with_output()));
    let Ok(out) = receive.recv_timeout(Duration::from_secs(20)) else {
        let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
        panic!("aml {args:?} hung");
    };
    let out = out.unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const COMPUTE: &str = "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu\ntype: amlcompute\nsize: Standard_NC6\n";

/// A repository with one real finding, so a refusal is seen not to drop the rest.
fn repo(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::write(dir.join("compute.yml"), COMPUTE).unwrap();
    dir
}

#[test]
fn a_plan_linked_to_a_secret_is_refused_and_nothing_leaks() {
    let outside = temp_dir("secret-outside");
    let secret = outside.join("credentials");
    std::fs::write(
        &secret,
        format!("[[jobs]]\ntoken = \"{SECRET}\"\n\u{0}\u{1b}[31m\n"),
    )
    .unwrap();
    let dir = repo("secret");
    std::os::unix::fs::symlink(&secret, dir.join("plan.toml")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", dir.join("environ.toml")).unwrap();
    for named in ["plan.toml", "environ.toml"] {
        for format in ["human", "json", "github", "cargo", "sarif"] {
            let (code, out, err) = aml_in(&dir, &["check", named, ".", "--format", format]);
            assert_eq!(code, 2, "{named} {format}: {err}");
            assert!(
                !out.contains(SECRET) && !err.contains(SECRET),
                "{named} {format}"
            );
            assert!(!out.contains('\u{0}') && !err.contains('\u{0}'));
            assert!(!err.contains('\u{1b}'));
            assert!(
                err.contains(&format!("{named}: a symbolic link out of the tree")),
                "{named}: {err}"
            );
            // The rest of the tree is still checked.
            assert!(out.contains("retired-series"), "{named} {format}: {out}");
        }
    }
    // Found in a walk, links to secrets are skipped with the reason, and the exit status is
    // the findings' (1), not an input error.
    std::fs::remove_file(dir.join("plan.toml")).unwrap();
    std::fs::remove_file(dir.join("environ.toml")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("creds.yml")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", dir.join("environ.yml")).unwrap();
    let (code, out, _) = aml_in(&dir, &["check", ".", "--format", "json"]);
    assert_eq!(code, 1);
    assert!(!out.contains(SECRET));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let skipped = json["skipped"].as_array().unwrap();
    for name in ["creds.yml", "environ.yml"] {
        assert!(
            skipped.iter().any(|s| s["file"] == name
                && s["reason"] == "a symbolic link out of the tree or to a place already read"),
            "{name}: {skipped:?}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&outside).unwrap();
}

#[test]
fn devices_are_refused_at_once_wherever_named() {
    let dir = repo("devices");
    for args in [
        &["check", ".", "--computes", "/dev/zero"][..],
        &["check", ".", "--usage", "/dev/zero"],
        &["check", ".", "--catalog", "/dev/zero"],
        &["recommend", "--catalog", "/dev/zero"],
        &["recommend", "--usage", "/dev/urandom"],
    ] {
        let started = Instant::now();
        let (code, out, err) = aml_in(&dir, args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains("/dev/"), "{args:?}: {err}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
        assert!(started.elapsed() < Duration::from_secs(10), "{args:?}");
    }
    // Named as a plan, beside a tree: refused (exit 2), the tree checked. Named as what it
    // is, a device is not a kind of file the checker reads: skipped unopened.
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).unwrap();
    for (named, status) in [("zero.toml", 2), ("/dev/zero", 1)] {
        let (code, out, err) = aml_in(&dir, &["check", ".", named]);
        assert_eq!(code, status, "{named}: {err}");
        assert!(out.contains("retired-series"), "{named}: {out}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fifos_never_block() {
    let dir = repo("fifo");
    for name in ["plan.toml", "plan.json", "job.yml", "notes.sh"] {
        mkfifo(&dir.join(name));
    }
    // Named: refused, exit 2, the rest checked.
    for named in ["plan.toml", "plan.json", "job.yml"] {
        let (code, out, err) = aml_in(&dir, &["check", named, "compute.yml"]);
        assert_eq!(code, 2, "{named}: {err}");
        assert!(err.contains("not a regular file"), "{named}: {err}");
        assert!(out.contains("retired-series"), "{named}: {out}");
    }
    // Met in a walk: skipped with the reason.
    let (code, out, _) = aml_in(&dir, &["check", "."]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("1 file(s) read"), "{out}");
    // Ignore files are read through the guard too: a FIFO `.gitignore`, an `.ignore` linked to
    // /dev/zero, a configuration that is a FIFO — nothing blocks or grows.
    mkfifo(&dir.join(".gitignore"));
    std::os::unix::fs::symlink("/dev/zero", dir.join(".ignore")).unwrap();
    std::fs::create_dir_all(dir.join("sub/.git/info")).unwrap();
    mkfifo(&dir.join("sub/.git/info/exclude"));
    std::fs::write(
        dir.join("sub/compute.yml"),
        COMPUTE.replace("name: gpu", "name: gpu2"),
    )
    .unwrap();
    let (code, out, _) = aml_in(&dir, &["check", ".", "sub"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("2 file(s) read"), "{out}");
    mkfifo(&dir.join("aml.toml"));
    let (code, _, err) = aml_in(&dir, &["check", "."]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("aml.toml") && err.contains("not a regular file"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_swapped_for_a_fifo_or_a_link_after_it_was_found_is_refused() {
    let dir = temp_dir("swap");
    let file = dir.join("job.yml");
    std::fs::write(&file, COMPUTE).unwrap();
    let scope = Scope::new([&dir]);
    assert!(guard::read_text(&file, &scope, guard::FILE_LIMIT).is_ok());
    // Swapped for a FIFO: the open handle is not a regular file; no wait for a writer.
    std::fs::remove_file(&file).unwrap();
    mkfifo(&file);
    let started = Instant::now();
    assert_eq!(
        guard::read(&file, &scope, guard::FILE_LIMIT),
        Err(Refusal::NotRegularFile)
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    // Swapped for a link out of the scope.
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", &file).unwrap();
    assert_eq!(
        guard::read(&file, &scope, guard::FILE_LIMIT),
        Err(Refusal::OutsideScope)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sizes_are_checked_before_reading_and_while_reading() {
    let dir = repo("large");
    // A sparse 95 MB plan: refused from its size, never read into memory.
    let big = std::fs::File::create(dir.join("plan.json")).unwrap();
    big.set_len(95 * 1024 * 1024).unwrap();
    let started = Instant::now();
    let (code, out, err) = aml_in(&dir, &["check", "plan.json", "."]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("too large (99614720 bytes; the limit is 67108864)"),
        "{err}"
    );
    assert!(out.contains("retired-series"));
    assert!(started.elapsed() < Duration::from_secs(10));
    // /proc says 0 bytes and has more: the limit holds while reading.
    let scope = Scope::new(["/proc/self/status"]);
    assert!(matches!(
        guard::read("/proc/self/status".as_ref(), &scope, 16),
        Err(Refusal::TooLarge { limit: 16, .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn control_characters_from_files_never_reach_the_terminal_raw() {
    let dir = repo("controls");
    std::fs::write(
        dir.join("plan.toml"),
        "[[jobs]]\nname = \"a\"\n\u{1b}[2J\u{7}\u{2028}bad = \"\u{0}\"\n",
    )
    .unwrap();
    let (code, _, err) = aml_in(&dir, &["check", "plan.toml"]);
    assert_eq!(code, 2);
    for c in ['\u{1b}', '\u{7}', '\u{0}', '\u{2028}'] {
        assert!(!err.contains(c), "{c:?} in {err}");
    }
    assert!(err.contains("\\u{1b}[2J"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
