//! Retired and retiring VM series, with every source's date (FACTS §5).
//!
//! The sources disagree (the Azure ML page says NC retired on 2023-08-31, Azure's VM pages
//! say 2023-09-06), so every date is kept with its source. The page's series table still lists
//! several retired series: a series can be "supported by Azure ML" and "retired" at once, and
//! the caller's date decides which matters. The crate never reads the clock.

use crate::date::Date;
use crate::edition::DocEdition;
use crate::vm::VmSeries;

crate::macros::name_enum! {
/// Who published a retirement date.
#[non_exhaustive]
pub enum RetirementAuthority ("retirement authority") {
    /// The Azure ML page "What are compute targets?", section "Retired VM series".
    #[strum(to_string = "azure-ml-page")]
    AzureMlPage,
    /// Azure's virtual-machine documentation: the retired-sizes list, migration guides and
    /// retirement announcements (`MicrosoftDocs/azure-compute-docs`).
    #[strum(to_string = "azure-vm-docs")]
    AzureVmDocs,
}
}

/// One source's retirement date for one series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Retirement {
    /// The series.
    pub series: VmSeries,
    /// The day the series retires: on and after it, the series is retired.
    pub date: Date,
    /// Who published the date.
    pub authority: RetirementAuthority,
    /// For dates on the Azure ML page, the first edition this crate encodes that shows it.
    pub page_edition: Option<DocEdition>,
    /// The announcement was later dropped (H: a 2022 edition of the page announced
    /// 2022-08-31, later editions removed the note). Withdrawn dates are kept as data but do
    /// not make a series retired.
    pub withdrawn: bool,
    /// What else the source says.
    pub note: &'static str,
    /// Where the date comes from.
    pub source: &'static str,
}

/// An Azure region, by display name and by the `location` name the APIs use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Region {
    /// The display name, e.g. `"US Gov Virginia"`.
    pub name: &'static str,
    /// The API location name, e.g. `"usgovvirginia"`.
    pub location: &'static str,
}

impl Region {
    /// Whether `s` names this region: its display name or location name, ignoring ASCII case,
    /// spaces, hyphens and underscores.
    ///
    /// ```
    /// use aml_targets::VmSeries;
    ///
    /// let exception = VmSeries::NCv3.regional_retirements().next().unwrap();
    /// assert!(exception.region.matches("usgovvirginia"));
    /// assert!(exception.region.matches("US Gov Virginia"));
    /// assert!(!exception.region.matches("eastus"));
    /// ```
    #[must_use]
    pub fn matches(self, s: &str) -> bool {
        fn key(s: &str) -> impl Iterator<Item = u8> + '_ {
            s.bytes()
                .filter(|b| !matches!(b, b' ' | b'-' | b'_'))
                .map(|b| b.to_ascii_lowercase())
        }
        key(s).eq(key(self.location)) || key(s).eq(key(self.name))
    }
}

/// A later retirement date that applies in one region only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RegionalRetirement {
    /// The series.
    pub series: VmSeries,
    /// The region the exception applies to.
    pub region: Region,
    /// The retirement date in that region.
    pub date: Date,
    /// Where the exception comes from.
    pub source: &'static str,
    /// An earlier edition of the same guide, replaced by a later one (kept for the record):
    /// never decides. The earliest-date rule is only for different sources.
    pub superseded: bool,
}

/// Whether a series is retired on a given date.
///
/// ```
/// use aml_targets::{Date, RetirementState, VmSeries};
///
/// let on: Date = "2025-06-01".parse()?;
/// assert_eq!(
///     VmSeries::NCv3.retirement_state(on),
///     RetirementState::Retiring { date: "2025-09-30".parse()? },
/// );
/// assert_eq!(
///     VmSeries::NC.retirement_state(on),
///     RetirementState::Retired { since: "2023-08-31".parse()? },
/// );
/// assert_eq!(VmSeries::NCasT4_v3.retirement_state(on), RetirementState::Active);
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetirementState {
    /// No retirement is announced.
    Active,
    /// A retirement is announced for a later date.
    Retiring {
        /// The day the series retires.
        date: Date,
    },
    /// The series is retired.
    Retired {
        /// The day it retired.
        since: Date,
    },
}

