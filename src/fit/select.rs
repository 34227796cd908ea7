//! Pure selection: which training targets, inference targets and VM sizes fit a need, and why
//! the others do not (FACTS §1–§4, §8).

use std::cell::Cell;
use std::fmt;

use crate::text::readable;

use crate::date::Date;
use crate::edition::{ApiView, DocEdition};
use crate::fit::{FrameworkNeed, InferenceMode, InferenceNeeds, SizeNeeds, TrainingNeeds};
use crate::gpu::GpuArchitecture;
use crate::targets::{
    ComputeKind, FeatureSupport, InferenceProfile, InferenceTarget, Support, TrainingTarget,
};
use crate::vm::{
    Catalog, CudaReason, GpuCount, GpuVendor, RankedRows, RetirementState, RowClass, SUPPORT_CODES,
    SupportedBy, VmSeries, VmSize, VmSizeSpec, positions, support_code,
};

/// A small set of reasons of one kind, stored as bits (no allocation).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ReasonSet<T> {
    bits: u32,
    kind: std::marker::PhantomData<T>,
}

/// A fieldless reason kind that a [`ReasonSet`] can hold.
pub trait ReasonKind: Copy + 'static {
    /// Every kind, in display order.
    const ALL: &'static [Self];
    /// The kind's bit.
    fn bit(self) -> u32;
}

impl<T: ReasonKind> ReasonSet<T> {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        ReasonSet {
            bits: 0,
            kind: std::marker::PhantomData,
        }
    }

    fn insert(&mut self, kind: T) {
        self.bits |= kind.bit();
    }

    const fn from_bits(bits: u32) -> Self {
        ReasonSet {
            bits,
            kind: std::marker::PhantomData,
        }
    }

    fn union(self, other: Self) -> Self {
        ReasonSet {
            bits: self.bits | other.bits,
            kind: std::marker::PhantomData,
        }
    }

    fn insert_if(&mut self, condition: bool, kind: T) {
        // Branch-free: the loops over catalogs run this for every size.
        self.bits |= u32::from(condition) * kind.bit();
    }

    /// Whether `kind` is in the set.
    #[must_use]
    pub fn contains(self, kind: T) -> bool {
        self.bits & kind.bit() != 0
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// How many reasons.
    #[must_use]
    pub const fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// The reasons, in display order.
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::ALL.iter().copied().filter(move |k| self.contains(*k))
    }
}

impl<T: ReasonKind + fmt::Debug> fmt::Debug for ReasonSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

macro_rules! reason_kind {
    ($ty:ident) => {
        impl ReasonKind for $ty {
            const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;
            fn bit(self) -> u32 {
                1 << (self as u32)
            }
        }
    };
}

// ---- training ---------------------------------------------------------------------------

/// Why a training target does not fit.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
)]
#[non_exhaustive]
pub enum TrainingMisfit {
    /// The target does not support automated ML.
    #[strum(to_string = "automated ML is not supported")]
    AutomatedMl,
    /// The target does not support ML pipelines.
    #[strum(to_string = "ML pipelines are not supported")]
    MlPipelines,
    /// The target does not support the designer.
    #[strum(to_string = "the designer is not supported")]
    Designer,
    /// Managed compute was asked for; the target is attached.
    #[strum(to_string = "not managed by Azure ML")]
    NotManaged,
    /// Multi-node was asked for; the target is single node (compute instance).
    #[strum(to_string = "single node only")]
    SingleNode,
    /// Azure Databricks is a training resource for local runs and ML pipelines only.
    #[strum(
        to_string = "Azure Databricks is not a remote target for training outside ML pipelines"
    )]
    NotRemoteTarget,
    /// The service behind the target is retired on the date asked about (Azure Data Lake
    /// Analytics since 2024-02-29).
    #[strum(to_string = "the service is retired")]
    Retired,
}

reason_kind!(TrainingMisfit);

/// How a training target fits a [`TrainingNeeds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TrainingFit {
    /// The target.
    pub target: TrainingTarget,
    /// Its row of the training table.
    pub features: FeatureSupport,
    /// Whether Azure ML manages it.
    pub managed: bool,
    /// Why it does not fit; empty when it fits.
    pub misfits: ReasonSet<TrainingMisfit>,
    /// The weakest support among the features asked for (`Yes` when none is asked for):
    /// a qualified level ("through SDK", "SDK local mode only") is a caveat.
    pub support: Support,
}

impl TrainingFit {
    /// Whether the target fits.
    #[must_use]
    pub const fn fits(&self) -> bool {
        self.misfits.is_empty()
    }

    /// The caveats of a fitting target: the support's qualifier and the page's caveat.
    pub fn caveats(&self) -> impl Iterator<Item = &'static str> {
        self.support
            .qualifier()
            .into_iter()
            .chain(self.target.caveat())
    }
}

/// Every training target the page lists for the needs' edition and view, with how it fits.
///
/// ```
/// use aml_targets::{TrainingNeeds, TrainingTarget, training_targets};
///
/// let needs = TrainingNeeds { automated_ml: true, managed_only: true, ..TrainingNeeds::default() };
/// let fitting: Vec<TrainingTarget> =
///     training_targets(&needs).filter(|f| f.fits()).map(|f| f.target).collect();
/// assert_eq!(
///     fitting,
///     [TrainingTarget::ComputeCluster, TrainingTarget::ServerlessCompute, TrainingTarget::ComputeInstance],
/// );
/// ```
pub fn training_targets(needs: &TrainingNeeds) -> impl Iterator<Item = TrainingFit> + '_ {
    TrainingTarget::listed(needs.edition, needs.view).map(move |target| {
        let features = target.features();
        let mut misfits = ReasonSet::new();
        let mut support = Support::Yes;
        for (asked, level, misfit) in [
            (
                needs.automated_ml,
                features.automated_ml,
                TrainingMisfit::AutomatedMl,
            ),
            (
                needs.ml_pipelines,
                features.ml_pipelines,
                TrainingMisfit::MlPipelines,
            ),
            (needs.designer, features.designer, TrainingMisfit::Designer),
        ] {
            if asked {
                misfits.insert_if(!level.is_supported(), misfit);
                support = support.min(level);
            }
        }
        misfits.insert_if(
            needs.managed_only && !target.is_managed(),
            TrainingMisfit::NotManaged,
        );
        misfits.insert_if(
            needs.multi_node && target == TrainingTarget::ComputeInstance,
            TrainingMisfit::SingleNode,
        );
        misfits.insert_if(
            target == TrainingTarget::Databricks && !needs.ml_pipelines && !needs.automated_ml,
            TrainingMisfit::NotRemoteTarget,
        );
        misfits.insert_if(
            needs.on.is_some_and(|on| target.is_retired(on)),
            TrainingMisfit::Retired,
        );
        TrainingFit {
            target,
            features,
            managed: target.is_managed(),
            misfits,
            support,
        }
    })
}

// ---- inference --------------------------------------------------------------------------

/// Why an inference target does not fit.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
)]
#[non_exhaustive]
pub enum InferenceMisfit {
    /// It does not serve real-time requests.
    #[strum(to_string = "no real-time inference")]
    NoRealTime,
    /// It does not run batch scoring.
    #[strum(to_string = "no batch inference")]
    NoBatch,
    /// Production was asked for; it is for development and testing only.
    #[strum(to_string = "development and testing only, not production")]
    DevTestOnly,
    /// GPU was asked for; it has none.
    #[strum(to_string = "no GPU")]
    NoGpu,
    /// The model is not under the target's model-size limit (ACI: under 1 GB).
    #[strum(to_string = "the model is too large")]
    ModelTooLarge,
    /// The workload needs more RAM than the target allows (ACI: under 48 GB, with the 150 %
    /// headroom).
    #[strum(to_string = "needs too much RAM")]
    TooMuchRam,
}

reason_kind!(InferenceMisfit);

/// How an inference target, in one SDK/CLI view, fits an [`InferenceNeeds`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct InferenceFit {
    /// The target.
    pub target: InferenceTarget,
    /// The view.
    pub view: ApiView,
    /// What the target is for in that view.
    pub profile: InferenceProfile,
    /// Why it does not fit; empty when it fits.
    pub misfits: ReasonSet<InferenceMisfit>,
}

impl InferenceFit {
    /// Whether the target fits.
    #[must_use]
    pub const fn fits(&self) -> bool {
        self.misfits.is_empty()
    }
}

