//! YAML as the Azure ML CLI reads it.
//!
//! The CLI loads every file with PyYAML's `yaml.safe_load` (`azure-ai-ml`,
//! `azure/ai/ml/_utils/utils.py`, `load_yaml`): YAML 1.1, one document per file, the safe
//! constructor. This module is a port of that loader — scanner, parser, composer, the 1.1
//! resolver and the safe constructor's checks — so a file is accepted here exactly when the
//! CLI accepts it, and rejected with the problem and position PyYAML reports. Examples of
//! what this means in practice:
//!
//! - a double-quoted scalar whose continuation lines sit at the key's own indentation is
//!   read (PyYAML does not check indentation inside quotes; strict YAML 1.2 parsers reject it);
//! - `endpoint_name: {{ENDPOINT_NAME}}` is rejected ("found unhashable key": the value is a
//!   flow mapping whose key is a mapping), as are unknown tags, a second document, an alias
//!   to an undefined anchor, a tab before a token;
//! - `yes`/`no`/`on`/`off` are booleans, `0755` is octal, `1:30` is 90, `<<` merges.
//!
//! Resources are bounded where PyYAML's are not: nesting deeper than [`MAX_DEPTH`] levels is
//! an error (PyYAML 6 fails with a `RecursionError` between about 440 and 490 levels, two
//! Python frames a level, depending on how deep in the stack it is called), aliases are shared, not
//! copied (a document's size in memory is linear in its text whatever its aliases), and
//! nothing here recurses on the input's structure or panics.

mod parser;
mod scanner;

use std::collections::HashMap;
use std::fmt;

use parser::{EventKind, Parser};

/// Where the comments of `text` start, as PyYAML's scanner reads it: the line and column
/// (from 1, the column in characters) of each comment's `#`, and the line up to which the
/// text was scanned (all of it, or up to where it breaks the YAML rules).
pub(crate) fn comment_starts(text: &str) -> (Vec<(usize, usize)>, usize) {
    let mut scanner = scanner::Scanner::new(text);
    let scanned_to = loop {
        match scanner.get_token() {
            Ok(token) if matches!(token.kind, scanner::TokenKind::StreamEnd) => {
                break usize::MAX;
            }
            Ok(_) => {}
            Err(e) => break e.mark.line,
        }
    };
    let starts = scanner
        .comments
        .iter()
        .map(|m| (m.line1(), m.column1()))
        .collect();
    (starts, scanned_to)
}

/// Deepest nesting of collections accepted. PyYAML (the Azure ML CLI's loader) fails with a
/// `RecursionError` between about 440 and 490 levels (489–494 called from the top of CPython
/// 3.11's stack; the Azure ML CLI calls it from deeper); real Azure ML files nest fewer than
/// 20. A resource bound, kept below PyYAML's.
pub(crate) const MAX_DEPTH: usize = 400;

/// Most key/value pairs that merge keys (`<<`) may bring into one mapping lookup.
const MAX_MERGED: usize = 10_000;

/// A position in the text: line and column from 0, the column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub(crate) struct Mark {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Mark {
    /// The line from 1, as editors and diagnostics count.
    pub(crate) fn line1(self) -> usize {
        self.line + 1
    }

    /// The column from 1.
    pub(crate) fn column1(self) -> usize {
        self.column + 1
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line1(), self.column1())
    }
}

/// Why a text is not a YAML document the Azure ML CLI can load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    /// What was being read (`while scanning a simple key`), and where it started.
    pub(crate) context: Option<(String, Option<Mark>)>,
    /// What is wrong.
    pub(crate) problem: String,
    /// Where.
    pub(crate) mark: Mark,
    /// The document has more nodes than the checker's memory bound lets it hold for a text
    /// of its size ([`NODES_FREE`], [`BYTES_PER_NODE`]): not the file's fault.
    pub(crate) too_dense: bool,
}

impl YamlError {
    pub(crate) fn new(context: Option<(String, Mark)>, problem: String, mark: Mark) -> YamlError {
        YamlError {
            context: context.map(|(c, m)| (c, Some(m))),
            problem,
            mark,
            too_dense: false,
        }
    }

    fn without_context_mark(mut self) -> YamlError {
        if let Some((_, m)) = &mut self.context {
            *m = None;
        }
        self
    }

    fn too_deep(mark: Mark) -> YamlError {
        YamlError::new(
            None,
            format!(
                "collections nested deeper than {MAX_DEPTH} levels (this checker's bound; the Azure ML CLI's loader fails at about 440 to 490)"
            ),
            mark,
        )
    }
}

/// A document may hold this many nodes whatever its size...
pub(crate) const NODES_FREE: usize = 50_000;
/// ...and beyond that, one node per this many bytes of text: a node takes about 100 bytes
/// here, so memory stays within about 17 times the text (`- - - -` makes a node of every two
/// bytes). Azure ML files hold hundreds of nodes.
pub(crate) const BYTES_PER_NODE: usize = 6;

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.problem, self.mark)?;
        match &self.context {
            Some((context, Some(mark))) if *mark != self.mark => {
                write!(f, ", {context} ({mark})")
            }
            Some((context, _)) => write!(f, ", {context}"),
            None => Ok(()),
        }
    }
}

/// The resolved tag of a node: what PyYAML's safe constructor makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tag {
    Null,
    Bool,
    Int,
    Float,
    Str,
    Timestamp,
    Binary,
    Merge,
    Value,
    Omap,
    Pairs,
    Set,
    Seq,
    Map,
    /// A tag the safe loader has no constructor for (`!Ref`, `!!python/object`, …).
    Other(String),
}