impl RetirementState {
    /// `"active"`, `"retiring"` or `"retired"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RetirementState::Active => "active",
            RetirementState::Retiring { .. } => "retiring",
            RetirementState::Retired { .. } => "retired",
        }
    }

    /// The retirement date, past or future; `None` when active.
    #[must_use]
    pub const fn date(self) -> Option<Date> {
        match self {
            RetirementState::Active => None,
            RetirementState::Retiring { date } | RetirementState::Retired { since: date } => {
                Some(date)
            }
        }
    }

    /// Whether the series is retired.
    #[must_use]
    pub const fn is_retired(self) -> bool {
        matches!(self, RetirementState::Retired { .. })
    }

    /// The state on `on` of a series that retires on `date` (if any).
    fn from_date(date: Option<Date>, on: Date) -> RetirementState {
        match date {
            None => RetirementState::Active,
            Some(date) if date <= on => RetirementState::Retired { since: date },
            Some(date) => RetirementState::Retiring { date },
        }
    }
}

impl std::fmt::Display for RetirementState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RetirementState::Active => f.write_str("active"),
            RetirementState::Retiring { date } => write!(f, "retiring on {date}"),
            RetirementState::Retired { since } => write!(f, "retired since {since}"),
        }
    }
}

const PAGE_RETIRED: &str = "concept-compute-target.md, \"Retired VM series\"";
const VM_RETIRED_2023: &str = "MicrosoftDocs/azure-docs articles/virtual-machines/sizes/retired-sizes-list.md@\
     3723cea0ea929681051823b87b8e676eaf068b5f and the NC, NCv2, ND and NV migration guides \
     (sizes/migration-guides/*-retirement.md)";
const AV1_RETIREMENT: &str = "MicrosoftDocs/azure-docs articles/virtual-machines/sizes/migration-guides/\
     av1-series-retirement.md; retired-sizes-list.md@3723cea0ea929681051823b87b8e676eaf068b5f \
     (announced 2023-11-02)";
const HB_RETIREMENT: &str = "MicrosoftDocs/azure-docs articles/virtual-machines/sizes/migration-guides/\
     hb-series-retirement.md; retired-sizes-list.md@3723cea0ea929681051823b87b8e676eaf068b5f \
     (announced 2023-12-07)";
const H_RETIREMENT: &str =
    "MicrosoftDocs/azure-docs articles/virtual-machines/h-series-retirement.md@092fdbcf";
const NCV3_RETIREMENT: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/\
     ncv3-retirement.md@11277ad7 and sizes/lifecycle/retirement/ncv3-retirement.md@\
     a18807c4fcf50a76173edcbb264bc171197922a7";
const NVV3_RETIREMENT: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/\
     lifecycle/retirement/nvv3-series-retirement.md@45491c1f (announced 2025-04-15, update 516070)";
const NVV4_RETIREMENT: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/\
     lifecycle/retirement/nvv4-retirement.md@272c12d9 (announced 2025-04-15, update 516070)";
const V1_2028: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/lifecycle/\
     retirements-and-capacity-restrictions.md@680de9713fdd3fde858f4083d88145627149ebeb and \
     migration/sizes/d-ds-dv2-dsv2-ls-series-migration-guide.md (announced 2025-03-31, update \
     485569)";
const AV2_2028: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/lifecycle/\
     retirements-and-capacity-restrictions.md@680de9713fdd3fde858f4083d88145627149ebeb and \
     sizes/retirement/retired-sizes-list.md (announced 2025-10-15, update 500682)";
const HBV2_RETIREMENT: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/\
     retirement/hbv2-series-retirement.md@e3483603; retirements-and-capacity-restrictions.md@\
     680de9713fdd3fde858f4083d88145627149ebeb";
const HC_RETIREMENT: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/\
     retirement/hc-series-retirement.md@5e349344; retirements-and-capacity-restrictions.md@\
     680de9713fdd3fde858f4083d88145627149ebeb";
const V3_2029: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/lifecycle/\
     retirements-and-capacity-restrictions.md@680de9713fdd3fde858f4083d88145627149ebeb and \
     sizes/lifecycle/retirement/retired-sizes-modernization-guide.md@\
     5e4b316d08e31290075b010a2c6f3ba366df4ae4";

/// The lifecycle page's capacity restrictions on the series it retires.
const CAPACITY: &str = "capacity growth restricted since July 2026: new subscriptions cannot \
     deploy it, existing ones get no more quota";

