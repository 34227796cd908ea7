//! GPU architectures, compute capabilities and NVIDIA's CUDA range for each (FACTS §8).

use super::cuda::CudaRange;

crate::macros::name_enum! {
/// An NVIDIA GPU architecture, ordered from oldest to newest: Tesla and Fermi for NVIDIA's
/// tables, Kepler (K80) to Blackwell for Azure's GPUs.
///
/// ```
/// use aml_targets::GpuArchitecture;
///
/// assert!(GpuArchitecture::Kepler < GpuArchitecture::Blackwell);
/// assert_eq!("ada lovelace".parse::<GpuArchitecture>()?, GpuArchitecture::Ada);
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
#[non_exhaustive]
pub enum GpuArchitecture ("GPU architecture") {
    /// Tesla (compute capability 1.x).
    #[strum(to_string = "Tesla")]
    Tesla,
    /// Fermi (2.x).
    #[strum(to_string = "Fermi")]
    Fermi,
    /// Kepler (K80: compute capability 3.7).
    #[strum(to_string = "Kepler")]
    Kepler,
    /// Maxwell (M60: 5.2).
    #[strum(to_string = "Maxwell")]
    Maxwell,
    /// Pascal (P100: 6.0, P40: 6.1).
    #[strum(to_string = "Pascal")]
    Pascal,
    /// Volta (V100: 7.0).
    #[strum(to_string = "Volta")]
    Volta,
    /// Turing (T4: 7.5).
    #[strum(to_string = "Turing")]
    Turing,
    /// Ampere (A100: 8.0, A10: 8.6).
    #[strum(to_string = "Ampere")]
    Ampere,
    /// Ada Lovelace (8.9).
    #[strum(
        to_string = "Ada",
        serialize = "Ada Lovelace",
        serialize = "AdaLovelace"
    )]
    Ada,
    /// Hopper (H100, H200: 9.0).
    #[strum(to_string = "Hopper")]
    Hopper,
    /// Blackwell (10.0 and later).
    #[strum(to_string = "Blackwell")]
    Blackwell,
}
}

impl GpuArchitecture {
    /// The last NVIDIA driver branch that supports the architecture (Fermi R390, Kepler
    /// R470, Maxwell, Pascal and Volta R580); `None` while NVIDIA still supports it.
    #[must_use]
    pub const fn last_driver_branch(self) -> Option<u16> {
        match self {
            GpuArchitecture::Fermi => Some(390),
            GpuArchitecture::Kepler => Some(470),
            GpuArchitecture::Maxwell | GpuArchitecture::Pascal | GpuArchitecture::Volta => {
                Some(580)
            }
            GpuArchitecture::Tesla
            | GpuArchitecture::Turing
            | GpuArchitecture::Ampere
            | GpuArchitecture::Ada
            | GpuArchitecture::Hopper
            | GpuArchitecture::Blackwell => None,
        }
    }

    /// NVIDIA's rows for the architecture's compute capabilities.
    pub fn nvidia_cuda_rows(self) -> impl Iterator<Item = &'static NvidiaCudaSupport> {
        NVIDIA_CUDA_SUPPORT
            .iter()
            .filter(move |row| row.architecture == self)
    }
}

/// An NVIDIA CUDA compute capability such as 7.0 (`sm_70`), ordered numerically.
///
/// ```
/// use aml_targets::gpu::ComputeCapability;
///
/// let v100: ComputeCapability = "sm_70".parse()?;
/// assert_eq!(v100, ComputeCapability::new(7, 0));
/// assert_eq!("8.6".parse::<ComputeCapability>()?.to_string(), "8.6");
/// assert_eq!(v100.sm(), 70);
/// # Ok::<(), aml_targets::gpu::ParseComputeCapabilityError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ComputeCapability {
    major: u8,
    minor: u8,
}

/// Why a string is not a [`ComputeCapability`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid compute capability {}: expected MAJOR.MINOR (7.0) or sm_XY (sm_70)",
    crate::text::Quoted(.input)
)]
pub struct ParseComputeCapabilityError {
    input: String,
}

impl ComputeCapability {
    /// `major.minor`.
    #[must_use]
    pub const fn new(major: u8, minor: u8) -> ComputeCapability {
        ComputeCapability { major, minor }
    }

    /// The major number (the architecture generation).
    #[must_use]
    pub const fn major(self) -> u8 {
        self.major
    }

    /// The minor number.
    #[must_use]
    pub const fn minor(self) -> u8 {
        self.minor
    }

    /// The number of the `sm_XY` spelling: `major * 10 + minor` (70 for 7.0, 120 for 12.0).
    #[must_use]
    pub const fn sm(self) -> u16 {
        self.major as u16 * 10 + self.minor as u16
    }

