//! CUDA toolkit versions, ranges of them, and NVIDIA's minimum drivers (FACTS §8).

use std::fmt;
use std::str::FromStr;

use crate::macros::serde_via_str;
use crate::text::Quoted;

/// A CUDA toolkit version: `MAJOR.MINOR` with an optional patch (`12.4`, `12.4.1`).
///
/// Besides the plain spellings, parsing takes the ones found in image, environment and wheel
/// names: `cuda11.8`, `cuda12`, `CUDA 12.1`, `cu121` (wheel tags: the last digit is the
/// minor version). Versions order numerically; a version without a patch sorts before the
/// same version with patch 0, and [`CudaRange`]s ignore patches.
///
/// ```
/// use aml_targets::CudaVersion;
///
/// let v: CudaVersion = "11.8".parse()?;
/// assert_eq!((v.major(), v.minor(), v.patch()), (11, 8, None));
/// assert_eq!("cu121".parse::<CudaVersion>()?, CudaVersion::new(12, 1));
/// assert_eq!("cuda12".parse::<CudaVersion>()?, CudaVersion::new(12, 0));
/// assert_eq!("12.4.1".parse::<CudaVersion>()?.to_string(), "12.4.1");
/// assert!(CudaVersion::new(9, 0) < CudaVersion::new(10, 0));
/// assert_eq!(semver::Version::from(v), semver::Version::new(11, 8, 0));
/// # Ok::<(), aml_targets::gpu::ParseCudaVersionError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CudaVersion {
    major: u8,
    minor: u8,
    patch: Option<u16>,
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

/// Parses a decimal component without leading zeros.
fn component<T: FromStr>(part: &str, what: &'static str) -> Result<T, &'static str> {
    if part.is_empty() {
        return Err(what);
    }
    if !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err("expected digits separated by '.'");
    }
    if part.len() > 1 && part.starts_with('0') {
        return Err("leading zero in a number");
    }
    part.parse().map_err(|_| "number too large")
}

impl CudaVersion {
    /// `major.minor`, no patch.
    #[must_use]
    pub const fn new(major: u8, minor: u8) -> CudaVersion {
        CudaVersion {
            major,
            minor,
            patch: None,
        }
    }

    /// `major.minor.patch`.
    #[must_use]
    pub const fn with_patch(major: u8, minor: u8, patch: u16) -> CudaVersion {
        CudaVersion {
            major,
            minor,
            patch: Some(patch),
        }
    }

    /// Parses any spelling `FromStr` takes.
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

    /// The patch version, when given.
    #[must_use]
    pub const fn patch(self) -> Option<u16> {
        self.patch
    }

    /// The toolkit release this version belongs to: the same without the patch.
    #[must_use]
    pub const fn toolkit(self) -> CudaVersion {
        CudaVersion::new(self.major, self.minor)
    }

    /// Compares `major.minor` only, ignoring patches.
    pub(crate) const fn toolkit_key(self) -> u16 {
        (self.major as u16) << 8 | self.minor as u16
    }

    /// Parses `MAJOR[.MINOR[.PATCH]]`.
    pub(crate) fn parse_plain(s: &str) -> Result<CudaVersion, &'static str> {
        let mut parts = s.split('.');
        let missing_major = if s.is_empty() {
            "empty version"
        } else {
            "missing major version before '.'"
        };
        let major = component(parts.next().unwrap_or(""), missing_major)?;
        let minor = match parts.next() {
            None => 0,
            Some(p) => component(p, "missing minor version after '.'")?,
        };
        let patch = match parts.next() {
            None => None,
            Some(p) => Some(component(p, "missing patch version after '.'")?),
        };
        if parts.next().is_some() {
            return Err("more than three numbers");
        }
        Ok(CudaVersion {
            major,
            minor,
            patch,
        })
    }

    /// Parses the digits of a wheel tag `cuXY` / `cuXXY`: the last digit is the minor version.
    pub(crate) fn parse_wheel_tag(digits: &str) -> Result<CudaVersion, &'static str> {
        if !(2..=3).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err("expected two or three digits after \"cu\" (cu92, cu118, cu121)");
        }
        let (major, minor) = digits.split_at(digits.len() - 1);
        Ok(CudaVersion::new(
            component(major, "missing major version")?,
            component(minor, "missing minor version")?,
        ))
    }
}