const fn page(series: VmSeries, date: Date, edition: DocEdition, note: &'static str) -> Retirement {
    Retirement {
        series,
        date,
        authority: RetirementAuthority::AzureMlPage,
        page_edition: Some(edition),
        withdrawn: false,
        note,
        source: PAGE_RETIRED,
    }
}

const fn vm_docs(series: VmSeries, date: Date, source: &'static str) -> Retirement {
    vm_docs_noted(series, date, source, "")
}

const fn vm_docs_noted(
    series: VmSeries,
    date: Date,
    source: &'static str,
    note: &'static str,
) -> Retirement {
    Retirement {
        series,
        date,
        authority: RetirementAuthority::AzureVmDocs,
        page_edition: None,
        withdrawn: false,
        note,
        source,
    }
}

const AUG_2023: Date = Date::ymd(2023, 8, 31);
const SEP_2023: Date = Date::ymd(2023, 9, 6);
const AUG_2024: Date = Date::ymd(2024, 8, 31);
const MAY_2027: Date = Date::ymd(2027, 5, 31);
const MAY_2028: Date = Date::ymd(2028, 5, 1);
const NOV_2028: Date = Date::ymd(2028, 11, 15);
const NOV_2029: Date = Date::ymd(2029, 11, 15);

/// Every retirement date of every source, grouped by series; for each series the Azure ML
/// page's dates come first.
///
/// ```
/// use aml_targets::VmSeries;
/// use aml_targets::vm::RETIREMENTS;
///
/// let h: Vec<_> = RETIREMENTS.iter().filter(|r| r.series == VmSeries::H).collect();
/// assert!(h[0].withdrawn && !h[1].withdrawn); // the page dropped its note; the VM docs did not
/// assert!(RETIREMENTS.iter().all(|r| !r.source.is_empty()));
/// ```
pub const RETIREMENTS: &[Retirement] = &[
    page(VmSeries::NC, AUG_2023, DocEdition::Jan2024, ""),
    vm_docs(VmSeries::NC, SEP_2023, VM_RETIRED_2023),
    page(
        VmSeries::NC_Promo,
        AUG_2023,
        DocEdition::Jan2024,
        "the page names NC, NCv2, ND, NV and NV_Promo; NC Promo is the same hardware as NC",
    ),
    vm_docs(VmSeries::NC_Promo, SEP_2023, VM_RETIRED_2023),
    page(VmSeries::NCv2, AUG_2023, DocEdition::Jan2024, ""),
    vm_docs(VmSeries::NCv2, SEP_2023, VM_RETIRED_2023),
    page(VmSeries::ND, AUG_2023, DocEdition::Jan2024, ""),
    vm_docs(VmSeries::ND, SEP_2023, VM_RETIRED_2023),
    page(VmSeries::NV, AUG_2023, DocEdition::Jan2024, ""),
    vm_docs(VmSeries::NV, SEP_2023, VM_RETIRED_2023),
    page(VmSeries::NV_Promo, AUG_2023, DocEdition::Jan2024, ""),
    vm_docs(VmSeries::NV_Promo, SEP_2023, VM_RETIRED_2023),
    page(
        VmSeries::Av1,
        AUG_2024,
        DocEdition::Jan2024,
        "a June 2023 edition of the page listed it under 2023",
    ),
    vm_docs(VmSeries::Av1, AUG_2024, AV1_RETIREMENT),
    page(VmSeries::HB, AUG_2024, DocEdition::Jan2024, ""),
    vm_docs(VmSeries::HB, AUG_2024, HB_RETIREMENT),
    page(
        VmSeries::NCv3,
        Date::ymd(2025, 9, 30),
        DocEdition::Nov2025,
        "the page gives no regional exceptions; the VM docs do (REGIONAL_RETIREMENTS)",
    ),
    vm_docs_noted(
        VmSeries::NCv3,
        Date::ymd(2025, 9, 30),
        NCV3_RETIREMENT,
        "Standard_NC24rs_v3 was first announced for 2025-03-31; regional exceptions in \
         REGIONAL_RETIREMENTS",
    ),
    vm_docs_noted(
        VmSeries::NVv3,
        Date::ymd(2026, 9, 30),
        NVV3_RETIREMENT,
        "UAE North until 2027-01-31 (REGIONAL_RETIREMENTS)",
    ),
    vm_docs(VmSeries::NVv4, Date::ymd(2026, 9, 30), NVV4_RETIREMENT),
    Retirement {
        series: VmSeries::H,
        date: Date::ymd(2022, 8, 31),
        authority: RetirementAuthority::AzureMlPage,
        page_edition: None,
        withdrawn: true,
        note: "announced by a 2022 edition of the page; later editions dropped the note",
        source: PAGE_RETIRED,
    },
    vm_docs_noted(
        VmSeries::H,
        Date::ymd(2022, 8, 31),
        H_RETIREMENT,
        "H8, H8m, H16, H16r, H16m, H16mr and their Promo sizes; the page dropping its note \
         does not revive retired hardware",
    ),
    vm_docs_noted(VmSeries::HBv2, MAY_2027, HBV2_RETIREMENT, ""),
    vm_docs_noted(
        VmSeries::HC,
        MAY_2027,
        HC_RETIREMENT,
        "Standard_HC44rs, HC44-16rs and HC44-32rs",
    ),
    vm_docs_noted(VmSeries::D, MAY_2028, V1_2028, CAPACITY),
    vm_docs_noted(VmSeries::DS, MAY_2028, V1_2028, CAPACITY),
    vm_docs_noted(VmSeries::Dv2, MAY_2028, V1_2028, CAPACITY),
    vm_docs_noted(VmSeries::DSv2, MAY_2028, V1_2028, CAPACITY),
    vm_docs_noted(VmSeries::Ls, MAY_2028, V1_2028, CAPACITY),
    vm_docs_noted(
        VmSeries::Av2,
        NOV_2028,
        AV2_2028,
        "Av2 and Amv2; capacity growth restricted since July 2026: new subscriptions cannot \
         deploy it, existing ones get no more quota",
    ),
    vm_docs_noted(VmSeries::FSv2, NOV_2028, AV2_2028, CAPACITY),
    vm_docs_noted(VmSeries::LSv2, NOV_2028, AV2_2028, CAPACITY),
    vm_docs_noted(VmSeries::Dv3, NOV_2029, V3_2029, V3_NOTE),
    vm_docs_noted(VmSeries::DSv3, NOV_2029, V3_2029, V3_NOTE),
    vm_docs_noted(VmSeries::Ev3, NOV_2029, V3_2029, V3_NOTE),
    vm_docs_noted(VmSeries::ESv3, NOV_2029, V3_2029, V3_NOTE),
];

