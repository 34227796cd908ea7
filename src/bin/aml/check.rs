//! `aml check PATH...`: plan files and repositories, checked and rendered in the chosen
//! format.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use aml_targets::guard::{self, Scope};
use aml_targets::lint::{Level, Levels, SkipReason, SkippedFile, check_plan_file};
use aml_targets::plan::PlanFile;
use aml_targets::project::{AzureMlProject, Config, computes_from_json};
use aml_targets::render::Format;
use aml_targets::{Catalog, Code, RenderOptions, Report, Severity};
use clap::{Args, ValueEnum};

use crate::{Ctx, Failure, Outcome, read_input, read_listing, read_usages};

/// What `--deny` names: every warning, or one code.
#[derive(Clone, Copy)]
enum Deny {
    /// Warnings fail too (exit 1).
    Warnings,
    /// The code's findings are errors.
    Code(Code),
}

impl std::str::FromStr for Deny {
    type Err = aml_targets::ParseNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("warnings") {
            return Ok(Deny::Warnings);
        }
        s.parse().map(Deny::Code)
    }
}

/// When human output is coloured.
#[derive(Clone, Copy, Default, ValueEnum)]
enum ColorChoice {
    /// When stdout is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Args)]
#[allow(clippy::struct_excessive_bools)] // command-line switches
pub(crate) struct CheckArgs {
    /// Plan files (`.toml`, `.json`), Azure ML files and directories to check.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The output format: human, json, github, azure, cargo or sarif (default: human; json
    /// with --json).
    #[arg(long, value_name = "FORMAT")]
    format: Option<Format>,
    /// Write the report to FILE instead of stdout; a one-line summary goes to stderr.
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Show notes too (JSON always has them).
    #[arg(long)]
    verbose: bool,
    /// Do not report CODE; repeatable.
    #[arg(long, value_name = "CODE")]
    allow: Vec<Code>,
    /// Report CODE as a warning; repeatable.
    #[arg(long, value_name = "CODE")]
    warn: Vec<Code>,
    /// Report CODE as an error; `--deny warnings` makes every warning fail the check too.
    /// Repeatable; --deny wins over --warn, --warn over --allow.
    #[arg(long, value_name = "CODE|warnings")]
    deny: Vec<Deny>,
    /// Exit 0 whatever is found (bad arguments and unreadable named files still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Colour human output: auto, always or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    color: ColorChoice,
    /// Read the configuration from FILE instead of the nearest aml.toml, .aml.toml or
    /// pyproject.toml [tool.aml].
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long)]
    isolated: bool,
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
    /// Print, as a unified diff, the edits --fix would make: each retired size at a
    /// provisioning position replaced by its replacement (exit 1 when there is one).
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Replace each retired size at a provisioning position by its replacement, in place,
    /// then report what is left.
    #[arg(long)]
    fix: bool,
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

/// Checks the named paths and writes the report; with `--diff` or `--fix`, see [`fix`].
pub(crate) fn run(ctx: &Ctx, args: &CheckArgs) -> Outcome {
    let checked = check(ctx, args)?;
    if args.diff || args.fix {
        return fix(ctx, args, &checked);
    }
    show(ctx, args, checked)
}

/// A check's report, with what its output and exit status depend on.
struct Checked {
    report: Report,
    on: aml_targets::Date,
    listing: Option<Catalog>,
    deny_warnings: bool,
}

