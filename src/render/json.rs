//! JSON: the report's serde form, paths as shown to a person (the `aml check --format json`
//! contract of docs/json.md).

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::{RenderOptions, display_path};
use crate::lint::{Diagnostic, Related, Report, SkippedFile};

/// Writes every diagnostic (notes included, whatever [`RenderOptions::verbose`] says), the
/// counts, the files read and the files skipped with their reasons.
pub(super) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let path = |p: &Path| PathBuf::from(display_path(p, options));
    let shown = Report {
        on: report.on,
        files_read: report.files_read,
        skipped: report
            .skipped
            .iter()
            .map(|s| SkippedFile::new(path(&s.file), s.reason.clone()))
            .collect(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| Diagnostic {
                file: Some(path(d.file_or_empty())),
                related: d
                    .related
                    .iter()
                    .map(|r| Related::new(path(&r.file), r.span, r.message.clone()))
                    .collect(),
                ..d.clone()
            })
            .collect(),
    };
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &shown)?;
    out.write_all(b"\n")?;
    out.flush()
}