const V3_NOTE: &str = "not in Azure Government, Azure operated by 21Vianet or sovereign clouds; \
     capacity growth restricted since July 2026: new subscriptions cannot deploy it, existing \
     ones get no more quota";

const fn regional(
    series: VmSeries,
    name: &'static str,
    location: &'static str,
    date: Date,
    source: &'static str,
) -> RegionalRetirement {
    RegionalRetirement {
        series,
        region: Region { name, location },
        date,
        source,
        superseded: false,
    }
}

/// A row of an earlier edition of a guide that a later edition replaced.
const fn superseded(row: RegionalRetirement) -> RegionalRetirement {
    RegionalRetirement {
        superseded: true,
        ..row
    }
}

/// The NCv3 guide before it moved to `sizes/lifecycle/retirement/` (superseded: the moved
/// guide, updated, gives US Gov Virginia and Arizona 2026-12-31 instead of 2026-06-30).
const NCV3_OLDER: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/\
     ncv3-retirement.md@11277ad7";
const NCV3_NEWER: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/\
     lifecycle/retirement/ncv3-retirement.md@a18807c4fcf50a76173edcbb264bc171197922a7";

/// Regions where a series retires later than elsewhere, from Azure's VM documentation (the
/// Azure ML page gives none). An earlier edition of a guide is kept, marked
/// [`superseded`](RegionalRetirement::superseded): the later edition of the same guide wins.
pub const REGIONAL_RETIREMENTS: &[RegionalRetirement] = &[
    superseded(regional(
        VmSeries::NCv3,
        "US Gov Virginia",
        "usgovvirginia",
        Date::ymd(2026, 6, 30),
        NCV3_OLDER,
    )),
    superseded(regional(
        VmSeries::NCv3,
        "US Gov Arizona",
        "usgovarizona",
        Date::ymd(2026, 6, 30),
        NCV3_OLDER,
    )),
    superseded(regional(
        VmSeries::NCv3,
        "Jio India West",
        "jioindiawest",
        Date::ymd(2027, 6, 30),
        NCV3_OLDER,
    )),
    superseded(regional(
        VmSeries::NCv3,
        "China North 3",
        "chinanorth3",
        Date::ymd(2027, 6, 30),
        NCV3_OLDER,
    )),
    regional(
        VmSeries::NCv3,
        "US Gov Virginia",
        "usgovvirginia",
        Date::ymd(2026, 12, 31),
        NCV3_NEWER,
    ),
    regional(
        VmSeries::NCv3,
        "US Gov Arizona",
        "usgovarizona",
        Date::ymd(2026, 12, 31),
        NCV3_NEWER,
    ),
    regional(
        VmSeries::NCv3,
        "Jio India West",
        "jioindiawest",
        Date::ymd(2027, 6, 30),
        NCV3_NEWER,
    ),
    regional(
        VmSeries::NCv3,
        "China North 3",
        "chinanorth3",
        Date::ymd(2027, 6, 30),
        NCV3_NEWER,
    ),
    regional(
        VmSeries::NVv3,
        "UAE North",
        "uaenorth",
        Date::ymd(2027, 1, 31),
        NVV3_RETIREMENT,
    ),
];

