//! The size catalog: per-size facts (vCPUs, memory, GPUs, temp disk, RDMA) and GPU facts per
//! series, embedded or brought by the caller.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use super::catalog_data::{SERIES_GPUS, SIZE_INDEX, SIZES};
use crate::{ComputeCapability, GpuArchitecture, SupportedBy, VmCategory, VmSeries, VmSize};

/// A GPU count, exact even when fractional (`NVadsA10_v5` sizes get 1/6, 1/3 or 1/2 of an A10).
///
/// ```
/// use aml_targets::GpuCount;
///
/// let sixth = GpuCount::new(1, 6);
/// assert_eq!(sixth.to_string(), "1/6");
/// assert!((sixth.as_f64() - 0.1667).abs() < 1e-3);
/// assert_eq!(GpuCount::new(4, 2), GpuCount::whole(2));
/// assert!(GpuCount::new(1, 2) < GpuCount::whole(1));
/// assert!(GpuCount::ZERO.is_zero());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct GpuCount {
    numerator: u16,
    denominator: u16,
}

impl GpuCount {
    /// No GPU.
    pub const ZERO: GpuCount = GpuCount {
        numerator: 0,
        denominator: 1,
    };

    /// `numerator / denominator` GPUs, reduced; a zero denominator gives [`GpuCount::ZERO`].
    #[must_use]
    pub const fn new(numerator: u16, denominator: u16) -> GpuCount {
        if denominator == 0 || numerator == 0 {
            return GpuCount::ZERO;
        }
        let (mut a, mut b) = (numerator, denominator);
        while b != 0 {
            let t = a % b;
            a = b;
            b = t;
        }
        GpuCount {
            numerator: numerator / a,
            denominator: denominator / a,
        }
    }

    /// A whole number of GPUs.
    #[must_use]
    pub const fn whole(n: u16) -> GpuCount {
        GpuCount::new(n, 1)
    }

    /// The numerator of the reduced fraction.
    #[must_use]
    pub const fn numerator(self) -> u16 {
        self.numerator
    }

    /// The denominator of the reduced fraction (1 for whole counts).
    #[must_use]
    pub const fn denominator(self) -> u16 {
        self.denominator
    }

    /// Whether there is no GPU.
    #[must_use]
    pub const fn is_zero(self) -> bool {
        self.numerator == 0
    }

    /// Whether the count is a fraction of one GPU or more (`3/2`) rather than whole GPUs.
    #[must_use]
    pub const fn is_fractional(self) -> bool {
        self.denominator != 1
    }

    /// The count as a float.
    #[must_use]
    pub fn as_f64(self) -> f64 {
        f64::from(self.numerator) / f64::from(self.denominator)
    }
}

impl Ord for GpuCount {
    fn cmp(&self, other: &Self) -> Ordering {
        (u32::from(self.numerator) * u32::from(other.denominator))
            .cmp(&(u32::from(other.numerator) * u32::from(self.denominator)))
    }
}

impl PartialOrd for GpuCount {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for GpuCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.denominator == 1 {
            write!(f, "{}", self.numerator)
        } else {
            write!(f, "{}/{}", self.numerator, self.denominator)
        }
    }
}

impl From<u16> for GpuCount {
    /// A whole number of GPUs.
    fn from(n: u16) -> GpuCount {
        GpuCount::whole(n)
    }
}

impl GpuCount {
    /// The count a decimal stands for, exact when it is a fraction with a denominator up to
    /// 64 (`0.5` is 1/2, `0.1667` is 1/6); `None` for a negative, non-finite or too large
    /// value, or one no such fraction is near.
    ///
    /// ```
    /// use aml_targets::GpuCount;
    ///
    /// assert_eq!(GpuCount::from_f64(0.1667), Some(GpuCount::new(1, 6)));
    /// assert_eq!(GpuCount::from_f64(4.0), Some(GpuCount::whole(4)));
    /// assert_eq!(GpuCount::from_f64(-1.0), None);
    /// ```
    #[must_use]
    pub fn from_f64(x: f64) -> Option<GpuCount> {
        if !x.is_finite() || !(0.0..=f64::from(u16::MAX)).contains(&x) {
            return None;
        }
        let near = |tolerance: f64| {
            (1..=64u16).find_map(|d| {
                let n = (x * f64::from(d)).round();
                ((x - n / f64::from(d)).abs() < tolerance && n <= f64::from(u16::MAX)).then(|| {
                    // `n` is a whole number in 0..=u16::MAX.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    GpuCount::new(n as u16, d)
                })
            })
        };
        // The exact fraction a float was printed from first (`as_f64` round-trips); then the
        // three decimals listings and CSVs print (0.1667).
        near(1e-9).or_else(|| near(1e-3))
    }
}

