//! The series Microsoft's migration guides name for retired and retiring series (FACTS §5).
//!
//! A guide names series, some of which have retired or announced their own retirement since
//! (NV's guide sends users to NVv3 and NVv4, both retired in 2026); [`VmSeries::current_replacements`]
//! follows such links to the series that are current on a date.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::date::Date;
use crate::vm::{Catalog, RetirementState, VmCategory, VmSeries, VmSize, VmSizeSpec};

/// One migration guide's advice for a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Replacement {
    /// The retired or retiring series.
    pub series: VmSeries,
    /// The series the guide names, in its order (the ones this crate models).
    pub to: &'static [VmSeries],
    /// What else the guide says or names (series this crate does not model, workloads).
    pub note: &'static str,
    /// Where the advice comes from.
    pub source: &'static str,
}

const MODERNIZATION: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/\
     lifecycle/retirement/retired-sizes-modernization-guide.md@5e4b316d08e31290075b010a2c6f3ba366df4ae4";
const N_SERIES: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/migration/sizes/\
     n-series-migration.md@883ff7bb";
const NV_SERIES: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/migration/sizes/\
     nv-series-migration-guide.md@3e9f13be";
const NCV3: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/lifecycle/\
     retirement/ncv3-retirement.md@a18807c4fcf50a76173edcbb264bc171197922a7";
const NVV3: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/lifecycle/\
     retirement/nvv3-series-retirement.md@45491c1f";
const NVV4: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/lifecycle/\
     retirement/nvv4-retirement.md@272c12d9";
const HBV2: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/retirement/\
     hbv2-series-retirement.md@e3483603";
const HC: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/retirement/\
     hc-series-retirement.md@5e349344";
const HB: &str = "MicrosoftDocs/azure-docs articles/virtual-machines/sizes/migration-guides/\
     hb-series-retirement.md@0aeb3fb8";
const H: &str =
    "MicrosoftDocs/azure-docs articles/virtual-machines/h-series-retirement.md@092fdbcf";
const AV1: &str = "MicrosoftDocs/azure-docs articles/virtual-machines/sizes/migration-guides/\
     av1-series-retirement.md";

use VmSeries as V;

/// The D, Ds, Dv2 and Dsv2 row of the modernization guide.
const D_V1_V2: &[VmSeries] = &[
    V::Dsv5,
    V::Ddsv5,
    V::Dasv5,
    V::Dadsv5,
    V::Dasv6,
    V::Dadsv6,
    V::Dsv6,
    V::Ddsv6,
    V::Dasv7,
    V::Dadsv7,
    V::Esv6,
    V::Edsv6,
    V::Easv6,
    V::Eadsv6,
    V::Easv7,
    V::Eadsv7,
];
/// The Dv3 and Dsv3 row: the v5 series it names, then "v6 and v7 D-family series".
const D_V3: &[VmSeries] = &[
    V::Dv5,
    V::Dsv5,
    V::Ddv5,
    V::Ddsv5,
    V::Dasv5,
    V::Dadsv5,
    V::Dsv6,
    V::Ddsv6,
    V::Dasv6,
    V::Dadsv6,
    V::Dsv7,
    V::Ddsv7,
    V::Dasv7,
    V::Dadsv7,
];
/// The Ev3 and Esv3 row: the v5 series it names, then "v6 and v7 E-family series".
const E_V3: &[VmSeries] = &[
    V::Ev5,
    V::Esv5,
    V::Edv5,
    V::Edsv5,
    V::Easv5,
    V::Eadsv5,
    V::Esv6,
    V::Edsv6,
    V::Easv6,
    V::Eadsv6,
    V::Esv7,
    V::Edsv7,
    V::Easv7,
    V::Eadsv7,
];
const D_V3_NOTE: &str = "\"Dv5/Dsv5/Ddv5/Ddsv5/Dasv5/Dadsv5, v6 and v7 D-family series\"";
const E_V3_NOTE: &str = "\"Ev5/Esv5/Edv5/Edsv5/Easv5/Eadsv5, v6 and v7 E-family series\"";
const D_NOTE: &str = "\"Dsv5/Ddsv5/Dasv5/Dadsv5, Dasv6/Dadsv6/Dsv6/Ddsv6, Dasv7/Dadsv7, Esv6/Edsv6/Easv6/Eadsv6, Easv7/Eadsv7\"";
const HPC_NOTE: &str = "by workload: memory bandwidth HBv5, HBv4, HBv3; memory capacity or \
     latency HX, HBv5, HBv3; compute bound HX, HBv4, HBv3";