/// A retirement announced for some sizes of a series, not for the whole series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SizeRetirement {
    /// The size's name.
    pub size: &'static str,
    /// Its retirement date.
    pub date: Date,
    /// When the retirement was announced.
    pub announced: Date,
    /// Where it is said.
    pub source: &'static str,
}

const M192I_V2: &str = "MicrosoftDocs/azure-compute-docs articles/virtual-machines/sizes/\
     lifecycle/retirements-and-capacity-restrictions.md@680de971 and retired-sizes-list.md@7228c7c5 \
     (announced 2024-03-22; the other Mv2 sizes are not retiring)";

const fn size_retirement(size: &'static str) -> SizeRetirement {
    SizeRetirement {
        size,
        date: Date::ymd(2027, 3, 31),
        announced: Date::ymd(2024, 3, 22),
        source: M192I_V2,
    }
}

/// Sizes that retire on their own, ahead of (or without) their series.
pub const SIZE_RETIREMENTS: &[SizeRetirement] = &[
    size_retirement("Standard_M192idms_v2"),
    size_retirement("Standard_M192ids_v2"),
    size_retirement("Standard_M192ims_v2"),
    size_retirement("Standard_M192is_v2"),
];

impl super::VmSize {
    /// The size's own retirement, when one is announced for it and not for its whole series
    /// (see [`SIZE_RETIREMENTS`]).
    ///
    /// ```
    /// use aml_targets::VmSize;
    ///
    /// let m = VmSize::parse("standard_m192is_v2")?;
    /// assert_eq!(m.size_retirement().unwrap().date.to_string(), "2027-03-31");
    /// assert!(VmSize::parse("Standard_M208s_v2")?.size_retirement().is_none());
    /// # Ok::<(), aml_targets::vm::ParseVmSizeError>(())
    /// ```
    #[must_use]
    pub fn size_retirement(&self) -> Option<&'static SizeRetirement> {
        // The names parsed once; a name is written out only for a size of the same family
        // and vCPUs (a name's leading letters and digits), so that most sizes compare two
        // fields.
        static PARSED: std::sync::OnceLock<Vec<Option<super::VmSize>>> = std::sync::OnceLock::new();
        let parsed = PARSED.get_or_init(|| {
            SIZE_RETIREMENTS
                .iter()
                .map(|r| super::VmSize::parse(r.size).ok())
                .collect()
        });
        SIZE_RETIREMENTS
            .iter()
            .zip(parsed)
            .find(|(r, p)| {
                p.is_none_or(|p| p.same_family_and_vcpus(self))
                    && r.size.eq_ignore_ascii_case(&self.canonical_name())
            })
            .map(|(r, _)| r)
    }

    /// The size's state on `on` (in `region`, for regional dates): its series', or its own
    /// retirement's when that comes first.
    ///
    /// ```
    /// use aml_targets::{Date, RetirementState, VmSize};
    ///
    /// let on: Date = "2027-04-01".parse()?;
    /// assert!(VmSize::parse("Standard_M192is_v2")?.retirement_state(None, on).is_retired());
    /// assert_eq!(VmSize::parse("Standard_M208s_v2")?.retirement_state(None, on), RetirementState::Active);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn retirement_state(&self, region: Option<&str>, on: Date) -> RetirementState {
        let series = self
            .series()
            .map_or(RetirementState::Active, |s| match region {
                Some(r) => s.retirement_state_in(r, on),
                None => s.retirement_state(on),
            });
        match self.size_retirement() {
            Some(own) if series.date().is_none_or(|d| own.date < d) => {
                RetirementState::from_date(Some(own.date), on)
            }
            _ => series,
        }
    }
}

