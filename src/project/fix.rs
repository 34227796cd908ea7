//! Fixes for what a check finds: each retired size at a provisioning position replaced by
//! its one replacement answer ([`VmSize::successors`]), byte-exact, as a list of edits a
//! build tool can show or apply.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::guard::{self, Scope};
use crate::lint::{Code, Fix, MentionContext, Report, Severity};
use crate::project::ignores::ignores;
use crate::project::mentions::{TextKind, size_mentions};
use crate::targets::ComputeKind;
use crate::vm::{Catalog, RetirementState, VmSize, VmSizeSpec};

/// A retired size at a provisioning position that no size qualifies to replace.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unfixed {
    /// The file.
    pub file: PathBuf,
    /// The line (from 1) and column (from 1, in characters) of the name.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// The size name as written.
    pub name: String,
    /// Why no edit is made.
    pub reason: String,
}

/// What [`fixes`] found to edit, by file in the report's order, and what it could not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fixes {
    /// Each file's text as read and the edits to it, in file order.
    pub files: Vec<FileFixes>,
    /// Retired sizes left as they are, and why.
    pub unfixed: Vec<Unfixed>,
}

/// The edits to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileFixes {
    /// The file.
    pub file: PathBuf,
    /// Its text as the edits were computed from (compare before writing: a file changed since
    /// is not written).
    pub text: String,
    /// The edits, in file order; they never overlap.
    pub fixes: Vec<Fix>,
}

impl FileFixes {
    /// The text with every edit made.
    #[must_use]
    pub fn fixed(&self) -> String {
        apply(&self.text, &self.fixes)
    }
}

impl Fixes {
    /// Every edit, file by file.
    pub fn iter(&self) -> impl Iterator<Item = &Fix> {
        self.files.iter().flat_map(|f| &f.fixes)
    }

    /// How many edits.
    #[must_use]
    pub fn len(&self) -> usize {
        self.files.iter().map(|f| f.fixes.len()).sum()
    }

    /// Whether there is no edit.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The edits that replace each retired size `report` reports at a provisioning position
/// (`retired-series` errors: YAML values, `--size` options, arguments, defaults and
/// constants named like sizes in scripts, notebooks' code cells and templates) with the
/// first of its replacements ([`VmSize::successors`]: the migration guide's sizes first) that
/// keeps at least its GPUs, GPU memory, vCPUs and memory and is current on `on` — and, when
/// `listing` is a region's size listing, is listed there for the compute that provisions it
/// (a compute instance where the YAML file or the line says `computeinstance`, else a compute
/// cluster). Mentions in comments and prose are
/// never edited (they are `retired-size-mention`, not `retired-series`); a line whose
/// suppression comment silences `retired-series` is not edited; a finding the report no
/// longer holds (allowed, or suppressed) is not fixed. Files are read again, through the
/// guard, as the check read them.
///
/// ```
/// use aml_targets::{AzureMlProject, Date};
/// use aml_targets::project::fixes;
///
/// let dir = std::env::temp_dir().join(format!("aml-fix-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("gpu.yml");
/// std::fs::write(&file, "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu\ntype: amlcompute\nsize: STANDARD_NC6S_V3 # the V100\n")?;
/// let on: Date = "2026-12-07".parse()?;
/// let report = AzureMlProject::read_paths([&dir])?.check(on);
/// let found = fixes(&report, on, None);
/// let fix = found.iter().next().unwrap();
/// assert_eq!((fix.original.as_str(), fix.replacement.as_str()), ("STANDARD_NC6S_V3", "STANDARD_NC40ADS_H100_V5"));
/// assert!(found.files[0].fixed().ends_with("size: STANDARD_NC40ADS_H100_V5 # the V100\n"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn fixes(report: &Report, on: Date, listing: Option<&Catalog>) -> Fixes {
    let mut out = Fixes::default();
    // The files with a retired size at a provisioning position, in the report's order, and
    // the lines it names.
    let mut files: Vec<(&Path, Vec<usize>)> = Vec::new();
    for d in &report.diagnostics {
        if d.code != Code::RetiredSeries || d.severity != Severity::Error {
            continue;
        }
        let (Some(file), Some(line)) = (d.file.as_deref(), d.line()) else {
            continue;
        };
        match files.iter_mut().find(|(f, _)| *f == file) {
            Some((_, lines)) => lines.push(line),
            None => files.push((file, vec![line])),
        }
    }
    for (file, lines) in files {
        let Some(kind) = TextKind::from_path(file) else {
            continue;
        };
        let Ok(text) = guard::read_text(file, &Scope::new([file]), guard::FILE_LIMIT) else {
            continue;
        };
        let silenced = ignores(&text, kind);
        let mentions = size_mentions(&text, kind);
        // The sizes the report names: those at its lines (a name stands for the mentions
        // after the first few in a file, reported once).
        let named: Vec<VmSize> = mentions
            .iter()
            .filter(|m| lines.contains(&m.line))
            .map(|m| m.size)
            .collect();
        let mut edits = Vec::new();
        for m in &mentions {
            if m.context != MentionContext::Provisioning
                || !(lines.contains(&m.line) || named.contains(&m.size))
                || !retired(&m.size, on)
            {
                continue;
            }
            let suppressed = silenced
                .iter()
                .any(|i| i.silences(Some(m.line), Code::RetiredSeries).is_some());
            if suppressed {
                continue;
            }
            let start = m.name.as_ptr() as usize - text.as_ptr() as usize;
            let listing = listing.map(|l| (l, compute_kind(&text, kind, start)));
            match replacement(&m.size, on, listing) {
                Ok(spec) => edits.push(Fix::new(
                    file,
                    start..start + m.name.len(),
                    m.name,
                    in_case_of(m.name, &spec.name),
                    (m.line, m.column),
                )),
                Err(reason) => out.unfixed.push(Unfixed {
                    file: file.to_owned(),
                    line: m.line,
                    column: m.column,
                    name: m.name.to_owned(),
                    reason,
                }),
            }
        }
        if !edits.is_empty() {
            out.files.push(FileFixes {
                file: file.to_owned(),
                text,
                fixes: edits,
            });
        }
    }
    out
}

