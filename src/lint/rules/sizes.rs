//! Sizes: `invalid-size-name`, `unknown-size`, `uncatalogued-size`, `series-not-listed`,
//! `size-not-for-compute`, `retired-series`, `retiring-series`, `retired-size-mention`.

use crate::date::Date;
use crate::fit::similar_sizes_with;
use crate::lint::{Code, Diagnostic, KeyPath};
use crate::targets::ComputeKind;
use crate::vm::{Catalog, RETIRING_WARNING_DAYS, RetirementState, VmSeries, VmSize, VmSizeSpec};

use super::Checker;

impl<'p> Checker<'p> {
    pub(super) fn similar_sizes(
        &self,
        spec: &VmSizeSpec,
        compute: Option<ComputeKind>,
        region: Option<&str>,
    ) -> Vec<String> {
        similar_sizes_with(spec, compute, region, self.on, self.edition)
    }

    /// A retired series is an error, one retiring within [`RETIRING_WARNING_DAYS`] a warning,
    /// both with the migration guide's replacements first among the alternatives.
    pub(super) fn check_retirement(
        &mut self,
        size: &VmSize,
        series: VmSeries,
        spec: Option<&VmSizeSpec>,
        key: &KeyPath,
        region: Option<&str>,
    ) {
        let state = size.retirement_state(region, self.on);
        let (what, source) = retirement_wording(&size.to_string(), size, series, state);
        let (code, message, help) = match state {
            RetirementState::Retired { since } => (
                Code::RetiredSeries,
                format!("{what} is retired since {since} ({source})"),
                "move to a current VM size (recreate the compute, or update the job or deployment)",
            ),
            RetirementState::Retiring { date }
                if self.on.days_until(date) <= RETIRING_WARNING_DAYS =>
            {
                (
                    Code::RetiringSeries,
                    format!(
                        "{what} retires on {date}, in {} days ({source})",
                        self.on.days_until(date)
                    ),
                    "move to a current VM size before the retirement date",
                )
            }
            _ => return,
        };
        let alternatives = Self::alternatives(size, spec);
        self.push_with(
            code,
            key.clone(),
            message,
            Some(help.to_owned()),
            alternatives,
        );
    }

    /// What to move a retired or retiring size to: the one replacement answer
    /// ([`VmSize::successors`]), the same in every command and format.
    pub(super) fn alternatives(size: &VmSize, spec: Option<&VmSizeSpec>) -> Vec<String> {
        spec.map_or_else(|| size.successors(), VmSizeSpec::successors)
            .iter()
            .map(|s| s.name.to_string())
            .collect()
    }

