//! Computes created by `az ml compute create` in shell and PowerShell scripts: `-n/--name`,
//! `--type`, `--size`, `--min-instances`, `--max-instances`, `--tier`, with simple
//! `NAME=value` (`export NAME=value`, PowerShell `$NAME = "value"`) variables expanded
//! (`$NAME`, `${NAME}`, `${NAME:-default}`). A value that still holds an unknown variable,
//! a command substitution or a placeholder is unknown, never guessed. A command with
//! `--file` is defined by that YAML file, which the YAML reader reads.

use std::collections::HashMap;

use crate::project::mentions::TextKind;

/// A compute an `az ml compute create` command creates.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct CreatedCompute {
    pub(crate) name: Option<String>,
    pub(crate) kind: Option<String>,
    /// The size, and the (line, column) from 1 of its value.
    pub(crate) size: Option<(String, usize, usize)>,
    pub(crate) min_instances: Option<u32>,
    pub(crate) max_instances: Option<u32>,
    pub(crate) tier: Option<String>,
    /// The line (from 1) of `az`.
    pub(crate) line: usize,
}

/// A word of a command line, with where its text starts.
struct Word {
    text: String,
    /// Whether the word had an unexpanded `$…` or command substitution.
    unknown: bool,
    line: usize,
    column: usize,
}

/// The longest value a variable keeps: a compute's name or a size is far shorter, and a
/// script that doubles a variable line by line (`A=$A$A`) must not grow it without end.
const VALUE_LIMIT: usize = 4096;

/// `raw` with the variables it uses put in: the text, and whether any part is unknown (a
/// variable not set, a command's output, or a value past [`VALUE_LIMIT`]).
fn expand(raw: &str, vars: &HashMap<String, String>) -> (String, bool) {
    let mut out = String::with_capacity(raw.len());
    let mut unknown = false;
    let mut rest = raw;
    while let Some(i) = rest.find('$') {
        if out.len() > VALUE_LIMIT {
            return (out, true);
        }
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        if rest.starts_with('(') {
            unknown = true;
            out.push('$');
            continue;
        }
        let (name, default, after) = if let Some(inner) = rest.strip_prefix('{') {
            let Some(close) = inner.find('}') else {
                unknown = true;
                break;
            };
            let body = &inner[..close];
            let (name, default) = match body.split_once(":-") {
                Some((n, d)) => (n, Some(d)),
                None => (body, None),
            };
            (name, default, &inner[close + 1..])
        } else {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            // `$env:NAME` in PowerShell.
            let name = rest[..end].strip_prefix("env:").unwrap_or(&rest[..end]);
            (name, None, &rest[end..])
        };
        match vars.get(name).map(String::as_str).or(default) {
            Some(v) if !name.is_empty() || default.is_some() => out.push_str(v),
            _ => {
                unknown = true;
                out.push('$');
                out.push_str(name);
            }
        }
        rest = after;
    }
    out.push_str(rest);
    if (raw.contains('`') && !raw.ends_with('`')) || out.len() > VALUE_LIMIT {
        unknown = true;
    }
    (out, unknown)
}

/// Splits a physical line into words (quotes removed, `#` comments dropped); returns
/// whether the line continues on the next one.
fn words(
    line: &str,
    line_no: usize,
    kind: TextKind,
    out: &mut Vec<(String, usize, usize)>,
) -> bool {
    let continuation = if kind == TextKind::PowerShell {
        '`'
    } else {
        '\\'
    };
    let trimmed = line.trim_end();
    let continues = trimmed.ends_with(continuation);
    let body = if continues {
        &trimmed[..trimmed.len() - 1]
    } else {
        trimmed
    };
    let mut word = String::new();
    let mut start = None;
    let mut quote = None;
    for (col, c) in body.chars().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                start.get_or_insert(col);
            }
            (None, '#') if word.is_empty() => break,
            (None, c) if c.is_whitespace() => {
                if let Some(s) = start.take() {
                    out.push((std::mem::take(&mut word), line_no, s + 1));
                }
            }
            (None, c) => {
                start.get_or_insert(col);
                word.push(c);
            }
        }
    }
    if let Some(s) = start {
        out.push((word, line_no, s + 1));
    }
    continues
}

