//! VM series Azure ML names: the page's supported-series table, the series its retirements
//! name, and the series of the embedded size data (FACTS §4).

use super::data::series::SERIES;
pub use super::data::series::VmSeries;
use crate::edition::DocEdition;
use crate::gpu::{CudaVersion, GpuArchitecture};

/// The facts of one series: one row of the generated table, in `VmSeries::ALL` order.
#[derive(Debug)]
pub(crate) struct SeriesFacts {
    /// The series (the row's own index, checked by a test).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) series: VmSeries,
    /// Its category: the page's, or Azure's size pages' for series the page does not list.
    pub(crate) category: VmCategory,
    /// The first edition of the page whose supported-series table lists it.
    pub(crate) first_listed: Option<DocEdition>,
    /// The GPU the page's category column names.
    pub(crate) page_gpu_label: Option<&'static str>,
    /// Where the facts come from.
    pub(crate) source: &'static str,
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

impl VmSeries {
    /// The page's category for the series (for series the page does not list, the category
    /// of Azure's own size pages).
    #[must_use]
    pub const fn category(self) -> VmCategory {
        SERIES[self as usize].category
    }

    /// The first edition whose supported-series table lists the series, or `None` if no
    /// edition does (the series is named only by a retirement or by the size data). Once
    /// listed, a series stays listed in later editions.
    #[must_use]
    pub const fn first_listed(self) -> Option<DocEdition> {
        SERIES[self as usize].first_listed
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
    ///
    /// ```
    /// use aml_targets::{DocEdition, VmSeries};
    /// use aml_targets::vm::SupportedBy;
    ///
    /// assert_eq!(VmSeries::FX.supported_by(DocEdition::LATEST), Some(SupportedBy::ClustersOnly));
    /// assert_eq!(VmSeries::NCv3.supported_by(DocEdition::LATEST), Some(SupportedBy::ClustersAndInstances));
    /// // Known to Azure, not on the page's list: a region's size listing decides.
    /// assert_eq!(VmSeries::Dsv6.supported_by(DocEdition::LATEST), None);
    /// ```
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
        SERIES[self as usize].page_gpu_label
    }

    /// The NVIDIA architecture of the series' GPUs; `None` for CPU series and for NVv4, whose
    /// AMD Radeon Instinct MI25 has no CUDA.
    #[must_use]
    pub fn gpu_architecture(self) -> Option<GpuArchitecture> {
        match self.gpu() {
            Some(gpu) => gpu.architecture,
            None => None,
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
        super::software::PAGE_CUDA_TABLE
            .iter()
            .find(|row| row.in_edition(edition) && row.series.contains(&self))
            .map(|row| row.min_cuda)
    }

    /// Where the series facts come from.
    #[must_use]
    pub const fn source(self) -> &'static str {
        SERIES[self as usize].source
    }
}

#[cfg(test)]
mod tests {
    use super::{SERIES, VmSeries};

    #[test]
    fn the_facts_table_is_in_variant_order() {
        assert_eq!(SERIES.len(), VmSeries::ALL.len());
        for (i, row) in SERIES.iter().enumerate() {
            assert_eq!(row.series, VmSeries::ALL[i]);
        }
    }
}
