//! Will this CUDA, this framework build, run on that series' GPU? Two answers for CUDA, each
//! with its source: what the Azure ML page says (its CUDA table, lower bounds only) and what
//! NVIDIA supports (both bounds) (FACTS §8); framework builds are judged by the GPU's compute
//! capability ([`crate::gpu`]).

use std::fmt;

use super::catalog::Catalog;
use super::gpu::GpuVendor;
use super::series::{VmCategory, VmSeries};
use super::size::VmSize;
use crate::edition::DocEdition;
use crate::gpu::{
    BuildVerdict, ComputeCapability, CudaRange, CudaRequirement, CudaVersion, Framework,
    FrameworkVersion, GpuArchitecture, GpuKind, NVIDIA_CUDA_SUPPORT, NvidiaCudaSupport,
};

/// Why a source says yes, no, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CudaReason {
    /// The series or size has no GPU.
    NoGpu,
    /// The GPU is not NVIDIA's (NVv4's AMD Radeon Instinct MI25): no CUDA at all.
    NotNvidia,
    /// The size's series is unknown, so its GPU is unknown.
    UnknownSeries,
    /// The page's CUDA table has no row for the series in this edition.
    PageSilent,
    /// NVIDIA's tables do not give the GPU's compute capability a range.
    UnknownCapability,
    /// The version, or some toolkit the requirement allows, is in the range.
    InRange {
        /// The source's range.
        range: CudaRange,
    },
    /// The version is older than the range's first toolkit.
    BelowMinimum {
        /// The source's range.
        range: CudaRange,
    },
    /// The version is newer than the range's last toolkit.
    AboveMaximum {
        /// The source's range.
        range: CudaRange,
    },
    /// No released toolkit satisfies both the requirement and the range.
    NoMatchingToolkit {
        /// The source's range.
        range: CudaRange,
    },
}

impl fmt::Display for CudaReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let range = |f: &mut fmt::Formatter<'_>, r: &CudaRange| match r.max() {
            Some(max) => write!(f, "CUDA {} to {max}", r.min()),
            None => write!(f, "CUDA {}+", r.min()),
        };
        match self {
            CudaReason::NoGpu => f.write_str("no GPU, so no CUDA"),
            CudaReason::NotNvidia => f.write_str("the GPU is not NVIDIA's, so no CUDA"),
            CudaReason::UnknownSeries => f.write_str("unknown series, so the GPU is unknown"),
            CudaReason::PageSilent => f.write_str("the page's CUDA table has no row for it"),
            CudaReason::UnknownCapability => {
                f.write_str("no CUDA range is known for the GPU's compute capability")
            }
            CudaReason::InRange { range: r } => {
                f.write_str("within ")?;
                range(f, r)
            }
            CudaReason::BelowMinimum { range: r } => {
                f.write_str("below the minimum: ")?;
                range(f, r)
            }
            CudaReason::AboveMaximum { range: r } => {
                f.write_str("above the maximum: ")?;
                range(f, r)
            }
            CudaReason::NoMatchingToolkit { range: r } => {
                f.write_str("no released toolkit meets the requirement within ")?;
                range(f, r)
            }
        }
    }
}

/// One source's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct SourceVerdict {
    /// `Some(true)` supported, `Some(false)` not, `None` when the source says nothing.
    pub supported: Option<bool>,
    /// Why.
    pub reason: CudaReason,
    /// Where the answer comes from.
    pub source: &'static str,
}

/// Both answers for one (GPU, CUDA) question.
///
/// ```
/// use aml_targets::{CudaVersion, DocEdition, VmSeries};
///
/// // NC (K80) with CUDA 12.1: the page says yes (9.0+), NVIDIA says no (last 11.8).
/// let v = VmSeries::NC.cuda_verdict(CudaVersion::new(12, 1), DocEdition::LATEST);
/// assert_eq!(v.page.supported, Some(true));
/// assert_eq!(v.nvidia.supported, Some(false));
/// assert_eq!(v.nvidia.reason.to_string(), "above the maximum: CUDA 6.0 to 11.8");
/// assert!(!v.runs());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CudaVerdict {
    /// The series asked about, when known.
    pub series: Option<VmSeries>,
    /// The GPU's compute capability, when known.
    pub compute_capability: Option<ComputeCapability>,
    /// What the Azure ML page says.
    pub page: SourceVerdict,
    /// What NVIDIA supports.
    pub nvidia: SourceVerdict,
}

impl CudaVerdict {
    /// Whether the CUDA will run: NVIDIA's answer, which is the binding one (the page gives
    /// only lower bounds). `false` when NVIDIA's answer is unknown.
    #[must_use]
    pub const fn runs(&self) -> bool {
        matches!(self.nvidia.supported, Some(true))
    }

