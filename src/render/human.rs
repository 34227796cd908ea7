//! Human text: each finding with its place, key, related places, help and alternatives, then
//! the summary line.

use std::io::{self, Write as _};

use super::{RenderOptions, display_path, place, shown};
use crate::lint::{Report, Severity};
use crate::text::Safe;

/// Writes each error and warning (notes too with [`RenderOptions::verbose`]), then the
/// summary line. Control characters from the files are shown escaped, never written raw.
pub(super) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    for d in shown(report, options) {
        let label = paint(
            options.color,
            d.severity,
            &format!("{}[{}]", d.severity, d.code),
        );
        writeln!(out, "{label}: {}", Safe(&d.message))?;
        let place = place(
            &display_path(d.file_or_empty(), options),
            d.line(),
            d.column(),
        );
        if d.key.is_none() {
            writeln!(out, "  --> {}", Safe(&place))?;
        } else {
            writeln!(out, "  --> {}: {}", Safe(&place), Safe(&d.key.to_string()))?;
        }
        for r in &d.related {
            let place = super::place(&display_path(&r.file, options), r.line(), None);
            writeln!(out, "  also: {} ({})", Safe(&place), Safe(&r.message))?;
        }
        if let Some(help) = &d.help {
            writeln!(out, "  help: {}", Safe(help))?;
        }
        if !d.alternatives.is_empty() {
            writeln!(out, "  try: {}", Safe(&d.alternatives.join(", ")))?;
        }
        out.write_all(b"\n")?;
    }
    writeln!(out, "{}", report.summary())?;
    out.flush()
}

fn paint(color: bool, severity: Severity, text: &str) -> String {
    if !color {
        return text.to_owned();
    }
    let code = match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Note => "1;36",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}