/// A simple assignment on a line: `NAME=value`, `export NAME=value`, `$NAME = "value"`.
fn assignment(line: &str, kind: TextKind) -> Option<(String, String)> {
    let line = line.trim();
    let (name, value) = if kind == TextKind::PowerShell {
        let rest = line.strip_prefix('$')?;
        let (name, value) = rest.split_once('=')?;
        (name.trim(), value.trim())
    } else {
        let rest = line.strip_prefix("export ").unwrap_or(line);
        let (name, value) = rest.split_once('=')?;
        (name, value)
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let value = value.split(" #").next().unwrap_or(value).trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(value);
    if value.contains("$(") || value.contains('`') || value.contains(' ') {
        return None;
    }
    Some((name.to_owned(), value.to_owned()))
}

/// Whether a line that starts a command could hold an `az ml compute create`: it continues on
/// the next line, takes a variable, or holds `az` and `compute` once quotes are left out.
fn could_create(line: &str, kind: TextKind) -> bool {
    let continuation = if kind == TextKind::PowerShell {
        '`'
    } else {
        '\\'
    };
    if line.trim_end().ends_with(continuation) || line.contains('$') {
        return true;
    }
    let unquoted = || line.bytes().filter(|b| !matches!(b, b'"' | b'\''));
    let holds = |word: &[u8]| {
        let mut matched = 0;
        unquoted().any(|b| {
            matched = if b == word[matched] {
                matched + 1
            } else {
                usize::from(b == word[0])
            };
            matched == word.len()
        })
    };
    holds(b"az") && holds(b"compute")
}

/// Every `az ml compute create` of a script, in order.
pub(crate) fn computes_created(text: &str, kind: TextKind) -> Vec<CreatedCompute> {
    let mut vars: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    let mut pending: Vec<(String, usize, usize)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if pending.is_empty() {
            if let Some((name, value)) = assignment(line, kind) {
                let (value, unknown) = expand(&value, &vars);
                if unknown {
                    vars.remove(&name);
                } else {
                    vars.insert(name, value);
                }
                continue;
            }
        }
        // A command that starts and ends on this line names `compute` (quotes aside) or
        // takes a variable that may, or it is no `az ml compute create`: not split into words.
        if pending.is_empty() && !could_create(line, kind) {
            continue;
        }
        if words(line, n + 1, kind, &mut pending) {
            continue;
        }
        let command: Vec<Word> = std::mem::take(&mut pending)
            .into_iter()
            .map(|(raw, line, column)| {
                let (text, unknown) = expand(&raw, &vars);
                Word {
                    unknown: unknown || super::azureml::values::is_placeholder(&text),
                    text,
                    line,
                    column,
                }
            })
            .collect();
        if let Some(created) = parse_create(&command) {
            out.push(created);
        }
    }
    out
}

