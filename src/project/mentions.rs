//! Size mentions: VM size names (`Standard_…` and `Basic_…`, any case) wherever a repository writes them —
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
    /// `.R`: `#` comments; `name <- value` assigns.
    R,
    /// `.Rmd`: R Markdown, prose but for its code chunks (```` ```{r} ````), which are R.
    RMarkdown,
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
            "r" => TextKind::R,
            "rmd" => TextKind::RMarkdown,
            _ => return None,
        })
    }

    fn comments(self) -> &'static [&'static str] {
        match self {
            TextKind::Shell
            | TextKind::PowerShell
            | TextKind::Python
            | TextKind::Notebook
            | TextKind::Yaml
            | TextKind::R
            | TextKind::RMarkdown => &["#"],
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
    /// In a notebook, the cell (from 1, as Jupyter counts).
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
const BASIC: u64 = u64::from_le_bytes(*b"basic\0\0\0");
const LOWER_5: u64 = 0x0000_0020_2020_2020;

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Start offsets of `standard_` and `basic_` (any case) not preceded by a name character, in
/// order, until `found` returns `false`: [`underscores`] in a notebook (the base64 of its
/// images has no `_`), [`tier_ends`] elsewhere (code has many `_`s).
fn candidates(bytes: &[u8], kind: TextKind, found: impl FnMut(usize) -> bool) {
    if kind == TextKind::Notebook {
        underscores(bytes, found);
    } else {
        tier_ends(bytes, found);
    }
}

/// The tier word's first byte, when the `_` at `at` ends `standard_` or `basic_` (any case,
/// the last two letters of one case) not preceded by a name character.
fn tier_before(bytes: &[u8], at: usize) -> Option<usize> {
    let start = match bytes.get(at.wrapping_sub(2)..at)? {
        b"rd" | b"RD" => at.checked_sub(8).filter(|&start| {
            bytes[start..at]
                .try_into()
                .is_ok_and(|w| u64::from_le_bytes(w) | LOWER == STANDARD)
        })?,
        b"ic" | b"IC" => at.checked_sub(5).filter(|&start| {
            let w = &bytes[start..at];
            u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], 0, 0, 0]) | LOWER_5 == BASIC
        })?,
        _ => return None,
    };
    (start == 0 || !is_name_byte(bytes[start - 1])).then_some(start)
}

/// [`candidates`] by one vectorized pass (`memchr`) over the `_`s, each looked behind.
fn underscores(bytes: &[u8], mut found: impl FnMut(usize) -> bool) {
    for at in memchr::memchr_iter(b'_', bytes) {
        if let Some(start) = tier_before(bytes, at) {
            if !found(start) {
                return;
            }
        }
    }
}

/// [`candidates`] by `memchr`'s vectorized substring search for `rd_`, `RD_`, `ic_` and
/// `IC_` — rare in text even where `_` is common (snake case) — merged in order.
fn tier_ends(bytes: &[u8], mut found: impl FnMut(usize) -> bool) {
    use memchr::memmem;
    static FINDERS: std::sync::OnceLock<[memmem::Finder<'static>; 4]> = std::sync::OnceLock::new();
    let finders = FINDERS
        .get_or_init(|| [b"rd_".as_slice(), b"RD_", b"ic_", b"IC_"].map(memmem::Finder::new));
    let mut next: [Option<usize>; 4] = [0, 1, 2, 3].map(|i| finders[i].find(bytes));
    loop {
        let Some((i, at)) = next
            .iter()
            .enumerate()
            .filter_map(|(i, at)| Some((i, (*at)?)))
            .min_by_key(|&(_, at)| at)
        else {
            return;
        };
        next[i] = finders[i]
            .find(&bytes[at + 1..])
            .map(|later| at + 1 + later);
        // The needle's `_` is two bytes on.
        if let Some(start) = tier_before(bytes, at + 2) {
            if !found(start) {
                return;
            }
        }
    }
}

/// The VM size names in `text`, in order. Pure: no catalog, no date. Linear in the text:
/// lines, columns and the comment and quote state of a line are carried forward from one
/// mention to the next, never recounted from the line's start.
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
    let mut out = Vec::new();
    each_mention(text, kind, |m| out.push(m));
    out
}

