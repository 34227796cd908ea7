//! GPU architectures, compute capabilities and NVIDIA's CUDA range for each (FACTS §8).

use super::cuda::{CudaRange, CudaVersion};

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

/// NVIDIA's CUDA toolkit range for a set of compute capabilities (`cuda_arch_support.csv`):
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

const fn arch_row(
    architecture: GpuArchitecture,
    label: &'static str,
    capabilities: &'static [ComputeCapability],
    first: CudaVersion,
    last: Option<CudaVersion>,
    note: &'static str,
    source: &'static str,
) -> NvidiaCudaSupport {
    NvidiaCudaSupport {
        architecture,
        label,
        capabilities,
        cuda: CudaRange::between(first, last),
        note,
        source,
    }
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
pub const NVIDIA_CUDA_SUPPORT: &[NvidiaCudaSupport] = &[
    arch_row(
        GpuArchitecture::Tesla,
        "Tesla",
        &[
            ComputeCapability::new(1, 0),
            ComputeCapability::new(1, 1),
            ComputeCapability::new(1, 2),
            ComputeCapability::new(1, 3),
        ],
        CudaVersion::new(1, 0),
        Some(CudaVersion::new(6, 5)),
        "",
        "unverified (secondary: Wikipedia-derived tables, e.g. https://blog.csdn.net/m0_63769180/article/details/128457754)",
    ),
    arch_row(
        GpuArchitecture::Fermi,
        "Fermi",
        &[ComputeCapability::new(2, 0), ComputeCapability::new(2, 1)],
        CudaVersion::new(3, 0),
        Some(CudaVersion::new(8, 0)),
        "",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html; llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_20/sm_21 max CUDA_80); last driver R390",
    ),
    arch_row(
        GpuArchitecture::Kepler,
        "Kepler",
        &[ComputeCapability::new(3, 0), ComputeCapability::new(3, 2)],
        CudaVersion::new(6, 0),
        Some(CudaVersion::new(10, 2)),
        "first CUDA: 6.0 (per NVIDIA matrix; sm_30 existed in earlier toolkits - unverified)",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html (last 'CUDA 10.x', driver R470); llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (max CUDA_102); https://docs.nvidia.com/cuda/archive/12.6.3/cufft/deprecated-functionality.html (SM30 dropped in 11.0)",
    ),
    arch_row(
        GpuArchitecture::Kepler,
        "Kepler",
        &[ComputeCapability::new(3, 5), ComputeCapability::new(3, 7)],
        CudaVersion::new(6, 0),
        Some(CudaVersion::new(11, 8)),
        "first CUDA: 6.0 (per NVIDIA matrix; sm_35 earlier and sm_37 from 6.5 - unverified)",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html (last 'CUDA 11.x', driver R470); llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (max CUDA_118); https://docs.nvidia.com/cuda/archive/12.6.3/cufft/deprecated-functionality.html (SM35/SM37 unsupported from 12.0)",
    ),
    arch_row(
        GpuArchitecture::Maxwell,
        "Maxwell",
        &[
            ComputeCapability::new(5, 0),
            ComputeCapability::new(5, 2),
            ComputeCapability::new(5, 3),
        ],
        CudaVersion::new(6, 5),
        Some(CudaVersion::new(12, 9)),
        "first CUDA: 6.5 (NVIDIA matrix; Maxwell Compatibility Guide describes sm_50 support from CUDA 6.0)",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html (last 'CUDA 12.x', driver R580); CUDA 13.0 release notes, Deprecated Architectures (https://docs.nvidia.com/cuda/archive/13.0.0/cuda-toolkit-release-notes/index.html); https://docs.nvidia.com/cuda/maxwell-compatibility-guide",
    ),
    arch_row(
        GpuArchitecture::Pascal,
        "Pascal",
        &[
            ComputeCapability::new(6, 0),
            ComputeCapability::new(6, 1),
            ComputeCapability::new(6, 2),
        ],
        CudaVersion::new(8, 0),
        Some(CudaVersion::new(12, 9)),
        "",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html (last 'CUDA 12.x', driver R580); CUDA 13.0 release notes, Deprecated Architectures (https://docs.nvidia.com/cuda/archive/13.0.0/cuda-toolkit-release-notes/index.html); llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (min CUDA_80)",
    ),
    arch_row(
        GpuArchitecture::Volta,
        "Volta",
        &[ComputeCapability::new(7, 0)],
        CudaVersion::new(9, 0),
        Some(CudaVersion::new(12, 9)),
        "",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html (last 'CUDA 12.x', driver R580); CUDA 13.0 release notes, Deprecated Architectures (https://docs.nvidia.com/cuda/archive/13.0.0/cuda-toolkit-release-notes/index.html); llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (min CUDA_90)",
    ),
    arch_row(
        GpuArchitecture::Volta,
        "Volta",
        &[ComputeCapability::new(7, 2)],
        CudaVersion::new(9, 1),
        Some(CudaVersion::new(12, 9)),
        "",
        "llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_72 min CUDA_91); CUDA 13.0 release notes, Deprecated Architectures (https://docs.nvidia.com/cuda/archive/13.0.0/cuda-toolkit-release-notes/index.html)",
    ),
    arch_row(
        GpuArchitecture::Turing,
        "Turing",
        &[ComputeCapability::new(7, 5)],
        CudaVersion::new(10, 0),
        None,
        "",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html; llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def; https://developer.nvidia.com/blog/navigating-gpu-architecture-support-a-guide-for-nvidia-cuda-developers (CUDA 13 floor is CC 7.5)",
    ),
    arch_row(
        GpuArchitecture::Ampere,
        "Ampere",
        &[ComputeCapability::new(8, 0)],
        CudaVersion::new(11, 0),
        None,
        "",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html; llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_80 min CUDA_110)",
    ),
    arch_row(
        GpuArchitecture::Ampere,
        "Ampere",
        &[ComputeCapability::new(8, 6)],
        CudaVersion::new(11, 1),
        None,
        "",
        "llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_86 min CUDA_111); pytorch/pytorch cmake/Modules_CUDA_fix/upstream/FindCUDA/select_compute_arch.cmake; NOTE https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html groups 8.0/8.6 under CUDA 11.0",
    ),
    arch_row(
        GpuArchitecture::Ampere,
        "Ampere (Jetson Orin)",
        &[ComputeCapability::new(8, 7)],
        CudaVersion::new(11, 4),
        None,
        "",
        "llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_87 min CUDA_114)",
    ),
    arch_row(
        GpuArchitecture::Ada,
        "Ada Lovelace",
        &[ComputeCapability::new(8, 9)],
        CudaVersion::new(11, 8),
        None,
        "",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html; llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def",
    ),
    arch_row(
        GpuArchitecture::Hopper,
        "Hopper",
        &[ComputeCapability::new(9, 0)],
        CudaVersion::new(11, 8),
        None,
        "",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html (lists CUDA 11.8 and CUDA 12.0); llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_90 min CUDA_118; sm_90a min CUDA_120)",
    ),
    arch_row(
        GpuArchitecture::Blackwell,
        "Blackwell",
        &[ComputeCapability::new(10, 0)],
        CudaVersion::new(12, 8),
        None,
        "",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html; llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_100 min CUDA_128)",
    ),
    arch_row(
        GpuArchitecture::Blackwell,
        "Blackwell",
        &[ComputeCapability::new(10, 3)],
        CudaVersion::new(12, 9),
        None,
        "",
        "llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_103 min CUDA_129)",
    ),
    arch_row(
        GpuArchitecture::Blackwell,
        "Blackwell (Thor)",
        &[ComputeCapability::new(11, 0)],
        CudaVersion::new(13, 0),
        None,
        "first CUDA: 13.0 (sm_101: 12.8); last CUDA: ongoing (sm_101 name: last 12.9); compute capabilities: 11.0 (was 10.1 in CUDA 12.8-12.9)",
        "llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_101 CUDA_128..CUDA_129; sm_110 min CUDA_130); https://docs.nvidia.com/cuda/curanddx/0.2.4/release_notes.html (sm_101 renamed sm_110 from CUDA 13.0)",
    ),
    arch_row(
        GpuArchitecture::Blackwell,
        "Blackwell (Thor)",
        &[ComputeCapability::new(10, 1)],
        CudaVersion::new(12, 8),
        Some(CudaVersion::new(12, 9)),
        "sm_101, the name of Thor's compute capability in CUDA 12.8-12.9; CUDA 13.0 renamed it sm_110 (the row above)",
        "llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_101 CUDA_128..CUDA_129; sm_110 min CUDA_130); https://docs.nvidia.com/cuda/curanddx/0.2.4/release_notes.html (sm_101 renamed sm_110 from CUDA 13.0)",
    ),
    arch_row(
        GpuArchitecture::Blackwell,
        "Blackwell",
        &[ComputeCapability::new(12, 0)],
        CudaVersion::new(12, 8),
        None,
        "",
        "https://docs.nvidia.com/datacenter/tesla/drivers/cuda-toolkit-driver-and-architecture-matrix.html; llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_120 min CUDA_128)",
    ),
    arch_row(
        GpuArchitecture::Blackwell,
        "Blackwell",
        &[ComputeCapability::new(12, 1)],
        CudaVersion::new(12, 9),
        None,
        "",
        "llvm/llvm-project llvm/include/llvm/TargetParser/NVPTXTargetParser.def (sm_121 min CUDA_129)",
    ),
];
