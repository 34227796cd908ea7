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
    grows_linearly(&format!("{what} (n = {n})"), [n, 2 * n, 4 * n], |n| {
        fastest(&make(n), &f)
    });
}

/// Times `time(n)` at the three sizes and asserts the last took less than 10× the first.
#[track_caller]
fn grows_linearly(what: &str, sizes: [usize; 3], time: impl Fn(usize) -> Duration) {
    let times = sizes.map(time);
    let ratio = times[2].as_secs_f64() / times[0].as_secs_f64();
    eprintln!("{what}: {times:?} ×{ratio:.1}");
    assert!(
        ratio < 10.0,
        "{what}: ×4 input took ×{ratio:.1} the time ({times:?})"
    );
}

/// A JSON array of `n` entries, each `entry(i)`.
fn listing(n: usize, entry: impl Fn(usize) -> String) -> String {
    let entries: Vec<String> = (0..n).map(entry).collect();
    format!("[\n{}\n]\n", entries.join(",\n"))
}

/// `head`, then `items:` with `n` flow mappings merging `<<: *merged`.
fn merging(head: String, merged: &str, n: usize) -> String {
    let mut text = head;
    text.push_str("items:\n");
    for i in 0..n {
        writeln!(text, "- {{<<: *{merged}, name: item{i}}}").unwrap();
    }
    text
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
            let pairs: Vec<String> = (0..20).map(|k| format!("k{k}: {k}")).collect();
            merging(format!("base: &b {{{}}}\n", pairs.join(", ")), "b", n)
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
            let mut head = String::new();
            for m in 0..10 {
                writeln!(head, "m{m}: &m{m} {{a{m}: 1, b{m}: 2}}").unwrap();
            }
            let aliases: Vec<String> = (0..10).map(|m| format!("*m{m}")).collect();
            writeln!(head, "all: &all [{}]", aliases.join(", ")).unwrap();
            merging(head, "all", n)
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
    grows_linearly("flow nesting depth", [96, 192, 384], |d| {
        fastest(&nest(d), &run)
    });
}

#[test]
fn compute_listing_line_numbers() {
    linear(
        "az ml compute list",
        1000,
        |n| {
            listing(n, |i| {
                format!(
                    "  {{\n    \"name\": \"gpu-{i}\",\n    \"type\": \"amlcompute\",\n    \"size\": \"STANDARD_NC6S_V3\",\n    \"min_instances\": 0,\n    \"max_instances\": 4\n  }}"
                )
            })
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
            listing(n, |i| {
                format!(
                    "  {{\"currentValue\": 0, \"limit\": 24,\n   \"name\": {{\"value\": \"family{i}\", \"localizedValue\": \"F\"}},\n   \"unit\": \"Count\"}}"
                )
            })
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

#[test]
fn template_defaults() {
    // Many parameters with defaults, each used by a size key: the owner look-back is bounded.
    linear(
        "ARM parameter defaults",
        100,
        |n| {
            let params: Vec<String> = (0..n)
                .map(|i| {
                    format!(
                        "\"p{i}\": {{\"type\": \"string\", \"defaultValue\": \"Standard_NC6\"}}"
                    )
                })
                .collect();
            let uses: Vec<String> = (0..n)
                .map(|i| format!("{{\"properties\": {{\"vmSize\": \"[parameters('p{i}')]\"}}}}"))
                .collect();
            format!(
                "{{\"parameters\": {{{}}}, \"resources\": [{}]}}",
                params.join(", "),
                uses.join(", ")
            )
        },
        |text| {
            let found = size_mentions(text, TextKind::Json);
            assert!(
                found
                    .iter()
                    .all(|m| m.context == aml_targets::lint::MentionContext::Provisioning)
            );
        },
    );
}

#[test]
fn defaults_on_one_long_yaml_line() {
    // A flow mapping of many `default:`-like entries on one line: the owner look-back of
    // each is bounded, not the whole line.
    linear(
        "YAML defaults on one line",
        200,
        |n| {
            let items: Vec<String> = (0..n)
                .map(|i| format!("i{i}: {{type: string, default: Standard_NC6}}"))
                .collect();
            format!("inputs: {{{}}}\n", items.join(", "))
        },
        |text| {
            assert!(!size_mentions(text, TextKind::Yaml).is_empty());
        },
    );
}