/// Why a string is not a [`GpuCount`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid GPU count {input:?}: expected a whole number (4), a fraction (1/6) or a decimal (0.5)"
)]
pub struct ParseGpuCountError {
    input: String,
}

impl std::str::FromStr for GpuCount {
    type Err = ParseGpuCountError;

    /// `"4"`, `"1/6"` or `"0.5"`.
    fn from_str(s: &str) -> Result<GpuCount, ParseGpuCountError> {
        let err = || ParseGpuCountError {
            input: crate::error::shorten(s),
        };
        let t = s.trim();
        if let Some((n, d)) = t.split_once('/') {
            let n: u16 = n.trim().parse().map_err(|_| err())?;
            let d: u16 = d.trim().parse().map_err(|_| err())?;
            if d == 0 {
                return Err(err());
            }
            return Ok(GpuCount::new(n, d));
        }
        let x: f64 = t.parse().map_err(|_| err())?;
        GpuCount::from_f64(x).ok_or_else(err)
    }
}

/// A number (`0.5`, `4`); deserializes from a number or a string (`"1/6"`).
#[cfg(feature = "serde")]
impl serde::Serialize for GpuCount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.denominator == 1 {
            serializer.serialize_u16(self.numerator)
        } else {
            serializer.serialize_f64(self.as_f64())
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for GpuCount {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = GpuCount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a GPU count: a number 0 or more, or a fraction such as \"1/6\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<GpuCount, E> {
                u16::try_from(v)
                    .map(GpuCount::whole)
                    .map_err(|_| E::custom(format!("{v} GPUs is more than 65535")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<GpuCount, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("expected 0 or more GPUs, got {v}")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<GpuCount, E> {
                GpuCount::from_f64(v).ok_or_else(|| {
                    E::custom(format!(
                        "expected a GPU count 0 or more (a fraction up to 1/64), got {v}"
                    ))
                })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<GpuCount, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl fmt::Debug for GpuCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GpuCount({self})")
    }
}

crate::macros::name_enum! {
/// Who makes a series' GPU.
#[non_exhaustive]
pub enum GpuVendor ("GPU vendor") {
    /// NVIDIA: CUDA applies.
    #[strum(to_string = "nvidia")]
    Nvidia,
    /// AMD: no CUDA (NVv4's Radeon Instinct MI25, MI300X, Radeon PRO V620 and V710).
    #[strum(to_string = "amd")]
    Amd,
}
}

/// The GPU of a series (`gpu_series.csv`).
///
/// ```
/// use aml_targets::{GpuArchitecture, GpuVendor, VmSeries};
///
/// let h200 = VmSeries::ND_H200_v5.gpu().unwrap();
/// assert_eq!((h200.vendor, h200.architecture), (GpuVendor::Nvidia, Some(GpuArchitecture::Hopper)));
/// assert_eq!(h200.memory_gib, 141);
/// assert_eq!(VmSeries::ND_MI300X_v5.gpu().unwrap().compute_capability, None); // AMD: no CUDA
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SeriesGpu {
    /// The series.
    pub series: VmSeries,
    /// The GPU model as the source describes it (`"Tesla K80 (1 GPU = one-half K80 card)"`).
    pub model: &'static str,
    /// The vendor.
    pub vendor: GpuVendor,
    /// The NVIDIA architecture; `None` for AMD.
    pub architecture: Option<GpuArchitecture>,
    /// The architecture as the source names it (`"Vega (GCN 5th gen; …)"` for AMD).
    pub architecture_name: &'static str,
    /// The CUDA compute capability; `None` for AMD.
    pub compute_capability: Option<ComputeCapability>,
    /// Memory per GPU, GiB.
    pub memory_gib: u16,
    /// Where the facts come from.
    pub source: &'static str,
}

impl VmSeries {
    /// The series' GPU, or `None` for CPU series and for series whose GPU facts the crate does
    /// not have (ND_H200_v5).
    ///
    /// ```
    /// use aml_targets::{ComputeCapability, GpuVendor, VmSeries};
    ///
    /// let k80 = VmSeries::NC.gpu().unwrap();
    /// assert_eq!(k80.compute_capability, Some(ComputeCapability::new(3, 7)));
    /// assert_eq!(k80.memory_gib, 12);
    /// assert_eq!(VmSeries::NVv4.gpu().unwrap().vendor, GpuVendor::Amd);
    /// assert!(VmSeries::Dv3.gpu().is_none());
    /// ```
    #[must_use]
    pub fn gpu(self) -> Option<&'static SeriesGpu> {
        static TABLE: std::sync::OnceLock<
            [Option<&'static SeriesGpu>; super::series::SERIES_COUNT],
        > = std::sync::OnceLock::new();
        super::series::per_series(&TABLE, |s| SERIES_GPUS.iter().find(|g| g.series == s))
            [self as usize]
    }

    /// The embedded catalog's sizes of this series, in catalog order.
    pub fn sizes(self) -> impl Iterator<Item = &'static VmSizeSpec> {
        Catalog::embedded().of_series(self)
    }
}

/// One VM size and its facts. The embedded catalog fills every field it has data for;
/// catalogs loaded from Azure's size listings fill what those listings give.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct VmSizeSpec {
    /// The size name, as the source spells it.
    pub name: Cow<'static, str>,
    /// The series, when known.
    pub series: Option<VmSeries>,
    /// The size's own category (Dv2's D11–D15_v2 are memory optimized), when known.
    pub category: Option<VmCategory>,
    /// vCPUs (for constrained sizes, the active count).
    pub vcpus: u32,
    /// Memory, GiB.
    pub memory_gib: f64,
    /// GPUs, possibly fractional.
    pub gpus: GpuCount,
    /// The GPU model, when known.
    pub gpu_model: Option<Cow<'static, str>>,
    /// Memory per GPU, GiB, when known.
    pub gpu_memory_gib: Option<f64>,
    /// Local temporary disk, GiB, when known.
    pub temp_disk_gib: Option<f64>,
    /// RDMA (InfiniBand) capable, when known.
    pub rdma: Option<bool>,
    /// Azure ML's quota family (`standardDSv2Family`), when known: a listing's `family`; in
    /// the embedded catalog, Azure ML's eastus listing (or, for series with no size there, its
    /// usages). Compare families with [`crate::family_key`]: Azure spells one family several
    /// ways.
    pub family: Option<Cow<'static, str>>,
    /// Which Azure ML compute the listing says can use the size (`supportedComputeTypes`);
    /// `None` when the source does not say (use the series' rule then).
    pub supported_by: Option<SupportedBy>,
    /// Offered to managed online endpoints (`MIR` among `supportedComputeTypes`), when a
    /// region's listing says.
    pub online_endpoints: Option<bool>,
    /// Low-priority (spot) capable, when the source says.
    pub low_priority_capable: Option<bool>,
    /// Premium storage capable, when the source says.
    pub premium_io: Option<bool>,
    /// Where the row comes from.
    pub source: Cow<'static, str>,
}

impl VmSizeSpec {
    /// The embedded catalog's row for `name`, ASCII case ignored.
    ///
    /// ```
    /// use aml_targets::{VmSeries, VmSizeSpec};
    ///
    /// let spec = VmSizeSpec::find("STANDARD_NC24RS_V3").unwrap();
    /// assert_eq!(spec.name, "Standard_NC24rs_v3");
    /// assert_eq!((spec.vcpus, spec.memory_gib, spec.gpus.numerator()), (24, 448.0, 4));
    /// assert_eq!(spec.series, Some(VmSeries::NCv3));
    /// assert_eq!(spec.rdma, Some(true));
    /// ```
    #[must_use]
    pub fn find(name: &str) -> Option<&'static VmSizeSpec> {
        Catalog::embedded().find(name)
    }

    /// The name, parsed.
    ///
    /// # Errors
    ///
    /// When the catalog holds a name that is not a well-formed size name (a user-supplied
    /// catalog may).
    pub fn size(&self) -> Result<VmSize, crate::ParseVmSizeError> {
        VmSize::parse(&self.name)
    }

    /// Whether the size is isolated (see [`VmSize::is_isolated`]).
    #[must_use]
    pub fn is_isolated(&self) -> bool {
        self.size().is_ok_and(|s| s.is_isolated())
    }
}

