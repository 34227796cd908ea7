//! GPU architectures and the Azure ML page's CUDA table (FACTS §8).

use crate::macros::name_set;
use crate::{CudaVersion, DocEdition, VmSeries};

/// An NVIDIA GPU architecture, ordered from oldest to newest.
///
/// ```
/// use aml_targets::GpuArchitecture;
///
/// assert!(GpuArchitecture::Kepler < GpuArchitecture::Blackwell);
/// assert_eq!("ada lovelace".parse::<GpuArchitecture>()?, GpuArchitecture::Ada);
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
    strum::VariantNames,
)]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = crate::ParseNameError,
    parse_err_fn = Self::parse_error
)]
#[non_exhaustive]
pub enum GpuArchitecture {
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

name_set!(GpuArchitecture, "GPU architecture");

impl GpuArchitecture {
    /// The page's CUDA-table row for this architecture in `edition`, if it has one.
    #[must_use]
    pub fn page_cuda_row(self, edition: DocEdition) -> Option<&'static PageCudaRow> {
        PAGE_CUDA_TABLE
            .iter()
            .find(|row| row.architecture == self && row.first_edition <= edition)
    }
}

/// One row of the Azure ML page's table "GPU architecture and CUDA": the series with GPUs of
/// one architecture, and the lowest CUDA version the page gives for them.
///
/// The page states lower bounds only ("9.0+"). NVIDIA's upper bounds (Kepler ends at CUDA
/// 11.8; Maxwell, Pascal and Volta at 12.9) are a separate fact from a separate source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PageCudaRow {
    /// The architecture.
    pub architecture: GpuArchitecture,
    /// The series of the row, canonical names.
    pub series: &'static [VmSeries],
    /// The series cell exactly as the page writes it (it uses aliases such as `NCT4_v3`).
    pub page_series: &'static str,
    /// The lowest CUDA version the page gives ("9.0+").
    pub min_cuda: CudaVersion,
    /// The first edition with this row.
    pub first_edition: DocEdition,
    /// Where the row comes from.
    pub source: &'static str,
}

const CUDA_TABLE_SOURCE: &str = "concept-compute-target.md, \"GPU architecture and CUDA\" table";

/// The Azure ML page's CUDA table, newest architecture first as the page orders it. Rows for
/// Kepler through Ampere appear in every edition; the Hopper row from Mar 2026.
pub const PAGE_CUDA_TABLE: &[PageCudaRow] = &[
    PageCudaRow {
        architecture: GpuArchitecture::Hopper,
        series: &[
            VmSeries::NCads_H100_v5,
            VmSeries::ND_H100_v5,
            VmSeries::ND_H200_v5,
        ],
        page_series: "NCadsH100_v5, ND-H100-v5, ND-H200-v5",
        min_cuda: CudaVersion::new(12, 0),
        first_edition: DocEdition::Mar2026,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Ampere,
        series: &[VmSeries::NDasrA100_v4],
        page_series: "NDA100_v4",
        min_cuda: CudaVersion::new(11, 0),
        first_edition: DocEdition::Jan2024,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Turing,
        series: &[VmSeries::NCasT4_v3],
        page_series: "NCT4_v3",
        min_cuda: CudaVersion::new(10, 0),
        first_edition: DocEdition::Jan2024,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Volta,
        series: &[VmSeries::NCv3, VmSeries::NDv2],
        page_series: "NCv3, NDv2",
        min_cuda: CudaVersion::new(9, 0),
        first_edition: DocEdition::Jan2024,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Pascal,
        series: &[VmSeries::NCv2, VmSeries::ND],
        page_series: "NCv2, ND",
        min_cuda: CudaVersion::new(9, 0),
        first_edition: DocEdition::Jan2024,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Maxwell,
        series: &[VmSeries::NV, VmSeries::NVv3],
        page_series: "NV, NVv3",
        min_cuda: CudaVersion::new(9, 0),
        first_edition: DocEdition::Jan2024,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Kepler,
        series: &[VmSeries::NC, VmSeries::NC_Promo],
        page_series: "NC, NC Promo",
        min_cuda: CudaVersion::new(9, 0),
        first_edition: DocEdition::Jan2024,
        source: CUDA_TABLE_SOURCE,
    },
];

/// An NVIDIA CUDA compute capability such as 7.0 (`sm_70`), ordered numerically.
///
/// ```
/// use aml_targets::ComputeCapability;
///
/// let v100: ComputeCapability = "sm_70".parse()?;
/// assert_eq!(v100, ComputeCapability::new(7, 0));
/// assert_eq!("8.6".parse::<ComputeCapability>()?.to_string(), "8.6");
/// assert_eq!(v100.sm(), 70);
/// # Ok::<(), aml_targets::ParseComputeCapabilityError>(())
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
    crate::error::Quoted(.input)
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
        let small = |t: &str| -> Option<u8> {
            let ok = !t.is_empty()
                && t.len() <= 2
                && t.bytes().all(|b| b.is_ascii_digit())
                && !(t.len() > 1 && t.starts_with('0'));
            ok.then(|| t.parse().ok()).flatten()
        };
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
