//! Every kind of file the checker reads, under a hostile name: reading, checking and rendering
//! never panic, and no output format lets a file start a record of its own (a GitHub workflow
//! command, a cargo directive) or reach the terminal with a control character.
#![no_main]

use aml_targets::render;
use aml_targets::{AzureMlProject, Date, RenderOptions};
use aml_targets::project::{TextKind, size_mentions};
use libfuzzer_sys::fuzz_target;

const COMPUTE: &str = "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: cpu\ntype: amlcompute\nsize: Standard_DS3_v2\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // `NAME\0CONTENT`: the name's extension picks the reader; without a NUL, a script.
    let (name, content) = text.split_once('\0').unwrap_or(("run.sh", text));
    let on = Date::parse("2026-11-26").unwrap();
    for kind in [TextKind::Shell, TextKind::Notebook, TextKind::Yaml, TextKind::Markdown] {
        for mention in size_mentions(content, kind) {
            assert!(mention.line >= 1);
            let _ = mention.check(on, aml_targets::Catalog::embedded());
        }
    }
    let project = AzureMlProject::from_sources([("compute.yml", COMPUTE), (name, content)]);
    let report = project.check(on);
    let options = RenderOptions::default().verbose(true);
    let github = render::Format::Github.render(&report, &options);
    assert!(!github.contains('\r'), "{github:?}");
    for line in github.lines() {
        assert!(line.starts_with("::"), "{line:?}");
    }
    let cargo = render::Format::Cargo.render(&report, &options);
    assert!(!cargo.contains('\r'), "{cargo:?}");
    for line in cargo.lines() {
        assert!(line.starts_with("cargo:warning="), "{line:?}");
    }
    let human = render::Format::Human.render(&report, &options);
    assert!(!human.chars().any(|c| c.is_control() && c != '\n'), "{human:?}");
    for json in [render::Format::Json.render(&report, &options), render::Format::Sarif.render(&report, &options)] {
        serde_json::from_str::<serde_json::Value>(&json).expect("renderers write JSON");
    }
});