/// The compute a size at byte `at` of `text` provisions: a compute instance where the YAML
/// file, or the line of a script or code, says `computeinstance` (`type: computeinstance`,
/// `--type computeinstance`, `ComputeInstance(`), else a compute cluster.
fn compute_kind(text: &str, kind: TextKind, at: usize) -> ComputeKind {
    let scope = if kind == TextKind::Yaml {
        text
    } else {
        let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        &text[start..end]
    };
    let instance = scope
        .as_bytes()
        .windows(15)
        .any(|w| w.eq_ignore_ascii_case(b"computeinstance"));
    if instance {
        ComputeKind::ComputeInstance
    } else {
        ComputeKind::ComputeCluster
    }
}

/// Whether `size` (or, for a `_Promo` or constrained name, its regular size) is retired.
fn retired(size: &VmSize, on: Date) -> bool {
    size.retirement_state(None, on).is_retired()
}

/// The size that replaces `size`: the first of its successors that keeps everything it has,
/// is current on `on` and, with a listing, is listed.
fn replacement(
    size: &VmSize,
    on: Date,
    listing: Option<(&Catalog, ComputeKind)>,
) -> Result<&'static VmSizeSpec, String> {
    let spec = size
        .hardware_rows()
        .iter()
        .find_map(|s| Catalog::embedded().get(s));
    let successors = match spec {
        Some(spec) => spec.successors(),
        None => size.successors(),
    };
    let keeps = |c: &VmSizeSpec| match spec {
        Some(spec) => spec.is_covered_by(c),
        None => size.is_covered_by(c),
    };
    let current = |c: &VmSizeSpec| {
        c.size()
            .is_ok_and(|s| s.retirement_state(None, on) == RetirementState::Active)
    };
    // Listed, and for the compute that provisions it (a row that says nothing allows any).
    let listed = |c: &VmSizeSpec| {
        listing.is_none_or(|(l, kind)| {
            l.find(&c.name).is_some_and(|row| {
                row.supported_by.is_none_or(|s| match kind {
                    ComputeKind::ComputeInstance => s.instances(),
                    _ => s.clusters(),
                })
            })
        })
    };
    successors
        .iter()
        .copied()
        .find(|c| keeps(c) && current(c) && listed(c))
        .ok_or_else(|| {
            let tried: Vec<&str> = successors.iter().map(|c| &*c.name).collect();
            if tried.is_empty() {
                "no current size of its kind is known".to_owned()
            } else {
                format!(
                    "none of its replacements ({}) keeps its GPUs, GPU memory, vCPUs and memory{}",
                    tried.join(", "),
                    match listing {
                        Some((_, ComputeKind::ComputeInstance)) => {
                            " and is in the region's listing for compute instances"
                        }
                        Some(_) => " and is in the region's listing for compute clusters",
                        None => "",
                    }
                )
            }
        })
}

/// `name` written in the case `original` is written in: all capitals, all small letters, or
/// else as `name` is, after the tier word as `original` writes it (`STANDARD_NC6s_v3` becomes
/// `STANDARD_NC40ads_H100_v5`).
fn in_case_of(original: &str, name: &str) -> String {
    let letters = || original.chars().filter(char::is_ascii_alphabetic);
    if letters().all(|c| c.is_ascii_uppercase()) {
        name.to_ascii_uppercase()
    } else if letters().all(|c| c.is_ascii_lowercase()) {
        name.to_ascii_lowercase()
    } else {
        match (original.split_once('_'), name.split_once('_')) {
            (Some((tier, _)), Some((_, rest))) => format!("{tier}_{rest}"),
            _ => name.to_owned(),
        }
    }
}

