//! VM series Azure ML names: the page's supported-series table, the series its retirements
//! name, and the series of the embedded size data (FACTS §4).

use crate::{CudaVersion, DocEdition, GpuArchitecture};

crate::macros::name_enum! {
/// A family of Azure VM sizes, as Azure ML's pages name it.
///
/// `Display` prints the page's spelling; `FromStr` also takes the other spellings the pages
/// use for the same series (`NCT4_v3`, `NDA100_v4`, `ND-H100-v5`, `NCadsH100_v5`,
/// `NCA100_v4`, …), ignoring ASCII case.
///
/// ```
/// use aml_targets::{DocEdition, SupportedBy, VmCategory, VmSeries};
///
/// let s: VmSeries = "nct4_v3".parse()?;
/// assert_eq!(s, VmSeries::NCasT4_v3);
/// assert_eq!(s.to_string(), "NCasT4_v3");
/// assert_eq!(s.category(), VmCategory::Gpu);
/// assert_eq!(VmSeries::FX.supported_by(DocEdition::LATEST), Some(SupportedBy::ClustersOnly));
/// assert_eq!(VmSeries::Av2.supported_by(DocEdition::Jan2024), None);
/// # Ok::<(), aml_targets::ParseNameError>(())
/// ```
#[non_exhaustive]
// Variants are spelled as Azure spells the series, so `VmSeries::NCasT4_v3` reads like the docs.
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum VmSeries ("VM series") {
    // The Jan 2024 table, in the page's order.
    /// Ddsv4: general purpose, local temp disk, premium storage.
    #[strum(to_string = "DDSv4")]
    DDSv4,
    /// Dv2 (D1–D5_v2 and D11–D15_v2).
    #[strum(to_string = "Dv2")]
    Dv2,
    /// Dv3.
    #[strum(to_string = "Dv3")]
    Dv3,
    /// DSv2 (DS1–DS5_v2 and DS11–DS15_v2, with constrained-vCPU variants).
    #[strum(to_string = "DSv2")]
    DSv2,
    /// Dsv3.
    #[strum(to_string = "DSv3")]
    DSv3,
    /// Eav4 and Easv4 (AMD).
    #[strum(to_string = "EAv4", serialize = "Easv4")]
    EAv4,
    /// Ev3.
    #[strum(to_string = "Ev3")]
    Ev3,
    /// Esv3.
    #[strum(to_string = "ESv3")]
    ESv3,
    /// Fsv2.
    #[strum(to_string = "FSv2")]
    FSv2,
    /// FX: compute optimized, supported by compute clusters only.
    #[strum(to_string = "FX")]
    FX,
    /// H: high performance compute.
    #[strum(to_string = "H")]
    H,
    /// HB: high performance compute (AMD EPYC, InfiniBand).
    #[strum(to_string = "HB")]
    HB,
    /// HBv2.
    #[strum(to_string = "HBv2")]
    HBv2,
    /// HBv3.
    #[strum(to_string = "HBv3")]
    HBv3,
    /// HC.
    #[strum(to_string = "HC")]
    HC,
    /// Lsv2: storage optimized.
    #[strum(to_string = "LSv2")]
    LSv2,
    /// M: memory optimized.
    #[strum(to_string = "M")]
    M,
    /// NC: NVIDIA Tesla K80.
    #[strum(to_string = "NC")]
    NC,
    /// NC Promo: the same K80 hardware as NC, promotional pricing (`_Promo` sizes).
    #[strum(to_string = "NC Promo", serialize = "NC_Promo", serialize = "NCPromo")]
    NC_Promo,
    /// NCv2: NVIDIA Tesla P100.
    #[strum(to_string = "NCv2")]
    NCv2,
    /// NCv3: NVIDIA Tesla V100.
    #[strum(to_string = "NCv3")]
    NCv3,
    /// ND: NVIDIA Tesla P40.
    #[strum(to_string = "ND")]
    ND,
    /// NDv2: 8 NVIDIA Tesla V100 (NVLink).
    #[strum(to_string = "NDv2")]
    NDv2,
    /// NV: NVIDIA Tesla M60.
    #[strum(to_string = "NV")]
    NV,
    /// NVv3: NVIDIA Tesla M60.
    #[strum(to_string = "NVv3")]
    NVv3,
    /// NCasT4_v3: NVIDIA Tesla T4; the CUDA table calls it `NCT4_v3`.
    #[strum(to_string = "NCasT4_v3", serialize = "NCT4_v3")]
    NCasT4_v3,
    /// NDasrA100_v4: 8 NVIDIA A100 40 GB; the CUDA table calls it `NDA100_v4`.
    #[strum(to_string = "NDasrA100_v4", serialize = "NDA100_v4")]
    NDasrA100_v4,
    // Added in Nov 2025.
    /// ND H100 v5 (size `Standard_ND96isr_H100_v5`); the page writes `ND-H100-v5`.
    #[strum(to_string = "ND_H100_v5", serialize = "ND-H100-v5")]
    ND_H100_v5,
    /// ND H200 v5; the page writes `ND-H200-v5`.
    #[strum(to_string = "ND_H200_v5", serialize = "ND-H200-v5")]
    ND_H200_v5,
    // Added in Mar 2026.
    /// Av2: general purpose.
    #[strum(to_string = "Av2")]
    Av2,
    /// NC A100 v4 (sizes `Standard_NC24ads_A100_v4` …); the CUDA table writes `NCA100_v4`.
    #[strum(
        to_string = "NCads_A100_v4",
        serialize = "NCA100_v4",
        serialize = "NC_A100_v4"
    )]
    NCads_A100_v4,
    /// NC H100 NVL v5 (sizes `Standard_NC40ads_H100_v5` …); the CUDA table writes
    /// `NCadsH100_v5`.
    #[strum(to_string = "NCads_H100_v5", serialize = "NCadsH100_v5")]
    NCads_H100_v5,
    // Named by retirements or by the size data, not by the supported-series table.
    /// Av1 (the first A-series), retired.
    #[strum(to_string = "Av1")]
    Av1,
    /// NV Promo: the same M60 hardware as NV, promotional pricing.
    #[strum(to_string = "NV_Promo", serialize = "NV Promo", serialize = "NVPromo")]
    NV_Promo,
    /// NVv4: AMD Radeon Instinct MI25 (no CUDA).
    #[strum(to_string = "NVv4")]
    NVv4,
    /// NDm A100 v4: 8 NVIDIA A100 80 GB (`Standard_ND96amsr_A100_v4`).
    #[strum(to_string = "NDm_A100_v4", serialize = "NDmA100_v4")]
    NDm_A100_v4,
    /// NVads A10 v5: NVIDIA A10, partitioned from 1/6 of a GPU to 2 GPUs.
    #[strum(to_string = "NVadsA10_v5", serialize = "NVads_A10_v5")]
    NVadsA10_v5,
}
}

