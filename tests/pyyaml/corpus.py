#!/usr/bin/env python3
"""A deterministic corpus of tricky YAML documents and PyYAML 6's verdict on each.

Usage:  python3 tests/pyyaml/corpus.py [OUT.jsonl] [--tsv DIR]   (needs PyYAML 6)
        (default OUT: tests/pyyaml/corpus.jsonl; "-" for stdout)

With --tsv DIR it also writes every document to DIR/NNNN.yaml and DIR/verdicts.tsv, one
`path<TAB>ok` or `path<TAB>err:LINE` line per document (LINE from 1, `-` when PyYAML's
exception has no mark): the format of the port's ignored test
`differential_against_pyyaml` (src/project/yaml/tests.rs), run with
`AML_YAML_CORPUS=DIR/verdicts.tsv cargo test --features yaml -- --ignored differential`.

Every line of the output is one JSON object:

  {"id": 17, "group": "int", "doc": "0x_1F",
   "ok": true,
   "value": <JSON-able encoding of the loaded value, see encode()>,
   "repr": "<Python repr of the value>",
   "graph": "<the composed node graph: resolved tags and scalar texts>",
   "error": null}

or, when yaml.safe_load raises:

  {"id": 18, "group": "int", "doc": "0b_", "ok": false, "value": null, "repr": null,
   "graph": "...or null when composing itself fails...",
   "error": {"type": "ValueError", "problem": "invalid literal for int() with base 2: ''",
             "line": null, "column": null, "context": null,
             "context_line": null, "context_column": null}}

Marks (line, column, context_line, context_column) are PyYAML's, counted from 0; they are
null for errors that are not yaml.MarkedYAMLError (ValueError, KeyError, IndexError,
AttributeError, TypeError, RecursionError raised by the constructors carry no position).

"graph" is yaml.compose(doc, SafeLoader) written compactly: Tag:"text" for scalars,
Tag[...] for sequences, Tag{k: v, ...} for mappings, where Tag is Null, Bool, Int, Float,
Str, Timestamp, Binary, Merge, Value, Omap, Pairs, Set, Seq, Map or Other(<uri>); text is
JSON-escaped. It lets a port compare its resolver (tags) separately from its constructor
checks (ok / error).

Value encoding (encode()): None/bool/str as JSON; int as a JSON number when |v| <= 2**53,
else {"int": "<decimal>"}; float as a JSON number, or {"float": "inf"|"-inf"|"nan"|"-0.0"};
bytes {"binary_hex": ...}; datetime.date {"date": iso}; datetime.datetime
{"datetime": iso, "utcoffset_seconds": n|null}; dict {"map": [[k, v], ...]} in insertion
order; tuple (omap/pairs items) {"pair": [k, v]}; set {"set": [sorted encoded members]};
a container met again while encoding itself {"cycle": true}.

The documents are fixed lists below; nothing is random, and the output is byte-for-byte
stable for a given Python and PyYAML version (recorded on stderr).
"""

import datetime
import json
import math
import sys

import yaml

# ---------------------------------------------------------------------------------------
# The corpus.

INTS = [
    "0", "-0", "+0", "00", "-00", "0_", "-0_0", "7", "-7", "+7", "1_000", "1__0", "1_",
    "_1", "0755", "0_7", "07_7", "08", "0_8", "09", "0b101", "-0b101", "+0b1_0", "0b_",
    "0b", "0b12", "0B1", "0x1F", "-0x1F", "0x_1F", "0x_", "0x", "0X1F", "0xg", "-0x0",
    "+0x0", "-0b0", "-0o0", "0o17", "0x-1", "1:30", "-1:30", "1:3", "190:20:30", "1:60",
    "0:30", "01:30", "1_:30", "1:_0", "0b1:1", "1:30:00",
    "9223372036854775808", "-9223372036854775809", "1" * 4300, "1" * 4301, "1_" + "1" * 4300,
]