/// Every inference target of the needs' view (or both views), with how it fits.
///
/// ```
/// use aml_targets::{InferenceNeeds, InferenceTarget, inference_targets};
/// use aml_targets::fit::InferenceMisfit;
///
/// let needs = InferenceNeeds { model_size_gb: Some(2.0), ..InferenceNeeds::default() };
/// let aci = inference_targets(&needs)
///     .find(|f| f.target == InferenceTarget::ContainerInstances)
///     .unwrap();
/// assert!(aci.misfits.contains(InferenceMisfit::ModelTooLarge));
/// ```
pub fn inference_targets(needs: &InferenceNeeds) -> impl Iterator<Item = InferenceFit> + '_ {
    let views: &[ApiView] = match needs.view {
        Some(ApiView::V1) => &[ApiView::V1],
        Some(ApiView::V2) => &[ApiView::V2],
        None => &[ApiView::V2, ApiView::V1],
    };
    views.iter().flat_map(move |&view| {
        InferenceTarget::listed(view).filter_map(move |target| {
            let profile = target.profile(view)?;
            let mut misfits = ReasonSet::new();
            misfits.insert_if(
                needs.mode == InferenceMode::RealTime && !profile.realtime,
                InferenceMisfit::NoRealTime,
            );
            misfits.insert_if(
                needs.mode == InferenceMode::Batch && !profile.batch,
                InferenceMisfit::NoBatch,
            );
            misfits.insert_if(
                needs.production && profile.dev_test_only,
                InferenceMisfit::DevTestOnly,
            );
            misfits.insert_if(needs.gpu && !profile.gpu, InferenceMisfit::NoGpu);
            if let Some(limits) = profile.limits {
                if let Some(size) = needs.model_size_gb {
                    misfits.insert_if(
                        !limits.admits_model_size_gb(size),
                        InferenceMisfit::ModelTooLarge,
                    );
                }
                if let Some(ram) = needs.model_ram_gb {
                    let with_headroom = crate::targets::inference_ram_with_headroom(ram);
                    misfits.insert_if(
                        !limits.admits_ram_gb(with_headroom),
                        InferenceMisfit::TooMuchRam,
                    );
                }
            }
            Some(InferenceFit {
                target,
                view,
                profile,
                misfits,
            })
        })
    })
}

// ---- VM sizes ---------------------------------------------------------------------------

/// A kind of reason a VM size is rejected, in the order reasons are reported.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::IntoStaticStr,
    strum::Display,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum RejectionKind {
    /// Azure ML does not list the size's series.
    NotSupported,
    /// The series is not for the compute kind asked for (FX on an instance).
    WrongCompute,
    /// The series is retired on the date.
    Retired,
    /// Too little memory.
    Memory,
    /// Too few vCPUs.
    Vcpus,
    /// Too few GPUs.
    Gpus,
    /// Not the GPU model asked for.
    GpuModel,
    /// A GPU architecture older than asked for.
    GpuArchitecture,
    /// Too little memory per GPU.
    GpuMemory,
    /// An AMD GPU where CUDA is needed.
    NotNvidia,
    /// The CUDA asked for does not run on the GPU (NVIDIA's ranges).
    Cuda,
    /// No CUDA build of the framework release runs on the GPU.
    Framework,
    /// Not an isolated size.
    NotIsolated,
    /// Not RDMA capable.
    NoRdma,
    /// Its quota family has no room for one more node ([`recommend_sizes_within`]).
    Quota,
}

reason_kind!(RejectionKind);

/// One reason a VM size is rejected, with the figures.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Rejection<'a> {
    /// Azure ML does not list the size's series (or the series is unknown).
    NotSupported {
        /// The series, when known.
        series: Option<VmSeries>,
    },
    /// The series is not for the compute kind asked for.
    WrongCompute {
        /// The compute asked for.
        compute: ComputeKind,
        /// Which compute can use it.
        supported_by: Option<SupportedBy>,
    },
    /// Retired on the date.
    Retired {
        /// Since when.
        since: Date,
    },
    /// Too little memory, GiB.
    Memory {
        /// The size's memory.
        has_gib: f64,
        /// The memory needed.
        needs_gib: f64,
    },
    /// Too few vCPUs.
    Vcpus {
        /// The size's vCPUs.
        has: u32,
        /// The vCPUs needed.
        needs: u32,
    },
    /// Too few GPUs.
    Gpus {
        /// The size's GPUs.
        has: GpuCount,
        /// The GPUs needed.
        needs: GpuCount,
    },
    /// Not the GPU model asked for.
    GpuModel {
        /// The size's GPU model.
        has: Option<&'a str>,
        /// The model asked for.
        needs: &'a str,
    },
    /// Older GPU architecture.
    GpuArchitecture {
        /// The size's architecture.
        has: Option<GpuArchitecture>,
        /// The oldest acceptable.
        needs: GpuArchitecture,
    },
    /// Too little memory per GPU, GiB.
    GpuMemory {
        /// The size's memory per GPU.
        has: Option<f64>,
        /// The memory needed.
        needs: f64,
    },
    /// An AMD GPU where CUDA is needed.
    NotNvidia,
    /// The CUDA does not run on the GPU.
    Cuda {
        /// NVIDIA's reason.
        reason: CudaReason,
    },
    /// No CUDA build of the framework release runs on the GPU.
    Framework {
        /// The framework release.
        need: FrameworkNeed,
    },
    /// Not isolated.
    NotIsolated,
    /// Not RDMA capable.
    NoRdma,
    /// No room in the quota: the size needs `needs` vCPUs, `free` are free.
    Quota {
        /// The quota row's name: the family, or the regional total.
        of: &'a str,
        /// The vCPUs one node needs.
        needs: u64,
        /// The vCPUs free.
        free: u64,
    },
}

impl Rejection<'_> {
    /// The kind of the reason.
    #[must_use]
    pub const fn kind(&self) -> RejectionKind {
        match self {
            Rejection::NotSupported { .. } => RejectionKind::NotSupported,
            Rejection::WrongCompute { .. } => RejectionKind::WrongCompute,
            Rejection::Retired { .. } => RejectionKind::Retired,
            Rejection::Memory { .. } => RejectionKind::Memory,
            Rejection::Vcpus { .. } => RejectionKind::Vcpus,
            Rejection::Gpus { .. } => RejectionKind::Gpus,
            Rejection::GpuModel { .. } => RejectionKind::GpuModel,
            Rejection::GpuArchitecture { .. } => RejectionKind::GpuArchitecture,
            Rejection::GpuMemory { .. } => RejectionKind::GpuMemory,
            Rejection::NotNvidia => RejectionKind::NotNvidia,
            Rejection::Cuda { .. } => RejectionKind::Cuda,
            Rejection::Framework { .. } => RejectionKind::Framework,
            Rejection::NotIsolated => RejectionKind::NotIsolated,
            Rejection::NoRdma => RejectionKind::NoRdma,
            Rejection::Quota { .. } => RejectionKind::Quota,
        }
    }
}

impl fmt::Display for Rejection<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::NotSupported { series: Some(s) } => {
                write!(f, "series {s} is not supported by Azure ML")
            }
            Rejection::NotSupported { series: None } => {
                f.write_str("unknown series, not supported by Azure ML")
            }
            Rejection::WrongCompute {
                compute,
                supported_by,
            } => match supported_by {
                Some(by) => write!(f, "not for {compute} (supported by: {by})"),
                None => write!(f, "not for {compute}"),
            },
            Rejection::Retired { since } => write!(f, "retired since {since}"),
            Rejection::Memory { has_gib, needs_gib } => write!(
                f,
                "too little memory: {} GiB, needs {} GiB",
                readable(*has_gib),
                readable(*needs_gib)
            ),
            Rejection::Vcpus { has, needs } => write!(f, "too few vCPUs: {has}, needs {needs}"),
            Rejection::Gpus { has, needs } => write!(f, "too few GPUs: {has}, needs {needs}"),
            Rejection::GpuModel { has, needs } => {
                write!(f, "GPU is {}, needs {needs}", has.unwrap_or("none"))
            }
            Rejection::GpuArchitecture { has, needs } => match has {
                Some(a) => write!(f, "GPU architecture {a} is older than {needs}"),
                None => write!(f, "no NVIDIA GPU architecture, needs {needs} or newer"),
            },
            Rejection::GpuMemory { has, needs } => match has {
                Some(m) => write!(
                    f,
                    "too little GPU memory: {} GiB, needs {} GiB",
                    readable(*m),
                    readable(*needs)
                ),
                None => write!(f, "GPU memory unknown, needs {} GiB", readable(*needs)),
            },
            Rejection::NotNvidia => f.write_str("AMD GPU: no CUDA"),
            Rejection::Cuda { reason } => write!(f, "CUDA: {reason}"),
            Rejection::Framework { need } => write!(
                f,
                "no CUDA build of {} {} runs on the GPU",
                need.framework, need.version
            ),
            Rejection::NotIsolated => f.write_str("not an isolated size"),
            Rejection::NoRdma => f.write_str("not RDMA capable"),
            Rejection::Quota { of, needs, free } => {
                write!(f, "no quota room: needs {needs} vCPUs of {of}, {free} free")
            }
        }
    }
}

