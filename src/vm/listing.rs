//! Bring-your-own catalogs: the size listings Azure prints for a region (FACTS §3).
//!
//! `az ml compute list-sizes` prints a JSON array of entries; the REST operation
//! `VirtualMachineSizes_List` (`GET …/providers/Microsoft.MachineLearningServices/locations/
//! {location}/vmSizes`) returns `{"value": [...]}` with the same entries. Both become a
//! [`Catalog`] that every lookup and selection function accepts in place of the embedded one.

use std::borrow::Cow;

use crate::{Catalog, GpuCount, SupportedBy, VmSize, VmSizeSpec};

/// One entry of a size listing, as Azure writes it. Every field is optional here so that a
/// missing one is reported by [`Catalog::from_listing`] with the entry's name; unknown fields
/// are ignored.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize, serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[non_exhaustive]
pub struct ListedSize {
    /// `name`, e.g. `"Standard_DS3_v2"`. Required.
    pub name: Option<String>,
    /// `family`, Azure's quota family, e.g. `"standardDSv2Family"`.
    pub family: Option<String>,
    /// `vCPUs`. Required.
    #[cfg_attr(feature = "serde", serde(rename = "vCPUs"))]
    pub vcpus: Option<u32>,
    /// `gpus`. Required.
    pub gpus: Option<u32>,
    /// `osVhdSizeMB`.
    #[cfg_attr(feature = "serde", serde(rename = "osVhdSizeMB"))]
    pub os_vhd_size_mb: Option<u64>,
    /// `maxResourceVolumeMB`: the local temporary disk, MB.
    #[cfg_attr(feature = "serde", serde(rename = "maxResourceVolumeMB"))]
    pub max_resource_volume_mb: Option<u64>,
    /// `memoryGB`. Required. Azure's listing calls it GB; its values are the GiB figures of
    /// the VM size pages (`Standard_DS3_v2`: 14).
    #[cfg_attr(feature = "serde", serde(rename = "memoryGB"))]
    pub memory_gb: Option<f64>,
    /// `lowPriorityCapable`.
    pub low_priority_capable: Option<bool>,
    /// `premiumIO`.
    #[cfg_attr(feature = "serde", serde(rename = "premiumIO"))]
    pub premium_io: Option<bool>,
    /// `supportedComputeTypes`, e.g. `["AmlCompute", "ComputeInstance"]`.
    pub supported_compute_types: Option<Vec<String>>,
}

/// A whole size listing: the array `az ml compute list-sizes` prints, or the
/// `{"value": [...]}` object of the REST API. Deserializing accepts both shapes.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct SizeListing {
    /// The entries, in the listing's order.
    pub entries: Vec<ListedSize>,
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for SizeListing {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Array(Vec<ListedSize>),
            Rest { value: Vec<ListedSize> },
        }
        let (Shape::Array(entries) | Shape::Rest { value: entries }) =
            Shape::deserialize(deserializer).map_err(|_| {
                serde::de::Error::custom(
                    "expected a size listing: a JSON array of sizes (az ml compute \
                     list-sizes) or an object with a \"value\" array (REST vmSizes)",
                )
            })?;
        Ok(SizeListing { entries })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SizeListing {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.entries.serialize(serializer)
    }
}

/// Why a size listing cannot become a [`Catalog`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// An entry lacks a required field.
    #[error("size listing entry {entry}: missing required field `{field}`")]
    MissingField {
        /// The entry: its `name`, or `#N` (from 0) when the name is what is missing.
        entry: String,
        /// The JSON field name.
        field: &'static str,
    },
    /// An entry has a value no VM size can have.
    #[error("size listing entry {entry}: invalid `{field}`: {reason}")]
    InvalidValue {
        /// The entry's name.
        entry: String,
        /// The JSON field name.
        field: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// The text is not JSON of either listing shape.
    #[cfg(feature = "json")]
    #[error("invalid size listing JSON: {0}")]
    Json(String),
}

/// Which managed compute `supportedComputeTypes` allows.
fn supported_by(types: &[String]) -> Option<SupportedBy> {
    let has = |t: &str| types.iter().any(|x| x.eq_ignore_ascii_case(t));
    match (has("AmlCompute"), has("ComputeInstance")) {
        (true, true) => Some(SupportedBy::ClustersAndInstances),
        (true, false) => Some(SupportedBy::ClustersOnly),
        (false, true) => Some(SupportedBy::InstancesOnly),
        (false, false) => None,
    }
}

