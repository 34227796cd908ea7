//! Framework builds (PyTorch, TensorFlow) against GPUs, and the CUDA and framework hints in
//! Azure ML environment and image names (FACTS §8).

use std::fmt;
use std::str::FromStr;

use super::arch::ComputeCapability;
use super::cuda::{CudaRange, CudaVersion};
use crate::macros::serde_via_str;
use crate::text::Quoted;

crate::macros::name_enum! {
/// A deep-learning framework with CUDA builds.
#[non_exhaustive]
pub enum Framework ("framework") {
    /// PyTorch (`torch`).
    #[strum(to_string = "pytorch", serialize = "torch")]
    PyTorch,
    /// TensorFlow (`tf`).
    #[strum(to_string = "tensorflow", serialize = "tf")]
    TensorFlow,
}
}

/// A framework release, `MAJOR.MINOR[.PATCH]` (`2.7`, `2.16.1`). Builds are looked up by
/// `MAJOR.MINOR`: every 2.7.x shares 2.7's CUDA builds.
///
/// ```
/// use aml_targets::gpu::FrameworkVersion;
///
/// let v: FrameworkVersion = "2.16.1".parse()?;
/// assert_eq!((v.major(), v.minor(), v.patch()), (2, 16, Some(1)));
/// assert!(v > "2.9".parse()?);
/// # Ok::<(), aml_targets::gpu::ParseFrameworkVersionError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FrameworkVersion {
    major: u16,
    minor: u16,
    patch: Option<u16>,
}

/// Why a string is not a [`FrameworkVersion`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid framework version {}: expected MAJOR.MINOR[.PATCH] such as 2.7 or 2.16.1", Quoted(.input))]
pub struct ParseFrameworkVersionError {
    input: String,
}

impl FrameworkVersion {
    /// `major.minor`.
    #[must_use]
    pub const fn new(major: u16, minor: u16) -> FrameworkVersion {
        FrameworkVersion {
            major,
            minor,
            patch: None,
        }
    }

    /// `major.minor.patch`.
    #[must_use]
    pub const fn with_patch(major: u16, minor: u16, patch: u16) -> FrameworkVersion {
        FrameworkVersion {
            major,
            minor,
            patch: Some(patch),
        }
    }

    /// The major version.
    #[must_use]
    pub const fn major(self) -> u16 {
        self.major
    }

    /// The minor version.
    #[must_use]
    pub const fn minor(self) -> u16 {
        self.minor
    }

    /// The patch version, when given.
    #[must_use]
    pub const fn patch(self) -> Option<u16> {
        self.patch
    }

    /// `(major, minor)`, the key builds are looked up by.
    const fn release(self) -> (u16, u16) {
        (self.major, self.minor)
    }

    fn parse_opt(s: &str) -> Option<FrameworkVersion> {
        let num = |p: &str| crate::text::decimal::<u16>(p, 4);
        let mut parts = s.split('.');
        let major = num(parts.next()?)?;
        let minor = num(parts.next()?)?;
        let patch = match parts.next() {
            None => None,
            Some(p) => Some(num(p)?),
        };
        parts.next().is_none().then_some(FrameworkVersion {
            major,
            minor,
            patch,
        })
    }
}

impl fmt::Display for FrameworkVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)?;
        if let Some(p) = self.patch {
            write!(f, ".{p}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for FrameworkVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FrameworkVersion({self})")
    }
}

impl FromStr for FrameworkVersion {
    type Err = ParseFrameworkVersionError;

    fn from_str(s: &str) -> Result<FrameworkVersion, ParseFrameworkVersionError> {
        FrameworkVersion::parse_opt(s).ok_or_else(|| ParseFrameworkVersionError {
            input: s.to_owned(),
        })
    }
}

serde_via_str!(FrameworkVersion, "a framework version such as 2.7");

/// The CUDA builds of one framework release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct FrameworkBuilds {
    /// The framework.
    pub framework: Framework,
    /// The release (TensorFlow rows name the tested patch, e.g. 2.16.1).
    pub version: FrameworkVersion,
    /// The CUDA versions built for (PyTorch) or tested with (TensorFlow), oldest first.
    pub cuda: &'static [CudaVersion],
    /// The tested cuDNN version (TensorFlow).
    pub cudnn: Option<&'static str>,
    /// Where the row comes from.
    pub source: &'static str,
}