FLOATS = [
    "1.0", "-1.0", "+1.0", "1.", "-0.", "-0.0", "+0.0", ".0", "-.0", "+.5", ".5", "0.",
    "00.0", "08.5", "1._", "._1", "1_.5", "0.5_", "123_456.78_9", "1e3", "1.0e3", "1.5e3",
    "1.0e+3", "1.e+3", ".1e+3", "-.1e+3", "1.5E-3", "6.8523015e+5", "685.230_15e+03",
    "1:30.5", "+1:30.5", "190:20:30.15", "1:30.5e+1", "1:60.5", ".inf", "-.inf", "+.inf",
    ".Inf", ".INF", ".iNf", ".nan", ".NaN", ".NAN", ".Nan", "-.nan", "+.nan", "inf", "nan",
    ".", "+.", "0e+0", "1e400", "1.0e+400",
]

BOOLS_NULLS = [
    "yes", "Yes", "YES", "yEs", "no", "No", "NO", "true", "True", "TRUE", "tRUE", "false",
    "on", "On", "ON", "off", "Off", "OFF", "y", "n", "Y", "N", "null", "Null", "NULL",
    "nULL", "~", "", "'yes'", "\"null\"", "'~'", "=", "<<", "a: =", "a: <<",
]

_T = "2001-12-14t21:59:43.10"
TIMESTAMPS = [
    "2001-12-14", "2001-1-2", "2001-01-2", "2000-02-29", "2001-02-29", "2001-13-01",
    "2001-00-10", "0000-01-01", "0001-01-01", "9999-12-31", "20011-01-01", "2001-12-14 ",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.10Z", "2001-12-14 21:59:43.10 -5",
    "2001-12-14 21:59:43.10", "2001-12-14\t21:59:43", "2001-1-2 3:04:05", "2001-1-2T3:04:05Z",
    "2002-12-14", "2001-12-14t21:59:43", "2001-12-14t21:59:43.", "2001-12-14t21:59:43.1234567",
    "2001-12-14 24:00:00", "2001-12-14 23:60:00", "2001-12-14 23:59:60", "2001-12-14 1:2:03",
    _T + "+24:00", _T + "-24:00", _T + "+23:59", _T + "-23:59", _T + "+23:60", _T + "+23:99",
    _T + "-25:30", _T + "+99:99", _T + "+00:60", _T + "+0:99", _T + "+24", _T + "+5",
    _T + "+05", _T + "+123", _T + "+01:3", _T + "z", _T + " Z", _T + "-00:00",
    "t: " + _T + "+24:00",
]

EXPLICIT = [
    # !!int: Python's int() after PyYAML strips '_' and one sign
    '!!int "1_000"', '!!int " 12 "', '!!int "\\t12\\n"', "!!int 0o17", "!!int 0O17",
    "!!int 017", "!!int 0x_1F", "!!int 0X1F", "!!int 1:30", '!!int "1: 30"', '!!int " 1:30"',
    '!!int "1:-30"', "!!int 1:90", '!!int ""', '!!int "_"', '!!int "+"', "!!int 0x-1",
    '!!int "0x+1F"', '!!int "0b0b1"', '!!int "-0b-1"', '!!int "+-1"', '!!int "--1"',
    '!!int "0\\n"', '!!int "0 "', '!!int "0x1F "', '!!int " 0x1F"', '!!int "017 "',
    '!!int "\u0661\u0662"', '!!int "\uff11\uff12"', '!!int "\\u300012"', "!!int 1.5",
    "!!int -0.0", "!!int 08",
    # !!float: Python's float() after PyYAML strips '_', lowercases, strips one sign
    '!!float "1_0.5"', '!!float " 1e3 "', "!!float 1e3", "!!float 1", "!!float .inf",
    "!!float nan", "!!float infinity", '!!float "-Infinity"', '!!float "+-inf"',
    "!!float 1:30.5", '!!float "1.5:30"', '!!float "1:-30"', '!!float " 1:30"',
    '!!float "1:30:"', '!!float ""', '!!float "+"', "!!float 0x10", "!!float -0",
    '!!float "\u0661.\u0665"', '!!float ".inf\\n"', '!!float "1e400"',
    # !!bool, !!null, !!str
    "!!bool yes", "!!bool YeS", "!!bool y", "!!bool 1", '!!bool ""', "!!null", "!!null x",
    "!!null ~", "!!str 12", "!!str", "!!str ~",
    # !!timestamp
    "!!timestamp 2001-1-2", "!!timestamp 2001-12-1", "!!timestamp 2000-2-29",
    "!!timestamp 2001-2-29", '!!timestamp "2001-01-02\\n"', '!!timestamp "2001-01-02 "',
    "!!timestamp 2001", "!!timestamp", "!!timestamp " + _T + "+24:00",
    "!!timestamp " + _T + "+23:60",
    # !!binary: base64.decodebytes (binascii.a2b_base64, non-strict)
    '!!binary "YQ"', '!!binary "YQ="', '!!binary "YQ=="', '!!binary "YQ==="', '!!binary "Y"',
    '!!binary "YWI="', '!!binary "YWJj"', '!!binary "YWJj="', '!!binary "YQ==YWJj"',
    '!!binary "YQ==YWJ"', '!!binary "Y=Q="', '!!binary "=YQ="', '!!binary "YQ= ="',
    '!!binary "Y Q = ="', '!!binary "YQ-_"', '!!binary "!YQ=="', '!!binary ""',
    '!!binary "===="', '!!binary "\u00e9"', "!!binary |\n  YWJj\n  ZA==\n",
    # mismatched node kinds
    "!!int [1]", "!!str {a: 1}", "!!seq {a: 1}", "!!map [a]", "!!set [a]", "!!omap {a: 1}",
    "!!pairs a",
    # a value key (`=`) makes a mapping readable as a scalar
    "!!str {=: a}", "!!int {=: 12}", "!!bool {=: yes}", "!!str {b: 1, =: a}",
    "!!timestamp {=: 2001-01-01}", "? !!str {=: a}\n: 1",
]