impl Tag {
    fn from_uri(uri: &str) -> Tag {
        match uri.strip_prefix("tag:yaml.org,2002:") {
            Some("null") => Tag::Null,
            Some("bool") => Tag::Bool,
            Some("int") => Tag::Int,
            Some("float") => Tag::Float,
            Some("str") => Tag::Str,
            Some("timestamp") => Tag::Timestamp,
            Some("binary") => Tag::Binary,
            Some("merge") => Tag::Merge,
            Some("value") => Tag::Value,
            Some("omap") => Tag::Omap,
            Some("pairs") => Tag::Pairs,
            Some("set") => Tag::Set,
            Some("seq") => Tag::Seq,
            Some("map") => Tag::Map,
            _ => Tag::Other(uri.to_owned()),
        }
    }

    fn uri(&self) -> String {
        let short = match self {
            Tag::Null => "null",
            Tag::Bool => "bool",
            Tag::Int => "int",
            Tag::Float => "float",
            Tag::Str => "str",
            Tag::Timestamp => "timestamp",
            Tag::Binary => "binary",
            Tag::Merge => "merge",
            Tag::Value => "value",
            Tag::Omap => "omap",
            Tag::Pairs => "pairs",
            Tag::Set => "set",
            Tag::Seq => "seq",
            Tag::Map => "map",
            Tag::Other(uri) => return uri.clone(),
        };
        format!("tag:yaml.org,2002:{short}")
    }
}

/// The index of a node in its document.
pub(crate) type NodeId = usize;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Content {
    Scalar(String),
    Sequence(Vec<NodeId>),
    Mapping(Vec<(NodeId, NodeId)>),
}

impl Content {
    fn id(&self) -> &'static str {
        match self {
            Content::Scalar(_) => "scalar",
            Content::Sequence(_) => "sequence",
            Content::Mapping(_) => "mapping",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub(crate) content: Content,
    pub(crate) tag: Tag,
    pub(crate) start: Mark,
    /// `' '` plain, `'\''`, `'"'`, `'|'`, `'>'` for scalars; `' '` for collections.
    pub(crate) style: char,
}

/// One loaded document: nodes in document order, aliases sharing the node they name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Document {
    nodes: Vec<Node>,
    /// The keys of large mappings, indexed on first lookup: (key text → key node, value
    /// node), the last of duplicate keys winning. Lookups in a mapping of 40,000 pipeline
    /// steps stay constant-time.
    index: std::cell::RefCell<HashMap<NodeId, std::rc::Rc<KeyIndex>>>,
}

/// A mapping's string keys: text → (key node, value node).
type KeyIndex = HashMap<String, (NodeId, NodeId)>;

/// Mappings with more pairs than this are looked up through an index.
const INDEXED_PAIRS: usize = 16;

/// Loads `text` as `yaml.safe_load` does: `Ok(None)` for a text with no document (empty,
/// only comments), the document otherwise.
pub(crate) fn load(text: &str) -> Result<Option<Document>, YamlError> {
    check_printable(text)?;
    let mut parser = Parser::new(text);
    parser.get_event()?; // stream start
    if parser.peek_event()?.kind == EventKind::StreamEnd {
        return Ok(None);
    }
    // About two nodes a line (a key and its value), within the memory bound's reach.
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let nodes = (2 * lines).min(text.len() / 16 + 16);
    let document = compose_document(&mut parser, text.len(), nodes)?;
    let next = parser.get_event()?;
    if next.kind != EventKind::StreamEnd {
        let first = document.nodes.first().map(|n| n.start).unwrap_or_default();
        return Err(YamlError::new(
            Some(("expected a single document in the stream".to_owned(), first)),
            "but found another document".to_owned(),
            next.start,
        ));
    }
    construct_check(&document)?;
    Ok(Some(document))
}

/// PyYAML's reader refuses control characters and other non-printable ones.
fn check_printable(text: &str) -> Result<(), YamlError> {
    // Printable ASCII (the usual text), seen a byte at a time.
    if text
        .bytes()
        .all(|b| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7e))
    {
        return Ok(());
    }
    let printable = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7e}' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
    let Some((offset, c)) = text.char_indices().find(|&(_, c)| !printable(c)) else {
        return Ok(());
    };
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let column = before.rsplit('\n').next().unwrap_or("").chars().count();
    Err(YamlError::new(
        None,
        format!(
            "unacceptable character #x{:04x}: special characters are not allowed",
            c as u32
        ),
        Mark { line, column },
    ))
}

enum Frame {
    Sequence(NodeId),
    /// The mapping and the key waiting for its value.
    Mapping(NodeId, Option<NodeId>),
}

