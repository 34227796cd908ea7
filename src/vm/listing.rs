//! Bring-your-own catalogs: the size listings Azure prints for a region (FACTS §3).
//!
//! `az ml compute list-sizes` prints a JSON array of entries; the REST operation
//! `VirtualMachineSizes_List` (`GET …/providers/Microsoft.MachineLearningServices/locations/
//! {location}/vmSizes`) returns `{"value": [...]}` with the same entries. Both become a
//! [`Catalog`] that every lookup and selection function accepts in place of the embedded one.

use std::borrow::Cow;

use crate::vm::{Catalog, GpuCount, SupportedBy, VmSize, VmSizeSpec};

/// One entry of a size listing, as Azure writes it. Every field is optional here so that a
/// missing one is reported by [`Catalog::from_listing`] with the entry's name; unknown fields
/// are ignored. The REST API writes camelCase (`vCPUs`, `memoryGB`); `az ml compute
/// list-sizes -o json` writes the SDK's snake_case (`v_cp_us`, `memory_gb`): both are read.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize, serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[non_exhaustive]
pub struct ListedSize {
    /// `name`, e.g. `"Standard_DS3_v2"`. Required.
    pub name: Option<String>,
    /// `family`, Azure ML's quota family, e.g. `"standardDSv2Family"`.
    pub family: Option<String>,
    /// `vCPUs` (CLI: `v_cp_us`). Required.
    #[cfg_attr(feature = "serde", serde(rename = "vCPUs", alias = "v_cp_us"))]
    pub vcpus: Option<u32>,
    /// `gpus`. Required.
    pub gpus: Option<u32>,
    /// `osVhdSizeMB` (CLI: `os_vhd_size_mb`).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "osVhdSizeMB", alias = "os_vhd_size_mb")
    )]
    pub os_vhd_size_mb: Option<u64>,
    /// `maxResourceVolumeMB` (CLI: `max_resource_volume_mb`): the local temporary disk, MB.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "maxResourceVolumeMB", alias = "max_resource_volume_mb")
    )]
    pub max_resource_volume_mb: Option<u64>,
    /// `memoryGB` (CLI: `memory_gb`). Required. Azure's listing calls it GB; its values are
    /// the GiB figures of the VM size pages (`Standard_DS3_v2`: 14).
    #[cfg_attr(feature = "serde", serde(rename = "memoryGB", alias = "memory_gb"))]
    pub memory_gb: Option<f64>,
    /// `lowPriorityCapable` (CLI: `low_priority_capable`).
    #[cfg_attr(feature = "serde", serde(alias = "low_priority_capable"))]
    pub low_priority_capable: Option<bool>,
    /// `premiumIO` (CLI: `premium_io`).
    #[cfg_attr(feature = "serde", serde(rename = "premiumIO", alias = "premium_io"))]
    pub premium_io: Option<bool>,
    /// `supportedComputeTypes`, e.g. `["AmlCompute", "ComputeInstance"]` (CLI:
    /// `supported_compute_types`, which the SDK may print as one string: a comma-joined list
    /// or a Python list, `"['AmlCompute', 'MIR']"`; both are read).
    #[cfg_attr(
        feature = "serde",
        serde(
            alias = "supported_compute_types",
            default,
            deserialize_with = "compute_types"
        )
    )]
    pub supported_compute_types: Option<Vec<String>>,
    /// `supportsIB`: InfiniBand (RDMA). The REST API sends it; its schema does not declare it.
    #[cfg_attr(feature = "serde", serde(rename = "supportsIB", alias = "supports_ib"))]
    pub supports_ib: Option<bool>,
}

