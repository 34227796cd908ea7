//! Azure Pipelines logging commands:
//! `##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=…]message`.

use std::io::{self, Write as _};

use super::{RenderOptions, display_path, message_line, shown};
use crate::lint::{Report, Severity};

/// Writes one `task.logissue` command per error and warning (notes too, as warnings that say
/// so, with [`RenderOptions::verbose`]), every property and the message escaped by the Azure
/// Pipelines agent's rules, so that no file name or value can end a property or start a
/// command of its own.
pub(super) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    for d in shown(report, options) {
        let (kind, prefix) = match d.severity {
            Severity::Error => ("error", ""),
            Severity::Warning => ("warning", ""),
            Severity::Note => ("warning", "note: "),
        };
        write!(
            out,
            "##vso[task.logissue type={kind};sourcepath={}",
            escape(&display_path(d.file_or_empty(), options), true)
        )?;
        if let Some(line) = d.line() {
            write!(out, ";linenumber={line}")?;
            if let Some(column) = d.column() {
                write!(out, ";columnnumber={column}")?;
            }
        }
        writeln!(
            out,
            ";code={}]{prefix}{}",
            escape(d.code.as_str(), true),
            escape(&message_line(d, options), false)
        )?;
    }
    out.flush()
}

/// The agent's escapes: `%` as `%AZP25`, CR and LF as `%0D` and `%0A` everywhere; `;` and `]`
/// as `%3B` and `%5D` in property values. Other characters a log viewer would act on are shown
/// as Rust escapes (`\u{1b}`).
fn escape(s: &str, property: bool) -> String {
    super::escape_command(s, "%AZP25", if property { &[';', ']'] } else { &[] })
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn nothing_ends_a_property_or_starts_a_command() {
        assert_eq!(
            escape("a;code=x]##vso[task.setvariable variable=A]1", true),
            "a%3Bcode=x%5D##vso[task.setvariable variable=A%5D1"
        );
        assert_eq!(
            escape("100%\n##vso[task.complete result=Succeeded]", false),
            "100%AZP25%0A##vso[task.complete result=Succeeded]"
        );
        assert_eq!(escape("\u{1b}[31m\r", false), "\\u{1b}[31m%0D");
    }
}