/// The facts of a series the size checks need, computed once per series.
#[derive(Clone, Copy)]
struct SeriesFacts {
    supported_by: Option<SupportedBy>,
    state: RetirementState,
    gpu: Option<&'static crate::vm::SeriesGpu>,
    arch: Option<GpuArchitecture>,
    amd: bool,
    /// NVIDIA's reason when the needed CUDA does not run on the series' GPU.
    cuda: Option<CudaReason>,
    /// Whether a build of the needed framework release runs on the series' GPU.
    framework_runs: bool,
    /// The series-dependent kinds of a size of the series with a GPU, and without one.
    with_gpu: ReasonSet<RejectionKind>,
    without_gpu: ReasonSet<RejectionKind>,
}

fn series_facts(series: Option<VmSeries>, needs: &SizeNeeds, on: Date) -> SeriesFacts {
    use RejectionKind as K;
    let gpu = series.and_then(VmSeries::gpu);
    let amd = gpu.is_some_and(|g| g.vendor != GpuVendor::Nvidia);
    let supported_by = series.and_then(|s| s.supported_by(needs.edition));
    let state = series.map_or(RetirementState::Active, |s| match &needs.region {
        Some(region) => s.retirement_state_in(region, on),
        None => s.retirement_state(on),
    });
    let arch = gpu.and_then(|g| g.architecture);
    let cuda = needs
        .cuda
        .as_ref()
        .and_then(|cuda| series?.nvidia_rejects(cuda));
    let framework_runs = needs.framework.is_some_and(|need| {
        series.is_some_and(|s| match s.framework_builds(need.framework, need.version) {
            // A release the data does not know: not judged, never a rejection
            // (`Recommendation::framework_unknown` says so).
            None => true,
            Some(mut builds) => builds.any(|b| b.runs == Some(true)),
        })
    });
    // The same rules as `kinds`, evaluated once for both kinds of sizes of the series.
    let wants_cuda = needs.cuda.is_some() || needs.framework.is_some();
    let mut with_gpu = ReasonSet::new();
    let mut without_gpu = ReasonSet::new();
    for set in [&mut with_gpu, &mut without_gpu] {
        set.insert_if(state.is_retired(), K::Retired);
    }
    if let Some(wanted) = needs.gpu_architecture {
        with_gpu.insert_if(arch.is_none_or(|a| a < wanted), K::GpuArchitecture);
        without_gpu.insert(K::GpuArchitecture);
    }
    with_gpu.insert_if(wants_cuda && amd, K::NotNvidia);
    if needs.cuda.is_some() {
        with_gpu.insert_if(!amd && cuda.is_some(), K::Cuda);
        without_gpu.insert(K::Cuda);
    }
    if needs.framework.is_some() {
        with_gpu.insert_if(!amd && !framework_runs, K::Framework);
        without_gpu.insert(K::Framework);
    }
    SeriesFacts {
        supported_by,
        state,
        gpu,
        arch,
        amd,
        cuda,
        framework_runs,
        with_gpu,
        without_gpu,
    }
}

/// [`RejectionKind::WrongCompute`] for a size usable by `supported_by`.
fn support_kinds(
    supported_by: Option<SupportedBy>,
    compute: Option<ComputeKind>,
) -> ReasonSet<RejectionKind> {
    // Unknown support (a series the page does not list, a size no listing names) is no
    // reason to reject: such sizes rank after those known to be supported.
    let mut k = ReasonSet::new();
    let wrong = compute.is_some_and(|compute| {
        let ok = match compute {
            ComputeKind::ComputeCluster => supported_by.is_some_and(SupportedBy::clusters),
            ComputeKind::ComputeInstance => supported_by.is_some_and(SupportedBy::instances),
            _ => true,
        };
        !ok && supported_by.is_some()
    });
    k.insert_if(wrong, RejectionKind::WrongCompute);
    k
}

/// Everything the checks of one size need.
struct Facts<'a, 's> {
    spec: &'a VmSizeSpec,
    series: Option<VmSeries>,
    /// The size's own `supported_by` (from a listing), else its series'.
    supported_by: Option<SupportedBy>,
    of_series: &'s SeriesFacts,
}

impl<'a, 's> Facts<'a, 's> {
    fn new(spec: &'a VmSizeSpec, series: Option<VmSeries>, of_series: &'s SeriesFacts) -> Self {
        Facts {
            spec,
            series,
            supported_by: spec.supported_by.or(of_series.supported_by),
            of_series,
        }
    }

    fn has_gpu(&self) -> bool {
        !self.spec.gpus.is_zero()
    }

    fn amd(&self) -> bool {
        self.has_gpu() && self.of_series.amd
    }

    fn arch(&self) -> Option<GpuArchitecture> {
        self.of_series.arch.filter(|_| self.has_gpu())
    }

    fn gpu_memory(&self) -> Option<f64> {
        gpu_memory_of(self.spec, self.of_series.gpu)
    }

    fn gpu_model(&self) -> Option<&'a str> {
        gpu_model_of(self.spec, self.of_series.gpu)
    }

    /// The CUDA rejection, if any: no GPU, or NVIDIA's reason (AMD GPUs are reported as
    /// [`RejectionKind::NotNvidia`] instead).
    fn cuda(&self, needs: &SizeNeeds) -> Option<CudaReason> {
        needs.cuda.as_ref()?;
        if self.amd() {
            None
        } else if !self.has_gpu() {
            Some(CudaReason::NoGpu)
        } else {
            self.of_series.cuda
        }
    }

    fn framework_fails(&self, needs: &SizeNeeds) -> bool {
        needs.framework.is_some()
            && !self.amd()
            && !(self.has_gpu() && self.of_series.framework_runs)
    }
}

/// The GPU memory of a size: its own figure, or its series' GPU's; `None` without a GPU.
fn gpu_memory_of(spec: &VmSizeSpec, gpu: Option<&crate::vm::SeriesGpu>) -> Option<f64> {
    spec.gpu_memory_gib
        .or_else(|| gpu.map(|g| f64::from(g.memory_gib)))
        .filter(|_| !spec.gpus.is_zero())
}

/// The GPU model of a size: its own, or its series'; `None` without a GPU.
fn gpu_model_of<'a>(
    spec: &'a VmSizeSpec,
    gpu: Option<&'static crate::vm::SeriesGpu>,
) -> Option<&'a str> {
    spec.gpu_model
        .as_deref()
        .or_else(|| gpu.map(|g| g.model))
        .filter(|_| !spec.gpus.is_zero())
}

/// The series of a row: its own, or its name's.
fn series_of(spec: &VmSizeSpec) -> Option<VmSeries> {
    spec.series
        .or_else(|| spec.size().ok().and_then(|s| s.series()))
}

/// Whether `has` falls short of `needs`; a NaN need is never met (so a need built with NaN
/// rejects every size rather than none).
#[inline]
#[allow(clippy::neg_cmp_op_on_partial_ord)] // the negation is the point: NaN compares false
fn short_of(has: f64, needs: f64) -> bool {
    !(has >= needs)
}

/// Whether `needle` occurs in `haystack` as a whole word, ASCII case ignored: `A10` matches
/// "NVIDIA A10" but not "NVIDIA A100 PCIe".
fn contains_word(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return true;
    }
    let boundary = |i: Option<usize>| {
        i.and_then(|i| h.get(i))
            .is_none_or(|b| !b.is_ascii_alphanumeric())
    };
    (0..h.len().saturating_sub(n.len() - 1)).any(|start| {
        h[start..start + n.len()].eq_ignore_ascii_case(n)
            && boundary(start.checked_sub(1))
            && boundary(Some(start + n.len()))
    })
}

/// The kinds of reasons the size of `f` does not meet `needs` (`memory` is
/// [`SizeNeeds::memory_gib_needed`]), rule by rule: the reference the ranked walk is
/// tested against, and the kinds [`rejections`] gives figures for.
fn kinds(f: &Facts<'_, '_>, needs: &SizeNeeds, memory: Option<f64>) -> ReasonSet<RejectionKind> {
    use RejectionKind as K;
    let spec = f.spec;
    let mut k = support_kinds(f.supported_by, needs.compute);
    k.insert_if(f.of_series.state.is_retired(), K::Retired);
    k.insert_if(
        memory.is_some_and(|m| short_of(spec.memory_gib, m)),
        K::Memory,
    );
    k.insert_if(needs.vcpus.is_some_and(|n| spec.vcpus < n), K::Vcpus);
    k.insert_if(needs.gpus.is_some_and(|n| spec.gpus < n), K::Gpus);
    if let Some(wanted) = needs.gpu_model.as_deref() {
        k.insert_if(
            f.gpu_model().is_none_or(|m| !contains_word(m, wanted)),
            K::GpuModel,
        );
    }
    if let Some(wanted) = needs.gpu_architecture {
        k.insert_if(f.arch().is_none_or(|a| a < wanted), K::GpuArchitecture);
    }
    if let Some(wanted) = needs.gpu_memory_gib {
        k.insert_if(
            f.gpu_memory().is_none_or(|m| short_of(m, wanted)),
            K::GpuMemory,
        );
    }
    let wants_cuda = needs.cuda.is_some() || needs.framework.is_some();
    k.insert_if(wants_cuda && f.amd(), K::NotNvidia);
    k.insert_if(f.cuda(needs).is_some(), K::Cuda);
    k.insert_if(f.framework_fails(needs), K::Framework);
    k.insert_if(needs.isolated && !spec.is_isolated(), K::NotIsolated);
    k.insert_if(needs.rdma && spec.rdma != Some(true), K::NoRdma);
    k
}

