//! Size mentions: VM size names (`Standard_…`, any case) wherever a repository writes them —
//! shell and PowerShell scripts, Python, notebooks, ARM JSON, Bicep, Terraform, YAML values,
//! Markdown — with their line and column, the notebook cell, and where they sit: a value the
//! text provisions (`--size`, `vm_size=`, `size=`, `instance_type=`, `vmSize`), a comment,
//! prose, or other code.
//!
//! [`size_mentions`] is pure and fast (it looks for `_` eight bytes at a time, then compares
//! the eight bytes before it with `standard`); [`SizeMention::check`] judges one mention on a
//! date: retired (an error where the text provisions, a warning elsewhere), retiring soon,
//! or a well-formed name that is no size of its series (a warning with the closest sizes).
//! Tokens that are no VM size — storage and other SKUs such as `Standard_LRS`,
//! `Standard_RAGZRS`, `Standard_SSD_LRS`, `Standard_v2` — are never reported.

use std::path::Path;

use crate::date::Date;
use crate::lint::rules::sizes;
use crate::lint::{Diagnostic, MentionContext};
use crate::vm::{Catalog, VmSize};

/// What kind of text a file holds: what a comment looks like, and whether it is prose.
///
/// ```
/// use aml_targets::project::TextKind;
/// use std::path::Path;
///
/// assert_eq!(TextKind::from_path(Path::new("setup/create-compute.sh")), Some(TextKind::Shell));
/// assert_eq!(TextKind::from_path(Path::new("main.bicep")), Some(TextKind::Bicep));
/// assert_eq!(TextKind::from_path(Path::new("logo.png")), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextKind {
    /// `.sh`, `.bash`, `.zsh`: `#` comments.
    Shell,
    /// `.ps1`, `.psm1`: `#` comments.
    PowerShell,
    /// `.py`: `#` comments.
    Python,
    /// `.ipynb`: code cells as Python, markdown cells as prose; outputs are not read.
    Notebook,
    /// `.json` (ARM templates, parameter files, `az` outputs): `//` comments where allowed.
    Json,
    /// `.bicep`: `//` comments.
    Bicep,
    /// `.tf`, `.tfvars`, `.hcl`: `#` and `//` comments.
    Terraform,
    /// `.yml`, `.yaml`: `#` comments.
    Yaml,
    /// `.md`, `.markdown`: all prose.
    Markdown,
}

impl TextKind {
    /// The kind of a file, by its extension.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<TextKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "sh" | "bash" | "zsh" => TextKind::Shell,
            "ps1" | "psm1" => TextKind::PowerShell,
            "py" => TextKind::Python,
            "ipynb" => TextKind::Notebook,
            "json" => TextKind::Json,
            "bicep" => TextKind::Bicep,
            "tf" | "tfvars" | "hcl" => TextKind::Terraform,
            "yml" | "yaml" => TextKind::Yaml,
            "md" | "markdown" => TextKind::Markdown,
            _ => return None,
        })
    }

    fn comments(self) -> &'static [&'static str] {
        match self {
            TextKind::Shell
            | TextKind::PowerShell
            | TextKind::Python
            | TextKind::Notebook
            | TextKind::Yaml => &["#"],
            TextKind::Terraform => &["#", "//"],
            TextKind::Json | TextKind::Bicep => &["//"],
            TextKind::Markdown => &[],
        }
    }
}

/// One VM size name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SizeMention<'t> {
    /// The name as written.
    pub name: &'t str,
    /// The name parsed.
    pub size: VmSize,
    /// The line (from 1) of the text as stored.
    pub line: usize,
    /// The column (from 1, in characters).
    pub column: usize,
    /// In a notebook, the cell (from 0).
    pub cell: Option<usize>,
    /// Where it sits.
    pub context: MentionContext,
    /// The provisioning key or option before it (`--size`, `vmSize`), when there is one.
    pub key: Option<&'t str>,
}

/// Tokens shaped like `Standard_…` that are not VM sizes (storage, CDN, gateway SKUs).
pub const NOT_VM_SIZES: &[&str] = &[
    "Standard_LRS",
    "Standard_ZRS",
    "Standard_GRS",
    "Standard_RAGRS",
    "Standard_GZRS",
    "Standard_RAGZRS",
    "Standard_SSD_LRS",
    "Standard_SSD_ZRS",
    "Standard_v2",
    "Standard_Small",
    "Standard_Medium",
    "Standard_Large",
    "Standard_Microsoft",
    "Standard_Akamai",
    "Standard_Verizon",
    "Standard_ChinaCdn",
    "Standard_AzureFrontDoor",
];