/// [`size_mentions`] one at a time, with nothing kept between them.
pub(crate) fn each_mention<'t>(text: &'t str, kind: TextKind, mut f: impl FnMut(SizeMention<'t>)) {
    let bytes = text.as_bytes();
    let mut any = false;
    candidates(bytes, kind, |_| {
        any = true;
        false
    });
    if !any {
        return;
    }
    // A notebook's cells, only when it names a size at all (notebooks are mostly outputs,
    // images among them).
    let cells = if kind == TextKind::Notebook {
        super::notebook::sources(text)
    } else {
        None
    };
    // YAML comments as the YAML scanner finds them (`owner: Bob's team # …` is a comment).
    #[cfg(feature = "yaml")]
    let yaml_comments = (kind == TextKind::Yaml).then(|| {
        let (starts, scanned_to_line) = super::yaml::comment_starts(text);
        YamlComments {
            starts,
            scanned_to_line,
        }
    });
    #[cfg(not(feature = "yaml"))]
    let yaml_comments: Option<YamlComments> = None;
    // R Markdown: the byte ranges of its R code chunks; the rest is prose.
    let chunks = if kind == TextKind::RMarkdown {
        r_chunks(text)
    } else {
        Vec::new()
    };
    let mut chunk = 0;
    // ARM parameters and Terraform variables whose value a provisioning key uses.
    let flows = Flows::new(text, kind);
    let mut lines = Lines::new(text);
    let mut comments = Comments::new(text, kind);
    let mut each = |start: usize| {
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
        // Outputs and metadata are not a notebook's text: left before any other work.
        let source = match &cells {
            Some(cells) => match super::notebook::source_at(cells, start) {
                Some(source) => Some(*source),
                None => return,
            },
            None => None,
        };
        let (line, column) = lines.at(start);
        let (context, key, cell) = match source {
            Some(source) if source.prose => (MentionContext::Prose, None, Some(source.cell)),
            Some(source) => {
                let line_start = comments.advance_json(source, start);
                let (context, key) = comments.classify(line_start, start);
                (context, key, Some(source.cell))
            }
            None if kind == TextKind::Markdown => (MentionContext::Prose, None, None),
            None if kind == TextKind::RMarkdown && {
                while chunks.get(chunk).is_some_and(|&(_, end)| end <= start) {
                    chunk += 1;
                }
                chunks.get(chunk).is_none_or(|&(from, _)| from > start)
            } =>
            {
                (MentionContext::Prose, None, None)
            }
            None => {
                let line_start = lines.line_start;
                let in_comment = match yaml_comments
                    .as_ref()
                    .and_then(|c| c.in_comment(line, column))
                {
                    Some(in_comment) => in_comment,
                    None => comments.advance(line_start, start),
                };
                let (context, key) = if in_comment {
                    (MentionContext::Comment, None)
                } else {
                    match comments.classify_code(line_start, start) {
                        (MentionContext::Code, None) => match flows.default_of(text, start) {
                            Some(name) => (MentionContext::Provisioning, Some(name)),
                            None => (MentionContext::Code, None),
                        },
                        other => other,
                    }
                };
                (context, key, None)
            }
        };
        f(SizeMention {
            name,
            size,
            line,
            column,
            cell,
            context,
            key,
        });
    };
    candidates(bytes, kind, |start| {
        each(start);
        true
    });
}

/// The data flow of templates, as far as names show it: the ARM parameters used as
/// `"vmSize": "[parameters('NAME')]"`, the Terraform variables used as `vm_size = var.NAME`
/// and the pipeline inputs used as `instance_type: '${{parent.inputs.NAME}}'` — their
/// default values are what gets provisioned when nobody overrides them.
struct Flows {
    kind: TextKind,
    /// The parameter or variable names (ARM's in lower case: its names ignore case).
    names: std::collections::HashSet<String>,
}

