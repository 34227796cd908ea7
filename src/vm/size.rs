//! VM size names: parsing, canonical spelling and series classification (FACTS §9).
//!
//! Azure's naming convention (`MicrosoftDocs/azure-compute-docs`,
//! `articles/virtual-machines/vm-naming-conventions.md`):
//! `[Tier_][Family][Sub-family*][#vCPUs][-Constrained vCPUs*][Additive features][_Accelerator*][_Version][_Promo*]`,
//! plus the rarer `_8_v2` memory variants and `_cc_` segments.

use std::fmt;
use std::str::FromStr;

use crate::macros::serde_via_str;
use crate::vm::VmSeries;

/// The longest size name accepted, in bytes. Real names are at most 25 bytes long.
pub const MAX_VM_SIZE_NAME_LEN: usize = 64;

/// A short ASCII string stored inline, so [`VmSize`] is `Copy` and parsing never allocates.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Inline<const N: usize> {
    len: u8,
    bytes: [u8; N],
}

impl<const N: usize> Inline<N> {
    const EMPTY: Self = Inline {
        len: 0,
        bytes: [0; N],
    };

    /// Appends one ASCII byte; `false` when full.
    fn push(&mut self, b: u8) -> bool {
        let len = usize::from(self.len);
        if len == N {
            return false;
        }
        self.bytes[len] = b;
        self.len += 1;
        true
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    fn as_str(&self) -> &str {
        // Only ASCII is ever pushed.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }
}

crate::macros::name_enum! {
/// The tier prefix of a size name: `Display` prints `Standard` or `Basic`.
#[non_exhaustive]
pub enum VmTier ("VM tier") {
    /// `Standard_`.
    #[strum(to_string = "Standard")]
    Standard,
    /// `Basic_` (the old basic A-series).
    #[strum(to_string = "Basic")]
    Basic,
}
}

crate::macros::name_enum! {
/// An additive feature letter of a size name. `Display` prints the letter as Azure writes it
/// (`a`, `C`, `NP`); `FromStr` also takes the feature's name (`amd`, `confidential`).
#[non_exhaustive]
pub enum VmFeature ("VM size feature") {
    /// `a`: AMD processor.
    #[strum(to_string = "a", serialize = "amd")]
    Amd,
    /// `b`: block-storage performance.
    #[strum(to_string = "b", serialize = "block-storage")]
    BlockStorage,
    /// `d`: local temporary disk.
    #[strum(to_string = "d", serialize = "local-disk")]
    LocalDisk,
    /// `i`: isolated size.
    #[strum(to_string = "i", serialize = "isolated")]
    Isolated,
    /// `l`: low memory.
    #[strum(to_string = "l", serialize = "low-memory")]
    LowMemory,
    /// `m`: memory intensive.
    #[strum(to_string = "m", serialize = "memory-intensive")]
    MemoryIntensive,
    /// `n`: network optimized.
    #[strum(to_string = "n", serialize = "network-optimized")]
    NetworkOptimized,
    /// `p`: ARM processor.
    #[strum(to_string = "p", serialize = "arm")]
    Arm,
    /// `t`: tiny memory.
    #[strum(to_string = "t", serialize = "tiny-memory")]
    TinyMemory,
    /// `s`: premium storage capable.
    #[strum(to_string = "s", serialize = "premium-storage")]
    PremiumStorage,
    /// `r`: RDMA capable.
    #[strum(to_string = "r", serialize = "rdma")]
    Rdma,
    /// `C`: confidential.
    #[strum(to_string = "C", serialize = "confidential")]
    Confidential,
    /// `NP`: node packing.
    #[strum(to_string = "NP", serialize = "node-packing")]
    NodePacking,
}
}

impl VmFeature {
    /// The letter(s) as Azure writes them.
    #[must_use]
    pub const fn letters(self) -> &'static str {
        match self {
            VmFeature::Amd => "a",
            VmFeature::BlockStorage => "b",
            VmFeature::LocalDisk => "d",
            VmFeature::Isolated => "i",
            VmFeature::LowMemory => "l",
            VmFeature::MemoryIntensive => "m",
            VmFeature::NetworkOptimized => "n",
            VmFeature::Arm => "p",
            VmFeature::TinyMemory => "t",
            VmFeature::PremiumStorage => "s",
            VmFeature::Rdma => "r",
            VmFeature::Confidential => "C",
            VmFeature::NodePacking => "NP",
        }
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// The feature a lower-case letter stands for (`c` is confidential).
    const fn from_letter(b: u8) -> Option<VmFeature> {
        Some(match b {
            b'a' => VmFeature::Amd,
            b'b' => VmFeature::BlockStorage,
            b'd' => VmFeature::LocalDisk,
            b'i' => VmFeature::Isolated,
            b'l' => VmFeature::LowMemory,
            b'm' => VmFeature::MemoryIntensive,
            b'n' => VmFeature::NetworkOptimized,
            b'p' => VmFeature::Arm,
            b't' => VmFeature::TinyMemory,
            b's' => VmFeature::PremiumStorage,
            b'r' => VmFeature::Rdma,
            b'c' => VmFeature::Confidential,
            _ => return None,
        })
    }
}

/// The additive feature letters of a size name, as a set of known features plus the letters
/// this crate does not know (kept, never dropped; `e` on confidential sizes is one).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VmFeatures {
    bits: u16,
    unknown: Inline<16>,
}

impl VmFeatures {
    /// Whether `feature` is present.
    #[must_use]
    pub const fn contains(self, feature: VmFeature) -> bool {
        self.bits & feature.bit() != 0
    }

