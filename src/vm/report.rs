//! Everything known about one size on a date, in one record: `aml size`'s answer.

use super::catalog::VmSizeSpec;
use super::retirement::{Retirement, RetirementState};
use super::series::{SupportedBy, VmCategory, VmSeries};
use super::size::VmSize;
use crate::date::Date;
use crate::edition::{DATA_AS_OF, DocEdition};
use crate::gpu::GpuArchitecture;

/// What the crate knows about a size on a date: its facts (when the catalog has the size), its
/// series, which compute may use it, its retirement by every source, and what to move to.
///
/// ```
/// use aml_targets::{DocEdition, VmSize};
///
/// let size: VmSize = "Standard_NC6".parse()?;
/// let report = size.report("2026-11-27".parse()?, DocEdition::LATEST, None);
/// assert_eq!(report.spec.unwrap().vcpus, 6);
/// assert!(report.retirement.unwrap().is_retired());
/// // The one replacement answer (see `VmSize::successors`).
/// assert_eq!(report.replacements[..2], ["Standard_NC8as_T4_v3", "Standard_NC16as_T4_v3"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SizeReport {
    /// The size.
    pub size: VmSize,
    /// Its row in the embedded catalog, when it has one.
    pub spec: Option<&'static VmSizeSpec>,
    /// Its series: from the name, else from the catalog row.
    pub series: Option<VmSeries>,
    /// The size's category (its row's), else its series'.
    pub category: Option<VmCategory>,
    /// The GPU model: the row's, else the series'.
    pub gpu_model: Option<&'static str>,
    /// The NVIDIA architecture of its GPUs.
    pub architecture: Option<GpuArchitecture>,
    /// Which managed compute may use it: the page's list for its series, else Azure ML's own
    /// size listing.
    pub supported_by: Option<SupportedBy>,
    /// Whether the page edition's supported-series table lists its series.
    pub listed_on_page: bool,
    /// Its retirement state on the date (in the region, when one is given).
    pub retirement: Option<RetirementState>,
    /// Where the deciding retirement date comes from.
    pub retirement_source: Option<&'static str>,
    /// Every source's retirement of its series, the deciding one first.
    pub retirements: Vec<&'static Retirement>,
    /// The nearest current sizes of the migration guide's series.
    pub replacements: Vec<String>,
    /// The migration guide's series that are current on the date.
    pub replacement_series: Vec<VmSeries>,
    /// The day the data was last checked.
    pub data_as_of: Date,
}

impl VmSize {
    /// Everything known about the size on `on`, per the page of `edition`, with the regional
    /// retirement dates of `region` when given.
    #[must_use]
    pub fn report(&self, on: Date, edition: DocEdition, region: Option<&str>) -> SizeReport {
        let spec = self.spec();
        let series = self.series().or_else(|| spec.and_then(|s| s.series));
        // The size's own retirement (some Mv2 sizes) when it comes before its series'.
        let retirement = series.map(|_| self.retirement_state(region, on));
        // The one replacement answer, for a retired or retiring size.
        let replacements = if retirement.is_some_and(|r| r != RetirementState::Active) {
            self.successors()
                .iter()
                .map(|r| r.name.to_string())
                .collect()
        } else {
            Vec::new()
        };
        SizeReport {
            size: *self,
            spec,
            series,
            category: spec
                .and_then(|s| s.category)
                .or(series.map(VmSeries::category)),
            gpu_model: spec
                .and_then(|s| s.gpu_model.as_deref())
                .or_else(|| series.and_then(VmSeries::gpu).map(|g| g.model)),
            architecture: series.and_then(VmSeries::gpu_architecture),
            supported_by: series
                .and_then(|s| s.supported_by(edition))
                .or_else(|| spec.and_then(|s| s.supported_by)),
            listed_on_page: series.is_some_and(|s| s.is_listed(edition)),
            retirement,
            // The size's own retirement's source when it decides the date, else the regional
            // exception's when one decides it in `region`, else the series'.
            retirement_source: self
                .size_retirement()
                .filter(|own| retirement.and_then(RetirementState::date) == Some(own.date))
                .map(|own| own.source)
                .or_else(|| {
                    series.and_then(|s| {
                        region
                            .and_then(|r| {
                                s.regional_retirements()
                                    .filter(|x| !x.superseded && x.region.matches(r))
                                    .min_by_key(|x| x.date)
                                    .map(|x| x.source)
                            })
                            .or_else(|| s.retirement().map(|r| r.source))
                    })
                }),
            retirements: series.map_or(Vec::new(), |s| s.retirements().collect()),
            replacements,
            replacement_series: series.map_or(Vec::new(), |s| s.current_replacements(on)),
            data_as_of: DATA_AS_OF,
        }
    }
}