/// How far back a default's owner (`"NAME": {`, `variable "NAME" {`) is looked for: a
/// bound, so that a text of many defaults stays linear.
const OWNER_LOOKBACK: usize = 1024;

impl Flows {
    /// One pass over the text for each use.
    fn new(text: &str, kind: TextKind) -> Flows {
        let mut names = std::collections::HashSet::new();
        let pattern: &[u8] = match kind {
            TextKind::Json => b"parameters('",
            TextKind::Terraform => b"var.",
            TextKind::Yaml => b"${{parent.inputs.",
            _ => b"",
        };
        if !pattern.is_empty() {
            let bytes = text.as_bytes();
            for at in memchr::memmem::find_iter(bytes, pattern) {
                let rest = &text[at + pattern.len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
                    .collect();
                if name.is_empty() {
                    continue;
                }
                let from = (at.saturating_sub(256)..=at)
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(at);
                let before = text[from..at].trim_end();
                let before = before.strip_suffix('[').unwrap_or(before);
                // A YAML line commented out passes nothing.
                let commented = kind == TextKind::Yaml
                    && before[before.rfind('\n').map_or(0, |i| i + 1)..]
                        .trim_start()
                        .starts_with('#');
                if !commented && provisioning_key(before).is_some() {
                    names.insert(if kind == TextKind::Json {
                        name.to_ascii_lowercase()
                    } else {
                        name
                    });
                }
            }
        }
        Flows { kind, names }
    }

    /// For a size at `at` that is the default of a parameter or variable a provisioning key
    /// uses (`"defaultValue": "X"`, `default = "X"`), that parameter's or variable's name.
    fn default_of<'t>(&self, text: &'t str, at: usize) -> Option<&'t str> {
        match self.kind {
            TextKind::Yaml => return yaml_input_default(text, at, &self.names),
            TextKind::Python => return argparse_default(text, at),
            _ => {}
        }
        if self.names.is_empty() {
            return None;
        }
        // The key right before the value first (a short look), the owner only for defaults.
        let near = (at.saturating_sub(64)..=at)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(at);
        let key = text[near..at]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '=' | ':'));
        if !(key.ends_with("defaultValue") || key.ends_with("default")) {
            return None;
        }
        let from = (at.saturating_sub(OWNER_LOOKBACK)..=at)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(at);
        let before = &text[from..at];
        let key_end = before
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '=' | ':'));
        let key_start = key_end
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        let key = &key_end[key_start..];
        let owner = match self.kind {
            TextKind::Json if key.eq_ignore_ascii_case("defaultValue") => {
                // `"NAME": { … "defaultValue": "X"`: the quoted name before the nearest `{`.
                let open = key_end[..key_start].rfind('{')?;
                let head = key_end[..open].trim_end().strip_suffix(':')?.trim_end();
                let head = head.strip_suffix('"')?;
                let name = &head[head.rfind('"')? + 1..];
                self.names
                    .contains(&name.to_ascii_lowercase())
                    .then_some(name)
            }
            TextKind::Terraform if key == "default" => {
                // `variable "NAME" { … default = "X"`.
                let at = key_end[..key_start].rfind("variable")?;
                let rest = key_end[at + "variable".len()..].trim_start();
                let rest = rest.strip_prefix('"')?;
                let name = &rest[..rest.find('"')?];
                self.names.contains(name).then_some(name)
            }
            _ => None,
        }?;
        Some(owner)
    }
}