/// How many series there are: the length of per-series tables.
pub(crate) const SERIES_COUNT: usize = VmSeries::ALL.len();

/// A per-series table computed once on first use (no heap allocation): `f` of every series,
/// indexed by `series as usize`.
pub(crate) fn per_series<T>(
    cell: &'static std::sync::OnceLock<[T; SERIES_COUNT]>,
    f: impl Fn(VmSeries) -> T,
) -> &'static [T; SERIES_COUNT] {
    cell.get_or_init(|| std::array::from_fn(|i| f(VmSeries::ALL[i])))
}

crate::macros::name_enum! {
/// The category the page gives a series.
#[non_exhaustive]
pub enum VmCategory ("VM category") {
    /// General purpose.
    #[strum(to_string = "general-purpose", serialize = "General purpose")]
    GeneralPurpose,
    /// Compute optimized.
    #[strum(to_string = "compute-optimized", serialize = "Compute optimized")]
    ComputeOptimized,
    /// Memory optimized.
    #[strum(to_string = "memory-optimized", serialize = "Memory optimized")]
    MemoryOptimized,
    /// Storage optimized.
    #[strum(to_string = "storage-optimized", serialize = "Storage optimized")]
    StorageOptimized,
    /// GPU.
    #[strum(to_string = "gpu", serialize = "GPU")]
    Gpu,
    /// High performance compute.
    #[strum(
        to_string = "high-performance-compute",
        serialize = "hpc",
        serialize = "High performance compute"
    )]
    HighPerformanceCompute,
}
}

