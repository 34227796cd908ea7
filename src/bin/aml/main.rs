//! `aml`: Azure ML compute targets from the terminal, answered offline from built-in data.
//! Built with the `cli` feature (`cargo install aml-targets --features cli`). Argument parsing
//! (clap) and one file per command; the answers come from the library.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use aml_targets::guard::{self, Scope};
use aml_targets::render::escaped;
use aml_targets::{ApiView, DATA_AS_OF, Date, DocEdition};
use clap::{Args, Parser, Subcommand};

/// `writeln!` into a `String` (writing to a `String` cannot fail).
macro_rules! wln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

mod check;
mod cuda;
mod data;
mod deploy;
mod explain;
mod overview;
mod recommend;
mod size;
mod train;

/// Azure Machine Learning compute targets, answered offline: training and inference targets,
/// VM sizes and their retirements, CUDA on each GPU, and checks of plans and repositories.
#[derive(Parser)]
#[command(
    name = "aml",
    disable_version_flag = true,
    after_help = "Exit status: 0 ok, 1 check found errors (or warnings with --deny warnings), \
                  2 bad arguments or unreadable files.\n\
                  Every command, option and format: docs/cli.md; every code: `aml explain CODE`."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    global: Global,
    /// Print the version and the data's as-of date.
    #[arg(short = 'V', long)]
    version: bool,
}

/// The options every command takes.
#[derive(Args)]
struct Global {
    /// The date to answer for (default: today).
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    on: Option<Date>,
    /// The page edition: 2024-01, 2025-11 or 2026-03 (default: the newest).
    #[arg(long, global = true, value_name = "EDITION")]
    edition: Option<DocEdition>,
    /// The SDK/CLI v1 view (default: v2).
    #[arg(long, global = true)]
    v1: bool,
    /// JSON output (a stable contract: docs/json.md).
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Subcommand)]
enum Command {
    /// The training matrix, the inference targets and the VM series (the default).
    #[command(
        after_help = "Examples:\n  aml overview\n  aml overview --on 2025-06-01 --edition 2025-11"
    )]
    Overview,
    /// Facts about a VM size: parts, figures, support, retirement and replacements.
    #[command(
        after_help = "Examples:\n  aml size Standard_NC24rs_v3\n  aml size standard_nc6s_v3 --region usgovvirginia --json"
    )]
    Size(size::SizeArgs),
    /// Will this CUDA run there? The Azure ML page's answer and NVIDIA's.
    #[command(
        after_help = "Examples:\n  aml cuda NC 12.1\n  aml cuda Standard_NC24ads_A100_v4 '>=12.0, <13'"
    )]
    Cuda(cuda::CudaArgs),
    /// The training targets that fit, and why the others do not.
    #[command(
        after_help = "Examples:\n  aml train --automl --gpu\n  aml train --pipelines --v1 --json"
    )]
    Train(train::TrainArgs),
    /// The inference targets that fit, and why the others do not.
    #[command(
        after_help = "Examples:\n  aml deploy --realtime --model-gb 2\n  aml deploy --batch --gpu --production"
    )]
    Deploy(deploy::DeployArgs),
    /// The smallest VM size that fits, and why every other one does not.
    #[command(
        after_help = "Examples:\n  aml recommend --gpus 1 --cuda 12.4\n  aml recommend --model-ram-gb 20 --instance\n  aml recommend --vcpus 4 --region eastus --catalog sizes.json --usage usage.json"
    )]
    Recommend(recommend::RecommendArgs),
    /// Check plan files and repositories: Azure ML YAML, scripts, notebooks, templates.
    #[command(
        after_help = "Examples:\n  aml check .\n  aml check examples/plan.toml --format json\n  aml check . --format sarif > aml.sarif\n  aml check . --computes computes.json --usage usage.json --catalog sizes.json"
    )]
    Check(check::CheckArgs),
    /// The data tables: rows, as-of date and source of each; `diff` compares a region's
    /// size listing with them.
    #[command(
        after_help = "Examples:\n  aml data\n  aml data --json\n  aml data diff --catalog sizes.json --region eastus"
    )]
    Data(data::DataArgs),
    /// What a diagnostic code means, why it matters, and how to fix it.
    #[command(
        after_help = "Examples:\n  aml explain retired-series\n  aml explain --all\n  aml explain --all --markdown > docs/codes.md"
    )]
    Explain(explain::ExplainArgs),
    /// Write a commented starter `aml.toml` in the current directory.
    #[command(after_help = "Examples:\n  aml init\n  aml check .   # reads ./aml.toml")]
    Init,
}

