//! `aml check PATH...`: plan files and repositories, checked and rendered in the chosen
//! format.

use std::path::{Path, PathBuf};

use aml_targets::guard::{self, Scope};
use aml_targets::lint::{SkipReason, SkippedFile, check_plan_file};
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

/// What a path named on the command line is.
enum Named {
    /// A plan file, read.
    Plan(PlanFile),
    /// A plan file that does not read, or a file refused (a link out of the current
    /// directory, a device, a FIFO, too large): reported, and the exit status is 2.
    Refused(SkipReason),
    /// A file or directory of a repository.
    Tree,
}

/// TOML is a plan; JSON is a plan when shaped like one (an ARM template, a notebook, an
/// editor's settings with comments, an array or an empty file are a repository's files).
fn classify(path: &Path) -> Named {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let json = match ext.as_deref() {
        Some("toml") => false,
        Some("json") => true,
        _ => return Named::Tree,
    };
    let text = match guard::read_text(path, &Scope::new([path]), guard::NAMED_LIMIT) {
        Ok(text) => text,
        Err(refusal) => return Named::Refused(refusal.into()),
    };
    if json && !PlanFile::is_plan_json(&text) {
        return Named::Tree;
    }
    match PlanFile::parse(&text, json) {
        Ok(file) => Named::Plan(file),
        Err(e) => Named::Refused(SkipReason::InvalidPlan(e.to_string())),
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
        match classify(path) {
            Named::Plan(file) => report.merge(check_plan_file(
                path,
                &file,
                ctx.on,
                listing.as_ref(),
                usages.as_ref(),
            )),
            Named::Refused(reason) => report
                .skipped
                .push(SkippedFile::new(path.clone(), reason).named()),
            Named::Tree => tree.push(path.clone()),
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
                .map_err(|e| Failure::new(format!("{}: {e}", path.display())))?;
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
    // Files named on the command line that were refused: an input error (exit 2), said on
    // stderr after the report of everything else.
    let refused: Vec<String> = report
        .skipped
        .iter()
        .filter(|s| s.is_refused_named())
        .map(|s| format!("{}: {}", s.file.display(), s.reason))
        .collect();
    if !refused.is_empty() {
        return Err(Failure::after_output(refused));
    }
    let denied = args.deny.is_some() && report.count(Severity::Warning) > 0;
    Ok(report.has_errors() || denied)
}
