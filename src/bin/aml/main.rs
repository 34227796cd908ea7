//! `aml`: Azure ML compute targets from the terminal, answered offline from built-in data.
//! Built with the `cli` feature (`cargo install aml-targets --features cli`).
//!
//! ```text
//! aml check examples/plan.toml
//! aml size Standard_NC24rs_v3 --json
//! aml cuda NC 12.1
//! aml recommend --gpu --cuda 12.4 --instance
//! aml overview --on 2025-06-01
//! ```

use std::cell::RefCell;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use aml_targets::fit::{InferenceMode, inference_memory_gib, recommend_sizes_within};
use aml_targets::lint::{FileDiagnostic, check_quota, validate_with};
use aml_targets::plan::PlanLocations;
use aml_targets::quota::Usages;
use aml_targets::targets::Support;
use aml_targets::{
    ApiView, Catalog, ComputeKind, CudaRequirement, Date, DocEdition, GpuCount, InferenceNeeds,
    InferenceTarget, Plan, ProjectReport, RenderOptions, Severity, SizeNeeds, TrainingNeeds,
    TrainingTarget, VmSeries, VmSize, inference_targets, recommend_sizes, training_targets,
};
use serde_json::{Value, json};

thread_local! {
    /// Everything the command prints to stdout, written at the end in one go: a closed pipe
    /// (`aml check . | head`) then ends the command quietly instead of panicking in
    /// `println!`.
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// `println!` into [`OUT`].
macro_rules! say {
    () => { OUT.with(|o| o.borrow_mut().push('\n')) };
    ($($arg:tt)*) => { OUT.with(|o| { let _ = writeln!(o.borrow_mut(), $($arg)*); }) };
}

/// `print!` into [`OUT`] (no newline).
fn put(text: &str) {
    OUT.with(|o| o.borrow_mut().push_str(text));
}

const USAGE: &str = "\
usage: aml [COMMAND] [OPTIONS]

commands:
  overview                     training matrix, inference targets, VM series (the default)
  size NAME                    facts about a VM size
  cuda SERIES_OR_SIZE VERSION  will this CUDA run there? (the page's answer and NVIDIA's)
  train [--automl] [--pipelines] [--designer] [--gpu] [--multi-node] [--managed]
                               training targets that fit
  deploy (--realtime|--batch) [--model-gb N] [--model-ram-gb N] [--gpu] [--production]
                               inference targets that fit
  recommend [--model-ram-gb N] [--memory-gib N] [--vcpus N] [--gpus N|1/6] [--gpu]
            [--gpu-model WORD] [--gpu-memory-gib N] [--gpu-architecture ARCH] [--cuda V]
            [--framework pytorch@2.4] [--isolated] [--rdma] [--instance|--cluster]
            [--concurrency N] [--region R] [--catalog LIST_SIZES.json]
            [--usage LIST_USAGE.json]
                               the smallest VM size that fits, and why the others do not
  check PATH... [--format human|json|github|cargo|sarif] [--verbose] [--deny warnings]
        [--computes COMPUTE_LIST.json] [--usage LIST_USAGE.json] [--catalog LIST_SIZES.json]
        [--include GLOB]... [--exclude GLOB]...
                               validate plan files (.toml, .json) and repositories: Azure ML
                               YAML, computes created by scripts, VM sizes named in scripts,
                               notebooks, templates (needs the yaml feature); --computes takes
                               what `az ml compute list -o json` prints; --usage what
                               `az ml compute list-usage -o json` prints (quota, checked per
                               family and region); --catalog the region's list-sizes;
                               --include '*.md' also sweeps Markdown
  data                         the data tables: rows, as-of date and source of each

options:
  --on YYYY-MM-DD              the date to answer for (default: today)
  --edition 2024-01|2025-11|2026-03
  --v1                         the SDK/CLI v1 view (default v2)
  --json                       JSON output (a stable contract, see the README)
  --format human|json|github|cargo|sarif
                               check's output (github: workflow annotations; cargo:
                               cargo:warning= lines for build scripts; sarif: SARIF 2.1.0
                               for code scanning)
  --verbose                    check: show notes too (JSON always has them)
  --deny warnings              check: warnings fail too (exit 1)

exit status: 0 ok, 1 check found errors (or warnings with --deny warnings), 2 bad
arguments or unreadable files";

