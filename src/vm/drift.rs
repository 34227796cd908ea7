//! Where a region's size listing and the embedded data disagree: `aml data diff`.

use super::catalog::{Catalog, VmSizeSpec};
use super::data::sizes::AML_LISTING_EASTUS;
use super::retirement::Region;
use crate::date::Date;

/// The region whose Azure ML size listing the data recorded (2025-11-04).
const RECORDED: Region = Region {
    name: "East US",
    location: "eastus",
};

/// How a region's size listing (`az ml compute list-sizes`) and the embedded data disagree.
///
/// ```
/// use aml_targets::{Catalog, VmSizeSpec};
/// use aml_targets::vm::drift;
///
/// // A listing where DS3_v2 has 16 GiB, and a size the data does not know.
/// let mut ds3 = VmSizeSpec::find("Standard_DS3_v2").unwrap().clone();
/// ds3.memory_gib = 16.0;
/// let mut later = ds3.clone();
/// later.name = "Standard_D4als_v9".into();
/// let listing = Catalog::new(vec![ds3, later]);
/// let d = drift(&listing, None);
/// assert_eq!(d.new[0].name, "Standard_D4als_v9");
/// assert_eq!(d.differing[0].fields[0].to_string(), "memory 14 GiB (data) vs 16 GiB (listing)");
/// assert!(d.missing.is_none()); // no region named: what the listing lacks is not judged
/// assert!(!d.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Drift<'l> {
    /// Sizes the listing has that the data does not, in the listing's order.
    pub new: Vec<&'l VmSizeSpec>,
    /// Sizes both have whose vCPUs, memory, GPU count or quota family differ.
    pub differing: Vec<Difference<'l>>,
    /// Sizes the data's recorded listing of the region has that this listing lacks; `None`
    /// when the data holds no listing of the region (only eastus's, 2025-11-04, is recorded).
    pub missing: Option<Vec<&'static str>>,
    /// The data's as-of date.
    pub data_as_of: Date,
}

impl Drift<'_> {
    /// Whether the listing and the data agree.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.new.is_empty()
            && self.differing.is_empty()
            && self.missing.as_ref().is_none_or(Vec::is_empty)
    }
}

/// A size whose figures differ.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Difference<'l> {
    /// The listing's row.
    pub listing: &'l VmSizeSpec,
    /// The data's row.
    pub data: &'static VmSizeSpec,
    /// Each figure that differs.
    pub fields: Vec<FieldDifference>,
}

/// One figure, as the data and the listing give it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldDifference {
    /// `vCPUs`, `memory`, `GPUs` or `family`.
    pub field: &'static str,
    /// The data's figure.
    pub data: String,
    /// The listing's figure.
    pub listing: String,
}

impl std::fmt::Display for FieldDifference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} (data) vs {} (listing)",
            self.field, self.data, self.listing
        )
    }
}

/// Compares a region's size listing with the embedded data: sizes new to the data, sizes
/// whose vCPUs, memory (more than 0.01 GiB apart), GPU count or quota family differ, and — when
/// `region` is one whose listing the data recorded — the recorded sizes this listing lacks.
#[must_use]
pub fn drift<'l>(listing: &'l Catalog, region: Option<&str>) -> Drift<'l> {
    let data = Catalog::embedded();
    let mut new = Vec::new();
    let mut differing = Vec::new();
    for row in listing.sizes() {
        let Some(known) = data.find(&row.name) else {
            new.push(row);
            continue;
        };
        let mut fields = Vec::new();
        let mut differ = |field: &'static str, a: String, b: String| {
            fields.push(FieldDifference {
                field,
                data: a,
                listing: b,
            });
        };
        if known.vcpus != row.vcpus {
            differ("vCPUs", known.vcpus.to_string(), row.vcpus.to_string());
        }
        if (known.memory_gib - row.memory_gib).abs() > 0.01 {
            differ(
                "memory",
                format!("{} GiB", known.memory_gib),
                format!("{} GiB", row.memory_gib),
            );
        }
        if known.gpus != row.gpus {
            differ("GPUs", known.gpus.to_string(), row.gpus.to_string());
        }
        if let (Some(a), Some(b)) = (&known.family, &row.family) {
            if !a.eq_ignore_ascii_case(b) {
                differ("family", a.to_string(), b.to_string());
            }
        }
        if !fields.is_empty() {
            differing.push(Difference {
                listing: row,
                data: known,
                fields,
            });
        }
    }
    let missing = region.filter(|r| RECORDED.matches(r)).map(|_| {
        AML_LISTING_EASTUS
            .iter()
            .copied()
            .filter(|name| listing.find(name).is_none())
            .collect()
    });
    Drift {
        new,
        differing,
        missing,
        data_as_of: crate::edition::DATA_AS_OF,
    }
}