/// A list of compute types, or one string holding them.
#[cfg(feature = "serde")]
fn compute_types<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Types {
        List(Vec<String>),
        Text(String),
    }
    Ok(
        <Option<Types> as serde::Deserialize>::deserialize(d)?.map(|t| match t {
            Types::List(list) => list,
            Types::Text(text) => text
                .split(',')
                .map(|t| t.trim_matches(|c: char| "[]'\" ".contains(c)).to_owned())
                .filter(|t| !t.is_empty())
                .collect(),
        }),
    )
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
    /// Either shape, entry by entry, so that an error inside an entry keeps its path
    /// (`[3].vCPUs`, `value[3].vCPUs`) and the reader's line and column.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = SizeListing;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a size listing: a JSON array of sizes (az ml compute list-sizes) or an \
                     object with a \"value\" array (REST vmSizes)",
                )
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<SizeListing, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = seq.next_element()? {
                    entries.push(entry);
                }
                Ok(SizeListing { entries })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<SizeListing, A::Error> {
                let mut entries = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "value" {
                        entries = Some(map.next_value::<Vec<ListedSize>>()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                entries
                    .map(|entries| SizeListing { entries })
                    .ok_or_else(|| serde::de::Error::missing_field("value"))
            }
        }
        deserializer.deserialize_any(Visitor)
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
    /// Two entries have the same name (ASCII case ignored).
    #[error("size listing entries #{first} and #{second} are both {name}")]
    Duplicate {
        /// The name.
        name: String,
        /// The first entry (from 0).
        first: usize,
        /// The second entry (from 0).
        second: usize,
    },
    /// The text is not JSON of either listing shape, or an entry's value has the wrong type.
    #[cfg(feature = "json")]
    #[error("invalid size listing JSON{}: {message} (line {line}, column {column})", at.as_deref().map(|a| format!(" at {a}")).unwrap_or_default())]
    Json {
        /// Where: `#3 (Standard_X).vCPUs`, `#3.memoryGB`, or `None` outside the entries.
        at: Option<String>,
        /// What is wrong, as the JSON reader says it (capped in length).
        message: String,
        /// The line (from 1).
        line: usize,
        /// The column (from 1).
        column: usize,
    },
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
        let mut seen: std::collections::HashMap<String, usize> =
            std::collections::HashMap::with_capacity(listing.entries.len());
        for (i, entry) in listing.entries.into_iter().enumerate() {
            let Some(name) = entry.name else {
                return Err(CatalogError::MissingField {
                    entry: format!("#{i}"),
                    field: "name",
                });
            };
            if let Some(&first) = seen.get(&name.to_ascii_lowercase()) {
                return Err(CatalogError::Duplicate {
                    name,
                    first,
                    second: i,
                });
            }
            seen.insert(name.to_ascii_lowercase(), i);
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
            let gpu = series
                .and_then(crate::vm::VmSeries::gpu)
                .filter(|_| gpus > 0);
            // Megabytes to GiB: the listing's MB are MiB (Standard_DS3_v2: 28672 = 28 GiB).
            #[allow(clippy::cast_precision_loss)] // disk sizes are far below 2^52 MB
            let temp_disk_gib = entry.max_resource_volume_mb.map(|mb| mb as f64 / 1024.0);
            rows.push(VmSizeSpec {
                name: Cow::Owned(name),
                series,
                category: series.map(crate::vm::VmSeries::category),
                vcpus,
                memory_gib,
                gpus: GpuCount::whole(gpus),
                gpu_model: gpu.map(|g| Cow::Borrowed(g.model)),
                gpu_memory_gib: gpu.map(|g| f64::from(g.memory_gib)),
                temp_disk_gib,
                rdma: entry.supports_ib,
                family: entry.family.map(Cow::Owned),
                supported_by: entry
                    .supported_compute_types
                    .as_deref()
                    .and_then(supported_by),
                online_endpoints: entry
                    .supported_compute_types
                    .as_deref()
                    .map(|types| types.iter().any(|t| t.eq_ignore_ascii_case("MIR"))),
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
    /// # Ok::<(), aml_targets::vm::CatalogError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CatalogError::Json`] when the text is not a listing; otherwise as
    /// [`Catalog::from_listing`].
    #[cfg(feature = "json")]
    pub fn from_json(json: &str, source: &str) -> Result<Catalog, CatalogError> {
        // A byte-order mark is not JSON, but editors on Windows write one.
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let plain = |at: Option<String>, e: &serde_json::Error| CatalogError::Json {
            at,
            message: crate::text::shorten(&strip_position(&e.to_string())),
            line: e.line(),
            column: e.column(),
        };
        let mut reader = serde_json::Deserializer::from_str(json);
        let listing: SizeListing = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
            let at = entry_of(json, &e.path().to_string());
            plain(at, e.inner())
        })?;
        reader.end().map_err(|e| plain(None, &e))?;
        Catalog::from_listing(listing, source)
    }
}

/// serde_json's message without its own " at line L column C" (the error says it apart).
#[cfg(feature = "json")]
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// `[3].vCPUs` or `value[3].vCPUs` → `#3 (Standard_X).vCPUs` (the name when the text is JSON
/// enough to find it); `None` outside the entries.
#[cfg(feature = "json")]
fn entry_of(json: &str, path: &str) -> Option<String> {
    let rest = path.strip_prefix("value").unwrap_or(path);
    let rest = rest.strip_prefix('[')?;
    let (index, field) = rest.split_once(']')?;
    let i: usize = index.parse().ok()?;
    let name = name_of_entry(json, i);
    Some(match name {
        Some(name) => format!("#{i} ({}){field}", crate::text::Quoted(&name)),
        None => format!("#{i}{field}"),
    })
}

/// The `name` of entry `i`, read up to that entry only: the rest of the text may be what is
/// broken, and the entry's other fields are skipped unparsed (a number out of range in
/// `memoryGB` must not hide the name).
#[cfg(feature = "json")]
fn name_of_entry(json: &str, i: usize) -> Option<String> {
    use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, SeqAccess};
    use std::fmt;

    #[derive(serde::Deserialize)]
    struct Named {
        name: Option<String>,
    }
    /// Walks the entries to `i`, keeps its name, then stops with an error: nothing after
    /// entry `i` is read.
    struct Entries<'a> {
        i: usize,
        found: &'a mut Option<String>,
    }
    impl<'de> DeserializeSeed<'de> for Entries<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> serde::de::Visitor<'de> for Entries<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a size listing")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            for _ in 0..self.i {
                seq.next_element::<IgnoredAny>()?;
            }
            *self.found = seq.next_element::<Named>()?.and_then(|n| n.name);
            Err(A::Error::custom("stop"))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "value" {
                    return map.next_value_seed(self);
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }
    let mut found = None;
    let _stopped = Entries {
        i,
        found: &mut found,
    }
    .deserialize(&mut serde_json::Deserializer::from_str(json));
    found
}

