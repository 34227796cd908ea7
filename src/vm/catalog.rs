//! The size catalog: per-size facts (vCPUs, memory, GPUs, temp disk, RDMA, quota family),
//! embedded or brought by the caller, looked up by name in constant time.

use std::borrow::Cow;
use std::cmp::Ordering;

use super::data::sizes::{SIZE_INDEX, SIZES};
use super::gpu::GpuCount;
use super::series::{SupportedBy, VmCategory, VmSeries};
use super::size::VmSize;

impl VmSeries {
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
    /// usages). Compare families with [`crate::vm::family_key`]: Azure spells one family several
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
    pub fn size(&self) -> Result<VmSize, crate::vm::ParseVmSizeError> {
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
/// `cargo xtask gen` computes the same function for the embedded index.
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

/// What rows share besides their figures: the series, whether the size has a GPU, is
/// isolated or RDMA capable, and its own `supported_by`. A recommendation judges each class
/// once, then each row by its figures alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct RowClass {
    /// `series as usize`, or [`VmSeries::ALL`]`.len()` for an unknown series.
    pub(crate) slot: u8,
    /// [`RankedRows::HAS_GPU`], [`RankedRows::ISOLATED`], [`RankedRows::RDMA`].
    pub(crate) flags: u8,
    /// The row's own `supported_by` as a [`support_code`]; 0 when the row has none (its
    /// series' applies).
    pub(crate) support: u8,
}

impl VmSeries {
    /// The first series whose facts a recommendation judges the same way as this one's:
    /// series without a GPU (by category and by data), without regional retirement dates,
    /// with the same support in every edition of the page and the same retirement date
    /// share their facts; every other series is its own.
    pub(crate) fn facts_representative(self) -> VmSeries {
        static TABLE: std::sync::OnceLock<[VmSeries; super::series::SERIES_COUNT]> =
            std::sync::OnceLock::new();
        let key = |s: VmSeries| {
            let plain = s.category() != VmCategory::Gpu
                && s.gpu().is_none()
                && s.regional_retirements().next().is_none();
            plain.then(|| {
                (
                    std::array::from_fn::<_, { crate::edition::DocEdition::ALL.len() }, _>(|i| {
                        s.supported_by(crate::edition::DocEdition::ALL[i])
                    }),
                    s.retirement().map(|r| r.date),
                )
            })
        };
        super::series::per_series(&TABLE, |s| match key(s) {
            Some(k) => VmSeries::ALL
                .iter()
                .copied()
                .find(|&other| key(other) == Some(k))
                .unwrap_or(s),
            None => s,
        })[self as usize]
    }
}

/// `supported_by` as a small number: 0 for `None`, else 1 + the position in
/// [`SupportedBy::ALL`] (see [`SUPPORT_CODES`]).
pub(crate) fn support_code(supported_by: Option<SupportedBy>) -> u8 {
    // Three variants: the position fits a u8.
    #[allow(clippy::cast_possible_truncation)]
    supported_by.map_or(0, |s| {
        1 + SupportedBy::ALL.iter().position(|&a| a == s).unwrap_or(0) as u8
    })
}

/// [`support_code`]'s inverse, indexed by code.
pub(crate) const SUPPORT_CODES: [Option<SupportedBy>; SupportedBy::ALL.len() + 1] = {
    let mut codes = [None; SupportedBy::ALL.len() + 1];
    let mut i = 0;
    while i < SupportedBy::ALL.len() {
        codes[i + 1] = Some(SupportedBy::ALL[i]);
        i += 1;
    }
    codes
};

/// The figures recommendations compare, a column each, in recommendation order (see
/// `rank_order`): the loops over them read a few bytes a size instead of whole records,
/// and the comparisons of figures run on whole vectors.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct RankedRows {
    /// Memory, GiB.
    pub(crate) memory: Vec<f64>,
    /// GPUs.
    pub(crate) gpus: Vec<f64>,
    /// vCPUs.
    pub(crate) vcpus: Vec<u32>,
    /// Each row's class: its position in `classes`.
    pub(crate) class: Vec<u16>,
    /// Each row's position in [`Catalog::sizes`].
    pub(crate) row: Vec<u32>,
    /// The rows' classes, each once.
    pub(crate) classes: Vec<RowClass>,
}

impl RankedRows {
    /// How many rows.
    pub(crate) fn len(&self) -> usize {
        self.row.len()
    }

