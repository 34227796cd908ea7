//! SARIF 2.1.0, as GitHub code scanning reads it, streamed one result at a time.

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::{Component, Path, PathBuf};

use serde::ser::{Serialize, SerializeMap as _, Serializer};
use serde_json::{Value, json};

use super::json::Each;
use super::{RenderOptions, shown};
use crate::lint::{Code, Diagnostic, Fix, Report, Severity, Span};

/// The base every relative URI is resolved against: the checked tree's root.
const SRCROOT: &str = "%SRCROOT%";

/// Writes one rule per [`Code`] (id, summary, meaning, the full entry of `docs/codes.md` as
/// help, a link to its section, default level), one result per error and warning (notes too
/// with [`RenderOptions::verbose`]) with its file, line and column where known.
///
/// A file under [`RenderOptions::base`] is a URI relative to `%SRCROOT%` (`/`-separated,
/// percent-encoded byte by byte), and the run's `originalUriBaseIds` says where `%SRCROOT%`
/// is; a file outside it is an absolute `file://` URI. Rules and results are written as
/// they are made: memory does not grow with the report or with the rules' texts.
pub(super) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let log = Log { report, options };
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &log)?;
    out.write_all(b"\n")?;
    out.flush()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The whole log: `{"$schema", "runs": [{"originalUriBaseIds", "results", "tool"}],
/// "version"}`, keys in the order `serde_json::Value` writes them.
struct Log<'a> {
    report: &'a Report,
    options: &'a RenderOptions,
}

/// The tool and its rules, `{"driver": {"informationUri", "name", "rules", "version"}}` (keys
/// sorted, as `serde_json::Value` writes them), written one rule at a time: the rules' texts
/// are all of docs/codes.md, about half a megabyte when built at once.
struct Tool;

impl Serialize for Tool {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Driver;
        impl Serialize for Driver {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(4))?;
                m.serialize_entry("informationUri", env!("CARGO_PKG_REPOSITORY"))?;
                m.serialize_entry("name", "aml-targets")?;
                m.serialize_entry("rules", &Each(|| Code::ALL.iter().map(|&code| rule(code))))?;
                m.serialize_entry("version", env!("CARGO_PKG_VERSION"))?;
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("driver", &Driver)?;
        m.end()
    }
}

/// The rule of `code`: its texts, its level and its page.
fn rule(code: Code) -> Value {
    let rule = code.rule();
    json!({
        "id": code.as_str(),
        "name": format!("{code:?}"),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.meaning},
        "help": {"text": rule.to_string(), "markdown": rule.markdown()},
        "defaultConfiguration": {"level": level(rule.severity)},
        "helpUri": rule.url(),
    })
}

impl Serialize for Log<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("$schema", "https://json.schemastore.org/sarif-2.1.0.json")?;
        m.serialize_entry("runs", &[Run(self)])?;
        m.serialize_entry("version", "2.1.0")?;
        m.end()
    }
}

struct Run<'a, 'b>(&'b Log<'a>);

impl Serialize for Run<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Log { report, options } = self.0;
        let mut m = s.serialize_map(None)?;
        if let Some(base) = &options.base {
            let mut root = file_uri(base);
            if !root.ends_with('/') {
                root.push('/');
            }
            m.serialize_entry("originalUriBaseIds", &json!({SRCROOT: {"uri": root}}))?;
        }
        m.serialize_entry(
            "results",
            &Each(|| {
                shown(report, options)
                    .map(|d| result(d, options))
                    .chain(report.fixed.iter().map(|f| fixed(f, options)))
            }),
        )?;
        m.serialize_entry("tool", &Tool)?;
        m.end()
    }
}

/// One result.
fn result(d: &Diagnostic, options: &RenderOptions) -> Value {
    let index = rule_index(d.code);
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        let _ = write!(text, " Help: {help}.");
    }
    if !d.alternatives.is_empty() {
        let _ = write!(text, " Try: {}.", d.alternatives.join(", "));
    }
    let mut result = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": index,
        "level": level(d.severity),
        "message": {"text": text},
        "locations": [location(d.file_or_empty(), d.span, options)],
    });
    if !d.key.is_none() {
        result["properties"] = json!({"key": d.key.to_string()});
    }
    if !d.related.is_empty() {
        result["relatedLocations"] = d
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut l = location(&r.file, r.span.map(|s| Span::at(s.start.line, 0)), options);
                l["id"] = json!(i);
                l["message"] = json!({"text": r.message});
                l
            })
            .collect();
    }
    result
}

/// The position of `code`'s rule in the driver's `rules` (every code, in [`Code::ALL`] order).
fn rule_index(code: Code) -> usize {
    Code::ALL.iter().position(|&c| c == code).unwrap_or(0)
}