#[derive(Default)]
struct Args {
    command: String,
    /// Paths and names, as the operating system gave them (not necessarily UTF-8).
    positional: Vec<OsString>,
    flags: Vec<String>,
    values: Vec<(String, String)>,
    /// Options whose values are paths, kept as given.
    paths: Vec<(String, OsString)>,
}

impl Args {
    /// Every value of a repeatable option, in order.
    fn values_of(&self, name: &str) -> Vec<&str> {
        self.values
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn path(&self, name: &str) -> Option<&Path> {
        self.paths
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| Path::new(v))
    }

    /// The positional arguments as text (names, versions), or an error naming the one
    /// that is not UTF-8.
    fn texts(&self) -> Result<Vec<&str>, String> {
        self.positional
            .iter()
            .map(|a| {
                a.to_str()
                    .ok_or_else(|| format!("{a:?} is not valid UTF-8"))
            })
            .collect()
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn parsed<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String>
    where
        T::Err: std::fmt::Display,
    {
        self.value(name)
            .map(|v| v.parse().map_err(|e| format!("{name}: {e}")))
            .transpose()
    }

    /// A count: a whole number, 1 or more.
    fn count(&self, name: &str) -> Result<Option<u32>, String> {
        match self.value(name) {
            None => Ok(None),
            Some(v) => match v.parse::<u32>() {
                Ok(n) if n >= 1 => Ok(Some(n)),
                _ => Err(format!(
                    "{name}: expected a whole number, 1 or more, got {v:?}"
                )),
            },
        }
    }

    fn number(&self, name: &str) -> Result<Option<f64>, String> {
        match self.value(name) {
            None => Ok(None),
            Some(v) => match v.parse::<f64>() {
                Ok(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
                _ => Err(format!("{name}: expected a number, 0 or more, got {v:?}")),
            },
        }
    }
}

const VALUE_OPTIONS: &[&str] = &[
    "--on",
    "--edition",
    "--format",
    "--model-gb",
    "--model-ram-gb",
    "--memory-gib",
    "--vcpus",
    "--gpus",
    "--cuda",
    "--concurrency",
    "--region",
    "--gpu-model",
    "--gpu-architecture",
    "--gpu-memory-gib",
    "--framework",
    "--deny",
    "--include",
    "--exclude",
];
/// Options whose value is a path.
const PATH_OPTIONS: &[&str] = &["--catalog", "--computes", "--usage"];
const FLAGS: &[&str] = &[
    "--json",
    "--v1",
    "--automl",
    "--pipelines",
    "--designer",
    "--gpu",
    "--multi-node",
    "--managed",
    "--realtime",
    "--batch",
    "--production",
    "--instance",
    "--cluster",
    "--isolated",
    "--rdma",
    "--verbose",
    "-h",
    "--help",
];

fn parse_args(raw: impl Iterator<Item = OsString>) -> Result<Args, String> {
    let mut args = Args::default();
    let mut raw = raw.peekable();
    let text = |a: OsString| -> Result<String, String> {
        a.into_string()
            .map_err(|a| format!("{a:?} is not valid UTF-8"))
    };
    while let Some(arg) = raw.next() {
        let Some(flag) = arg.to_str().map(str::to_owned) else {
            // Not UTF-8: only a path can be that.
            if args.command.is_empty() {
                return Err(format!("unknown command {arg:?}"));
            }
            args.positional.push(arg);
            continue;
        };
        if PATH_OPTIONS.contains(&flag.as_str()) {
            let value = raw.next().ok_or_else(|| format!("{flag} needs a value"))?;
            args.paths.push((flag, value));
        } else if VALUE_OPTIONS.contains(&flag.as_str()) {
            let value = raw.next().ok_or_else(|| format!("{flag} needs a value"))?;
            args.values.push((flag, text(value)?));
        } else if FLAGS.contains(&flag.as_str()) {
            args.flags.push(flag);
        } else if flag.starts_with('-') && flag.len() > 1 {
            return Err(format!("unknown option {flag:?}"));
        } else if args.command.is_empty() {
            args.command = flag;
        } else {
            args.positional.push(arg);
        }
    }
    if args.command.is_empty() {
        "overview".clone_into(&mut args.command);
    }
    Ok(args)
}

fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(i64::MAX)).unwrap_or(Date::MAX)
}