NON_SPECIFIC = [
    "! yes", "! null", "! 12", "! 1.5", "! ~", "! 2001-01-02", '! "yes"', "! 'null'",
    '! "yes\\n"', '! "null\\n"', '! "12\\n"', '! ".inf\\n"', '! "2001-01-02\\n"', '! "<<\\n"',
    '! "\\n"', '! ""', "!", "a: !", "! |\n  yes\n", "! |-\n  yes\n", "! |\n  12\n",
    "! [1]", "! {a: 1}", "!<!> yes", "! <<", "! =",
    '? ! "<<\\n"\n: {a: 1}',
]

MERGES = [
    "<<: {a: 1}\nb: 2", "<<: {a: 1}\na: 2", "<<: [{a: 1}, {a: 2, b: 2}]",
    "<<: {a: 1}\n<<: {b: 2}\na: 3", "<<: !!map {a: 1}\nb: 2", "<<: !custom {a: 1}\nb: 2",
    "<<: [!custom {a: 1}, !other {c: 3}]", "<<: !!str {a: 1}", "<<: !!set {a, b}",
    "<<: !!omap [{a: 1}, {b: 2}]", "<<: !custom [{a: 1}]", "<<: [!!str {a: 1}]",
    "<<: [!!omap [{a: 1}]]", "<<: ! {a: 1}", "!!merge <<: {a: 1}", "!!merge foo: {a: 1}",
    "? !!merge [1]\n: {a: 1}", "'<<': {a: 1}", "a: !!merge <<", "a: <<", "<<", "- <<",
    "<<: 1", "<<: ~", "<<: [1]", "<<: [{a: 1}, 2]", "<<: {<<: {a: 1}}", "<<: {a: !custom 1}",
    "<<: {[1]: 1}", "=: 1", "a: =", "{=: 1, <<: {a: 2}}",
    "x: &x !custom {a: 1}\ny:\n  <<: *x",
    "base: &b {a: 1, b: 2}\nd:\n  <<: *b\n  b: 3",
    "a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n  z: 3",
    "x: &x {<<: *x}", "x: &x {a: 1, <<: *x}\ny: *x",
    "!!set {<<: {a: 1}}", "!!omap [{<<: {a: 1}}]", "!!omap [{=: 1}]",
]