    /// Checks a size name; returns its row when it has one.
    pub(super) fn check_size(
        &mut self,
        name: &str,
        key: &KeyPath,
        compute: Option<ComputeKind>,
        region: Option<&str>,
    ) -> Option<(VmSize, &'p VmSizeSpec)> {
        let size = match VmSize::parse(name) {
            Ok(size) => size,
            Err(e) => {
                self.push(
                    Code::InvalidSizeName,
                    key.clone(),
                    e.to_string(),
                    Some("write the size as Azure does, e.g. Standard_D4s_v3".to_owned()),
                );
                return None;
            }
        };
        // The caller's catalog (a region's listing) first, then the embedded one.
        let catalog: &'p Catalog = self.catalog;
        // A `_Promo` size is its regular size's hardware (H16m_Promo is an H16m).
        let regular = size.without_promo();
        let Some(spec) = catalog
            .get(&size)
            .or_else(|| Catalog::embedded().get(&size))
            .or_else(|| {
                Catalog::embedded()
                    .get(&regular)
                    .filter(|_| size.is_promo())
            })
        else {
            // A size of a series the catalog lists is likely misspelt; one of a series or
            // generation it does not have yet is just not known here.
            let listed_series = size.series().is_some_and(|s| {
                catalog.of_series(s).next().is_some()
                    || Catalog::embedded().of_series(s).next().is_some()
            });
            // A known size but for its version (`Standard_NC96ads_A100` for `…_A100_v4`): a
            // slip, said as a warning with the name meant. A name of a known series without
            // a version is a first generation (`Standard_DS3`), not a slip.
            let lower = size.to_string().to_ascii_lowercase();
            let mut meant: Vec<String> = if size.series().is_some() {
                Vec::new()
            } else {
                Catalog::embedded()
                    .sizes()
                    .iter()
                    .chain(catalog.sizes())
                    .filter(|s| {
                        let name = s.name.to_ascii_lowercase();
                        name.strip_prefix(&lower)
                            .and_then(|r| r.strip_prefix("_v"))
                            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
                    })
                    .map(|s| s.name.to_string())
                    .collect()
            };
            meant.sort();
            meant.dedup();
            if !meant.is_empty() {
                self.push_with(
                    Code::UnknownSize,
                    key.clone(),
                    format!(
                        "{size} is no VM size Azure offers; did you mean {}?",
                        meant.join(" or ")
                    ),
                    Some("check the name: Azure rejects sizes it does not know".to_owned()),
                    meant,
                );
            } else if listed_series {
                self.push(
                    Code::UnknownSize,
                    key.clone(),
                    format!("{size} is not a size of its series in the size catalog; its facts cannot be checked"),
                    Some(
                        "check the name against `az ml compute list-sizes` for your region".to_owned(),
                    ),
                );
            } else {
                self.push(
                    Code::UncataloguedSize,
                    key.clone(),
                    format!(
                        "{size} is not in the size catalog (data as of {}); its facts are not checked",
                        crate::edition::DATA_AS_OF
                    ),
                    Some(
                        "pass your region's `az ml compute list-sizes` as a catalog to check it"
                            .to_owned(),
                    ),
                );
            }
            // A retired series retires every size of it, catalogued or not (DS1, H8_Promo).
            if let Some(series) = size.series() {
                self.check_retirement(&size, series, None, key, region);
            }
            return None;
        };
        let series = size.series().or(spec.series);
        if let Some(series) = series {
            self.check_retirement(&size, series, Some(spec), key, region);
            // A region's listing says which compute can use the size; without one, the
            // page's list.
            let listed = series.supported_by(self.edition);
            if spec.supported_by.is_none() && listed.is_none() {
                self.push(
                    Code::SeriesNotListed,
                    key.clone(),
                    format!(
                        "{series} is not on the Azure ML page's list of supported VM series ({}); Azure ML accepts what `az ml compute list-sizes` returns for your region",
                        self.edition
                    ),
                    Some("check `az ml compute list-sizes` for your region, or pass it as a catalog".to_owned()),
                );
            }
            if let Some(by) = spec.supported_by.or(listed) {
                let ok = match compute {
                    Some(ComputeKind::ComputeInstance) => by.instances(),
                    Some(ComputeKind::ComputeCluster) => by.clusters(),
                    _ => true,
                };
                if !ok {
                    let kind = compute.map_or("", ComputeKind::as_str);
                    let alternatives = self.similar_sizes(spec, compute, region);
                    let said = if spec.supported_by.is_some() {
                        " (per the size listing)"
                    } else {
                        ""
                    };
                    self.push_with(
                        Code::SizeNotForCompute,
                        key.clone(),
                        format!("{series} ({size}) is supported by {by}, not by a {kind}{said}"),
                        Some(
                            "use a compute cluster, or a size whose series instances support"
                                .to_owned(),
                        ),
                        alternatives,
                    );
                }
            }
        }
        Some((size, spec))
    }
}

/// What retires and the source that says so: the size itself when its own retirement
/// decides (`Standard_M192is_v2`), else "NAME is a SERIES size; SERIES".
fn retirement_wording(
    name: &str,
    size: &VmSize,
    series: VmSeries,
    state: RetirementState,
) -> (String, &'static str) {
    match size.size_retirement() {
        Some(own) if state.date() == Some(own.date) => (name.to_owned(), own.source),
        _ => (
            format!("{name} is a {series} size; {series}"),
            series.retirement().map_or("", |r| r.source),
        ),
    }
}

/// Where a mention sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MentionContext {
    /// The value of a key or option that provisions a size (`--size`, `vm_size=`, `size=`,
    /// `instance_type`, `vmSize`).
    Provisioning,
    /// In a comment.
    Comment,
    /// In prose: Markdown, a notebook's markdown cell.
    Prose,
    /// Elsewhere in code (a list of sizes, a default value).
    Code,
}

/// Judges one size name found in a text (see `project::SizeMention::check`): a retired size
/// is `retired-series` where the text provisions it and `retired-size-mention` elsewhere; a
/// size retiring within [`RETIRING_WARNING_DAYS`] is `retiring-series`; a well-formed name no
/// catalog knows that is a slip of a known size is `unknown-size`.
pub(crate) fn mention(
    name: &str,
    size: &VmSize,
    context: MentionContext,
    key: Option<&str>,
    on: Date,
    catalog: &Catalog,
) -> Option<Diagnostic> {
    let spec = size
        .hardware_rows()
        .iter()
        .find_map(|s| catalog.get(s).or_else(|| Catalog::embedded().get(s)));
    let location = key.unwrap_or_default();
    let Some(spec) = spec else {
        return uncatalogued(name, size, context, location, on)
            .or_else(|| misspelt(name, size, on, catalog, location));
    };
    let series = size.series().or(spec.series)?;
    let state = size.retirement_state(None, on);
    let (what, source) = retirement_wording(name, size, series, state);
    match state {
        RetirementState::Retired { since } => {
            let code = if context == MentionContext::Provisioning {
                Code::RetiredSeries
            } else {
                Code::RetiredSizeMention
            };
            Some(
                Diagnostic::new(
                    code,
                    format!("{what} is retired since {since} ({source})"),
                    location,
                )
                .with_help("use a current VM size")
                .with_alternatives(Checker::alternatives(size, Some(spec))),
            )
        }
        RetirementState::Retiring { date } if on.days_until(date) <= RETIRING_WARNING_DAYS => Some(
            Diagnostic::new(
                Code::RetiringSeries,
                format!(
                    "{what} retires on {date}, in {} days ({source})",
                    on.days_until(date)
                ),
                location,
            )
            .with_help("move to a current VM size before the retirement date")
            .with_alternatives(Checker::alternatives(size, Some(spec))),
        ),
        _ => None,
    }
}