crate::macros::name_enum! {
/// Which managed compute can use a supported series.
#[non_exhaustive]
pub enum SupportedBy ("supported-by value") {
    /// Compute clusters and compute instances (every supported series but FX).
    #[strum(to_string = "clusters-and-instances")]
    ClustersAndInstances,
    /// Compute clusters only (FX).
    #[strum(to_string = "clusters-only")]
    ClustersOnly,
    /// Compute instances only. The page never says this of a series; a region's size listing
    /// (`supportedComputeTypes`) can.
    #[strum(to_string = "instances-only")]
    InstancesOnly,
}
}

impl SupportedBy {
    /// Whether compute clusters can use the series.
    #[must_use]
    pub const fn clusters(self) -> bool {
        matches!(
            self,
            SupportedBy::ClustersAndInstances | SupportedBy::ClustersOnly
        )
    }

    /// Whether compute instances can use the series.
    #[must_use]
    pub const fn instances(self) -> bool {
        matches!(
            self,
            SupportedBy::ClustersAndInstances | SupportedBy::InstancesOnly
        )
    }
}

/// Where the supported-series facts come from.
const SERIES_SOURCE: &str = "concept-compute-target.md, \"Supported VM series and sizes\"";

impl VmSeries {
    /// The page's category for the series (for series the page does not list, the category
    /// of Azure's own size pages).
    #[must_use]
    pub const fn category(self) -> VmCategory {
        use VmCategory::{
            ComputeOptimized, GeneralPurpose, Gpu, HighPerformanceCompute, MemoryOptimized,
            StorageOptimized,
        };
        match self {
            VmSeries::DDSv4
            | VmSeries::Dv2
            | VmSeries::Dv3
            | VmSeries::DSv2
            | VmSeries::DSv3
            | VmSeries::Av2
            | VmSeries::Av1 => GeneralPurpose,
            VmSeries::EAv4 | VmSeries::Ev3 | VmSeries::ESv3 | VmSeries::M => MemoryOptimized,
            VmSeries::FSv2 | VmSeries::FX => ComputeOptimized,
            VmSeries::H | VmSeries::HB | VmSeries::HBv2 | VmSeries::HBv3 | VmSeries::HC => {
                HighPerformanceCompute
            }
            VmSeries::LSv2 => StorageOptimized,
            VmSeries::NC
            | VmSeries::NC_Promo
            | VmSeries::NCv2
            | VmSeries::NCv3
            | VmSeries::ND
            | VmSeries::NDv2
            | VmSeries::NV
            | VmSeries::NVv3
            | VmSeries::NCasT4_v3
            | VmSeries::NDasrA100_v4
            | VmSeries::ND_H100_v5
            | VmSeries::ND_H200_v5
            | VmSeries::NCads_A100_v4
            | VmSeries::NCads_H100_v5
            | VmSeries::NV_Promo
            | VmSeries::NVv4
            | VmSeries::NDm_A100_v4
            | VmSeries::NVadsA10_v5 => Gpu,
        }
    }