ANCHORS = [
    "a: &x 1\nb: *x", "a: *x", "&a [*a]", "&a {k: *a}", "a: &x 1\nb: &x 2",
    "a: &x 1\nb: &x 2\nc: *x", "- &x a\n- *x\n- &x b\n- *x", "&x a", "*x", "[&x 1, *x]",
    "a: &x [1, 2]\n? *x\n: 3", "a: &x {b: 1}\n? *x\n: 3", "a: &x !!str 12\nb: *x",
    "&x !custom 1", "a: &x !custom 1", "a: &x yes\nb: *x",
]

COLLECTIONS = [
    "!!omap [{a: 1}, {b: 2}]", "!!omap [{a: 1}, {a: 2}]", "!!omap []", "!!omap",
    "!!omap [{a: 1, b: 2}]", "!!omap [{}]", "!!omap [a]", "!!omap [[a, 1]]",
    "!!omap [a: 1, b: 2]", "!!omap [{[1]: 2}]", "!!omap [!custom {a: 1}]",
    "!!omap [!!str {a: 1}]", "!!omap [{a: !custom 1}]", "!!pairs [{a: 1}, {a: 2}]",
    "!!pairs [a, b]", "!!pairs {a: 1}", "!!pairs [{[1]: 2}]", "? !!omap [{a: 1}]\n: x",
    "!!set {a, b}", "!!set {a: 1}", "!!set {[1]: 1}", "[1]: 2", "{a: 1}: 2", "? [1]\n: 2",
    "a: 1\na: 2",
]

TAGS = [
    "!custom 1", "a: !Ref x", "!!python/object:os.system x", "!!python/name:os.system",
    "!<tag:yaml.org,2002:str> 12", "!<tag:yaml.org,2002:int> '12'",
    "%TAG ! tag:yaml.org,2002:\n---\n!str 12", "%TAG ! tag:yaml.org,2002:\n---\n!int '12'",
    "%TAG !e! tag:example.com,2000:\n---\n!e!foo 1", "!e!foo 1", "!str yes",
    "!!str yes", "!!str 2001-12-14", "a: !!str\nb: !!null", "!!null ''",
]

GROUPS = [
    ("int", INTS), ("float", FLOATS), ("bool_null", BOOLS_NULLS), ("timestamp", TIMESTAMPS),
    ("explicit_tag", EXPLICIT), ("non_specific_tag", NON_SPECIFIC), ("merge", MERGES),
    ("anchor", ANCHORS), ("collection", COLLECTIONS), ("tag", TAGS),
]

# ---------------------------------------------------------------------------------------
# Recording.

_SHORT = {f"tag:yaml.org,2002:{t}": t.capitalize() for t in
          "null bool int float str timestamp binary merge value omap pairs set seq map".split()}


def graph(doc):
    """The composed node graph, or None when composing fails."""
    try:
        node = yaml.compose(doc, Loader=yaml.SafeLoader)
    except Exception:
        return None
    if node is None:
        return "None"

    def go(n, depth):
        if depth > 60:
            return "…"
        tag = _SHORT.get(n.tag, f"Other({n.tag})")
        if isinstance(n, yaml.ScalarNode):
            return f"{tag}:{json.dumps(n.value, ensure_ascii=False)}"
        if isinstance(n, yaml.SequenceNode):
            return f"{tag}[" + ", ".join(go(c, depth + 1) for c in n.value) + "]"
        return f"{tag}{{" + ", ".join(f"{go(k, depth + 1)}: {go(v, depth + 1)}"
                                      for k, v in n.value) + "}"

    return go(node, 0)


def _int_text(v):
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # only while encoding; the loader ran with the default
    try:
        return str(v)
    finally:
        sys.set_int_max_str_digits(old)


