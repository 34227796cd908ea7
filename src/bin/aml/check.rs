//! `aml check PATH...`: plan files and repositories, checked and rendered in the chosen
//! format.

use std::path::PathBuf;

use aml_targets::lint::check_plan_file;
use aml_targets::plan::PlanFile;
use aml_targets::project::{AzureMlProject, ReadOptions, computes_from_json};
use aml_targets::render::Format;
use aml_targets::{Catalog, RenderOptions, Report, Severity};
use clap::{Args, ValueEnum};

use crate::{Ctx, Failure, Outcome, color, read_input, read_listing, read_usages};

/// Which findings fail the check besides errors.
#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    /// Warnings fail too (exit 1).
    Warnings,
}

#[derive(Args)]
pub(crate) struct CheckArgs {
    /// Plan files (`.toml`, `.json`), Azure ML files and directories to check.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The output format: human, json, github, cargo or sarif (default: human; json with
    /// --json).
    #[arg(long, value_name = "FORMAT")]
    format: Option<Format>,
    /// Show notes too (JSON always has them).
    #[arg(long)]
    verbose: bool,
    /// Make warnings fail the check too.
    #[arg(long, value_name = "warnings")]
    deny: Option<Deny>,
    /// What `az ml compute list -o json` prints: computes jobs may run on.
    #[arg(long, value_name = "COMPUTE_LIST.json")]
    computes: Option<PathBuf>,
    /// What `az ml compute list-usage -o json` prints: quota, checked per family and region.
    #[arg(long, value_name = "LIST_USAGE.json")]
    usage: Option<PathBuf>,
    /// The region's `az ml compute list-sizes -o json`.
    #[arg(long, value_name = "LIST_SIZES.json")]
    catalog: Option<PathBuf>,
    /// Read these files too (`*.md`); repeatable.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Do not read these files or folders; repeatable.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
}

/// Whether a path named on the command line is a plan file: TOML, or JSON shaped like a plan
/// (an ARM template or a notebook is a repository file).
fn is_plan_file(path: &std::path::Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("toml") => true,
        Some("json") => std::fs::read_to_string(path).map_or(true, |t| PlanFile::is_plan_json(&t)),
        _ => false,
    }
}

pub(crate) fn run(ctx: &Ctx, args: &CheckArgs, out: &mut String) -> Outcome {
    let format = args.format.unwrap_or(if ctx.json {
        Format::Json
    } else {
        Format::Human
    });
    let listing: Option<Catalog> = args.catalog.as_ref().map(read_listing).transpose()?;
    let usages = args.usage.as_ref().map(read_usages).transpose()?;
    let mut report = Report::default();
    let mut tree = Vec::new();
    for path in &args.paths {
        if is_plan_file(path) {
            let file =
                PlanFile::read(path).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
            report.merge(check_plan_file(
                path,
                &file,
                ctx.on,
                listing.as_ref(),
                usages.as_ref(),
            ));
        } else {
            tree.push(path.clone());
        }
    }
    if !tree.is_empty() {
        let mut options = ReadOptions::default();
        for glob in &args.include {
            options = options.include(glob);
        }
        for glob in &args.exclude {
            options = options.exclude(glob);
        }
        let mut project = AzureMlProject::read_paths_with(&tree, &options)?;
        if let Some(path) = &args.computes {
            let text = read_input(path)?;
            let computes = computes_from_json(&text, path)
                .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
            project = project.with_computes(computes);
        }
        if let Some(listing) = listing {
            project = project.with_listing(listing);
        }
        if let Some(usages) = usages {
            project = project.with_usages(usages);
        }
        report.merge(project.check(ctx.on));
    }
    report.on = Some(ctx.on);
    let mut options = RenderOptions::default()
        .verbose(args.verbose)
        .color(color());
    if let Ok(cwd) = std::env::current_dir() {
        options = options.base(cwd);
    }
    out.push_str(&format.render(&report, &options));
    let denied = args.deny.is_some() && report.count(Severity::Warning) > 0;
    Ok(report.has_errors() || denied)
}