    /// Whether the two sources give different definite answers.
    #[must_use]
    pub fn sources_disagree(&self) -> bool {
        matches!(
            (self.page.supported, self.nvidia.supported),
            (Some(a), Some(b)) if a != b
        )
    }
}

const NO_GPU_SOURCE: &str = "the series' category and GPU facts (gpu_series.csv)";
const PAGE_SOURCE: &str = "concept-compute-target.md, \"GPU architecture and CUDA\" table";

/// Judges a requirement against a range.
fn judge(cuda: &CudaRequirement, range: CudaRange, source: &'static str) -> SourceVerdict {
    let (supported, reason) = match cuda {
        CudaRequirement::Version(v) => {
            if range.contains(*v) {
                (true, CudaReason::InRange { range })
            } else if v.toolkit() < range.min() {
                (false, CudaReason::BelowMinimum { range })
            } else {
                (false, CudaReason::AboveMaximum { range })
            }
        }
        CudaRequirement::Range(_) | CudaRequirement::Semver(_) => {
            if cuda.toolkits().any(|v| range.contains(v)) {
                (true, CudaReason::InRange { range })
            } else {
                (false, CudaReason::NoMatchingToolkit { range })
            }
        }
    };
    SourceVerdict {
        supported: Some(supported),
        reason,
        source,
    }
}

fn silent(reason: CudaReason, source: &'static str) -> SourceVerdict {
    SourceVerdict {
        supported: None,
        reason,
        source,
    }
}

fn no(reason: CudaReason, source: &'static str) -> SourceVerdict {
    SourceVerdict {
        supported: Some(false),
        reason,
        source,
    }
}

impl VmSeries {
    /// The compute capability of the series' GPU: from its GPU facts, or, for a series
    /// without them (ND_H200_v5), from its architecture when NVIDIA's table gives that
    /// architecture a single capability (Hopper: 9.0). `None` for CPU and AMD series.
    #[must_use]
    pub fn compute_capability(self) -> Option<ComputeCapability> {
        if let Some(gpu) = self.gpu() {
            return gpu.compute_capability;
        }
        let arch = self.gpu_architecture()?;
        let mut rows = NVIDIA_CUDA_SUPPORT
            .iter()
            .filter(|r| r.architecture == arch);
        match (rows.next(), rows.next()) {
            (Some(row), None) if row.capabilities.len() == 1 => Some(row.capabilities[0]),
            _ => None,
        }
    }

    /// Whether `cuda` (a version, range or `semver` requirement) runs on the series' GPUs,
    /// per the Azure ML page of `edition` and per NVIDIA.
    ///
    /// ```
    /// use aml_targets::{CudaVersion, DocEdition, VmSeries};
    /// use aml_targets::vm::CudaReason;
    ///
    /// let e = DocEdition::LATEST;
    /// let v13 = CudaVersion::new(13, 0);
    /// assert!(!VmSeries::NCv3.cuda_verdict(v13, e).runs()); // Volta ends at 12.9
    /// assert!(VmSeries::NCasT4_v3.cuda_verdict(v13, e).runs());
    /// assert_eq!(VmSeries::NVv4.cuda_verdict(v13, e).nvidia.reason, CudaReason::NotNvidia);
    /// assert_eq!(VmSeries::DSv3.cuda_verdict(v13, e).page.reason, CudaReason::NoGpu);
    /// let req: semver::VersionReq = ">=11.0, <12".parse().unwrap();
    /// assert!(VmSeries::NC.cuda_verdict(req, e).runs()); // 11.0-11.8 run on a K80
    /// ```
    #[must_use]
    pub fn cuda_verdict(
        self,
        cuda: impl Into<CudaRequirement>,
        edition: DocEdition,
    ) -> CudaVerdict {
        self.cuda_verdict_for(&cuda.into(), edition)
    }