/// For a size at `at` that is the `default=` of an argparse option named like a size, the
/// call written over several lines (`parser.add_argument(\n    "--instance_type",\n    …\n
/// default="X",`; on one line [`provisioning_key`] sees it), that option. The call is looked
/// for at most [`OWNER_LOOKBACK`] bytes back and must still be open at the value.
fn argparse_default(text: &str, at: usize) -> Option<&str> {
    const CALL: &str = "add_argument(";
    let boundary = |i: usize| (i..=at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    let key = text[boundary(at.saturating_sub(64))..at]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '='));
    let key_start = key
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    if &key[key_start..] != "default" {
        return None;
    }
    let before = &text[boundary(at.saturating_sub(OWNER_LOOKBACK))..at];
    let args = &before[before.rfind(CALL)? + CALL.len()..];
    // The arguments up to the value: its string literals, and no bracket closing the call.
    let bytes = args.as_bytes();
    let (mut depth, mut quote, mut start, mut i) = (0usize, None, 0, 0);
    let mut option = None;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (Some(_), b'\\') => i += 1,
            (Some(q), c) if c == q => {
                quote = None;
                let literal = &args[start..i];
                if option.is_none() && literal.starts_with('-') && provisioning_name(literal) {
                    option = Some(literal);
                }
            }
            (None, q @ (b'"' | b'\'')) => {
                quote = Some(q);
                start = i + 1;
            }
            (None, b'(' | b'[' | b'{') => depth += 1,
            (None, b')' | b']' | b'}') => depth = depth.checked_sub(1)?,
            (None, b'#') => i += args[i..].find('\n').unwrap_or(args.len() - i),
            _ => {}
        }
        i += 1;
    }
    // The value is an argument of the call itself, not of a call inside it.
    if depth > 0 {
        return None;
    }
    option
}

/// The key of a YAML line (`  - name: x` → `name`), if it has one.
fn key_of(line: &str) -> Option<&str> {
    let line = line.trim_start().trim_start_matches("- ");
    let key = line[..line.find(':')?].trim().trim_matches(['"', '\'']);
    (!key.is_empty()).then_some(key)
}

/// For a size at `at` that is the `default:` of a component or pipeline input named like a
/// size (`instance_type: {type: string, default: X}`, or `default: X` under `instance_type:`),
/// or of an input the text `passed` to a step's size (`instance_type_finetune:` with
/// `instance_type: '${{parent.inputs.instance_type_finetune}}'`), the input's name: what the
/// job gets when nobody passes the input.
fn yaml_input_default<'t>(
    text: &'t str,
    at: usize,
    passed: &std::collections::HashSet<String>,
) -> Option<&'t str> {
    let provisions = |owner: &str| provisioning_name(owner) || passed.contains(owner);
    // The line's start within a bounded window: a long line of many sizes stays linear.
    let window = (at.saturating_sub(OWNER_LOOKBACK)..=at)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    let line_start = text[window..at]
        .rfind('\n')
        .map_or(window, |i| window + i + 1);
    let head = &text[line_start..at];
    let before_value = head
        .trim_end_matches([' ', '\t', '"', '\''])
        .strip_suffix(':')?;
    if before_value.trim_end().ends_with("value") {
        return pipeline_variable(text, line_start, head);
    }
    if !before_value.trim_end().ends_with("default") {
        return None;
    }
    // The flow form: the key before the `{` on this line.
    if let Some(open) = head.rfind('{') {
        let owner = key_of(&head[..open])?;
        return provisions(owner).then_some(owner);
    }
    // The block form: the nearest line above, indented less (a bounded look).
    let indent = head.len() - head.trim_start().len();
    let from = (line_start.saturating_sub(OWNER_LOOKBACK)..=line_start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(line_start);
    for line in text[from..line_start].lines().rev() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if line.len() - trimmed.len() < indent {
            let owner = key_of(line)?;
            return provisions(owner).then_some(owner);
        }
    }
    None
}

/// Azure Pipelines' variable list, `- name: AML_COMPUTE_SKU` then `value: X`: the variable's
/// name when it is named like a size (a constant in capitals or a size key).
fn pipeline_variable<'t>(text: &'t str, line_start: usize, head: &str) -> Option<&'t str> {
    let column = head.len() - head.trim_start().trim_start_matches("- ").len();
    // The item's other lines are just above (a bounded look).
    let from = (line_start.saturating_sub(512)..=line_start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(line_start);
    for line in text[from..line_start].lines().rev().take(4) {
        let key_column = line.len() - line.trim_start().trim_start_matches("- ").len();
        if key_column != column {
            return None;
        }
        let item = line.trim_start().trim_start_matches("- ");
        if let Some(name) = item.strip_prefix("name:") {
            let name = name.trim().trim_matches(['"', '\'']);
            return provisioning_name(name).then_some(name);
        }
        if line.trim_start().starts_with("- ") {
            return None;
        }
    }
    None
}