/// The compute capabilities compiled into a PyTorch CUDA wheel variant (`cu118`, …) for a
/// range of PyTorch releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PyTorchWheel {
    /// The wheel tag, e.g. `"cu118"`.
    pub tag: &'static str,
    /// The CUDA version of the variant.
    pub cuda: CudaVersion,
    /// The first PyTorch release with these capabilities.
    pub first: FrameworkVersion,
    /// The last PyTorch release with these capabilities.
    pub last: FrameworkVersion,
    /// The compute capabilities compiled in.
    pub capabilities: &'static [ComputeCapability],
    /// Where the row comes from.
    pub source: &'static str,
}

impl PyTorchWheel {
    /// Whether the row describes PyTorch `version`'s wheel.
    #[must_use]
    pub fn covers(&self, version: FrameworkVersion) -> bool {
        (self.first.release()..=self.last.release()).contains(&version.release())
    }

    /// The compiled capability whose machine code runs on `gpu`, if any.
    #[must_use]
    pub fn runs_on(&self, gpu: ComputeCapability) -> Option<ComputeCapability> {
        self.capabilities
            .iter()
            .copied()
            .filter(|&c| gpu.runs_cubin_for(c))
            .max()
    }
}

impl Framework {
    /// The releases this crate knows, oldest first.
    #[must_use]
    pub fn releases(self) -> impl DoubleEndedIterator<Item = &'static FrameworkBuilds> {
        FRAMEWORK_CUDA_BUILDS
            .iter()
            .filter(move |b| b.framework == self)
    }

    /// The CUDA builds of `version` (matched by major.minor), or `None` for a release this
    /// crate does not know.
    ///
    /// ```
    /// use aml_targets::{CudaVersion, Framework};
    /// use aml_targets::gpu::FrameworkVersion;
    ///
    /// let b = Framework::PyTorch.builds(FrameworkVersion::new(2, 0)).unwrap();
    /// assert_eq!(b.cuda, [CudaVersion::new(11, 7), CudaVersion::new(11, 8)]);
    /// ```
    #[must_use]
    pub fn builds(self, version: FrameworkVersion) -> Option<&'static FrameworkBuilds> {
        self.releases()
            .find(|b| b.version.release() == version.release())
    }
}

/// Why a framework build runs on a GPU or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BuildReason {
    /// The series has no GPU.
    NoGpu,
    /// The GPU is not NVIDIA's.
    NotNvidia,
    /// The GPU's compute capability is unknown.
    UnknownCapability,
    /// PyTorch: the wheel has machine code for the GPU (compiled for this capability).
    WheelHasCapability {
        /// The compiled capability that runs on the GPU.
        compiled: ComputeCapability,
    },
    /// PyTorch: the wheel has no machine code for the GPU's capability.
    WheelLacksCapability {
        /// The GPU's capability.
        gpu: ComputeCapability,
    },
    /// PyTorch: this crate has no compute-capability list for the wheel.
    NoWheelData,
    /// TensorFlow: the tested CUDA version is within NVIDIA's range for the GPU.
    CudaInRange {
        /// NVIDIA's range for the GPU.
        range: CudaRange,
    },
    /// TensorFlow: the tested CUDA version is outside NVIDIA's range for the GPU.
    CudaOutOfRange {
        /// NVIDIA's range for the GPU.
        range: CudaRange,
    },
}

impl fmt::Display for BuildReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildReason::NoGpu => f.write_str("no GPU"),
            BuildReason::NotNvidia => f.write_str("the GPU is not NVIDIA's"),
            BuildReason::UnknownCapability => {
                f.write_str("the GPU's compute capability is unknown")
            }
            BuildReason::WheelHasCapability { compiled } => {
                write!(f, "the wheel has code for sm_{}", compiled.sm())
            }
            BuildReason::WheelLacksCapability { gpu } => write!(
                f,
                "the wheel has no code for the GPU's compute capability {gpu} (sm_{})",
                gpu.sm()
            ),
            BuildReason::NoWheelData => f.write_str("no compute-capability data for the wheel"),
            BuildReason::CudaInRange { range } => write!(f, "within NVIDIA's {range} for the GPU"),
            BuildReason::CudaOutOfRange { range } => {
                write!(f, "outside NVIDIA's {range} for the GPU")
            }
        }
    }
}