/// Every reason the size of `f` does not meet `needs`, in [`RejectionKind`] order.
fn rejections<'a>(f: &Facts<'a, '_>, needs: &'a SizeNeeds) -> Vec<Rejection<'a>> {
    let memory = needs.memory_gib;
    kinds(f, needs, memory)
        .iter()
        .filter_map(|kind| {
            Some(match kind {
                RejectionKind::NotSupported => Rejection::NotSupported { series: f.series },
                RejectionKind::WrongCompute => Rejection::WrongCompute {
                    compute: needs.compute.unwrap_or(ComputeKind::ComputeCluster),
                    supported_by: f.supported_by,
                },
                RejectionKind::Retired => Rejection::Retired {
                    since: f.of_series.state.date().unwrap_or(Date::MIN),
                },
                RejectionKind::Memory => Rejection::Memory {
                    has_gib: f.spec.memory_gib,
                    needs_gib: memory.unwrap_or_default(),
                },
                RejectionKind::Vcpus => Rejection::Vcpus {
                    has: f.spec.vcpus,
                    needs: needs.vcpus.unwrap_or_default(),
                },
                RejectionKind::Gpus => Rejection::Gpus {
                    has: f.spec.gpus,
                    needs: needs.gpus.unwrap_or(GpuCount::ZERO),
                },
                RejectionKind::GpuModel => Rejection::GpuModel {
                    has: f.gpu_model(),
                    needs: needs.gpu_model.as_deref().unwrap_or_default(),
                },
                RejectionKind::GpuArchitecture => Rejection::GpuArchitecture {
                    has: f.arch(),
                    needs: needs.gpu_architecture.unwrap_or(GpuArchitecture::Kepler),
                },
                RejectionKind::GpuMemory => Rejection::GpuMemory {
                    has: f.gpu_memory(),
                    needs: needs.gpu_memory_gib.unwrap_or_default(),
                },
                RejectionKind::NotNvidia => Rejection::NotNvidia,
                RejectionKind::Cuda => Rejection::Cuda {
                    reason: f.cuda(needs).unwrap_or(CudaReason::NoGpu),
                },
                RejectionKind::Framework => Rejection::Framework {
                    need: needs.framework.unwrap_or(FrameworkNeed::new(
                        crate::gpu::Framework::PyTorch,
                        crate::gpu::FrameworkVersion::new(0, 0),
                    )),
                },
                RejectionKind::NotIsolated => Rejection::NotIsolated,
                RejectionKind::NoRdma => Rejection::NoRdma,
                // Added by `RejectedSize::reasons` from the quota verdict it keeps.
                RejectionKind::Quota => return None,
            })
        })
        .collect()
}

/// A size that fits, with its place in the ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Candidate<'c> {
    /// The size.
    pub spec: &'c VmSizeSpec,
    /// Its retirement state on the date (a fitting size is never retired; it may be
    /// retiring).
    pub retirement: RetirementState,
    /// Which Azure ML compute can use it: the size's listing, else the page's list for its
    /// series; `None` when neither says (a series the page does not list, a size no listing
    /// names): check `az ml compute list-sizes` for the region.
    pub support: Option<SupportedBy>,
}

/// A size that does not fit, and every reason why.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct RejectedSize<'c> {
    /// The size.
    pub spec: &'c VmSizeSpec,
    /// The kinds of reasons; [`RejectedSize::reasons`] gives the figures.
    pub kinds: ReasonSet<RejectionKind>,
    /// The quota row that has no room for one node.
    quota: Option<&'c crate::quota::Usage>,
}

impl<'c> RejectedSize<'c> {
    /// Every reason the size was rejected, with the figures (`needs` and `on` as given to
    /// [`recommend_sizes`]).
    #[must_use]
    pub fn reasons<'a>(&self, needs: &'a SizeNeeds, on: Date) -> Vec<Rejection<'a>>
    where
        'c: 'a,
    {
        let series = series_of(self.spec);
        let mut out = rejections(
            &Facts::new(self.spec, series, &series_facts(series, needs, on)),
            needs,
        );
        if let Some(row) = self.quota {
            out.push(Rejection::Quota {
                of: &row.name,
                needs: u64::from(self.spec.vcpus),
                free: row.free().unwrap_or(0),
            });
        }
        out
    }
}

/// How many instances to run for the concurrency asked for (scale out after scaling up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ScaleOut {
    /// Concurrent model copies one instance holds (memory / per-copy need; 1 when the model's
    /// RAM is not given).
    pub copies_per_instance: u32,
    /// Instances needed for the concurrency.
    pub instances: u32,
}

/// The answer of [`recommend_sizes`].
///
/// ```
/// use aml_targets::{Catalog, Date, SizeNeeds, recommend_sizes};
///
/// let needs = SizeNeeds::default().vcpus(8).memory_gib(32.0).concurrency(3);
/// let rec = recommend_sizes(&needs, Catalog::embedded(), "2026-11-27".parse::<Date>()?);
/// assert_eq!(rec.best().unwrap().name, "Standard_D8ads_v5");
/// assert_eq!(rec.scale_out.unwrap().instances, 3);
/// // Every rejected size says why.
/// let small = &rec.rejected[0];
/// assert!(!small.reasons(rec.needs(), rec.on()).is_empty());
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Recommendation<'c> {
    /// The sizes that fit, best first.
    pub candidates: Vec<Candidate<'c>>,
    /// The sizes that do not fit, closest first (fewest reasons, then smallest).
    pub rejected: Vec<RejectedSize<'c>>,
    /// Scale-out advice for the best size, when the needs give a concurrency.
    pub scale_out: Option<ScaleOut>,
    /// The needs and date asked about, for [`RejectedSize::reasons`] when serializing.
    needs: SizeNeeds,
    on: Date,
}

impl<'c> Recommendation<'c> {
    /// When the needs name a framework release the data does not know (a release newer than
    /// its table): a sentence saying that sizes were not judged by that release's CUDA builds,
    /// with the data's as-of date — an unknown, not a rejection.
    ///
    /// ```
    /// use aml_targets::fit::{FrameworkNeed, SizeNeeds, recommend_sizes};
    /// use aml_targets::{Catalog, Framework};
    ///
    /// let needs = SizeNeeds {
    ///     framework: Some(FrameworkNeed::new(Framework::TensorFlow, "2.99".parse()?)),
    ///     ..SizeNeeds::default()
    /// };
    /// let r = recommend_sizes(&needs, Catalog::embedded(), "2026-12-07".parse()?);
    /// assert!(!r.candidates.is_empty());
    /// assert!(r.framework_unknown().unwrap().contains("unknown to the data as of"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn framework_unknown(&self) -> Option<String> {
        let need = self.needs.framework?;
        if need.framework.builds(need.version).is_some() {
            return None;
        }
        Some(format!(
            "{} {} is unknown to the data as of {}: sizes were not judged by its CUDA builds",
            need.framework,
            need.version,
            crate::edition::DATA_AS_OF
        ))
    }

    /// The needs this recommendation answers.
    #[must_use]
    pub fn needs(&self) -> &SizeNeeds {
        &self.needs
    }

    /// The date it answers for.
    #[must_use]
    pub fn on(&self) -> Date {
        self.on
    }

    /// The smallest size that fits.
    #[must_use]
    pub fn best(&self) -> Option<&'c VmSizeSpec> {
        self.candidates.first().map(|c| c.spec)
    }

    /// When nothing fits: the rejected size that came closest (fewest reasons).
    #[must_use]
    pub fn closest(&self) -> Option<&RejectedSize<'c>> {
        if self.candidates.is_empty() {
            self.rejected.first()
        } else {
            None
        }
    }

    /// For each reason kind, how many sizes it alone rejects: relaxing that need would admit
    /// them. Sorted by count, largest first; kinds that alone reject nothing are left out.
    #[must_use]
    pub fn relax(&self) -> Vec<(RejectionKind, usize)> {
        let mut counts: Vec<(RejectionKind, usize)> = RejectionKind::ALL
            .iter()
            .map(|&kind| {
                let n = self
                    .rejected
                    .iter()
                    .filter(|r| r.kinds.len() == 1 && r.kinds.contains(kind))
                    .count();
                (kind, n)
            })
            .filter(|&(_, n)| n > 0)
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
    }
}