const fn guide(
    series: VmSeries,
    to: &'static [VmSeries],
    note: &'static str,
    source: &'static str,
) -> Replacement {
    Replacement {
        series,
        to,
        note,
        source,
    }
}

/// The replacement series of every retired or retiring series, from Microsoft's migration
/// guides.
pub const REPLACEMENTS: &[Replacement] = &[
    guide(
        V::NC,
        &[V::NCasT4_v3],
        "\"move directly across from NC sizes to NC T4 v3 sizes\": NC6 to NC4as_T4_v3 or \
         NC8as_T4_v3, NC12 to NC16as_T4_v3, NC24 and NC24r to NC64as_T4_v3",
        N_SERIES,
    ),
    guide(
        V::NC_Promo,
        &[V::NCasT4_v3],
        "as NC: NC6_Promo to NC4as_T4_v3 or NC8as_T4_v3",
        N_SERIES,
    ),
    guide(
        V::NCv2,
        &[V::NCads_A100_v4],
        "\"moving directly across to NC A100 v4\": NC6s_v2 to NC24ads_A100_v4, NC12s_v2 to \
         NC48ads_A100_v4, NC24s_v2 and NC24rs_v2 to NC96ads_A100_v4",
        N_SERIES,
    ),
    guide(
        V::ND,
        &[V::NCasT4_v3, V::NDm_A100_v4],
        "ND6 to NC4as_T4_v3 or NC8as_T4_v3, ND12 to NC16as_T4_v3, ND24 to NC64as_T4_v3, ND24r \
         to ND96amsr_A100_v4",
        N_SERIES,
    ),
    guide(
        V::NV,
        &[V::NVv3, V::NVv4],
        "NV6 to NV12s_v3 or NV16as_v4, NV12 to NV24s_v3 or NV32as_v4, NV24 to NV48s_v3; both \
         have retired since",
        NV_SERIES,
    ),
    guide(V::NV_Promo, &[V::NVv3, V::NVv4], "as NV", NV_SERIES),
    guide(
        V::NCv3,
        &[
            V::NCads_H100_v5,
            V::NCasT4_v3,
            V::NVadsA10_v5,
            V::NVadsV710_v5,
        ],
        "\"Microsoft is recommending the Azure NCadsH100_v5-series\"; by workload: high GPU \
         compute NCadsH100_v5, offline inferencing NCasT4_v3, graphics or small AI workloads \
         NVadsA10_v5 and NVadsV710_v5; the 2024 guides named NC A100 v4",
        NCV3,
    ),
    guide(
        V::NVv3,
        &[V::NVadsA10_v5, V::NC_RTXPRO6000BSE_v6, V::NCasT4_v3],
        "\"Microsoft is recommending the Azure NVadsA10_v5-series\"; graphics or small AI \
         NVadsA10_v5 and NC_RTXPRO6000BSE_v6, offline inferencing NCasT4_v3",
        NVV3,
    ),
    guide(
        V::NVv4,
        &[V::NVadsV710_v5, V::NVadsA10_v5, V::NGads_V620],
        "\"Microsoft is recommending the Azure NVads_V710_v5-series\"; alternatives NVadsA10_v5 \
         and NGads_V620",
        NVV4,
    ),
    guide(
        V::H,
        &[V::HC, V::HBv2, V::HBv3, V::Dv5, V::Ev5, V::EAv4],
        "HPC: HC, HBv2 and HBv3; general purpose: Dv4, Dav4 and Dv5; memory: Ev4, Eav4 and Ev5 \
         (Dv4 and Ev4 have no local temp disk and are not modelled)",
        H,
    ),
    guide(
        V::HB,
        &[V::HBv2, V::HBv3],
        "HB60rs to HB120rs_v2, HB120rs_v3 or HB120-64rs_v3; HB60-45rs to HB120-96rs_v3, \
         HB120-64rs_v3 or HB120-32rs_v3",
        HB,
    ),
    guide(
        V::Av1,
        &[V::Av2],
        "\"migrate your workloads to Av2-series VMs\"",
        AV1,
    ),
    guide(V::HBv2, &[V::HBv5, V::HX, V::HBv4, V::HBv3], HPC_NOTE, HBV2),
    guide(
        V::HC,
        &[
            V::HBv5,
            V::HX,
            V::HBv4,
            V::HBv3,
            V::Ddsv6,
            V::Edsv6,
            V::Ddsv5,
            V::Edsv5,
        ],
        "as HBv2, and for Intel-specific requirements Ddsv6/Edsv6, Ddsv5/Edsv5, Ddsv4/Edsv4",
        HC,
    ),
    guide(V::D, D_V1_V2, D_NOTE, MODERNIZATION),
    guide(V::DS, D_V1_V2, D_NOTE, MODERNIZATION),
    guide(V::Dv2, D_V1_V2, D_NOTE, MODERNIZATION),
    guide(V::DSv2, D_V1_V2, D_NOTE, MODERNIZATION),
    guide(
        V::Ls,
        &[V::Lsv3, V::Lasv3, V::Lsv4, V::Lasv4],
        "\"Lsv3/Lasv3, Lsv4/Lasv4\" (older editions: Lasv3, Lasv4)",
        MODERNIZATION,
    ),
    guide(
        V::LSv2,
        &[V::Lsv3, V::Lasv3, V::Lsv4, V::Lasv4],
        "\"Lsv3/Lasv3, Lasv4/Lasv4\" (read as Lsv4/Lasv4)",
        MODERNIZATION,
    ),
    guide(
        V::Av2,
        &[
            V::Dsv5,
            V::Ddv5,
            V::Dasv5,
            V::Esv5,
            V::Edv5,
            V::Easv5,
            V::Dsv6,
            V::Ddsv6,
            V::Dasv6,
            V::Esv6,
            V::Edsv6,
            V::Easv6,
        ],
        "\"Bsv2/Basv2, Dsv5/Ddv5/Dasv5, Esv5/Edv5/Easv5, Dsv6/Ddsv6/Dasv6, Esv6/Edsv6/Easv6\" \
         (the B-series is burstable and not modelled)",
        MODERNIZATION,
    ),
    guide(
        V::FSv2,
        &[
            V::Dlsv6,
            V::Dldsv6,
            V::Dalsv6,
            V::Daldsv6,
            V::Falsv6,
            V::Dldsv5,
            V::Dlsv5,
            V::Dsv5,
            V::Ddsv5,
        ],
        "\"Dlsv6/Dldsv6/Dalsv6/Daldsv6, Falsv6, Dldsv5/Dlsv5/Dsv5/Ddsv5\"",
        MODERNIZATION,
    ),
    guide(V::Dv3, D_V3, D_V3_NOTE, MODERNIZATION),
    guide(V::DSv3, D_V3, D_V3_NOTE, MODERNIZATION),
    guide(V::Ev3, E_V3, E_V3_NOTE, MODERNIZATION),
    guide(V::ESv3, E_V3, E_V3_NOTE, MODERNIZATION),
];