struct Ctx {
    on: Date,
    edition: DocEdition,
    view: ApiView,
    json: bool,
    color: bool,
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// A library value's serde form (the library's types serialize in the JSON contract's shape).
fn to_json_value(v: &impl serde::Serialize) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn print_json(v: &Value) {
    say!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

// ---- overview ---------------------------------------------------------------------------

fn overview(ctx: &Ctx) {
    let views: &[ApiView] = if ctx.edition == DocEdition::Jan2024 {
        &[ApiView::V2]
    } else {
        &[ApiView::V2, ApiView::V1]
    };
    for &view in views {
        if ctx.edition == DocEdition::Jan2024 {
            say!(
                "Training targets (page edition {}, one table for SDK/CLI v1 and v2)",
                ctx.edition
            );
        } else {
            say!(
                "Training targets (page edition {}, SDK/CLI {view})",
                ctx.edition
            );
        }
        say!(
            "  {:<30} {:<26} {:<13} {:<9} managed",
            "target",
            "automated ML",
            "ML pipelines",
            "designer"
        );
        for t in TrainingTarget::listed(ctx.edition, view) {
            let f = t.features();
            let retired = t
                .retired_service()
                .filter(|r| r.date <= ctx.on)
                .map_or(String::new(), |r| {
                    format!("  (service retired since {})", r.date)
                });
            say!(
                "  {:<30} {:<26} {:<13} {:<9} {}{retired}",
                t.page_name(),
                f.automated_ml.page_text(),
                f.ml_pipelines.page_text(),
                f.designer.page_text(),
                yes_no(t.is_managed()),
            );
        }
        for t in TrainingTarget::listed(ctx.edition, view) {
            if let Some(caveat) = t.caveat() {
                say!("  note: {caveat}");
            }
            if let Some(r) = t.retired_service().filter(|r| r.date <= ctx.on) {
                say!(
                    "  note: {} is retired since {}; {} [{}]",
                    t.page_name(),
                    r.date,
                    r.note,
                    r.source
                );
            }
        }
        say!();
    }
    for view in [ApiView::V2, ApiView::V1] {
        say!("Inference targets (SDK/CLI {view})");
        say!(
            "  {:<34} {:<9} {:<6} {:<4} {:<13} limits",
            "target",
            "real-time",
            "batch",
            "GPU",
            "dev/test only"
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
            say!(
                "  {:<34} {:<9} {:<6} {:<4} {:<13} {limits}",
                t.page_name(),
                yes_no(p.realtime),
                yes_no(p.batch),
                yes_no(p.gpu),
                yes_no(p.dev_test_only),
            );
        }
        say!();
    }
    say!("Sizing: {}", aml_targets::targets::SIZING_ADVICE);
    say!();
    say!(
        "VM series supported by Azure ML (page edition {}), state on {}",
        ctx.edition,
        ctx.on
    );
    say!(
        "  {:<15} {:<25} {:<23} {:<5} {:<5} state",
        "series",
        "category",
        "supported by",
        "GPU",
        "CUDA"
    );
    for s in VmSeries::listed(ctx.edition) {
        let cuda = s
            .page_cuda_min(ctx.edition)
            .map_or_else(|| "—".to_owned(), |v| format!("{v}+"));
        say!(
            "  {:<15} {:<25} {:<23} {:<5} {:<5} {}",
            s.as_str(),
            s.category().as_str(),
            s.supported_by(ctx.edition).map_or("—", |b| b.as_str()),
            s.page_gpu_label().unwrap_or("—"),
            cuda,
            s.retirement_state(ctx.on),
        );
    }
    let unlisted: Vec<&VmSeries> = VmSeries::ALL
        .iter()
        .filter(|s| !s.is_listed(ctx.edition))
        .collect();
    let dated: Vec<String> = unlisted
        .iter()
        .filter(|s| s.retirement().is_some())
        .map(|s| format!("{s} ({})", s.retirement_state(ctx.on)))
        .collect();
    say!(
        "  not in this edition's table: {} more series Azure documents (`aml size NAME`; Azure ML \
         accepts what `az ml compute list-sizes` returns), of which retired or retiring: {}",
        unlisted.len(),
        dated.join(", ")
    );
    say!("  data as of {} (`aml data`)", aml_targets::DATA_AS_OF);
}

// ---- data -------------------------------------------------------------------------------

fn data(ctx: &Ctx) {
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
        print_json(&json!({
            "data_as_of": aml_targets::DATA_AS_OF.to_string(),
            "tables": rows,
        }));
        return;
    }
    say!(
        "Data as of {} (a newer crate version may know later announcements)",
        aml_targets::DATA_AS_OF
    );
    say!("  {:<24} {:>5}  {:<10}  source", "table", "rows", "as of");
    for t in tables {
        say!(
            "  {:<24} {:>5}  {:<10}  {}",
            t.name,
            t.rows,
            t.as_of.to_string(),
            t.source
        );
    }
}

// ---- size -------------------------------------------------------------------------------

fn size(ctx: &Ctx, args: &Args) -> Result<(), String> {
    let texts = args.texts()?;
    let [name] = texts.as_slice() else {
        return Err("size takes one VM size name".to_owned());
    };
    let size: VmSize = name.parse().map_err(|e| format!("{e}"))?;
    let spec = size.spec();
    let series = size.series().or_else(|| spec.and_then(|s| s.series));
    let retirement = series.map(|s| match args.value("--region") {
        Some(r) => s.retirement_state_in(r, ctx.on),
        None => s.retirement_state(ctx.on),
    });
    let source = series.and_then(VmSeries::retirement).map(|r| r.source);
    let gpu_model = spec
        .and_then(|s| s.gpu_model.as_deref())
        .or_else(|| series.and_then(VmSeries::gpu).map(|g| g.model));
    let architecture = series.and_then(VmSeries::gpu_architecture);
    // The page's list for its series; for others, Azure ML's own size listing.
    let supported_by = series
        .and_then(|s| s.supported_by(ctx.edition))
        .or_else(|| spec.and_then(|s| s.supported_by));
    let listed_on_page = series.is_some_and(|s| s.is_listed(ctx.edition));
    // Every source's date, and what to move to.
    let sources: Vec<_> = series.map_or(Vec::new(), |s| s.retirements().collect());
    let replacements: Vec<String> = spec.map_or(Vec::new(), |spec| {
        Catalog::embedded()
            .replacements(spec, ctx.on, 3)
            .iter()
            .map(|r| r.name.to_string())
            .collect()
    });
    let replacement_series: Vec<String> = series.map_or(Vec::new(), |s| {
        s.current_replacements(ctx.on)
            .iter()
            .map(ToString::to_string)
            .collect()
    });
    if ctx.json {
        print_json(&json!({
            "name": size.to_string(),
            "series": series.map(|s| s.to_string()),
            "category": spec.and_then(|s| s.category).or(series.map(VmSeries::category)).map(|c| c.to_string()),
            "vcpus": spec.map(|s| s.vcpus),
            "memory_gib": spec.map(|s| s.memory_gib),
            "gpus": spec.map(|s| s.gpus.as_f64()),
            "gpu_model": gpu_model,
            "architecture": architecture.map(|a| a.to_string()),
            "isolated": size.is_isolated(),
            "rdma": spec.and_then(|s| s.rdma),
            "supported_by": supported_by.map(|b| b.to_string()),
            "listed_on_page": listed_on_page,
            "retirement": {
                "status": retirement.map_or("unknown", |r| r.as_str()),
                "date": retirement.and_then(aml_targets::RetirementState::date).map(|d| d.to_string()),
                "source": source,
                "sources": sources.iter().map(|r| json!({
                    "date": r.date.to_string(),
                    "authority": r.authority.to_string(),
                    "withdrawn": r.withdrawn,
                    "note": r.note,
                    "source": r.source,
                })).collect::<Vec<_>>(),
            },
            "replacements": replacements,
            "replacement_series": replacement_series,
            "data_as_of": aml_targets::DATA_AS_OF.to_string(),
        }));
        return Ok(());
    }
    say!("{size}");
    let row = |k: &str, v: String| say!("  {k:<14} {v}");
    row(
        "series",
        series.map_or("unknown".to_owned(), |s| s.to_string()),
    );
    if let Some(spec) = spec {
        row(
            "category",
            spec.category.map_or("—".to_owned(), |c| c.to_string()),
        );
        row("vCPUs", spec.vcpus.to_string());
        row("memory", format!("{} GiB", spec.memory_gib));
        row("GPUs", spec.gpus.to_string());
        if let Some(m) = gpu_model {
            row("GPU model", m.to_owned());
        }
        row("RDMA", spec.rdma.map_or("—", yes_no).to_owned());
    } else {
        row("facts", "not in the catalog".to_owned());
    }
    if let Some(a) = architecture {
        row("architecture", a.to_string());
    }
    row("isolated", yes_no(size.is_isolated()).to_owned());
    row(
        "supported by",
        match (supported_by, listed_on_page) {
            (Some(b), true) => b.to_string(),
            (Some(b), false) => format!("{b} (Azure ML's size listing; not on the page's list)"),
            (None, _) => "not on Azure ML's list; check `az ml compute list-sizes`".to_owned(),
        },
    );
    row(
        "retirement",
        match (retirement, source) {
            (Some(r), Some(src)) if r.date().is_some() => format!("{r} ({src})"),
            (Some(r), _) => r.to_string(),
            (None, _) => "unknown".to_owned(),
        },
    );
    for r in sources.iter().skip(1) {
        let withdrawn = if r.withdrawn { ", withdrawn" } else { "" };
        row(
            "also",
            format!("{} by {}{withdrawn} ({})", r.date, r.authority, r.source),
        );
    }
    if !replacements.is_empty() {
        row("replace with", replacements.join(", "));
    } else if !replacement_series.is_empty() {
        row("replace with", replacement_series.join(", "));
    }
    if spec.is_none() {
        row("data as of", aml_targets::DATA_AS_OF.to_string());
    }
    Ok(())
}

// ---- cuda -------------------------------------------------------------------------------

fn cuda(ctx: &Ctx, args: &Args) -> Result<(), String> {
    let texts = args.texts()?;
    let [target, version] = texts.as_slice() else {
        return Err("cuda takes a series or size, and a CUDA version or requirement".to_owned());
    };
    let req: CudaRequirement = version.parse().map_err(|e| format!("{e}"))?;
    let verdict = match target.parse::<VmSeries>() {
        Ok(series) => series.cuda_verdict_for(&req, ctx.edition),
        Err(series_err) => match target.parse::<VmSize>() {
            Ok(size) => size.cuda_verdict_for(Catalog::embedded(), &req, ctx.edition),
            Err(_) => return Err(series_err.to_string()),
        },
    };
    let answer = |s: Option<bool>| s.map_or("unknown", yes_no);
    if ctx.json {
        // The verdict's serde form, with the requirement asked about.
        let mut value = to_json_value(&verdict);
        value["cuda"] = json!(req.to_string());
        print_json(&value);
        return Ok(());
    }
    let series = verdict
        .series
        .map_or("unknown series".to_owned(), |s| s.to_string());
    say!("CUDA {req} on {target} ({series})");
    say!(
        "  Azure ML page: {:<7} {} [{}]",
        answer(verdict.page.supported),
        verdict.page.reason,
        verdict.page.source
    );
    say!(
        "  NVIDIA:        {:<7} {} [{}]",
        answer(verdict.nvidia.supported),
        verdict.nvidia.reason,
        verdict.nvidia.source
    );
    say!("  runs:          {}", yes_no(verdict.runs()));
    Ok(())
}

// ---- train, deploy ----------------------------------------------------------------------

fn train(ctx: &Ctx, args: &Args) {
    let needs = TrainingNeeds {
        automated_ml: args.flag("--automl"),
        ml_pipelines: args.flag("--pipelines"),
        designer: args.flag("--designer"),
        gpu: args.flag("--gpu"),
        multi_node: args.flag("--multi-node"),
        managed_only: args.flag("--managed"),
        view: ctx.view,
        edition: ctx.edition,
        on: Some(ctx.on),
    };
    let fits: Vec<_> = training_targets(&needs).collect();
    if ctx.json {
        // Every target, with `fits` and `reasons`, as `deploy --json` gives them.
        print_json(&json!({ "targets": to_json_value(&fits) }));
        return;
    }
    say!(
        "Training targets (page edition {}, SDK/CLI {})",
        ctx.edition,
        ctx.view
    );
    for f in &fits {
        if f.fits() {
            let caveats: Vec<&str> = f.caveats().collect();
            let support = if f.support == Support::Yes {
                ""
            } else {
                " (qualified)"
            };
            say!("  fits      {}{support}", f.target.page_name());
            for c in caveats {
                say!("              caveat: {c}");
            }
        } else {
            let reasons: Vec<String> = f.misfits.iter().map(|m| m.to_string()).collect();
            say!(
                "  no        {}: {}",
                f.target.page_name(),
                reasons.join("; ")
            );
        }
    }
}

fn deploy(ctx: &Ctx, args: &Args) -> Result<(), String> {
    let mode = match (args.flag("--realtime"), args.flag("--batch")) {
        (true, false) => InferenceMode::RealTime,
        (false, true) => InferenceMode::Batch,
        _ => return Err("deploy takes exactly one of --realtime and --batch".to_owned()),
    };
    let needs = InferenceNeeds {
        mode,
        production: args.flag("--production"),
        gpu: args.flag("--gpu"),
        model_size_gb: args.number("--model-gb")?,
        model_ram_gb: args.number("--model-ram-gb")?,
        designer: args.flag("--designer"),
        view: args.flag("--v1").then_some(ApiView::V1),
    };
    let fits: Vec<_> = inference_targets(&needs).collect();
    if ctx.json {
        print_json(&json!({ "targets": to_json_value(&fits) }));
        return Ok(());
    }
    say!("Inference targets for {mode} inference");
    for f in &fits {
        let name = format!("{} ({})", f.target.page_name(), f.view);
        if f.fits() {
            say!("  fits      {name}");
        } else {
            let reasons: Vec<String> = f.misfits.iter().map(|m| m.to_string()).collect();
            say!("  no        {name}: {}", reasons.join("; "));
        }
    }
    Ok(())
}

// ---- recommend --------------------------------------------------------------------------

/// The region's size listing given with `--catalog`.
fn listing(args: &Args) -> Result<Option<Catalog>, String> {
    let Some(path) = args.path("--catalog") else {
        return Ok(None);
    };
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{INPUT}{shown}: {e}"))?;
    Catalog::from_json(&text, &shown.to_string())
        .map(Some)
        .map_err(|e| format!("{INPUT}{shown}: {e}"))
}

/// The region's quota given with `--usage` (what `az ml compute list-usage -o json` prints).
fn usages(args: &Args) -> Result<Option<Usages>, String> {
    let Some(path) = args.path("--usage") else {
        return Ok(None);
    };
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{INPUT}{shown}: {e}"))?;
    Usages::from_json(&text)
        .map(Some)
        .map_err(|e| format!("{INPUT}{shown}: {e}"))
}

fn recommend(ctx: &Ctx, args: &Args) -> Result<(), String> {
    let user_catalog = listing(args)?;
    let catalog = user_catalog.as_ref().unwrap_or_else(|| Catalog::embedded());
    let compute = match (args.flag("--instance"), args.flag("--cluster")) {
        (true, true) => return Err("--instance and --cluster exclude each other".to_owned()),
        (true, false) => Some(ComputeKind::ComputeInstance),
        (false, true) => Some(ComputeKind::ComputeCluster),
        (false, false) => None,
    };
    let gpus: Option<GpuCount> = args
        .parsed("--gpus")?
        .or(args.flag("--gpu").then_some(GpuCount::whole(1)));
    // A model's RAM in GB becomes a memory need through the page's 150 % rule.
    let model = args.number("--model-ram-gb")?.map(inference_memory_gib);
    let memory = match (model, args.number("--memory-gib")?) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let needs = SizeNeeds {
        memory_gib: memory,
        vcpus: args.parsed("--vcpus")?,
        gpus,
        gpu_model: args.value("--gpu-model").map(str::to_owned),
        gpu_architecture: args.parsed("--gpu-architecture")?,
        gpu_memory_gib: args.number("--gpu-memory-gib")?,
        cuda: args.parsed("--cuda")?,
        framework: args.parsed("--framework")?,
        compute,
        isolated: args.flag("--isolated"),
        rdma: args.flag("--rdma"),
        concurrency: args.count("--concurrency")?,
        region: args.value("--region").map(str::to_owned),
        edition: ctx.edition,
    };
    let quota = usages(args)?;
    let rec = match &quota {
        Some(quota) => recommend_sizes_within(&needs, catalog, ctx.on, quota),
        None => recommend_sizes(&needs, catalog, ctx.on),
    };
    if ctx.json {
        // The recommendation's serde form: every rejected size with its reasons.
        print_json(&to_json_value(&rec));
        return Ok(());
    }
    if let Some(best) = rec.best() {
        say!(
            "best: {} ({} vCPUs, {} GiB, GPUs: {})",
            best.name,
            best.vcpus,
            best.memory_gib,
            best.gpus
        );
        if let Some(s) = rec.scale_out {
            say!(
                "scale out: {} instances ({} concurrent model copies each)",
                s.instances,
                s.copies_per_instance
            );
        }
        say!("next candidates:");
        for c in rec.candidates.iter().skip(1).take(5) {
            say!(
                "  {:<28} {:>4} vCPUs {:>8} GiB {:>4} GPUs{}",
                c.spec.name,
                c.spec.vcpus,
                c.spec.memory_gib,
                c.spec.gpus.to_string(),
                match c.retirement.date() {
                    Some(d) => format!("  (retiring {d})"),
                    None => String::new(),
                }
            );
        }
    } else {
        say!("nothing fits");
        if let Some(closest) = rec.closest() {
            say!("closest: {}", closest.spec.name);
            for r in closest.reasons(&needs, ctx.on) {
                say!("  relax: {r}");
            }
        }
        for (kind, n) in rec.relax().iter().take(5) {
            say!("  relaxing {kind} alone would admit {n} sizes");
        }
    }
    say!("{} sizes rejected; e.g.:", rec.rejected.len());
    for r in rec.rejected.iter().take(5) {
        let reasons: Vec<String> = r
            .reasons(&needs, ctx.on)
            .iter()
            .map(ToString::to_string)
            .collect();
        say!("  {:<28} {}", r.spec.name, reasons.join("; "));
    }
    Ok(())
}

// ---- check ------------------------------------------------------------------------------

/// A file that cannot be read or parsed: reported without the usage text.
const INPUT: &str = "\u{0}input:";

/// A plan file, and where its values are (TOML only: JSON has no spans to give).
fn read_plan(path: &Path) -> Result<(Plan, PlanLocations), String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{INPUT}{shown}: {e}"))?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let plan = if is_json {
        Plan::from_json(&text).map(|p| (p, PlanLocations::default()))
    } else {
        Plan::from_toml(&text).map(|p| (p, Plan::toml_locations(&text)))
    };
    plan.map_err(|e| format!("{INPUT}{shown}: {e}"))
}

