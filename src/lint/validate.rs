//! `validate(plan, date)`: every rule of the Azure ML pages, checked before anything is
//! provisioned, as diagnostics with stable codes, help and alternatives.

use super::rules::Checker;
use super::{Report, Span, check_quota};
use crate::date::Date;
use crate::plan::{Plan, PlanFile};
use crate::quota::Usages;
use crate::vm::Catalog;

/// Validates a plan on `on` (the caller's date: the crate never reads the clock) against the
/// embedded catalog.
///
/// ```
/// use aml_targets::{Code, ComputeDef, ComputeKind, Date, Plan, validate};
///
/// let plan = Plan {
///     compute: vec![ComputeDef {
///         name: "old".into(),
///         kind: ComputeKind::ComputeCluster,
///         size: Some("Standard_NC6".into()),
///         ..ComputeDef::new("old", ComputeKind::ComputeCluster)
///     }],
///     ..Plan::default()
/// };
/// let report = validate(&plan, "2026-11-26".parse()?);
/// let d = report.with_code(Code::RetiredSeries).next().unwrap();
/// assert_eq!(d.key, "compute[0].size");
/// assert!(!d.alternatives.is_empty());
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
#[must_use]
pub fn validate(plan: &Plan, on: Date) -> Report {
    validate_with(plan, on, Catalog::embedded())
}

/// [`validate`] with sizes also looked up in a user catalog (a region's listing): a size the
/// embedded catalog lacks but `catalog` has is not reported as unknown.
#[must_use]
pub fn validate_with(plan: &Plan, on: Date, catalog: &Catalog) -> Report {
    Report {
        on: Some(on),
        diagnostics: Checker::run(plan, on, catalog),
        ..Report::default()
    }
}

/// Checks a plan read from `file`: [`validate_with`] against `listing` (a region's size
/// listing) or the embedded catalog, and with `usages` given, [`check_quota`];
/// each diagnostic placed at its value's line and column (TOML plans) in `file`.
///
/// ```
/// # #[cfg(feature = "toml")] {
/// use aml_targets::lint::check_plan_file;
/// use aml_targets::plan::PlanFile;
///
/// let text = "[[compute]]\nname = \"gpu\"\nkind = \"compute-cluster\"\nsize = \"Standard_NC6\"\n";
/// let file = PlanFile::parse(text, false)?;
/// let report = check_plan_file("plan.toml", &file, "2026-11-27".parse()?, None, None);
/// let d = &report.diagnostics[0];
/// assert_eq!((d.line(), d.column()), (Some(4), Some(1)));
/// assert_eq!(report.files_read, 1);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn check_plan_file(
    file: impl AsRef<std::path::Path>,
    plan_file: &PlanFile,
    on: Date,
    listing: Option<&Catalog>,
    usages: Option<&Usages>,
) -> Report {
    let plan = &plan_file.plan;
    let mut report = validate_with(plan, on, listing.unwrap_or(Catalog::embedded()));
    if let Some(usages) = usages {
        let over = check_quota(plan, listing, usages);
        report.diagnostics.extend(over.diagnostics);
    }
    let file = file.as_ref();
    for d in &mut report.diagnostics {
        let spot = plan_file.locations.find(&d.key.to_string());
        let span = spot.map(|(line, column)| Span::at(line, column));
        d.file = Some(file.to_owned());
        d.span = span;
    }
    report.files_read = 1;
    report
}