impl VmSeries {
    /// The migration guide's advice for the series, if it is retired or retiring.
    ///
    /// ```
    /// use aml_targets::VmSeries;
    ///
    /// let guide = VmSeries::NCv3.replacement().unwrap();
    /// assert_eq!(guide.to[0], VmSeries::NCads_H100_v5);
    /// assert!(guide.source.contains("ncv3-retirement.md"));
    /// assert!(VmSeries::NCasT4_v3.replacement().is_none());
    /// ```
    #[must_use]
    pub fn replacement(self) -> Option<&'static Replacement> {
        REPLACEMENTS.iter().find(|r| r.series == self)
    }

    /// The series the migration guide names, in its order; empty for a current series.
    ///
    /// ```
    /// use aml_targets::VmSeries;
    ///
    /// assert_eq!(VmSeries::NCv2.replacements(), [VmSeries::NCads_A100_v4]);
    /// assert!(VmSeries::Dv2.replacements().contains(&VmSeries::Ddsv5));
    /// assert!(VmSeries::Ddsv5.replacements().is_empty());
    /// ```
    #[must_use]
    pub fn replacements(self) -> &'static [VmSeries] {
        self.replacement().map_or(&[], |r| r.to)
    }

    /// The guide's series that are current on `on` (no retirement announced), following the
    /// guides of those that have retired or announced a retirement since, in order, each
    /// once.
    ///
    /// ```
    /// use aml_targets::{Date, VmSeries};
    ///
    /// let on: Date = "2026-11-27".parse()?;
    /// // NV's guide names NVv3 and NVv4, both retired in 2026: their guides' series instead.
    /// assert_eq!(
    ///     VmSeries::NV.current_replacements(on),
    ///     [VmSeries::NVadsA10_v5, VmSeries::NC_RTXPRO6000BSE_v6, VmSeries::NCasT4_v3,
    ///      VmSeries::NVadsV710_v5, VmSeries::NGads_V620],
    /// );
    /// # Ok::<(), aml_targets::date::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn current_replacements(self, on: Date) -> Vec<VmSeries> {
        let mut out = Vec::new();
        let mut seen = vec![self];
        let mut stack: Vec<VmSeries> = self.replacements().iter().rev().copied().collect();
        while let Some(s) = stack.pop() {
            if seen.contains(&s) {
                continue;
            }
            seen.push(s);
            if s.retirement_state(on) == RetirementState::Active {
                out.push(s);
            } else {
                stack.extend(s.replacements().iter().rev().copied());
            }
        }
        out
    }
}

