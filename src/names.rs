//! [`ParseNameError`]: the one error of every closed name set (training targets, VM series,
//! GPU architectures, diagnostic codes, …). Only the error path allocates.

use std::fmt;

use crate::text::write_quoted;

/// A name that is not one of the accepted spellings of a closed set, such as an unknown
/// training target or VM series.
///
/// The message quotes the input and lists the canonical spellings (for sets of more than 40,
/// such as [`VmSeries`](crate::vm::VmSeries), the five closest to the input):
///
/// ```
/// use aml_targets::TrainingTarget;
///
/// let err = "kubernets".parse::<TrainingTarget>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown training target \"kubernets\"; expected one of: local-computer, \
///      compute-cluster, serverless-compute, compute-instance, kubernetes, remote-vm, \
///      spark-pool, databricks, data-lake-analytics, hdinsight, batch",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseNameError {
    what: &'static str,
    input: String,
    expected: &'static [&'static str],
}

impl ParseNameError {
    pub(crate) fn new(what: &'static str, input: &str, expected: &'static [&'static str]) -> Self {
        Self {
            what,
            input: input.to_owned(),
            expected,
        }
    }

    /// What was being parsed, e.g. `"training target"`.
    #[must_use]
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The rejected input, exactly as given.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The canonical spellings that would have been accepted (aliases are accepted too, and
    /// every spelling is matched ignoring ASCII case).
    #[must_use]
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} ", self.what)?;
        write_quoted(f, &self.input)?;
        // A long list is noise: name the closest spellings instead.
        if self.expected.len() > LIST_AT_MOST {
            write!(
                f,
                "; expected one of {} names, the closest: ",
                self.expected.len()
            )?;
            let mut ranked: Vec<(usize, usize)> = self
                .expected
                .iter()
                .enumerate()
                .map(|(i, name)| (edit_distance(&self.input, name), i))
                .collect();
            ranked.sort_unstable();
            return write_list(
                f,
                ranked.iter().take(CLOSEST).map(|&(_, i)| self.expected[i]),
            );
        }
        f.write_str("; expected one of: ")?;
        write_list(f, self.expected.iter().copied())
    }
}

/// Closed sets up to this size are listed whole in messages.
const LIST_AT_MOST: usize = 40;
/// How many of the closest spellings a message names when the set is larger.
const CLOSEST: usize = 5;

fn write_list<'a>(f: &mut fmt::Formatter<'_>, names: impl Iterator<Item = &'a str>) -> fmt::Result {
    for (i, name) in names.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(name)?;
    }
    Ok(())
}

/// Levenshtein distance ignoring ASCII case, on at most the first 64 characters of each
/// (enough to rank spellings; bounded work whatever the input).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<u8> = a.bytes().take(64).map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<u8> = b.bytes().take(64).map(|c| c.to_ascii_lowercase()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

impl std::error::Error for ParseNameError {}
