//! `aml explain CODE`: a diagnostic code's entry in the registry — what it means, why it
//! matters, a file that raises it, the same file fixed, the fix and the source.

use aml_targets::Code;
use clap::Args;

#[derive(Args)]
pub(crate) struct ExplainArgs {
    /// A diagnostic code (`retired-series`).
    #[arg(required_unless_present = "all")]
    code: Option<Code>,
    /// Every code, one after another.
    #[arg(long, conflicts_with = "code")]
    all: bool,
    /// Markdown, as docs/codes.md has it (with --all: the whole page).
    #[arg(long)]
    markdown: bool,
}

pub(crate) fn run(args: &ExplainArgs, out: &mut String) {
    if args.markdown {
        match &args.code {
            Some(code) => out.push_str(&code.rule().markdown()),
            None => out.push_str(&aml_targets::lint::codes_markdown()),
        }
        return;
    }
    let codes: &[Code] = match &args.code {
        Some(code) => std::slice::from_ref(code),
        None => Code::ALL,
    };
    for (i, code) in codes.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&code.rule().to_string());
        out.push('\n');
    }
}