fn compose_document(
    parser: &mut Parser<'_>,
    text_len: usize,
    capacity: usize,
) -> Result<Document, YamlError> {
    parser.get_event()?; // document start
    let mut nodes: Vec<Node> = Vec::with_capacity(capacity);
    let mut anchors: HashMap<String, NodeId> = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    loop {
        let event = parser.get_event()?;
        let start = event.start;
        let mapping = matches!(event.kind, EventKind::MappingStart { .. });
        let (anchor, id) = match event.kind {
            EventKind::Alias(anchor) => {
                let Some(&id) = anchors.get(&anchor) else {
                    return Err(YamlError::new(
                        None,
                        format!("found undefined alias '{anchor}'"),
                        start,
                    ));
                };
                (None, id)
            }
            EventKind::Scalar {
                anchor,
                tag,
                implicit,
                value,
                style,
            } => {
                let tag = match tag.as_deref() {
                    None | Some("!") => resolve(&value, implicit),
                    Some(uri) => Tag::from_uri(uri),
                };
                nodes.push(Node {
                    content: Content::Scalar(value),
                    tag,
                    start,
                    style,
                });
                (anchor, nodes.len() - 1)
            }
            EventKind::SequenceStart { anchor, tag } | EventKind::MappingStart { anchor, tag } => {
                let tag = match tag.as_deref() {
                    None | Some("!") if mapping => Tag::Map,
                    None | Some("!") => Tag::Seq,
                    Some(uri) => Tag::from_uri(uri),
                };
                nodes.push(Node {
                    content: if mapping {
                        Content::Mapping(Vec::new())
                    } else {
                        Content::Sequence(Vec::new())
                    },
                    tag,
                    start,
                    style: ' ',
                });
                let id = nodes.len() - 1;
                check_anchor(&anchors, anchor.as_deref(), &nodes, start)?;
                if let Some(anchor) = anchor {
                    // Registered before the children, as PyYAML does: they may refer to it.
                    anchors.insert(anchor, id);
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(YamlError::too_deep(start));
                }
                stack.push(if mapping {
                    Frame::Mapping(id, None)
                } else {
                    Frame::Sequence(id)
                });
                continue;
            }
            EventKind::SequenceEnd | EventKind::MappingEnd => match stack.pop() {
                Some(Frame::Sequence(id) | Frame::Mapping(id, _)) => (None, id),
                None => {
                    return Err(YamlError::new(
                        None,
                        "unbalanced collection".to_owned(),
                        start,
                    ));
                }
            },
            EventKind::StreamStart
            | EventKind::StreamEnd
            | EventKind::DocumentStart
            | EventKind::DocumentEnd => {
                return Err(YamlError::new(
                    None,
                    "unexpected end of the document".to_owned(),
                    start,
                ));
            }
        };
        check_anchor(&anchors, anchor.as_deref(), &nodes, start)?;
        if let Some(anchor) = anchor {
            anchors.insert(anchor, id);
        }
        if nodes.len() > NODES_FREE && nodes.len().saturating_mul(BYTES_PER_NODE) > text_len {
            let mut e = YamlError::new(
                None,
                format!(
                    "more than {NODES_FREE} nodes and more than one per {BYTES_PER_NODE} bytes of text (this checker's memory bound)"
                ),
                start,
            );
            e.too_dense = true;
            return Err(e);
        }
        // Attach the finished node to the open collection, or finish the document.
        match stack.last_mut() {
            None => {
                parser.get_event()?; // document end
                // The root is the first node composed (an alias cannot be the root: its
                // anchor would have to come first).
                return Ok(Document {
                    nodes,
                    index: std::cell::RefCell::default(),
                });
            }
            Some(Frame::Sequence(seq)) => {
                if let Content::Sequence(items) = &mut nodes[*seq].content {
                    items.push(id);
                }
            }
            Some(Frame::Mapping(map, pending)) => match pending.take() {
                None => *pending = Some(id),
                Some(key) => {
                    if let Content::Mapping(pairs) = &mut nodes[*map].content {
                        pairs.push((key, id));
                    }
                }
            },
        }
    }
}

fn check_anchor(
    anchors: &HashMap<String, NodeId>,
    anchor: Option<&str>,
    nodes: &[Node],
    start: Mark,
) -> Result<(), YamlError> {
    let Some(anchor) = anchor else { return Ok(()) };
    match anchors.get(anchor) {
        Some(&first) => Err(YamlError::new(
            Some((
                format!("found duplicate anchor '{anchor}'; first occurrence"),
                nodes[first].start,
            )),
            "second occurrence".to_owned(),
            start,
        )),
        None => Ok(()),
    }
}

// ---- the YAML 1.1 resolver (PyYAML's `resolver.py`) ---------------------------------------

fn digits(s: &str, ok: impl Fn(u8) -> bool) -> bool {
    !s.is_empty() && s.bytes().all(ok)
}

fn strip_sign(s: &str) -> &str {
    s.strip_prefix(['-', '+']).unwrap_or(s)
}

/// The head of a sexagesimal number: the text before the first `:` when what follows it
/// is `(:[0-5]?[0-9])+`, so at least one base-60 part; `None` otherwise.
fn sexagesimal_head(s: &str) -> Option<&str> {
    let (head, tail) = s.split_once(':')?;
    let base60 = |p: &str| match p.as_bytes() {
        [d] => d.is_ascii_digit(),
        [t, d] => (b'0'..=b'5').contains(t) && d.is_ascii_digit(),
        _ => false,
    };
    tail.split(':').all(base60).then_some(head)
}

/// `[1-9][0-9_]*(:[0-5]?[0-9])+` after the sign, the sexagesimal integer.
fn is_sexagesimal(s: &str) -> bool {
    sexagesimal_head(s).is_some_and(|first| {
        first
            .as_bytes()
            .first()
            .is_some_and(|b| (b'1'..=b'9').contains(b))
            && first.bytes().all(|b| b.is_ascii_digit() || b == b'_')
    })
}

fn is_int(value: &str) -> bool {
    let s = strip_sign(value);
    if let Some(rest) = s.strip_prefix("0b") {
        return digits(rest, |b| b == b'0' || b == b'1' || b == b'_');
    }
    if let Some(rest) = s.strip_prefix("0x") {
        return digits(rest, |b| b.is_ascii_hexdigit() || b == b'_');
    }
    if s == "0" {
        return true;
    }
    if let Some(rest) = s.strip_prefix('0') {
        return digits(rest, |b| (b'0'..=b'7').contains(&b) || b == b'_');
    }
    if s.as_bytes()
        .first()
        .is_some_and(|b| (b'1'..=b'9').contains(b))
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'_')
    {
        return true;
    }
    is_sexagesimal(s)
}

/// `[eE][-+][0-9]+` or nothing.
fn is_exponent(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    let Some(rest) = s.strip_prefix(['e', 'E']) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(['-', '+']) else {
        return false;
    };
    digits(rest, |b| b.is_ascii_digit())
}