/// `aml size --json`: `{"architecture", "category", "data_as_of", "gpu_model", "gpus",
/// "isolated", "listed_on_page", "memory_gib", "name", "rdma", "replacement_series",
/// "replacements", "retirement" {"date", "source", "sources" [{"authority", "date", "note",
/// "source", "withdrawn"}], "status"}, "series", "supported_by", "vcpus"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for SizeReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        struct Sources<'a>(&'a [&'static Retirement]);
        impl serde::Serialize for Sources<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::{SerializeMap as _, SerializeSeq as _};
                let mut seq = s.serialize_seq(Some(self.0.len()))?;
                for r in self.0 {
                    struct One<'a>(&'a Retirement);
                    impl serde::Serialize for One<'_> {
                        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                            let r = self.0;
                            let mut m = s.serialize_map(Some(5))?;
                            m.serialize_entry("authority", &r.authority)?;
                            m.serialize_entry("date", &r.date)?;
                            m.serialize_entry("note", r.note)?;
                            m.serialize_entry("source", r.source)?;
                            m.serialize_entry("withdrawn", &r.withdrawn)?;
                            m.end()
                        }
                    }
                    seq.serialize_element(&One(r))?;
                }
                seq.end()
            }
        }
        struct Retired<'a>(&'a SizeReport);
        impl serde::Serialize for Retired<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let r = self.0;
                let mut m = s.serialize_map(Some(4))?;
                m.serialize_entry("date", &r.retirement.and_then(RetirementState::date))?;
                m.serialize_entry("source", &r.retirement_source)?;
                m.serialize_entry("sources", &Sources(&r.retirements))?;
                m.serialize_entry(
                    "status",
                    r.retirement.map_or("unknown", RetirementState::as_str),
                )?;
                m.end()
            }
        }
        let spec = self.spec;
        let mut m = s.serialize_map(Some(17))?;
        m.serialize_entry("architecture", &self.architecture)?;
        m.serialize_entry("category", &self.category)?;
        m.serialize_entry("data_as_of", &self.data_as_of)?;
        m.serialize_entry("gpu_model", &self.gpu_model)?;
        m.serialize_entry("gpus", &spec.map(|s| s.gpus.as_f64()))?;
        m.serialize_entry("isolated", &self.size.is_isolated())?;
        m.serialize_entry("listed_on_page", &self.listed_on_page)?;
        m.serialize_entry("memory_gib", &spec.map(|s| s.memory_gib))?;
        m.serialize_entry("name", &self.size)?;
        m.serialize_entry("rdma", &spec.and_then(|s| s.rdma))?;
        m.serialize_entry("replacement_series", &self.replacement_series)?;
        m.serialize_entry("replacements", &self.replacements)?;
        m.serialize_entry("retirement", &Retired(self))?;
        m.serialize_entry("series", &self.series)?;
        m.serialize_entry("supported_by", &self.supported_by)?;
        m.serialize_entry("vcpus", &spec.map(|s| s.vcpus))?;
        m.end()
    }
}