/// Recommends VM sizes from `catalog` for `needs` on `on`: scale up first — the smallest size
/// that fits — then scale out when a concurrency is given.
///
/// Ranking of the sizes that fit: sizes known to be supported (by their listing or the page's
/// list) of series without an announced retirement first, then GPU sizes when no need asks
/// for a GPU, then sizes of retiring series, then sizes whose support nothing confirms
/// ([`Candidate::support`] is `None`); within each, by memory, then vCPUs, then GPUs, then
/// the newer generation (then name, for a stable order). Every rejected size carries
/// every reason it was rejected; when nothing fits, [`Recommendation::closest`] and
/// [`Recommendation::relax`] say what came closest and which need to relax.
///
/// ```
/// use aml_targets::{Catalog, ComputeKind, CudaVersion, Date, SizeNeeds, recommend_sizes};
///
/// let needs = SizeNeeds::default()
///     .gpus(1)
///     .cuda(CudaVersion::new(12, 4))
///     .compute(ComputeKind::ComputeInstance);
/// let on: Date = "2026-11-26".parse()?;
/// let rec = recommend_sizes(&needs, Catalog::embedded(), on);
/// assert_eq!(rec.best().unwrap().name, "Standard_NC4as_T4_v3");
/// // A K80 is rejected twice over: retired, and CUDA 12.4 is past Kepler's 11.8.
/// let nc6 = rec.rejected.iter().find(|r| r.spec.name == "Standard_NC6").unwrap();
/// let reasons: Vec<String> = nc6.reasons(&needs, on).iter().map(|r| r.to_string()).collect();
/// assert_eq!(reasons, ["retired since 2023-08-31", "CUDA: above the maximum: CUDA 6.0 to 11.8"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn recommend_sizes<'c>(
    needs: &SizeNeeds,
    catalog: &'c Catalog,
    on: Date,
) -> Recommendation<'c> {
    recommend(needs, catalog, on, None)
}

/// [`recommend_sizes`] within a region's quota (`az ml compute list-usage`, see
/// [`Usages`](crate::quota::Usages)): a size whose family, or the regional dedicated total, has no
/// room for one node of it is rejected with [`RejectionKind::Quota`], saying how many vCPUs
/// are free. A size whose family is not known is not judged on quota.
///
/// ```
/// use aml_targets::{Catalog, Date, SizeNeeds};
/// use aml_targets::fit::recommend_sizes_within;
/// use aml_targets::quota::{Usage, UsageKind, Usages};
///
/// let usages = Usages::new(vec![
///     Usage::new("standardDDSv5Family", UsageKind::FamilyDedicated, 0, 0),
///     Usage::new("standardDADSv5Family", UsageKind::FamilyDedicated, 0, 100),
///     Usage::new("TotalDedicatedCores", UsageKind::TotalDedicated, 0, 100),
/// ]);
/// let needs = SizeNeeds::default().vcpus(8).memory_gib(32.0);
/// let on: Date = "2026-11-27".parse()?;
/// let rec = recommend_sizes_within(&needs, Catalog::embedded(), on, &usages);
/// assert_eq!(rec.best().unwrap().name, "Standard_D8ads_v5");
/// let d8ds = rec.rejected.iter().find(|r| r.spec.name == "Standard_D8ds_v5").unwrap();
/// assert_eq!(
///     d8ds.reasons(rec.needs(), on)[0].to_string(),
///     "no quota room: needs 8 vCPUs of standardDDSv5Family, 0 free"
/// );
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
#[must_use]
pub fn recommend_sizes_within<'c>(
    needs: &SizeNeeds,
    catalog: &'c Catalog,
    on: Date,
    usages: &'c crate::quota::Usages,
) -> Recommendation<'c> {
    recommend(needs, catalog, on, Some(usages))
}

/// The quota row with no room for one node of `spec`.
fn no_room<'c>(
    usages: &'c crate::quota::Usages,
    spec: &VmSizeSpec,
) -> Option<&'c crate::quota::Usage> {
    let family = spec.family.as_deref()?;
    let needs = u64::from(spec.vcpus);
    [
        usages.family(family),
        usages.total(crate::quota::UsageKind::TotalDedicated),
    ]
    .into_iter()
    .flatten()
    .find(|row| row.free().is_some_and(|free| needs > free))
}

fn recommend<'c>(
    needs: &SizeNeeds,
    catalog: &'c Catalog,
    on: Date,
    usages: Option<&'c crate::quota::Usages>,
) -> Recommendation<'c> {
    let sizes = catalog.sizes();
    let mut scratch = SCRATCH.with(Cell::take);
    let walk = Ranked::new(needs, catalog, on);
    let mut classes = std::mem::take(&mut scratch.classes);
    walk.judge_classes(&mut classes);
    // First pass: each row's kinds and bucket (a candidate's group, or a rejected size's
    // reason count after the groups) and its position among the rows of its bucket.
    let rows = walk.rows();
    let mut len = [0u32; BUCKETS];
    // The bucket of the current run of rows and the position of its next row; bucket 4 (no
    // candidate group, no reason count) is always empty, so the first run starts there.
    let mut run = (GROUPS, 0);
    let mut marks = std::mem::take(&mut scratch.marks);
    marks.clear();
    marks.resize(rows.len(), Mark::default());
    // The bucket of a row with these kinds and this class: a candidate's group, or the
    // reason count after the groups.
    let bucket = |count: u8, class: &ClassFacts| {
        if count == 0 {
            usize::from(class.group)
        } else {
            GROUPS + usize::from(count)
        }
    };
    // Rows of one bucket come in runs: a run counts in a register, and the count in memory
    // is read and written only where a run ends.
    let mut place = |bucket: usize| {
        let nth = if bucket == run.0 {
            run.1
        } else {
            len[run.0] = run.1;
            len[bucket]
        };
        run = (bucket, nth + 1);
        nth
    };
    let columns = rows
        .memory
        .iter()
        .zip(&rows.vcpus)
        .zip(&rows.gpus)
        .zip(&rows.class);
    if walk.per_size_gpu_checks || usages.is_some() {
        let each = columns.zip(&rows.row);
        for (((((&memory, &vcpus), &gpus), &class), &row), mark) in each.zip(&mut marks) {
            let class = &classes[usize::from(class)];
            let figures = walk.verdict(memory, vcpus, gpus);
            let (mut kinds, mut count) = walk.judge(row, figures, class);
            if usages.is_some_and(|u| no_room(u, &sizes[row as usize]).is_some()) {
                kinds.insert(RejectionKind::Quota);
                count += 1;
            }
            let b = bucket(count, class);
            *mark = Mark::new(kinds, b, place(b));
        }
    } else {
        // The common case, with nothing to look at beyond the figures and the classes.
        for ((((&memory, &vcpus), &gpus), &class), mark) in columns.zip(&mut marks) {
            let class = &classes[usize::from(class)];
            let f = usize::from(walk.verdict(memory, vcpus, gpus));
            let kinds = class.kinds.union(FIGURE_KINDS[f]);
            let b = bucket(class.count + FIGURE_COUNTS[f], class);
            *mark = Mark::new(kinds, b, place(b));
        }
    }
    len[run.0] = run.1;
    // Each row's place in the answer: candidates by group, then rejected sizes closest
    // first (fewest reasons), in ranking order within a bucket.
    let mut start = [0usize; BUCKETS];
    for b in 1..BUCKETS {
        start[b] = start[b - 1] + len[b - 1] as usize;
    }
    let fitting = start[GROUPS];
    let mut order = std::mem::take(&mut scratch.order);
    order.clear();
    order.resize(marks.len(), 0);
    for (i, mark) in positions(marks.len()).zip(&marks) {
        order[start[mark.bucket()] + mark.nth()] = i;
    }
    // Second pass: the answer, in order.
    let mut candidates = Vec::with_capacity(fitting);
    candidates.extend(order[..fitting].iter().map(|&i| {
        let class = &classes[usize::from(rows.class[i as usize])];
        Candidate {
            spec: &sizes[rows.row[i as usize] as usize],
            retirement: class.state,
            support: class.support,
        }
    }));
    let mut rejected = Vec::with_capacity(order.len() - fitting);
    rejected.extend(order[fitting..].iter().map(|&i| {
        let spec = &sizes[rows.row[i as usize] as usize];
        let kinds = marks[i as usize].kinds();
        let quota = if kinds.contains(RejectionKind::Quota) {
            usages.and_then(|u| no_room(u, spec))
        } else {
            None
        };
        RejectedSize { spec, kinds, quota }
    }));
    scratch.classes = classes;
    scratch.marks = marks;
    scratch.order = order;
    SCRATCH.with(|cell| cell.set(scratch));
    let scale_out = needs.concurrency.zip(candidates.first()).map(|(n, best)| {
        let per_copy = needs.memory_gib;
        // Clamped to 1..=u32::MAX first, so the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let copies = per_copy.filter(|c| *c > 0.0).map_or(1, |c| {
            (best.spec.memory_gib / c)
                .floor()
                .clamp(1.0, f64::from(u32::MAX)) as u32
        });
        ScaleOut {
            copies_per_instance: copies,
            instances: n.div_ceil(copies).max(1),
        }
    });
    Recommendation {
        candidates,
        rejected,
        scale_out,
        needs: needs.clone(),
        on,
    }
}