impl Catalog {
    /// Up to `n` sizes of `spec`'s current replacement series on `on` (see
    /// [`VmSeries::current_replacements`]) in this catalog: the size of each series nearest
    /// to it, ordered as the guide part of [`VmSize::successors`] (its own category first,
    /// then at least its GPUs and GPU memory, then nearest in vCPUs, memory and GPUs, of the
    /// same GPU vendor first). GPU sizes are replaced by GPU sizes.
    ///
    /// ```
    /// use aml_targets::{Catalog, Date, VmSizeSpec};
    ///
    /// let nc6 = VmSizeSpec::find("Standard_NC6").unwrap();
    /// let on: Date = "2026-11-27".parse()?;
    /// let names: Vec<&str> = Catalog::embedded()
    ///     .replacements(nc6, on, 3)
    ///     .iter()
    ///     .map(|s| &*s.name)
    ///     .collect();
    /// assert_eq!(names, ["Standard_NC8as_T4_v3"]);
    /// # Ok::<(), aml_targets::date::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn replacements(&self, spec: &VmSizeSpec, on: Date, n: usize) -> Vec<&VmSizeSpec> {
        let shape = Shape::of_spec(spec);
        let series = shape
            .series
            .map_or_else(Vec::new, |s| s.current_replacements(on));
        guide_sizes(&shape, &series, self)
            .into_iter()
            .take(n)
            .collect()
    }
}

/// How many sizes [`VmSize::successors`] names at most: up to [`GUIDE_SUCCESSORS`] of the
/// migration guide's series, then the nearest current sizes of the same category.
pub const SUCCESSORS: usize = 5;