/// A size of a retired series the catalog has no sizes of (Av1: `Standard_A1`, `Basic_A2`):
/// still retired, with the migration guide's current series as the way out.
fn uncatalogued(
    name: &str,
    size: &VmSize,
    context: MentionContext,
    location: &str,
    on: Date,
) -> Option<Diagnostic> {
    let series = size.series()?;
    if series.sizes().next().is_some() {
        return None;
    }
    let RetirementState::Retired { since } = series.retirement_state(on) else {
        return None;
    };
    let source = series.retirement().map_or("", |r| r.source);
    let to = series.current_replacements(on);
    let alternatives = Checker::alternatives(size, None);
    let code = if context == MentionContext::Provisioning {
        Code::RetiredSeries
    } else {
        Code::RetiredSizeMention
    };
    let guide: Vec<String> = to.iter().map(ToString::to_string).collect();
    let help = if guide.is_empty() {
        "use a current VM size".to_owned()
    } else {
        format!(
            "use a current VM size (the migration guide: {})",
            guide.join(", ")
        )
    };
    Some(
        Diagnostic::new(
            code,
            format!("{name} is a {series} size; {series} is retired since {since} ({source})"),
            location,
        )
        .with_help(help)
        .with_alternatives(alternatives),
    )
}

/// A name no catalog knows that is a slip of a known one: a size of its series within
/// two edits, or — for a name of no known series — a size written the same but for a
/// missing accelerator (`Standard_ND96amsr_v4` for `Standard_ND96amsr_A100_v4`). A size
/// of a generation or series the catalog does not have (`Standard_D4s_v5`,
/// `Standard_D4as_v4`, the first-generation `Standard_D12`) is never taken for a slip.
fn misspelt(
    name: &str,
    size: &VmSize,
    on: Date,
    catalog: &Catalog,
    location: &str,
) -> Option<Diagnostic> {
    let all = || Catalog::embedded().sizes().iter().chain(catalog.sizes());
    let lower = name.to_ascii_lowercase();
    let mut near: Vec<(usize, &str)> = if let Some(series) = size.series() {
        all()
            .filter(|spec| spec.series == Some(series))
            .map(|spec| {
                (
                    edit_distance(&lower, &spec.name.to_ascii_lowercase()),
                    spec.name.as_ref(),
                )
            })
            .filter(|&(d, _)| d <= 2)
            .collect()
    } else {
        let me = &size;
        all()
            .filter(|spec| {
                spec.size().is_ok_and(|s| {
                    s.family() == me.family()
                        && s.vcpus() == me.vcpus()
                        && s.feature_letters() == me.feature_letters()
                        && s.version() == me.version()
                        && me.accelerator().is_none()
                        && s.accelerator().is_some()
                })
            })
            .map(|spec| {
                (
                    edit_distance(&lower, &spec.name.to_ascii_lowercase()),
                    spec.name.as_ref(),
                )
            })
            .collect()
    };
    if near.is_empty() {
        return None;
    }
    near.sort_unstable();
    near.dedup_by(|a, b| a.1 == b.1);
    let alternatives: Vec<String> = near.iter().take(3).map(|(_, n)| (*n).to_owned()).collect();
    let retired = size
        .series()
        .and_then(|series| match series.retirement_state(on) {
            RetirementState::Retired { since } => {
                Some(format!("; {series} is retired since {since}"))
            }
            _ => None,
        })
        .unwrap_or_default();
    Some(
        Diagnostic::new(
            Code::UnknownSize,
            format!(
                "{} is no VM size Azure offers; did you mean {}?{retired}",
                name,
                alternatives.join(" or ")
            ),
            location,
        )
        .with_help("check the name: Azure rejects sizes it does not know")
        .with_alternatives(alternatives),
    )
}

/// Levenshtein distance of two short ASCII names.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// `size-not-for-compute` for a managed online deployment on a size the region's listing does
/// not offer to endpoints.
pub(crate) fn not_for_endpoints(deployment: &str, size: &str, key: KeyPath) -> Diagnostic {
    Diagnostic::new(
        Code::SizeNotForCompute,
        format!(
            "deployment {deployment:?}: {size} is not offered to managed online endpoints in the region (its listing has no MIR among supportedComputeTypes)"
        ),
        key,
    )
    .with_help("pick a size the region's listing offers to endpoints")
}