/// Compares two names ignoring ASCII case, byte by byte.
fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// The lookup hash of a name, equal for names that differ only in ASCII case.
///
/// Eight bytes at a time, each byte OR-ed with `0x20` (which folds ASCII case; the few other
/// bytes it merges are told apart by the final comparison), mixed by multiply-rotate.
/// `tests/data/gen_catalog.py` computes the same function for the embedded index.
#[cfg(test)]
pub(crate) fn name_hash(name: &str) -> u64 {
    bytes_hash(name.as_bytes())
}

/// [`name_hash`] of a name's bytes.
fn bytes_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ (u64::from_le_bytes(word) | 0x2020_2020_2020_2020))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h ^ (u64::from_le_bytes(word) | 0x2020_2020_2020_2020))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    h ^ (h >> 32)
}

/// A name's hash for the lookup index: keyed for catalogs built at run time (ASCII case
/// folded, letters only), [`name_hash`] for the embedded one.
fn slot_hash(hasher: Option<&std::collections::hash_map::RandomState>, name: &[u8]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let Some(state) = hasher else {
        return bytes_hash(name);
    };
    let mut h = state.build_hasher();
    let mut buf = [0u8; 64];
    for chunk in name.chunks(buf.len()) {
        let folded = &mut buf[..chunk.len()];
        folded.copy_from_slice(chunk);
        folded.make_ascii_lowercase();
        h.write(folded);
    }
    h.finish()
}