impl fmt::Display for CudaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)?;
        if let Some(patch) = self.patch {
            write!(f, ".{patch}")?;
        }
        Ok(())
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
        let prefix = |p: &str| {
            s.get(..p.len())
                .filter(|head| head.eq_ignore_ascii_case(p))
                .map(|_| &s[p.len()..])
        };
        let parsed = if let Some(rest) = prefix("cuda") {
            let rest = rest.strip_prefix([' ', '-', '_']).unwrap_or(rest);
            CudaVersion::parse_plain(rest)
        } else if let Some(rest) = prefix("cu") {
            CudaVersion::parse_wheel_tag(rest)
        } else {
            CudaVersion::parse_plain(s)
        };
        parsed.map_err(|reason| ParseCudaVersionError {
            input: s.to_owned(),
            reason,
        })
    }
}

impl From<CudaVersion> for semver::Version {
    /// `12.4` becomes `12.4.0`.
    fn from(v: CudaVersion) -> semver::Version {
        semver::Version::new(
            u64::from(v.major),
            u64::from(v.minor),
            u64::from(v.patch.unwrap_or(0)),
        )
    }
}

serde_via_str!(CudaVersion, "a CUDA version such as 12.4");

/// An inclusive range of CUDA toolkits, `min` to `max` (open above when `max` is `None`).
/// Patches are ignored: `12.9.1` is inside a range that ends at `12.9`.
///
/// ```
/// use aml_targets::CudaVersion;
/// use aml_targets::gpu::CudaRange;
///
/// let kepler = CudaRange::new(CudaVersion::new(6, 0), Some(CudaVersion::new(11, 8)))?;
/// assert!(kepler.contains("11.8.89".parse()?));
/// assert!(!kepler.contains(CudaVersion::new(12, 1)));
/// assert_eq!(kepler.to_string(), ">=6.0, <=11.8");
/// assert_eq!(kepler.to_string().parse::<CudaRange>()?, kepler);
/// assert!(kepler.to_version_req().matches(&semver::Version::new(11, 8, 4)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CudaRange {
    min: CudaVersion,
    max: Option<CudaVersion>,
}

/// Why a string or a pair of bounds is not a [`CudaRange`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid CUDA range {}: {reason}", Quoted(.input))]
pub struct ParseCudaRangeError {
    input: String,
    reason: String,
}

impl CudaRange {
    /// `min` and up.
    #[must_use]
    pub const fn at_least(min: CudaVersion) -> CudaRange {
        CudaRange {
            min: min.toolkit(),
            max: None,
        }
    }

    /// `min` to `max`, both inclusive (patches dropped).
    ///
    /// # Errors
    ///
    /// When `max` is below `min`.
    pub fn new(
        min: CudaVersion,
        max: Option<CudaVersion>,
    ) -> Result<CudaRange, ParseCudaRangeError> {
        if let Some(max) = max {
            if max.toolkit_key() < min.toolkit_key() {
                return Err(ParseCudaRangeError {
                    input: format!(">={min}, <={max}"),
                    reason: format!("the upper bound {max} is below the lower bound {min}"),
                });
            }
        }
        Ok(CudaRange {
            min: min.toolkit(),
            max: max.map(CudaVersion::toolkit),
        })
    }

    /// Builds a range in a `const` table; bounds are checked by the tests.
    pub(crate) const fn between(min: CudaVersion, max: Option<CudaVersion>) -> CudaRange {
        CudaRange { min, max }
    }

    /// The lowest toolkit in the range.
    #[must_use]
    pub const fn min(self) -> CudaVersion {
        self.min
    }

    /// The highest toolkit, or `None` when the range is open above.
    #[must_use]
    pub const fn max(self) -> Option<CudaVersion> {
        self.max
    }

