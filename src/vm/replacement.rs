//! The series Microsoft's migration guides name for retired and retiring series (FACTS §5).
//!
//! A guide names series, some of which have retired or announced their own retirement since
//! (NV's guide sends users to NVv3 and NVv4, both retired in 2026); [`VmSeries::current_replacements`]
//! follows such links to the series that are current on a date.

use crate::date::Date;
use crate::vm::{Catalog, RetirementState, VmSeries, VmSizeSpec};

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
    /// Up to `n` sizes of `spec`'s current replacement series (see
    /// [`VmSeries::current_replacements`]) closest to it in vCPUs, memory and GPUs: the size
    /// of each series nearest to it, nearest first. GPU sizes are replaced by GPU sizes, of
    /// the same vendor first.
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
        let Some(series) = spec.series.or_else(|| spec.size().ok()?.series()) else {
            return Vec::new();
        };
        let mut nearest: Vec<(f64, &VmSizeSpec)> = series
            .current_replacements(on)
            .into_iter()
            .filter_map(|to| {
                self.of_series(to)
                    .filter(|c| c.gpus.is_zero() == spec.gpus.is_zero())
                    .map(|c| (distance(spec, c), c))
                    .min_by(|a, b| a.0.total_cmp(&b.0))
            })
            .collect();
        // Of equally near sizes, those Azure ML is known to offer (a listing or the page's
        // list says so), then the guide's order (the sort is stable).
        let unknown = |c: &VmSizeSpec| {
            c.supported_by.is_none()
                && c.series
                    .and_then(|s| s.supported_by(crate::edition::DocEdition::LATEST))
                    .is_none()
        };
        nearest.sort_by(|a, b| a.0.total_cmp(&b.0).then(unknown(a.1).cmp(&unknown(b.1))));
        nearest.into_iter().take(n).map(|(_, c)| c).collect()
    }
}

/// How far apart two sizes are: the log-ratios of their vCPUs and memory, and of their GPUs
/// counted double (a GPU size is replaced for its GPUs first); a GPU of another vendor (AMD
/// for NVIDIA: no CUDA) is farther than any shape.
fn distance(a: &VmSizeSpec, b: &VmSizeSpec) -> f64 {
    let vendor = |s: &VmSizeSpec| s.series.and_then(VmSeries::gpu).map(|g| g.vendor);
    let other_vendor = if vendor(a) == vendor(b) { 0.0 } else { 64.0 };
    other_vendor + shape_distance(a, b)
}

fn shape_distance(a: &VmSizeSpec, b: &VmSizeSpec) -> f64 {
    let ratio = |x: f64, y: f64| {
        if x > 0.0 && y > 0.0 {
            (x / y).log2().abs()
        } else {
            // A zero on one side only: far, but comparable.
            f64::from(u8::from((x > 0.0) != (y > 0.0))) * 8.0
        }
    };
    ratio(f64::from(a.vcpus), f64::from(b.vcpus))
        + ratio(a.memory_gib, b.memory_gib)
        + 2.0 * ratio(a.gpus.as_f64(), b.gpus.as_f64())
}