/// An open-addressing table: `slots[hash & mask]` onwards (linear probing) holds the position
/// in `sizes` plus one, 0 marking an empty slot. Its length is a power of two, at least
/// twice the number of sizes.
fn build_index(
    sizes: &[VmSizeSpec],
    hasher: Option<&std::collections::hash_map::RandomState>,
) -> Vec<u32> {
    let len = (sizes.len() * 2).next_power_of_two().max(2);
    let mask = len - 1;
    let mut slots = vec![0u32; len];
    for (i, size) in sizes.iter().enumerate() {
        // The mask keeps the value below `len`.
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = slot_hash(hasher, size.name.as_bytes()) as usize & mask;
        while slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        // More than u32::MAX - 1 sizes cannot be held in memory as `VmSizeSpec`s anyway.
        #[allow(clippy::cast_possible_truncation)]
        {
            slots[slot] = i as u32 + 1;
        }
    }
    slots
}

/// A set of VM sizes to look up and select from: the embedded one, or one built from Azure's
/// size listing for a region. Rows are kept sorted by name (ASCII case ignored); lookup hashes
/// the name into an open-addressing index, allocating nothing.
///
/// ```
/// use aml_targets::{Catalog, VmSeries};
///
/// let catalog = Catalog::embedded();
/// assert_eq!(catalog.len(), 822);
/// assert_eq!(catalog.find("standard_ds3_v2").unwrap().vcpus, 4);
/// assert_eq!(catalog.of_series(VmSeries::NCasT4_v3).count(), 4);
/// ```
#[derive(Debug, Clone)]
pub struct Catalog {
    sizes: Cow<'static, [VmSizeSpec]>,
    /// The keys of a catalog built at run time: its names may come from anyone (a listing
    /// file), so they are hashed with random keys and cannot be chosen to collide. The
    /// embedded catalog's index is computed once, with [`name_hash`].
    hasher: Option<std::collections::hash_map::RandomState>,
    /// See [`build_index`].
    index: Cow<'static, [u32]>,
    /// The rows' figures, packed, in recommendation order; empty for the embedded catalog,
    /// whose rows are packed once on first use.
    ranked: RankedRows,
    /// Each row's name, parsed; empty for the embedded catalog (computed once on first use).
    parsed: Cow<'static, [Option<VmSize>]>,
}