/// An edit made before the check (`aml check --fix`): a `retired-series` result that passed
/// (`kind: pass`), with the edit as its fix — the region deleted and the text inserted.
fn fixed(f: &Fix, options: &RenderOptions) -> Value {
    let index = rule_index(Code::RetiredSeries);
    let end = f.column + f.original.chars().count();
    let region =
        json!({"startLine": f.line, "startColumn": f.column, "endLine": f.line, "endColumn": end});
    let mut location = location(&f.file, None, options);
    location["physicalLocation"]["region"] = region.clone();
    let artifact = location["physicalLocation"]["artifactLocation"].clone();
    json!({
        "ruleId": Code::RetiredSeries.as_str(),
        "ruleIndex": index,
        "kind": "pass",
        "level": "none",
        "message": {"text": format!("{} was replaced by {}", f.original, f.replacement)},
        "locations": [location],
        "fixes": [{
            "description": {"text": format!("replace {} by {}", f.original, f.replacement)},
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": [{
                    "deletedRegion": region,
                    "insertedContent": {"text": f.replacement},
                }],
            }],
        }],
    })
}

/// A physical location: the file, and the region where known — start line, start column
/// (none when 0), and the end (`endColumn` just past the last character) when the span has it.
fn location(file: &Path, span: Option<Span>, options: &RenderOptions) -> Value {
    let artifact = match artifact(file, options.base.as_deref()) {
        (uri, true) => json!({"uri": uri, "uriBaseId": SRCROOT}),
        (uri, false) => json!({"uri": uri}),
    };
    let mut physical = json!({ "artifactLocation": artifact });
    if let Some(span) = span {
        let mut region = json!({"startLine": span.start.line});
        if span.start.column > 0 {
            region["startColumn"] = json!(span.start.column);
            if let Some(end) = span.end {
                region["endLine"] = json!(end.line);
                region["endColumn"] = json!(end.column);
            }
        }
        physical["region"] = region;
    }
    json!({"physicalLocation": physical})
}

/// A file's URI and whether it is relative to `%SRCROOT%`: relative when the file is under
/// `base` (or there is no base and the path is relative and stays below the current
/// directory), else an absolute `file://` URI.
fn artifact(file: &Path, base: Option<&Path>) -> (String, bool) {
    let absolute = match base {
        Some(base) if !file.is_absolute() => normalized(&base.join(file)),
        _ => normalized(file),
    };
    let relative = match base {
        Some(base) => absolute.strip_prefix(base).ok().map(Path::to_path_buf),
        None if !absolute.is_absolute() && !absolute.starts_with("..") => Some(absolute.clone()),
        None => None,
    };
    match relative {
        Some(relative) if !relative.as_os_str().is_empty() => (path_uri(&relative), true),
        _ => (file_uri(&absolute), false),
    }
}

/// `path` without `.` components and with each `..` taking away the component before it.
fn normalized(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// An absolute path as a `file://` URI.
fn file_uri(path: &Path) -> String {
    let uri = path_uri(path);
    if uri.starts_with('/') {
        format!("file://{uri}")
    } else {
        format!("file:///{uri}")
    }
}

/// A path as a URI reference: components joined by `/`, each percent-encoded byte by byte
/// (a name that is not UTF-8 keeps its bytes, so two such names never meet).
fn path_uri(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components() {
        match component {
            Component::RootDir => out.push('/'),
            Component::Prefix(p) => encode(
                &mut out,
                &p.as_os_str().to_string_lossy().replace('\\', "/"),
            ),
            Component::CurDir => {}
            Component::ParentDir => out.push_str("../"),
            Component::Normal(name) => {
                encode_bytes(&mut out, &os_bytes(name));
                out.push('/');
            }
        }
    }
    if out.len() > 1 && out.ends_with('/') {
        out.pop();
    }
    out
}

fn encode(out: &mut String, text: &str) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

fn encode_bytes(out: &mut String, bytes: &[u8]) {
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

#[cfg(unix)]
fn os_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt as _;
    std::borrow::Cow::Borrowed(name.as_bytes())
}

#[cfg(not(unix))]
fn os_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    match name.to_string_lossy() {
        std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
        std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s.into_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_under_the_root_are_relative_and_others_absolute() {
        let base = Path::new("/work/repo");
        assert_eq!(
            artifact(Path::new("jobs/train job.yml"), Some(base)),
            ("jobs/train%20job.yml".to_owned(), true)
        );
        assert_eq!(
            artifact(Path::new("/work/repo/./a/../b.yml"), Some(base)),
            ("b.yml".to_owned(), true)
        );
        assert_eq!(
            artifact(Path::new("../other/c.yml"), Some(base)),
            ("file:///work/other/c.yml".to_owned(), false)
        );
        assert_eq!(
            artifact(Path::new("/etc/x.yml"), Some(base)),
            ("file:///etc/x.yml".to_owned(), false)
        );
        assert_eq!(
            artifact(Path::new("a/b.yml"), None),
            ("a/b.yml".to_owned(), true)
        );
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_keep_their_bytes() {
        use std::os::unix::ffi::OsStrExt as _;
        let a = Path::new(std::ffi::OsStr::from_bytes(b"a\xff.yml"));
        let b = Path::new(std::ffi::OsStr::from_bytes(b"a\xfe.yml"));
        assert_eq!(artifact(a, None).0, "a%FF.yml");
        assert_ne!(artifact(a, None), artifact(b, None));
    }
}
