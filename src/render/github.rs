//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

use std::io::{self, Write as _};

use super::{RenderOptions, display_path, message_line, shown};
use crate::lint::{Report, Severity};

/// Writes one command per error and warning (notes as `::notice` with
/// [`RenderOptions::verbose`]), escaped as GitHub's workflow-command rules require so that no
/// file name or value can start a command of its own.
pub(super) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    for d in shown(report, options) {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        write!(
            out,
            "::{level} file={}",
            escape_property(&display_path(d.file_or_empty(), options))
        )?;
        if let Some(line) = d.line() {
            write!(out, ",line={line}")?;
            if let Some(col) = d.column() {
                write!(out, ",col={col}")?;
            }
        }
        writeln!(
            out,
            ",title={}::{}",
            escape_property(d.code.as_str()),
            escape_data(&message_line(d, options))
        )?;
    }
    out.flush()
}

/// GitHub workflow-command data: `%`, `\r`, `\n` escaped as GitHub's rules say; other
/// characters a terminal or log viewer would act on shown as Rust escapes (`\u{1b}`).
fn escape_data(s: &str) -> String {
    super::escape_command(s, "%25", &[])
}

/// GitHub workflow-command property values: data escapes plus `:` and `,`.
fn escape_property(s: &str) -> String {
    super::escape_command(s, "%25", &[':', ','])
}