/// The buckets of the first pass: [`GROUPS`] candidate groups, then reason counts 1 to every
/// kind (bucket 4, a count of 0, stays empty).
const BUCKETS: usize = GROUPS + RejectionKind::ALL.len() + 1;

/// A row's verdict after the first pass: its kinds of reasons (bits 0–23), its bucket
/// (bits 24–31) and its position among the rows of that bucket (bits 32–63).
#[derive(Clone, Copy, Default)]
struct Mark(u64);

impl Mark {
    fn new(kinds: ReasonSet<RejectionKind>, bucket: usize, nth: u32) -> Mark {
        Mark(u64::from(kinds.bits) | (bucket as u64) << 24 | u64::from(nth) << 32)
    }

    fn kinds(self) -> ReasonSet<RejectionKind> {
        // The low 24 bits.
        #[allow(clippy::cast_possible_truncation)]
        ReasonSet::from_bits(self.0 as u32 & 0xFF_FFFF)
    }

    fn bucket(self) -> usize {
        (self.0 >> 24 & 0xFF) as usize
    }

    fn nth(self) -> usize {
        (self.0 >> 32) as usize
    }
}

/// Buffers a recommendation reuses from call to call on a thread, so that the answer's two
/// vectors are its only allocations (a call that finds them in use, or a first call, makes
/// new ones).
#[derive(Default)]
struct Scratch {
    /// Each class's facts.
    classes: Vec<ClassFacts>,
    /// Each class's facts, for walks that judge a class only when they need it.
    cache: Vec<Option<ClassFacts>>,
    /// Each row's verdict, in ranking order.
    marks: Vec<Mark>,
    /// The rows in the answer's order.
    order: Vec<u32>,
}

thread_local! {
    static SCRATCH: Cell<Scratch> = const { Cell::new(Scratch {
        classes: Vec::new(),
        cache: Vec::new(),
        marks: Vec::new(),
        order: Vec::new(),
    }) };
}

/// What a recommendation makes of a row class (see `RowClass`): everything but the figures.
#[derive(Clone, Copy)]
struct ClassFacts {
    /// The kinds every row of the class has.
    kinds: ReasonSet<RejectionKind>,
    /// `kinds.len()`.
    count: u8,
    /// The group a fitting row ranks in ([`group`]).
    group: u8,
    state: RetirementState,
    /// The row's own `supported_by`, else its series'.
    support: Option<SupportedBy>,
    /// The series' GPU.
    gpu: Option<&'static crate::vm::SeriesGpu>,
}

/// The group a fitting size ranks in, best first: sizes known to be supported, of series with
/// no retirement announced (0), then those with a GPU nobody asked for (1: GPU sizes cost
/// more), then those of retiring series (2), then sizes whose support nothing confirms (3).
fn group(
    support: Option<SupportedBy>,
    state: RetirementState,
    has_gpu: bool,
    gpu_asked: bool,
) -> u8 {
    match (support, state) {
        (None, _) => 3,
        (Some(_), RetirementState::Retiring { .. }) => 2,
        _ if !gpu_asked && has_gpu => 1,
        _ => 0,
    }
}

/// A walk over a catalog in recommendation order, with each size's kinds of reasons.
struct Ranked<'n, 'c> {
    needs: &'n SizeNeeds,
    catalog: &'c Catalog,
    on: Date,
    /// The needs as thresholds a row's figures are compared with.
    memory: f64,
    vcpus: u32,
    gpus: f64,
    /// Whether the needs ask for a GPU model or GPU memory.
    per_size_gpu_checks: bool,
    /// What every class's facts take from the needs.
    common: ClassCommon,
}

impl<'n, 'c> Ranked<'n, 'c> {
    /// A walk over `catalog` for `needs` on `on`.
    fn new(needs: &'n SizeNeeds, catalog: &'c Catalog, on: Date) -> Self {
        Ranked {
            needs,
            catalog,
            on,
            memory: needs.memory_gib.unwrap_or(f64::NEG_INFINITY),
            vcpus: needs.vcpus.unwrap_or(0),
            gpus: needs.gpus.map_or(f64::NEG_INFINITY, GpuCount::as_f64),
            per_size_gpu_checks: needs.gpu_model.is_some() || needs.gpu_memory_gib.is_some(),
            common: ClassCommon::of(needs),
        }
    }

    /// Judges every class into `out`, in the order of the catalog's classes: classes are
    /// sorted by series slot, so each series' facts are computed once.
    fn judge_classes(&self, out: &mut Vec<ClassFacts>) {
        let mut series: Option<(u8, SeriesFacts)> = None;
        out.clear();
        out.extend(self.catalog.ranked().classes.iter().map(|class| {
            let f = match &series {
                Some((slot, f)) if *slot == class.slot => f,
                _ => {
                    &series
                        .insert((class.slot, series_facts_of(*class, self.needs, self.on)))
                        .1
                }
            };
            class_facts(*class, f, &self.common)
        }));
    }

    /// The facts of the class of the row at `i` (in ranking order) from `cache` (one entry a
    /// class), judged on first use.
    fn class_cached(&self, cache: &mut [Option<ClassFacts>], i: usize) -> ClassFacts {
        let c = usize::from(self.rows().class[i]);
        if let Some(facts) = cache[c] {
            return facts;
        }
        let class = self.catalog.ranked().classes[c];
        let facts = class_facts(
            class,
            &series_facts_of(class, self.needs, self.on),
            &self.common,
        );
        cache[c] = Some(facts);
        facts
    }

    fn rows(&self) -> &'c RankedRows {
        self.catalog.ranked()
    }

    /// The figures' verdict of the row at `i` (see [`Ranked::verdict`]).
    #[inline]
    fn figures(&self, i: usize) -> u8 {
        let rows = self.rows();
        self.verdict(rows.memory[i], rows.vcpus[i], rows.gpus[i])
    }

    /// The verdict on a row's memory, vCPUs and GPUs: [`FIGURE_MEMORY`], [`FIGURE_VCPUS`] and
    /// [`FIGURE_GPUS`] when the row has too little of it.
    #[inline]
    fn verdict(&self, memory: f64, vcpus: u32, gpus: f64) -> u8 {
        (u8::from(short_of(memory, self.memory)) * FIGURE_MEMORY)
            | (u8::from(vcpus < self.vcpus) * FIGURE_VCPUS)
            | (u8::from(short_of(gpus + 1e-9, self.gpus)) * FIGURE_GPUS)
    }

    /// A row's kinds of reasons and their number, given its position in the catalog
    /// (`row`), its figures' verdict and its class's facts. It looks at the whole row only
    /// when the needs ask for a GPU model or GPU memory.
    // Inlined into the loops over catalogs: a call per row costs a third of the walk.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn judge(&self, row: u32, figures: u8, class: &ClassFacts) -> (ReasonSet<RejectionKind>, u8) {
        let f = usize::from(figures & 7);
        let mut kinds = class.kinds.union(FIGURE_KINDS[f]);
        let mut count = class.count + FIGURE_COUNTS[f];
        if self.per_size_gpu_checks {
            let spec = &self.catalog.sizes()[row as usize];
            kinds = kinds.union(per_size_gpu_kinds(spec, class.gpu, self.needs));
            // At most every kind: the count fits a u8.
            #[allow(clippy::cast_possible_truncation)]
            {
                count = kinds.len() as u8;
            }
        }
        (kinds, count)
    }
}

/// Bits of a row's figures' verdict: too little memory, too few vCPUs, too few GPUs.
const FIGURE_MEMORY: u8 = 1;
const FIGURE_VCPUS: u8 = 2;
const FIGURE_GPUS: u8 = 4;

