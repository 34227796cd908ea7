//! The crate's layers: a module imports only from the modules below it in [`LAYERS`], always
//! by module path (`crate::vm::VmSize`, never `crate::VmSize`: imports through the root would
//! hide a cycle). A new upward import fails this test, naming the file, line and both layers.

use std::path::{Path, PathBuf};

/// The top-level modules of `src/`, lowest first (`macros` expand where they are used, so
/// they may name what their users can). `lib.rs` sits above all of them.
const LAYERS: &[&str] = &[
    "text", "guard", "names", "macros", "date", "edition", "checked", "gpu", "vm", "targets",
    "data", "quota", "fit", "plan", "lint", "project", "render",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "bin") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layer a file of `src/` belongs to: its first path component (`src/vm/size.rs` → `vm`).
fn layer_of(file: &Path, src: &Path) -> Option<&'static str> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    LAYERS.iter().copied().find(|l| *l == name)
}

/// Every `crate::NAME` in the code of `text` (comments and doc comments are not code), with
/// its line.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let before = &rest[..at];
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // `$crate::` in a macro, and `aml_targets::` are other things.
            if !before.ends_with('$') && !before.ends_with(|c: char| c.is_alphanumeric()) {
                out.push((n + 1, name));
            }
            rest = after;
        }
    }
    out
}

#[test]
fn imports_run_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut upward = Vec::new();
    let mut through_root = Vec::new();
    for file in &files {
        let Some(layer) = layer_of(file, &src) else {
            continue; // lib.rs: the top
        };
        let rank = LAYERS.iter().position(|l| *l == layer).unwrap();
        let text = std::fs::read_to_string(file).unwrap();
        for (line, name) in crate_paths(&text) {
            let shown = format!("{}:{line}", file.strip_prefix(&src).unwrap().display());
            match LAYERS.iter().position(|l| *l == name) {
                None => through_root.push(format!("{shown}: crate::{name}")),
                Some(to) if to > rank => {
                    upward.push(format!("{shown}: {layer} imports {name}"));
                }
                Some(_) => {}
            }
        }
    }
    assert!(
        through_root.is_empty(),
        "imports through the crate root (use the module path):\n{}",
        through_root.join("\n")
    );
    assert!(
        upward.is_empty(),
        "upward imports (a layer may import only the layers below it):\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_check_catches_an_upward_import() {
    let text = "use crate::date::Date;\n// crate::render is only named in a comment\nfn f() { crate::render::x(); }\nuse crate::VmSize;\n";
    let found = crate_paths(text);
    assert_eq!(
        found,
        [
            (1, "date".to_owned()),
            (3, "render".to_owned()),
            (4, "VmSize".to_owned())
        ]
    );
}

#[test]
fn every_module_of_src_is_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| {
            let l = l.trim_start_matches("pub ");
            l.strip_prefix("mod ")?.strip_suffix(';')
        })
        .collect();
    declared.sort_unstable();
    let mut layers = LAYERS.to_vec();
    layers.sort_unstable();
    assert_eq!(
        declared, layers,
        "every module of lib.rs has its place in LAYERS"
    );
}
