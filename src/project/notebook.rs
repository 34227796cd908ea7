//! Where a Jupyter notebook's cell sources are in the file as stored (nbformat 4 JSON), so a
//! mention is reported at the line of the file and with its cell. Outputs and metadata are
//! not the notebook's text and are not read. A small JSON walker of its own: byte offsets
//! are what is needed, and nothing here recurses deeper than [`MAX_DEPTH`] or panics.

/// Deepest nesting walked; deeper input is not read as a notebook.
const MAX_DEPTH: usize = 64;

/// One source string of a cell: the byte range of its content (between the quotes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Source {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The cell, from 1 (as Jupyter counts).
    pub(crate) cell: usize,
    /// A markdown or raw cell: prose.
    pub(crate) prose: bool,
}

/// The source string holding `offset` (sources are in file order: a binary search).
pub(crate) fn source_at(sources: &[Source], offset: usize) -> Option<&Source> {
    let i = sources.partition_point(|s| s.end <= offset);
    sources.get(i).filter(|s| s.start <= offset)
}

struct Cell {
    prose: bool,
    sources: Vec<(usize, usize)>,
}

struct Json<'a> {
    b: &'a [u8],
    i: usize,
}

impl Json<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    /// A string's content range (escapes left as they are).
    fn string(&mut self) -> Option<(usize, usize)> {
        self.eat(b'"')?;
        let start = self.i;
        // Jumps to the next quote or backslash: outputs hold long strings (images in base64).
        while let Some(at) = memchr::memchr2(b'"', b'\\', self.b.get(self.i..)?) {
            self.i += at;
            if self.b[self.i] == b'"' {
                self.i += 1;
                return Some((start, self.i - 1));
            }
            self.i += 2;
        }
        None
    }

    fn content(text: &str, (s, e): (usize, usize)) -> &str {
        text.get(s..e).unwrap_or("")
    }

    /// Whether a string's content, its escapes decoded (`"sour\u0063e"` is `source`, as
    /// Python's `json` reads it), is `want`.
    fn is(text: &str, range: (usize, usize), want: &str) -> bool {
        let raw = Json::content(text, range);
        if !raw.contains('\\') {
            return raw == want;
        }
        let mut decoded = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                decoded.push(c);
                continue;
            }
            match chars.next() {
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(c) => decoded.push(c),
                        None => return false,
                    }
                }
                Some('n') => decoded.push('\n'),
                Some('t') => decoded.push('\t'),
                Some('r') => decoded.push('\r'),
                Some('b') => decoded.push('\u{8}'),
                Some('f') => decoded.push('\u{c}'),
                Some(other) => decoded.push(other),
                None => return false,
            }
            if decoded.len() > want.len() {
                return false;
            }
        }
        decoded == want
    }

    /// Skips any value.
    fn skip(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match self.b.get(self.i)? {
            b'"' => self.string().map(|_| ()),
            b'{' => {
                self.i += 1;
                if self.eat(b'}').is_some() {
                    return Some(());
                }
                loop {
                    self.string()?;
                    self.eat(b':')?;
                    self.skip(depth + 1)?;
                    if self.eat(b',').is_none() {
                        return self.eat(b'}');
                    }
                }
            }
            b'[' => {
                self.i += 1;
                if self.eat(b']').is_some() {
                    return Some(());
                }
                loop {
                    self.skip(depth + 1)?;
                    if self.eat(b',').is_none() {
                        return self.eat(b']');
                    }
                }
            }
            _ => {
                while self.i < self.b.len()
                    && !matches!(
                        self.b[self.i],
                        b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                    )
                {
                    self.i += 1;
                }
                Some(())
            }
        }
    }

    /// `{ "cell_type": …, "source": […], … }`
    fn cell(&mut self, text: &str) -> Option<Cell> {
        self.eat(b'{')?;
        let mut cell = Cell {
            prose: false,
            sources: Vec::new(),
        };
        if self.eat(b'}').is_some() {
            return Some(cell);
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            if Json::is(text, key, "cell_type") {
                let value = self.string()?;
                cell.prose = !Json::is(text, value, "code");
            } else if Json::is(text, key, "source") {
                {
                    self.ws();
                    if self.b.get(self.i) == Some(&b'[') {
                        self.i += 1;
                        if self.eat(b']').is_none() {
                            loop {
                                cell.sources.push(self.string()?);
                                if self.eat(b',').is_none() {
                                    self.eat(b']')?;
                                    break;
                                }
                            }
                        }
                    } else {
                        cell.sources.push(self.string()?);
                    }
                }
            } else {
                self.skip(2)?;
            }
            if self.eat(b',').is_none() {
                self.eat(b'}')?;
                return Some(cell);
            }
        }
    }
}

/// The cell sources of a notebook in file order, `None` when the text is not one (then it
/// is read as JSON).
pub(crate) fn sources(text: &str) -> Option<Vec<Source>> {
    let mut json = Json {
        b: text.as_bytes(),
        i: 0,
    };
    json.eat(b'{')?;
    let mut out = None;
    loop {
        let key = json.string()?;
        json.eat(b':')?;
        if Json::is(text, key, "cells") {
            json.eat(b'[')?;
            let mut list = Vec::new();
            if json.eat(b']').is_none() {
                // Cells count from 1, as Jupyter shows them.
                let mut index = 1;
                loop {
                    let cell = json.cell(text)?;
                    list.extend(cell.sources.iter().map(|&(start, end)| Source {
                        start,
                        end,
                        cell: index,
                        prose: cell.prose,
                    }));
                    index += 1;
                    if json.eat(b',').is_none() {
                        json.eat(b']')?;
                        break;
                    }
                }
            }
            out = Some(list);
        } else {
            json.skip(1)?;
        }
        if json.eat(b',').is_none() {
            json.eat(b'}')?;
            return out;
        }
    }
}
