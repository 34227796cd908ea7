//! Linear time in every reader, measured as growth: each input is built at sizes n, 2n and 4n,
//! and the time at 4n must stay within 10× the time at n (linear is 4×, quadratic 16×).
//! Absolute times say nothing on a shared 2-core machine; growth does.
#![cfg(all(feature = "yaml", feature = "json"))]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use aml_targets::project::{TextKind, computes_from_json, size_mentions};
use aml_targets::quota::Usages;
use aml_targets::{AzureMlProject, Date};

fn on() -> Date {
    "2026-11-27".parse().unwrap()
}

/// The fastest of three runs of `f` on `input`.
fn fastest(input: &str, f: &impl Fn(&str)) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f(input);
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Asserts that `f` grows linearly with `n`: n is first doubled until one run takes 5 ms
/// (so that the clock's grain and the machine's noise do not decide), then the runs at n, 2n
/// and 4n are compared.
#[track_caller]
fn linear(what: &str, mut n: usize, make: impl Fn(usize) -> String, f: impl Fn(&str)) {
    while fastest(&make(n), &f) < Duration::from_millis(5) && n < 1 << 24 {
        n *= 2;
    }
    let times: Vec<Duration> = [n, 2 * n, 4 * n]
        .iter()
        .map(|&n| fastest(&make(n), &f))
        .collect();
    let ratio = times[2].as_secs_f64() / times[0].as_secs_f64();
    eprintln!("{what}: n={n} {times:?} ×{ratio:.1}");
    assert!(
        ratio < 10.0,
        "{what}: ×4 input took ×{ratio:.1} the time ({times:?}, n = {n})"
    );
}

fn check(files: &[(&str, &str)]) -> usize {
    AzureMlProject::from_sources(files.iter().copied())
        .check(on())
        .diagnostics
        .len()
}

#[test]
fn mentions_on_one_long_line() {
    linear(
        "mentions on one line",
        200,
        |n| "x = ['Standard_NC6', 'Standard_D4s_v3'] + ".repeat(n),
        |text| {
            let found = size_mentions(text, TextKind::Python);
            assert!(!found.is_empty());
        },
    );
}

#[test]
fn comment_and_quote_state_on_one_long_line() {
    // Strings with escaped quotes and `#` inside them, then a size: the state is carried
    // forward, not recomputed from the line's start for each mention.
    linear(
        "quoted # on one line",
        200,
        |n| "tag = \"run \\\"#4\\\"\"; vm_size = 'Standard_NC6'; ".repeat(n),
        |text| {
            let found = size_mentions(text, TextKind::Python);
            assert!(!found.is_empty());
        },
    );
}

/// A notebook whose one code cell is a single source string of `n` lines, and whose
/// outputs hold `n` lines of sizes nobody reports.
fn notebook(n: usize) -> String {
    let mut source = String::new();
    for _ in 0..n {
        source
            .push_str("c = AmlCompute.provisioning_configuration(vm_size=\\\"Standard_NC6\\\")\\n");
    }
    let mut output = String::new();
    for _ in 0..n {
        output.push_str("\"Standard_NC6 Standard_NC12 Standard_NC24\\n\",");
    }
    output.push_str("\"end\"");
    format!(
        r#"{{"cells": [{{"cell_type": "code", "source": "{source}",
 "outputs": [{{"output_type": "stream", "name": "stdout", "text": [{output}]}}]}}],
 "metadata": {{}}, "nbformat": 4, "nbformat_minor": 5}}"#
    )
}

#[test]
fn a_notebook_source_string_and_its_outputs() {
    linear("notebook", 100, notebook, |text| {
        assert!(check(&[("train.ipynb", text)]) > 0);
    });
}

#[test]
fn pipeline_steps() {
    const SCHEMA: &str = "https://azuremlschemas.azureedge.net/latest";
    linear(
        "pipeline steps",
        500,
        |n| {
            let mut text = format!(
                "$schema: {SCHEMA}/pipelineJob.schema.json\ntype: pipeline\nsettings:\n  default_compute: azureml:cpu\njobs:\n"
            );
            for i in 0..n {
                write!(
                    text,
                    "  step_{i}:\n    type: command\n    command: echo {i}\n    environment: azureml:env@latest\n"
                )
                .unwrap();
            }
            text
        },
        |text| {
            check(&[("pipeline.yml", text)]);
        },
    );
}

#[test]
fn merge_keys_counted_per_pair() {
    // One anchored mapping of 20 pairs merged into n mappings.
    linear(
        "merge keys",
        200,
        |n| {
            let mut text = String::from("base: &b {");
            for k in 0..20 {
                write!(text, "k{k}: {k}, ").unwrap();
            }
            text.push_str("}\nitems:\n");
            for i in 0..n {
                writeln!(text, "- {{<<: *b, name: item{i}}}").unwrap();
            }
            text
        },
        |text| {
            check(&[("items.yml", text)]);
        },
    );
}