const STANDARD: u64 = u64::from_le_bytes(*b"standard");
const LOWER: u64 = 0x2020_2020_2020_2020;

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Start offsets of `standard_` (any case) not preceded by a name character, in order.
///
/// It looks for `d_` and `D_` — rare in text even where `_` is common (snake case) — with
/// `memchr`'s vectorized substring search, and only there compares the eight bytes before
/// the `_` with `standard`, ignoring case.
fn candidates(bytes: &[u8], mut found: impl FnMut(usize)) {
    use memchr::memmem;
    static LOWER_D: std::sync::OnceLock<memmem::Finder<'static>> = std::sync::OnceLock::new();
    static UPPER_D: std::sync::OnceLock<memmem::Finder<'static>> = std::sync::OnceLock::new();
    let lower = LOWER_D.get_or_init(|| memmem::Finder::new(b"d_"));
    let upper = UPPER_D.get_or_init(|| memmem::Finder::new(b"D_"));
    let mut check = |d: usize| {
        // `d` is the offset of the `d` before a `_`: `standard` ends there.
        if d >= 7 {
            let word = u64::from_le_bytes(bytes[d - 7..=d].try_into().unwrap_or([0; 8]));
            if word | LOWER == STANDARD && (d == 7 || !is_name_byte(bytes[d - 8])) {
                found(d - 7);
            }
        }
    };
    // The two searches, merged in order.
    let mut a = lower.find_iter(bytes).peekable();
    let mut b = upper.find_iter(bytes).peekable();
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(&x), Some(&y)) if x < y => a.next(),
            (Some(_) | None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => return,
        };
        if let Some(d) = next {
            check(d);
        }
    }
}

/// The VM size names in `text`, in order. Pure: no catalog, no date.
///
/// ```
/// use aml_targets::lint::MentionContext;
/// use aml_targets::project::{TextKind, size_mentions};
///
/// let script = "# Standard_NC6 was the default\naz ml compute create -n gpu --size STANDARD_NC6 --type amlcompute\nSKU=Standard_LRS\n";
/// let found = size_mentions(script, TextKind::Shell);
/// assert_eq!(found.len(), 2);
/// assert_eq!((found[0].line, found[0].context), (1, MentionContext::Comment));
/// assert_eq!((found[1].line, found[1].column), (2, 36));
/// assert_eq!((found[1].context, found[1].key), (MentionContext::Provisioning, Some("--size")));
/// ```
#[must_use]
pub fn size_mentions(text: &str, kind: TextKind) -> Vec<SizeMention<'_>> {
    let bytes = text.as_bytes();
    // A notebook's cells are found only when it names a size at all (notebooks are mostly
    // outputs, images among them).
    let cells = if kind == TextKind::Notebook {
        let mut any = false;
        candidates(bytes, |_| any = true);
        if !any {
            return Vec::new();
        }
        super::notebook::sources(text)
    } else {
        None
    };
    let mut out = Vec::new();
    let mut line = 1;
    let mut counted = 0; // bytes[..counted] have their line breaks in `line`
    let mut line_start = 0;
    candidates(bytes, |start| {
        let end = start
            + bytes[start..]
                .iter()
                .position(|&b| !is_name_byte(b))
                .unwrap_or(bytes.len() - start);
        let name = &text[start..end];
        let name = name.trim_end_matches(['-', '_']);
        let Ok(size) = VmSize::parse(name) else {
            return;
        };
        if NOT_VM_SIZES.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return;
        }
        // Line and column, counted on from the previous mention.
        let gap = &bytes[counted..start];
        if let Some(last) = memchr::memrchr(b'\n', gap) {
            line += memchr::memchr_iter(b'\n', gap).count();
            line_start = counted + last + 1;
        }
        counted = start;
        let column = text[line_start..start].chars().count() + 1;
        let (context, key, cell) = match &cells {
            Some(cells) => {
                let Some(source) = super::notebook::source_at(cells, start) else {
                    return; // outputs and metadata are not the notebook's text
                };
                if source.prose {
                    (MentionContext::Prose, None, Some(source.cell))
                } else {
                    let before = &text[source.start..start];
                    let (context, key) = classify(before, TextKind::Python);
                    (context, key, Some(source.cell))
                }
            }
            None if kind == TextKind::Markdown => (MentionContext::Prose, None, None),
            None => {
                let (context, key) = classify(&text[line_start..start], kind);
                (context, key, None)
            }
        };
        out.push(SizeMention {
            name,
            size,
            line,
            column,
            cell,
            context,
            key,
        });
    });
    out
}