    /// [`VmSeries::cuda_verdict`] for a borrowed requirement, to judge one requirement
    /// against many series without cloning it.
    #[must_use]
    pub fn cuda_verdict_for(self, cuda: &CudaRequirement, edition: DocEdition) -> CudaVerdict {
        let verdict = |page, nvidia, compute_capability| CudaVerdict {
            series: Some(self),
            compute_capability,
            page,
            nvidia,
        };
        match self.cuda_profile() {
            CudaProfile::NoGpu => {
                let no_gpu = no(CudaReason::NoGpu, NO_GPU_SOURCE);
                verdict(no_gpu, no_gpu, None)
            }
            CudaProfile::NotNvidia { source } => {
                let amd = no(CudaReason::NotNvidia, source);
                verdict(amd, amd, None)
            }
            CudaProfile::Nvidia { cc, nvidia, page } => {
                let page = match page[edition as usize] {
                    Some((min, source)) => judge(cuda, CudaRange::at_least(min), source),
                    None => silent(CudaReason::PageSilent, PAGE_SOURCE),
                };
                let nvidia = match nvidia {
                    Some(row) => judge(cuda, row.cuda, row.source),
                    None => silent(CudaReason::UnknownCapability, NO_GPU_SOURCE),
                };
                verdict(page, nvidia, cc)
            }
        }
    }

    /// NVIDIA's answer alone (the page's is skipped): `Some(reason)` when NVIDIA says the
    /// requirement does not run on the series' GPU.
    pub(crate) fn nvidia_rejects(self, cuda: &CudaRequirement) -> Option<CudaReason> {
        match self.cuda_profile() {
            CudaProfile::NoGpu => Some(CudaReason::NoGpu),
            CudaProfile::NotNvidia { .. } => Some(CudaReason::NotNvidia),
            CudaProfile::Nvidia { nvidia, .. } => {
                let verdict = judge(cuda, nvidia?.cuda, "");
                (verdict.supported == Some(false)).then_some(verdict.reason)
            }
        }
    }

    /// The series' CUDA facts, computed once per series.
    fn cuda_profile(self) -> CudaProfile {
        static TABLE: std::sync::OnceLock<[CudaProfile; crate::vm::series::SERIES_COUNT]> =
            std::sync::OnceLock::new();
        crate::vm::series::per_series(&TABLE, CudaProfile::of)[self as usize]
    }
}

impl VmSeries {
    /// Every CUDA build of `framework` `version` and whether it runs on the series' GPU, or
    /// `None` for a release this crate does not know. PyTorch builds are judged by the
    /// compute capabilities compiled into the wheel; TensorFlow builds by their tested CUDA
    /// version against NVIDIA's range for the GPU.
    ///
    /// ```
    /// use aml_targets::{Framework, VmSeries};
    /// use aml_targets::gpu::FrameworkVersion;
    ///
    /// // PyTorch 2.0 on a K80: the cu117 and cu118 wheels both carry sm_37.
    /// let builds: Vec<_> = VmSeries::NC
    ///     .framework_builds(Framework::PyTorch, FrameworkVersion::new(2, 0))
    ///     .unwrap()
    ///     .collect();
    /// assert!(builds.iter().all(|b| b.runs == Some(true)));
    /// // PyTorch 2.1's cu121 wheel dropped Kepler.
    /// let cu121 = VmSeries::NC
    ///     .framework_builds(Framework::PyTorch, FrameworkVersion::new(2, 1))
    ///     .unwrap()
    ///     .find(|b| b.cuda.to_string() == "12.1")
    ///     .unwrap();
    /// assert_eq!(cu121.runs, Some(false));
    /// ```
    #[must_use]
    pub fn framework_builds(
        self,
        framework: Framework,
        version: FrameworkVersion,
    ) -> Option<impl Iterator<Item = BuildVerdict>> {
        let row = framework.builds(version)?;
        let gpu = self.gpu_kind();
        Some(
            row.cuda
                .iter()
                .map(move |&cuda| crate::gpu::judge_build(row, cuda, &gpu)),
        )
    }

    /// The newest release of `framework` with a CUDA build that runs on the series' GPU, and
    /// that build (the newest CUDA of the release that runs).
    ///
    /// ```
    /// use aml_targets::{Framework, VmSeries};
    ///
    /// let k80 = VmSeries::NC.newest_framework_build(Framework::PyTorch).unwrap();
    /// assert_eq!((k80.version.to_string(), k80.cuda.to_string()), ("2.7".into(), "11.8".into()));
    /// let v100 = VmSeries::NCv3.newest_framework_build(Framework::PyTorch).unwrap();
    /// assert_eq!(v100.cuda.to_string(), "12.6"); // cu130 and later dropped Volta
    /// assert!(VmSeries::NVv4.newest_framework_build(Framework::PyTorch).is_none());
    /// ```
    #[must_use]
    pub fn newest_framework_build(self, framework: Framework) -> Option<BuildVerdict> {
        let gpu = self.gpu_kind();
        framework.releases().rev().find_map(|row| {
            row.cuda
                .iter()
                .rev()
                .map(|&cuda| crate::gpu::judge_build(row, cuda, &gpu))
                .find(|b| b.runs == Some(true))
        })
    }