/// The kinds of each figures' verdict.
const FIGURE_KINDS: [ReasonSet<RejectionKind>; 8] = {
    let mut kinds = [ReasonSet::new(); 8];
    let mut f = 0;
    while f < 8 {
        let mut bits = 0;
        if f & FIGURE_MEMORY as usize != 0 {
            bits |= 1 << RejectionKind::Memory as u32;
        }
        if f & FIGURE_VCPUS as usize != 0 {
            bits |= 1 << RejectionKind::Vcpus as u32;
        }
        if f & FIGURE_GPUS as usize != 0 {
            bits |= 1 << RejectionKind::Gpus as u32;
        }
        kinds[f] = ReasonSet::from_bits(bits);
        f += 1;
    }
    kinds
};

/// The number of kinds of each figures' verdict: its bits set.
const FIGURE_COUNTS: [u8; 8] = {
    let mut counts = [0; 8];
    let mut f = 0;
    while f < 8 {
        // At most three bits: fits a u8.
        #[allow(clippy::cast_possible_truncation)]
        {
            counts[f] = (f as u32).count_ones() as u8;
        }
        f += 1;
    }
    counts
};

/// The facts of the series of `class`.
fn series_facts_of(class: RowClass, needs: &SizeNeeds, on: Date) -> SeriesFacts {
    series_facts(
        VmSeries::ALL.get(usize::from(class.slot)).copied(),
        needs,
        on,
    )
}

/// What every class's facts take from the needs, worked out once.
struct ClassCommon {
    /// [`support_kinds`] of each support code.
    support_kinds: [ReasonSet<RejectionKind>; SUPPORT_CODES.len()],
    isolated: bool,
    rdma: bool,
    gpu_asked: bool,
}

impl ClassCommon {
    fn of(needs: &SizeNeeds) -> ClassCommon {
        ClassCommon {
            support_kinds: SUPPORT_CODES.map(|s| support_kinds(s, needs.compute)),
            isolated: needs.isolated,
            rdma: needs.rdma,
            gpu_asked: asks_for_gpu(needs),
        }
    }
}

/// What a recommendation makes of `class`, of a series with facts `f`.
fn class_facts(class: RowClass, f: &SeriesFacts, common: &ClassCommon) -> ClassFacts {
    use RejectionKind as K;
    let has_gpu = class.flags & RankedRows::HAS_GPU != 0;
    let code = match class.support {
        0 => support_code(f.supported_by),
        own => own,
    };
    let support = SUPPORT_CODES[usize::from(code)];
    let mut kinds = if has_gpu { f.with_gpu } else { f.without_gpu }
        .union(common.support_kinds[usize::from(code)]);
    kinds.insert_if(
        common.isolated && class.flags & RankedRows::ISOLATED == 0,
        K::NotIsolated,
    );
    kinds.insert_if(
        common.rdma && class.flags & RankedRows::RDMA == 0,
        K::NoRdma,
    );
    // At most every kind: the count fits a u8.
    #[allow(clippy::cast_possible_truncation)]
    let count = kinds.len() as u8;
    ClassFacts {
        kinds,
        count,
        group: group(support, f.state, has_gpu, common.gpu_asked),
        state: f.state,
        support,
        gpu: f.gpu,
    }
}

/// The kinds that depend on a size's own GPU figures: its GPU model and memory (`gpu`: its
/// series' GPU).
fn per_size_gpu_kinds(
    spec: &VmSizeSpec,
    gpu: Option<&'static crate::vm::SeriesGpu>,
    needs: &SizeNeeds,
) -> ReasonSet<RejectionKind> {
    let mut k = ReasonSet::new();
    if let Some(wanted) = needs.gpu_model.as_deref() {
        k.insert_if(
            gpu_model_of(spec, gpu).is_none_or(|m| !contains_word(m, wanted)),
            RejectionKind::GpuModel,
        );
    }
    if let Some(wanted) = needs.gpu_memory_gib {
        k.insert_if(
            gpu_memory_of(spec, gpu).is_none_or(|m| short_of(m, wanted)),
            RejectionKind::GpuMemory,
        );
    }
    k
}

/// The first `n` sizes that fit `needs` and pass `keep`, best first (sizes of series that
/// are not retiring before those that are): [`recommend_sizes`]' candidates, cut short.
pub(crate) fn top_sizes<'c>(
    needs: &SizeNeeds,
    catalog: &'c Catalog,
    on: Date,
    n: usize,
    keep: impl Fn(&VmSizeSpec, RetirementState) -> bool,
) -> Vec<&'c VmSizeSpec> {
    let mut scratch = SCRATCH.with(Cell::take);
    let walk = Ranked::new(needs, catalog, on);
    let mut cache = std::mem::take(&mut scratch.cache);
    cache.clear();
    cache.resize(catalog.ranked().classes.len(), None);
    let sizes = catalog.sizes();
    let mut groups: [Vec<&'c VmSizeSpec>; GROUPS] = Default::default();
    let rows = walk.rows();
    // Rows come by memory, least first: those with too little are skipped at once (a
    // misplaced NaN only makes the search start earlier).
    let first = rows.memory.partition_point(|&m| m < walk.memory);
    for i in first..rows.len() {
        // The figures first: a class is judged only when one of its rows could fit.
        let figures = walk.figures(i);
        if figures != 0 {
            continue;
        }
        let class = walk.class_cached(&mut cache, i);
        let spec = &sizes[rows.row[i] as usize];
        if walk.judge(rows.row[i], figures, &class).1 == 0 && keep(spec, class.state) {
            let group = &mut groups[usize::from(class.group)];
            if group.len() < n {
                group.push(spec);
            }
            if groups[0].len() == n {
                break;
            }
        }
    }
    scratch.cache = cache;
    SCRATCH.with(|cell| cell.set(scratch));
    groups.into_iter().flatten().take(n).collect()
}

/// How many groups fitting sizes rank in ([`group`]).
const GROUPS: usize = 4;

/// Whether any need is about a GPU.
fn asks_for_gpu(needs: &SizeNeeds) -> bool {
    needs.gpus.is_some_and(|g| !g.is_zero())
        || needs.gpu_model.is_some()
        || needs.gpu_architecture.is_some()
        || needs.gpu_memory_gib.is_some()
        || needs.cuda.is_some()
        || needs.framework.is_some()
}

impl VmSize {
    /// Every reason this size does not meet `needs` on `on` (empty when it does), using
    /// `catalog` for its figures; a size the catalog lacks is rejected as not supported.
    #[must_use]
    pub fn rejections<'a>(
        &self,
        needs: &'a SizeNeeds,
        catalog: &'a Catalog,
        on: Date,
    ) -> Vec<Rejection<'a>> {
        match catalog.get(self) {
            Some(spec) => {
                let series = series_of(spec);
                rejections(
                    &Facts::new(spec, series, &series_facts(series, needs, on)),
                    needs,
                )
            }
            None => vec![Rejection::NotSupported {
                series: self.series(),
            }],
        }
    }
}

/// `{"target", "automated_ml", "ml_pipelines", "designer", "managed", "fits", "reasons"}`,
/// support levels as `yes` / `through-sdk` / `sdk-local-mode-only` / `no`.
#[cfg(feature = "serde")]
impl serde::Serialize for TrainingFit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("TrainingFit", 7)?;
        m.serialize_field("target", &self.target)?;
        m.serialize_field("automated_ml", &self.features.automated_ml)?;
        m.serialize_field("ml_pipelines", &self.features.ml_pipelines)?;
        m.serialize_field("designer", &self.features.designer)?;
        m.serialize_field("managed", &self.managed)?;
        m.serialize_field("fits", &self.fits())?;
        let reasons: Vec<String> = self.misfits.iter().map(|r| r.to_string()).collect();
        m.serialize_field("reasons", &reasons)?;
        m.end()
    }
}

/// `{"target", "view", "realtime", "batch", "gpu", "dev_test_only", "fits", "reasons"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for InferenceFit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("InferenceFit", 8)?;
        m.serialize_field("target", &self.target)?;
        m.serialize_field("view", &self.view)?;
        m.serialize_field("realtime", &self.profile.realtime)?;
        m.serialize_field("batch", &self.profile.batch)?;
        m.serialize_field("gpu", &self.profile.gpu)?;
        m.serialize_field("dev_test_only", &self.profile.dev_test_only)?;
        m.serialize_field("fits", &self.fits())?;
        let reasons: Vec<String> = self.misfits.iter().map(|r| r.to_string()).collect();
        m.serialize_field("reasons", &reasons)?;
        m.end()
    }
}

/// `{"size", "vcpus", "memory_gib", "gpus", "retirement", "support"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Candidate<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("Candidate", 6)?;
        m.serialize_field("size", &*self.spec.name)?;
        m.serialize_field("vcpus", &self.spec.vcpus)?;
        m.serialize_field("memory_gib", &self.spec.memory_gib)?;
        m.serialize_field("gpus", &self.spec.gpus)?;
        m.serialize_field("retirement", &self.retirement)?;
        m.serialize_field("support", &self.support)?;
        m.end()
    }
}