    /// Whether `v`'s toolkit (major.minor) is in the range.
    #[must_use]
    pub const fn contains(self, v: CudaVersion) -> bool {
        let key = v.toolkit_key();
        key >= self.min.toolkit_key()
            && match self.max {
                Some(max) => key <= max.toolkit_key(),
                None => true,
            }
    }

    /// The same range as a `semver` requirement (`>=6.0, <=11.8`), for interop: it matches
    /// exactly the versions [`CudaRange::contains`] does.
    #[must_use]
    pub fn to_version_req(self) -> semver::VersionReq {
        let bound = |op, v: CudaVersion| semver::Comparator {
            op,
            major: u64::from(v.major),
            minor: Some(u64::from(v.minor)),
            patch: None,
            pre: semver::Prerelease::EMPTY,
        };
        let mut comparators = vec![bound(semver::Op::GreaterEq, self.min)];
        if let Some(max) = self.max {
            comparators.push(bound(semver::Op::LessEq, max));
        }
        semver::VersionReq { comparators }
    }
}

impl fmt::Display for CudaRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, ">={}", self.min)?;
        if let Some(max) = self.max {
            write!(f, ", <={max}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for CudaRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CudaRange({self})")
    }
}

impl FromStr for CudaRange {
    type Err = ParseCudaRangeError;

    /// Parses `>=MIN` or `>=MIN, <=MAX`.
    fn from_str(s: &str) -> Result<CudaRange, ParseCudaRangeError> {
        let err = |reason: String| ParseCudaRangeError {
            input: s.to_owned(),
            reason,
        };
        let (low, high) = match s.split_once(',') {
            Some((low, high)) => (low.trim(), Some(high.trim())),
            None => (s.trim(), None),
        };
        let version = |text: &str, op: &str| -> Result<CudaVersion, ParseCudaRangeError> {
            let v = text
                .strip_prefix(op)
                .ok_or_else(|| err(format!("expected \"{op}VERSION\"")))?;
            CudaVersion::parse_plain(v.trim()).map_err(|reason| err(reason.to_owned()))
        };
        let min = version(low, ">=")?;
        let max = high.map(|h| version(h, "<=")).transpose()?;
        CudaRange::new(min, max).map_err(|e| err(e.reason))
    }
}

serde_via_str!(CudaRange, "a CUDA range such as \">=9.0, <=11.8\"");

/// A CUDA requirement as users state it: one version, a range, or any `semver` requirement
/// (`^12`, `>=11.8, <13`).
///
/// A requirement is met by a GPU when at least one released toolkit ([`CUDA_TOOLKITS`])
/// satisfies it and runs on the GPU.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CudaRequirement {
    /// Exactly this toolkit (patch ignored).
    Version(CudaVersion),
    /// Any toolkit in the range.
    Range(CudaRange),
    /// Any toolkit matching the requirement.
    Semver(semver::VersionReq),
}

impl CudaRequirement {
    /// Whether the toolkit `v` satisfies the requirement.
    #[must_use]
    pub fn matches(&self, v: CudaVersion) -> bool {
        match self {
            CudaRequirement::Version(want) => want.toolkit_key() == v.toolkit_key(),
            CudaRequirement::Range(range) => range.contains(v),
            CudaRequirement::Semver(req) => req.matches(&v.into()),
        }
    }

    /// The released toolkits that satisfy the requirement, oldest first. A single version
    /// always yields itself, released or not.
    pub fn toolkits(&self) -> impl Iterator<Item = CudaVersion> + '_ {
        let single = match self {
            CudaRequirement::Version(v) => Some(v.toolkit()),
            CudaRequirement::Range(_) | CudaRequirement::Semver(_) => None,
        };
        let released = CUDA_TOOLKITS
            .iter()
            .copied()
            .filter(move |v| single.is_none() && self.matches(*v));
        single.into_iter().chain(released)
    }
}

impl FromStr for CudaRequirement {
    type Err = ParseCudaVersionError;