    /// The known features present, in [`VmFeature::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = VmFeature> {
        VmFeature::ALL
            .iter()
            .copied()
            .filter(move |f| self.contains(*f))
    }

    /// The letters that name no known feature, in the order written.
    #[must_use]
    pub fn unknown_letters(&self) -> &str {
        self.unknown.as_str()
    }

    /// Whether there are no feature letters at all.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.bits == 0 && self.unknown.len == 0
    }

    /// Whether exactly the known features `set` are present (and no unknown letter).
    fn is_exactly(self, set: &[VmFeature]) -> bool {
        let mut bits = 0;
        let mut i = 0;
        while i < set.len() {
            bits |= set[i].bit();
            i += 1;
        }
        self.bits == bits && self.unknown.is_empty()
    }
}

impl fmt::Debug for VmFeatures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_set();
        list.entries(self.iter());
        if !self.unknown.is_empty() {
            list.entry(&format_args!("unknown {:?}", self.unknown.as_str()));
        }
        list.finish()
    }
}

/// A parsed Azure VM size name such as `Standard_NC24rs_v3`.
///
/// Parsing ignores ASCII case; `Display` prints Azure's canonical spelling, and parsing that
/// gives the same value back. A well-formed name of a series this crate does not know still
/// parses: [`VmSize::series`] is then `None`. Parsing never allocates on success.
///
/// ```
/// use aml_targets::{VmSeries, VmSize};
/// use aml_targets::vm::VmFeature;
///
/// let size: VmSize = "STANDARD_NC24RS_V3".parse()?;
/// assert_eq!(size.to_string(), "Standard_NC24rs_v3");
/// assert_eq!(size.family(), "NC");
/// assert_eq!(size.vcpus(), 24);
/// assert!(size.features().contains(VmFeature::Rdma));
/// assert_eq!(size.version(), Some(3));
/// assert_eq!(size.series(), Some(VmSeries::NCv3));
///
/// let a100: VmSize = "Standard_ND96amsr_A100_v4".parse()?;
/// assert_eq!(a100.accelerator(), Some("A100"));
/// assert_eq!(a100.series(), Some(VmSeries::NDm_A100_v4));
///
/// let err = "Standard_NC24rs_v".parse::<VmSize>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid VM size name \"Standard_NC24rs_v\" at byte 17: missing version number after \"_v\"",
/// );
/// # Ok::<(), aml_targets::vm::ParseVmSizeError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VmSize {
    tier: VmTier,
    family: Inline<4>,
    vcpus: u16,
    constrained_vcpus: Option<u16>,
    features: VmFeatures,
    /// The feature letters in the order written, canonical case.
    feature_letters: Inline<16>,
    /// A letter and digits written right after the features (`G5` in
    /// `Standard_ND128isrG5_GB300_v6`), canonical case.
    tag: Inline<4>,
    /// The accelerator, with the qualifier segments before it (`NDR_GB200`,
    /// `xl_RTXPRO6000BSE`), canonical case.
    accelerator: Inline<24>,
    memory_variant: Option<u16>,
    cc: bool,
    version: Option<u8>,
    promo: bool,
}

/// What is wrong with a VM size name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VmSizeErrorKind {
    /// The input is empty.
    Empty,
    /// The input is longer than [`MAX_VM_SIZE_NAME_LEN`] bytes.
    TooLong {
        /// The input's length in bytes.
        len: usize,
    },
    /// A character outside ASCII.
    NonAscii {
        /// The character.
        ch: char,
    },
    /// No `Standard_` or `Basic_` prefix.
    MissingTier,
    /// No family letter after the tier.
    MissingFamily,
    /// More family letters than any Azure family has (4).
    FamilyTooLong,
    /// No vCPU count after the family.
    MissingVcpus,
    /// No constrained vCPU count after `-`.
    MissingConstrainedVcpus,
    /// A number with a leading zero.
    LeadingZero,
    /// A number too large to be a vCPU count, memory variant or version.
    NumberTooLarge,
    /// More additive feature letters than fit (16).
    TooManyFeatures,
    /// A character that cannot appear where it does.
    UnexpectedChar {
        /// The character.
        ch: char,
    },
    /// Two underscores in a row, or a trailing underscore.
    EmptySegment,
    /// `_v` with no number after it.
    MissingVersionNumber,
    /// An underscore segment that is not an accelerator, memory variant, `cc`, version or
    /// `Promo`.
    UnknownSegment,
    /// A segment after one that must come later (e.g. an accelerator after the version).
    SegmentOutOfOrder,
}

/// Why a string is not a VM size name: the input, the byte position and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseVmSizeError {
    input: String,
    /// The whole input's length in characters and bytes (`input` may be its start only).
    input_chars: usize,
    input_len: usize,
    position: usize,
    kind: VmSizeErrorKind,
}

impl ParseVmSizeError {
    #[cold]
    #[inline(never)]
    fn new(input: &str, position: usize, kind: VmSizeErrorKind) -> Self {
        // Keep a bounded copy: the message quotes at most a short prefix anyway.
        let mut end = input.len().min(4 * MAX_VM_SIZE_NAME_LEN);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        ParseVmSizeError {
            input: input[..end].to_owned(),
            input_chars: input.chars().count(),
            input_len: input.len(),
            position,
            kind,
        }
    }

    /// What is wrong.
    #[must_use]
    pub fn kind(&self) -> VmSizeErrorKind {
        self.kind
    }

    /// The byte offset in the input where the problem is.
    #[must_use]
    pub fn position(&self) -> usize {
        self.position
    }

