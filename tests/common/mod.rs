//! Helpers shared by the integration tests.

/// A minimal CSV reader for the fixtures: commas, double-quoted fields, no embedded newlines.
pub fn csv(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    fn fields(line: &str) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    out.last_mut().unwrap().push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => out.push(String::new()),
                (c, _) => out.last_mut().unwrap().push(c),
            }
        }
        out
    }
    let mut lines = text.lines();
    let header = fields(lines.next().unwrap());
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let row = fields(l);
            assert_eq!(row.len(), header.len(), "{l}");
            header.iter().cloned().zip(row).collect()
        })
        .collect()
}
