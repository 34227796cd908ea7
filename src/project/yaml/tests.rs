//! The loader against what PyYAML 6 (`yaml.safe_load`) does with each construct. Every
//! expectation below was checked with PyYAML 6.0.3.

use std::fmt::Write as _;

use super::{Content, Tag, load};

#[track_caller]
fn accepts(text: &str) -> super::Document {
    match load(text) {
        Ok(Some(doc)) => doc,
        Ok(None) => panic!("no document in {text:?}"),
        Err(e) => panic!("{text:?} rejected: {e}"),
    }
}

#[track_caller]
fn rejects(text: &str, problem: &str, line: usize, column: usize) {
    match load(text) {
        Ok(_) => panic!("{text:?} accepted"),
        Err(e) => {
            assert!(
                e.problem.contains(problem),
                "{text:?}: {e} does not mention {problem:?}"
            );
            assert_eq!(
                (e.mark.line1(), e.mark.column1()),
                (line, column),
                "{text:?}: {e}"
            );
        }
    }
}

#[track_caller]
fn value<'d>(doc: &'d super::Document, key: &str) -> (&'d Tag, Option<&'d str>) {
    let (v, _) = doc.root().get(key).expect("key present");
    (v.tag(), v.text())
}

#[test]
fn empty_and_comment_only_texts_have_no_document() {
    assert!(load("").unwrap().is_none());
    assert!(load("# only a comment\n").unwrap().is_none());
    assert!(load("---\n...\n").unwrap().is_some()); // an empty (null) document
}

#[test]
fn quoted_scalars_ignore_indentation_as_pyyaml_does() {
    // The construct strict YAML 1.2 parsers reject: continuation lines at the key's own
    // indentation inside double quotes (seen in public Azure ML pipelines).
    let doc = accepts(
        "jobs:\n  step:\n    prefix: \"first line \\\n    second line\\n\"\n    other: 1\n",
    );
    let (step, _) = doc.root().get("jobs").unwrap().0.get("step").unwrap();
    let (prefix, _) = step.get("prefix").unwrap();
    assert_eq!(prefix.text(), Some("first line second line\n"));
    let doc = accepts("a: \"x\n  y\"\nb: 'p\nq'\n");
    assert_eq!(value(&doc, "a").1, Some("x y"));
    assert_eq!(value(&doc, "b").1, Some("p q"));
    // A document separator inside quotes is still an error.
    rejects("a: \"x\n---\ny\"\n", "document separator", 2, 1);
}

#[test]
fn placeholders_in_braces_are_unhashable_keys() {
    rejects(
        "endpoint_name: {{ENDPOINT_NAME}}\n",
        "found unhashable key",
        1,
        17,
    );
    rejects("image: {{ACR}}.azurecr.io/x:1\n", "", 1, 15);
    // `${{…}}` bindings are plain strings.
    let doc = accepts("compute: ${{parent.inputs.compute}}\n");
    assert_eq!(value(&doc, "compute").1, Some("${{parent.inputs.compute}}"));
    // Quoted placeholders too.
    let doc = accepts("endpoint_name: \"{{ENDPOINT_NAME}}\"\n");
    assert_eq!(value(&doc, "endpoint_name").1, Some("{{ENDPOINT_NAME}}"));
}

#[test]
fn yaml_1_1_scalars() {
    let doc = accepts(
        "a: yes\nb: Off\nc: 017\nd: 1:20\ne: 08\nf: 1_000\ng: .5\nh: 1e5\ni: 1.0e+5\nj: ~\nk: 0x_1F\nl: 2023-02-03\nm: -.inf\nn: 0o17\no: 12:30:00\np: 0b101\nq: ''\nr: null\ns: 1.\n",
    );
    let tags: Vec<(&str, Tag)> = [
        ("a", Tag::Bool),
        ("b", Tag::Bool),
        ("c", Tag::Int),
        ("d", Tag::Int),
        ("e", Tag::Str),
        ("f", Tag::Int),
        ("g", Tag::Float),
        ("h", Tag::Str),
        ("i", Tag::Float),
        ("j", Tag::Null),
        ("k", Tag::Int),
        ("l", Tag::Timestamp),
        ("m", Tag::Float),
        ("n", Tag::Str),
        ("o", Tag::Int),
        ("p", Tag::Int),
        ("q", Tag::Str),
        ("r", Tag::Null),
        ("s", Tag::Float),
    ]
    .into_iter()
    .collect();
    for (key, tag) in tags {
        assert_eq!(value(&doc, key).0, &tag, "{key}");
    }
    // Quoted scalars are strings whatever they hold.
    let doc = accepts("a: 'yes'\nb: \"12\"\n");
    assert_eq!(value(&doc, "a").0, &Tag::Str);
    assert_eq!(value(&doc, "b").0, &Tag::Str);
}