    /// The rejected input (its first 256 bytes when longer).
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }

    fn segment(&self) -> &str {
        let rest = self.input.get(self.position..).unwrap_or("");
        rest.split('_').next().unwrap_or("")
    }
}

impl fmt::Display for ParseVmSizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use VmSizeErrorKind as K;
        f.write_str("invalid VM size name ")?;
        crate::text::write_quoted_of(f, &self.input, self.input_chars)?;
        write!(f, " at byte {}: ", self.position)?;
        match self.kind {
            K::Empty => f.write_str("empty name, expected e.g. \"Standard_D4s_v3\""),
            K::TooLong { len } => write!(
                f,
                "name is {len} bytes long, the limit is {MAX_VM_SIZE_NAME_LEN}"
            ),
            K::NonAscii { ch } => write!(f, "non-ASCII character {ch:?}"),
            K::MissingTier => f.write_str("expected the tier prefix \"Standard_\" or \"Basic_\""),
            K::MissingFamily => f.write_str("expected a family letter such as D, E, M or NC"),
            K::FamilyTooLong => f.write_str("family and sub-family longer than 4 letters"),
            K::MissingVcpus => f.write_str("expected the vCPU count after the family"),
            K::MissingConstrainedVcpus => {
                f.write_str("expected the constrained vCPU count after \"-\"")
            }
            K::LeadingZero => f.write_str("number with a leading zero"),
            K::NumberTooLarge => f.write_str("number too large"),
            K::TooManyFeatures => f.write_str("more than 16 additive feature letters"),
            K::UnexpectedChar { ch } => write!(f, "unexpected character {ch:?}"),
            K::EmptySegment => f.write_str("empty segment between underscores"),
            K::MissingVersionNumber => f.write_str("missing version number after \"_v\""),
            K::UnknownSegment => write!(
                f,
                "unknown segment {:?}, expected an accelerator (T4, A100, H100, …), a memory \
                 variant number, \"cc\", a version (v2, v3, …) or \"Promo\"",
                self.segment()
            ),
            K::SegmentOutOfOrder => write!(
                f,
                "segment {:?} out of order, expected \
                 [_Accelerator][_MemoryVariant][_cc][_vN][_Promo]",
                self.segment()
            ),
        }?;
        if self.input_len > self.input.len() {
            write!(f, " (input is {} bytes)", self.input_len)?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseVmSizeError {}

/// Reads a decimal number without leading zeros starting at `i`; returns it and its end
/// (`end == i` when there is no digit).
#[inline]
fn number(b: &[u8], i: usize) -> Result<(u16, usize), (usize, VmSizeErrorKind)> {
    let mut n: u32 = 0;
    let mut end = i;
    while let Some(&c) = b.get(end) {
        if !c.is_ascii_digit() {
            break;
        }
        n = n * 10 + u32::from(c - b'0');
        if n > u32::from(u16::MAX) {
            return Err((i, VmSizeErrorKind::NumberTooLarge));
        }
        end += 1;
    }
    if end - i > 1 && b[i] == b'0' {
        return Err((i, VmSizeErrorKind::LeadingZero));
    }
    // Checked against u16::MAX above.
    #[allow(clippy::cast_possible_truncation)]
    Ok((n as u16, end))
}

/// The feature of each lower-case letter `a`..=`z` (`c` is confidential), for the parser's
/// inner loop.
const LETTER_FEATURES: [Option<VmFeature>; 26] = {
    let mut table = [None; 26];
    let mut i = 0;
    while i < 26 {
        // `i` is below 26.
        #[allow(clippy::cast_possible_truncation)]
        {
            table[i] = VmFeature::from_letter(b'a' + i as u8);
        }
        i += 1;
    }
    table
};

/// The order segments must come in.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Start,
    Qualifier,
    Accelerator,
    MemoryVariant,
    Cc,
    Version,
    Promo,
}

impl VmSize {
    /// Parses a size name, the same as `FromStr`.
    ///
    /// # Errors
    ///
    /// [`ParseVmSizeError`] naming the byte position and what was expected there.
    pub fn parse(s: &str) -> Result<VmSize, ParseVmSizeError> {
        // The sizes of the embedded catalog are parsed once; their names are one lookup away.
        if let Some(size) = crate::vm::Catalog::embedded_parsed(s) {
            return Ok(size);
        }
        VmSize::parse_uncached(s)
    }

    /// The parser itself, without the embedded catalog's cache.
    pub(crate) fn parse_uncached(s: &str) -> Result<VmSize, ParseVmSizeError> {
        VmSize::parse_inner(s.as_bytes()).map_err(|(at, kind)| ParseVmSizeError::new(s, at, kind))
    }