impl VmSeries {
    /// Every source's retirement date for the series, withdrawn announcements included.
    ///
    /// ```
    /// use aml_targets::VmSeries;
    /// use aml_targets::vm::RetirementAuthority;
    ///
    /// // The Azure ML page says 2023-08-31, the VM docs 2023-09-06: both are kept.
    /// let dates: Vec<String> = VmSeries::NC.retirements().map(|r| r.date.to_string()).collect();
    /// assert_eq!(dates, ["2023-08-31", "2023-09-06"]);
    /// let first = VmSeries::NC.retirements().next().unwrap();
    /// assert_eq!(first.authority, RetirementAuthority::AzureMlPage);
    /// ```
    pub fn retirements(self) -> impl Iterator<Item = &'static Retirement> {
        RETIREMENTS.iter().filter(move |r| r.series == self)
    }

    /// The retirement date that decides [`VmSeries::retirement_state`]: the earliest date of
    /// any source (the Azure ML page or Azure's VM documentation), the page's first where
    /// they agree; withdrawn announcements never count.
    #[must_use]
    pub fn retirement(self) -> Option<&'static Retirement> {
        static TABLE: std::sync::OnceLock<
            [Option<&'static Retirement>; super::series::SERIES_COUNT],
        > = std::sync::OnceLock::new();
        super::series::per_series(&TABLE, |s| {
            // `min_by_key` keeps the first of equal dates: the page's, listed first.
            s.retirements()
                .filter(|r| !r.withdrawn)
                .min_by_key(|r| r.date)
        })[self as usize]
    }

    /// The series' state on `on`, the caller's date.
    ///
    /// ```
    /// use aml_targets::{Date, RetirementState, VmSeries};
    ///
    /// let on: Date = "2026-11-27".parse()?;
    /// assert!(VmSeries::NCv3.retirement_state(on).is_retired());
    /// assert_eq!(
    ///     VmSeries::Dv2.retirement_state(on),
    ///     RetirementState::Retiring { date: "2028-05-01".parse()? },
    /// );
    /// # Ok::<(), aml_targets::date::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn retirement_state(self, on: Date) -> RetirementState {
        RetirementState::from_date(self.retirement().map(|r| r.date), on)
    }

    /// The regions where the series retires later than [`VmSeries::retirement`] says.
    pub fn regional_retirements(self) -> impl Iterator<Item = &'static RegionalRetirement> {
        REGIONAL_RETIREMENTS
            .iter()
            .filter(move |r| r.series == self)
    }

    /// The series' state on `on` in `region` (display or location name, see
    /// [`Region::matches`]): a regional exception when one applies (superseded editions
    /// aside; the earliest, where different sources disagree), otherwise
    /// [`VmSeries::retirement_state`].
    ///
    /// ```
    /// use aml_targets::{Date, VmSeries};
    ///
    /// let on: Date = "2026-01-01".parse()?;
    /// assert!(VmSeries::NCv3.retirement_state_in("eastus", on).is_retired());
    /// assert!(!VmSeries::NCv3.retirement_state_in("usgovarizona", on).is_retired());
    /// # Ok::<(), aml_targets::date::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn retirement_state_in(self, region: &str, on: Date) -> RetirementState {
        match self
            .regional_retirements()
            .filter(|r| !r.superseded && r.region.matches(region))
            .min_by_key(|r| r.date)
        {
            Some(exception) => RetirementState::from_date(Some(exception.date), on),
            None => self.retirement_state(on),
        }
    }
}

/// How far ahead of a retirement a size is reported as retiring (the `retiring-series`
/// warning), in days.
pub const RETIRING_WARNING_DAYS: i64 = 90;

/// `{"status": "retiring", "date": "2028-05-01"}` (`date` null when active).
#[cfg(feature = "serde")]
impl serde::Serialize for RetirementState {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut m = s.serialize_struct("RetirementState", 2)?;
        m.serialize_field("status", self.as_str())?;
        m.serialize_field("date", &self.date())?;
        m.end()
    }
}