impl PartialEq for Catalog {
    /// Catalogs are equal when their rows are.
    fn eq(&self, other: &Catalog) -> bool {
        self.sizes == other.sizes
    }
}

/// The catalog compiled into the crate.
static EMBEDDED: Catalog = Catalog {
    sizes: Cow::Borrowed(&SIZES),
    hasher: None,
    index: Cow::Borrowed(&SIZE_INDEX),
    ranked: RankedRows::EMPTY,
    parsed: Cow::Borrowed(&[]),
};

/// The embedded catalog's packed rows, computed on first use.
static EMBEDDED_RANKED: std::sync::OnceLock<RankedRows> = std::sync::OnceLock::new();

/// The figures recommendations compare, packed a row to 24 bytes in recommendation order
/// (see `rank_order`): the loop over them touches a few bytes a size
/// instead of whole records.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Packed {
    /// Memory, GiB.
    pub(crate) memory: f64,
    /// GPUs.
    pub(crate) gpus: f64,
    /// The row's position in [`Catalog::sizes`].
    pub(crate) row: u32,
    /// vCPUs.
    pub(crate) vcpus: u32,
    /// `series as usize`, or [`VmSeries::ALL`]`.len()` for an unknown series.
    pub(crate) slot: u8,
    /// [`RankedRows::HAS_GPU`], [`RankedRows::ISOLATED`], [`RankedRows::RDMA`],
    /// [`RankedRows::OWN_SUPPORT`].
    pub(crate) flags: u8,
}

/// A catalog's rows, packed, in recommendation order.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct RankedRows {
    /// The rows.
    pub(crate) rows: Vec<Packed>,
}

impl RankedRows {
    const EMPTY: RankedRows = RankedRows { rows: Vec::new() };
    /// The size has a GPU.
    pub(crate) const HAS_GPU: u8 = 1;
    /// The size is isolated.
    pub(crate) const ISOLATED: u8 = 2;
    /// The size is RDMA capable.
    pub(crate) const RDMA: u8 = 4;
    /// The row has a `supported_by` of its own.
    pub(crate) const OWN_SUPPORT: u8 = 8;

    fn of(sizes: &[VmSizeSpec], parsed: &[Option<VmSize>]) -> RankedRows {
        let mut row: Vec<u32> = positions(sizes.len()).collect();
        rank_order(sizes, parsed, &mut row);
        let spec = |&i: &u32| &sizes[i as usize];
        // Fewer than 256 series: the slot fits a u8.
        #[allow(clippy::cast_possible_truncation)]
        let slot = row
            .iter()
            .map(|&i| {
                let series = sizes[i as usize].series.or_else(|| {
                    parsed
                        .get(i as usize)
                        .copied()
                        .flatten()
                        .and_then(|s| s.series())
                });
                series.map_or(VmSeries::ALL.len(), |s| s as usize) as u8
            })
            .collect();
        let flags = row
            .iter()
            .map(|i| {
                let s = spec(i);
                let mut f = 0;
                if !s.gpus.is_zero() {
                    f |= RankedRows::HAS_GPU;
                }
                if s.is_isolated() {
                    f |= RankedRows::ISOLATED;
                }
                if s.rdma == Some(true) {
                    f |= RankedRows::RDMA;
                }
                if s.supported_by.is_some() {
                    f |= RankedRows::OWN_SUPPORT;
                }
                f
            })
            .collect();
        let slot: Vec<u8> = slot;
        let flags: Vec<u8> = flags;
        RankedRows {
            rows: row
                .iter()
                .zip(slot)
                .zip(flags)
                .map(|((i, slot), flags)| {
                    let s = spec(i);
                    Packed {
                        memory: s.memory_gib,
                        gpus: s.gpus.as_f64(),
                        row: *i,
                        vcpus: s.vcpus,
                        slot,
                        flags,
                    }
                })
                .collect(),
        }
    }
}