/// The entries of one of Azure's JSON listings — what the CLI prints (an array) or what the
/// REST API returns (an object with a `value` array) — and the line each entry starts at.
#[cfg(feature = "json")]
pub(crate) struct JsonListing<'t> {
    text: &'t str,
    /// The entries, in order.
    pub(crate) entries: Vec<serde_json::Value>,
    /// Whether the text was the REST shape.
    pub(crate) rest: bool,
    /// Each entry's byte span in `text`, in order.
    spans: Vec<(usize, usize)>,
    /// A byte offset and its line (from 1): lines are counted on from here, so asking for
    /// the entries in order counts each newline once.
    counted: (usize, usize),
}

/// Why a text is no listing: not JSON (with the place), or neither shape.
#[cfg(feature = "json")]
pub(crate) enum ListingError {
    /// Not JSON, with the place.
    Json {
        /// What the JSON reader says.
        message: String,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
    },
    /// JSON of neither shape.
    Shape,
}

#[cfg(feature = "json")]
impl<'t> JsonListing<'t> {
    pub(crate) fn parse(text: &'t str) -> Result<JsonListing<'t>, ListingError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ListingError::Json {
                message: crate::text::shorten(&e.to_string()),
                line: e.line(),
                column: e.column(),
            })?;
        let (entries, rest) = match value {
            serde_json::Value::Array(entries) => (entries, false),
            serde_json::Value::Object(mut o) => match o.remove("value") {
                Some(serde_json::Value::Array(entries)) => (entries, true),
                _ => return Err(ListingError::Shape),
            },
            _ => return Err(ListingError::Shape),
        };
        let spans = entry_spans(text.as_bytes(), rest);
        Ok(JsonListing {
            text,
            entries,
            rest,
            spans,
            counted: (0, 1),
        })
    }

    /// The line (from 1) of entry `index`'s `"name"` value, or of the entry's start when the
    /// name is not written plainly. Asked in entry order, the whole text is scanned once.
    pub(crate) fn line_of(&mut self, index: usize, name: &str) -> Option<usize> {
        let &(start, end) = self.spans.get(index)?;
        let needle = format!("{name:?}");
        let at = self.text[start..end]
            .find(&needle)
            .map_or(start, |at| start + at);
        if at < self.counted.0 {
            self.counted = (0, 1);
        }
        let (from, line) = self.counted;
        let line = line + self.text[from..at].matches('\n').count();
        self.counted = (at, line);
        Some(line)
    }
}

/// The byte spans of a listing's entries: the items of the top-level array, or of the
/// top-level object's last `value` array (the one a JSON reader keeps). The text is valid
/// JSON (it was parsed first), so only strings and brackets need care; no recursion.
#[cfg(feature = "json")]
fn entry_spans(b: &[u8], rest: bool) -> Vec<(usize, usize)> {
    let mut i = skip_space(b, 0);
    if rest {
        // Walk the top-level object's members; keep the last `value` array.
        let mut array = None;
        i += 1;
        loop {
            i = skip_space(b, i);
            if b.get(i) != Some(&b'"') {
                break;
            }
            let key_end = skip_value(b, i);
            let key = &b[i + 1..key_end - 1];
            i = skip_space(b, key_end) + 1; // the colon
            i = skip_space(b, i);
            if key == b"value" && b.get(i) == Some(&b'[') {
                array = Some(i);
            }
            i = skip_space(b, skip_value(b, i));
            if b.get(i) == Some(&b',') {
                i += 1;
            }
        }
        match array {
            Some(at) => i = at,
            None => return Vec::new(),
        }
    }
    let mut spans = Vec::new();
    if b.get(i) != Some(&b'[') {
        return spans;
    }
    i += 1;
    loop {
        i = skip_space(b, i);
        match b.get(i) {
            None | Some(b']') => break,
            Some(b',') => i += 1,
            Some(_) => {
                let end = skip_value(b, i);
                spans.push((i, end));
                i = end;
            }
        }
    }
    spans
}

#[cfg(feature = "json")]
fn skip_space(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// The end of the JSON value starting at `i` (exclusive).
#[cfg(feature = "json")]
fn skip_value(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    while let Some(&c) = b.get(i) {
        i += 1;
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => {
                    in_string = false;
                    if depth == 0 {
                        return i;
                    }
                }
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' | b',' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i - 1,
            b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    i.min(b.len())
}