    /// Parses a version (`12.1`, `cu121`, `cuda12`), a range (`>=9.0, <=11.8`) or, failing
    /// both, a `semver` requirement (`^12`, `>=11.8, <13`).
    fn from_str(s: &str) -> Result<CudaRequirement, ParseCudaVersionError> {
        let err = |reason| ParseCudaVersionError {
            input: s.to_owned(),
            reason,
        };
        if let Ok(v) = s.parse::<CudaVersion>() {
            return Ok(CudaRequirement::Version(v));
        }
        match s.parse::<CudaRange>() {
            Ok(r) => return Ok(CudaRequirement::Range(r)),
            // A range written the crate's way whose bounds are the wrong way round.
            Err(e) if e.reason.contains("below the lower bound") => {
                return Err(err(
                    "the upper bound is below the lower bound: no CUDA version matches",
                ));
            }
            Err(_) => {}
        }
        let req = semver::VersionReq::parse(s).map_err(|_| {
            err(
                "expected a version (12.1, cu121), a range (>=9.0, <=11.8) or a semver \
                 requirement (^12)",
            )
        })?;
        // Numbers no CUDA version can have, and requirements nothing satisfies, are input
        // errors rather than a "no" from every GPU.
        if req.comparators.iter().any(|c| {
            c.major > u64::from(u8::MAX)
                || c.minor.is_some_and(|m| m > u64::from(u8::MAX))
                || c.patch.is_some_and(|p| p > u64::from(u16::MAX))
        }) {
            return Err(err(
                "a version number out of range (major and minor up to 255, patch up to 65535)",
            ));
        }
        if semver_is_empty(&req) {
            return Err(err("no CUDA version satisfies the requirement"));
        }
        Ok(CudaRequirement::Semver(req))
    }
}

/// Whether no version satisfies every comparator of `req` (pre-releases aside): the
/// intersection of the intervals the comparators allow, on versions encoded as one number.
fn semver_is_empty(req: &semver::VersionReq) -> bool {
    use semver::Op;
    // major.minor.patch, each below 2^20 (checked by the caller), as one ordered number.
    let enc = |major: u64, minor: u64, patch: u64| (major << 40) | (minor << 20) | patch;
    let (mut lo, mut hi) = (0_u64, u64::MAX);
    for c in &req.comparators {
        let (major, minor, patch) = (c.major, c.minor, c.patch);
        let floor = enc(major, minor.unwrap_or(0), patch.unwrap_or(0));
        // The first version after the one written, at the precision written.
        let next = match (minor, patch) {
            (Some(m), Some(p)) => enc(major, m, p + 1),
            (Some(m), None) => enc(major, m + 1, 0),
            _ => enc(major + 1, 0, 0),
        };
        let (from, to) = match c.op {
            Op::Exact | Op::Wildcard => (floor, next),
            Op::Greater => (next, u64::MAX),
            Op::GreaterEq => (floor, u64::MAX),
            Op::Less => (0, floor),
            Op::LessEq => (0, next),
            Op::Tilde => match (minor, patch) {
                (Some(m), _) => (floor, enc(major, m + 1, 0)),
                _ => (floor, enc(major + 1, 0, 0)),
            },
            Op::Caret => match (major, minor, patch) {
                (0, Some(0), Some(p)) => (floor, enc(0, 0, p + 1)),
                (0, Some(m), _) => (floor, enc(0, m + 1, 0)),
                _ => (floor, enc(major + 1, 0, 0)),
            },
            _ => (0, u64::MAX),
        };
        lo = lo.max(from);
        hi = hi.min(to);
    }
    lo >= hi
}

serde_via_str!(
    CudaRequirement,
    "a CUDA version or requirement such as 12.1 or \">=11.8, <13\""
);

impl From<CudaVersion> for CudaRequirement {
    fn from(v: CudaVersion) -> CudaRequirement {
        CudaRequirement::Version(v)
    }
}

impl From<CudaRange> for CudaRequirement {
    fn from(r: CudaRange) -> CudaRequirement {
        CudaRequirement::Range(r)
    }
}

impl From<semver::VersionReq> for CudaRequirement {
    fn from(r: semver::VersionReq) -> CudaRequirement {
        CudaRequirement::Semver(r)
    }
}

impl fmt::Display for CudaRequirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CudaRequirement::Version(v) => write!(f, "{v}"),
            CudaRequirement::Range(r) => write!(f, "{r}"),
            CudaRequirement::Semver(r) => write!(f, "{r}"),
        }
    }
}