/// The embedded catalog's parsed names, computed on first use (no heap allocation).
static EMBEDDED_PARSED: std::sync::OnceLock<[Option<VmSize>; SIZES.len()]> =
    std::sync::OnceLock::new();

/// Orders rows for recommendations: memory, then vCPUs (a constrained size by its base
/// count, which it is priced by: `Standard_E4-2as_v4` is an E4as_v4 with two cores off), then
/// GPUs, then the newer generation (`_v5` before `_v4` of the same figures), then the full
/// size before its constrained ones, then name.
fn rank_order(sizes: &[VmSizeSpec], parsed: &[Option<VmSize>], rank: &mut [u32]) {
    let size = |i: u32| parsed.get(i as usize).copied().flatten();
    let version = |i: u32| size(i).and_then(|s| s.version());
    let priced_vcpus = |i: u32| size(i).map_or(sizes[i as usize].vcpus, |s| u32::from(s.vcpus()));
    rank.sort_unstable_by(|&ia, &ib| {
        let (a, b) = (&sizes[ia as usize], &sizes[ib as usize]);
        a.memory_gib
            .total_cmp(&b.memory_gib)
            .then(priced_vcpus(ia).cmp(&priced_vcpus(ib)))
            .then(a.gpus.cmp(&b.gpus))
            .then_with(|| version(ib).cmp(&version(ia)))
            // Of one base size, the full one first: constrained sizes are for per-core
            // licences.
            .then(b.vcpus.cmp(&a.vcpus))
            .then_with(|| a.name.cmp(&b.name))
    });
}

/// Positions `0..n` as `u32`.
#[allow(clippy::cast_possible_truncation)] // catalogs hold far fewer than 2^32 rows
fn positions(n: usize) -> impl Iterator<Item = u32> {
    (0..n).map(|i| i as u32)
}