    /// Parses `7.0` or `sm_70`, the same as `FromStr`.
    ///
    /// # Errors
    ///
    /// [`ParseComputeCapabilityError`] quoting the input.
    pub fn parse(s: &str) -> Result<ComputeCapability, ParseComputeCapabilityError> {
        s.parse()
    }
}

impl std::fmt::Display for ComputeCapability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl std::fmt::Debug for ComputeCapability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ComputeCapability({self})")
    }
}

impl std::str::FromStr for ComputeCapability {
    type Err = ParseComputeCapabilityError;

    fn from_str(s: &str) -> Result<ComputeCapability, ParseComputeCapabilityError> {
        let err = || ParseComputeCapabilityError {
            input: s.to_owned(),
        };
        let small = |t: &str| crate::text::decimal::<u8>(t, 2);
        if let Some((major, minor)) = s.split_once('.') {
            return match (small(major), minor.len() == 1, small(minor)) {
                (Some(major), true, Some(minor)) => Ok(ComputeCapability { major, minor }),
                _ => Err(err()),
            };
        }
        let digits = s
            .get(..3)
            .filter(|p| p.eq_ignore_ascii_case("sm_"))
            .and_then(|_| s.get(3..))
            .ok_or_else(err)?;
        // sm_XY or sm_XXY: the last digit is the minor version.
        if !(2..=3).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let (major, minor) = digits.split_at(digits.len() - 1);
        match (small(major), small(minor)) {
            (Some(major), Some(minor)) if major > 0 => Ok(ComputeCapability { major, minor }),
            _ => Err(err()),
        }
    }
}

crate::macros::serde_via_str!(ComputeCapability, "a compute capability such as 7.0");

impl ComputeCapability {
    /// NVIDIA's first and last CUDA toolkit for this compute capability, or `None` for a
    /// capability NVIDIA's tables do not list.
    ///
    /// ```
    /// use aml_targets::CudaVersion;
    /// use aml_targets::gpu::ComputeCapability;
    ///
    /// let k80 = ComputeCapability::new(3, 7).nvidia_cuda().unwrap();
    /// assert_eq!(k80.cuda.max(), Some(CudaVersion::new(11, 8)));
    /// let v100 = ComputeCapability::new(7, 0).nvidia_cuda().unwrap();
    /// assert_eq!((v100.cuda.min(), v100.cuda.max()), (CudaVersion::new(9, 0), Some(CudaVersion::new(12, 9))));
    /// assert_eq!(ComputeCapability::new(7, 5).nvidia_cuda().unwrap().cuda.max(), None);
    /// ```
    #[must_use]
    pub fn nvidia_cuda(self) -> Option<&'static NvidiaCudaSupport> {
        NVIDIA_CUDA_SUPPORT
            .iter()
            .find(|row| row.capabilities.contains(&self))
    }

    /// Whether a GPU of this capability runs machine code (a cubin) compiled for `compiled`:
    /// only within the same major version, at an equal or higher minor (sm_60 code runs on
    /// 6.1, not on 7.0). PTX, compiled just in time, runs forward on any newer GPU.
    #[must_use]
    pub const fn runs_cubin_for(self, compiled: ComputeCapability) -> bool {
        self.major == compiled.major && self.minor >= compiled.minor
    }
}

/// NVIDIA's CUDA toolkit range for a set of compute capabilities (`data/cuda_arch_support.csv`):
/// the first toolkit that compiles for them and the last one (`None` while support goes on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct NvidiaCudaSupport {
    /// The architecture.
    pub architecture: GpuArchitecture,
    /// The architecture as the source labels the row (`"Ampere (Jetson Orin)"`).
    pub label: &'static str,
    /// The compute capabilities of the row.
    pub capabilities: &'static [ComputeCapability],
    /// First and last toolkit.
    pub cuda: CudaRange,
    /// Qualifications the source attaches to the figures, or `""`.
    pub note: &'static str,
    /// Where the figures come from.
    pub source: &'static str,
}

/// NVIDIA's first and last CUDA toolkit per compute capability, oldest architecture first
/// (NVIDIA's "CUDA Toolkit, Driver and Architecture Matrix", the CUDA 12.0 and 13.0 release
/// notes, LLVM's `NVPTXTargetParser.def`). Kepler 3.5/3.7 (K80) ends at 11.8; Maxwell, Pascal
/// and Volta at 12.9; Turing 7.5 is CUDA 13's minimum.
///
/// ```
/// use aml_targets::gpu::{ComputeCapability, NVIDIA_CUDA_SUPPORT};
///
/// let k80 = NVIDIA_CUDA_SUPPORT
///     .iter()
///     .find(|row| row.capabilities.contains(&ComputeCapability::new(3, 7)))
///     .unwrap();
/// assert_eq!(k80.cuda.max().unwrap().to_string(), "11.8");
/// ```
pub const NVIDIA_CUDA_SUPPORT: &[NvidiaCudaSupport] = &super::data::NVIDIA_CUDA_SUPPORT;