    /// The first edition whose supported-series table lists the series, or `None` if no
    /// edition does (the series is named only by a retirement or by the size data). Once
    /// listed, a series stays listed in later editions.
    #[must_use]
    pub const fn first_listed(self) -> Option<DocEdition> {
        match self {
            VmSeries::DDSv4
            | VmSeries::Dv2
            | VmSeries::Dv3
            | VmSeries::DSv2
            | VmSeries::DSv3
            | VmSeries::EAv4
            | VmSeries::Ev3
            | VmSeries::ESv3
            | VmSeries::FSv2
            | VmSeries::FX
            | VmSeries::H
            | VmSeries::HB
            | VmSeries::HBv2
            | VmSeries::HBv3
            | VmSeries::HC
            | VmSeries::LSv2
            | VmSeries::M
            | VmSeries::NC
            | VmSeries::NC_Promo
            | VmSeries::NCv2
            | VmSeries::NCv3
            | VmSeries::ND
            | VmSeries::NDv2
            | VmSeries::NV
            | VmSeries::NVv3
            | VmSeries::NCasT4_v3
            | VmSeries::NDasrA100_v4 => Some(DocEdition::Jan2024),
            VmSeries::ND_H100_v5 | VmSeries::ND_H200_v5 => Some(DocEdition::Nov2025),
            VmSeries::Av2 | VmSeries::NCads_A100_v4 | VmSeries::NCads_H100_v5 => {
                Some(DocEdition::Mar2026)
            }
            VmSeries::Av1
            | VmSeries::NV_Promo
            | VmSeries::NVv4
            | VmSeries::NDm_A100_v4
            | VmSeries::NVadsA10_v5 => None,
        }
    }

    /// Whether the supported-series table of `edition` lists the series.
    #[must_use]
    pub const fn is_listed(self, edition: DocEdition) -> bool {
        match self.first_listed() {
            Some(first) => first as u8 <= edition as u8,
            None => false,
        }
    }

    /// The series the supported-series table of `edition` lists, in the page's order.
    ///
    /// ```
    /// use aml_targets::{DocEdition, VmSeries};
    ///
    /// assert_eq!(VmSeries::listed(DocEdition::Jan2024).count(), 27);
    /// assert_eq!(VmSeries::listed(DocEdition::Nov2025).count(), 29);
    /// assert_eq!(VmSeries::listed(DocEdition::Mar2026).count(), 32);
    /// ```
    pub fn listed(edition: DocEdition) -> impl Iterator<Item = VmSeries> {
        VmSeries::ALL
            .iter()
            .copied()
            .filter(move |s| s.is_listed(edition))
    }

    /// Which managed compute can use the series according to `edition`'s table, or `None`
    /// if that edition does not list it (Azure ML does not support every series Azure
    /// offers). Every listed series is supported by clusters and instances except FX,
    /// clusters only. Listed series may still be unavailable in some regions, and GPU and
    /// other special sizes may need a quota increase.
    #[must_use]
    pub const fn supported_by(self, edition: DocEdition) -> Option<SupportedBy> {
        if !self.is_listed(edition) {
            return None;
        }
        Some(match self {
            VmSeries::FX => SupportedBy::ClustersOnly,
            _ => SupportedBy::ClustersAndInstances,
        })
    }