#[test]
fn sexagesimal_numbers_as_pyyaml_resolves_them() {
    // PyYAML 1.1: int `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`,
    // float `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`.
    let cases = [
        ("1:60", Tag::Str),
        ("0:30", Tag::Str),
        ("0:30.5", Tag::Float),
        ("1::5", Tag::Str),
        ("1:059", Tag::Str),
        ("+1:05", Tag::Int),
        ("-1_0:59", Tag::Int),
        ("1:5:7:9", Tag::Int),
        ("190:20:30.15", Tag::Float),
        ("190:20:30.", Tag::Float),
        ("1:30.5e3", Tag::Str),
        ("1:60.5", Tag::Str),
        ("_1:30.5", Tag::Str),
    ];
    for (text, tag) in cases {
        let doc = accepts(&format!("a: {text}\n"));
        assert_eq!(value(&doc, "a").0, &tag, "{text}");
    }
}

#[test]
fn what_the_safe_constructor_refuses() {
    rejects("a: =\n", "could not determine a constructor", 1, 4);
    rejects("a: <<\n", "could not determine a constructor", 1, 4);
    rejects("a: 2023-02-30\n", "not a valid date", 1, 4);
    rejects(
        "a: !foo x\n",
        "could not determine a constructor for the tag '!foo'",
        1,
        4,
    );
    rejects(
        "a: !!python/object:os.system x\n",
        "could not determine",
        1,
        4,
    );
    rejects("a: !!int x\n", "not an integer", 1, 4);
    rejects("a: !!float x\n", "not a number", 1, 4);
    rejects("a: !!bool maybe\n", "not a boolean", 1, 4);
    rejects("a: !!binary xyz!\n", "base64", 1, 4);
    rejects("a: !!omap [x]\n", "expected a mapping of length 1", 1, 12);
    rejects("? [a]\n: 1\n", "found unhashable key", 1, 3);
    rejects("{a: 1}: 2\n", "found unhashable key", 1, 1);
    rejects("<<: 3\n", "expected a mapping or list of mappings", 1, 5);
    rejects("a: !!str [1]\n", "expected a scalar node", 1, 4);
    accepts("a: !!str 3\n");
    accepts("a: !!set {x}\n");
    accepts("a: !!null x\n");
    accepts("a: !!binary aGVsbG8=\n");
}

#[test]
fn documents_directives_and_anchors() {
    rejects("a: 1\n---\nb: 2\n", "but found another document", 2, 1);
    accepts("---\na: 1\n...\n");
    accepts("%YAML 1.2\n---\na: 1\n");
    rejects("%YAML 2.0\n---\na: 1\n", "incompatible YAML document", 1, 1);
    let doc = accepts("b: &x 1\nc: *x\n");
    assert_eq!(value(&doc, "c").1, Some("1"));
    rejects("a: *nope\n", "found undefined alias 'nope'", 1, 4);
    rejects("a: &x 1\nb: &x 2\n", "second occurrence", 2, 4);
    // Recursive structures load (PyYAML builds self-referencing objects).
    accepts("a: &a [*a]\n");
    accepts("- &a {x: *a}\n");
}