def encode(v, active=None):
    active = set() if active is None else active
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v if abs(v) <= 2 ** 53 else {"int": _int_text(v)}
    if isinstance(v, float):
        if math.isnan(v):
            return {"float": "nan"}
        if math.isinf(v):
            return {"float": "inf" if v > 0 else "-inf"}
        if v == 0 and math.copysign(1, v) < 0:
            return {"float": "-0.0"}
        return v
    if isinstance(v, bytes):
        return {"binary_hex": v.hex()}
    if isinstance(v, datetime.datetime):
        off = v.utcoffset()
        return {"datetime": v.isoformat(),
                "utcoffset_seconds": None if off is None else int(off.total_seconds())}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    if id(v) in active:
        return {"cycle": True}
    active = active | {id(v)}
    if isinstance(v, tuple):
        return {"pair": [encode(x, active) for x in v]}
    if isinstance(v, list):
        return [encode(x, active) for x in v]
    if isinstance(v, dict):
        return {"map": [[encode(k, active), encode(x, active)] for k, x in v.items()]}
    if isinstance(v, (set, frozenset)):
        return {"set": sorted((encode(x, active) for x in v), key=lambda e: json.dumps(e, sort_keys=True))}
    return {"unknown": repr(v)}


def stable_repr(v, active=frozenset()):
    """repr(), but with set members sorted (a set's own order follows the string hash,
    which changes from run to run) and cycles written as Python writes them."""
    if isinstance(v, (list, tuple, dict, set, frozenset)):
        if id(v) in active:
            return "[...]" if isinstance(v, list) else "{...}"
        active = active | {id(v)}
    if isinstance(v, list):
        return "[" + ", ".join(stable_repr(x, active) for x in v) + "]"
    if isinstance(v, tuple):
        inner = ", ".join(stable_repr(x, active) for x in v)
        return "(" + inner + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{stable_repr(k, active)}: {stable_repr(x, active)}"
                               for k, x in v.items()) + "}"
    if isinstance(v, (set, frozenset)):
        return "{" + ", ".join(sorted(stable_repr(x, active) for x in v)) + "}" if v else "set()"
    return repr(v)


def safe_repr(v):
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return stable_repr(v)
    except RecursionError:
        return "<repr too deep>"
    finally:
        sys.set_int_max_str_digits(old)


def record(i, group, doc):
    out = {"id": i, "group": group, "doc": doc, "ok": None, "value": None, "repr": None,
           "graph": graph(doc), "error": None}
    try:
        v = yaml.safe_load(doc)
    except yaml.MarkedYAMLError as e:
        m, c = e.problem_mark, e.context_mark
        out["ok"] = False
        out["error"] = {"type": type(e).__name__, "problem": e.problem,
                        "line": m.line if m else None, "column": m.column if m else None,
                        "context": e.context,
                        "context_line": c.line if c else None,
                        "context_column": c.column if c else None}
        return out
    except Exception as e:  # the constructors' ValueError, KeyError, IndexError, ...
        out["ok"] = False
        out["error"] = {"type": type(e).__name__, "problem": str(e), "line": None,
                        "column": None, "context": None, "context_line": None,
                        "context_column": None}
        return out
    out["ok"] = True
    out["value"] = encode(v)
    out["repr"] = safe_repr(v)
    return out


def write_tsv(rows, directory):
    import os
    os.makedirs(directory, exist_ok=True)
    lines = []
    for r in rows:
        path = os.path.abspath(os.path.join(directory, f"{r['id']:04}.yaml"))
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(r["doc"])
        if r["ok"]:
            verdict = "ok"
        else:
            line = r["error"]["line"]
            verdict = f"err:{line + 1}" if line is not None else "err:-"
        lines.append(f"{path}\t{verdict}\n")
    with open(os.path.join(directory, "verdicts.tsv"), "w", encoding="utf-8") as f:
        f.writelines(lines)


def main(argv):
    tsv_dir = None
    if "--tsv" in argv:
        i = argv.index("--tsv")
        tsv_dir = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    path = argv[1] if len(argv) > 1 else "tests/pyyaml/corpus.jsonl"
    rows = []
    i = 0
    for group, docs in GROUPS:
        for doc in docs:
            # Documents are written with Python escapes ("\\n" inside YAML double quotes is
            # YAML's own escape, kept as two characters), so what is listed is what is loaded.
            rows.append(record(i, group, doc))
            i += 1
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    if path == "-":
        sys.stdout.write(text)
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    if tsv_dir:
        write_tsv(rows, tsv_dir)
    ok = sum(r["ok"] for r in rows)
    print(f"python {sys.version.split()[0]}, PyYAML {yaml.__version__}: {len(rows)} documents, "
          f"{ok} load, {len(rows) - ok} raise -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
