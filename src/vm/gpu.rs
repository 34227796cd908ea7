//! GPUs as Azure sizes carry them: an exact, possibly fractional, count per size, and the GPU
//! of each series (vendor, architecture, compute capability, memory).

use std::cmp::Ordering;
use std::fmt;

use super::data::sizes::SERIES_GPUS;
use super::series::VmSeries;
use crate::gpu::{ComputeCapability, GpuArchitecture};

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
            input: crate::text::shorten(s),
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

/// The GPU of a series (`data/gpu_series.csv`).
///
/// ```
/// use aml_targets::{GpuArchitecture, VmSeries};
/// use aml_targets::vm::GpuVendor;
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
    /// use aml_targets::VmSeries;
    /// use aml_targets::gpu::ComputeCapability;
    /// use aml_targets::vm::GpuVendor;
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
}