/// `aml init`: the starter configuration, unless one is already here.
fn init(out: &mut String) -> Result<(), Failure> {
    for name in aml_targets::project::CONFIG_FILES {
        let path = std::path::Path::new(name);
        let ours = name != "pyproject.toml"
            || std::fs::read_to_string(path).is_ok_and(|t| t.contains("[tool.aml"));
        if path.exists() && ours {
            return Err(Failure::new(format!(
                "{name} is already here: aml check reads it (edit it, or remove it first)"
            )));
        }
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open("aml.toml")
        .and_then(|mut file| file.write_all(aml_targets::project::STARTER.as_bytes()))
        .map_err(|e| Failure::new(format!("aml.toml: {e}")))?;
    wln!(
        out,
        "wrote aml.toml: every key is commented out; aml check reads it from here"
    );
    Ok(())
}

/// What every command needs: the date, the edition, the view, JSON or not.
struct Ctx {
    on: Date,
    /// Whether `--on` was given (a configuration's `on` counts only when it was not).
    on_given: bool,
    edition: DocEdition,
    view: ApiView,
    json: bool,
}

/// A command's failure: bad input (a file that cannot be read), reported without the usage,
/// exit status 2.
struct Failure {
    /// One line each.
    messages: Vec<String>,
    /// Whether what the command printed is printed too (a check of other files went on).
    keep_output: bool,
}

impl Failure {
    /// A failure with one message; the command's output is dropped.
    fn new(message: String) -> Failure {
        Failure {
            messages: vec![message],
            keep_output: false,
        }
    }

    /// A failure reported after the command's output.
    fn after_output(messages: Vec<String>) -> Failure {
        Failure {
            messages,
            keep_output: true,
        }
    }
}

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure::new(e.to_string())
    }
}

/// What a command returns: its output and whether the check failed.
type Outcome = Result<bool, Failure>;

fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(i64::MAX)).unwrap_or(Date::MAX)
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// A library value's serde form as pretty JSON (keys sorted, as the JSON contract prints them).
fn json_text(v: &impl serde::Serialize) -> String {
    let value = serde_json::to_value(v).unwrap_or(serde_json::Value::Null);
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// The version line: the crate's version and the data's as-of date.
fn version() -> String {
    format!(
        "aml {} (data as of {DATA_AS_OF})",
        env!("CARGO_PKG_VERSION")
    )
}

fn run(cli: Cli, out: &mut String) -> Outcome {
    let g = &cli.global;
    let ctx = Ctx {
        on: g.on.unwrap_or_else(today),
        on_given: g.on.is_some(),
        edition: g.edition.unwrap_or_default(),
        view: if g.v1 { ApiView::V1 } else { ApiView::V2 },
        json: g.json,
    };
    match cli.command.unwrap_or(Command::Overview) {
        Command::Overview => overview::run(&ctx, out),
        Command::Size(args) => size::run(&ctx, &args, out)?,
        Command::Cuda(args) => cuda::run(&ctx, &args, out)?,
        Command::Train(args) => train::run(&ctx, &args, out),
        Command::Deploy(args) => deploy::run(&ctx, &args, out),
        Command::Recommend(args) => recommend::run(&ctx, &args, out)?,
        Command::Check(args) => return check::run(&ctx, &args),
        Command::Data(args) => return data::run(&ctx, &args, out),
        Command::Explain(args) => explain::run(&args, out),
        Command::Init => init(out)?,
    }
    Ok(false)
}

/// Reads a file named by an option: its text, or an input failure naming it.
fn read_input(path: &PathBuf) -> Result<String, Failure> {
    guard::read_text(path, &Scope::new([path]), guard::NAMED_LIMIT)
        .map_err(|e| Failure::new(format!("{}: {e}", path.display())))
}

/// Writes what the command printed; a closed pipe is not an error worth a word.
fn flush(text: &str, code: ExitCode) -> ExitCode {
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help is the answer (exit 0); anything else is a usage error (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if cli.version {
        return flush(&(version() + "\n"), ExitCode::SUCCESS);
    }
    let mut out = String::new();
    match run(cli, &mut out) {
        Ok(failed) => flush(&out, ExitCode::from(u8::from(failed))),
        Err(failure) => {
            // What was printed before the error is dropped unless the command went on with
            // other files; text from files is escaped, never written raw to the terminal.
            let code = if failure.keep_output {
                flush(&out, ExitCode::from(2))
            } else {
                ExitCode::from(2)
            };
            for message in &failure.messages {
                // Line by line (a TOML error shows the offending line under its place).
                let mut lines = message.lines();
                eprintln!("error: {}", escaped(lines.next().unwrap_or_default()));
                for line in lines {
                    eprintln!("{}", escaped(line));
                }
            }
            code
        }
    }
}

/// The region's size listing named by `--catalog`.
fn read_listing(path: &PathBuf) -> Result<aml_targets::Catalog, Failure> {
    let text = read_input(path)?;
    let shown = path.display().to_string();
    aml_targets::Catalog::from_json(&text, &shown)
        .map_err(|e| Failure::new(format!("{shown}: {e}")))
}

/// The region's quota named by `--usage` (what `az ml compute list-usage -o json` prints).
fn read_usages(path: &PathBuf) -> Result<aml_targets::quota::Usages, Failure> {
    let text = read_input(path)?;
    aml_targets::quota::Usages::from_json(&text)
        .map_err(|e| Failure::new(format!("{}: {e}", path.display())))
}