/// The byte ranges of an R Markdown text's R code chunks: from the line after a
/// ```` ```{r …} ```` fence to the closing ```` ``` ````, in order.
fn r_chunks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let fence = line.trim_start();
        match open {
            None => {
                let header = fence.strip_prefix("```").map(str::trim_start);
                if header.is_some_and(|h| h.starts_with("{r") || h.starts_with("{R")) {
                    open = Some(at + line.len());
                }
            }
            Some(from) => {
                if fence.trim_end() == "```" {
                    out.push((from, at));
                    open = None;
                }
            }
        }
        at += line.len();
    }
    if let Some(from) = open {
        out.push((from, text.len()));
    }
    out
}

/// Where the comments of a YAML text start, by line (from 1): the column (from 1, in
/// characters) of each `#` the YAML scanner reads as a comment.
#[derive(Debug, Default)]
struct YamlComments {
    /// (line, column), in order.
    starts: Vec<(usize, usize)>,
    /// Lines past this one were not scanned (the text breaks the YAML rules there): the
    /// heuristic decides.
    scanned_to_line: usize,
}

impl YamlComments {
    /// Whether `line` and `column` are in a comment; `None` past what was scanned.
    fn in_comment(&self, line: usize, column: usize) -> Option<bool> {
        if line > self.scanned_to_line {
            return None;
        }
        let i = self.starts.partition_point(|&(l, _)| l < line);
        Some(
            self.starts
                .get(i)
                .is_some_and(|&(l, c)| l == line && c < column),
        )
    }
}

/// Line and column of offsets met in increasing order, each counted on from the last.
struct Lines<'t> {
    text: &'t str,
    line: usize,
    /// The offset where the current line starts.
    line_start: usize,
    /// `text[..counted]` has its line breaks counted in `line`.
    counted: usize,
    /// The characters of the current line before `column_at`.
    column_chars: usize,
    column_at: usize,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Lines {
            text,
            line: 1,
            line_start: 0,
            counted: 0,
            column_chars: 0,
            column_at: 0,
        }
    }

    /// The line and column (from 1; the column in characters) of `offset`, at or after the
    /// last one asked.
    fn at(&mut self, offset: usize) -> (usize, usize) {
        let gap = &self.text.as_bytes()[self.counted..offset];
        if let Some(last) = memchr::memrchr(b'\n', gap) {
            self.line += memchr::memchr_iter(b'\n', gap).count();
            self.line_start = self.counted + last + 1;
            self.column_chars = 0;
            self.column_at = self.line_start;
        }
        self.counted = offset;
        self.column_chars += self.text[self.column_at..offset].chars().count();
        self.column_at = offset;
        (self.line, self.column_chars + 1)
    }
}

/// The comment and quote state of the line being read, carried forward from mention to
/// mention. In a notebook's source string the line is a line of the cell's code: it starts
/// after a `\n` escape, and the JSON escapes are read as the characters they stand for
/// (`\"` is a quote of the code, not the end of the JSON string).
struct Comments<'t> {
    text: &'t str,
    markers: &'static [&'static str],
    /// The logical line scanned, by its start offset.
    line_start: usize,
    /// Scanned up to here.
    pos: usize,
    /// The quote (`'` or `"`) of the string being read, if any.
    quote: Option<u8>,
    comment: bool,
    /// The previous character (of the code, escapes decoded) was white space or none.
    after_blank: bool,
}

impl<'t> Comments<'t> {
    fn new(text: &'t str, kind: TextKind) -> Self {
        Comments {
            text,
            markers: match kind {
                TextKind::Notebook => TextKind::Python.comments(),
                other => other.comments(),
            },
            line_start: usize::MAX,
            pos: 0,
            quote: None,
            comment: false,
            after_blank: true,
        }
    }