#[test]
fn one_merge_list_through_many_aliases() {
    // A merge list of ten mappings, anchored once and merged through an alias n times.
    linear(
        "merge list via aliases",
        200,
        |n| {
            let mut text = String::new();
            for m in 0..10 {
                writeln!(text, "m{m}: &m{m} {{a{m}: 1, b{m}: 2}}").unwrap();
            }
            text.push_str("all: &all [");
            for m in 0..10 {
                write!(text, "*m{m}, ").unwrap();
            }
            text.push_str("]\nitems:\n");
            for i in 0..n {
                writeln!(text, "- {{<<: *all, name: item{i}}}").unwrap();
            }
            text
        },
        |text| {
            check(&[("items.yml", text)]);
        },
    );
}

#[test]
fn flow_nesting_depth() {
    // Depth itself: 100 documents nested d deep, for d = 96, 192 and 384 (under the limit).
    let nest = |d: usize| format!("- {}{}\n", "[".repeat(d), "]".repeat(d)).repeat(100);
    let run = |text: &str| {
        check(&[("deep.yml", text)]);
    };
    let times: Vec<Duration> = [96, 192, 384]
        .iter()
        .map(|&d| fastest(&nest(d), &run))
        .collect();
    let ratio = times[2].as_secs_f64() / times[0].as_secs_f64();
    eprintln!("flow nesting: {times:?} ×{ratio:.1}");
    assert!(
        ratio < 10.0,
        "flow nesting: ×4 depth took ×{ratio:.1} ({times:?})"
    );
}

#[test]
fn compute_listing_line_numbers() {
    linear(
        "az ml compute list",
        1000,
        |n| {
            let mut text = String::from("[\n");
            for i in 0..n {
                if i > 0 {
                    text.push_str(",\n");
                }
                write!(
                    text,
                    "  {{\n    \"name\": \"gpu-{i}\",\n    \"type\": \"amlcompute\",\n    \"size\": \"STANDARD_NC6S_V3\",\n    \"min_instances\": 0,\n    \"max_instances\": 4\n  }}"
                )
                .unwrap();
            }
            text.push_str("\n]\n");
            text
        },
        |text| {
            let computes = computes_from_json(text, "computes.json").unwrap();
            // Entry i starts on line 2 + 7i; its name is on the line after.
            let last = computes.last().unwrap();
            assert_eq!(last.line, Some(3 + 7 * (computes.len() - 1)));
        },
    );
}

#[test]
fn usage_listing_line_numbers() {
    linear(
        "az ml compute list-usage",
        1000,
        |n| {
            let mut text = String::from("[\n");
            for i in 0..n {
                if i > 0 {
                    text.push_str(",\n");
                }
                write!(
                    text,
                    "  {{\"currentValue\": 0, \"limit\": 24,\n   \"name\": {{\"value\": \"family{i}\", \"localizedValue\": \"F\"}},\n   \"unit\": \"Count\"}}"
                )
                .unwrap();
            }
            text.push_str("\n]\n");
            text
        },
        |text| {
            let usages = Usages::from_json(text).unwrap();
            // Entry i starts on line 2 + 3i; its name is on the line after.
            let n = usages.rows().len();
            assert_eq!(usages.rows()[n - 1].line, Some(3 + 3 * (n - 1)));
        },
    );
}

#[test]
fn listing_lines_are_the_entries_own() {
    // A name that also appears earlier (in another entry's field) does not move the line.
    let text = r#"[
  {"name": "b", "type": "amlcompute", "description": "see \"a\""},
  {"name": "a", "type": "amlcompute",
   "size": "Standard_NC6s_v3"},
  {"size": "Standard_NC6s_v3", "type": "amlcompute",
   "name": "c"}
]"#;
    let lines: Vec<_> = computes_from_json(text, "c.json")
        .unwrap()
        .into_iter()
        .map(|c| (c.compute.name.clone(), c.line))
        .collect();
    assert_eq!(
        lines,
        [
            ("b".to_owned(), Some(2)),
            ("a".to_owned(), Some(3)),
            ("c".to_owned(), Some(6)),
        ]
    );
    // The REST shape: the entries are the `value` array's, whatever comes before it.
    let rest = r#"{"nextLink": "[\"value\"]",
 "value": [
  {"name": "x", "properties": {"computeType": "AmlCompute"}},
  {"name": "y",
   "properties": {"computeType": "AmlCompute"}}]}"#;
    let lines: Vec<_> = computes_from_json(rest, "c.json")
        .unwrap()
        .into_iter()
        .map(|c| c.line)
        .collect();
    assert_eq!(lines, [Some(3), Some(4)]);
}