/// Whether one CUDA build of a framework release runs on a series' GPU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct BuildVerdict {
    /// The framework.
    pub framework: Framework,
    /// The release as the builds table names it.
    pub version: FrameworkVersion,
    /// The CUDA version of the build.
    pub cuda: CudaVersion,
    /// `Some(true)` runs, `Some(false)` does not, `None` unknown.
    pub runs: Option<bool>,
    /// Why.
    pub reason: BuildReason,
    /// The wheel row or builds row the answer rests on.
    pub source: &'static str,
}

/// What a GPU is, for build checks.
pub(crate) enum GpuKind {
    /// No GPU.
    None,
    /// A GPU that is not NVIDIA's.
    NotNvidia,
    /// An NVIDIA GPU of unknown compute capability.
    Unknown,
    /// An NVIDIA GPU.
    Nvidia(ComputeCapability),
}

/// Whether the build of `row` for `cuda` runs on `gpu`.
pub(crate) fn judge_build(
    row: &'static FrameworkBuilds,
    cuda: CudaVersion,
    gpu: &GpuKind,
) -> BuildVerdict {
    let verdict = |runs, reason, source| BuildVerdict {
        framework: row.framework,
        version: row.version,
        cuda,
        runs,
        reason,
        source,
    };
    let cc = match gpu {
        GpuKind::None => return verdict(Some(false), BuildReason::NoGpu, row.source),
        GpuKind::NotNvidia => return verdict(Some(false), BuildReason::NotNvidia, row.source),
        GpuKind::Unknown => return verdict(None, BuildReason::UnknownCapability, row.source),
        GpuKind::Nvidia(cc) => *cc,
    };
    match row.framework {
        Framework::PyTorch => {
            let wheel = PYTORCH_WHEELS
                .iter()
                .find(|w| w.cuda == cuda.toolkit() && w.covers(row.version));
            match wheel {
                None => verdict(None, BuildReason::NoWheelData, row.source),
                Some(w) => match w.runs_on(cc) {
                    Some(compiled) => verdict(
                        Some(true),
                        BuildReason::WheelHasCapability { compiled },
                        w.source,
                    ),
                    None => verdict(
                        Some(false),
                        BuildReason::WheelLacksCapability { gpu: cc },
                        w.source,
                    ),
                },
            }
        }
        Framework::TensorFlow => match cc.nvidia_cuda() {
            None => verdict(None, BuildReason::UnknownCapability, row.source),
            Some(n) if n.cuda.contains(cuda) => verdict(
                Some(true),
                BuildReason::CudaInRange { range: n.cuda },
                n.source,
            ),
            Some(n) => verdict(
                Some(false),
                BuildReason::CudaOutOfRange { range: n.cuda },
                n.source,
            ),
        },
    }
}

/// The CUDA versions each PyTorch and TensorFlow release is built for (`data/framework_cuda.csv`):
/// PyTorch 1.12–2.14 (its official wheel variants), TensorFlow 2.4–2.19 (its tested
/// configuration), oldest first.
pub const FRAMEWORK_CUDA_BUILDS: &[FrameworkBuilds] = &super::data::FRAMEWORK_CUDA_BUILDS;
/// The compute capabilities compiled into each PyTorch CUDA wheel variant over a range of
/// PyTorch releases (`data/pytorch_wheel_arch.csv`).
pub const PYTORCH_WHEELS: &[PyTorchWheel] = &super::data::PYTORCH_WHEELS;

/// What an Azure ML environment or image name says about its CUDA and framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct EnvironmentHints {
    /// The CUDA version named (`cuda11.8`, `cu121`, `cuda12` → 12.0).
    pub cuda: Option<CudaVersion>,
    /// The framework and release named (`pytorch-1.13`, `torch==2.1.0`, `tensorflow:2.15.0`).
    pub framework: Option<(Framework, FrameworkVersion)>,
    /// The name says `cpu`.
    pub cpu: bool,
    /// The name says `gpu`.
    pub gpu: bool,
}