/// `{"copies_per_instance", "instances"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for ScaleOut {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("ScaleOut", 2)?;
        m.serialize_field("copies_per_instance", &self.copies_per_instance)?;
        m.serialize_field("instances", &self.instances)?;
        m.end()
    }
}

/// A rejected size with its reasons as sentences.
#[cfg(feature = "serde")]
struct Rejected<'a, 'c> {
    size: &'a RejectedSize<'c>,
    rec: &'a Recommendation<'c>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Rejected<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let reasons: Vec<String> = self
            .size
            .reasons(self.rec.needs(), self.rec.on())
            .iter()
            .map(ToString::to_string)
            .collect();
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("size", &*self.size.spec.name)?;
        m.serialize_entry("reasons", &reasons)?;
        m.end()
    }
}

/// `aml recommend --json`: `{"best", "instances", "scale_out", "candidates", "rejected"}`,
/// each rejected size with every reason as a sentence.
#[cfg(feature = "serde")]
impl serde::Serialize for Recommendation<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let rejected: Vec<Rejected<'_, '_>> = self
            .rejected
            .iter()
            .map(|size| Rejected { size, rec: self })
            .collect();
        let mut m = s.serialize_struct("Recommendation", 5)?;
        m.serialize_field("best", &self.best().map(|b| &*b.name))?;
        m.serialize_field("instances", &self.scale_out.map(|o| o.instances))?;
        m.serialize_field("scale_out", &self.scale_out)?;
        m.serialize_field("candidates", &self.candidates)?;
        m.serialize_field("rejected", &rejected)?;
        m.end()
    }
}

/// Current sizes of a similar shape: at least the vCPUs, memory and GPUs of `spec`, usable
/// by `compute`, not retired or retiring within the warning window on `on`.
pub(crate) fn similar_sizes_with(
    spec: &VmSizeSpec,
    compute: Option<ComputeKind>,
    region: Option<&str>,
    on: Date,
    edition: DocEdition,
) -> Vec<String> {
    let needs = SizeNeeds {
        vcpus: Some(spec.vcpus),
        memory_gib: Some(spec.memory_gib),
        gpus: (!spec.gpus.is_zero()).then_some(spec.gpus),
        compute: compute.filter(|k| {
            matches!(
                k,
                ComputeKind::ComputeCluster | ComputeKind::ComputeInstance
            )
        }),
        region: region.map(str::to_owned),
        edition,
        ..SizeNeeds::default()
    };
    let horizon = on
        .add_days(crate::vm::RETIRING_WARNING_DAYS)
        .unwrap_or(Date::MAX);
    top_sizes(&needs, Catalog::embedded(), on, 3, |c, state| {
        let current = match state {
            RetirementState::Retiring { date } => date > horizon,
            _ => true,
        };
        // Same shape: a CPU size is replaced by a CPU size.
        current && c.name != spec.name && c.gpus.is_zero() == spec.gpus.is_zero()
    })
    .iter()
    .map(|c| c.name.to_string())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gpu::{Framework, FrameworkVersion};
    use crate::vm::Catalog;
    use proptest::prelude::*;

    fn arb_needs() -> impl Strategy<Value = SizeNeeds> {
        let cuda = prop_oneof![
            Just(None),
            Just(Some("11.8")),
            Just(Some("12.4")),
            Just(Some("13.0")),
            Just(Some(">=12.0, <13")),
            Just(Some("9.0")),
        ];
        let framework = prop_oneof![
            Just(None),
            Just(Some((Framework::PyTorch, 2, 1))),
            Just(Some((Framework::PyTorch, 2, 9))),
            Just(Some((Framework::TensorFlow, 2, 15))),
        ];
        let compute = prop_oneof![
            Just(None),
            Just(Some(ComputeKind::ComputeCluster)),
            Just(Some(ComputeKind::ComputeInstance)),
        ];
        (
            (
                proptest::option::of(0.0f64..600.0),
                proptest::option::of(0u32..130),
                proptest::option::of(0.0f64..9.0),
            ),
            (
                proptest::option::of(prop_oneof![
                    Just("A100"),
                    Just("T4"),
                    Just("V100"),
                    Just("a10")
                ]),
                proptest::option::of(0usize..9),
                proptest::option::of(0.0f64..100.0),
            ),
            (cuda, framework, compute),
            (
                any::<bool>(),
                any::<bool>(),
                proptest::option::of(prop_oneof![Just("usgovvirginia"), Just("eastus")]),
                0usize..3,
            ),
        )
            .prop_map(
                |(
                    (memory, vcpus, gpus),
                    (model, arch, gpu_mem),
                    (cuda, fw, compute),
                    (isolated, rdma, region, edition),
                )| SizeNeeds {
                    memory_gib: memory,
                    vcpus,
                    gpus: gpus.and_then(GpuCount::from_f64),
                    gpu_model: model.map(str::to_owned),
                    gpu_architecture: arch.map(|i| GpuArchitecture::ALL[i]),
                    gpu_memory_gib: gpu_mem,
                    cuda: cuda.map(|c| c.parse().unwrap()),
                    framework: fw
                        .map(|(f, a, b)| FrameworkNeed::new(f, FrameworkVersion::new(a, b))),
                    compute,
                    isolated,
                    rdma,
                    region: region.map(str::to_owned),
                    edition: crate::edition::DocEdition::ALL[edition],
                    ..SizeNeeds::default()
                },
            )
    }

    proptest! {
        #[test]
        fn the_ranked_walk_agrees_with_the_rules(needs in arb_needs(), days in 19_000i64..21_500) {
            let on = Date::from_unix_days(days).unwrap();
            let mut seen = 0;
            let catalog = Catalog::embedded();
            let walk = Ranked::new(&needs, catalog, on);
            let mut classes = Vec::new();
            walk.judge_classes(&mut classes);
            let rows = walk.rows();
            for i in 0..rows.len() {
                let class = classes[usize::from(rows.class[i])];
                let (fast, count) = walk.judge(rows.row[i], walk.figures(i), &class);
                let (spec, state) = (&catalog.sizes()[rows.row[i] as usize], class.state);
                assert_eq!(usize::from(count), fast.len());
                let series = series_of(spec);
                let of_series = series_facts(series, &needs, on);
                let f = Facts::new(spec, series, &of_series);
                assert_eq!(fast, kinds(&f, &needs, needs.memory_gib), "{}", spec.name);
                assert_eq!(state, of_series.state, "{}", spec.name);
                seen += 1;
            }
            prop_assert_eq!(seen, Catalog::embedded().len());
        }

        #[test]
        fn recommendations_are_the_rules_in_ranking_order(needs in arb_needs(), days in 19_000i64..21_500) {
            let on = Date::from_unix_days(days).unwrap();
            let catalog = Catalog::embedded();
            let got = recommend_sizes(&needs, catalog, on);
            // The reference: every size judged by the rules alone, in the catalog's ranking
            // order; candidates grouped stably, rejected sorted stably by reason count.
            let gpu_asked = asks_for_gpu(&needs);
            let mut candidates = Vec::new();
            let mut rejected = Vec::new();
            for &row in &catalog.ranked().row {
                let spec = &catalog.sizes()[row as usize];
                let series = series_of(spec);
                let of_series = series_facts(series, &needs, on);
                let f = Facts::new(spec, series, &of_series);
                let k = kinds(&f, &needs, needs.memory_gib);
                if k.is_empty() {
                    let group = match (f.supported_by, of_series.state) {
                        (None, _) => 3,
                        (Some(_), RetirementState::Retiring { .. }) => 2,
                        _ if !gpu_asked && !spec.gpus.is_zero() => 1,
                        _ => 0,
                    };
                    candidates.push((group, spec.name.to_string(), of_series.state, f.supported_by));
                } else {
                    rejected.push((k.len(), spec.name.to_string(), k));
                }
            }
            candidates.sort_by_key(|c| c.0);
            rejected.sort_by_key(|r| r.0);
            let got_candidates: Vec<_> = got
                .candidates
                .iter()
                .map(|c| (c.spec.name.to_string(), c.retirement, c.support))
                .collect();
            let want_candidates: Vec<_> = candidates.into_iter().map(|c| (c.1, c.2, c.3)).collect();
            prop_assert_eq!(got_candidates, want_candidates);
            let got_rejected: Vec<_> = got
                .rejected
                .iter()
                .map(|r| (r.spec.name.to_string(), r.kinds))
                .collect();
            let want_rejected: Vec<_> = rejected.into_iter().map(|r| (r.1, r.2)).collect();
            prop_assert_eq!(got_rejected, want_rejected);
        }
    }
}