    const EMPTY: RankedRows = RankedRows {
        memory: Vec::new(),
        gpus: Vec::new(),
        vcpus: Vec::new(),
        class: Vec::new(),
        row: Vec::new(),
        classes: Vec::new(),
    };
    /// The size has a GPU.
    pub(crate) const HAS_GPU: u8 = 1;
    /// The size is isolated.
    pub(crate) const ISOLATED: u8 = 2;
    /// The size is RDMA capable.
    pub(crate) const RDMA: u8 = 4;

    fn of(sizes: &[VmSizeSpec], parsed: &[Option<VmSize>]) -> RankedRows {
        let mut order: Vec<u32> = positions(sizes.len()).collect();
        rank_order(sizes, parsed, &mut order);
        let class_of = |i: u32| {
            let s = &sizes[i as usize];
            let series = s.series.or_else(|| {
                parsed
                    .get(i as usize)
                    .copied()
                    .flatten()
                    .and_then(|s| s.series())
            });
            let mut flags = 0;
            if !s.gpus.is_zero() {
                flags |= RankedRows::HAS_GPU;
            }
            if s.is_isolated() {
                flags |= RankedRows::ISOLATED;
            }
            if s.rdma == Some(true) {
                flags |= RankedRows::RDMA;
            }
            // Fewer than 256 series: the slot fits a u8.
            #[allow(clippy::cast_possible_truncation)]
            let slot =
                series.map_or(VmSeries::ALL.len(), |s| s.facts_representative() as usize) as u8;
            RowClass {
                slot,
                flags,
                support: support_code(s.supported_by),
            }
        };
        let mut classes: Vec<RowClass> = order.iter().map(|&i| class_of(i)).collect();
        classes.sort_unstable();
        classes.dedup();
        let spec = |&i: &u32| &sizes[i as usize];
        RankedRows {
            memory: order.iter().map(|i| spec(i).memory_gib).collect(),
            gpus: order.iter().map(|i| spec(i).gpus.as_f64()).collect(),
            vcpus: order.iter().map(|i| spec(i).vcpus).collect(),
            // At most 256 slots × 8 flags × 4 support codes: a class fits a u16.
            #[allow(clippy::cast_possible_truncation)]
            class: order
                .iter()
                .map(|&i| classes.binary_search(&class_of(i)).unwrap_or(0) as u16)
                .collect(),
            row: order,
            classes,
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
pub(crate) fn positions(n: usize) -> impl Iterator<Item = u32> {
    (0..n).map(|i| i as u32)
}

impl Catalog {
    /// The catalog compiled into the crate: 822 sizes, from Azure's VM size pages (the
    /// page's series and the current generations) and, for 54 sizes no page gives, Azure ML's
    /// own size listing for eastus (see [`crate::data::data_tables`]).
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
    /// # Ok::<(), aml_targets::vm::ParseVmSizeError>(())
    /// ```
    #[must_use]
    pub fn spec(&self) -> Option<&'static VmSizeSpec> {
        Catalog::embedded().get(self)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for VmSizeSpec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("VmSizeSpec", 16)?;
        m.serialize_field("name", &*self.name)?;
        m.serialize_field("series", &self.series)?;
        m.serialize_field("category", &self.category)?;
        m.serialize_field("vcpus", &self.vcpus)?;
        m.serialize_field("memory_gib", &self.memory_gib)?;
        m.serialize_field("gpus", &self.gpus)?;
        m.serialize_field("gpu_model", &self.gpu_model.as_deref())?;
        m.serialize_field("gpu_memory_gib", &self.gpu_memory_gib)?;
        m.serialize_field("temp_disk_gib", &self.temp_disk_gib)?;
        m.serialize_field("rdma", &self.rdma)?;
        m.serialize_field("family", &self.family.as_deref())?;
        m.serialize_field("supported_by", &self.supported_by)?;
        m.serialize_field("online_endpoints", &self.online_endpoints)?;
        m.serialize_field("low_priority_capable", &self.low_priority_capable)?;
        m.serialize_field("premium_io", &self.premium_io)?;
        m.serialize_field("source", &*self.source)?;
        m.end()
    }
}

/// A family name as a key: Azure spells one family several ways (`Standard NCASv3_T4 Family`
/// in both listings, `StandardNCADSA100v4Family` in `vmSizes` and `standardNCADSA100v4Family`
/// in usages), so families compare lower-cased, without white space.
///
/// ```
/// use aml_targets::vm::family_key;
///
/// assert_eq!(family_key("StandardNCADSA100v4Family"), family_key("standardNCADSA100v4Family"));
/// assert_eq!(family_key("Standard NCASv3_T4 Family"), "standardncasv3_t4family");
/// ```
#[must_use]
pub fn family_key(family: &str) -> String {
    family
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
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