fn parse_create(words: &[Word]) -> Option<CreatedCompute> {
    let at = words.windows(4).position(|w| {
        w[0].text.trim_start_matches('!') == "az"
            && w[1].text == "ml"
            && w[2].text == "compute"
            && w[3].text == "create"
    })?;
    let mut created = CreatedCompute {
        line: words[at].line,
        ..CreatedCompute::default()
    };
    let mut i = at + 4;
    while i < words.len() {
        let word = &words[i];
        let (flag, inline) = match word.text.split_once('=') {
            Some((f, v)) if f.starts_with('-') => (f, Some(v)),
            _ => (word.text.as_str(), None),
        };
        let value: Option<(&str, bool, usize, usize)> = match inline {
            Some(v) => Some((v, word.unknown, word.line, word.column + flag.len() + 1)),
            None => words
                .get(i + 1)
                .filter(|w| !w.text.starts_with('-'))
                .map(|w| (w.text.as_str(), w.unknown, w.line, w.column)),
        };
        let known = value.filter(|v| !v.1).map(|v| v.0.to_owned());
        match flag {
            "-n" | "--name" => created.name = known,
            "-t" | "--type" => created.kind = known,
            "--size" => {
                created.size = value
                    .filter(|v| !v.1)
                    .map(|(v, _, l, c)| (v.to_owned(), l, c));
            }
            "--min-instances" => created.min_instances = known.and_then(|v| v.parse().ok()),
            "--max-instances" => created.max_instances = known.and_then(|v| v.parse().ok()),
            "--tier" => created.tier = known,
            "-f" | "--file" => return None,
            // The end of the command.
            "&&" | "||" | ";" | "|" => break,
            _ => {}
        }
        i += if inline.is_none() && value.is_some() && flag.starts_with('-') {
            2
        } else {
            1
        };
    }
    Some(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_that_could_create_a_compute_are_split() {
        let sh = TextKind::Shell;
        assert!(could_create(
            "az ml compute create -n cpu --size Standard_DS3_v2",
            sh
        ));
        assert!(could_create("az ml \"comp\"ute create -n cpu", sh));
        assert!(could_create("az ml compute create \\", sh));
        assert!(could_create("$AZ $WHAT create", sh));
        assert!(!could_create("az ml job create --file job.yml", sh));
        assert!(!could_create("echo \"logged in to azure\"", sh));
        assert!(could_create("az ml compute create `", TextKind::PowerShell));
        // Quotes split a word the command still reads as one.
        let created = computes_created(
            "az ml comp'ute' create -n cpu --type amlcompute --size Standard_DS3_v2\n",
            sh,
        );
        assert_eq!(created.len(), 1);
        assert_eq!(created[0].name.as_deref(), Some("cpu"));
    }

    #[test]
    fn setup_scripts_as_written() {
        let script = "#!/bin/bash\nGPU_SIZE=Standard_NC12\nexport CLUSTER=\"gpu-cluster\"\n# az ml compute create -n old --size Standard_NC6\naz ml compute create -n cpu-cluster --type amlcompute --min-instances 0 --max-instances 8 -o none\naz ml compute create -n $CLUSTER --type amlcompute --min-instances 0 --max-instances 4 \\\n  --size $GPU_SIZE\naz ml compute create --name=\"${OTHER:-fallback}\" --type=AmlCompute --size=STANDARD_NV6 --tier low_priority\naz ml compute create -n $UNKNOWN --size $ALSO_UNKNOWN --type amlcompute\naz ml compute create -f cluster.yml\n";
        let created = computes_created(script, TextKind::Shell);
        assert_eq!(created.len(), 4);
        assert_eq!(created[0].name.as_deref(), Some("cpu-cluster"));
        assert_eq!(created[0].max_instances, Some(8));
        assert_eq!(created[0].size, None);
        assert_eq!(created[1].name.as_deref(), Some("gpu-cluster"));
        assert_eq!(created[1].size, Some(("Standard_NC12".to_owned(), 7, 10)));
        assert_eq!(created[1].line, 6);
        assert_eq!(created[2].name.as_deref(), Some("fallback"));
        assert_eq!(created[2].kind.as_deref(), Some("AmlCompute"));
        assert_eq!(
            created[2].size.as_ref().map(|s| s.0.as_str()),
            Some("STANDARD_NV6")
        );
        assert_eq!(created[2].tier.as_deref(), Some("low_priority"));
        assert_eq!(
            (created[3].name.as_deref(), created[3].size.as_ref()),
            (None, None)
        );
    }

    #[test]
    fn powershell_variables_and_backticks() {
        let script = "$clusterName = \"gpu\"\naz ml compute create -n $clusterName `\n  --size Standard_NC6 --type amlcompute\n";
        let created = computes_created(script, TextKind::PowerShell);
        assert_eq!(created.len(), 1);
        assert_eq!(created[0].name.as_deref(), Some("gpu"));
        assert_eq!(created[0].size.as_ref().map(|s| (s.1, s.2)), Some((3, 10)));
    }
}
