//! The scanner: characters to tokens, as PyYAML's `yaml/scanner.py` does it.
//!
//! A port of PyYAML 6's pure-Python scanner (MIT; Copyright (c) 2017-2021 Ingy döt Net,
//! Copyright (c) 2006-2016 Kirill Simonov), kept close to the original so that what
//! `yaml.safe_load` — the Azure ML CLI's loader — accepts is accepted here, and what it
//! rejects is rejected with the same problem at the same place. Deliberate differences:
//! nesting is bounded at 400 levels (PyYAML fails with a `RecursionError` between about 440
//! and 490, see `MAX_DEPTH`) and nothing here recurses or panics.

use std::collections::VecDeque;

use super::{MAX_DEPTH, Mark, YamlError};

/// Characters that end a line.
fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A line break or the end of the input.
fn is_breakz(c: char) -> bool {
    c == '\0' || is_break(c)
}

/// A blank, a line break or the end of the input.
fn is_blankz(c: char) -> bool {
    c == ' ' || c == '\t' || is_breakz(c)
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum TokenKind {
    StreamStart,
    StreamEnd,
    Directive {
        name: String,
        value: Directive,
    },
    DocumentStart,
    DocumentEnd,
    BlockSequenceStart,
    BlockMappingStart,
    BlockEnd,
    FlowSequenceStart,
    FlowMappingStart,
    FlowSequenceEnd,
    FlowMappingEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias(String),
    Anchor(String),
    /// (handle, suffix); a verbatim tag `!<…>` has no handle.
    Tag(Option<String>, String),
    Scalar {
        value: String,
        plain: bool,
        style: char,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Directive {
    Yaml(u64, u64),
    Tag(String, String),
    Other,
}

impl TokenKind {
    /// PyYAML's `token.id`, as its messages write it.
    pub(super) fn id(&self) -> &'static str {
        match self {
            TokenKind::StreamStart => "<stream start>",
            TokenKind::StreamEnd => "<stream end>",
            TokenKind::Directive { .. } => "<directive>",
            TokenKind::DocumentStart => "<document start>",
            TokenKind::DocumentEnd => "<document end>",
            TokenKind::BlockSequenceStart => "<block sequence start>",
            TokenKind::BlockMappingStart => "<block mapping start>",
            TokenKind::BlockEnd => "<block end>",
            TokenKind::FlowSequenceStart => "[",
            TokenKind::FlowMappingStart => "{",
            TokenKind::FlowSequenceEnd => "]",
            TokenKind::FlowMappingEnd => "}",
            TokenKind::BlockEntry => "-",
            TokenKind::FlowEntry => ",",
            TokenKind::Key => "?",
            TokenKind::Value => ":",
            TokenKind::Alias(_) => "<alias>",
            TokenKind::Anchor(_) => "<anchor>",
            TokenKind::Tag(..) => "<tag>",
            TokenKind::Scalar { .. } => "<scalar>",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub(super) kind: TokenKind,
    pub(super) start: Mark,
    pub(super) end: Mark,
}

#[derive(Debug, Clone, Copy)]
struct SimpleKey {
    token_number: usize,
    required: bool,
    index: usize,
    line: usize,
    column: usize,
    mark: Mark,
}

pub(super) struct Scanner<'t> {
    /// The input with a `'\0'` sentinel at the end.
    chars: Vec<char>,
    /// The input when it is ASCII (its bytes are its characters): a run of characters is
    /// then copied as bytes.
    ascii: Option<&'t str>,
    index: usize,
    line: usize,
    column: usize,
    done: bool,
    flow_level: usize,
    tokens: VecDeque<Token>,
    tokens_taken: usize,
    indent: isize,
    indents: Vec<isize>,
    allow_simple_key: bool,
    /// One possible simple key per flow level (PyYAML's dict keyed by level).
    ///
    /// Levels above the current flow level are always empty (a level's key is removed when
    /// its collection ends), so a deeper key is always a later one: the live keys are ordered
    /// by level, position and token number alike, and the stale ones are a prefix of them.
    possible_simple_keys: Vec<Option<SimpleKey>>,
    /// No level below this one holds a key: the stale check starts here, so a token costs
    /// O(1) amortised at any depth instead of PyYAML's O(depth).
    lowest_key: usize,
    /// Where each comment's `#` is, in reading order.
    pub(super) comments: Vec<Mark>,
    /// The next token is known: nothing was taken since it was scanned.
    settled: bool,
}

type Result<T> = std::result::Result<T, YamlError>;

fn error(context: Option<(&str, Mark)>, problem: String, mark: Mark) -> YamlError {
    YamlError::new(context.map(|(c, m)| (c.to_owned(), m)), problem, mark)
}

/// `%r` of a character, as Python prints it.
fn repr(c: char) -> String {
    match c {
        '\0' => "'\\x00'".to_owned(),
        '\t' => "'\\t'".to_owned(),
        '\n' => "'\\n'".to_owned(),
        '\r' => "'\\r'".to_owned(),
        '\'' => "\"'\"".to_owned(),
        '\\' => "'\\\\'".to_owned(),
        c if (c as u32) < 0x20 || c == '\u{7f}' => format!("'\\x{:02x}'", c as u32),
        c if (0x80..0xa0).contains(&(c as u32)) => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

impl<'t> Scanner<'t> {
    pub(super) fn new(text: &'t str) -> Scanner<'t> {
        let ascii = text.is_ascii().then_some(text);
        let mut chars: Vec<char> = if ascii.is_some() {
            // A byte a character: widened without decoding.
            text.bytes().map(char::from).collect()
        } else {
            text.chars().collect()
        };
        chars.push('\0');
        let mut scanner = Scanner {
            chars,
            ascii,
            index: 0,
            line: 0,
            column: 0,
            done: false,
            flow_level: 0,
            tokens: VecDeque::new(),
            tokens_taken: 0,
            indent: -1,
            indents: Vec::new(),
            allow_simple_key: true,
            possible_simple_keys: Vec::new(),
            lowest_key: 0,
            comments: Vec::new(),
            settled: false,
        };
        let mark = scanner.mark();
        scanner.tokens.push_back(Token {
            kind: TokenKind::StreamStart,
            start: mark,
            end: mark,
        });
        scanner
    }

    // ---- reader -------------------------------------------------------------------------

    fn peek(&self, i: usize) -> char {
        self.chars.get(self.index + i).copied().unwrap_or('\0')
    }

    fn prefix(&self, length: usize) -> String {
        let mut out = String::new();
        self.push_prefix(&mut out, length);
        out
    }

    /// [`prefix`](Self::prefix) added to `out`, without a string of its own.
    fn push_prefix(&self, out: &mut String, length: usize) {
        let end = (self.index + length).min(self.chars.len().saturating_sub(1));
        let start = self.index.min(end);
        if let Some(text) = self.ascii {
            out.push_str(&text[start..end]);
        } else {
            out.extend(&self.chars[start..end]);
        }
    }

    fn prefix_is(&self, s: &str) -> bool {
        s.chars().enumerate().all(|(i, c)| self.peek(i) == c)
    }

    fn forward(&mut self, length: usize) {
        for _ in 0..length {
            let ch = self.peek(0);
            if ch == '\0' {
                return;
            }
            self.index += 1;
            if is_break(ch) && !(ch == '\r' && self.peek(0) == '\n') {
                self.line += 1;
                self.column = 0;
            } else if ch != '\u{feff}' {
                self.column += 1;
            }
        }
    }

    /// [`forward`](Self::forward) over `length` characters known to hold no line break and
    /// no end of input.
    fn forward_in_line(&mut self, length: usize) {
        let chars = &self.chars[self.index..self.index + length];
        debug_assert!(!chars.iter().any(|&c| c == '\0' || is_break(c)));
        self.column += chars.iter().filter(|&&c| c != '\u{feff}').count();
        self.index += length;
    }

    /// The column as the indentation levels count it (they start at -1).
    fn signed_column(&self) -> isize {
        isize::try_from(self.column).unwrap_or(isize::MAX)
    }

    pub(super) fn mark(&self) -> Mark {
        Mark {
            line: self.line,
            column: self.column,
        }
    }

    // ---- public -------------------------------------------------------------------------

    /// The next token without taking it.
    #[inline]
    pub(super) fn peek_token(&mut self) -> Result<&Token> {
        if !self.settled {
            self.settle()?;
        }
        Ok(&self.tokens[0])
    }

    /// Scans until the next token is known (PyYAML's `check_token` loop). Until a token is
    /// taken, asking again finds the same answer: the parser asks several times a token.
    #[inline(never)]
    fn settle(&mut self) -> Result<()> {
        while self.need_more_tokens()? {
            self.fetch_more_tokens()?;
        }
        // After the stream end, keep answering with it.
        if self.tokens.is_empty() {
            let mark = self.mark();
            self.tokens.push_back(Token {
                kind: TokenKind::StreamEnd,
                start: mark,
                end: mark,
            });
        }
        self.settled = true;
        Ok(())
    }

    /// Takes the next token.
    pub(super) fn get_token(&mut self) -> Result<Token> {
        self.peek_token()?;
        self.tokens_taken += 1;
        self.settled = false;
        Ok(self.tokens.pop_front().unwrap_or(Token {
            kind: TokenKind::StreamEnd,
            start: self.mark(),
            end: self.mark(),
        }))
    }

    // ---- tokens -------------------------------------------------------------------------

    fn need_more_tokens(&mut self) -> Result<bool> {
        if self.done {
            return Ok(false);
        }
        if self.tokens.is_empty() {
            return Ok(true);
        }
        self.stale_possible_simple_keys()?;
        Ok(self.next_possible_simple_key() == Some(self.tokens_taken))
    }

    fn fetch_more_tokens(&mut self) -> Result<()> {
        self.scan_to_next_token();
        self.stale_possible_simple_keys()?;
        self.unwind_indent(self.signed_column());
        let ch = self.peek(0);
        match ch {
            '\0' => return self.fetch_stream_end(),
            '%' if self.column == 0 => return self.fetch_directive(),
            '-' if self.check_document_indicator("---") => {
                return self.fetch_document_indicator(TokenKind::DocumentStart);
            }
            '.' if self.check_document_indicator("...") => {
                return self.fetch_document_indicator(TokenKind::DocumentEnd);
            }
            '[' => return self.fetch_flow_collection_start(TokenKind::FlowSequenceStart),
            '{' => return self.fetch_flow_collection_start(TokenKind::FlowMappingStart),
            ']' => return self.fetch_flow_collection_end(TokenKind::FlowSequenceEnd),
            '}' => return self.fetch_flow_collection_end(TokenKind::FlowMappingEnd),
            ',' => return self.fetch_flow_entry(),
            '-' if is_blankz(self.peek(1)) => return self.fetch_block_entry(),
            '?' if self.flow_level > 0 || is_blankz(self.peek(1)) => return self.fetch_key(),
            ':' if self.flow_level > 0 || is_blankz(self.peek(1)) => return self.fetch_value(),
            '*' => return self.fetch_anchor(true),
            '&' => return self.fetch_anchor(false),
            '!' => return self.fetch_tag(),
            '|' if self.flow_level == 0 => return self.fetch_block_scalar(false),
            '>' if self.flow_level == 0 => return self.fetch_block_scalar(true),
            '\'' => return self.fetch_flow_scalar(false),
            '"' => return self.fetch_flow_scalar(true),
            _ => {}
        }
        if self.check_plain() {
            return self.fetch_plain();
        }
        Err(error(
            Some(("while scanning for the next token", self.mark())),
            format!("found character {} that cannot start any token", repr(ch)),
            self.mark(),
        )
        .without_context_mark())
    }

    fn push(&mut self, kind: TokenKind, start: Mark, end: Mark) {
        self.tokens.push_back(Token { kind, start, end });
    }

    /// Consumes the one-character indicator at the cursor as a token of `kind`.
    fn push_indicator(&mut self, kind: TokenKind) {
        let start = self.mark();
        self.forward(1);
        let end = self.mark();
        self.push(kind, start, end);
    }

    // ---- simple keys --------------------------------------------------------------------

    fn next_possible_simple_key(&self) -> Option<usize> {
        // The lowest live key is the earliest (see `possible_simple_keys`).
        self.possible_simple_keys
            .get(self.lowest_key..)?
            .iter()
            .flatten()
            .map(|k| k.token_number)
            .next()
    }

    fn stale_possible_simple_keys(&mut self) -> Result<()> {
        let (line, index, mark) = (self.line, self.index, self.mark());
        while let Some(slot) = self.possible_simple_keys.get_mut(self.lowest_key) {
            if let Some(key) = slot {
                if key.line == line && index - key.index <= 1024 {
                    // This key is fresh, and so is every later one.
                    break;
                }
                if key.required {
                    return Err(error(
                        Some(("while scanning a simple key", key.mark)),
                        "could not find expected ':'".to_owned(),
                        mark,
                    ));
                }
                *slot = None;
            }
            self.lowest_key += 1;
        }
        Ok(())
    }

    fn save_possible_simple_key(&mut self) -> Result<()> {
        let required = self.flow_level == 0 && self.indent == self.signed_column();
        if self.allow_simple_key {
            self.remove_possible_simple_key()?;
            let key = SimpleKey {
                token_number: self.tokens_taken + self.tokens.len(),
                required,
                index: self.index,
                line: self.line,
                column: self.column,
                mark: self.mark(),
            };
            if self.possible_simple_keys.len() <= self.flow_level {
                self.possible_simple_keys.resize(self.flow_level + 1, None);
            }
            self.possible_simple_keys[self.flow_level] = Some(key);
            self.lowest_key = self.lowest_key.min(self.flow_level);
        }
        Ok(())
    }

    fn remove_possible_simple_key(&mut self) -> Result<()> {
        if let Some(slot) = self.possible_simple_keys.get_mut(self.flow_level) {
            if let Some(key) = slot.take() {
                if key.required {
                    return Err(error(
                        Some(("while scanning a simple key", key.mark)),
                        "could not find expected ':'".to_owned(),
                        self.mark(),
                    ));
                }
            }
        }
        Ok(())
    }

    // ---- indentation --------------------------------------------------------------------

    fn unwind_indent(&mut self, column: isize) {
        if self.flow_level > 0 {
            return;
        }
        while self.indent > column {
            let mark = self.mark();
            self.indent = self.indents.pop().unwrap_or(-1);
            self.push(TokenKind::BlockEnd, mark, mark);
        }
    }

    fn add_indent(&mut self, column: usize) -> Result<bool> {
        let column = isize::try_from(column).unwrap_or(isize::MAX);
        if self.indent < column {
            if self.indents.len() >= MAX_DEPTH {
                return Err(YamlError::too_deep(self.mark()));
            }
            self.indents.push(self.indent);
            self.indent = column;
            return Ok(true);
        }
        Ok(false)
    }

    // ---- fetchers -----------------------------------------------------------------------

    fn fetch_stream_end(&mut self) -> Result<()> {
        self.unwind_indent(-1);
        self.remove_possible_simple_key()?;
        self.allow_simple_key = false;
        self.possible_simple_keys.clear();
        self.lowest_key = 0;
        let mark = self.mark();
        self.push(TokenKind::StreamEnd, mark, mark);
        self.done = true;
        Ok(())
    }

    fn fetch_directive(&mut self) -> Result<()> {
        self.unwind_indent(-1);
        self.remove_possible_simple_key()?;
        self.allow_simple_key = false;
        let token = self.scan_directive()?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn check_document_indicator(&self, indicator: &str) -> bool {
        self.column == 0 && self.prefix_is(indicator) && is_blankz(self.peek(3))
    }

    fn fetch_document_indicator(&mut self, kind: TokenKind) -> Result<()> {
        self.unwind_indent(-1);
        self.remove_possible_simple_key()?;
        self.allow_simple_key = false;
        let start = self.mark();
        self.forward(3);
        let end = self.mark();
        self.push(kind, start, end);
        Ok(())
    }

    fn fetch_flow_collection_start(&mut self, kind: TokenKind) -> Result<()> {
        self.save_possible_simple_key()?;
        if self.flow_level >= MAX_DEPTH {
            return Err(YamlError::too_deep(self.mark()));
        }
        self.flow_level += 1;
        self.allow_simple_key = true;
        self.push_indicator(kind);
        Ok(())
    }

    fn fetch_flow_collection_end(&mut self, kind: TokenKind) -> Result<()> {
        self.remove_possible_simple_key()?;
        // PyYAML lets the level go negative on a stray `]`; the parser reports it.
        self.flow_level = self.flow_level.saturating_sub(1);
        self.allow_simple_key = false;
        self.push_indicator(kind);
        Ok(())
    }

    fn fetch_flow_entry(&mut self) -> Result<()> {
        self.allow_simple_key = true;
        self.remove_possible_simple_key()?;
        self.push_indicator(TokenKind::FlowEntry);
        Ok(())
    }

    /// Before a `-`, `?` or `:` in block context: the indicator must stand where a simple
    /// key may (else the error `not_allowed`), and it opens a block collection of `start`
    /// when its column is deeper than the current indentation.
    fn open_block_collection(&mut self, start: TokenKind, not_allowed: &str) -> Result<()> {
        if self.flow_level == 0 {
            if !self.allow_simple_key {
                return Err(error(None, not_allowed.to_owned(), self.mark()));
            }
            if self.add_indent(self.column)? {
                let mark = self.mark();
                self.push(start, mark, mark);
            }
        }
        Ok(())
    }

    fn fetch_block_entry(&mut self) -> Result<()> {
        self.open_block_collection(
            TokenKind::BlockSequenceStart,
            "sequence entries are not allowed here",
        )?;
        self.allow_simple_key = true;
        self.remove_possible_simple_key()?;
        self.push_indicator(TokenKind::BlockEntry);
        Ok(())
    }

    fn fetch_key(&mut self) -> Result<()> {
        self.open_block_collection(
            TokenKind::BlockMappingStart,
            "mapping keys are not allowed here",
        )?;
        self.allow_simple_key = self.flow_level == 0;
        self.remove_possible_simple_key()?;
        self.push_indicator(TokenKind::Key);
        Ok(())
    }

    fn fetch_value(&mut self) -> Result<()> {
        let level = self.flow_level;
        let key = self
            .possible_simple_keys
            .get_mut(level)
            .and_then(Option::take);
        if let Some(key) = key {
            let at = key.token_number - self.tokens_taken;
            self.tokens.insert(
                at,
                Token {
                    kind: TokenKind::Key,
                    start: key.mark,
                    end: key.mark,
                },
            );
            if self.flow_level == 0 && self.add_indent(key.column)? {
                self.tokens.insert(
                    at,
                    Token {
                        kind: TokenKind::BlockMappingStart,
                        start: key.mark,
                        end: key.mark,
                    },
                );
            }
            self.allow_simple_key = false;
        } else {
            self.open_block_collection(
                TokenKind::BlockMappingStart,
                "mapping values are not allowed here",
            )?;
            self.allow_simple_key = self.flow_level == 0;
            self.remove_possible_simple_key()?;
        }
        self.push_indicator(TokenKind::Value);
        Ok(())
    }

    fn fetch_anchor(&mut self, alias: bool) -> Result<()> {
        self.save_possible_simple_key()?;
        self.allow_simple_key = false;
        let token = self.scan_anchor(alias)?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_tag(&mut self) -> Result<()> {
        self.save_possible_simple_key()?;
        self.allow_simple_key = false;
        let token = self.scan_tag()?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_block_scalar(&mut self, folded: bool) -> Result<()> {
        self.allow_simple_key = true;
        self.remove_possible_simple_key()?;
        let token = self.scan_block_scalar(folded)?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_flow_scalar(&mut self, double: bool) -> Result<()> {
        self.save_possible_simple_key()?;
        self.allow_simple_key = false;
        let token = self.scan_flow_scalar(double)?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_plain(&mut self) -> Result<()> {
        self.save_possible_simple_key()?;
        self.allow_simple_key = false;
        let token = self.scan_plain();
        self.tokens.push_back(token);
        Ok(())
    }

    fn check_plain(&self) -> bool {
        let ch = self.peek(0);
        !(is_blankz(ch)
            || matches!(
                ch,
                '-' | '?'
                    | ':'
                    | ','
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '#'
                    | '&'
                    | '*'
                    | '!'
                    | '|'
                    | '>'
                    | '\''
                    | '"'
                    | '%'
                    | '@'
                    | '`'
            ))
            || (!is_blankz(self.peek(1))
                && (ch == '-' || (self.flow_level == 0 && (ch == '?' || ch == ':'))))
    }

    // ---- scanners -----------------------------------------------------------------------

    fn scan_to_next_token(&mut self) {
        if self.index == 0 && self.peek(0) == '\u{feff}' {
            self.forward(1);
        }
        loop {
            while self.peek(0) == ' ' {
                self.forward(1);
            }
            if self.peek(0) == '#' {
                self.comments.push(self.mark());
                while !is_breakz(self.peek(0)) {
                    self.forward(1);
                }
            }
            if self.scan_line_break().is_some() {
                if self.flow_level == 0 {
                    self.allow_simple_key = true;
                }
            } else {
                break;
            }
        }
    }

    fn directive_error(&self, start: Mark, problem: String) -> YamlError {
        error(
            Some(("while scanning a directive", start)),
            problem,
            self.mark(),
        )
    }

    fn scan_directive(&mut self) -> Result<Token> {
        let start = self.mark();
        self.forward(1);
        let name = self.scan_directive_name(start)?;
        let value = match name.as_str() {
            "YAML" => self.scan_yaml_directive_value(start)?,
            "TAG" => self.scan_tag_directive_value(start)?,
            _ => {
                while !is_breakz(self.peek(0)) {
                    self.forward(1);
                }
                Directive::Other
            }
        };
        let end = self.mark();
        self.scan_directive_ignored_line(start)?;
        Ok(Token {
            kind: TokenKind::Directive { name, value },
            start,
            end,
        })
    }

    fn scan_directive_name(&mut self, start: Mark) -> Result<String> {
        let mut length = 0;
        while is_word(self.peek(length)) {
            length += 1;
        }
        if length == 0 {
            return Err(self.directive_error(
                start,
                format!(
                    "expected alphabetic or numeric character, but found {}",
                    repr(self.peek(0))
                ),
            ));
        }
        let value = self.prefix(length);
        self.forward(length);
        let ch = self.peek(0);
        if !(ch == '\0' || ch == ' ' || is_break(ch)) {
            return Err(self.directive_error(
                start,
                format!(
                    "expected alphabetic or numeric character, but found {}",
                    repr(ch)
                ),
            ));
        }
        Ok(value)
    }

    fn scan_yaml_directive_value(&mut self, start: Mark) -> Result<Directive> {
        while self.peek(0) == ' ' {
            self.forward(1);
        }
        let major = self.scan_yaml_directive_number(start)?;
        if self.peek(0) != '.' {
            return Err(self.directive_error(
                start,
                format!("expected a digit or '.', but found {}", repr(self.peek(0))),
            ));
        }
        self.forward(1);
        let minor = self.scan_yaml_directive_number(start)?;
        let ch = self.peek(0);
        if !(ch == '\0' || ch == ' ' || is_break(ch)) {
            return Err(self.directive_error(
                start,
                format!("expected a digit or ' ', but found {}", repr(ch)),
            ));
        }
        Ok(Directive::Yaml(major, minor))
    }

    fn scan_yaml_directive_number(&mut self, start: Mark) -> Result<u64> {
        if !self.peek(0).is_ascii_digit() {
            return Err(self.directive_error(
                start,
                format!("expected a digit, but found {}", repr(self.peek(0))),
            ));
        }
        let mut length = 0;
        while self.peek(length).is_ascii_digit() {
            length += 1;
        }
        // Python's int() has no upper bound; saturate (only `1` is accepted as major).
        let value = self.prefix(length).parse().unwrap_or(u64::MAX);
        self.forward(length);
        Ok(value)
    }

    fn scan_tag_directive_value(&mut self, start: Mark) -> Result<Directive> {
        while self.peek(0) == ' ' {
            self.forward(1);
        }
        let handle = self.scan_tag_handle("directive", start)?;
        if self.peek(0) != ' ' {
            return Err(self.directive_error(
                start,
                format!("expected ' ', but found {}", repr(self.peek(0))),
            ));
        }
        while self.peek(0) == ' ' {
            self.forward(1);
        }
        let prefix = self.scan_tag_uri("directive", start)?;
        let ch = self.peek(0);
        if !(ch == '\0' || ch == ' ' || is_break(ch)) {
            return Err(
                self.directive_error(start, format!("expected ' ', but found {}", repr(ch)))
            );
        }
        Ok(Directive::Tag(handle, prefix))
    }

    fn scan_directive_ignored_line(&mut self, start: Mark) -> Result<()> {
        while self.peek(0) == ' ' {
            self.forward(1);
        }
        if self.peek(0) == '#' {
            self.comments.push(self.mark());
            while !is_breakz(self.peek(0)) {
                self.forward(1);
            }
        }
        let ch = self.peek(0);
        if !is_breakz(ch) {
            return Err(self.directive_error(
                start,
                format!("expected a comment or a line break, but found {}", repr(ch)),
            ));
        }
        self.scan_line_break();
        Ok(())
    }

    fn scan_anchor(&mut self, alias: bool) -> Result<Token> {
        let start = self.mark();
        let name = if alias { "alias" } else { "anchor" };
        self.forward(1);
        let mut length = 0;
        while is_word(self.peek(length)) {
            length += 1;
        }
        let context = format!("while scanning an {name}");
        if length == 0 {
            return Err(YamlError::new(
                Some((context, start)),
                format!(
                    "expected alphabetic or numeric character, but found {}",
                    repr(self.peek(0))
                ),
                self.mark(),
            ));
        }
        let value = self.prefix(length);
        self.forward(length);
        let ch = self.peek(0);
        if !(is_blankz(ch) || "?:,]}%@`".contains(ch)) {
            return Err(YamlError::new(
                Some((context, start)),
                format!(
                    "expected alphabetic or numeric character, but found {}",
                    repr(ch)
                ),
                self.mark(),
            ));
        }
        let end = self.mark();
        let kind = if alias {
            TokenKind::Alias(value)
        } else {
            TokenKind::Anchor(value)
        };
        Ok(Token { kind, start, end })
    }

    fn scan_tag(&mut self) -> Result<Token> {
        let start = self.mark();
        let ch = self.peek(1);
        let (handle, suffix) = if ch == '<' {
            self.forward(2);
            let suffix = self.scan_tag_uri("tag", start)?;
            if self.peek(0) != '>' {
                return Err(error(
                    Some(("while parsing a tag", start)),
                    format!("expected '>', but found {}", repr(self.peek(0))),
                    self.mark(),
                ));
            }
            self.forward(1);
            (None, suffix)
        } else if is_blankz(ch) {
            self.forward(1);
            (None, "!".to_owned())
        } else {
            let mut length = 1;
            let mut use_handle = false;
            let mut c = ch;
            while !(c == '\0' || c == ' ' || is_break(c)) {
                if c == '!' {
                    use_handle = true;
                    break;
                }
                length += 1;
                c = self.peek(length);
            }
            let handle = if use_handle {
                self.scan_tag_handle("tag", start)?
            } else {
                self.forward(1);
                "!".to_owned()
            };
            let suffix = self.scan_tag_uri("tag", start)?;
            (Some(handle), suffix)
        };
        let c = self.peek(0);
        if !(c == '\0' || c == ' ' || is_break(c)) {
            return Err(error(
                Some(("while scanning a tag", start)),
                format!("expected ' ', but found {}", repr(c)),
                self.mark(),
            ));
        }
        let end = self.mark();
        Ok(Token {
            kind: TokenKind::Tag(handle, suffix),
            start,
            end,
        })
    }

    fn scan_block_scalar(&mut self, folded: bool) -> Result<Token> {
        let mut chunks = String::new();
        let start = self.mark();
        self.forward(1);
        let (chomping, increment) = self.scan_block_scalar_indicators(start)?;
        self.scan_block_scalar_ignored_line(start)?;
        let min_indent = usize::try_from((self.indent + 1).max(1)).unwrap_or(1);
        let (mut breaks, indent, mut end) = match increment {
            None => {
                let (breaks, max_indent, end) = self.scan_block_scalar_indentation();
                (breaks, min_indent.max(max_indent), end)
            }
            Some(increment) => {
                let indent = min_indent + increment - 1;
                let (breaks, end) = self.scan_block_scalar_breaks(indent);
                (breaks, indent, end)
            }
        };
        let mut line_break = "";
        while self.column == indent && self.peek(0) != '\0' {
            chunks.push_str(&breaks);
            let leading_non_space = !matches!(self.peek(0), ' ' | '\t');
            let mut length = 0;
            while !is_breakz(self.peek(length)) {
                length += 1;
            }
            self.push_prefix(&mut chunks, length);
            self.forward(length);
            line_break = self.scan_line_break().unwrap_or_default();
            let (b, e) = self.scan_block_scalar_breaks(indent);
            breaks = b;
            end = e;
            if self.column == indent && self.peek(0) != '\0' {
                if folded
                    && line_break == "\n"
                    && leading_non_space
                    && !matches!(self.peek(0), ' ' | '\t')
                {
                    if breaks.is_empty() {
                        chunks.push(' ');
                    }
                } else {
                    chunks.push_str(line_break);
                }
            } else {
                break;
            }
        }
        if chomping != Some(false) {
            chunks.push_str(line_break);
        }
        if chomping == Some(true) {
            chunks.push_str(&breaks);
        }
        Ok(Token {
            kind: TokenKind::Scalar {
                value: chunks,
                plain: false,
                style: if folded { '>' } else { '|' },
            },
            start,
            end,
        })
    }

    fn scan_block_scalar_indicators(
        &mut self,
        start: Mark,
    ) -> Result<(Option<bool>, Option<usize>)> {
        let context = Some(("while scanning a block scalar", start));
        let zero = "expected indentation indicator in the range 1-9, but found 0";
        let mut chomping = None;
        let mut increment = None;
        let mut ch = self.peek(0);
        if ch == '+' || ch == '-' {
            chomping = Some(ch == '+');
            self.forward(1);
            ch = self.peek(0);
            if let Some(d) = ch.to_digit(10) {
                if d == 0 {
                    return Err(error(context, zero.to_owned(), self.mark()));
                }
                increment = Some(d as usize);
                self.forward(1);
            }
        } else if let Some(d) = ch.to_digit(10) {
            if d == 0 {
                return Err(error(context, zero.to_owned(), self.mark()));
            }
            increment = Some(d as usize);
            self.forward(1);
            ch = self.peek(0);
            if ch == '+' || ch == '-' {
                chomping = Some(ch == '+');
                self.forward(1);
            }
        }
        let ch = self.peek(0);
        if !(ch == '\0' || ch == ' ' || is_break(ch)) {
            return Err(error(
                context,
                format!(
                    "expected chomping or indentation indicators, but found {}",
                    repr(ch)
                ),
                self.mark(),
            ));
        }
        Ok((chomping, increment))
    }

    fn scan_block_scalar_ignored_line(&mut self, start: Mark) -> Result<()> {
        while self.peek(0) == ' ' {
            self.forward(1);
        }
        if self.peek(0) == '#' {
            self.comments.push(self.mark());
            while !is_breakz(self.peek(0)) {
                self.forward(1);
            }
        }
        let ch = self.peek(0);
        if !is_breakz(ch) {
            return Err(error(
                Some(("while scanning a block scalar", start)),
                format!("expected a comment or a line break, but found {}", repr(ch)),
                self.mark(),
            ));
        }
        self.scan_line_break();
        Ok(())
    }

    fn scan_block_scalar_indentation(&mut self) -> (String, usize, Mark) {
        let mut chunks = String::new();
        let mut max_indent = 0;
        let mut end = self.mark();
        while self.peek(0) == ' ' || is_break(self.peek(0)) {
            if self.peek(0) == ' ' {
                self.forward(1);
                max_indent = max_indent.max(self.column);
            } else {
                chunks.push_str(self.scan_line_break().unwrap_or_default());
                end = self.mark();
            }
        }
        (chunks, max_indent, end)
    }

    fn scan_block_scalar_breaks(&mut self, indent: usize) -> (String, Mark) {
        let mut chunks = String::new();
        let mut end = self.mark();
        while self.column < indent && self.peek(0) == ' ' {
            self.forward(1);
        }
        while is_break(self.peek(0)) {
            chunks.push_str(self.scan_line_break().unwrap_or_default());
            end = self.mark();
            while self.column < indent && self.peek(0) == ' ' {
                self.forward(1);
            }
        }
        (chunks, end)
    }

    fn scan_flow_scalar(&mut self, double: bool) -> Result<Token> {
        let mut chunks = String::new();
        let start = self.mark();
        let quote = self.peek(0);
        self.forward(1);
        self.scan_flow_scalar_non_spaces(double, start, &mut chunks)?;
        while self.peek(0) != quote {
            self.scan_flow_scalar_spaces(double, start, &mut chunks)?;
            self.scan_flow_scalar_non_spaces(double, start, &mut chunks)?;
        }
        self.forward(1);
        let end = self.mark();
        Ok(Token {
            kind: TokenKind::Scalar {
                value: chunks,
                plain: false,
                style: if double { '"' } else { '\'' },
            },
            start,
            end,
        })
    }

    fn scan_flow_scalar_non_spaces(
        &mut self,
        double: bool,
        start: Mark,
        chunks: &mut String,
    ) -> Result<()> {
        let context = Some(("while scanning a double-quoted scalar", start));
        loop {
            let mut length = 0;
            while !(matches!(self.peek(length), '\'' | '"' | '\\' | ' ' | '\t')
                || is_breakz(self.peek(length)))
            {
                length += 1;
            }
            if length > 0 {
                self.push_prefix(chunks, length);
                self.forward(length);
            }
            let ch = self.peek(0);
            if !double && ch == '\'' && self.peek(1) == '\'' {
                chunks.push('\'');
                self.forward(2);
            } else if (double && ch == '\'') || (!double && (ch == '"' || ch == '\\')) {
                chunks.push(ch);
                self.forward(1);
            } else if double && ch == '\\' {
                self.forward(1);
                let ch = self.peek(0);
                let replacement = match ch {
                    '0' => Some('\0'),
                    'a' => Some('\u{7}'),
                    'b' => Some('\u{8}'),
                    't' | '\t' => Some('\t'),
                    'n' => Some('\n'),
                    'v' => Some('\u{b}'),
                    'f' => Some('\u{c}'),
                    'r' => Some('\r'),
                    'e' => Some('\u{1b}'),
                    ' ' => Some(' '),
                    '"' => Some('"'),
                    '\\' => Some('\\'),
                    '/' => Some('/'),
                    'N' => Some('\u{85}'),
                    '_' => Some('\u{a0}'),
                    'L' => Some('\u{2028}'),
                    'P' => Some('\u{2029}'),
                    _ => None,
                };
                let code_length = match ch {
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    _ => 0,
                };
                if let Some(r) = replacement {
                    chunks.push(r);
                    self.forward(1);
                } else if code_length > 0 {
                    self.forward(1);
                    for k in 0..code_length {
                        if !self.peek(k).is_ascii_hexdigit() {
                            return Err(error(
                                context,
                                format!(
                                    "expected escape sequence of {code_length} hexadecimal numbers, but found {}",
                                    repr(self.peek(k))
                                ),
                                self.mark(),
                            ));
                        }
                    }
                    let code = u32::from_str_radix(&self.prefix(code_length), 16).unwrap_or(0);
                    // Python's chr() rejects code points above U+10FFFF (a ValueError,
                    // not a YAML error; the file does not load either way).
                    let Some(c) = char::from_u32(code).or(
                        // Lone surrogates are valid Python strings; keep a stand-in.
                        (0xd800..0xe000).contains(&code).then_some('\u{fffd}'),
                    ) else {
                        return Err(error(
                            context,
                            format!("escape sequence \\{ch}{code:x} is not a valid character"),
                            self.mark(),
                        ));
                    };
                    chunks.push(c);
                    self.forward(code_length);
                } else if is_break(ch) {
                    self.scan_line_break();
                    self.scan_flow_scalar_breaks(double, start, chunks)?;
                } else {
                    return Err(error(
                        context,
                        format!("found unknown escape character {}", repr(ch)),
                        self.mark(),
                    ));
                }
            } else {
                return Ok(());
            }
        }
    }

    fn scan_flow_scalar_spaces(
        &mut self,
        double: bool,
        start: Mark,
        chunks: &mut String,
    ) -> Result<()> {
        let mut length = 0;
        while matches!(self.peek(length), ' ' | '\t') {
            length += 1;
        }
        let whitespaces = self.prefix(length);
        self.forward(length);
        let ch = self.peek(0);
        if ch == '\0' {
            return Err(error(
                Some(("while scanning a quoted scalar", start)),
                "found unexpected end of stream".to_owned(),
                self.mark(),
            ));
        } else if is_break(ch) {
            let line_break = self.scan_line_break().unwrap_or_default();
            let mut breaks = String::new();
            self.scan_flow_scalar_breaks(double, start, &mut breaks)?;
            if line_break != "\n" {
                chunks.push_str(line_break);
            } else if breaks.is_empty() {
                chunks.push(' ');
            }
            chunks.push_str(&breaks);
        } else {
            chunks.push_str(&whitespaces);
        }
        Ok(())
    }

    fn scan_flow_scalar_breaks(
        &mut self,
        _double: bool,
        start: Mark,
        chunks: &mut String,
    ) -> Result<()> {
        loop {
            if (self.prefix_is("---") || self.prefix_is("...")) && is_blankz(self.peek(3)) {
                return Err(error(
                    Some(("while scanning a quoted scalar", start)),
                    "found unexpected document separator".to_owned(),
                    self.mark(),
                ));
            }
            while matches!(self.peek(0), ' ' | '\t') {
                self.forward(1);
            }
            if is_break(self.peek(0)) {
                chunks.push_str(self.scan_line_break().unwrap_or_default());
            } else {
                return Ok(());
            }
        }
    }

    fn scan_plain(&mut self) -> Token {
        let mut chunks = String::new();
        let start = self.mark();
        let mut end = start;
        let indent = self.indent + 1;
        // The spaces and breaks between two runs, reused (a value of one run has none).
        let mut spaces = String::new();
        loop {
            if self.peek(0) == '#' {
                break;
            }
            let mut length = 0;
            loop {
                let ch = self.peek(length);
                let next = self.peek(length + 1);
                if is_blankz(ch)
                    || (ch == ':'
                        && (is_blankz(next)
                            || (self.flow_level > 0
                                && matches!(next, ',' | '[' | ']' | '{' | '}'))))
                    || (self.flow_level > 0 && matches!(ch, ',' | '?' | '[' | ']' | '{' | '}'))
                {
                    break;
                }
                length += 1;
            }
            if length == 0 {
                break;
            }
            self.allow_simple_key = false;
            chunks.push_str(&spaces);
            self.push_prefix(&mut chunks, length);
            self.forward_in_line(length);
            end = self.mark();
            spaces.clear();
            if self.scan_plain_spaces(&mut spaces).is_none() || spaces.is_empty() {
                break;
            }
            if self.peek(0) == '#' || (self.flow_level == 0 && self.signed_column() < indent) {
                break;
            }
        }
        Token {
            kind: TokenKind::Scalar {
                value: chunks,
                plain: true,
                style: ' ',
            },
            start,
            end,
        }
    }

    /// Adds to `chunks` (empty) what PyYAML's `scan_plain_spaces` returns; `None` where it
    /// returns `None` (a document separator).
    fn scan_plain_spaces(&mut self, chunks: &mut String) -> Option<()> {
        let mut length = 0;
        while self.peek(length) == ' ' {
            length += 1;
        }
        let whitespaces = self.index;
        self.forward_in_line(length);
        let ch = self.peek(0);
        let separator =
            |s: &Scanner<'_>| (s.prefix_is("---") || s.prefix_is("...")) && is_blankz(s.peek(3));
        if is_break(ch) {
            let line_break = self.scan_line_break().unwrap_or_default();
            self.allow_simple_key = true;
            if separator(self) {
                return None;
            }
            // The breaks go in as they come; what goes before them is put in front at the end.
            while self.peek(0) == ' ' || is_break(self.peek(0)) {
                if self.peek(0) == ' ' {
                    self.forward(1);
                } else {
                    chunks.push_str(self.scan_line_break().unwrap_or_default());
                    if separator(self) {
                        return None;
                    }
                }
            }
            if line_break != "\n" {
                chunks.insert_str(0, line_break);
            } else if chunks.is_empty() {
                chunks.push(' ');
            }
        } else if length > 0 {
            chunks.extend(&self.chars[whitespaces..whitespaces + length]);
        }
        Some(())
    }

    fn scan_tag_handle(&mut self, name: &str, start: Mark) -> Result<String> {
        let context = format!("while scanning a {name}");
        let ch = self.peek(0);
        if ch != '!' {
            return Err(YamlError::new(
                Some((context, start)),
                format!("expected '!', but found {}", repr(ch)),
                self.mark(),
            ));
        }
        let mut length = 1;
        let mut ch = self.peek(length);
        if ch != ' ' {
            while is_word(ch) {
                length += 1;
                ch = self.peek(length);
            }
            if ch != '!' {
                self.forward(length);
                return Err(YamlError::new(
                    Some((context, start)),
                    format!("expected '!', but found {}", repr(ch)),
                    self.mark(),
                ));
            }
            length += 1;
        }
        let value = self.prefix(length);
        self.forward(length);
        Ok(value)
    }

    fn scan_tag_uri(&mut self, name: &str, start: Mark) -> Result<String> {
        let mut chunks = String::new();
        let mut length = 0;
        let mut ch = self.peek(length);
        while ch.is_ascii_alphanumeric() || "-;/?:@&=+$,_.!~*'()[]%".contains(ch) {
            if ch == '%' {
                self.push_prefix(&mut chunks, length);
                self.forward(length);
                length = 0;
                chunks.push_str(&self.scan_uri_escapes(name, start)?);
            } else {
                length += 1;
            }
            ch = self.peek(length);
        }
        if length > 0 {
            self.push_prefix(&mut chunks, length);
            self.forward(length);
        }
        if chunks.is_empty() {
            return Err(YamlError::new(
                Some((format!("while parsing a {name}"), start)),
                format!("expected URI, but found {}", repr(ch)),
                self.mark(),
            ));
        }
        Ok(chunks)
    }

    fn scan_uri_escapes(&mut self, name: &str, start: Mark) -> Result<String> {
        let mut codes = Vec::new();
        let mark = self.mark();
        while self.peek(0) == '%' {
            self.forward(1);
            for k in 0..2 {
                if !self.peek(k).is_ascii_hexdigit() {
                    return Err(YamlError::new(
                        Some((format!("while scanning a {name}"), start)),
                        format!(
                            "expected URI escape sequence of 2 hexadecimal numbers, but found {}",
                            repr(self.peek(k))
                        ),
                        self.mark(),
                    ));
                }
            }
            codes.push(u8::from_str_radix(&self.prefix(2), 16).unwrap_or(0));
            self.forward(2);
        }
        String::from_utf8(codes).map_err(|_| {
            YamlError::new(
                Some((format!("while scanning a {name}"), start)),
                "invalid UTF-8 in a URI escape sequence".to_owned(),
                mark,
            )
        })
    }

    /// The normalised line break read, or `None` when there is none.
    fn scan_line_break(&mut self) -> Option<&'static str> {
        let ch = self.peek(0);
        if matches!(ch, '\r' | '\n' | '\u{85}') {
            if ch == '\r' && self.peek(1) == '\n' {
                self.forward(2);
            } else {
                self.forward(1);
            }
            Some("\n")
        } else if matches!(ch, '\u{2028}' | '\u{2029}') {
            self.forward(1);
            Some(if ch == '\u{2028}' {
                "\u{2028}"
            } else {
                "\u{2029}"
            })
        } else {
            None
        }
    }
}
