//! JSON: the report's serde form, paths as shown to a person (the `aml check --format json`
//! contract of docs/json.md), streamed one diagnostic at a time.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::ser::{Serialize, SerializeStruct as _, Serializer};

use super::{RenderOptions, display_path};
use crate::lint::{Diagnostic, Related, Report, Severity, SkippedFile};

/// Writes every diagnostic (notes included, whatever [`RenderOptions::verbose`] says), the
/// counts, the files read and the files skipped with their reasons. Nothing is collected:
/// each diagnostic is written as it is shown, so memory does not grow with the report.
pub(super) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &Shown { report, options })?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The report as `Report`'s own serde form, with paths as shown.
struct Shown<'a> {
    report: &'a Report,
    options: &'a RenderOptions,
}

impl Serialize for Shown<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (report, options) = (self.report, self.options);
        let path = |p: &Path| PathBuf::from(display_path(p, options));
        let mut m = s.serialize_struct("Report", 9)?;
        m.serialize_field("on", &report.on)?;
        m.serialize_field(
            "diagnostics",
            &Each(|| {
                report.diagnostics.iter().map(|d| Diagnostic {
                    file: Some(path(d.file_or_empty())),
                    related: d
                        .related
                        .iter()
                        .map(|r| Related::new(path(&r.file), r.span, r.message.clone()))
                        .collect(),
                    ..d.clone()
                })
            }),
        )?;
        m.serialize_field("errors", &report.count(Severity::Error))?;
        m.serialize_field("warnings", &report.count(Severity::Warning))?;
        m.serialize_field("notes", &report.count(Severity::Note))?;
        m.serialize_field("files_read", &report.files_read)?;
        m.serialize_field("files_skipped", &report.files_skipped())?;
        m.serialize_field(
            "skipped",
            &Each(|| {
                report
                    .skipped
                    .iter()
                    .map(|s| SkippedFile::new(path(&s.file), s.reason.clone()))
            }),
        )?;
        // `aml check --fix`: the edits made before this check.
        if !report.fixed.is_empty() {
            m.serialize_field(
                "fixed",
                &Each(|| {
                    report.fixed.iter().map(|f| {
                        serde_json::json!({
                            "file": path(&f.file),
                            "line": f.line,
                            "column": f.column,
                            "original": f.original,
                            "replacement": f.replacement,
                        })
                    })
                }),
            )?;
        }
        m.end()
    }
}

/// A sequence serialized from an iterator, one item at a time (the same bytes as a `Vec`).
pub(super) struct Each<F>(pub(super) F);

impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}