/// An NVIDIA Linux driver version such as `525.60.13` (branch `525`).
///
/// ```
/// use aml_targets::gpu::DriverVersion;
///
/// let d: DriverVersion = "580.65.06".parse()?;
/// assert_eq!(d.branch(), 580);
/// assert_eq!(d.to_string(), "580.65.06");
/// assert!(d > "575.51.03".parse()?);
/// # Ok::<(), aml_targets::gpu::ParseDriverVersionError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DriverVersion {
    branch: u16,
    minor: u16,
    patch: Option<u16>,
}

/// Why a string is not a [`DriverVersion`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid driver version {}: expected BRANCH.MINOR[.PATCH] such as 525.60.13",
    Quoted(.input)
)]
pub struct ParseDriverVersionError {
    input: String,
}

impl DriverVersion {
    /// `branch.minor[.patch]`.
    #[must_use]
    pub const fn new(branch: u16, minor: u16, patch: Option<u16>) -> DriverVersion {
        DriverVersion {
            branch,
            minor,
            patch,
        }
    }

    /// The branch (`525` of `525.60.13`).
    #[must_use]
    pub const fn branch(self) -> u16 {
        self.branch
    }
}

impl fmt::Display for DriverVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NVIDIA writes the minor and patch with two digits (580.65.06).
        write!(f, "{}.{:02}", self.branch, self.minor)?;
        if let Some(patch) = self.patch {
            write!(f, ".{patch:02}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for DriverVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DriverVersion({self})")
    }
}

impl FromStr for DriverVersion {
    type Err = ParseDriverVersionError;

