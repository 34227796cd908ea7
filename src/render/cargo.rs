//! `cargo:warning=` lines for a build script.

use std::io::{self, Write as _};

use super::{RenderOptions, message_line, place_of, shown};
use crate::lint::Report;
use crate::text::Safe;

/// Writes one `cargo:warning=` line per error and warning (notes too with
/// [`RenderOptions::verbose`]); each is one line whatever the file names and messages hold,
/// so no text from a file can start another `cargo:` directive.
pub(super) fn write(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    for d in shown(report, options) {
        let place = place_of(d, options);
        writeln!(
            out,
            "cargo:warning={}",
            Safe(&format!(
                "{place}: {}[{}] {}",
                d.severity,
                d.code,
                message_line(d, options)
            ))
        )?;
    }
    out.flush()
}
