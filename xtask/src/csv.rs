//! A small CSV reader for the data files: a header line, commas, fields in double quotes with
//! `""` for a quote, no line breaks inside fields.

use std::collections::HashMap;

/// One row: column name → value.
pub type Row = HashMap<String, String>;

/// The rows of `text`, each checked to have as many fields as the header.
pub fn parse(text: &str, name: &str) -> Result<Vec<Row>, String> {
    let mut lines = text.lines();
    let header = fields(lines.next().ok_or_else(|| format!("{name}: empty"))?);
    let mut rows = Vec::new();
    for (i, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        let values = fields(line);
        if values.len() != header.len() {
            return Err(format!(
                "{name}:{}: {} fields, the header has {}",
                i + 2,
                values.len(),
                header.len()
            ));
        }
        rows.push(header.iter().cloned().zip(values).collect());
    }
    Ok(rows)
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_fields_and_doubled_quotes() {
        let rows = super::parse("a,b\n1,\"x, \"\"y\"\"\"\n", "t").unwrap();
        assert_eq!(rows[0]["a"], "1");
        assert_eq!(rows[0]["b"], "x, \"y\"");
        assert!(super::parse("a,b\n1\n", "t").is_err());
    }
}