    fn reset(&mut self, line_start: usize) {
        self.line_start = line_start;
        self.pos = line_start;
        self.quote = None;
        self.comment = false;
        self.after_blank = true;
    }

    /// Opens a string quoted by `q`, or closes it if it is the one open.
    fn toggle(&mut self, q: u8) {
        match self.quote {
            None => self.quote = Some(q),
            Some(open) if open == q => self.quote = None,
            Some(_) => {}
        }
    }

    /// Whether `to` (on the line starting at `line_start`) is in a comment: a marker outside
    /// quotes at the line's start or after white space. A backslash escapes the next byte.
    fn advance(&mut self, line_start: usize, to: usize) -> bool {
        if line_start != self.line_start || to < self.pos {
            self.reset(line_start);
        }
        let b = self.text.as_bytes();
        let mut i = self.pos;
        while i < to && !self.comment {
            match b[i] {
                b'\\' => i += 1,
                q @ (b'\'' | b'"') => self.toggle(q),
                _ if self.quote.is_none() => {
                    let blank = i == line_start || b[i - 1].is_ascii_whitespace();
                    if blank && self.markers.iter().any(|m| self.text[i..].starts_with(m)) {
                        self.comment = true;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        self.pos = to.max(i);
        self.comment
    }

    /// For a mention at `to` in a notebook's source string: advances over the string's
    /// escapes (a `\n` starts a new line of code) and returns where the mention's line of
    /// code starts.
    fn advance_json(&mut self, source: super::notebook::Source, to: usize) -> usize {
        if self.line_start < source.start || self.line_start >= source.end || to < self.pos {
            self.reset(source.start);
        }
        let b = self.text.as_bytes();
        let mut i = self.pos;
        // Inside a quoted string of the code, the next character is escaped.
        let mut escaped = false;
        while i < to {
            let (c, next) = if b[i] == b'\\' && i + 1 < to {
                match b[i + 1] {
                    b'n' | b'r' => {
                        self.reset(i + 2);
                        i += 2;
                        escaped = false;
                        continue;
                    }
                    b'u' if i + 6 <= to => {
                        let code = self
                            .text
                            .get(i + 2..i + 6)
                            .and_then(|h| u32::from_str_radix(h, 16).ok());
                        (code.and_then(char::from_u32).unwrap_or('?'), i + 6)
                    }
                    b't' => ('\t', i + 2),
                    other => (char::from(other), i + 2),
                }
            } else {
                (char::from(b[i]), i + 1)
            };
            if !self.comment {
                if escaped {
                    escaped = false;
                } else {
                    match c {
                        '\\' if self.quote.is_some() => escaped = true,
                        q @ ('\'' | '"') => self.toggle(q as u8),
                        '#' if self.quote.is_none() && self.after_blank => {
                            self.comment = true;
                        }
                        _ => {}
                    }
                }
            }
            self.after_blank = c.is_whitespace();
            i = next;
        }
        self.pos = i.max(to);
        self.line_start
    }

    /// A notebook mention's context, its line already advanced to.
    fn classify(&self, line_start: usize, at: usize) -> (MentionContext, Option<&'t str>) {
        if self.comment {
            return (MentionContext::Comment, None);
        }
        self.classify_code(line_start, at)
    }

    /// Provisioning when a provisioning key stands right before the mention, code otherwise.
    fn classify_code(&self, line_start: usize, at: usize) -> (MentionContext, Option<&'t str>) {
        // A key is short: look back a bounded way (linear on any input).
        let from = line_start.max(at.saturating_sub(256));
        let from = (from..=at)
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(at);
        match provisioning_key(&self.text[from..at]) {
            Some(key) => (MentionContext::Provisioning, Some(key)),
            None => (MentionContext::Code, None),
        }
    }
}

/// The key or option right before a value (`--size X`, `vm_size="X"`, `"vmSize": "X"`,
/// `param vmSize string = 'X'`), if it is one that provisions a size.
fn provisioning_key(before: &str) -> Option<&str> {
    fn trim(s: &str) -> &str {
        s.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '\\' | '=' | ':' | '`')
        })
    }
    let mut trimmed = trim(before);
    // R assigns with `<-`: `vm_size <- "X"`.
    if let Some(t) = trimmed.strip_suffix("<-") {
        trimmed = trim(t);
    }
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
    if provisioning_name(key) {
        return Some(key);
    }
    // Python's argparse: `add_argument("--vm_size", default="X")` provisions X when nobody
    // passes the option.
    if key == "default" {
        let head = &trimmed[..start];
        let option = head
            .rfind("\"--")
            .or_else(|| head.rfind("'--"))
            .map(|at| &head[at + 1..])
            .and_then(|rest| {
                let end = rest[1..].find(['"', '\''])? + 1;
                Some(&rest[..end])
            });
        if let Some(option) = option.filter(|o| provisioning_name(o)) {
            return Some(option);
        }
    }
    None
}

/// Whether a key or option name provisions a size. Compared without case, `-`, `_` and `$`,
/// from the end: `size`, `…vmsize`, `…instancetype` (`--size`, `vm_size`, `vmSize`,
/// `$VM_SIZE`, `--instance-type`); a constant in capitals (a module constant, a CI variable)
/// ending in `SIZE`, `SKU` or `INSTANCE_TYPE` (`DEFAULT_COMPUTE_SIZE`,
/// `AML_COMPUTE_CLUSTER_SKU`).
fn provisioning_name(key: &str) -> bool {
    let mut letters = key
        .bytes()
        .rev()
        .filter(|b| !matches!(b, b'-' | b'_' | b'$'))
        .map(|b| b.to_ascii_lowercase());
    let ends_with = |word: &[u8], letters: &mut dyn Iterator<Item = u8>| {
        word.iter().rev().all(|&w| letters.next() == Some(w))
    };
    let constant = key.bytes().any(|b| b.is_ascii_uppercase())
        && key
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'_' | b'$'));
    if constant
        && (ends_with(b"size", &mut letters.clone())
            || ends_with(b"sku", &mut letters.clone())
            || ends_with(b"instancetype", &mut letters.clone()))
    {
        return true;
    }
    let mut probe = letters.clone();
    if ends_with(b"size", &mut probe) {
        // `size` alone, or `…vmsize`.
        let rest: Vec<u8> = probe.take(2).collect();
        rest.is_empty() || rest == b"mv"
    } else {
        ends_with(b"instancetype", &mut letters)
    }
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