impl Catalog {
    /// The catalog compiled into the crate: 822 sizes, from Azure's VM size pages (the
    /// page's series and the current generations) and, for 54 sizes no page gives, Azure ML's
    /// own size listing for eastus (see [`crate::data_tables`]).
    #[must_use]
    pub fn embedded() -> &'static Catalog {
        &EMBEDDED
    }

    /// A catalog of the given rows. Rows are sorted by name; of rows with the same name
    /// (ASCII case ignored), the first is kept.
    #[must_use]
    pub fn new(mut sizes: Vec<VmSizeSpec>) -> Catalog {
        sizes.sort_by(|a, b| cmp_ignore_case(&a.name, &b.name));
        sizes.dedup_by(|later, first| cmp_ignore_case(&later.name, &first.name).is_eq());
        let parsed: Vec<Option<VmSize>> =
            sizes.iter().map(|s| VmSize::parse(&s.name).ok()).collect();
        let hasher = std::collections::hash_map::RandomState::new();
        Catalog {
            index: Cow::Owned(build_index(&sizes, Some(&hasher))),
            hasher: Some(hasher),
            ranked: RankedRows::of(&sizes, &parsed),
            parsed: Cow::Owned(parsed),
            sizes: Cow::Owned(sizes),
        }
    }

    fn is_embedded(&self) -> bool {
        matches!(self.sizes, Cow::Borrowed(s) if std::ptr::eq(s, SIZES.as_slice()))
    }

    /// The rows' figures, packed, in recommendation order: memory, then vCPUs, then GPUs,
    /// then name.
    pub(crate) fn ranked(&self) -> &RankedRows {
        if self.is_embedded() {
            EMBEDDED_RANKED.get_or_init(|| RankedRows::of(&SIZES, self.parsed()))
        } else {
            &self.ranked
        }
    }

    /// Each row's name, parsed, in [`Catalog::sizes`] order.
    fn parsed(&self) -> &[Option<VmSize>] {
        if self.is_embedded() {
            EMBEDDED_PARSED.get_or_init(|| {
                std::array::from_fn(|i| VmSize::parse_uncached(&SIZES[i].name).ok())
            })
        } else {
            &self.parsed
        }
    }

    /// Every row, sorted by name (ASCII case ignored).
    #[must_use]
    pub fn sizes(&self) -> &[VmSizeSpec] {
        &self.sizes
    }

    /// How many rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.sizes.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }

    /// The row for `name`, ASCII case ignored.
    #[must_use]
    pub fn find(&self, name: &str) -> Option<&VmSizeSpec> {
        self.find_bytes(name.as_bytes())
    }

    fn find_bytes(&self, name: &[u8]) -> Option<&VmSizeSpec> {
        self.position(name).map(|i| &self.sizes[i])
    }

    /// The position of the row named `name` (ASCII case ignored).
    fn position(&self, name: &[u8]) -> Option<usize> {
        let mask = self.index.len() - 1;
        // The mask keeps the value below the index length.
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = slot_hash(self.hasher.as_ref(), name) as usize & mask;
        loop {
            let entry = self.index[slot] as usize;
            if entry == 0 {
                return None;
            }
            let row = &self.sizes[entry - 1];
            if row.name.len() == name.len() && row.name.as_bytes().eq_ignore_ascii_case(name) {
                return Some(entry - 1);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The parsed name of the row named `name` in the embedded catalog, if it has one.
    pub(crate) fn embedded_parsed(name: &str) -> Option<VmSize> {
        let catalog = Catalog::embedded();
        catalog
            .position(name.as_bytes())
            .and_then(|i| catalog.parsed()[i])
    }

    /// Parses `name` and finds its row: the parts of the name and the facts of the size,
    /// ASCII case ignored. `None` when the catalog has no such size (or the name does not
    /// parse).
    ///
    /// ```
    /// let (size, spec) = aml_targets::Catalog::embedded().lookup("standard_nc24rs_v3").unwrap();
    /// assert_eq!(size.to_string(), "Standard_NC24rs_v3");
    /// assert_eq!(spec.vcpus, 24);
    /// ```
    #[must_use]
    pub fn lookup(&self, name: &str) -> Option<(VmSize, &VmSizeSpec)> {
        let i = self.position(name.as_bytes())?;
        Some((self.parsed()[i]?, &self.sizes[i]))
    }

    /// The row for a parsed size.
    #[must_use]
    pub fn get(&self, size: &VmSize) -> Option<&VmSizeSpec> {
        let mut name = crate::vm::size::CanonicalName::EMPTY;
        size.write_canonical(&mut name);
        self.find_bytes(name.as_bytes())
    }

    /// The rows of one series.
    pub fn of_series(&self, series: VmSeries) -> impl Iterator<Item = &VmSizeSpec> {
        self.sizes.iter().filter(move |s| s.series == Some(series))
    }
}

impl VmSize {
    /// The embedded catalog's row for this size.
    ///
    /// ```
    /// let size: aml_targets::VmSize = "Standard_NV12ads_A10_v5".parse()?;
    /// assert_eq!(size.spec().unwrap().gpus.to_string(), "1/3");
    /// # Ok::<(), aml_targets::ParseVmSizeError>(())
    /// ```
    #[must_use]
    pub fn spec(&self) -> Option<&'static VmSizeSpec> {
        Catalog::embedded().get(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_index_is_the_one_build_index_makes() {
        assert_eq!(build_index(&SIZES, None), SIZE_INDEX);
        // The cached parses are the parser's.
        for (spec, parsed) in SIZES.iter().zip(Catalog::embedded().parsed()) {
            assert_eq!(*parsed, Some(VmSize::parse_uncached(&spec.name).unwrap()));
        }
        assert_eq!(name_hash("Standard_NC6"), name_hash("STANDARD_nc6"));
        assert_ne!(name_hash("Standard_NC6"), name_hash("Standard_NC6s"));
    }
}