fn is_float(value: &str) -> bool {
    let signed = strip_sign(value);
    if matches!(signed, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    if matches!(value, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let digits_us = |s: &str| s.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    // `.[0-9][0-9_]*` exponent, without a sign.
    if let Some(rest) = value.strip_prefix('.') {
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '_'))
            .unwrap_or(rest.len());
        return rest.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && is_exponent(&rest[end..]);
    }
    let Some((whole, fraction)) = signed.split_once('.') else {
        return false;
    };
    if !whole.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // `[0-9][0-9_]*` `.` `[0-9_]*` exponent
    if digits_us(whole) {
        let end = fraction
            .find(|c: char| !(c.is_ascii_digit() || c == '_'))
            .unwrap_or(fraction.len());
        return is_exponent(&fraction[end..]);
    }
    // `[0-9][0-9_]*(:[0-5]?[0-9])+` `.` `[0-9_]*`
    sexagesimal_head(whole).is_some_and(digits_us) && digits_us(fraction)
}

/// A timestamp's fields: year, month, day, hour, minute, second, and the zone's hours and
/// minutes (0 when there is no time or no zone).
type Stamp = [u32; 8];

/// A date, or a date and time, as PyYAML matches it: `YYYY-M(M)-D(D)`, then optionally
/// `([Tt]|[ \t]+)H(H):MM:SS(.F*)?([ \t]*(Z|[-+]H(H)(:MM)?))?`. The implicit resolver
/// (`implicit`) wants a date alone as `YYYY-MM-DD`; the constructor's regexp (an explicit
/// `!!timestamp`) also takes one-digit months and days there. Both regexps end in `$`,
/// which in Python also matches before one final line break.
fn timestamp_fields(value: &str, implicit: bool) -> Option<Stamp> {
    let value = value.strip_suffix('\n').unwrap_or(value);
    let b = value.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return None;
    }
    let year = b[..4].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
    let (month, rest) = take_digits(&value[5..], 1, 2)?;
    let rest = rest.strip_prefix('-')?;
    let (day, rest) = take_digits(rest, 1, 2)?;
    if rest.is_empty() {
        return (!implicit || value.len() == 10).then_some([year, month, day, 0, 0, 0, 0, 0]);
    }
    let rest = if let Some(r) = rest.strip_prefix(['T', 't']) {
        r
    } else {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        if trimmed.len() == rest.len() {
            return None;
        }
        trimmed
    };
    let (hour, rest) = take_digits(rest, 1, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (minute, rest) = take_digits(rest, 2, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (second, mut rest) = take_digits(rest, 2, 2)?;
    if let Some(r) = rest.strip_prefix('.') {
        rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let rest = rest.trim_start_matches([' ', '\t']);
    let zone = if rest.is_empty() || rest == "Z" {
        (0, 0)
    } else {
        let offset = rest.strip_prefix(['-', '+'])?;
        let (zone_hours, after) = take_digits(offset, 1, 2)?;
        let zone_minutes = if after.is_empty() {
            0
        } else {
            let (m, r) = take_digits(after.strip_prefix(':')?, 2, 2)?;
            if !r.is_empty() {
                return None;
            }
            m
        };
        (zone_hours, zone_minutes)
    };
    Some([year, month, day, hour, minute, second, zone.0, zone.1])
}

/// What `datetime.date`/`datetime.datetime` and `datetime.timezone` accept: a real day,
/// a time of day, an offset strictly within a day (`+23:59` and `+0:99` are fine, `+24:00`
/// and `+23:60` are not).
fn stamp_valid([y, mo, d, h, mi, s, zh, zm]: Stamp) -> bool {
    y >= 1
        && (1..=12).contains(&mo)
        && d >= 1
        && d <= days_in_month(y, mo)
        && h < 24
        && mi < 60
        && s < 60
        && zh * 60 + zm < 24 * 60
}

/// Leading ASCII digits, `min` to `max` of them.
fn take_digits(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if n < min {
        return None;
    }
    let value = s[..n].bytes().fold(0, |v, d| v * 10 + u32::from(d - b'0'));
    Some((value, &s[n..]))
}

/// The tag PyYAML's resolver gives a scalar.
fn resolve(value: &str, implicit: (bool, bool)) -> Tag {
    if !implicit.0 {
        return Tag::Str;
    }
    // PyYAML picks the regexps by the first character, then matches them up to `$`, which
    // in Python also matches before a final line break: `! "12\n"` is an int.
    let first = value.chars().next();
    let value = value.strip_suffix('\n').unwrap_or(value);
    if value.is_empty() && first.is_some() {
        return Tag::Str; // "\n": no regexp for a line break
    }
    match first {
        None => return Tag::Null,
        Some('y' | 'Y' | 'n' | 'N' | 't' | 'T' | 'f' | 'F' | 'o' | 'O')
            if matches!(
                value,
                "yes"
                    | "Yes"
                    | "YES"
                    | "no"
                    | "No"
                    | "NO"
                    | "true"
                    | "True"
                    | "TRUE"
                    | "false"
                    | "False"
                    | "FALSE"
                    | "on"
                    | "On"
                    | "ON"
                    | "off"
                    | "Off"
                    | "OFF"
            ) =>
        {
            return Tag::Bool;
        }
        _ => {}
    }
    let numeric_start = first.is_some_and(|c| c.is_ascii_digit() || c == '-' || c == '+');
    if (numeric_start || first == Some('.')) && is_float(value) {
        return Tag::Float;
    }
    if numeric_start && is_int(value) {
        return Tag::Int;
    }
    if value == "<<" {
        return Tag::Merge;
    }
    if matches!(value, "~" | "null" | "Null" | "NULL") {
        return Tag::Null;
    }
    if first.is_some_and(|c| c.is_ascii_digit()) && timestamp_fields(value, true).is_some() {
        return Tag::Timestamp;
    }
    if value == "=" {
        return Tag::Value;
    }
    Tag::Str
}

// ---- what the safe constructor refuses ----------------------------------------------------

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Python's `int(s, radix)` on ASCII text (Python also takes other Unicode decimal
/// digits): surrounding whitespace (Python strips exactly `char::is_whitespace`), one
/// sign, for radix 2, 8 and 16 an optional `0b`/`0o`/`0x` prefix in either case, then at
/// least one digit; at most 4300 decimal digits (CPython 3.11+, 3.10.7+, 3.9.14+: "Exceeds
/// the limit (4300 digits) for integer string conversion").
fn py_int(s: &str, radix: u32) -> bool {
    let s = s.trim();
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let s = match s.get(..prefix.len()) {
        Some(p) if !prefix.is_empty() && p.eq_ignore_ascii_case(prefix) => &s[prefix.len()..],
        _ => s,
    };
    !s.is_empty() && s.chars().all(|c| c.is_digit(radix)) && (radix != 10 || s.len() <= 4300)
}

/// Python's `float(s)` on ASCII text: Rust's grammar once the whitespace is trimmed.
fn py_float(s: &str) -> bool {
    s.trim().parse::<f64>().is_ok()
}

/// Python's `int(s, radix)` on ASCII text, as a value: white space trimmed, one sign, the
/// radix's prefix (any case) once, digits; `None` past `i128`.
fn py_int_value(s: &str, radix: u32) -> Option<i128> {
    if !py_int(s, radix) {
        return None;
    }
    let s = s.trim();
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let digits = match radix {
        2 | 8 | 16
            if s.len() > 2 && s.as_bytes()[0] == b'0' && !s.as_bytes()[1].is_ascii_digit() =>
        {
            &s[2..]
        }
        _ => s,
    };
    let value = i128::from_str_radix(digits, radix).ok()?;
    Some(if negative { -value } else { value })
}

/// The value PyYAML's `construct_yaml_int` gives `value` (see [`int_constructs`]), or `None`
/// when it gives none or the value does not fit an `i128`. The readers of counts use it, so
/// that `0o17`, `" 12 "`, `1:30` or `-0x0` read as the Azure ML CLI reads them.
pub(crate) fn int_value(value: &str) -> Option<i128> {
    let v: String = value.chars().filter(|&c| c != '_').collect();
    let (negative, s) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v.strip_prefix('+').unwrap_or(&v)),
    };
    if s.is_empty() {
        return None;
    }
    let magnitude = if s == "0" {
        0
    } else if let Some(r) = s.strip_prefix("0b") {
        py_int_value(r, 2)?
    } else if let Some(r) = s.strip_prefix("0x") {
        py_int_value(r, 16)?
    } else if s.starts_with('0') {
        py_int_value(s, 8)?
    } else if s.contains(':') {
        let mut value: i128 = 0;
        for part in s.split(':') {
            value = value
                .checked_mul(60)?
                .checked_add(py_int_value(part, 10)?)?;
        }
        value
    } else {
        py_int_value(s, 10)?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// PyYAML's `construct_yaml_int` (underscores dropped, one sign taken off, then `0`,
/// `0b…`, `0x…`, `0…` octal, `a:b` base 60 or decimal, each through Python's `int()`).
fn int_constructs(value: &str) -> bool {
    let v: String = value.chars().filter(|&c| c != '_').collect();
    let s = v.strip_prefix(['+', '-']).unwrap_or(&v);
    if v.is_empty() || s.is_empty() {
        return false; // IndexError: string index out of range
    }
    if s == "0" {
        true
    } else if let Some(r) = s.strip_prefix("0b") {
        py_int(r, 2)
    } else if let Some(r) = s.strip_prefix("0x") {
        py_int(r, 16)
    } else if s.starts_with('0') {
        py_int(s, 8)
    } else if s.contains(':') {
        s.split(':').all(|p| py_int(p, 10))
    } else {
        py_int(s, 10)
    }
}

/// PyYAML's `construct_yaml_float` (underscores dropped, lowercased, one sign taken off,
/// then `.inf`, `.nan`, `a:b` base 60 or one number, each through Python's `float()`).
fn float_constructs(value: &str) -> bool {
    let v: String = value
        .chars()
        .filter(|&c| c != '_')
        .collect::<String>()
        .to_lowercase();
    if v.is_empty() {
        return false; // IndexError
    }
    let s = v.strip_prefix(['+', '-']).unwrap_or(&v);
    if s == ".inf" || s == ".nan" {
        true
    } else if s.contains(':') {
        s.split(':').all(py_float)
    } else {
        py_float(s)
    }
}

/// `base64.decodebytes`, which is `binascii.a2b_base64` in its non-strict mode: characters
/// outside the alphabet are skipped; a `=` counts only once two or three characters of a
/// quantum are in, and once it completes the quantum the rest of the text is ignored; the
/// data must end on a whole quantum.
fn base64_decodes(value: &str) -> bool {
    if !value.is_ascii() {
        return false; // "failed to convert base64 data into ascii"
    }
    let (mut quad, mut pads) = (0u8, 0u8);
    for b in value.bytes() {
        if b == b'=' {
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    return true;
                }
            }
        } else if b.is_ascii_alphanumeric() || b == b'+' || b == b'/' {
            pads = 0;
            quad = (quad + 1) % 4;
        }
    }
    quad == 0
}