/// Whether only blanks (white space but line breaks) stand between the start of its line and
/// the end of `before`. Read backwards over those blanks alone, so that on a long line of
/// many places each costs only its own blanks.
#[cfg(feature = "yaml")]
pub(crate) fn starts_line(before: &str) -> bool {
    let rest = before.trim_end_matches(|c: char| c != '\n' && c.is_whitespace());
    rest.is_empty() || rest.ends_with('\n')
}

/// Where a text first uses the v1 SDK or CLI, and which: `(offset, what, the end of
/// support, the notebook cell)`. A use starts a statement: only blanks before it on its line, or, in a
/// notebook's code cell, in its source string (after the string's quote or a `\n`).
#[cfg(feature = "yaml")]
pub(crate) fn v1_use(
    text: &str,
    kind: TextKind,
) -> Option<(
    usize,
    &'static str,
    &'static crate::edition::EndOfSupport,
    Option<usize>,
)> {
    use TextKind as K;
    let [sdk, cli] = &crate::edition::V1_END_OF_SUPPORT;
    // The needles, and a part every one of them holds.
    let (needles, common, eos): (&[&str], &str, _) = match kind {
        K::Python | K::Notebook => (
            &["from azureml.core", "import azureml.core"],
            "azureml.core",
            sdk,
        ),
        // Commands of the v1 extension (azure-cli-ml) that the v2 one (ml) does not have; in
        // CI YAML too, whose steps run them.
        K::Shell | K::PowerShell | K::Yaml => (
            &[
                "az ml computetarget ",
                "az ml run submit-script",
                "az ml folder attach",
                "az ml model deploy",
                "az ml model register",
                "az ml model profile",
                "az ml endpoint realtime",
                "az ml service ",
            ],
            "az ml ",
            cli,
        ),
        // The SDK for R binds to the v1 Python SDK (Azure/azureml-sdk-for-r's README).
        K::R | K::RMarkdown => (
            &["library(azuremlsdk)", "require(azuremlsdk)"],
            "(azuremlsdk)",
            sdk,
        ),
        _ => return None,
    };
    // Most texts use none: they are not walked (a notebook's cells not found) for nothing,
    // and one search for the common part tells.
    memchr::memmem::find(text.as_bytes(), common.as_bytes())?;
    let cells = if kind == K::Notebook {
        Some(super::notebook::sources(text)?)
    } else {
        None
    };
    // R Markdown's prose is no code: a use must be in an R chunk (the chunks are in order).
    let chunks = (kind == K::RMarkdown).then(|| r_chunks(text));
    let in_code = |at: usize| {
        chunks.as_ref().is_none_or(|chunks| {
            let after = chunks.partition_point(|&(from, _)| from <= at);
            after > 0 && at < chunks[after - 1].1
        })
    };
    let starts_statement = |at: usize, needle: &str| -> bool {
        let ends_word = needle.ends_with(' ')
            || text[at + needle.len()..]
                .bytes()
                .next()
                .is_none_or(|b| !is_name_byte(b));
        let before = if let Some(cells) = &cells {
            match super::notebook::source_at(cells, at) {
                Some(source) if !source.prose => {
                    let before = text[source.start..at].trim_end_matches([' ', '\t']);
                    before.is_empty() || before.ends_with("\\n")
                }
                _ => false,
            }
        } else {
            starts_line(&text[..at])
        };
        ends_word && before && in_code(at)
    };
    needles
        .iter()
        .filter_map(|&needle| {
            text.match_indices(needle)
                .map(|(at, _)| at)
                .find(|&at| starts_statement(at, needle))
                .map(|at| (at, needle.trim_end()))
        })
        .min_by_key(|&(at, _)| at)
        .map(|(at, what)| {
            let cell = cells
                .as_deref()
                .and_then(|cells| super::notebook::source_at(cells, at))
                .map(|source| source.cell);
            (at, what, eos, cell)
        })
}