    /// What the series' GPU is, for framework build checks.
    fn gpu_kind(self) -> GpuKind {
        if self.category() != VmCategory::Gpu {
            return GpuKind::None;
        }
        if self.gpu().is_some_and(|g| g.vendor != GpuVendor::Nvidia) {
            return GpuKind::NotNvidia;
        }
        self.compute_capability()
            .map_or(GpuKind::Unknown, GpuKind::Nvidia)
    }
}

/// What a series' GPU is, as far as CUDA goes.
#[derive(Clone, Copy)]
enum CudaProfile {
    NoGpu,
    NotNvidia {
        source: &'static str,
    },
    Nvidia {
        cc: Option<ComputeCapability>,
        nvidia: Option<&'static NvidiaCudaSupport>,
        /// The page's lower bound and source, per edition (indexed by `DocEdition as usize`).
        page: [Option<(CudaVersion, &'static str)>; DocEdition::ALL.len()],
    },
}

impl CudaProfile {
    fn of(series: VmSeries) -> CudaProfile {
        if series.category() != VmCategory::Gpu {
            return CudaProfile::NoGpu;
        }
        if let Some(gpu) = series.gpu().filter(|g| g.vendor != GpuVendor::Nvidia) {
            return CudaProfile::NotNvidia { source: gpu.source };
        }
        let cc = series.compute_capability();
        CudaProfile::Nvidia {
            cc,
            nvidia: cc.and_then(ComputeCapability::nvidia_cuda),
            page: [
                DocEdition::Jan2024,
                DocEdition::Nov2025,
                DocEdition::Mar2026,
            ]
            .map(|e| edition_row(series, e)),
        }
    }
}

/// The page's CUDA lower bound for the series in `edition`, with its source.
fn edition_row(series: VmSeries, edition: DocEdition) -> Option<(CudaVersion, &'static str)> {
    PAGE_CUDA_TABLE
        .iter()
        .find(|row| row.in_edition(edition) && row.series.contains(&series))
        .map(|row| (row.min_cuda, row.source))
}

impl VmSize {
    /// [`VmSeries::cuda_verdict`] for the size's series, with the size's GPU count from
    /// `catalog` when it has the size (a listed size with no GPU has no CUDA).
    ///
    /// ```
    /// use aml_targets::{Catalog, CudaVersion, DocEdition, VmSize};
    /// use aml_targets::vm::CudaReason;
    ///
    /// let size: VmSize = "Standard_NC24rs_v3".parse()?;
    /// let v = size.cuda_verdict(Catalog::embedded(), CudaVersion::new(12, 4), DocEdition::LATEST);
    /// assert!(v.runs());
    /// let cpu: VmSize = "Standard_D4s_v3".parse()?;
    /// let v = cpu.cuda_verdict(Catalog::embedded(), CudaVersion::new(12, 4), DocEdition::LATEST);
    /// assert_eq!(v.nvidia.reason, CudaReason::NoGpu);
    /// # Ok::<(), aml_targets::vm::ParseVmSizeError>(())
    /// ```
    #[must_use]
    pub fn cuda_verdict(
        &self,
        catalog: &Catalog,
        cuda: impl Into<CudaRequirement>,
        edition: DocEdition,
    ) -> CudaVerdict {
        self.cuda_verdict_for(catalog, &cuda.into(), edition)
    }

    /// [`VmSize::cuda_verdict`] for a borrowed requirement.
    #[must_use]
    pub fn cuda_verdict_for(
        &self,
        catalog: &Catalog,
        cuda: &CudaRequirement,
        edition: DocEdition,
    ) -> CudaVerdict {
        let spec = catalog.get(self);
        if spec.is_some_and(|s| s.gpus.is_zero()) {
            let no_gpu = no(CudaReason::NoGpu, NO_GPU_SOURCE);
            return CudaVerdict {
                series: self.series(),
                compute_capability: None,
                page: no_gpu,
                nvidia: no_gpu,
            };
        }
        if let Some(series) = self.series().or_else(|| spec.and_then(|s| s.series)) {
            series.cuda_verdict_for(cuda, edition)
        } else {
            let unknown = silent(CudaReason::UnknownSeries, NO_GPU_SOURCE);
            CudaVerdict {
                series: None,
                compute_capability: None,
                page: unknown,
                nvidia: unknown,
            }
        }
    }
}

/// One row of the Azure ML page's table "GPU architecture and CUDA": the series with GPUs of
/// one architecture, and the lowest CUDA version the page gives for them.
///
/// The page states lower bounds only ("9.0+"). NVIDIA's upper bounds (Kepler ends at CUDA
/// 11.8; Maxwell, Pascal and Volta at 12.9) are a separate fact from a separate source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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
    /// The last edition with this row exactly so (`None`: every later edition).
    pub last_edition: Option<DocEdition>,
    /// Where the row comes from.
    pub source: &'static str,
}

impl PageCudaRow {
    /// The page's CUDA-table row for `architecture` in `edition`, if it has one.
    #[must_use]
    pub fn find(
        architecture: GpuArchitecture,
        edition: DocEdition,
    ) -> Option<&'static PageCudaRow> {
        PAGE_CUDA_TABLE
            .iter()
            .find(|row| row.architecture == architecture && row.in_edition(edition))
    }