fn construct_error(context: Option<(&str, Mark)>, problem: String, mark: Mark) -> YamlError {
    YamlError::new(context.map(|(c, m)| (c.to_owned(), m)), problem, mark)
}

/// The text `SafeConstructor.construct_scalar` reads from a node: a scalar's own, or for
/// a mapping the first `=` key's value, followed down (`!!str {=: a}` is `'a'`).
fn scalar_text(doc: &Document, id: NodeId) -> Result<&str, YamlError> {
    let nodes = &doc.nodes;
    let mut at = id;
    for _ in 0..=nodes.len() {
        match &nodes[at].content {
            Content::Scalar(s) => return Ok(s),
            Content::Mapping(pairs) => {
                if let Some(&(_, v)) = pairs.iter().find(|&&(k, _)| nodes[k].tag == Tag::Value) {
                    at = v;
                    continue;
                }
            }
            Content::Sequence(_) => {}
        }
        return Err(construct_error(
            None,
            format!(
                "expected a scalar node, but found {}",
                nodes[at].content.id()
            ),
            nodes[at].start,
        ));
    }
    // `&a {=: *a}` read as a scalar: PyYAML recurses until its RecursionError.
    Err(construct_error(
        None,
        "recursive '=' value".to_owned(),
        nodes[id].start,
    ))
}