impl EnvironmentHints {
    /// Whether the name says the workload needs a GPU: it says `gpu`, or it names a
    /// deep-learning framework built for CUDA. A CUDA base image alone
    /// (`openmpi4.1.0-cuda12.1-…`) does not: such images run CPU jobs too.
    ///
    /// ```
    /// use aml_targets::gpu::environment_hints;
    ///
    /// assert!(environment_hints("AzureML-ACPT-pytorch-2.2-cuda12.1-gpu").needs_gpu());
    /// assert!(environment_hints("pytorch-2.1-cuda12.1").needs_gpu());
    /// assert!(!environment_hints("mcr.microsoft.com/azureml/openmpi4.1.0-cuda12.1-cudnn8-ubuntu22.04").needs_gpu());
    /// ```
    #[must_use]
    pub fn needs_gpu(&self) -> bool {
        self.gpu || (self.cuda.is_some() && self.framework.is_some())
    }

    /// Whether the name gave no hint at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == EnvironmentHints::default()
    }
}

/// Strips an ASCII-case-insensitive prefix.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .map(|_| &s[prefix.len()..])
}

/// A framework name at the start of a token, and the rest of the token.
fn framework_prefix(token: &str) -> Option<(Framework, &str)> {
    const NAMES: [(&str, Framework); 4] = [
        ("pytorch", Framework::PyTorch),
        ("torch", Framework::PyTorch),
        ("tensorflow", Framework::TensorFlow),
        ("tf", Framework::TensorFlow),
    ];
    NAMES
        .iter()
        .find_map(|(name, fw)| strip_prefix_ci(token, name).map(|rest| (*fw, rest)))
}

/// A framework version as names write it; NGC's `YY.MM` tags (`23.10`) are not releases.
fn framework_version(s: &str) -> Option<FrameworkVersion> {
    FrameworkVersion::parse_opt(s).filter(|v| v.major < 10)
}

/// Reads the CUDA and framework hints out of an Azure ML environment or image name as users
/// write them. Unknown names give no hint, never an error; nothing is allocated.
///
/// ```
/// use aml_targets::{CudaVersion, Framework};
/// use aml_targets::gpu::{FrameworkVersion, environment_hints};
///
/// let h = environment_hints("mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04:latest");
/// assert_eq!(h.cuda, Some(CudaVersion::new(11, 8)));
/// let h = environment_hints("AzureML-ACPT-pytorch-1.13-py38-cuda11.7-gpu");
/// assert_eq!(h.cuda, Some(CudaVersion::new(11, 7)));
/// assert_eq!(h.framework, Some((Framework::PyTorch, FrameworkVersion::new(1, 13))));
/// assert!(h.gpu);
/// assert!(environment_hints("my-custom-env:3").is_empty());
/// ```
#[must_use]
pub fn environment_hints(name: &str) -> EnvironmentHints {
    const DELIMITERS: [char; 11] = ['-', '_', ':', '/', '@', '+', '=', ' ', ',', ';', '!'];
    let mut hints = EnvironmentHints::default();
    let mut tokens = name.split(DELIMITERS).filter(|t| !t.is_empty()).peekable();
    while let Some(token) = tokens.next() {
        if token.eq_ignore_ascii_case("cpu") {
            hints.cpu = true;
            continue;
        }
        if token.eq_ignore_ascii_case("gpu") {
            hints.gpu = true;
            continue;
        }
        if hints.cuda.is_none() {
            if let Some(rest) = strip_prefix_ci(token, "cuda") {
                let version = if rest.is_empty() {
                    tokens
                        .peek()
                        .and_then(|next| CudaVersion::parse_plain(next).ok())
                } else {
                    CudaVersion::parse_plain(rest.trim_start_matches('.')).ok()
                };
                if version.is_some() {
                    hints.cuda = version;
                    continue;
                }
            } else if let Some(rest) = strip_prefix_ci(token, "cu") {
                if let Ok(v) = CudaVersion::parse_wheel_tag(rest) {
                    hints.cuda = Some(v);
                    continue;
                }
            }
        }
        if hints.framework.is_none() {
            if let Some((fw, rest)) = framework_prefix(token) {
                let version = if rest.is_empty() {
                    tokens.peek().and_then(|next| framework_version(next))
                } else {
                    framework_version(rest)
                };
                if let Some(v) = version {
                    hints.framework = Some((fw, v));
                }
            }
        }
    }
    hints
}

/// As its sentence.
#[cfg(feature = "serde")]
impl serde::Serialize for BuildReason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