/// `text` with each edit of `fixes` (in file order, not overlapping) made.
#[must_use]
pub fn apply(text: &str, fixes: &[Fix]) -> String {
    let mut out = String::with_capacity(text.len() + 16 * fixes.len());
    let mut at = 0;
    for fix in fixes {
        if fix.range.start < at || text.get(fix.range.clone()).is_none() {
            continue;
        }
        out.push_str(&text[at..fix.range.start]);
        out.push_str(&fix.replacement);
        at = fix.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The unified diff (three lines of context) that turns `old` into `new`, both the text of
/// `path`, which differ only inside lines (an edit never adds or removes a line break).
/// The characters a terminal would act on but tab and carriage return are shown escaped
/// (`\u{1b}`), so that a file cannot drive the terminal the diff is read on.
#[must_use]
pub fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    const CONTEXT: usize = 3;
    let (a, b): (Vec<&str>, Vec<&str>) = (old.split('\n').collect(), new.split('\n').collect());
    if a.len() != b.len() || old == new {
        return String::new();
    }
    let changed: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let name = path.display().to_string().replace('\\', "/");
    let mut out = format!("--- a/{}\n+++ b/{}\n", escape(&name), escape(&name));
    // The text's last line is empty when it ends with a line break: not a line.
    let lines = if old.ends_with('\n') {
        a.len() - 1
    } else {
        a.len()
    };
    let mut i = 0;
    while i < changed.len() {
        // A hunk: changes no more than twice the context apart.
        let mut j = i;
        while j + 1 < changed.len() && changed[j + 1] - changed[j] <= 2 * CONTEXT {
            j += 1;
        }
        let first = changed[i].saturating_sub(CONTEXT);
        let last = (changed[j] + CONTEXT).min(lines - 1);
        let count = last - first + 1;
        let _ = writeln!(out, "@@ -{},{count} +{},{count} @@", first + 1, first + 1);
        // A last line without a line break says so, as diff does.
        let unended = |k: usize| {
            if k + 1 == lines && !old.ends_with('\n') {
                "\\ No newline at end of file\n"
            } else {
                ""
            }
        };
        // The hunk's changed lines, met in order.
        let mut next = i;
        for k in first..=last {
            if next <= j && changed[next] == k {
                next += 1;
                let _ = write!(
                    out,
                    "-{}\n{}+{}\n{}",
                    escape(a[k]),
                    unended(k),
                    escape(b[k]),
                    unended(k)
                );
            } else {
                let _ = write!(out, " {}\n{}", escape(a[k]), unended(k));
            }
        }
        i = j + 1;
    }
    out
}

/// `s` with the characters a terminal would act on (see
/// [`escaped`](crate::render::escaped)) but tab and carriage return escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if crate::text::is_unsafe(c) && c != '\t' && c != '\r' {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes `fixed` over `file` if the file still holds `read` (the text the edits were
/// computed from): to a new file beside it first, then renamed over it, so that the file is
/// never half written; its permissions are kept.
///
/// # Errors
///
/// The file changed since it was read (`ErrorKind::Other`, "changed since it was read"), or
/// reading, writing or renaming failed.
pub fn write_fixed(file: &Path, read: &str, fixed: &str) -> std::io::Result<()> {
    let now = guard::read_text(file, &Scope::new([file]), guard::FILE_LIMIT)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    if now != read {
        return Err(std::io::Error::other(
            "changed since it was read; not written",
        ));
    }
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = file.with_file_name(format!(".{name}.aml-fix-{}", std::process::id()));
    let written = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        let mut out = options.open(&temp)?;
        std::io::Write::write_all(&mut out, fixed.as_bytes())?;
        out.sync_all()?;
        if let Ok(meta) = std::fs::metadata(file) {
            std::fs::set_permissions(&temp, meta.permissions())?;
        }
        std::fs::rename(&temp, file)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::{ComputeKind, TextKind, compute_kind, in_case_of};

    #[test]
    fn the_compute_is_an_instance_where_the_file_or_line_says_so() {
        let yaml = "type: computeinstance\nsize: Standard_NC6\n";
        let at = yaml.find("Standard").unwrap();
        assert_eq!(
            compute_kind(yaml, TextKind::Yaml, at),
            ComputeKind::ComputeInstance
        );
        let sh = "az ml compute create -n a --type ComputeInstance --size Standard_NC6\naz ml compute create -n b --type amlcompute --size Standard_NC6\n";
        let (first, second) = (sh.find("Standard").unwrap(), sh.rfind("Standard").unwrap());
        assert_eq!(
            compute_kind(sh, TextKind::Shell, first),
            ComputeKind::ComputeInstance
        );
        assert_eq!(
            compute_kind(sh, TextKind::Shell, second),
            ComputeKind::ComputeCluster
        );
    }

    #[test]
    fn the_replacement_is_written_in_the_original_case() {
        let to = "Standard_NC40ads_H100_v5";
        assert_eq!(
            in_case_of("STANDARD_NC6S_V3", to),
            "STANDARD_NC40ADS_H100_V5"
        );
        assert_eq!(
            in_case_of("standard_nc6s_v3", to),
            "standard_nc40ads_h100_v5"
        );
        assert_eq!(in_case_of("Standard_NC6s_v3", to), to);
        assert_eq!(
            in_case_of("STANDARD_NC6s_v3", to),
            "STANDARD_NC40ads_H100_v5"
        );
        assert_eq!(
            in_case_of("standard_NC6s_v3", to),
            "standard_NC40ads_H100_v5"
        );
    }
}
