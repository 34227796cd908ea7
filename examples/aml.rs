//! `aml`: Azure ML compute targets from the terminal, answered offline from built-in data.
//!
//! ```text
//! cargo run --example aml                      # overview on today's date
//! cargo run --example aml -- --on 2025-06-01   # the same on another date
//! cargo run --example aml -- --edition 2024-01 # as an older edition of the page
//! ```

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use aml_targets::{ApiView, Date, DocEdition, InferenceTarget, Support, TrainingTarget, VmSeries};

const USAGE: &str = "\
usage: aml [overview] [--on YYYY-MM-DD] [--edition 2024-01|2025-11|2026-03]

Prints the training-target matrix, the inference targets with their limits, and every VM
series Azure ML supports with its retirement state on the given date (default: today).";

struct Args {
    on: Date,
    edition: DocEdition,
}

fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(i64::MAX);
    Date::from_unix_days(days).unwrap_or(Date::MAX)
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        on: today(),
        edition: DocEdition::LATEST,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "overview" => {}
            "--on" => {
                let value = args.next().ok_or("--on needs a date, YYYY-MM-DD")?;
                parsed.on = value.parse().map_err(|e| format!("--on: {e}"))?;
            }
            "--edition" => {
                let value = args.next().ok_or("--edition needs a value")?;
                parsed.edition = value.parse().map_err(|e| format!("--edition: {e}"))?;
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    Ok(Some(parsed))
}

fn cell(s: Support) -> &'static str {
    s.page_text()
}

fn print_training(edition: DocEdition) {
    // Jan 2024 has one table for both views; later editions one per view.
    let views: &[ApiView] = if edition == DocEdition::Jan2024 {
        &[ApiView::V2]
    } else {
        &[ApiView::V2, ApiView::V1]
    };
    for &view in views {
        if edition == DocEdition::Jan2024 {
            println!("Training targets (page edition {edition}, one table for SDK/CLI v1 and v2)");
        } else {
            println!("Training targets (page edition {edition}, SDK/CLI {view})");
        }
        println!(
            "  {:<30} {:<26} {:<13} {:<9} managed",
            "target", "automated ML", "ML pipelines", "designer"
        );
        for t in TrainingTarget::listed(edition, view) {
            let f = t.features();
            println!(
                "  {:<30} {:<26} {:<13} {:<9} {}",
                t.page_name(),
                cell(f.automated_ml),
                cell(f.ml_pipelines),
                cell(f.designer),
                if t.is_managed() { "yes" } else { "no" },
            );
        }
        for t in TrainingTarget::listed(edition, view) {
            if let Some(caveat) = t.caveat() {
                println!("  note: {caveat}");
            }
        }
        println!();
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn print_inference() {
    for view in [ApiView::V2, ApiView::V1] {
        println!("Inference targets (SDK/CLI {view})");
        println!(
            "  {:<34} {:<9} {:<6} {:<4} {:<13} limits",
            "target", "real-time", "batch", "GPU", "dev/test only"
        );
        for t in InferenceTarget::listed(view) {
            let Some(p) = t.profile(view) else { continue };
            let limits = p.limits.map_or_else(
                || "—".to_owned(),
                |l| {
                    format!(
                        "RAM < {} GB, model < {} GB{}",
                        l.ram_below_gb,
                        l.model_size_below_gb,
                        if l.cpu_only { ", CPU only" } else { "" }
                    )
                },
            );
            println!(
                "  {:<34} {:<9} {:<6} {:<4} {:<13} {limits}",
                t.page_name(),
                yes_no(p.realtime),
                yes_no(p.batch),
                yes_no(p.gpu),
                yes_no(p.dev_test_only),
            );
        }
        println!();
    }
    println!("Sizing: {}", aml_targets::SIZING_ADVICE);
    println!();
}

fn print_series(edition: DocEdition, on: Date) {
    println!("VM series supported by Azure ML (page edition {edition}), state on {on}");
    println!(
        "  {:<15} {:<25} {:<23} {:<5} {:<5} state",
        "series", "category", "supported by", "GPU", "CUDA"
    );
    for s in VmSeries::listed(edition) {
        let supported_by = s.supported_by(edition).map_or("—", |b| b.as_str());
        let cuda = s
            .page_cuda_min(edition)
            .map_or_else(|| "—".to_owned(), |v| format!("{v}+"));
        println!(
            "  {:<15} {:<25} {:<23} {:<5} {:<5} {}",
            s.as_str(),
            s.category().as_str(),
            supported_by,
            s.page_gpu_label().unwrap_or("—"),
            cuda,
            s.retirement_state(on),
        );
    }
    let unlisted: Vec<String> = VmSeries::ALL
        .iter()
        .filter(|s| !s.is_listed(edition))
        .map(|s| format!("{s} ({})", s.retirement_state(on)))
        .collect();
    println!("  not in this edition's table: {}", unlisted.join(", "));
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    print_training(args.edition);
    print_inference();
    print_series(args.edition, args.on);
    ExitCode::SUCCESS
}