    /// Whether `edition`'s table has this row.
    #[must_use]
    pub fn in_edition(&self, edition: DocEdition) -> bool {
        self.first_edition <= edition && self.last_edition.is_none_or(|last| edition <= last)
    }
}

const CUDA_TABLE_SOURCE: &str = "concept-compute-target.md, \"GPU architecture and CUDA\" table";

/// The Azure ML page's CUDA table, newest architecture first as the page orders it. Rows for
/// Kepler through Ampere appear in every edition; the Hopper row from Mar 2026, when the
/// Ampere row also gains `NCA100_v4` (NCads_A100_v4).
///
/// ```
/// use aml_targets::{DocEdition, GpuArchitecture};
/// use aml_targets::vm::PAGE_CUDA_TABLE;
///
/// let hopper = PAGE_CUDA_TABLE.iter().find(|r| r.architecture == GpuArchitecture::Hopper).unwrap();
/// assert_eq!(hopper.min_cuda.to_string(), "12.0");
/// assert!(!hopper.in_edition(DocEdition::Nov2025));
/// ```
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
        last_edition: None,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Ampere,
        series: &[VmSeries::NDasrA100_v4, VmSeries::NCads_A100_v4],
        page_series: "NDA100_v4, NCA100_v4",
        min_cuda: CudaVersion::new(11, 0),
        first_edition: DocEdition::Mar2026,
        last_edition: None,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Ampere,
        series: &[VmSeries::NDasrA100_v4],
        page_series: "NDA100_v4",
        min_cuda: CudaVersion::new(11, 0),
        first_edition: DocEdition::Jan2024,
        last_edition: Some(DocEdition::Nov2025),
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Turing,
        series: &[VmSeries::NCasT4_v3],
        page_series: "NCT4_v3",
        min_cuda: CudaVersion::new(10, 0),
        first_edition: DocEdition::Jan2024,
        last_edition: None,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Volta,
        series: &[VmSeries::NCv3, VmSeries::NDv2],
        page_series: "NCv3, NDv2",
        min_cuda: CudaVersion::new(9, 0),
        first_edition: DocEdition::Jan2024,
        last_edition: None,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Pascal,
        series: &[VmSeries::NCv2, VmSeries::ND],
        page_series: "NCv2, ND",
        min_cuda: CudaVersion::new(9, 0),
        first_edition: DocEdition::Jan2024,
        last_edition: None,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Maxwell,
        series: &[VmSeries::NV, VmSeries::NVv3],
        page_series: "NV, NVv3",
        min_cuda: CudaVersion::new(9, 0),
        first_edition: DocEdition::Jan2024,
        last_edition: None,
        source: CUDA_TABLE_SOURCE,
    },
    PageCudaRow {
        architecture: GpuArchitecture::Kepler,
        series: &[VmSeries::NC, VmSeries::NC_Promo],
        page_series: "NC, NC Promo",
        min_cuda: CudaVersion::new(9, 0),
        first_edition: DocEdition::Jan2024,
        last_edition: None,
        source: CUDA_TABLE_SOURCE,
    },
];

/// `{"supported", "reason", "source"}`, the reason as a sentence.
#[cfg(feature = "serde")]
impl serde::Serialize for SourceVerdict {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("SourceVerdict", 3)?;
        m.serialize_field("supported", &self.supported)?;
        m.serialize_field("reason", &self.reason.to_string())?;
        m.serialize_field("source", self.source)?;
        m.end()
    }
}

/// `{"series", "compute_capability", "page", "nvidia", "runs"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for CudaVerdict {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("CudaVerdict", 5)?;
        m.serialize_field("series", &self.series)?;
        m.serialize_field("compute_capability", &self.compute_capability)?;
        m.serialize_field("page", &self.page)?;
        m.serialize_field("nvidia", &self.nvidia)?;
        m.serialize_field("runs", &self.runs())?;
        m.end()
    }
}

/// As its sentence.
#[cfg(feature = "serde")]
impl serde::Serialize for CudaReason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