/// Whether `before` (the line up to the mention) puts it in a comment or after a
/// provisioning key.
fn classify(before: &str, kind: TextKind) -> (MentionContext, Option<&str>) {
    if in_comment(before, kind.comments()) {
        return (MentionContext::Comment, None);
    }
    match provisioning_key(before) {
        Some(key) => (MentionContext::Provisioning, Some(key)),
        None => (MentionContext::Code, None),
    }
}

/// A comment marker outside quotes, at the line start or after a blank.
fn in_comment(before: &str, markers: &[&str]) -> bool {
    if !markers.iter().any(|m| before.contains(m)) {
        return false;
    }
    let b = before.as_bytes();
    let (mut single, mut double) = (false, false);
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'\'' if !double => single = !single,
            b'"' if !single => double = !double,
            _ if !single && !double => {
                let after_blank = i == 0 || b[i - 1].is_ascii_whitespace();
                if after_blank && markers.iter().any(|m| before[i..].starts_with(m)) {
                    return true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// The key or option right before a value (`--size X`, `vm_size="X"`, `"vmSize": "X"`,
/// `param vmSize string = 'X'`), if it is one that provisions a size.
fn provisioning_key(before: &str) -> Option<&str> {
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\\' | '=' | ':' | '`')
    });
    let ident = |s: &str| -> (usize, usize) {
        let start = s
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        (start, s.len())
    };
    let (start, end) = ident(trimmed);
    let mut key = &trimmed[start..end];
    // Bicep: `param vmSize string = '…'`.
    if key == "string" {
        let rest = trimmed[..start].trim_end();
        let (s, e) = ident(rest);
        key = &rest[s..e];
    }
    // Compared without case, `-`, `_` and `$`, from the end: `size`, `…vmsize`,
    // `…instancetype` (`--size`, `vm_size`, `vmSize`, `$VM_SIZE`, `--instance-type`).
    let mut letters = key
        .bytes()
        .rev()
        .filter(|b| !matches!(b, b'-' | b'_' | b'$'))
        .map(|b| b.to_ascii_lowercase());
    let ends_with = |word: &[u8], letters: &mut dyn Iterator<Item = u8>| {
        word.iter().rev().all(|&w| letters.next() == Some(w))
    };
    let provisions = {
        let mut probe = letters.clone();
        if ends_with(b"size", &mut probe) {
            // `size` alone, or `…vmsize`.
            let rest: Vec<u8> = probe.take(2).collect();
            rest.is_empty() || rest == b"mv"
        } else {
            ends_with(b"instancetype", &mut letters)
        }
    };
    provisions.then_some(key)
}

impl SizeMention<'_> {
    /// Judges the mention on `on` against `catalog` (then the embedded one): a retired size
    /// is [`Code::RetiredSeries`](crate::lint::Code::RetiredSeries) where the text provisions it and
    /// [`Code::RetiredSizeMention`](crate::lint::Code::RetiredSizeMention) elsewhere; a size retiring within
    /// [`RETIRING_WARNING_DAYS`](crate::vm::RETIRING_WARNING_DAYS) is [`Code::RetiringSeries`](crate::lint::Code::RetiringSeries); a
    /// well-formed name no catalog knows that is a slip of a known size (see below) is
    /// [`Code::UnknownSize`](crate::lint::Code::UnknownSize) with those sizes. Sizes of series or generations the crate
    /// does not know are not judged.
    ///
    /// ```
    /// use aml_targets::{Catalog, Code};
    /// use aml_targets::project::{TextKind, size_mentions};
    ///
    /// let on = "2026-11-27".parse()?;
    /// let found = size_mentions("compute = AmlCompute(vm_size=\"Standard_NV6\")", TextKind::Python);
    /// let d = found[0].check(on, Catalog::embedded()).unwrap();
    /// assert_eq!(d.code, Code::RetiredSeries);
    /// let found = size_mentions("sizes tried: Standard_ND96amsr_v4", TextKind::Python);
    /// let d = found[0].check(on, Catalog::embedded()).unwrap();
    /// assert_eq!(d.code, Code::UnknownSize);
    /// assert_eq!(d.alternatives, ["Standard_ND96amsr_A100_v4"]);
    /// // Sizes of a series or generation the catalog does not have yet are not typos.
    /// for name in ["Standard_D4s_v5", "Standard_D4as_v4"] {
    ///     let found = size_mentions(name, TextKind::Python);
    ///     assert_eq!(found[0].check(on, Catalog::embedded()), None, "{name}");
    /// }
    /// # Ok::<(), aml_targets::date::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn check(&self, on: Date, catalog: &Catalog) -> Option<Diagnostic> {
        sizes::mention(self.name, &self.size, self.context, self.key, on, catalog)
    }
}