    /// The parser, with a small error (position, kind) so the success path stays lean.
    fn parse_inner(b: &[u8]) -> Result<VmSize, (usize, VmSizeErrorKind)> {
        use VmSizeErrorKind as K;
        if b.is_empty() {
            return Err((0, K::Empty));
        }
        if b.len() > MAX_VM_SIZE_NAME_LEN {
            return Err((MAX_VM_SIZE_NAME_LEN, K::TooLong { len: b.len() }));
        }
        if !b.is_ascii() {
            return Err(non_ascii(b));
        }
        // `x | 0x20` equals a lower-case letter exactly when `x` is that letter in either case,
        // so one word compare checks "standard" ignoring case.
        let standard = b.len() >= 9
            && b[8] == b'_'
            && b.first_chunk::<8>().is_some_and(|w| {
                u64::from_le_bytes(*w) | 0x2020_2020_2020_2020 == u64::from_le_bytes(*b"standard")
            });
        let (tier, mut i) = if standard {
            (VmTier::Standard, 9)
        } else if b.len() >= 6 && b[..6].eq_ignore_ascii_case(b"Basic_") {
            (VmTier::Basic, 6)
        } else {
            return Err((0, K::MissingTier));
        };

        // Family and sub-family: the letters before the vCPU count.
        let mut family = Inline::<4>::EMPTY;
        while let Some(&c) = b.get(i) {
            if !c.is_ascii_alphabetic() {
                break;
            }
            if !family.push(c.to_ascii_uppercase()) {
                return Err((i, K::FamilyTooLong));
            }
            i += 1;
        }
        if family.is_empty() {
            return Err((i, K::MissingFamily));
        }
        let (vcpus, end) = number(b, i)?;
        if end == i {
            return Err((i, K::MissingVcpus));
        }
        i = end;
        let mut constrained_vcpus = None;
        if b.get(i) == Some(&b'-') {
            i += 1;
            let (n, end) = number(b, i)?;
            if end == i {
                return Err((i, K::MissingConstrainedVcpus));
            }
            constrained_vcpus = Some(n);
            i = end;
        }

        // Additive features: lower-case letters, `C` (confidential) and `NP` (node packing).
        // `NP` is recognised where written in capitals in a name that is not all capitals;
        // in a shouted name (`STANDARD_…`) capitals are read as lower-case letters.
        let mut features = VmFeatures {
            bits: 0,
            unknown: Inline::EMPTY,
        };
        let mut letters = Inline::<16>::EMPTY;
        while let Some(&c) = b.get(i) {
            // A letter followed by a digit starts the tag (`G5`), not a feature.
            if !c.is_ascii_alphabetic() || b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                break;
            }
            let at = i;
            let lower = c.to_ascii_lowercase();
            let node_packing =
                c == b'N' && b.get(i + 1) == Some(&b'P') && b.iter().any(u8::is_ascii_lowercase);
            let feature = if node_packing {
                i += 2;
                Some(VmFeature::NodePacking)
            } else {
                i += 1;
                LETTER_FEATURES[usize::from(lower - b'a')]
            };
            let fits = if let Some(f) = feature {
                features.bits |= f.bit();
                f.letters().bytes().all(|l| letters.push(l))
            } else {
                features.unknown.push(lower) && letters.push(lower)
            };
            if !fits {
                return Err((at, K::TooManyFeatures));
            }
        }

        // The tag: one letter and up to three digits (`G5`).
        let mut tag = Inline::<4>::EMPTY;
        if let Some(&c) = b.get(i).filter(|c| c.is_ascii_alphabetic()) {
            tag.push(c.to_ascii_uppercase());
            let (_, end) = number(b, i + 1)?;
            if end - (i + 1) > 3 {
                return Err((i + 1, K::NumberTooLarge));
            }
            for &d in &b[i + 1..end] {
                tag.push(d);
            }
            i = end;
        }

        let mut size = VmSize {
            tier,
            family,
            vcpus,
            constrained_vcpus,
            features,
            feature_letters: letters,
            tag,
            accelerator: Inline::EMPTY,
            memory_variant: None,
            cc: false,
            version: None,
            promo: false,
        };