#[test]
fn merge_keys() {
    let doc = accepts("base: &b {size: S1, tier: dedicated}\nc:\n  <<: *b\n  size: S2\n");
    let (c, _) = doc.root().get("c").unwrap();
    assert_eq!(c.get("size").unwrap().0.text(), Some("S2"));
    assert_eq!(c.get("tier").unwrap().0.text(), Some("dedicated"));
    let keys: Vec<&str> = c.entries().iter().map(|e| e.0).collect();
    assert_eq!(keys, ["size", "tier"]);
    let doc = accepts("<<: [ {a: 1}, {a: 2, b: 2} ]\n");
    assert_eq!(value(&doc, "a").1, Some("1"));
    assert_eq!(value(&doc, "b").1, Some("2"));
    // Of two `<<` keys the later wins; merged keys follow the mapping's own, nearest first.
    let doc = accepts("<<: {a: 1, b: 1}\nz: 0\n<<: [{a: 2, c: 2}, {c: 3, d: 3}]\n");
    for (key, text) in [("a", "2"), ("b", "1"), ("c", "2"), ("d", "3"), ("z", "0")] {
        assert_eq!(value(&doc, key).1, Some(text), "{key}");
    }
    let keys: Vec<&str> = doc.root().entries().iter().map(|e| e.0).collect();
    assert_eq!(keys, ["z", "a", "c", "d", "b"]);
    // PyYAML deletes a merge key before following it: self-merges load (as `{}` here).
    let doc = accepts("a: &a {<<: *a}\nb: &b {<<: &c {<<: *b, x: 1}}\n");
    assert!(doc.root().get("a").unwrap().0.get("x").is_none());
    assert_eq!(
        doc.root().get("b").unwrap().0.get("x").unwrap().0.text(),
        Some("1")
    );
}

#[test]
fn duplicate_keys_keep_the_last_value() {
    let doc = accepts("size: A\nsize: B\n");
    assert_eq!(value(&doc, "size").1, Some("B"));
    assert_eq!(doc.root().get("size").unwrap().1.line1(), 2);
}

#[test]
fn scanner_errors_with_positions() {
    rejects(
        "a: \t1\n",
        "found character '\\t' that cannot start any token",
        1,
        4,
    );
    rejects("\ta: 1\n", "cannot start any token", 1, 1);
    rejects("a: b: c\n", "mapping values are not allowed here", 1, 5);
    rejects("a: - b\n", "sequence entries are not allowed here", 1, 4);
    rejects("a: ? b\n", "mapping keys are not allowed here", 1, 4);
    rejects("a: [1, 2\n", "expected ',' or ']'", 2, 1);
    rejects("k: '\u{7}'\n", "unacceptable character #x0007", 1, 5);
    rejects("a:\n  - 1\n  b: 2\n", "expected <block end>", 3, 3);
    rejects(
        "key\nvalue: 1\n",
        "mapping values are not allowed here",
        2,
        6,
    );
    rejects("a: 1\nb\nc: 2\n", "could not find expected ':'", 3, 1);
    rejects(
        "a:\n  b: 1\n  c\n  d: 2\n",
        "could not find expected ':'",
        4,
        3,
    );
    rejects("a: |0\n  x\n", "indentation indicator", 1, 5);
    rejects("a: \"\\q\"\n", "unknown escape character 'q'", 1, 6);
}

#[test]
fn block_scalars_and_line_breaks() {
    let doc = accepts("a: |\n  x\n  y\nb: >-\n  p\n  q\nc: |\n  no newline at the end");
    assert_eq!(value(&doc, "a").1, Some("x\ny\n"));
    assert_eq!(value(&doc, "b").1, Some("p q"));
    assert_eq!(value(&doc, "c").1, Some("no newline at the end"));
    // CRLF line endings and a BOM.
    let doc = accepts("\u{feff}a: 1\r\nb: two\r\n");
    assert_eq!(value(&doc, "b").1, Some("two"));
    assert_eq!(doc.root().get("b").unwrap().1.line1(), 2);
}

#[test]
fn keys_keep_their_lines_and_columns() {
    let doc = accepts("$schema: x\nresources:\n  instance_type: Standard_NC6\n");
    let (res, mark) = doc.root().get("resources").unwrap();
    assert_eq!((mark.line1(), mark.column1()), (2, 1));
    let (it, mark) = res.get("instance_type").unwrap();
    assert_eq!((mark.line1(), mark.column1()), (3, 3));
    assert_eq!(it.mark().column1(), 18);
}

#[test]
fn nesting_is_bounded_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    rejects(&deep, "nested deeper than 400", 1, 401);
    let deep = "- ".repeat(17_000);
    assert!(load(&deep).is_err());
    let ok = format!("{}{}", "[".repeat(300), "]".repeat(300));
    accepts(&ok);
}

#[test]
fn aliases_share_nodes() {
    // A billion-laughs document stays small: every alias is the node it names.
    let mut text = String::from("a0: &a0 [\"lol\", \"lol\"]\n");
    for i in 1..30 {
        let _ = writeln!(text, "a{i}: &a{i} [*a{p}, *a{p}, *a{p}]", p = i - 1);
    }
    let doc = accepts(&text);
    assert!(doc.len() < 200, "{} nodes", doc.len());
    let _ = Content::Scalar(String::new());
}

