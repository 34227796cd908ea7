//! The parser: tokens to events, as PyYAML's `yaml/parser.py` does it (a port; see the
//! scanner's header for the licence and the deliberate differences).

use std::borrow::Cow;

use super::scanner::{Directive, Scanner, Token, TokenKind};
use super::{MAX_DEPTH, Mark, YamlError};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum EventKind {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias(String),
    Scalar {
        anchor: Option<String>,
        tag: Option<String>,
        /// (plain and untagged or `!`, quoted and untagged).
        implicit: (bool, bool),
        value: String,
        style: char,
    },
    SequenceStart {
        anchor: Option<String>,
        tag: Option<String>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<String>,
        tag: Option<String>,
    },
    MappingEnd,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Event {
    pub(super) kind: EventKind,
    pub(super) start: Mark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    StreamStart,
    ImplicitDocumentStart,
    DocumentStart,
    DocumentEnd,
    DocumentContent,
    BlockNode,
    BlockSequenceFirstEntry,
    BlockSequenceEntry,
    IndentlessSequenceEntry,
    BlockMappingFirstKey,
    BlockMappingKey,
    BlockMappingValue,
    FlowSequenceFirstEntry,
    FlowSequenceEntry,
    FlowSequenceEntryMappingKey,
    FlowSequenceEntryMappingValue,
    FlowSequenceEntryMappingEnd,
    FlowMappingFirstKey,
    FlowMappingKey,
    FlowMappingValue,
    FlowMappingEmptyValue,
    End,
}

type Result<T> = std::result::Result<T, YamlError>;

pub(super) struct Parser<'t> {
    scanner: Scanner<'t>,
    current: Option<Event>,
    /// (handle, prefix): the document's `%TAG`s, then the default ones it does not redefine.
    tag_handles: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    states: Vec<State>,
    marks: Vec<Mark>,
    state: State,
}

const DEFAULT_TAGS: [(&str, &str); 2] = [("!", "!"), ("!!", "tag:yaml.org,2002:")];

fn default_tags() -> Vec<(Cow<'static, str>, Cow<'static, str>)> {
    DEFAULT_TAGS
        .iter()
        .map(|&(h, p)| (Cow::Borrowed(h), Cow::Borrowed(p)))
        .collect()
}

fn parse_error(context: Option<(&str, Mark)>, problem: String, mark: Mark) -> YamlError {
    YamlError::new(context.map(|(c, m)| (c.to_owned(), m)), problem, mark)
}

