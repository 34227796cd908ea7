//! CUDA toolkit versions.

use std::fmt;

use crate::error::Quoted;
use std::str::FromStr;

use crate::macros::serde_via_str;

/// A CUDA toolkit version, `MAJOR.MINOR` (e.g. `12.4`), ordered numerically.
///
/// ```
/// use aml_targets::CudaVersion;
///
/// let v: CudaVersion = "11.8".parse()?;
/// assert_eq!((v.major(), v.minor()), (11, 8));
/// assert_eq!("12".parse::<CudaVersion>()?, CudaVersion::new(12, 0));
/// assert!(CudaVersion::new(9, 0) < CudaVersion::new(10, 0));
/// assert_eq!(v.to_string(), "11.8");
/// # Ok::<(), aml_targets::ParseCudaVersionError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CudaVersion {
    major: u8,
    minor: u8,
}

/// Why a string is not a [`CudaVersion`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid CUDA version {}: {reason}", Quoted(.input))]
pub struct ParseCudaVersionError {
    input: String,
    reason: &'static str,
}

impl ParseCudaVersionError {
    /// The rejected input.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl CudaVersion {
    /// `major.minor`.
    #[must_use]
    pub const fn new(major: u8, minor: u8) -> CudaVersion {
        CudaVersion { major, minor }
    }

    /// Parses `MAJOR` or `MAJOR.MINOR`, the same as `FromStr`.
    ///
    /// # Errors
    ///
    /// [`ParseCudaVersionError`] saying what is wrong.
    pub fn parse(s: &str) -> Result<CudaVersion, ParseCudaVersionError> {
        s.parse()
    }

    /// The major version.
    #[must_use]
    pub const fn major(self) -> u8 {
        self.major
    }

    /// The minor version.
    #[must_use]
    pub const fn minor(self) -> u8 {
        self.minor
    }
}

impl fmt::Display for CudaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl fmt::Debug for CudaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CudaVersion({self})")
    }
}

impl FromStr for CudaVersion {
    type Err = ParseCudaVersionError;

    fn from_str(s: &str) -> Result<CudaVersion, ParseCudaVersionError> {
        let err = |reason| ParseCudaVersionError {
            input: s.to_owned(),
            reason,
        };
        let number = |part: &str, what| -> Result<u8, ParseCudaVersionError> {
            if part.is_empty() {
                return Err(err(what));
            }
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err("expected digits and at most one '.'"));
            }
            if part.len() > 1 && part.starts_with('0') {
                return Err(err("leading zero in a number"));
            }
            part.parse().map_err(|_| err("number too large"))
        };
        let (major, minor) = match s.split_once('.') {
            None => (number(s, "empty version")?, 0),
            Some((major, minor)) => (
                number(major, "missing major version before '.'")?,
                number(minor, "missing minor version after '.'")?,
            ),
        };
        Ok(CudaVersion { major, minor })
    }
}

serde_via_str!(CudaVersion, "a CUDA version such as 12.4");