/// How many of [`VmSize::successors`]' sizes come from the migration guide's series at most.
pub const GUIDE_SUCCESSORS: usize = 3;

impl VmSize {
    /// The one replacement answer for the size, the same in every command and format: first
    /// the size nearest to it of each current series its migration guide names (see
    /// [`VmSeries::current_replacements`]), at most [`GUIDE_SUCCESSORS`]; then the nearest
    /// current sizes of its own category that Azure ML offers (HPC for HPC; GPU for GPU, with
    /// at least its GPUs and GPU memory), up to [`SUCCESSORS`] in all.
    ///
    /// Among the guide's, sizes of the size's own category come first, then those that keep
    /// at least its GPUs and GPU memory, then the nearest in vCPUs, memory and GPUs. The
    /// category's sizes keep at least everything (see [`VmSizeSpec::is_covered_by`]).
    /// "Current" means no retirement announced, so the answer does not depend on the date;
    /// it is computed once per size and kept. A size the catalog has no row for
    /// (Av1's `Standard_A1`, `Basic_A2`) is compared by its vCPUs alone.
    ///
    /// ```
    /// use aml_targets::VmSize;
    ///
    /// let names = |s: &str| -> Vec<String> {
    ///     VmSize::parse(s).unwrap().successors().iter().map(|c| c.name.to_string()).collect()
    /// };
    /// // The NCv3 guide's series first; a V100's 16 GiB are kept.
    /// assert_eq!(names("Standard_NC6s_v3")[0], "Standard_NC8as_T4_v3");
    /// // HPC for HPC.
    /// assert!(names("Standard_HC44rs")[..3].iter().all(|n| n.starts_with("Standard_HB")
    ///     || n.starts_with("Standard_HX")));
    /// // No row: Av1's guide (Av2, itself retiring) leads to the v5 D-series, those Azure ML
    /// // is known to offer first.
    /// assert_eq!(names("Standard_A1")[0], "Standard_D2d_v5");
    /// ```
    #[must_use]
    pub fn successors(&self) -> Cow<'static, [&'static VmSizeSpec]> {
        match self.spec() {
            Some(spec) => successors_of(spec),
            None => Cow::Owned(successors(&Shape::of_size(self))),
        }
    }

    /// [`VmSizeSpec::is_covered_by`] for a size known by its name alone (its figures as its
    /// name gives them).
    #[cfg(feature = "yaml")]
    pub(crate) fn is_covered_by(&self, other: &VmSizeSpec) -> bool {
        Shape::of_size(self).covered_by(other)
    }
}

impl VmSizeSpec {
    /// [`VmSize::successors`] by the size's row: the embedded catalog's answer for an
    /// embedded row, or one computed from this row's own figures (a region's listing).
    ///
    /// ```
    /// use aml_targets::VmSizeSpec;
    ///
    /// let nc6 = VmSizeSpec::find("Standard_NC6").unwrap();
    /// assert_eq!(nc6.successors()[0].name, "Standard_NC8as_T4_v3");
    /// ```
    #[must_use]
    pub fn successors(&self) -> Cow<'static, [&'static VmSizeSpec]> {
        successors_of(self)
    }

    /// Whether `other` keeps at least this size's GPUs, GPU memory (all GPUs together, when
    /// both are known), vCPUs and memory: a replacement that loses nothing.
    ///
    /// ```
    /// use aml_targets::VmSizeSpec;
    ///
    /// let nc6s_v3 = VmSizeSpec::find("Standard_NC6s_v3").unwrap();
    /// assert!(nc6s_v3.is_covered_by(VmSizeSpec::find("Standard_NC24ads_A100_v4").unwrap()));
    /// // A third of an A10 (8 GiB) for a V100 (16 GiB).
    /// assert!(!nc6s_v3.is_covered_by(VmSizeSpec::find("Standard_NV12ads_A10_v5").unwrap()));
    /// ```
    #[must_use]
    pub fn is_covered_by(&self, other: &VmSizeSpec) -> bool {
        Shape::of_spec(self).covered_by(other)
    }

    /// All GPUs' memory together, GiB, when known (a third of an A10: 8).
    #[must_use]
    pub fn total_gpu_memory_gib(&self) -> Option<f64> {
        self.gpu_memory_gib.map(|m| m * self.gpus.as_f64())
    }
}