impl<'t> Parser<'t> {
    pub(super) fn new(text: &'t str) -> Parser<'t> {
        Parser {
            scanner: Scanner::new(text),
            current: None,
            tag_handles: Vec::new(),
            states: Vec::new(),
            marks: Vec::new(),
            state: State::StreamStart,
        }
    }

    pub(super) fn peek_event(&mut self) -> Result<&Event> {
        if self.current.is_none() {
            let event = self.next_event()?;
            self.current = Some(event);
        }
        Ok(self.current.as_ref().expect("just set"))
    }

    pub(super) fn get_event(&mut self) -> Result<Event> {
        match self.current.take() {
            Some(event) => Ok(event),
            None => self.next_event(),
        }
    }

    fn check_token(&mut self, kinds: &[fn(&TokenKind) -> bool]) -> Result<bool> {
        let token = self.scanner.peek_token()?;
        Ok(kinds.iter().any(|k| k(&token.kind)))
    }

    fn peek_token(&mut self) -> Result<&Token> {
        self.scanner.peek_token()
    }

    fn get_token(&mut self) -> Result<Token> {
        self.scanner.get_token()
    }

    fn pop_state(&mut self) -> State {
        self.states.pop().unwrap_or(State::End)
    }

    /// Closes the open collection at its closing token (`]`, `}` or a block end).
    fn end_collection(&mut self, kind: EventKind) -> Result<Event> {
        let token = self.get_token()?;
        self.state = self.pop_state();
        self.marks.pop();
        Ok(Event {
            kind,
            start: token.start,
        })
    }

    fn push_state(&mut self, state: State) -> Result<()> {
        // Every open collection pushes one state; bound them as the scanner bounds levels.
        if self.states.len() > 2 * MAX_DEPTH + 4 {
            let mark = self.scanner.mark();
            return Err(YamlError::too_deep(mark));
        }
        self.states.push(state);
        Ok(())
    }

    fn next_event(&mut self) -> Result<Event> {
        match self.state {
            State::StreamStart => {
                let token = self.get_token()?;
                self.state = State::ImplicitDocumentStart;
                Ok(Event {
                    kind: EventKind::StreamStart,
                    start: token.start,
                })
            }
            State::ImplicitDocumentStart => self.parse_implicit_document_start(),
            State::DocumentStart => self.parse_document_start(),
            State::DocumentEnd => self.parse_document_end(),
            State::DocumentContent => {
                if self.check_token(&[
                    |t| matches!(t, TokenKind::Directive { .. }),
                    |t| matches!(t, TokenKind::DocumentStart),
                    |t| matches!(t, TokenKind::DocumentEnd),
                    |t| matches!(t, TokenKind::StreamEnd),
                ])? {
                    let mark = self.peek_token()?.start;
                    self.state = self.pop_state();
                    Ok(empty_scalar(mark))
                } else {
                    self.parse_node(true, false)
                }
            }
            State::BlockNode => self.parse_node(true, false),
            State::BlockSequenceFirstEntry => {
                let token = self.get_token()?;
                self.marks.push(token.start);
                self.parse_block_sequence_entry()
            }
            State::BlockSequenceEntry => self.parse_block_sequence_entry(),
            State::IndentlessSequenceEntry => self.parse_indentless_sequence_entry(),
            State::BlockMappingFirstKey => {
                let token = self.get_token()?;
                self.marks.push(token.start);
                self.parse_block_mapping_key()
            }
            State::BlockMappingKey => self.parse_block_mapping_key(),
            State::BlockMappingValue => self.parse_block_mapping_value(),
            State::FlowSequenceFirstEntry => {
                let token = self.get_token()?;
                self.marks.push(token.start);
                self.parse_flow_sequence_entry(true)
            }
            State::FlowSequenceEntry => self.parse_flow_sequence_entry(false),
            State::FlowSequenceEntryMappingKey => {
                let token = self.get_token()?;
                if self.check_token(&[
                    |t| matches!(t, TokenKind::Value),
                    |t| matches!(t, TokenKind::FlowEntry),
                    |t| matches!(t, TokenKind::FlowSequenceEnd),
                ])? {
                    self.state = State::FlowSequenceEntryMappingValue;
                    Ok(empty_scalar(token.end))
                } else {
                    self.push_state(State::FlowSequenceEntryMappingValue)?;
                    self.parse_node(false, false)
                }
            }
            State::FlowSequenceEntryMappingValue => {
                if self.check_token(&[|t| matches!(t, TokenKind::Value)])? {
                    let token = self.get_token()?;
                    if self.check_token(&[
                        |t| matches!(t, TokenKind::FlowEntry),
                        |t| matches!(t, TokenKind::FlowSequenceEnd),
                    ])? {
                        self.state = State::FlowSequenceEntryMappingEnd;
                        Ok(empty_scalar(token.end))
                    } else {
                        self.push_state(State::FlowSequenceEntryMappingEnd)?;
                        self.parse_node(false, false)
                    }
                } else {
                    self.state = State::FlowSequenceEntryMappingEnd;
                    let mark = self.peek_token()?.start;
                    Ok(empty_scalar(mark))
                }
            }
            State::FlowSequenceEntryMappingEnd => {
                self.state = State::FlowSequenceEntry;
                let mark = self.peek_token()?.start;
                Ok(Event {
                    kind: EventKind::MappingEnd,
                    start: mark,
                })
            }
            State::FlowMappingFirstKey => {
                let token = self.get_token()?;
                self.marks.push(token.start);
                self.parse_flow_mapping_key(true)
            }
            State::FlowMappingKey => self.parse_flow_mapping_key(false),
            State::FlowMappingValue => {
                if self.check_token(&[|t| matches!(t, TokenKind::Value)])? {
                    let token = self.get_token()?;
                    if self.check_token(&[
                        |t| matches!(t, TokenKind::FlowEntry),
                        |t| matches!(t, TokenKind::FlowMappingEnd),
                    ])? {
                        self.state = State::FlowMappingKey;
                        Ok(empty_scalar(token.end))
                    } else {
                        self.push_state(State::FlowMappingKey)?;
                        self.parse_node(false, false)
                    }
                } else {
                    self.state = State::FlowMappingKey;
                    let mark = self.peek_token()?.start;
                    Ok(empty_scalar(mark))
                }
            }
            State::FlowMappingEmptyValue => {
                self.state = State::FlowMappingKey;
                let mark = self.peek_token()?.start;
                Ok(empty_scalar(mark))
            }
            State::End => {
                let mark = self.scanner.mark();
                Ok(Event {
                    kind: EventKind::StreamEnd,
                    start: mark,
                })
            }
        }
    }

    fn parse_implicit_document_start(&mut self) -> Result<Event> {
        if self.check_token(&[
            |t| matches!(t, TokenKind::Directive { .. }),
            |t| matches!(t, TokenKind::DocumentStart),
            |t| matches!(t, TokenKind::StreamEnd),
        ])? {
            return self.parse_document_start();
        }
        self.tag_handles = default_tags();
        let start = self.peek_token()?.start;
        self.push_state(State::DocumentEnd)?;
        self.state = State::BlockNode;
        Ok(Event {
            kind: EventKind::DocumentStart,
            start,
        })
    }

    fn parse_document_start(&mut self) -> Result<Event> {
        while self.check_token(&[|t| matches!(t, TokenKind::DocumentEnd)])? {
            self.get_token()?;
        }
        if self.check_token(&[|t| matches!(t, TokenKind::StreamEnd)])? {
            let token = self.get_token()?;
            self.state = State::End;
            return Ok(Event {
                kind: EventKind::StreamEnd,
                start: token.start,
            });
        }
        let start = self.peek_token()?.start;
        self.process_directives()?;
        if !self.check_token(&[|t| matches!(t, TokenKind::DocumentStart)])? {
            let token = self.peek_token()?;
            return Err(parse_error(
                None,
                format!(
                    "expected '<document start>', but found '{}'",
                    token.kind.id()
                ),
                token.start,
            ));
        }
        self.get_token()?;
        self.push_state(State::DocumentEnd)?;
        self.state = State::DocumentContent;
        Ok(Event {
            kind: EventKind::DocumentStart,
            start,
        })
    }

    fn parse_document_end(&mut self) -> Result<Event> {
        let start = self.peek_token()?.start;
        if self.check_token(&[|t| matches!(t, TokenKind::DocumentEnd)])? {
            self.get_token()?;
        }
        self.state = State::DocumentStart;
        Ok(Event {
            kind: EventKind::DocumentEnd,
            start,
        })
    }

    fn process_directives(&mut self) -> Result<()> {
        let mut version = false;
        self.tag_handles.clear();
        while self.check_token(&[|t| matches!(t, TokenKind::Directive { .. })])? {
            let token = self.get_token()?;
            let TokenKind::Directive { name, value } = token.kind else {
                continue;
            };
            match (name.as_str(), value) {
                ("YAML", Directive::Yaml(major, _)) => {
                    if version {
                        return Err(parse_error(
                            None,
                            "found duplicate YAML directive".to_owned(),
                            token.start,
                        ));
                    }
                    if major != 1 {
                        return Err(parse_error(
                            None,
                            "found incompatible YAML document (version 1.* is required)".to_owned(),
                            token.start,
                        ));
                    }
                    version = true;
                }
                ("TAG", Directive::Tag(handle, prefix)) => {
                    if self.tag_handles.iter().any(|(h, _)| *h == handle) {
                        return Err(parse_error(
                            None,
                            format!("duplicate tag handle '{handle}'"),
                            token.start,
                        ));
                    }
                    self.tag_handles.push((handle.into(), prefix.into()));
                }
                _ => {}
            }
        }
        for (handle, prefix) in DEFAULT_TAGS {
            if !self.tag_handles.iter().any(|(h, _)| h == handle) {
                self.tag_handles.push((handle.into(), prefix.into()));
            }
        }
        Ok(())
    }

    fn parse_node(&mut self, block: bool, indentless_sequence: bool) -> Result<Event> {
        if self.check_token(&[|t| matches!(t, TokenKind::Alias(_))])? {
            let token = self.get_token()?;
            let TokenKind::Alias(anchor) = token.kind else {
                unreachable!("checked above")
            };
            self.state = self.pop_state();
            return Ok(Event {
                kind: EventKind::Alias(anchor),
                start: token.start,
            });
        }
        let mut anchor = None;
        let mut tag = None;
        let mut start = None;
        let mut tag_mark = None;
        let mut end = None;
        if self.check_token(&[|t| matches!(t, TokenKind::Anchor(_))])? {
            let token = self.get_token()?;
            start = Some(token.start);
            end = Some(token.end);
            if let TokenKind::Anchor(a) = token.kind {
                anchor = Some(a);
            }
            if self.check_token(&[|t| matches!(t, TokenKind::Tag(..))])? {
                let token = self.get_token()?;
                tag_mark = Some(token.start);
                end = Some(token.end);
                if let TokenKind::Tag(h, s) = token.kind {
                    tag = Some((h, s));
                }
            }
        } else if self.check_token(&[|t| matches!(t, TokenKind::Tag(..))])? {
            let token = self.get_token()?;
            start = Some(token.start);
            tag_mark = Some(token.start);
            end = Some(token.end);
            if let TokenKind::Tag(h, s) = token.kind {
                tag = Some((h, s));
            }
            if self.check_token(&[|t| matches!(t, TokenKind::Anchor(_))])? {
                let token = self.get_token()?;
                end = Some(token.end);
                if let TokenKind::Anchor(a) = token.kind {
                    anchor = Some(a);
                }
            }
        }
        let tag = match tag {
            None => None,
            Some((None, suffix)) => Some(suffix),
            Some((Some(handle), suffix)) => {
                match self.tag_handles.iter().find(|(h, _)| *h == handle) {
                    Some((_, prefix)) => Some(format!("{prefix}{suffix}")),
                    None => {
                        return Err(parse_error(
                            Some(("while parsing a node", start.unwrap_or_default())),
                            format!("found undefined tag handle '{handle}'"),
                            tag_mark.unwrap_or_default(),
                        ));
                    }
                }
            }
        };
        let start = match start {
            Some(s) => s,
            None => self.peek_token()?.start,
        };
        let _ = end;
        let bang = tag.as_deref() == Some("!");
        if indentless_sequence && self.check_token(&[|t| matches!(t, TokenKind::BlockEntry)])? {
            self.state = State::IndentlessSequenceEntry;
            return Ok(Event {
                kind: EventKind::SequenceStart { anchor, tag },
                start,
            });
        }
        let token = self.peek_token()?;
        match &token.kind {
            TokenKind::Scalar { .. } => {
                let token = self.get_token()?;
                let TokenKind::Scalar {
                    value,
                    plain,
                    style,
                } = token.kind
                else {
                    unreachable!("checked above")
                };
                let implicit = if (plain && tag.is_none()) || bang {
                    (true, false)
                } else if tag.is_none() {
                    (false, true)
                } else {
                    (false, false)
                };
                self.state = self.pop_state();
                Ok(Event {
                    kind: EventKind::Scalar {
                        anchor,
                        tag,
                        implicit,
                        value,
                        style,
                    },
                    start,
                })
            }
            TokenKind::FlowSequenceStart => {
                self.state = State::FlowSequenceFirstEntry;
                Ok(Event {
                    kind: EventKind::SequenceStart { anchor, tag },
                    start,
                })
            }
            TokenKind::FlowMappingStart => {
                self.state = State::FlowMappingFirstKey;
                Ok(Event {
                    kind: EventKind::MappingStart { anchor, tag },
                    start,
                })
            }
            TokenKind::BlockSequenceStart if block => {
                self.state = State::BlockSequenceFirstEntry;
                Ok(Event {
                    kind: EventKind::SequenceStart { anchor, tag },
                    start,
                })
            }
            TokenKind::BlockMappingStart if block => {
                self.state = State::BlockMappingFirstKey;
                Ok(Event {
                    kind: EventKind::MappingStart { anchor, tag },
                    start,
                })
            }
            _ if anchor.is_some() || tag.is_some() => {
                let implicit = (tag.is_none() || bang, false);
                self.state = self.pop_state();
                Ok(Event {
                    kind: EventKind::Scalar {
                        anchor,
                        tag,
                        implicit,
                        value: String::new(),
                        style: ' ',
                    },
                    start,
                })
            }
            other => Err(parse_error(
                Some((
                    if block {
                        "while parsing a block node"
                    } else {
                        "while parsing a flow node"
                    },
                    start,
                )),
                format!("expected the node content, but found '{}'", other.id()),
                token.start,
            )),
        }
    }

    fn parse_block_sequence_entry(&mut self) -> Result<Event> {
        if self.check_token(&[|t| matches!(t, TokenKind::BlockEntry)])? {
            let token = self.get_token()?;
            if self.check_token(&[
                |t| matches!(t, TokenKind::BlockEntry),
                |t| matches!(t, TokenKind::BlockEnd),
            ])? {
                self.state = State::BlockSequenceEntry;
                return Ok(empty_scalar(token.end));
            }
            self.push_state(State::BlockSequenceEntry)?;
            return self.parse_node(true, false);
        }
        if !self.check_token(&[|t| matches!(t, TokenKind::BlockEnd)])? {
            let context = self.marks.last().copied().unwrap_or_default();
            let token = self.peek_token()?;
            return Err(parse_error(
                Some(("while parsing a block collection", context)),
                format!("expected <block end>, but found '{}'", token.kind.id()),
                token.start,
            ));
        }
        self.end_collection(EventKind::SequenceEnd)
    }

    fn parse_indentless_sequence_entry(&mut self) -> Result<Event> {
        if self.check_token(&[|t| matches!(t, TokenKind::BlockEntry)])? {
            let token = self.get_token()?;
            if self.check_token(&[
                |t| matches!(t, TokenKind::BlockEntry),
                |t| matches!(t, TokenKind::Key),
                |t| matches!(t, TokenKind::Value),
                |t| matches!(t, TokenKind::BlockEnd),
            ])? {
                self.state = State::IndentlessSequenceEntry;
                return Ok(empty_scalar(token.end));
            }
            self.push_state(State::IndentlessSequenceEntry)?;
            return self.parse_node(true, false);
        }
        let start = self.peek_token()?.start;
        self.state = self.pop_state();
        Ok(Event {
            kind: EventKind::SequenceEnd,
            start,
        })
    }

    fn parse_block_mapping_key(&mut self) -> Result<Event> {
        if self.check_token(&[|t| matches!(t, TokenKind::Key)])? {
            let token = self.get_token()?;
            if self.check_token(&[
                |t| matches!(t, TokenKind::Key),
                |t| matches!(t, TokenKind::Value),
                |t| matches!(t, TokenKind::BlockEnd),
            ])? {
                self.state = State::BlockMappingValue;
                return Ok(empty_scalar(token.end));
            }
            self.push_state(State::BlockMappingValue)?;
            return self.parse_node(true, true);
        }
        if !self.check_token(&[|t| matches!(t, TokenKind::BlockEnd)])? {
            let context = self.marks.last().copied().unwrap_or_default();
            let token = self.peek_token()?;
            return Err(parse_error(
                Some(("while parsing a block mapping", context)),
                format!("expected <block end>, but found '{}'", token.kind.id()),
                token.start,
            ));
        }
        self.end_collection(EventKind::MappingEnd)
    }

    fn parse_block_mapping_value(&mut self) -> Result<Event> {
        if self.check_token(&[|t| matches!(t, TokenKind::Value)])? {
            let token = self.get_token()?;
            if self.check_token(&[
                |t| matches!(t, TokenKind::Key),
                |t| matches!(t, TokenKind::Value),
                |t| matches!(t, TokenKind::BlockEnd),
            ])? {
                self.state = State::BlockMappingKey;
                return Ok(empty_scalar(token.end));
            }
            self.push_state(State::BlockMappingKey)?;
            return self.parse_node(true, true);
        }
        self.state = State::BlockMappingKey;
        let mark = self.peek_token()?.start;
        Ok(empty_scalar(mark))
    }

    fn parse_flow_sequence_entry(&mut self, first: bool) -> Result<Event> {
        if !self.check_token(&[|t| matches!(t, TokenKind::FlowSequenceEnd)])? {
            if !first {
                if self.check_token(&[|t| matches!(t, TokenKind::FlowEntry)])? {
                    self.get_token()?;
                } else {
                    let context = self.marks.last().copied().unwrap_or_default();
                    let token = self.peek_token()?;
                    return Err(parse_error(
                        Some(("while parsing a flow sequence", context)),
                        format!("expected ',' or ']', but got '{}'", token.kind.id()),
                        token.start,
                    ));
                }
            }
            if self.check_token(&[|t| matches!(t, TokenKind::Key)])? {
                let start = self.peek_token()?.start;
                self.state = State::FlowSequenceEntryMappingKey;
                return Ok(Event {
                    kind: EventKind::MappingStart {
                        anchor: None,
                        tag: None,
                    },
                    start,
                });
            } else if !self.check_token(&[|t| matches!(t, TokenKind::FlowSequenceEnd)])? {
                self.push_state(State::FlowSequenceEntry)?;
                return self.parse_node(false, false);
            }
        }
        self.end_collection(EventKind::SequenceEnd)
    }

    fn parse_flow_mapping_key(&mut self, first: bool) -> Result<Event> {
        if !self.check_token(&[|t| matches!(t, TokenKind::FlowMappingEnd)])? {
            if !first {
                if self.check_token(&[|t| matches!(t, TokenKind::FlowEntry)])? {
                    self.get_token()?;
                } else {
                    let context = self.marks.last().copied().unwrap_or_default();
                    let token = self.peek_token()?;
                    return Err(parse_error(
                        Some(("while parsing a flow mapping", context)),
                        format!("expected ',' or '}}', but got '{}'", token.kind.id()),
                        token.start,
                    ));
                }
            }
            if self.check_token(&[|t| matches!(t, TokenKind::Key)])? {
                let token = self.get_token()?;
                if self.check_token(&[
                    |t| matches!(t, TokenKind::Value),
                    |t| matches!(t, TokenKind::FlowEntry),
                    |t| matches!(t, TokenKind::FlowMappingEnd),
                ])? {
                    self.state = State::FlowMappingValue;
                    return Ok(empty_scalar(token.end));
                }
                self.push_state(State::FlowMappingValue)?;
                return self.parse_node(false, false);
            } else if !self.check_token(&[|t| matches!(t, TokenKind::FlowMappingEnd)])? {
                self.push_state(State::FlowMappingEmptyValue)?;
                return self.parse_node(false, false);
            }
        }
        self.end_collection(EventKind::MappingEnd)
    }
}

fn empty_scalar(mark: Mark) -> Event {
    Event {
        kind: EventKind::Scalar {
            anchor: None,
            tag: None,
            implicit: (true, false),
            value: String::new(),
            style: ' ',
        },
        start: mark,
    }
}
