//! How old the crate's data is: an as-of date and a source per table (FACTS §5: answers
//! depend on announcements, so each says when it was checked), and the one date for the
//! whole, [`DATA_AS_OF`].
//!
//! Start with [`data_tables`].

use crate::date::Date;
use crate::edition::DATA_AS_OF;
use crate::edition::V1_END_OF_SUPPORT;
use crate::gpu::{
    CUDA_DRIVER_MINIMUMS, FRAMEWORK_CUDA_BUILDS, NVIDIA_CUDA_SUPPORT, PYTORCH_WHEELS,
};
use crate::targets::{ComputeKind, InferenceTarget, RETIRED_SERVICES, TrainingTarget};
use crate::vm::{
    AML_LISTING_ROWS, GPU_SERIES_ROWS, ISOLATED_SIZES, PAGE_CUDA_TABLE, REGIONAL_RETIREMENTS,
    REPLACEMENTS, RETIREMENTS, SERIES_TABLE_ROWS, SIZE_RETIREMENTS, SIZE_ROWS,
};

/// One table of facts: its name, size, age and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DataTable {
    /// A stable id, e.g. `"retirements"`.
    pub name: &'static str,
    /// How many rows it has.
    pub rows: usize,
    /// The day its sources were last checked (or, for a snapshot, the day it was taken).
    pub as_of: Date,
    /// Where it comes from.
    pub source: &'static str,
}

const fn table(name: &'static str, rows: usize, source: &'static str) -> DataTable {
    DataTable {
        name,
        rows,
        as_of: DATA_AS_OF,
        source,
    }
}

const PAGE: &str = "MicrosoftDocs/azure-ai-docs articles/machine-learning/concept-compute-target.md \
     (editions Jan 2024, Nov 2025, Mar 2026; Mar 2026 is the newest)";

static TABLES: [DataTable; 19] = [
    table("training-targets", TrainingTarget::ALL.len(), PAGE),
    table("inference-targets", InferenceTarget::ALL.len(), PAGE),
    table("compute-kinds", ComputeKind::ALL.len(), PAGE),
    table(
        "vm-series",
        SERIES_TABLE_ROWS,
        "the page's supported-series table (per edition) and Azure's VM size pages \
         (MicrosoftDocs/azure-compute-docs), one page and commit per series",
    ),
    table(
        "vm-sizes",
        SIZE_ROWS,
        "Azure's VM size pages (MicrosoftDocs/azure-compute-docs, each row's commit) and, for \
         54 sizes no page gives, Azure ML's eastus size listing",
    ),
    DataTable {
        name: "azure-ml-size-listing",
        rows: AML_LISTING_ROWS,
        as_of: Date::ymd(2025, 11, 4),
        source: "a recorded Azure ML vmSizes response, eastus (Azure/azure-powershell \
                 Get-AzMLServiceVMSize.Recording.json@689c9cc2): which compute may use a size \
                 of a series the page does not list",
    },
    table(
        "gpu-series",
        GPU_SERIES_ROWS,
        "Azure's GPU size pages; NVIDIA's compute-capability list; AMD's ROCm GPU specs",
    ),
    table(
        "retirements",
        RETIREMENTS.len(),
        "the page's \"Retired VM series\"; Azure's retired-sizes list, retirement pages, \
         lifecycle page and migration guides",
    ),
    table(
        "regional-retirements",
        REGIONAL_RETIREMENTS.len(),
        "Azure's NCv3 and NVv3 retirement pages",
    ),
    table(
        "size-retirements",
        SIZE_RETIREMENTS.len(),
        "Azure's retirements-and-capacity-restrictions page and retired-sizes list",
    ),
    table(
        "v1-end-of-support",
        V1_END_OF_SUPPORT.len(),
        "the Azure ML docs' SDK v1 and CLI v1 deprecation notices",
    ),
    table(
        "replacements",
        REPLACEMENTS.len(),
        "Microsoft's migration guides and the retired-sizes modernization guide",
    ),
    table(
        "retired-services",
        RETIRED_SERVICES.len(),
        "Azure/EOL service_list.json; Microsoft Learn",
    ),
    table("isolated-sizes", ISOLATED_SIZES.len(), PAGE),
    table("page-cuda-table", PAGE_CUDA_TABLE.len(), PAGE),
    table(
        "nvidia-cuda-support",
        NVIDIA_CUDA_SUPPORT.len(),
        "NVIDIA's toolkit, driver and architecture matrix; CUDA release notes; LLVM \
         NVPTXTargetParser.def",
    ),
    table(
        "cuda-driver-minimums",
        CUDA_DRIVER_MINIMUMS.len(),
        "NVIDIA CUDA toolkit release notes, \"CUDA Toolkit and Corresponding Driver Versions\"",
    ),
    table(
        "framework-cuda-builds",
        FRAMEWORK_CUDA_BUILDS.len(),
        "PyTorch's previous-versions page and RELEASE.md; TensorFlow's tested build \
         configurations",
    ),
    table(
        "pytorch-wheels",
        PYTORCH_WHEELS.len(),
        "PyTorch's release matrix and build scripts (TORCH_CUDA_ARCH_LIST per CUDA variant)",
    ),
];

/// Every table of facts the crate carries, with its row count, as-of date and source.
///
/// ```
/// use aml_targets::DATA_AS_OF;
/// use aml_targets::data::data_tables;
///
/// let retirements = data_tables().iter().find(|t| t.name == "retirements").unwrap();
/// assert!(retirements.rows > 0);
/// assert_eq!(retirements.as_of, DATA_AS_OF);
/// assert!(data_tables().iter().all(|t| t.as_of <= DATA_AS_OF));
/// ```
#[must_use]
pub fn data_tables() -> &'static [DataTable] {
    &TABLES
}