/// Checks the named paths and applies the configuration and the levels.
fn check(ctx: &Ctx, args: &CheckArgs) -> Result<Checked, Failure> {
    let config = if args.isolated {
        None
    } else if let Some(path) = &args.config {
        Some(Config::read(path)?)
    } else {
        Config::discover(Path::new("."))?
    };
    let config = config.unwrap_or_default();
    // The command line wins over the file.
    let on = if ctx.on_given {
        ctx.on
    } else {
        config.on.unwrap_or(ctx.on)
    };
    let catalog = args.catalog.as_ref().or(config.catalog.as_ref());
    let usage = args.usage.as_ref().or(config.usage.as_ref());
    let computes = args.computes.as_ref().or(config.computes.as_ref());
    let listing: Option<Catalog> = catalog.map(read_listing).transpose()?;
    let usages = usage.map(read_usages).transpose()?;
    let mut report = Report::default();
    let mut tree = Vec::new();
    for path in &args.paths {
        match classify(path) {
            Named::Plan(file) => report.merge(check_plan_file(
                path,
                &file,
                on,
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
        let mut options = config.read_options();
        for glob in &args.include {
            options = options.include(glob);
        }
        for glob in &args.exclude {
            options = options.exclude(glob);
        }
        let mut project = AzureMlProject::read_paths_with(&tree, &options)?;
        if let Some(path) = computes {
            let text = read_input(path)?;
            let computes = computes_from_json(&text, path)
                .map_err(|e| Failure::new(format!("{}: {e}", path.display())))?;
            project = project.with_computes(computes);
        }
        if let Some(listing) = &listing {
            project = project.with_listing(listing.clone());
        }
        if let Some(usages) = usages {
            project = project.with_usages(usages);
        }
        report.merge(project.check(on));
    }
    report.on = Some(on);
    config.apply(&mut report);
    let mut levels = Levels::default();
    for (codes, level) in [(&args.allow, Level::Allow), (&args.warn, Level::Warning)] {
        for &code in codes {
            levels.set(code, level);
        }
    }
    let mut deny_warnings = false;
    for deny in &args.deny {
        match *deny {
            Deny::Warnings => deny_warnings = true,
            Deny::Code(code) => levels.set(code, Level::Error),
        }
    }
    levels.apply(&mut report);
    Ok(Checked {
        report,
        on,
        listing,
        deny_warnings,
    })
}

/// Writes the report in the chosen format; the exit status follows its errors.
fn show(ctx: &Ctx, args: &CheckArgs, checked: Checked) -> Outcome {
    let Checked {
        report,
        deny_warnings,
        ..
    } = checked;
    let format = args.format.unwrap_or(if ctx.json {
        Format::Json
    } else {
        Format::Human
    });
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        // `NO_COLOR` counts only when set to something (no-color.org).
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut options = RenderOptions::default()
        .verbose(args.verbose)
        .color(color)
        .snippets(true);
    if let Ok(cwd) = std::env::current_dir() {
        options = options.base(cwd);
    }
    write_report(format, &report, &options, args.output.as_deref())?;
    step_summary(&report, &options);
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
    let failed = report.has_errors() || (deny_warnings && report.count(Severity::Warning) > 0);
    Ok(failed && !args.exit_zero)
}

/// `--diff`: the edits, as a unified diff on stdout (exit 1 when there is one); `--fix`: the
/// edits written, each file atomically, then the check again on what is left, its report
/// listing the edits made. Sizes left as they are, and files not written, are said on
/// stderr.
fn fix(ctx: &Ctx, args: &CheckArgs, checked: &Checked) -> Outcome {
    let found = aml_targets::project::fixes(&checked.report, checked.on, checked.listing.as_ref());
    for unfixed in &found.unfixed {
        eprintln!(
            "note: {}:{}:{}: {} is left as it is: {}",
            aml_targets::render::escaped(&unfixed.file.display().to_string()),
            unfixed.line,
            unfixed.column,
            aml_targets::render::escaped(&unfixed.name),
            unfixed.reason
        );
    }
    let files = found.files.len();
    if args.diff {
        let mut out = std::io::stdout().lock();
        for file in &found.files {
            let diff = aml_targets::project::unified_diff(&file.file, &file.text, &file.fixed());
            if let Err(e) = std::io::Write::write_all(&mut out, diff.as_bytes()) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    break;
                }
                return Err(Failure::new(format!("writing the output: {e}")));
            }
        }
        eprintln!(
            "{} size(s) to replace in {files} file(s); --fix writes them",
            found.len()
        );
        return Ok(!found.is_empty() && !args.exit_zero);
    }
    let mut applied = Vec::new();
    for file in &found.files {
        match aml_targets::project::write_fixed(&file.file, &file.text, &file.fixed()) {
            Ok(()) => applied.extend(file.fixes.iter().cloned()),
            Err(e) => eprintln!(
                "warning: {}: not fixed: {e}",
                aml_targets::render::escaped(&file.file.display().to_string())
            ),
        }
    }
    let written = applied
        .iter()
        .map(|f| &f.file)
        .collect::<std::collections::HashSet<_>>()
        .len();
    eprintln!("fixed {} size(s) in {written} file(s)", applied.len());
    // What is left, checked again; the report lists what was changed.
    let mut again = check(ctx, args)?;
    again.report.fixed = applied;
    show(ctx, args, again)
}

/// Writes the report to stdout as it is rendered (a report is never held as text: its size
/// follows the repository's), or to `output` with the summary line on stderr.
fn write_report(
    format: Format,
    report: &Report,
    options: &RenderOptions,
    output: Option<&Path>,
) -> Result<(), Failure> {
    match output {
        Some(path) => std::fs::File::create(path)
            .and_then(|mut file| {
                format.write(report, options, &mut file)?;
                // A device (`-o /dev/null`, `/dev/stdout`) has nothing to sync, and says so
                // with an error.
                if file.metadata()?.is_file() {
                    file.sync_all()
                } else {
                    Ok(())
                }
            })
            .map_err(|e| Failure::new(format!("{}: {e}", path.display())))
            .map(|()| eprintln!("{}: {}", path.display(), report.summary())),
        None => match format.write(report, options, &mut std::io::stdout().lock()) {
            // A closed pipe (`aml check | head`) is not an error worth a word.
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Failure::new(format!("writing the output: {e}")))
            }
            _ => Ok(()),
        },
    }
}

/// In a GitHub Actions job (`GITHUB_STEP_SUMMARY` set), the Markdown summary is appended to
/// the job's page. A summary that cannot be written is said on stderr, not fatal.
fn step_summary(report: &Report, options: &RenderOptions) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let options = options.clone().color(false);
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut file| aml_targets::render::markdown_summary(report, &options, &mut file));
    if let Err(e) = appended {
        eprintln!("warning: GITHUB_STEP_SUMMARY: {e}");
    }
}