#[cfg(test)]
mod tests {
    use super::{tier_ends, underscores};
    use proptest::prelude::*;

    fn starts(scan: fn(&[u8], &mut dyn FnMut(usize) -> bool), text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        scan(text.as_bytes(), &mut |start| {
            out.push(start);
            true
        });
        out
    }

    #[test]
    fn both_scans_find_the_tiers_in_order() {
        let text =
            "Standard_NC6 xstandard_A basic_A1 STANDARD_D2 StandarD_X _Basic_B ic_ rd_ BASIC_";
        let expected = vec![0, 25, 34, 74];
        assert_eq!(starts(|b, f| underscores(b, f), text), expected);
        assert_eq!(starts(|b, f| tier_ends(b, f), text), expected);
    }

    proptest! {
        /// The notebook scan (every `_`) and the code scan (four substrings) agree.
        #[test]
        fn both_scans_agree(parts in proptest::collection::vec(prop_oneof![
            prop::sample::select(vec![
                "standard_", "STANDARD_", "Standard_", "StandarD_", "basic_", "BASIC_",
                "Basic_", "_", "rd_", "ic_", "x", " ", "-", "\u{e9}",
            ]).prop_map(String::from),
            "[a-zA-Z_ -]{0,4}",
        ], 0..40)) {
            let text = parts.concat();
            prop_assert_eq!(
                starts(|b, f| underscores(b, f), &text),
                starts(|b, f| tier_ends(b, f), &text)
            );
        }
    }
}