/// The loader against PyYAML on a whole tree: set `AML_YAML_CORPUS` to a TSV of
/// `path<TAB>ok|err:LINE` lines written by `yaml.safe_load` (see the CHANGELOG's note on
/// the differential run) and run `cargo test --features yaml -- --ignored differential`.
#[test]
#[ignore = "needs a corpus and PyYAML's verdicts (AML_YAML_CORPUS)"]
fn differential_against_pyyaml() {
    let Ok(tsv) = std::env::var("AML_YAML_CORPUS") else {
        return;
    };
    let verdicts = std::fs::read_to_string(tsv).expect("readable TSV");
    let mut disagreements = Vec::new();
    let mut total = 0;
    for line in verdicts.lines() {
        let mut parts = line.split('\t');
        let (Some(path), Some(verdict)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        total += 1;
        let ours = match load(&text) {
            Ok(_) => "ok".to_owned(),
            Err(e) => format!("err:{}", e.mark.line1()),
        };
        let same = if verdict == "ok" {
            ours == "ok"
        } else {
            ours.starts_with("err")
        };
        if !same {
            disagreements.push(format!("{path}: PyYAML {verdict}, ours {ours}"));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {total} disagree:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// Whether `text` loads, as PyYAML 6 decides (values checked with PyYAML 6.0.2, issue 21).
#[track_caller]
fn verdict(text: &str, loads: bool) {
    assert_eq!(
        load(text).is_ok(),
        loads,
        "{text:?}: {:?}",
        load(text).err()
    );
}

#[test]
fn parity_timestamp_offsets_of_a_day_or_more_fail() {
    // datetime.timezone refuses an offset of 24 h or more; minutes are not range-checked.
    verdict("t: 2001-12-14t21:59:43.10+24:00\n", false);
    verdict("t: 2001-12-14t21:59:43.10-25:30\n", false);
    verdict("t: 2001-12-14t21:59:43.10+99:99\n", false);
    verdict("t: 2001-12-14t21:59:43.10+23:60\n", false);
    verdict("t: 2001-12-14t21:59:43.10+0:99\n", true);
    verdict("t: 2001-12-14t21:59:43.10+23:59\n", true);
}

#[test]
fn parity_explicit_timestamps_take_one_digit_months_and_days() {
    verdict("t: !!timestamp 2001-1-2\n", true);
    verdict("t: !!timestamp \"2001-01-02\\n\"\n", true);
    verdict("t: !!timestamp 2001-13-02\n", false);
    // The implicit resolver still wants two digits: a string.
    let doc = accepts("t: 2001-1-2\n");
    assert_eq!(*value(&doc, "t").0, Tag::Str);
}

#[test]
fn parity_lenient_ints_and_floats_as_python_reads_them() {
    for (text, loads) in [
        ("!!int 0o17", true),
        ("!!int 0x-1", true),
        ("!!int \"+-1\"", true),
        ("!!int \"1:-30\"", true),
        ("!!int \" 1:30\"", true),
        ("!!int \"0x1F \"", true),
        ("!!int \"0\\n\"", true),
        ("!!int \"\"", false),
        ("!!float \"+-inf\"", true),
        ("!!float \"1.5:30\"", true),
        ("!!float \"abc\"", false),
    ] {
        verdict(&format!("v: {text}\n"), loads);
    }
    // More than 4300 decimal digits: Python 3.11's int() refuses them.
    verdict(&format!("v: {}\n", "1".repeat(4301)), false);
    verdict(&format!("v: {}\n", "1".repeat(4300)), true);
    // The readers of counts take the same values.
    for (text, value) in [
        ("0o17", Some(15)),
        ("017", Some(15)),
        ("0x1F", Some(31)),
        ("1_000", Some(1000)),
        ("1:30", Some(90)),
        ("-0x0", Some(0)),
        ("-0b0", Some(0)),
        ("+0x0", Some(0)),
        (" 12 ", Some(12)),
        ("0x-1", Some(-1)),
        ("12a", None),
    ] {
        assert_eq!(super::int_value(text), value, "{text:?}");
    }
}

#[test]
fn parity_binary_padding_as_base64_decodebytes() {
    verdict("b: !!binary \"YQ==\"\n", true);
    verdict("b: !!binary \"YQ==YWJ\"\n", true); // what follows a completed quantum is ignored
    verdict("b: !!binary \"Y=Q=\"\n", false);
    verdict("b: !!binary \"=YQ=\"\n", false);
    verdict("b: !!binary \"YQ\"\n", false);
}

#[test]
fn parity_merges_ignore_the_merged_mappings_tag() {
    verdict("a: {<<: !custom {a: 1}}\n", true);
    verdict("a: {<<: !!str {a: 1}}\n", true);
    verdict("a: {<<: [!!map {a: 1}, {b: 2}]}\n", true);
}

#[test]
fn parity_omap_and_pairs_items_are_not_constructed() {
    verdict("o: !!omap [{[1]: 2}]\n", true);
    verdict("o: !!omap [!custom {a: 1}]\n", true);
    verdict("o: !!pairs [{a: 1}, {a: 2}]\n", true);
    verdict("o: !!omap [{<<: {a: 1}}]\n", false);
    verdict("o: !!omap [a]\n", false);
}

#[test]
fn parity_the_non_specific_tag_resolves_as_plain_with_pythons_dollar() {
    verdict("v: ! \"yes\\n\"\n", false); // KeyError in the bool constructor
    let doc = accepts("v: ! \"null\\n\"\n");
    assert_eq!(*value(&doc, "v").0, Tag::Null);
    let doc = accepts("v: ! \"12\\n\"\n");
    assert_eq!(*value(&doc, "v").0, Tag::Int);
    let doc = accepts("v: ! yes\n");
    assert_eq!(*value(&doc, "v").0, Tag::Bool);
}

#[test]
fn parity_signed_zeros() {
    for (text, tag) in [
        ("-0x0", Tag::Int),
        ("-0", Tag::Int),
        ("+0x0", Tag::Int),
        ("-0b0", Tag::Int),
        ("-0.0", Tag::Float),
        ("-0o0", Tag::Str),
        ("0x-1", Tag::Str),
    ] {
        let doc = accepts(&format!("v: {text}\n"));
        assert_eq!(*value(&doc, "v").0, tag, "{text}");
    }
}

/// The loader against PyYAML 6 on the committed corpus (`tests/pyyaml/corpus.jsonl`, 421
/// documents and boundary scalars, written by `tests/pyyaml/corpus.py` with PyYAML): the same
/// load-or-raise verdict, and for documents that load the same tag on the root node. `.ci/run`
/// rewrites the corpus with PyYAML when it can install it and fails if PyYAML's answers moved.
#[test]
fn the_committed_pyyaml_corpus() {
    // Python's int() and float() also read non-ASCII digits; the loader reads ASCII ones only.
    const KNOWN: &[&str] = &[
        "!!int \"\u{661}\u{662}\"",
        "!!int \"\u{ff11}\u{ff12}\"",
        "!!float \"\u{661}.\u{665}\"",
    ];
    let corpus = include_str!("../../../tests/pyyaml/corpus.jsonl");
    let mut differ = Vec::new();
    let mut total = 0;
    for line in corpus.lines() {
        let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let doc = row["doc"].as_str().expect("doc");
        if KNOWN.contains(&doc) {
            continue;
        }
        total += 1;
        let pyyaml_loads = row["ok"].as_bool().expect("ok");
        match (load(doc), pyyaml_loads) {
            (Ok(ours), true) => {
                // The root's tag: `Int:"0"`, `Map{…}`, `Seq[…]`.
                let graph = row["graph"].as_str().unwrap_or_default();
                let theirs: String = graph
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                // No document at all is PyYAML's `None`.
                let ours =
                    ours.map_or_else(|| "None".to_owned(), |d| format!("{:?}", d.root().tag()));
                let ours: String = ours
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                if !theirs.is_empty() && theirs != ours {
                    differ.push(format!("{doc:?}: PyYAML {theirs}, ours {ours}"));
                }
            }
            (Err(_), false) => {}
            (ours, _) => differ.push(format!(
                "{doc:?}: PyYAML {}, ours {}",
                if pyyaml_loads { "loads" } else { "raises" },
                if ours.is_ok() { "loads" } else { "raises" }
            )),
        }
    }
    assert!(total > 400, "{total} documents");
    assert!(
        differ.is_empty(),
        "{} of {total} differ from PyYAML:\n{}",
        differ.len(),
        differ.join("\n")
    );
}