        let mut stage = Stage::Start;
        let mut qualifier_at = 0;
        while let Some(&c) = b.get(i) {
            if c != b'_' {
                return Err((i, K::UnexpectedChar { ch: char::from(c) }));
            }
            let start = i + 1;
            let end = b[start..]
                .iter()
                .position(|&c| c == b'_')
                .map_or(b.len(), |n| start + n);
            let seg = &b[start..end];
            let next = segment(seg, start, b, &mut size)?;
            // `_Promo` may also follow the vCPU block directly (`Standard_NC6_Promo`).
            if next <= stage {
                return Err((start, K::SegmentOutOfOrder));
            }
            // A qualifier (`NDR`, `xl`) stands only before an accelerator.
            if stage == Stage::Qualifier && next != Stage::Accelerator {
                return Err((qualifier_at, K::UnknownSegment));
            }
            if next == Stage::Qualifier {
                qualifier_at = start;
            }
            stage = next;
            i = end;
        }
        if stage == Stage::Qualifier {
            return Err((qualifier_at, K::UnknownSegment));
        }
        Ok(size)
    }

    /// The tier prefix.
    #[must_use]
    pub const fn tier(&self) -> VmTier {
        self.tier
    }

    /// The family and sub-family letters, upper case (`"NC"`, `"DS"`, `"M"`).
    #[must_use]
    pub fn family(&self) -> &str {
        self.family.as_str()
    }

    /// The vCPU count written in the name (for constrained sizes, the base count).
    #[must_use]
    pub const fn vcpus(&self) -> u16 {
        self.vcpus
    }

    /// The constrained (active) vCPU count, for names such as `Standard_M128-64ms`.
    #[must_use]
    pub const fn constrained_vcpus(&self) -> Option<u16> {
        self.constrained_vcpus
    }

    /// The vCPUs the VM actually has: the constrained count when there is one.
    #[must_use]
    pub const fn active_vcpus(&self) -> u16 {
        match self.constrained_vcpus {
            Some(n) => n,
            None => self.vcpus,
        }
    }

    /// The additive feature letters.
    #[must_use]
    pub const fn features(&self) -> VmFeatures {
        self.features
    }

    /// The additive feature letters as written, canonical case (`"adis"`).
    #[must_use]
    pub fn feature_letters(&self) -> &str {
        self.feature_letters.as_str()
    }

    /// The accelerator, canonical case (`"T4"`, `"A100"`, `"H100"`), with the qualifier
    /// segments Azure writes before it (`"NDR_GB200"`, `"xl_RTXPRO6000BSE"`).
    #[must_use]
    pub fn accelerator(&self) -> Option<&str> {
        (!self.accelerator.is_empty()).then(|| self.accelerator.as_str())
    }

    /// The letter and digits written right after the features, upper case: `"G5"` in
    /// `Standard_ND128isrG5_GB300_v6`.
    #[must_use]
    pub fn tag(&self) -> Option<&str> {
        (!self.tag.is_empty()).then(|| self.tag.as_str())
    }

    /// The memory-variant number of names such as `Standard_M416s_8_v2`.
    #[must_use]
    pub const fn memory_variant(&self) -> Option<u16> {
        self.memory_variant
    }

    /// Whether the name has a `_cc` segment (`Standard_EC16ads_cc_v5`).
    #[must_use]
    pub const fn has_cc(&self) -> bool {
        self.cc
    }

    /// The version number (`3` for `_v3`); `None` for first versions, which omit it.
    #[must_use]
    pub const fn version(&self) -> Option<u8> {
        self.version
    }

    /// Whether the name ends with `_Promo`.
    #[must_use]
    pub const fn is_promo(&self) -> bool {
        self.promo
    }

    /// Whether the size is isolated: one of the Azure ML page's four isolated sizes, or a
    /// name with the `i` (isolated) feature letter.
    ///
    /// ```
    /// use aml_targets::VmSize;
    ///
    /// assert!("Standard_NC24rs_v3".parse::<VmSize>()?.is_isolated()); // the page's list
    /// assert!("Standard_E104i_v5".parse::<VmSize>()?.is_isolated()); // the `i` letter
    /// assert!(!"Standard_D4s_v5".parse::<VmSize>()?.is_isolated());
    /// # Ok::<(), aml_targets::vm::ParseVmSizeError>(())
    /// ```
    #[must_use]
    pub fn is_isolated(&self) -> bool {
        self.features.contains(VmFeature::Isolated)
            || crate::vm::isolated_size(&self.canonical_name()).is_some()
    }

    /// Whether two sizes have the same family and vCPUs (what a name starts with).
    pub(crate) fn same_family_and_vcpus(&self, other: &VmSize) -> bool {
        self.family == other.family && self.vcpus == other.vcpus
    }

    /// The canonical name, written to an inline buffer (no allocation, no formatting
    /// machinery: this is on the lookup hot path).
    #[must_use]
    pub fn canonical_name(&self) -> CanonicalName {
        let mut out = CanonicalName::EMPTY;
        self.write_canonical(&mut out);
        out
    }

    /// Writes the canonical name into `out`, which must be empty.
    pub(crate) fn write_canonical(&self, out: &mut CanonicalName) {
        out.push(self.tier.as_str().as_bytes());
        out.push(b"_");
        out.push(self.family.as_bytes());
        out.push_number(self.vcpus);
        if let Some(n) = self.constrained_vcpus {
            out.push(b"-");
            out.push_number(n);
        }
        out.push(self.feature_letters.as_bytes());
        out.push(self.tag.as_bytes());
        if !self.accelerator.is_empty() {
            out.push(b"_");
            out.push(self.accelerator.as_bytes());
        }
        if let Some(m) = self.memory_variant {
            out.push(b"_");
            out.push_number(m);
        }
        if self.cc {
            out.push(b"_cc");
        }
        if let Some(v) = self.version {
            out.push(b"_v");
            out.push_number(u16::from(v));
        }
        if self.promo {
            out.push(b"_Promo");
        }
    }

    /// The same size without `_Promo`: promotional sizes are the same hardware.
    #[must_use]
    pub(crate) fn without_promo(&self) -> VmSize {
        VmSize {
            promo: false,
            ..*self
        }
    }

    /// The same size without its constrained-vCPU count (`Standard_E4-2s_v3` →
    /// `Standard_E4s_v3`): constrained sizes share their base size's facts but vCPUs.
    #[must_use]
    pub(crate) fn unconstrained(&self) -> VmSize {
        VmSize {
            constrained_vcpus: None,
            ..*self
        }
    }

    /// The sizes whose catalog row gives this size's hardware, in the order to look them up:
    /// itself, its unconstrained size, its regular size (`H16_Promo` is an `H16`).
    pub(crate) fn hardware_rows(&self) -> [VmSize; 3] {
        [*self, self.unconstrained(), self.without_promo()]
    }

    /// The series the size belongs to, or `None` for a well-formed name of a series this
    /// crate does not know.
    ///
    /// Series labels are not prefixes of names: `Standard_E8as_v4` is EAv4, `Standard_D13_v2`
    /// is Dv2, `Standard_ND96asr_v4` is NDasrA100_v4, `Standard_NV12s_v3` is NVv3.
    ///
    /// ```
    /// use aml_targets::{VmSeries, VmSize};
    ///
    /// assert_eq!("Standard_D13_v2".parse::<VmSize>()?.series(), Some(VmSeries::Dv2));
    /// assert_eq!("Standard_D8ads_v5".parse::<VmSize>()?.series(), Some(VmSeries::Dadsv5));
    /// // Well formed, of a series this version does not know yet.
    /// assert_eq!("Standard_D4s_v9".parse::<VmSize>()?.series(), None);
    /// # Ok::<(), aml_targets::vm::ParseVmSizeError>(())
    /// ```
    #[must_use]
    pub fn series(&self) -> Option<VmSeries> {
        use VmFeature::{
            Amd as A, BlockStorage as B, Isolated as I, LocalDisk as D, LowMemory as L,
            MemoryIntensive as M, PremiumStorage as S, Rdma as R, TinyMemory as T,
        };
        use VmSeries as V;
        let f = self.features;
        let only = |set: &[VmFeature]| f.is_exactly(set);
        let any_of = |sets: &[&[VmFeature]]| sets.iter().any(|set| f.is_exactly(set));
        // The same, with or without `i` (isolated): E v5–v7 and Mv2 have isolated sizes.
        let without_i = VmFeatures {
            bits: f.bits & !I.bit(),
            unknown: f.unknown,
        };
        let only_i = |set: &[VmFeature]| without_i.is_exactly(set);
        // The GPU part of the accelerator, after any qualifier (`NDR_GB200` → `GB200`).
        let accel = self
            .accelerator()
            .map(|a| a.rsplit('_').next().unwrap_or(a));
        let promo = self.promo;
        let family = self.family();
        let version = self.version;
        if self.cc || self.tier != VmTier::Standard {
            // Confidential `_cc_` sizes and Basic A-series sizes are no series this crate
            // models, except Basic_A as Av1.
            return (self.tier == VmTier::Basic
                && family == "A"
                && version.is_none()
                && f.is_empty()
                && !self.cc
                && self.memory_variant.is_none())
            .then_some(V::Av1);
        }
        if self.memory_variant.is_some() {
            // Of the memory variants, only Mv2's `Standard_M416s_8_v2` is a size we know.
            return (family == "M" && version == Some(2) && self.vcpus >= 208 && only_i(&[S]))
                .then_some(V::Mv2);
        }
        if !self.tag.is_empty() {
            // `Standard_ND128isrG5_GB300_v6` is the only tagged size we know.
            return (family == "ND"
                && version == Some(6)
                && accel == Some("GB300")
                && only(&[I, S, R]))
            .then_some(V::ND_GB300_v6);
        }
        Some(match (family, version, accel) {
            ("NC", None, None) if any_of(&[&[], &[R]]) => {
                if promo {
                    V::NC_Promo
                } else {
                    V::NC
                }
            }
            ("NV", None, None) if only(&[]) => {
                if promo {
                    V::NV_Promo
                } else {
                    V::NV
                }
            }
            ("H", None, None) if any_of(&[&[], &[M], &[R], &[M, R]]) => V::H,
            _ if promo && !(family == "D" && version == Some(2)) => return None,
            ("ND", None, None) if any_of(&[&[S], &[R, S]]) => V::ND,
            ("HB", None, None) if only(&[R, S]) => V::HB,
            ("HC", None, None) if only(&[R, S]) => V::HC,
            ("HX", None, None) if only(&[R, S]) => V::HX,
            ("M", None, None) if any_of(&[&[], &[M], &[S], &[M, S], &[L, S], &[T, S]]) => V::M,
            ("FX", None, None) if any_of(&[&[M, D, S], &[M, S]]) => V::FX,
            ("A", None, None) if only(&[]) => V::Av1,
            ("D", None, None) if only(&[]) => V::D,
            ("DS", None, None) if only(&[]) => V::DS,
            ("L", None, None) if only(&[S]) => V::Ls,
            ("D", Some(2), None) if only(&[]) => V::Dv2,
            ("DS", Some(2), None) if only(&[]) => V::DSv2,
            ("F", Some(2), None) if only(&[S]) => V::FSv2,
            ("NC", Some(2), None) if any_of(&[&[S], &[R, S]]) => V::NCv2,
            ("ND", Some(2), None) if only(&[R, S]) => V::NDv2,
            ("L", Some(2), None) if only(&[S]) => V::LSv2,
            ("HB", Some(2), None) if only(&[R, S]) => V::HBv2,
            ("A", Some(2), None) if any_of(&[&[], &[M]]) => V::Av2,
            ("M", Some(2), None) if self.vcpus >= 208 && (only_i(&[S]) || only_i(&[M, S])) => {
                V::Mv2
            }
            ("M", Some(2), None) if only_i(&[S]) || only_i(&[M, S]) => V::Msv2,
            ("M", Some(2), None) if only_i(&[D, S]) || only_i(&[D, M, S]) => V::Mdsv2,
            ("D", Some(3), None) if only(&[]) => V::Dv3,
            ("D", Some(3), None) if only(&[S]) => V::DSv3,
            ("E", Some(3), None) if any_of(&[&[], &[I]]) => V::Ev3,
            ("E", Some(3), None) if any_of(&[&[S], &[I, S]]) => V::ESv3,
            ("NC", Some(3), None) if any_of(&[&[S], &[R, S]]) => V::NCv3,
            ("NC", Some(3), Some("T4")) if only(&[A, S]) => V::NCasT4_v3,
            ("NV", Some(3), None) if only(&[S]) => V::NVv3,
            ("HB", Some(3), None) if only(&[R, S]) => V::HBv3,
            ("L", Some(3), None) if only(&[S]) => V::Lsv3,
            ("L", Some(3), None) if only(&[A, S]) => V::Lasv3,
            ("D", Some(4), None) if only(&[D, S]) => V::DDSv4,
            ("D", Some(4), None) if only(&[D]) => V::Ddv4,
            ("D", Some(4), None) if any_of(&[&[A], &[A, S]]) => V::DAv4,
            ("E", Some(4), None) if any_of(&[&[A], &[A, S]]) => V::EAv4,
            ("E", Some(4), None) if only(&[D]) => V::Edv4,
            ("E", Some(4), None) if only(&[D, S]) => V::Edsv4,
            ("NV", Some(4), None) if only(&[A, S]) => V::NVv4,
            ("ND", Some(4), None) if only(&[A, S, R]) => V::NDasrA100_v4,
            ("ND", Some(4), Some("A100")) if only(&[A, M, S, R]) => V::NDm_A100_v4,
            ("NC", Some(4), Some("A100")) if only(&[A, D, S]) => V::NCads_A100_v4,
            ("HB", Some(4), None) if only(&[R, S]) => V::HBv4,
            ("L", Some(4), None) if only(&[S]) => V::Lsv4,
            ("L", Some(4), None) if only(&[A, S]) => V::Lasv4,
            ("L", Some(4), None) if f.unknown.as_bytes() == b"o" && f.bits == A.bit() | S.bit() => {
                V::Laosv4
            }
            ("D", Some(5), None) => match () {
                () if only(&[]) => V::Dv5,
                () if only(&[S]) => V::Dsv5,
                () if only(&[D]) => V::Ddv5,
                () if only(&[D, S]) => V::Ddsv5,
                () if only(&[A, S]) => V::Dasv5,
                () if only(&[A, D, S]) => V::Dadsv5,
                () if only(&[L, S]) => V::Dlsv5,
                () if only(&[L, D, S]) => V::Dldsv5,
                () => return None,
            },
            ("E", Some(5), None) => match () {
                () if only_i(&[]) => V::Ev5,
                () if only_i(&[S]) => V::Esv5,
                () if only_i(&[D]) => V::Edv5,
                () if only_i(&[D, S]) => V::Edsv5,
                () if only_i(&[A, S]) => V::Easv5,
                () if only_i(&[A, D, S]) => V::Eadsv5,
                () if only_i(&[B, S]) => V::Ebsv5,
                () if only_i(&[B, D, S]) => V::Ebdsv5,
                () => return None,
            },
            ("D", Some(6 | 7), None) => {
                let v7 = version == Some(7);
                match () {
                    () if only(&[S]) => [V::Dsv6, V::Dsv7][usize::from(v7)],
                    () if only(&[D, S]) => [V::Ddsv6, V::Ddsv7][usize::from(v7)],
                    () if only(&[L, S]) => [V::Dlsv6, V::Dlsv7][usize::from(v7)],
                    () if only(&[L, D, S]) => [V::Dldsv6, V::Dldsv7][usize::from(v7)],
                    () if only(&[A, S]) => [V::Dasv6, V::Dasv7][usize::from(v7)],
                    () if only(&[A, D, S]) => [V::Dadsv6, V::Dadsv7][usize::from(v7)],
                    () if only(&[A, L, S]) => [V::Dalsv6, V::Dalsv7][usize::from(v7)],
                    () if only(&[A, L, D, S]) => [V::Daldsv6, V::Daldsv7][usize::from(v7)],
                    () => return None,
                }
            }
            ("E", Some(6 | 7), None) => {
                let v7 = version == Some(7);
                match () {
                    () if only_i(&[S]) => [V::Esv6, V::Esv7][usize::from(v7)],
                    () if only_i(&[D, S]) => [V::Edsv6, V::Edsv7][usize::from(v7)],
                    () if only_i(&[A, S]) => [V::Easv6, V::Easv7][usize::from(v7)],
                    () if only_i(&[A, D, S]) => [V::Eadsv6, V::Eadsv7][usize::from(v7)],
                    () => return None,
                }
            }
            ("F", Some(6), None) if only(&[A, S]) => V::Fasv6,
            ("F", Some(6), None) if only(&[A, L, S]) => V::Falsv6,
            ("F", Some(6), None) if only(&[A, M, S]) => V::Famsv6,
            ("F", Some(7), None) => match () {
                () if only(&[A, S]) => V::Fasv7,
                () if only(&[A, L, S]) => V::Falsv7,
                () if only(&[A, M, S]) => V::Famsv7,
                () if only(&[A, D, S]) => V::Fadsv7,
                () if only(&[A, L, D, S]) => V::Faldsv7,
                () if only(&[A, M, D, S]) => V::Famdsv7,
                () => return None,
            },
            ("HB", Some(5), None) if only(&[R, S]) => V::HBv5,
            ("NC", Some(5), Some("H100")) if any_of(&[&[A, D, S], &[A, D, I, S]]) => {
                V::NCads_H100_v5
            }
            ("NCC", Some(5), Some("H100")) if only(&[A, D, S]) => V::NCCads_H100_v5,
            ("ND", Some(5), Some("H100")) if only(&[I, S, R]) => V::ND_H100_v5,
            ("ND", Some(5), Some("H200")) if only(&[I, S, R]) => V::ND_H200_v5,
            ("ND", Some(5), Some("MI300X")) if only(&[I, S, R]) => V::ND_MI300X_v5,
            ("NV", Some(5), Some("A10")) if any_of(&[&[A, D, S], &[A, D, M, S]]) => V::NVadsA10_v5,
            ("NV", Some(5), Some("V710")) if any_of(&[&[A, D, S], &[A, D, M, S]]) => {
                V::NVadsV710_v5
            }
            ("NG", Some(1), Some("V620")) if any_of(&[&[A, D, S], &[A, D, M, S]]) => V::NGads_V620,
            ("ND", Some(6), Some("GB200")) if only(&[I, S, R]) => V::ND_GB200_v6,
            ("ND", Some(6), Some("GB300")) if only(&[I, S, R]) => V::ND_GB300_v6,
            ("NC", Some(6), Some("RTXPRO6000BSE")) if any_of(&[&[D, S], &[L, D, S]]) => {
                V::NC_RTXPRO6000BSE_v6
            }
            _ => return None,
        })
    }
}

