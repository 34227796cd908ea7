//! A Markdown summary of a report, for a CI job's page (`$GITHUB_STEP_SUMMARY`).

use std::collections::BTreeMap;
use std::io::{self, Write as _};

use super::{RenderOptions, place_of, shown};
use crate::lint::{Code, Report, Severity};

/// How many findings the summary lists one by one.
const LISTED: usize = 50;

/// Writes the summary line, a table of counts per severity and code, and the first 50
/// findings (file, line, code, message). Text from files is escaped for Markdown tables:
/// `|`, `<`, `>`, `` ` `` and line breaks cannot end a cell or open markup.
///
/// ```
/// # #[cfg(feature = "yaml")] {
/// use aml_targets::render::markdown_summary;
/// use aml_targets::{AzureMlProject, RenderOptions};
///
/// let script = "az ml compute create -n gpu --type amlcompute --size Standard_NC6\n";
/// let report = AzureMlProject::from_sources([("make.sh", script)]).check("2026-12-07".parse()?);
/// let mut out = Vec::new();
/// markdown_summary(&report, &RenderOptions::default(), &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains("| error | `retired-series` | 1 |"));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// What writing to `out` returns.
pub fn markdown_summary(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    writeln!(out, "### aml check\n\n{}\n", report.summary())?;
    let mut counts: BTreeMap<(Severity, Code), usize> = BTreeMap::new();
    for d in shown(report, options) {
        *counts.entry((d.severity, d.code)).or_default() += 1;
    }
    if counts.is_empty() {
        return out.flush();
    }
    writeln!(out, "| Severity | Code | Count |\n|---|---|---|")?;
    for ((severity, code), n) in &counts {
        writeln!(out, "| {severity} | `{code}` | {n} |")?;
    }
    writeln!(out, "\n| Place | Code | Message |\n|---|---|---|")?;
    for (listed, d) in shown(report, options).enumerate() {
        if listed == LISTED {
            let more = counts.values().sum::<usize>() - LISTED;
            writeln!(out, "\n… and {more} more.")?;
            break;
        }
        let place = place_of(d, options);
        writeln!(
            out,
            "| {} | `{}` | {} |",
            cell(&place),
            d.code,
            cell(&d.message)
        )?;
    }
    writeln!(out)?;
    out.flush()
}

/// Text for a Markdown table cell.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::Safe(text).to_string().chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '`' => out.push_str("\\`"),
            '*' | '_' | '[' | ']' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(
            super::cell("a|b\n<img src=x>`c`"),
            "a\\|b\\\\n&lt;img src=x&gt;\\`c\\`"
        );
    }
}
