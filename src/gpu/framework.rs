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

/// The CUDA versions each PyTorch and TensorFlow release is built for (`framework_cuda.csv`):
/// PyTorch 1.12–2.14 (its official wheel variants), TensorFlow 2.4–2.19 (its tested
/// configuration), oldest first.
pub const FRAMEWORK_CUDA_BUILDS: &[FrameworkBuilds] = &[
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(1, 12),
        cuda: &[
            CudaVersion::new(10, 2),
            CudaVersion::new(11, 3),
            CudaVersion::new(11, 6),
        ],
        cudnn: None,
        source: "https://pytorch.org/get-started/previous-versions (pytorch/pytorch.github.io _get_started/previous-versions.md); pytorch/pytorch RELEASE.md#release-compatibility-matrix (stable 11.3, experimental 11.6)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(1, 13),
        cuda: &[CudaVersion::new(11, 6), CudaVersion::new(11, 7)],
        cudnn: None,
        source: "https://pytorch.org/get-started/previous-versions (pytorch/pytorch.github.io _get_started/previous-versions.md); pytorch/pytorch RELEASE.md#release-compatibility-matrix (stable 11.6, experimental 11.7)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 0),
        cuda: &[CudaVersion::new(11, 7), CudaVersion::new(11, 8)],
        cudnn: None,
        source: "https://pytorch.org/get-started/previous-versions (pytorch/pytorch.github.io _get_started/previous-versions.md); pytorch/pytorch RELEASE.md#release-compatibility-matrix (stable 11.7, experimental 11.8)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 1),
        cuda: &[CudaVersion::new(11, 8), CudaVersion::new(12, 1)],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix; https://data.pyg.org/whl/nightly/ (torch+cuXXX wheel tags)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 2),
        cuda: &[CudaVersion::new(11, 8), CudaVersion::new(12, 1)],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix; https://data.pyg.org/whl/nightly/ (torch+cuXXX wheel tags); pytorch/pytorch.github.io commit 2234919 (2.2.1 page)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 3),
        cuda: &[CudaVersion::new(11, 8), CudaVersion::new(12, 1)],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix; https://data.pyg.org/whl/nightly/ (torch+cuXXX wheel tags)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 4),
        cuda: &[
            CudaVersion::new(11, 8),
            CudaVersion::new(12, 1),
            CudaVersion::new(12, 4),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix (12.4 experimental); https://data.pyg.org/whl/nightly/ (torch+cuXXX wheel tags)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 5),
        cuda: &[
            CudaVersion::new(11, 8),
            CudaVersion::new(12, 1),
            CudaVersion::new(12, 4),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix; https://pytorch.org/get-started/previous-versions (pytorch/pytorch.github.io _get_started/previous-versions.md) (2.5.1 conda: 11.8/12.1/12.4); https://data.pyg.org/whl/nightly/ (torch+cuXXX wheel tags)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 6),
        cuda: &[
            CudaVersion::new(11, 8),
            CudaVersion::new(12, 4),
            CudaVersion::new(12, 6),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix (12.6 experimental); https://pytorch.org/get-started/previous-versions (pytorch/pytorch.github.io _get_started/previous-versions.md) (v2.6.0 wheels cu118/cu124/cu126)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 7),
        cuda: &[
            CudaVersion::new(11, 8),
            CudaVersion::new(12, 6),
            CudaVersion::new(12, 8),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix (12.8 experimental)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 8),
        cuda: &[
            CudaVersion::new(12, 6),
            CudaVersion::new(12, 8),
            CudaVersion::new(12, 9),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix (12.9 experimental); rusty1s/pytorch_scatter README (torch 2.8: cu126/cu128/cu129)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 9),
        cuda: &[
            CudaVersion::new(12, 6),
            CudaVersion::new(12, 8),
            CudaVersion::new(13, 0),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix (13.0 experimental); https://pytorch.org/get-started/previous-versions (pytorch/pytorch.github.io _get_started/previous-versions.md) (v2.9.0/v2.9.1 wheels cu126/cu128/cu130)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 10),
        cuda: &[
            CudaVersion::new(12, 6),
            CudaVersion::new(12, 8),
            CudaVersion::new(13, 0),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix (13.0 experimental); https://data.pyg.org/whl/nightly/ (torch+cuXXX wheel tags)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 11),
        cuda: &[
            CudaVersion::new(12, 6),
            CudaVersion::new(12, 8),
            CudaVersion::new(13, 0),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix; https://data.pyg.org/whl/nightly/ (torch+cuXXX wheel tags)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 12),
        cuda: &[
            CudaVersion::new(12, 6),
            CudaVersion::new(13, 0),
            CudaVersion::new(13, 2),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix (13.2 experimental); https://data.pyg.org/whl/nightly/ (torch+cuXXX wheel tags)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 13),
        cuda: &[
            CudaVersion::new(12, 6),
            CudaVersion::new(13, 0),
            CudaVersion::new(13, 2),
        ],
        cudnn: None,
        source: "pytorch/pytorch RELEASE.md#release-compatibility-matrix (13.2 experimental); https://data.pyg.org/whl/nightly/ (torch+cuXXX wheel tags)",
    },
    FrameworkBuilds {
        framework: Framework::PyTorch,
        version: FrameworkVersion::new(2, 14),
        cuda: &[
            CudaVersion::new(12, 6),
            CudaVersion::new(13, 0),
            CudaVersion::new(13, 2),
        ],
        cudnn: None,
        source: "pytorch/pytorch PR #194367 (2.14: CUDA 12.6 legacy, 13.0 stable, 13.2 stable and the PyPI default; RFC #190385); released 2 Sept 2026 per RELEASE.md",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 4, 0),
        cuda: &[CudaVersion::new(11, 0)],
        cudnn: Some("8.0"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 5, 0),
        cuda: &[CudaVersion::new(11, 2)],
        cudnn: Some("8.1"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 6, 0),
        cuda: &[CudaVersion::new(11, 2)],
        cudnn: Some("8.1"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 7, 0),
        cuda: &[CudaVersion::new(11, 2)],
        cudnn: Some("8.1"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 8, 0),
        cuda: &[CudaVersion::new(11, 2)],
        cudnn: Some("8.1"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 9, 0),
        cuda: &[CudaVersion::new(11, 2)],
        cudnn: Some("8.1"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 10, 0),
        cuda: &[CudaVersion::new(11, 2)],
        cudnn: Some("8.1"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 11, 0),
        cuda: &[CudaVersion::new(11, 2)],
        cudnn: Some("8.1"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 12, 0),
        cuda: &[CudaVersion::new(11, 8)],
        cudnn: Some("8.6"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 13, 0),
        cuda: &[CudaVersion::new(11, 8)],
        cudnn: Some("8.6"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 14, 0),
        cuda: &[CudaVersion::new(11, 8)],
        cudnn: Some("8.7"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 15, 0),
        cuda: &[CudaVersion::new(12, 2)],
        cudnn: Some("8.9"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 16, 1),
        cuda: &[CudaVersion::new(12, 3)],
        cudnn: Some("8.9"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 17, 0),
        cuda: &[CudaVersion::new(12, 3)],
        cudnn: Some("8.9"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 18, 0),
        cuda: &[CudaVersion::new(12, 5)],
        cudnn: Some("9.3"),
        source: "tensorflow/docs site/en/install/source.md 'Tested build configurations' Linux GPU (https://www.tensorflow.org/install/source#gpu)",
    },
    FrameworkBuilds {
        framework: Framework::TensorFlow,
        version: FrameworkVersion::with_patch(2, 19, 0),
        cuda: &[CudaVersion::new(12, 5)],
        cudnn: Some("9.3"),
        source: "unverified: not in the published tested-configurations table; inferred from tensorflow/tensorflow tensorflow/tools/pip_package/setup.py 'and-cuda' pins (nvidia-cuda-runtime-cu12==12.5.82, nvidia-cudnn-cu12==9.3.0.75) on master while tb-nightly ~=2.19.0.a",
    },
];
/// The compute capabilities compiled into each PyTorch CUDA wheel variant over a range of
/// PyTorch releases (`pytorch_wheel_arch.csv`).
pub const PYTORCH_WHEELS: &[PyTorchWheel] = &[
    PyTorchWheel {
        tag: "cu102",
        cuda: CudaVersion::new(10, 2),
        first: FrameworkVersion::new(1, 12),
        last: FrameworkVersion::new(1, 12),
        capabilities: &[
            ComputeCapability::new(3, 7),
            ComputeCapability::new(5, 0),
            ComputeCapability::new(6, 0),
            ComputeCapability::new(7, 0),
        ],
        source: "secondary copy of pytorch/builder manywheel/build_cuda.sh (unverified against upstream)",
    },
    PyTorchWheel {
        tag: "cu113",
        cuda: CudaVersion::new(11, 3),
        first: FrameworkVersion::new(1, 12),
        last: FrameworkVersion::new(1, 12),
        capabilities: &[
            ComputeCapability::new(3, 7),
            ComputeCapability::new(5, 0),
            ComputeCapability::new(6, 0),
            ComputeCapability::new(7, 0),
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
        ],
        source: "secondary copy of pytorch/builder manywheel/build_cuda.sh (unverified against upstream)",
    },
    PyTorchWheel {
        tag: "cu116",
        cuda: CudaVersion::new(11, 6),
        first: FrameworkVersion::new(1, 12),
        last: FrameworkVersion::new(1, 13),
        capabilities: &[
            ComputeCapability::new(3, 7),
            ComputeCapability::new(5, 0),
            ComputeCapability::new(6, 0),
            ComputeCapability::new(7, 0),
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
        ],
        source: "secondary copy of pytorch/builder manywheel/build_cuda.sh (unverified against upstream)",
    },
    PyTorchWheel {
        tag: "cu117",
        cuda: CudaVersion::new(11, 7),
        first: FrameworkVersion::new(1, 13),
        last: FrameworkVersion::new(2, 0),
        capabilities: &[
            ComputeCapability::new(3, 7),
            ComputeCapability::new(5, 0),
            ComputeCapability::new(6, 0),
            ComputeCapability::new(7, 0),
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
        ],
        source: "secondary copy of pytorch/builder manywheel/build_cuda.sh (unverified against upstream)",
    },
    PyTorchWheel {
        tag: "cu118",
        cuda: CudaVersion::new(11, 8),
        first: FrameworkVersion::new(2, 0),
        last: FrameworkVersion::new(2, 7),
        capabilities: &[
            ComputeCapability::new(3, 7),
            ComputeCapability::new(5, 0),
            ComputeCapability::new(6, 0),
            ComputeCapability::new(7, 0),
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
        ],
        source: "secondary copy of pytorch/builder manywheel/build_cuda.sh; moi90/pytorch_compute_capabilities table.md (2.5.1-2.7.0 cu118 builds list sm_37)",
    },
    PyTorchWheel {
        tag: "cu121",
        cuda: CudaVersion::new(12, 1),
        first: FrameworkVersion::new(2, 1),
        last: FrameworkVersion::new(2, 5),
        capabilities: &[
            ComputeCapability::new(5, 0),
            ComputeCapability::new(6, 0),
            ComputeCapability::new(7, 0),
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
        ],
        source: "secondary copy of pytorch/builder manywheel/build_cuda.sh; moi90/pytorch_compute_capabilities table.md",
    },
    PyTorchWheel {
        tag: "cu124",
        cuda: CudaVersion::new(12, 4),
        first: FrameworkVersion::new(2, 4),
        last: FrameworkVersion::new(2, 6),
        capabilities: &[
            ComputeCapability::new(5, 0),
            ComputeCapability::new(6, 0),
            ComputeCapability::new(7, 0),
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
        ],
        source: "secondary copy of pytorch/builder manywheel/build_cuda.sh; moi90/pytorch_compute_capabilities table.md",
    },
    PyTorchWheel {
        tag: "cu126",
        cuda: CudaVersion::new(12, 6),
        first: FrameworkVersion::new(2, 6),
        last: FrameworkVersion::new(2, 14),
        capabilities: &[
            ComputeCapability::new(5, 0),
            ComputeCapability::new(6, 0),
            ComputeCapability::new(7, 0),
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
        ],
        source: "pytorch/pytorch .ci/manywheel/build_cuda.sh; pytorch/pytorch RELEASE.md CUDA support matrix",
    },
    PyTorchWheel {
        tag: "cu128",
        cuda: CudaVersion::new(12, 8),
        first: FrameworkVersion::new(2, 7),
        last: FrameworkVersion::new(2, 7),
        capabilities: &[
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
            ComputeCapability::new(10, 0),
            ComputeCapability::new(12, 0),
        ],
        source: "pytorch/pytorch .ci/manywheel/build_cuda.sh; moi90/pytorch_compute_capabilities table.md (2.7.0 cu128)",
    },
    PyTorchWheel {
        tag: "cu128",
        cuda: CudaVersion::new(12, 8),
        first: FrameworkVersion::new(2, 8),
        last: FrameworkVersion::new(2, 10),
        capabilities: &[
            ComputeCapability::new(7, 0),
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
            ComputeCapability::new(10, 0),
            ComputeCapability::new(12, 0),
        ],
        source: "pytorch/pytorch .ci/manywheel/build_cuda.sh; pytorch/pytorch issue 157517 (Volta kept, Maxwell and Pascal dropped from 2.8)",
    },
    PyTorchWheel {
        tag: "cu128",
        cuda: CudaVersion::new(12, 8),
        first: FrameworkVersion::new(2, 11),
        last: FrameworkVersion::new(2, 11),
        capabilities: &[
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
            ComputeCapability::new(10, 0),
            ComputeCapability::new(12, 0),
        ],
        source: "pytorch/pytorch PR #175253 'Update release 2.11 to latest supported matrix' (\"Volta Support is dropped from CUDA 12.8 builds\"; 12.8.1: Turing(7.5), Ampere(8.0, 8.6), Hopper(9.0), Blackwell(10.0, 12.0)); RFC #172352; removed from 2.12 by PR #179072",
    },
    PyTorchWheel {
        tag: "cu129",
        cuda: CudaVersion::new(12, 9),
        first: FrameworkVersion::new(2, 8),
        last: FrameworkVersion::new(2, 8),
        capabilities: &[
            ComputeCapability::new(7, 0),
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
            ComputeCapability::new(10, 0),
            ComputeCapability::new(12, 0),
        ],
        source: "pytorch/pytorch .ci/manywheel/build_cuda.sh (plus PTX)",
    },
    PyTorchWheel {
        tag: "cu130",
        cuda: CudaVersion::new(13, 0),
        first: FrameworkVersion::new(2, 9),
        last: FrameworkVersion::new(2, 14),
        capabilities: &[
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
            ComputeCapability::new(10, 0),
            ComputeCapability::new(12, 0),
        ],
        source: "pytorch/pytorch .ci/manywheel/build_env_setup.py@00505f2920c03ce9ef5407faf4981f3e7288da88 TORCH_CUDA_ARCH_LIST_TABLE \"13.0\" x86_64 {75, 80, 86, 90, 100, 120}; RELEASE.md CUDA support matrix. Release wheels carry no PTX (PR #188925) but 2.13.0's, which shipped 12.0+PTX",
    },
    PyTorchWheel {
        tag: "cu132",
        cuda: CudaVersion::new(13, 2),
        first: FrameworkVersion::new(2, 12),
        last: FrameworkVersion::new(2, 14),
        capabilities: &[
            ComputeCapability::new(7, 5),
            ComputeCapability::new(8, 0),
            ComputeCapability::new(8, 6),
            ComputeCapability::new(9, 0),
            ComputeCapability::new(10, 0),
            ComputeCapability::new(12, 0),
        ],
        source: "pytorch/pytorch .ci/manywheel/build_env_setup.py@00505f2920c03ce9ef5407faf4981f3e7288da88 TORCH_CUDA_ARCH_LIST_TABLE \"13.2\" x86_64 {75, 80, 86, 90, 100, 120}; RELEASE.md CUDA support matrix (2.12 experimental; 2.14 the PyPI default, PR #194367)",
    },
];

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