/// The error for the first non-ASCII character of `b`.
#[cold]
fn non_ascii(b: &[u8]) -> (usize, VmSizeErrorKind) {
    let text = String::from_utf8_lossy(b);
    let (at, ch) = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii())
        .unwrap_or((0, char::REPLACEMENT_CHARACTER));
    (at, VmSizeErrorKind::NonAscii { ch })
}

/// Reads one underscore segment `seg` (starting at byte `start` of `b`) into `size`, and
/// says which kind it was.
#[inline]
fn segment(
    seg: &[u8],
    start: usize,
    b: &[u8],
    size: &mut VmSize,
) -> Result<Stage, (usize, VmSizeErrorKind)> {
    use VmSizeErrorKind as K;
    let all_digits = |x: &[u8]| !x.is_empty() && x.iter().all(u8::is_ascii_digit);
    let Some(&first) = seg.first() else {
        return Err((start, K::EmptySegment));
    };
    match first {
        b'0'..=b'9' if all_digits(seg) => {
            size.memory_variant = Some(number(b, start)?.0);
            return Ok(Stage::MemoryVariant);
        }
        b'p' | b'P' if seg.eq_ignore_ascii_case(b"promo") => {
            size.promo = true;
            return Ok(Stage::Promo);
        }
        b'c' | b'C' if seg.eq_ignore_ascii_case(b"cc") => {
            size.cc = true;
            return Ok(Stage::Cc);
        }
        b'v' | b'V' if seg.len() == 1 => return Err((start + 1, K::MissingVersionNumber)),
        b'v' | b'V' if seg[1].is_ascii_digit() => {
            if seg.len() <= 3 && all_digits(&seg[1..]) {
                let (n, _) = number(b, start + 1)?;
                size.version = Some(u8::try_from(n).map_err(|_| (start + 1, K::NumberTooLarge))?);
                return Ok(Stage::Version);
            }
            // `_V620` is an accelerator; `_v3x` is neither that nor a version.
            if !(seg.len() > 3 && all_digits(&seg[1..4])) {
                return Err((start, K::UnknownSegment));
            }
        }
        _ => {}
    }
    let qualifier = (2..=4).contains(&seg.len()) && seg.iter().all(u8::is_ascii_alphabetic);
    if !qualifier && !is_accelerator(seg) {
        return Err((start, K::UnknownSegment));
    }
    // Azure writes the `xl` size-class qualifier in lower case, every other part in capitals.
    let lower = qualifier && seg.eq_ignore_ascii_case(b"xl");
    for &c in seg {
        let c = if lower {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        };
        if !size.accelerator.push(c) {
            return Err((start, K::UnknownSegment));
        }
    }
    if qualifier {
        if !size.accelerator.push(b'_') {
            return Err((start, K::UnknownSegment));
        }
        return Ok(Stage::Qualifier);
    }
    Ok(Stage::Accelerator)
}