/// Reads the YAML files, scripts, notebooks and templates among `paths` into one Azure ML
/// project (so jobs resolve their compute across files) and checks it.
fn check_yaml(ctx: &Ctx, args: &Args, paths: &[PathBuf]) -> Result<ProjectReport, String> {
    if paths.is_empty() {
        return Ok(ProjectReport::default());
    }
    let mut options = aml_targets::project::ReadOptions::default();
    for glob in args.values_of("--include") {
        options = options.include(glob);
    }
    for glob in args.values_of("--exclude") {
        options = options.exclude(glob);
    }
    let mut project = aml_targets::AzureMlProject::read_paths_with(paths, &options)
        .map_err(|e| format!("{INPUT}{e}"))?;
    if let Some(path) = args.path("--computes") {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{INPUT}{shown}: {e}"))?;
        let computes = aml_targets::project::computes_from_json(&text, path)
            .map_err(|e| format!("{INPUT}{shown}: {e}"))?;
        project = project.with_computes(computes);
    }
    if let Some(listing) = listing(args)? {
        project = project.with_listing(listing);
    }
    if let Some(usages) = usages(args)? {
        project = project.with_usages(usages);
    }
    Ok(project.check(ctx.on))
}

/// Whether a `.json` file is a plan (an object whose keys are a plan's), not an ARM
/// template, a notebook or another JSON file of a repository.
fn is_plan_json(path: &Path) -> bool {
    const KEYS: &[&str] = &[
        "edition",
        "view",
        "region",
        "compute",
        "jobs",
        "deployments",
    ];
    let Ok(text) = std::fs::read_to_string(path) else {
        return true; // reported as unreadable by the plan reader
    };
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(o)) => !o.is_empty() && o.keys().all(|k| KEYS.contains(&k.as_str())),
        _ => true, // not JSON: the plan reader says where
    }
}

