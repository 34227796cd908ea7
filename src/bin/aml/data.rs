//! `aml data`: every data table with its row count, as-of date and source; `aml data diff`:
//! where a region's size listing and the data disagree.

use std::path::PathBuf;

use aml_targets::DATA_AS_OF;
use clap::{Args, Subcommand};
use serde_json::{Value, json};

use crate::{Ctx, Outcome, json_text, read_listing};

#[derive(Args)]
pub(crate) struct DataArgs {
    #[command(subcommand)]
    command: Option<DataCommand>,
}

#[derive(Subcommand)]
enum DataCommand {
    /// Where a region's size listing and the data disagree: sizes new to the data, figures
    /// that differ, and (for a region whose listing the data recorded) sizes the listing lacks.
    /// Exit 1 when they disagree.
    #[command(
        after_help = "Examples:\n  az ml compute list-sizes -o json > sizes.json\n  aml data diff --catalog sizes.json --region eastus\n  aml data diff --catalog sizes.json --json"
    )]
    Diff(DiffArgs),
}

#[derive(Args)]
struct DiffArgs {
    /// The region's `az ml compute list-sizes -o json` (or the REST `vmSizes` response).
    #[arg(long, value_name = "LIST_SIZES.json")]
    catalog: PathBuf,
    /// The listing's region: where the data recorded a listing of it (eastus), the sizes the
    /// listing lacks are named too.
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
}

pub(crate) fn run(ctx: &Ctx, args: &DataArgs, out: &mut String) -> Outcome {
    match &args.command {
        Some(DataCommand::Diff(diff)) => self::diff(ctx, diff, out),
        None => {
            tables(ctx, out);
            Ok(false)
        }
    }
}

/// `aml data diff`.
fn diff(ctx: &Ctx, args: &DiffArgs, out: &mut String) -> Outcome {
    let listing = read_listing(&args.catalog)?;
    let d = aml_targets::vm::drift(&listing, args.region.as_deref());
    if ctx.json {
        let row = |s: &aml_targets::VmSizeSpec| {
            json!({
                "size": s.name,
                "vcpus": s.vcpus,
                "memory_gib": s.memory_gib,
                "gpus": s.gpus.to_string(),
                "family": s.family,
            })
        };
        out.push_str(&json_text(&json!({
            "data_as_of": d.data_as_of.to_string(),
            "listing": args.catalog.display().to_string(),
            "region": args.region,
            "sizes": listing.len(),
            "new": d.new.iter().map(|s| row(s)).collect::<Vec<_>>(),
            "differing": d.differing.iter().map(|x| json!({
                "size": x.listing.name,
                "fields": x.fields.iter().map(|f| json!({
                    "field": f.field, "data": f.data, "listing": f.listing,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "missing": d.missing,
            "agree": d.is_empty(),
        })));
        return Ok(!d.is_empty());
    }
    let shown = aml_targets::render::escaped(&args.catalog.display().to_string()).to_string();
    wln!(
        out,
        "Data as of {}; listing {shown}: {} size(s){}",
        d.data_as_of,
        listing.len(),
        args.region
            .as_deref()
            .map(|r| format!(", region {}", aml_targets::render::escaped(r)))
            .unwrap_or_default()
    );
    wln!(out, "New to the data ({}):", d.new.len());
    for s in &d.new {
        wln!(
            out,
            "  {}: {} vCPUs, {} GiB, {} GPU(s), family {}",
            aml_targets::render::escaped(&s.name),
            s.vcpus,
            s.memory_gib,
            s.gpus,
            aml_targets::render::escaped(s.family.as_deref().unwrap_or("?"))
        );
    }
    wln!(out, "Figures that differ ({}):", d.differing.len());
    for x in &d.differing {
        let fields: Vec<String> = x.fields.iter().map(ToString::to_string).collect();
        wln!(
            out,
            "  {}: {}",
            aml_targets::render::escaped(&x.listing.name),
            aml_targets::render::escaped(&fields.join("; "))
        );
    }
    if let Some(missing) = &d.missing {
        wln!(
            out,
            "In the data's listing of the region (2025-11-04), not in this one ({}):",
            missing.len()
        );
        for name in missing {
            wln!(out, "  {name}");
        }
    } else {
        wln!(
            out,
            "Sizes the listing lacks: not judged (the data records eastus's listing only; name it with --region)"
        );
    }
    wln!(
        out,
        "{}",
        if d.is_empty() {
            "The listing and the data agree."
        } else {
            "The listing and the data disagree."
        }
    );
    Ok(!d.is_empty())
}

fn tables(ctx: &Ctx, out: &mut String) {
    let tables = aml_targets::data::data_tables();
    if ctx.json {
        let rows: Vec<Value> = tables
            .iter()
            .map(|t| {
                json!({
                    "name": t.name,
                    "rows": t.rows,
                    "as_of": t.as_of.to_string(),
                    "source": t.source,
                })
            })
            .collect();
        out.push_str(&json_text(&json!({
            "data_as_of": DATA_AS_OF.to_string(),
            "tables": rows,
        })));
        return;
    }
    wln!(
        out,
        "Data as of {} (a newer crate version may know later announcements)",
        DATA_AS_OF
    );
    wln!(
        out,
        "  {:<24} {:>5}  {:<10}  source",
        "table",
        "rows",
        "as of"
    );
    for t in tables {
        wln!(
            out,
            "  {:<24} {:>5}  {:<10}  {}",
            t.name,
            t.rows,
            t.as_of.to_string(),
            t.source
        );
    }
}