/// What a replacement is compared by.
#[derive(Debug, Clone)]
struct Shape {
    vcpus: u32,
    memory_gib: Option<f64>,
    gpus: f64,
    gpu_memory_gib: Option<f64>,
    category: Option<VmCategory>,
    series: Option<VmSeries>,
    /// Its own name: never its own replacement.
    name: String,
}

impl Shape {
    fn of_spec(spec: &VmSizeSpec) -> Shape {
        Shape {
            vcpus: spec.vcpus,
            memory_gib: Some(spec.memory_gib),
            gpus: spec.gpus.as_f64(),
            gpu_memory_gib: spec.total_gpu_memory_gib(),
            category: Shape::category_of(spec),
            series: spec.series.or_else(|| spec.size().ok()?.series()),
            name: spec.name.to_string(),
        }
    }

    fn of_size(size: &VmSize) -> Shape {
        let series = size.series();
        Shape {
            vcpus: u32::from(size.active_vcpus()),
            memory_gib: None,
            // A GPU series' size has at least one GPU; how many, without a row, is unknown.
            gpus: series.and_then(VmSeries::gpu).map_or(0.0, |_| 1.0),
            gpu_memory_gib: None,
            category: series.map(VmSeries::category),
            series,
            name: size.canonical_name().to_string(),
        }
    }

    fn covered_by(&self, c: &VmSizeSpec) -> bool {
        self.gpus_covered_by(c)
            && c.vcpus >= self.vcpus
            && self.memory_gib.is_none_or(|m| c.memory_gib >= m)
    }

    /// At least the GPUs and, when both are known, the GPU memory.
    fn gpus_covered_by(&self, c: &VmSizeSpec) -> bool {
        c.gpus.as_f64() >= self.gpus
            && match (self.gpu_memory_gib, c.total_gpu_memory_gib()) {
                (Some(need), Some(have)) => have >= need,
                _ => true,
            }
    }

    fn category_of(c: &VmSizeSpec) -> Option<VmCategory> {
        c.category.or(c.series.map(VmSeries::category))
    }

    /// The sort key of a candidate: another category, fewer GPUs or less GPU memory, then
    /// the distance in shape: the log-ratios of vCPUs and memory, and of GPUs counted double
    /// (a GPU size is replaced for its GPUs first); another GPU vendor (AMD for NVIDIA: no
    /// CUDA) is farther than any shape.
    fn key(&self, c: &VmSizeSpec) -> (bool, bool, f64) {
        let vendor = |s: Option<VmSeries>| s.and_then(VmSeries::gpu).map(|g| g.vendor);
        let other_vendor = if vendor(self.series) == vendor(c.series) {
            0.0
        } else {
            64.0
        };
        let ratio = |x: f64, y: f64| {
            if x > 0.0 && y > 0.0 {
                (x / y).log2().abs()
            } else {
                f64::from(u8::from((x > 0.0) != (y > 0.0))) * 8.0
            }
        };
        let distance = other_vendor
            + ratio(f64::from(self.vcpus), f64::from(c.vcpus))
            + self.memory_gib.map_or(0.0, |m| ratio(m, c.memory_gib))
            + 2.0 * ratio(self.gpus, c.gpus.as_f64());
        (
            self.category.is_some() && Shape::category_of(c) != self.category,
            !self.gpus_covered_by(c),
            distance,
        )
    }
}

fn cmp_key(a: &(bool, bool, f64), b: &(bool, bool, f64)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.total_cmp(&b.2))
}

