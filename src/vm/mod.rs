//! Azure VM sizes as Azure ML sees them: size names and their parts, series, the size catalog,
//! GPUs per size and series, retirements, replacements, isolated sizes, a region's size
//! listing, and whether a CUDA or framework build runs on a series' GPU (FACTS §4–§6, §8, §9).
//!
//! Start with [`VmSize`] (parse any size name: `"Standard_NC24rs_v3".parse::<VmSize>()`),
//! [`VmSize::spec`] (its facts), [`VmSeries::retirement_state`] (is it retired on a date?) and
//! [`Catalog`] (the embedded 822 sizes, or a region's listing with `Catalog::from_json`).
//!
//! | question | file | answer |
//! |---|---|---|
//! | what is this size, in parts? | `size.rs` | [`VmSize`], [`VmFeatures`] |
//! | which series, which category, listed by the page? | `series.rs` | [`VmSeries`], [`VmSeries::supported_by`] |
//! | vCPUs, memory, GPUs of a size? | `catalog.rs` | [`Catalog`], [`VmSizeSpec`] |
//! | which GPU does a series have? | `gpu.rs` | [`VmSeries::gpu`], [`GpuCount`] |
//! | is NC6 retired on this date? | `retirement.rs` | [`VmSeries::retirement_state`], [`RETIREMENTS`] |
//! | what to move to? | `replacement.rs` | [`VmSize::successors`] (the one answer), [`REPLACEMENTS`] |
//! | is a size isolated? | `isolated.rs` | [`ISOLATED_SIZES`] |
//! | what does my region offer? | `listing.rs` | [`SizeListing`], [`Catalog::from_listing`] |
//! | will CUDA 12.1 run on NC? | `software.rs` | [`VmSeries::cuda_verdict`], [`PAGE_CUDA_TABLE`] |
//! | everything about one size on a date | `report.rs` | [`VmSize::report`] |
//!
//! Names the catalog does not know still parse: a new Azure size is a well-formed [`VmSize`]
//! of an unknown (or known) series, never an error.

mod catalog;
mod data;
mod drift;
mod gpu;
mod isolated;
mod listing;
mod replacement;
mod report;
mod retirement;
mod series;
mod size;
mod software;

pub use catalog::{Catalog, VmSizeSpec, family_key};
pub use drift::{Difference, Drift, FieldDifference, drift};
pub use gpu::{GpuCount, GpuVendor, ParseGpuCountError, SeriesGpu};
pub use isolated::{ISOLATED_SIZES, IsolatedSize, isolated_size};
pub use listing::{CatalogError, ListedSize, SizeListing};
#[cfg(feature = "json")]
pub(crate) use listing::{JsonListing, ListingError};
pub use replacement::{GUIDE_SUCCESSORS, REPLACEMENTS, Replacement, SUCCESSORS};
pub use report::SizeReport;
pub use retirement::{
    REGIONAL_RETIREMENTS, RETIREMENTS, RETIRING_WARNING_DAYS, Region, RegionalRetirement,
    Retirement, RetirementAuthority, RetirementState, SIZE_RETIREMENTS, SizeRetirement,
};
pub use series::{SupportedBy, VmCategory, VmSeries};
pub use size::{
    MAX_VM_SIZE_NAME_LEN, ParseVmSizeError, VmFeature, VmFeatures, VmSize, VmSizeErrorKind, VmTier,
};
pub use software::{CudaReason, CudaVerdict, PAGE_CUDA_TABLE, PageCudaRow, SourceVerdict};

/// Row counts of the generated tables, for [`crate::data::data_tables`].
pub(crate) use data::sizes::AML_LISTING_ROWS;
pub(crate) const SIZE_ROWS: usize = data::sizes::SIZES.len();
pub(crate) const GPU_SERIES_ROWS: usize = data::sizes::SERIES_GPUS.len();
pub(crate) const SERIES_TABLE_ROWS: usize = data::series::SERIES.len();
pub(crate) use catalog::{RankedRows, RowClass, SUPPORT_CODES, positions, support_code};
