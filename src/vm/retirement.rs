//! Retired and retiring VM series, with every source's date (FACTS §5).
//!
//! The sources disagree (the Azure ML page says NC retired on 2023-08-31, Azure's VM pages
//! say 2023-09-06), so every date is kept with its source. The page's series table still lists
//! several retired series: a series can be "supported by Azure ML" and "retired" at once, and
//! the caller's date decides which matters. The crate never reads the clock.

use crate::{Date, DocEdition, VmSeries};

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
/// # Ok::<(), aml_targets::ParseDateError>(())
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
const VM_RETIRED_2023: &str = "MicrosoftDocs/azure-compute-docs: retired-sizes list and the \
     NC, NCv2, ND and NV migration guides (sizes/migration-guides/*-retirement.md)";
const NVV3_RETIREMENT: &str =
    "MicrosoftDocs/azure-compute-docs sizes/gpu-accelerated/nvv3-series-retirement.md";
const NVV4_RETIREMENT: &str =
    "MicrosoftDocs/azure-compute-docs sizes/gpu-accelerated/nvv4-retirement.md";

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
    Retirement {
        series,
        date,
        authority: RetirementAuthority::AzureVmDocs,
        page_edition: None,
        withdrawn: false,
        note: "",
        source,
    }
}

const AUG_2023: Date = Date::ymd(2023, 8, 31);
const SEP_2023: Date = Date::ymd(2023, 9, 6);
const AUG_2024: Date = Date::ymd(2024, 8, 31);

/// Every retirement date of every source, grouped by series; for each series the Azure ML
/// page's date comes first.
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
    page(VmSeries::HB, AUG_2024, DocEdition::Jan2024, ""),
    page(
        VmSeries::NCv3,
        Date::ymd(2025, 9, 30),
        DocEdition::Nov2025,
        "regional exceptions: US Gov Virginia and US Gov Arizona 2026-06-30; Jio India West \
         and China North 3 2027-06-30",
    ),
    vm_docs(VmSeries::NVv3, Date::ymd(2026, 9, 30), NVV3_RETIREMENT),
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
];

const NCV3_EXCEPTIONS: &str = "concept-compute-target.md (Nov 2025 on), NCv3 retirement note";

/// Regions where a series retires later than elsewhere.
pub const REGIONAL_RETIREMENTS: &[RegionalRetirement] = &[
    RegionalRetirement {
        series: VmSeries::NCv3,
        region: Region {
            name: "US Gov Virginia",
            location: "usgovvirginia",
        },
        date: Date::ymd(2026, 6, 30),
        source: NCV3_EXCEPTIONS,
    },
    RegionalRetirement {
        series: VmSeries::NCv3,
        region: Region {
            name: "US Gov Arizona",
            location: "usgovarizona",
        },
        date: Date::ymd(2026, 6, 30),
        source: NCV3_EXCEPTIONS,
    },
    RegionalRetirement {
        series: VmSeries::NCv3,
        region: Region {
            name: "Jio India West",
            location: "jioindiawest",
        },
        date: Date::ymd(2027, 6, 30),
        source: NCV3_EXCEPTIONS,
    },
    RegionalRetirement {
        series: VmSeries::NCv3,
        region: Region {
            name: "China North 3",
            location: "chinanorth3",
        },
        date: Date::ymd(2027, 6, 30),
        source: NCV3_EXCEPTIONS,
    },
];

impl VmSeries {
    /// Every source's retirement date for the series, withdrawn announcements included.
    pub fn retirements(self) -> impl Iterator<Item = &'static Retirement> {
        RETIREMENTS.iter().filter(move |r| r.series == self)
    }

    /// The retirement date that decides [`VmSeries::retirement_state`]: the Azure ML page's
    /// date where it gives one, otherwise Azure's VM documentation; withdrawn announcements
    /// never count.
    #[must_use]
    pub fn retirement(self) -> Option<&'static Retirement> {
        static TABLE: std::sync::OnceLock<
            [Option<&'static Retirement>; super::series::SERIES_COUNT],
        > = std::sync::OnceLock::new();
        super::series::per_series(&TABLE, |s| s.retirements().find(|r| !r.withdrawn))[self as usize]
    }

    /// The series' state on `on`, the caller's date.
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
    /// [`Region::matches`]): a regional exception when one applies, otherwise
    /// [`VmSeries::retirement_state`].
    ///
    /// ```
    /// use aml_targets::{Date, VmSeries};
    ///
    /// let on: Date = "2026-01-01".parse()?;
    /// assert!(VmSeries::NCv3.retirement_state_in("eastus", on).is_retired());
    /// assert!(!VmSeries::NCv3.retirement_state_in("usgovarizona", on).is_retired());
    /// # Ok::<(), aml_targets::ParseDateError>(())
    /// ```
    #[must_use]
    pub fn retirement_state_in(self, region: &str, on: Date) -> RetirementState {
        match self
            .regional_retirements()
            .find(|r| r.region.matches(region))
        {
            Some(exception) => RetirementState::from_date(Some(exception.date), on),
            None => self.retirement_state(on),
        }
    }
}