/// Whether Azure ML is known to offer the size (a listing or the page's list says so).
fn offered(c: &VmSizeSpec) -> bool {
    c.supported_by.is_some()
        || c.series
            .and_then(|s| s.supported_by(crate::edition::DocEdition::LATEST))
            .is_some()
}

/// A size with no retirement announced, for itself or its series.
fn current(c: &VmSizeSpec) -> bool {
    c.series
        .is_some_and(|s| s.retirement_state(Date::MIN) == RetirementState::Active)
        && c.size().is_ok_and(|s| s.size_retirement().is_none())
}

/// The successors of a size by its row: an embedded row's are computed once and kept (a
/// table beside the catalog); another catalog's row (a region's listing) is compared by its
/// own figures each time.
fn successors_of(spec: &VmSizeSpec) -> Cow<'static, [&'static VmSizeSpec]> {
    /// One answer per embedded row, each computed on first use.
    type Row = OnceLock<Box<[&'static VmSizeSpec]>>;
    static TABLE: OnceLock<Box<[Row]>> = OnceLock::new();
    let rows = Catalog::embedded().sizes();
    let at = (std::ptr::from_ref(spec) as usize).wrapping_sub(rows.as_ptr() as usize)
        / std::mem::size_of::<VmSizeSpec>();
    match rows.get(at) {
        Some(row) if std::ptr::eq(row, spec) => {
            let table = TABLE.get_or_init(|| rows.iter().map(|_| OnceLock::new()).collect());
            Cow::Borrowed(
                table[at].get_or_init(|| successors(&Shape::of_spec(row)).into_boxed_slice()),
            )
        }
        _ => Cow::Owned(successors(&Shape::of_spec(spec))),
    }
}

/// The size of each of `series` in `catalog` nearest to `shape` (GPU sizes for a GPU size),
/// by [`Shape::key`], then those Azure ML is known to offer, then the guide's order.
fn guide_sizes<'c>(
    shape: &Shape,
    series: &[VmSeries],
    catalog: &'c Catalog,
) -> Vec<&'c VmSizeSpec> {
    let is_self = |c: &VmSizeSpec| c.name.eq_ignore_ascii_case(&shape.name);
    let mut guide: Vec<((bool, bool, f64), bool, &VmSizeSpec)> = series
        .iter()
        .filter_map(|&to| {
            catalog
                .of_series(to)
                .filter(|c| c.gpus.is_zero() == (shape.gpus == 0.0) && !is_self(c))
                .map(|c| (shape.key(c), !offered(c), c))
                .min_by(|a, b| cmp_key(&a.0, &b.0).then(a.1.cmp(&b.1)))
        })
        .collect();
    // The sort is stable: of equal keys, the guide's order.
    guide.sort_by(|a, b| cmp_key(&a.0, &b.0).then(a.1.cmp(&b.1)));
    guide.into_iter().map(|(_, _, c)| c).collect()
}

fn successors(shape: &Shape) -> Vec<&'static VmSizeSpec> {
    let embedded = Catalog::embedded();
    let is_self = |c: &VmSizeSpec| c.name.eq_ignore_ascii_case(&shape.name);
    let series = shape
        .series
        .map_or_else(Vec::new, |s| s.current_replacements(Date::MIN));
    let mut out = guide_sizes(shape, &series, embedded);
    out.truncate(GUIDE_SUCCESSORS);
    let mut similar: Vec<(f64, &'static VmSizeSpec)> = embedded
        .sizes()
        .iter()
        .filter(|c| {
            shape.category.is_some()
                && Shape::category_of(c) == shape.category
                && shape.covered_by(c)
                && offered(c)
                && current(c)
                && !is_self(c)
                && !out.iter().any(|o| std::ptr::eq(*o, *c))
        })
        .map(|c| (shape.key(c).2, c))
        .collect();
    similar.sort_by(|a, b| a.0.total_cmp(&b.0));
    out.extend(
        similar
            .into_iter()
            .take(SUCCESSORS.saturating_sub(out.len()))
            .map(|(_, c)| c),
    );
    out
}