/// Whether an underscore segment looks like an accelerator token: letters, then digits, then
/// optional letters (`T4`, `A100`, `H100`, `A10`, `V620`, `MI300X`).
fn is_accelerator(seg: &[u8]) -> bool {
    let letters = seg.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = seg[letters..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    letters > 0 && digits > 0 && seg[letters + digits..].iter().all(u8::is_ascii_alphabetic)
}

/// Room for the longest canonical name: every part at its maximum length.
const CANONICAL_CAPACITY: usize = 96;

/// A VM size's canonical name in an inline buffer; see [`VmSize::canonical_name`].
#[derive(Clone, Copy)]
pub struct CanonicalName {
    buf: [u8; CANONICAL_CAPACITY],
    len: usize,
}

impl CanonicalName {
    /// An empty name.
    pub(crate) const EMPTY: CanonicalName = CanonicalName {
        buf: [0; CANONICAL_CAPACITY],
        len: 0,
    };

    /// The name's bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    #[inline]
    fn push(&mut self, bytes: &[u8]) {
        // Every part is bounded (tier 8, family 4, numbers 5, features 16, tag 4,
        // accelerator 24), so the whole name is at most 89 bytes and always fits. A byte loop: the parts are
        // a few bytes long, too short for a `memcpy` call to pay off.
        for &b in bytes {
            if let Some(slot) = self.buf.get_mut(self.len) {
                *slot = b;
                self.len += 1;
            }
        }
    }

    #[inline]
    fn push_number(&mut self, n: u16) {
        if n < 10 {
            // Versions and most vCPU counts of one digit: no loop.
            #[allow(clippy::cast_possible_truncation)]
            self.push(&[b'0' + n as u8]);
            return;
        }
        let mut digits = [0u8; 5];
        let mut i = digits.len();
        let mut n = n;
        loop {
            i -= 1;
            // A decimal digit always fits in a u8.
            #[allow(clippy::cast_possible_truncation)]
            {
                digits[i] = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push(&digits[i..]);
    }

    /// The name.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever pushed.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl std::ops::Deref for CanonicalName {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for CanonicalName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CanonicalName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for VmSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical_name())
    }
}

impl fmt::Debug for VmSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VmSize({self})")
    }
}

impl FromStr for VmSize {
    type Err = ParseVmSizeError;

    fn from_str(s: &str) -> Result<VmSize, ParseVmSizeError> {
        VmSize::parse(s)
    }
}

serde_via_str!(VmSize, "an Azure VM size name such as Standard_D4s_v3");