/// Checks the paths; returns whether the check fails (errors, or warnings when denied).
fn check(ctx: &Ctx, args: &Args) -> Result<bool, String> {
    if args.positional.is_empty() {
        return Err(
            "check takes one or more plan files, Azure ML YAML files or directories".to_owned(),
        );
    }
    let format = args
        .value("--format")
        .unwrap_or(if ctx.json { "json" } else { "human" });
    if !["human", "json", "github", "cargo", "sarif"].contains(&format) {
        return Err(format!(
            "--format: expected human, json, github, cargo or sarif, got {format:?}"
        ));
    }
    let deny_warnings = match args.value("--deny") {
        None => false,
        Some("warnings") => true,
        Some(other) => return Err(format!("--deny: expected warnings, got {other:?}")),
    };
    let mut report = ProjectReport::default();
    let mut yaml = Vec::new();
    let (region, quota) = (listing(args)?, usages(args)?);
    for path in &args.positional {
        let path = PathBuf::from(path);
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let plan_file = match ext.as_deref() {
            Some("toml") => true,
            Some("json") => is_plan_json(&path),
            _ => false,
        };
        if plan_file {
            let (plan, at) = read_plan(&path)?;
            let mut checked = validate_with(
                &plan,
                ctx.on,
                region.as_ref().unwrap_or(Catalog::embedded()),
            );
            if let Some(quota) = &quota {
                let over = check_quota(&plan, region.as_ref(), quota);
                checked.diagnostics.extend(over.diagnostics);
            }
            let mut one = ProjectReport::default();
            one.files_read = 1;
            one.diagnostics = checked
                .diagnostics
                .into_iter()
                .map(|d| {
                    let spot = at.find(&d.location);
                    let mut fd = FileDiagnostic::new(path.clone(), spot.map(|s| s.0), d);
                    fd.column = spot.map(|s| s.1);
                    fd
                })
                .collect();
            report.merge(one);
        } else {
            yaml.push(path);
        }
    }
    report.merge(check_yaml(ctx, args, &yaml)?);
    report.on = Some(ctx.on);
    let mut options = RenderOptions::default()
        .verbose(args.flag("--verbose"))
        .color(ctx.color);
    if let Ok(cwd) = std::env::current_dir() {
        options = options.base(cwd);
    }
    let text = match format {
        "json" => report.to_json(&options),
        "github" => report.to_github(&options),
        "cargo" => report.to_cargo(&options),
        "sarif" => report.to_sarif(&options),
        _ => report.to_human(&options),
    };
    put(&text);
    Ok(report.has_errors() || (deny_warnings && report.count(Severity::Warning) > 0))
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let ctx = Ctx {
        on: args.parsed("--on")?.unwrap_or_else(today),
        edition: args.parsed("--edition")?.unwrap_or_default(),
        view: if args.flag("--v1") {
            ApiView::V1
        } else {
            ApiView::V2
        },
        json: args.flag("--json") || args.value("--format") == Some("json"),
        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match args.command.as_str() {
        "overview" => overview(&ctx),
        "size" => size(&ctx, args)?,
        "cuda" => cuda(&ctx, args)?,
        "train" => train(&ctx, args),
        "deploy" => deploy(&ctx, args)?,
        "recommend" => recommend(&ctx, args)?,
        "data" => data(&ctx),
        "check" => {
            if check(&ctx, args)? {
                return Ok(ExitCode::from(1));
            }
        }
        other => return Err(format!("unknown command {other:?}")),
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes what the command printed; a closed pipe is not an error worth a word.
fn flush(code: ExitCode) -> ExitCode {
    let text = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            eprintln!("error: writing the output: {e}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.flag("-h") || args.flag("--help") || args.command == "help" {
        say!("{USAGE}");
        return flush(ExitCode::SUCCESS);
    }
    match run(&args) {
        Ok(code) => flush(code),
        Err(message) => {
            // What was printed before the error is dropped: the error is the answer.
            OUT.with(|o| o.borrow_mut().clear());
            match message.strip_prefix(INPUT) {
                Some(input) => eprintln!("error: {input}"),
                None => eprintln!("error: {message}\n\n{USAGE}"),
            }
            ExitCode::from(2)
        }
    }
}