    fn from_str(s: &str) -> Result<DriverVersion, ParseDriverVersionError> {
        let num = |p: &str| -> Option<u16> {
            (!p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let mut parts = s.split('.');
        let parsed = (|| {
            let branch = num(parts.next()?)?;
            let minor = num(parts.next()?)?;
            let patch = match parts.next() {
                None => None,
                Some(p) => Some(num(p)?),
            };
            parts.next().is_none().then_some(DriverVersion {
                branch,
                minor,
                patch,
            })
        })();
        parsed.ok_or_else(|| ParseDriverVersionError {
            input: s.to_owned(),
        })
    }
}

serde_via_str!(DriverVersion, "an NVIDIA driver version such as 525.60.13");

/// The minimum Linux driver of one CUDA toolkit (`data/cuda_driver_min.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CudaDriverMinimum {
    /// The toolkit.
    pub cuda: CudaVersion,
    /// The minimum Linux driver for full compatibility.
    pub min_linux_driver: DriverVersion,
    /// Where the figure comes from.
    pub source: &'static str,
}

/// Every released CUDA toolkit from 9.0 with its minimum Linux driver, oldest first.
pub const CUDA_DRIVER_MINIMUMS: &[CudaDriverMinimum] = &super::data::CUDA_DRIVER_MINIMUMS;

/// Released toolkits whose release notes bundle no Linux driver, so no minimum is known here:
/// 13.4 (13.4.1, September 2026) and 13.5. Secondary copies say the Linux driver is unbundled
/// from 13.4 on; minor-version compatibility (13.x ≥ 580.65.06) still applies.
const UNBUNDLED_TOOLKITS: [CudaVersion; 2] = [CudaVersion::new(13, 4), CudaVersion::new(13, 5)];

/// Every released CUDA toolkit from 9.0 on, oldest first (there is no 12.7): those of
/// [`CUDA_DRIVER_MINIMUMS`], then 13.4 and 13.5, whose driver is no longer bundled.
pub const CUDA_TOOLKITS: &[CudaVersion] = &{
    let mut out = [CudaVersion::new(0, 0); CUDA_DRIVER_MINIMUMS.len() + UNBUNDLED_TOOLKITS.len()];
    let mut i = 0;
    while i < CUDA_DRIVER_MINIMUMS.len() {
        out[i] = CUDA_DRIVER_MINIMUMS[i].cuda;
        i += 1;
    }
    let mut j = 0;
    while j < UNBUNDLED_TOOLKITS.len() {
        out[i + j] = UNBUNDLED_TOOLKITS[j];
        j += 1;
    }
    out
};

/// The driver floor of a major line under minor-version compatibility: an application built
/// with any toolkit of the line runs on a driver at or above it (11.x ≥ 450.80.02,
/// 12.x ≥ 525.60.13, 13.x ≥ 580.65.06).
#[must_use]
pub const fn minor_version_compat_floor(major: u8) -> Option<DriverVersion> {
    match major {
        11 => Some(DriverVersion::new(450, 80, Some(2))),
        12 => Some(DriverVersion::new(525, 60, Some(13))),
        13 => Some(DriverVersion::new(580, 65, Some(6))),
        _ => None,
    }
}

impl CudaVersion {
    /// The minimum Linux driver for this toolkit (patch ignored), or `None` for a version
    /// that is not a released toolkit from 9.0 on, or whose release notes bundle no driver
    /// (13.4 and 13.5).
    ///
    /// ```
    /// use aml_targets::CudaVersion;
    ///
    /// assert_eq!(CudaVersion::new(11, 8).min_linux_driver().unwrap().to_string(), "520.61.05");
    /// assert_eq!(CudaVersion::new(12, 7).min_linux_driver(), None);
    /// ```
    #[must_use]
    pub fn min_linux_driver(self) -> Option<DriverVersion> {
        CUDA_DRIVER_MINIMUMS
            .iter()
            .find(|row| row.cuda.toolkit_key() == self.toolkit_key())
            .map(|row| row.min_linux_driver)
    }
}

/// Whether a driver runs applications built with a CUDA toolkit, and on what terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DriverCompat {
    /// The driver is at or above the toolkit's own minimum: full compatibility.
    Full {
        /// The toolkit's minimum driver.
        min: DriverVersion,
    },
    /// Below the toolkit's minimum but at or above its major line's floor: runs under
    /// minor-version compatibility (features needing a newer driver, and PTX compiled by the
    /// newer toolkit, may not work).
    MinorVersion {
        /// The toolkit's minimum driver for full compatibility.
        min: DriverVersion,
        /// The major line's floor.
        floor: DriverVersion,
    },
    /// Too old: below the major line's floor (or the toolkit's minimum where there is no
    /// floor).
    TooOld {
        /// The lowest driver that would run it.
        needs: DriverVersion,
    },
    /// The toolkit is not one this crate knows a minimum for (not released, or released
    /// without a bundled driver: 13.4 and 13.5).
    UnknownToolkit,
}

impl DriverCompat {
    /// Whether the application runs at all.
    #[must_use]
    pub const fn runs(self) -> bool {
        matches!(
            self,
            DriverCompat::Full { .. } | DriverCompat::MinorVersion { .. }
        )
    }
}

impl DriverVersion {
    /// Whether this driver runs applications built with `cuda`.
    ///
    /// ```
    /// use aml_targets::CudaVersion;
    /// use aml_targets::gpu::{DriverCompat, DriverVersion};
    ///
    /// let d: DriverVersion = "525.60.13".parse()?;
    /// assert!(matches!(d.runs(CudaVersion::new(12, 0)), DriverCompat::Full { .. }));
    /// assert!(matches!(d.runs(CudaVersion::new(12, 4)), DriverCompat::MinorVersion { .. }));
    /// assert!(!d.runs(CudaVersion::new(13, 0)).runs());
    /// # Ok::<(), aml_targets::gpu::ParseDriverVersionError>(())
    /// ```
    #[must_use]
    pub fn runs(self, cuda: CudaVersion) -> DriverCompat {
        let Some(min) = cuda.min_linux_driver() else {
            return DriverCompat::UnknownToolkit;
        };
        if self >= min {
            return DriverCompat::Full { min };
        }
        match minor_version_compat_floor(cuda.major) {
            Some(floor) if self >= floor => DriverCompat::MinorVersion { min, floor },
            Some(floor) => DriverCompat::TooOld { needs: floor },
            None => DriverCompat::TooOld { needs: min },
        }
    }
}
