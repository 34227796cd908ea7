//! SARIF 2.1.0, as GitHub code scanning reads it.

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::Path;

use serde_json::json;

use super::{RenderOptions, display_path, shown};
use crate::lint::{Code, Report, Severity};

/// Writes one rule per [`Code`] (id, summary, meaning, the full entry of `docs/codes.md` as
/// help, a link to its section, default level), one result per
/// error and warning (notes too with [`RenderOptions::verbose`]) with its file (relative,
/// `/`-separated, percent-encoded), line and column where known.
pub(super) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let level = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    };
    let rules: Vec<serde_json::Value> = Code::ALL
        .iter()
        .map(|&code| {
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
        })
        .collect();
    let location = |file: &Path, line: Option<usize>, column: Option<usize>| {
        let mut physical = json!({
            "artifactLocation": {
                "uri": uri(&display_path(file, options)),
                "uriBaseId": "%SRCROOT%",
            },
        });
        if let Some(line) = line {
            let mut region = json!({"startLine": line});
            if let Some(column) = column {
                region["startColumn"] = json!(column);
            }
            physical["region"] = region;
        }
        json!({"physicalLocation": physical})
    };
    let results: Vec<serde_json::Value> = shown(report, options)
        .map(|d| {
            let index = Code::ALL.iter().position(|&c| c == d.code).unwrap_or(0);
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
                "locations": [location(d.file_or_empty(), d.line(), d.column())],
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
                        let mut l = location(&r.file, r.line(), None);
                        l["id"] = json!(i);
                        l["message"] = json!({"text": r.message});
                        l
                    })
                    .collect();
            }
            result
        })
        .collect();
    let value = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "aml-targets",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rules,
            }},
            "results": results,
        }],
    });
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &value)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// A relative path as a SARIF URI reference: `/`-separated, percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}