impl Catalog {
    /// Builds a catalog from a size listing. Series, category and GPU model come from the
    /// name when it is a known series; the temp disk from `maxResourceVolumeMB`.
    ///
    /// # Errors
    ///
    /// [`CatalogError::MissingField`] when an entry lacks `name`, `vCPUs`, `gpus` or
    /// `memoryGB`, naming the entry; [`CatalogError::InvalidValue`] for a negative or
    /// non-finite `memoryGB` or more than 65 535 GPUs.
    pub fn from_listing(listing: SizeListing, source: &str) -> Result<Catalog, CatalogError> {
        let mut rows = Vec::with_capacity(listing.entries.len());
        for (i, entry) in listing.entries.into_iter().enumerate() {
            let Some(name) = entry.name else {
                return Err(CatalogError::MissingField {
                    entry: format!("#{i}"),
                    field: "name",
                });
            };
            let missing = |field| CatalogError::MissingField {
                entry: name.clone(),
                field,
            };
            let vcpus = entry.vcpus.ok_or_else(|| missing("vCPUs"))?;
            let gpus = entry.gpus.ok_or_else(|| missing("gpus"))?;
            let memory_gib = entry.memory_gb.ok_or_else(|| missing("memoryGB"))?;
            if !memory_gib.is_finite() || memory_gib < 0.0 {
                return Err(CatalogError::InvalidValue {
                    entry: name,
                    field: "memoryGB",
                    reason: "must be a finite number, 0 or more",
                });
            }
            let gpus = u16::try_from(gpus).map_err(|_| CatalogError::InvalidValue {
                entry: name.clone(),
                field: "gpus",
                reason: "more than 65535",
            })?;
            let series = VmSize::parse(&name).ok().and_then(|s| s.series());
            let gpu = series.and_then(crate::VmSeries::gpu).filter(|_| gpus > 0);
            // Megabytes to GiB: the listing's MB are MiB (Standard_DS3_v2: 28672 = 28 GiB).
            #[allow(clippy::cast_precision_loss)] // disk sizes are far below 2^52 MB
            let temp_disk_gib = entry.max_resource_volume_mb.map(|mb| mb as f64 / 1024.0);
            rows.push(VmSizeSpec {
                name: Cow::Owned(name),
                series,
                category: series.map(crate::VmSeries::category),
                vcpus,
                memory_gib,
                gpus: GpuCount::whole(gpus),
                gpu_model: gpu.map(|g| Cow::Borrowed(g.model)),
                gpu_memory_gib: gpu.map(|g| f64::from(g.memory_gib)),
                temp_disk_gib,
                rdma: None,
                supported_by: entry
                    .supported_compute_types
                    .as_deref()
                    .and_then(supported_by),
                low_priority_capable: entry.low_priority_capable,
                premium_io: entry.premium_io,
                source: Cow::Owned(source.to_owned()),
            });
        }
        Ok(Catalog::new(rows))
    }

    /// Builds a catalog from the JSON text of a size listing, either shape.
    ///
    /// ```
    /// use aml_targets::Catalog;
    ///
    /// let json = r#"{"value": [{"name": "Standard_NC6s_v3", "family": "standardNCSv3Family",
    ///     "vCPUs": 6, "gpus": 1, "memoryGB": 112.0, "maxResourceVolumeMB": 753664,
    ///     "supportedComputeTypes": ["AmlCompute", "ComputeInstance"]}]}"#;
    /// let catalog = Catalog::from_json(json, "eastus")?;
    /// let nc6s = catalog.find("standard_nc6s_v3").unwrap();
    /// assert_eq!((nc6s.vcpus, nc6s.gpus.numerator()), (6, 1));
    /// assert_eq!(nc6s.series, Some(aml_targets::VmSeries::NCv3));
    /// # Ok::<(), aml_targets::CatalogError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CatalogError::Json`] when the text is not a listing; otherwise as
    /// [`Catalog::from_listing`].
    #[cfg(feature = "json")]
    pub fn from_json(json: &str, source: &str) -> Result<Catalog, CatalogError> {
        let listing: SizeListing = serde_json::from_str(json)
            .map_err(|e| CatalogError::Json(crate::error::shorten(&e.to_string())))?;
        Catalog::from_listing(listing, source)
    }
}