    /// The GPU the page's category column names, e.g. `"K80"` for `GPU (K80)`; `None` for
    /// CPU series and for series the page does not list.
    #[must_use]
    pub const fn page_gpu_label(self) -> Option<&'static str> {
        match self {
            VmSeries::NC | VmSeries::NC_Promo => Some("K80"),
            VmSeries::NCv2 => Some("P100"),
            VmSeries::NCv3 | VmSeries::NDv2 => Some("V100"),
            VmSeries::ND => Some("P40"),
            VmSeries::NV | VmSeries::NVv3 => Some("M60"),
            VmSeries::NCasT4_v3 => Some("T4"),
            VmSeries::NDasrA100_v4 | VmSeries::NCads_A100_v4 => Some("A100"),
            VmSeries::ND_H100_v5 | VmSeries::NCads_H100_v5 => Some("H100"),
            VmSeries::ND_H200_v5 => Some("H200"),
            VmSeries::DDSv4
            | VmSeries::Dv2
            | VmSeries::Dv3
            | VmSeries::DSv2
            | VmSeries::DSv3
            | VmSeries::EAv4
            | VmSeries::Ev3
            | VmSeries::ESv3
            | VmSeries::FSv2
            | VmSeries::FX
            | VmSeries::H
            | VmSeries::HB
            | VmSeries::HBv2
            | VmSeries::HBv3
            | VmSeries::HC
            | VmSeries::LSv2
            | VmSeries::M
            | VmSeries::Av2
            | VmSeries::Av1
            | VmSeries::NV_Promo
            | VmSeries::NVv4
            | VmSeries::NDm_A100_v4
            | VmSeries::NVadsA10_v5 => None,
        }
    }

    /// The NVIDIA architecture of the series' GPUs; `None` for CPU series and for NVv4, whose
    /// AMD Radeon Instinct MI25 has no CUDA.
    #[must_use]
    pub const fn gpu_architecture(self) -> Option<GpuArchitecture> {
        use GpuArchitecture::{Ampere, Hopper, Kepler, Maxwell, Pascal, Turing, Volta};
        match self {
            VmSeries::NC | VmSeries::NC_Promo => Some(Kepler),
            VmSeries::NV | VmSeries::NV_Promo | VmSeries::NVv3 => Some(Maxwell),
            VmSeries::NCv2 | VmSeries::ND => Some(Pascal),
            VmSeries::NCv3 | VmSeries::NDv2 => Some(Volta),
            VmSeries::NCasT4_v3 => Some(Turing),
            VmSeries::NDasrA100_v4
            | VmSeries::NDm_A100_v4
            | VmSeries::NCads_A100_v4
            | VmSeries::NVadsA10_v5 => Some(Ampere),
            VmSeries::ND_H100_v5 | VmSeries::ND_H200_v5 | VmSeries::NCads_H100_v5 => Some(Hopper),
            VmSeries::DDSv4
            | VmSeries::Dv2
            | VmSeries::Dv3
            | VmSeries::DSv2
            | VmSeries::DSv3
            | VmSeries::EAv4
            | VmSeries::Ev3
            | VmSeries::ESv3
            | VmSeries::FSv2
            | VmSeries::FX
            | VmSeries::H
            | VmSeries::HB
            | VmSeries::HBv2
            | VmSeries::HBv3
            | VmSeries::HC
            | VmSeries::LSv2
            | VmSeries::M
            | VmSeries::Av2
            | VmSeries::Av1
            | VmSeries::NVv4 => None,
        }
    }

    /// The lowest CUDA version the page's CUDA table gives for the series in `edition`, or
    /// `None` if that edition's table has no row for it. The page gives no upper bounds.
    ///
    /// ```
    /// use aml_targets::{CudaVersion, DocEdition, VmSeries};
    ///
    /// assert_eq!(VmSeries::NC.page_cuda_min(DocEdition::Jan2024), Some(CudaVersion::new(9, 0)));
    /// assert_eq!(VmSeries::ND_H100_v5.page_cuda_min(DocEdition::Nov2025), None);
    /// assert_eq!(VmSeries::ND_H100_v5.page_cuda_min(DocEdition::Mar2026), Some(CudaVersion::new(12, 0)));
    /// ```
    #[must_use]
    pub fn page_cuda_min(self, edition: DocEdition) -> Option<CudaVersion> {
        crate::gpu::PAGE_CUDA_TABLE
            .iter()
            .find(|row| row.first_edition <= edition && row.series.contains(&self))
            .map(|row| row.min_cuda)
    }

    /// Where the series facts come from.
    #[must_use]
    pub const fn source(self) -> &'static str {
        SERIES_SOURCE
    }
}