/// Everything `SafeConstructor` would refuse in a composed document: tags without a
/// constructor, values their tag cannot hold, bad merges, unhashable keys. Only what it
/// constructs is checked, walking from the root as it does: a mapping merged with `<<`
/// lends its pairs but is not constructed itself (its tag is never looked at), an
/// `!!omap`/`!!pairs` item lends its one key and value, a mapping read as a scalar through
/// a `=` key (`!!int {=: 12}`) lends only that value's text.
/// [`construct_check`]'s marks of a node: constructed as a key, otherwise, its pairs walked,
/// its merge list checked.
const AS_KEY: usize = 0;
const AS_OTHER: usize = 1;
const EXPANDED: usize = 2;
const LIST_CHECKED: usize = 3;

fn construct_check(doc: &Document) -> Result<(), YamlError> {
    let nodes = &doc.nodes;
    if nodes.is_empty() {
        return Ok(());
    }
    // Per node (one allocation): constructed as a key of a mapping PyYAML flattens (where
    // `=` is read as a string), constructed anywhere else, and for mappings and merge lists
    // whether their pairs (their own, without `<<` keys) have been walked and the list
    // checked.
    let mut marks = vec![[false; 4]; nodes.len()];
    let mut walk: Vec<(NodeId, bool)> = vec![(0, false)];
    let mut todo = Vec::new();
    while let Some((id, key)) = walk.pop() {
        let first = !marks[id][AS_KEY] && !marks[id][AS_OTHER];
        marks[id][if key { AS_KEY } else { AS_OTHER }] = true;
        if !first {
            continue;
        }
        match (&nodes[id].tag, &nodes[id].content) {
            (Tag::Map | Tag::Set, Content::Mapping(_)) => {
                flatten(doc, id, &mut marks, &mut todo, &mut walk)?;
            }
            (Tag::Seq, Content::Sequence(items)) => {
                walk.extend(items.iter().rev().map(|&i| (i, false)));
            }
            (Tag::Omap | Tag::Pairs, Content::Sequence(items)) => {
                for &item in items.iter().rev() {
                    if let Content::Mapping(pairs) = &nodes[item].content {
                        if let [(k, v)] = pairs[..] {
                            walk.push((v, false));
                            walk.push((k, false));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for (id, node) in nodes.iter().enumerate() {
        if !marks[id][AS_KEY] && !marks[id][AS_OTHER] {
            continue;
        }
        let undefined = || {
            construct_error(
                None,
                format!(
                    "could not determine a constructor for the tag '{}'",
                    node.tag.uri()
                ),
                node.start,
            )
        };
        let expected = |what: &str| {
            construct_error(
                None,
                format!("expected a {what} node, but found {}", node.content.id()),
                node.start,
            )
        };
        let wanted = |what: &str| {
            let context = if node.tag == Tag::Omap {
                "while constructing an ordered map"
            } else {
                "while constructing pairs"
            };
            construct_error(
                Some((context, node.start)),
                format!("expected a {what}, but found {}", node.content.id()),
                node.start,
            )
        };
        match (&node.tag, &node.content) {
            (Tag::Other(_), _) => return Err(undefined()),
            (Tag::Merge | Tag::Value, Content::Scalar(_)) if marks[id][AS_OTHER] => {
                return Err(undefined());
            }
            (Tag::Merge | Tag::Value, Content::Sequence(_) | Content::Mapping(_)) => {
                return Err(undefined());
            }
            (Tag::Timestamp, Content::Mapping(_)) => {
                // PyYAML reads the `=` value, then matches its regexp on the node's pairs:
                // a TypeError either way.
                scalar_text(doc, id)?;
                return Err(expected("scalar"));
            }
            (
                Tag::Null | Tag::Bool | Tag::Int | Tag::Float | Tag::Str | Tag::Binary,
                Content::Mapping(_),
            ) => check_scalar(&node.tag, scalar_text(doc, id)?, node.start)?,
            (
                Tag::Null
                | Tag::Bool
                | Tag::Int
                | Tag::Float
                | Tag::Str
                | Tag::Timestamp
                | Tag::Binary,
                Content::Sequence(_),
            ) => return Err(expected("scalar")),
            (Tag::Seq, Content::Scalar(_) | Content::Mapping(_)) => {
                return Err(expected("sequence"));
            }
            (Tag::Omap | Tag::Pairs, Content::Scalar(_) | Content::Mapping(_)) => {
                return Err(wanted("sequence"));
            }
            (Tag::Map | Tag::Set, Content::Scalar(_) | Content::Sequence(_)) => {
                return Err(expected("mapping"));
            }
            (tag, Content::Scalar(v)) => check_scalar(tag, v, node.start)?,
            (Tag::Omap | Tag::Pairs, Content::Sequence(items)) => {
                let what = if node.tag == Tag::Omap {
                    "while constructing an ordered map"
                } else {
                    "while constructing pairs"
                };
                for &item in items {
                    match &nodes[item].content {
                        Content::Mapping(pairs) if pairs.len() == 1 => {}
                        Content::Mapping(pairs) => {
                            return Err(construct_error(
                                Some((what, node.start)),
                                format!(
                                    "expected a single mapping item, but found {} items",
                                    pairs.len()
                                ),
                                nodes[item].start,
                            ));
                        }
                        other => {
                            return Err(construct_error(
                                Some((what, node.start)),
                                format!("expected a mapping of length 1, but found {}", other.id()),
                                nodes[item].start,
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The checks of the safe constructor for a scalar's text.
fn check_scalar(tag: &Tag, v: &str, mark: Mark) -> Result<(), YamlError> {
    let bad = |what: &str| Err(construct_error(None, format!("{v:?} is not {what}"), mark));
    match tag {
        Tag::Bool
            if !matches!(
                v.to_lowercase().as_str(),
                "yes" | "no" | "true" | "false" | "on" | "off"
            ) =>
        {
            bad("a boolean")
        }
        Tag::Int if !int_constructs(v) => bad("an integer"),
        Tag::Float if !float_constructs(v) => bad("a number"),
        Tag::Binary if !base64_decodes(v) => Err(construct_error(
            None,
            "failed to decode base64 data".to_owned(),
            mark,
        )),
        Tag::Timestamp if !timestamp_fields(v, false).is_some_and(stamp_valid) => {
            bad("a valid date or time")
        }
        _ => Ok(()),
    }
}

/// PyYAML's `flatten_mapping` for the mapping `id` being constructed: walks (pushes onto
/// `walk`) the pairs its dict is built from, its own and those of the mappings it merges
/// with `<<` (each a mapping or a list of mappings, followed down their own `<<` keys),
/// keys marked as keys; checks the merges and that the keys are hashable. Each mapping's
/// pairs are walked once (`EXPANDED`), so a mapping merged into itself, directly or not,
/// lends nothing more, as in PyYAML, which deletes each `<<` key before following it.
fn flatten(
    doc: &Document,
    id: NodeId,
    marks: &mut [[bool; 4]],
    todo: &mut Vec<NodeId>,
    walk: &mut Vec<(NodeId, bool)>,
) -> Result<(), YamlError> {
    let nodes = &doc.nodes;
    let constructing = nodes[id].start;
    todo.clear();
    todo.push(id);
    while let Some(m) = todo.pop() {
        if std::mem::replace(&mut marks[m][EXPANDED], true) {
            continue;
        }
        let Content::Mapping(pairs) = &nodes[m].content else {
            continue;
        };
        let context = Some(("while constructing a mapping", nodes[m].start));
        for &(key, value) in pairs.iter().rev() {
            if nodes[key].tag == Tag::Merge {
                match &nodes[value].content {
                    Content::Mapping(_) => todo.push(value),
                    // A list reached through many aliases is checked once.
                    Content::Sequence(_)
                        if std::mem::replace(&mut marks[value][LIST_CHECKED], true) => {}
                    Content::Sequence(items) => {
                        for &item in items {
                            if !matches!(nodes[item].content, Content::Mapping(_)) {
                                return Err(construct_error(
                                    context,
                                    format!(
                                        "expected a mapping for merging, but found {}",
                                        nodes[item].content.id()
                                    ),
                                    nodes[item].start,
                                ));
                            }
                        }
                        todo.extend(items.iter().copied());
                    }
                    Content::Scalar(_) => {
                        return Err(construct_error(
                            context,
                            "expected a mapping or list of mappings for merging, but found scalar"
                                .to_owned(),
                            nodes[value].start,
                        ));
                    }
                }
                continue;
            }
            // A key PyYAML's dict refuses: a list, dict or set, once constructed.
            let unhashable = matches!(
                (&nodes[key].tag, &nodes[key].content),
                (Tag::Seq | Tag::Omap | Tag::Pairs, Content::Sequence(_))
                    | (Tag::Map | Tag::Set, Content::Mapping(_))
            );
            if unhashable {
                return Err(construct_error(
                    Some(("while constructing a mapping", constructing)),
                    "found unhashable key".to_owned(),
                    nodes[key].start,
                ));
            }
            walk.push((value, false));
            walk.push((key, true));
        }
    }
    Ok(())
}

// ---- reading a loaded document ------------------------------------------------------------

/// A node of a document, to read values from.
#[derive(Clone, Copy)]
pub(crate) struct NodeRef<'d> {
    doc: &'d Document,
    id: NodeId,
}

impl fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NodeRef")
            .field("id", &self.id)
            .field("start", &self.node().start)
            .finish_non_exhaustive()
    }
}

impl Document {
    /// The root node.
    pub(crate) fn root(&self) -> NodeRef<'_> {
        NodeRef { doc: self, id: 0 }
    }

    /// How many nodes the document holds (aliases not counted again).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }
}

impl<'d> NodeRef<'d> {
    pub(crate) fn node(self) -> &'d Node {
        &self.doc.nodes[self.id]
    }

    /// Where the node starts.
    pub(crate) fn mark(self) -> Mark {
        self.node().start
    }

    /// The node's resolved tag.
    pub(crate) fn tag(self) -> &'d Tag {
        &self.node().tag
    }

    pub(crate) fn is_mapping(self) -> bool {
        matches!(self.node().content, Content::Mapping(_))
    }

    pub(crate) fn is_null(self) -> bool {
        self.node().tag == Tag::Null
    }

    /// The text of a scalar that is not null (numbers and booleans as written).
    pub(crate) fn text(self) -> Option<&'d str> {
        match &self.node().content {
            Content::Scalar(s) if self.node().tag != Tag::Null => Some(s),
            _ => None,
        }
    }

    /// The text of a scalar that is a string (not a number, boolean or null).
    pub(crate) fn str(self) -> Option<&'d str> {
        match &self.node().content {
            Content::Scalar(s) if self.node().tag == Tag::Str => Some(s),
            _ => None,
        }
    }

    /// The value of the string key `key` and the key's own position, as a Python dict
    /// built by `safe_load` answers it: the last of duplicate keys wins, the mapping's own
    /// keys win over merged ones.
    pub(crate) fn get(self, key: &str) -> Option<(NodeRef<'d>, Mark)> {
        let mut budget = MAX_MERGED;
        self.get_in(key, 0, &mut budget)
    }

    fn get_in(self, key: &str, depth: usize, budget: &mut usize) -> Option<(NodeRef<'d>, Mark)> {
        let Content::Mapping(pairs) = &self.node().content else {
            return None;
        };
        let nodes = &self.doc.nodes;
        let found = if pairs.len() > INDEXED_PAIRS {
            self.key_index().get(key).copied()
        } else {
            let is_key = |k: NodeId| {
                matches!(&nodes[k].content, Content::Scalar(s) if s == key)
                    && matches!(nodes[k].tag, Tag::Str | Tag::Value)
            };
            pairs.iter().rev().copied().find(|&(k, _)| is_key(k))
        };
        if let Some((k, v)) = found {
            return Some((
                NodeRef {
                    doc: self.doc,
                    id: v,
                },
                nodes[k].start,
            ));
        }
        if depth >= MAX_DEPTH {
            return None;
        }
        for source in self.merge_sources() {
            // The budget counts pairs looked through, not mappings: a merged mapping of a
            // thousand pairs costs a thousand.
            let cost = match &source.node().content {
                Content::Mapping(p) => p.len().max(1),
                _ => 1,
            };
            if *budget < cost {
                return None;
            }
            *budget -= cost;
            let found = source.get_in(key, depth + 1, budget);
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// The mapping's own string keys, indexed once per document.
    fn key_index(self) -> std::rc::Rc<KeyIndex> {
        if let Some(index) = self.doc.index.borrow().get(&self.id) {
            return std::rc::Rc::clone(index);
        }
        let nodes = &self.doc.nodes;
        let mut index = KeyIndex::new();
        if let Content::Mapping(pairs) = &self.node().content {
            for &(k, v) in pairs {
                if let (Content::Scalar(s), Tag::Str | Tag::Value) =
                    (&nodes[k].content, &nodes[k].tag)
                {
                    index.insert(s.clone(), (k, v));
                }
            }
        }
        let index = std::rc::Rc::new(index);
        self.doc
            .index
            .borrow_mut()
            .insert(self.id, std::rc::Rc::clone(&index));
        index
    }

    /// The mappings this one merges with `<<` keys, the one that wins first: later `<<`
    /// keys win, and within one list, earlier mappings win.
    fn merge_sources(self) -> impl Iterator<Item = NodeRef<'d>> {
        let doc = self.doc;
        let pairs: &'d [(NodeId, NodeId)] = match &self.node().content {
            Content::Mapping(pairs) => pairs,
            _ => &[],
        };
        pairs
            .iter()
            .rev()
            .filter(move |&&(k, _)| doc.nodes[k].tag == Tag::Merge)
            .flat_map(move |&(_, v)| {
                let (mapping, list): (Option<NodeId>, &'d [NodeId]) = match &doc.nodes[v].content {
                    Content::Mapping(_) => (Some(v), &[]),
                    Content::Sequence(items) => (None, items),
                    Content::Scalar(_) => (None, &[]),
                };
                mapping.into_iter().chain(list.iter().copied())
            })
            .map(move |id| NodeRef { doc, id })
    }

    /// The string keys of a mapping with their values and key positions, each key once
    /// (its last value), in first-appearance order; merged keys after the mapping's own.
    pub(crate) fn entries(self) -> Vec<(&'d str, NodeRef<'d>, Mark)> {
        let mut out: Vec<(&'d str, NodeRef<'d>, Mark)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut budget = MAX_MERGED;
        self.collect_entries(&mut out, &mut seen, 0, &mut budget);
        out
    }

    fn collect_entries(
        self,
        out: &mut Vec<(&'d str, NodeRef<'d>, Mark)>,
        seen: &mut std::collections::HashSet<&'d str>,
        depth: usize,
        budget: &mut usize,
    ) {
        let Content::Mapping(pairs) = &self.node().content else {
            return;
        };
        let nodes = &self.doc.nodes;
        // The last value of each key, in one pass (each key's value is its last pair's).
        let mut last: HashMap<&'d str, (NodeId, NodeId)> = HashMap::with_capacity(pairs.len());
        for &(k, v) in pairs {
            if let (Content::Scalar(s), Tag::Str | Tag::Value) = (&nodes[k].content, &nodes[k].tag)
            {
                last.insert(s.as_str(), (k, v));
            }
        }
        for &(k, _) in pairs {
            if let (Content::Scalar(s), Tag::Str | Tag::Value) = (&nodes[k].content, &nodes[k].tag)
            {
                if seen.insert(s.as_str()) {
                    if let Some(&(key, value)) = last.get(s.as_str()) {
                        let v = NodeRef {
                            doc: self.doc,
                            id: value,
                        };
                        out.push((s.as_str(), v, nodes[key].start));
                    }
                }
            }
        }
        if depth >= MAX_DEPTH {
            return;
        }
        for source in self.merge_sources() {
            let cost = match &source.node().content {
                Content::Mapping(p) => p.len().max(1),
                _ => 1,
            };
            if *budget < cost {
                return;
            }
            *budget -= cost;
            source.collect_entries(out, seen, depth + 1, budget);
        }
    }
}

#[cfg(test)]
mod tests;
