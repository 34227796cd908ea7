//! Values whose real value is not in the file: template placeholders (`{{NAME}}`, which
//! scripts fill in), `<NAME>` and `$NAME` stand-ins, and `${{…}}` bindings.

/// `{{NAME}}` placeholders in a text (not `${{…}}` bindings): (byte offset, length, name).
pub(crate) fn template_placeholders(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = memchr::memmem::find(&bytes[from..], b"{{") {
        let start = from + found;
        from = start + 2;
        if start > 0 && bytes[start - 1] == b'$' {
            continue;
        }
        // A name is short: look for the closing braces nearby only (linear on any input).
        let window_end = (start + 2 + 72).min(text.len());
        let window = text
            .get(start + 2..window_end)
            .unwrap_or(&text[start + 2..]);
        let Some(close) = memchr::memmem::find(window.as_bytes(), b"}}") else {
            continue;
        };
        let inner = &text[start + 2..start + 2 + close];
        let name = inner.trim();
        let is_name = !name.is_empty()
            && name.len() <= 64
            && name
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
        if is_name {
            out.push((start, close + 4, name));
            from = start + close + 4;
        }
    }
    out
}

/// The text with each `{{NAME}}` replaced by a plain word of the same length
/// (`__NAME__`), so a template loads with every line and column in place.
pub(crate) fn fill_placeholders(
    text: &str,
    placeholders: &[(usize, usize, &str)],
) -> (String, Vec<String>) {
    let mut filled = String::with_capacity(text.len());
    let mut tokens = Vec::new();
    let mut last = 0;
    for &(start, len, _) in placeholders {
        filled.push_str(&text[last..start]);
        let token: String = text[start..start + len]
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        filled.push_str(&token);
        tokens.push(token);
        last = start + len;
    }
    filled.push_str(&text[last..]);
    (filled, tokens)
}

/// Whether a value is a placeholder or binding whose real value is not in the file.
pub(crate) fn is_unknown_value(value: &str, tokens: &[String]) -> bool {
    let v = value.trim();
    // `azureml:<cluster-name>` is a placeholder too.
    let bare = v.strip_prefix("azureml:").unwrap_or(v);
    v.contains("{{")
        || tokens.iter().any(|t| v.contains(t.as_str()))
        || (bare.starts_with('<') && bare.ends_with('>'))
        || v.contains("${")
        // Azure Pipelines' macro syntax, `$(computeName)`.
        || v.contains("$(")
        || v.match_indices('$')
            .any(|(i, _)| v[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
}

/// `azureml:NAME`, `azureml:NAME@label`, `azureml:NAME:version`, or an ARM id
/// `/subscriptions/…/computes/NAME` → `NAME`.
pub(crate) fn compute_name(s: &str) -> &str {
    let s = s.trim();
    if let Some(i) = s.to_ascii_lowercase().rfind("/computes/") {
        return &s[i + "/computes/".len()..];
    }
    let s = s.strip_prefix("azureml:").unwrap_or(s);
    s.split(['@', ':']).next().unwrap_or(s)
}

/// Whether a value (not from a template) is a placeholder or binding.
pub(crate) fn is_placeholder(value: &str) -> bool {
    is_unknown_value(value, &[])
}
