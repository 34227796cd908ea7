//! The rules, one group per file; each code is emitted from one file. [`Checker`] walks a
//! plan; the project's readers call the constructors of the file-level codes.

mod computes;
mod deployments;
#[cfg(feature = "yaml")]
pub(crate) mod files;
pub(crate) mod names;
pub(crate) mod quota;
pub(crate) mod sizes;
mod software;
pub(crate) mod targets;
pub(crate) mod values;

use std::collections::HashMap;

use crate::date::Date;
use crate::edition::{ApiView, DocEdition};
use crate::lint::{Code, Diagnostic, KeyPath};
use crate::plan::Plan;
use crate::vm::Catalog;

/// The state of one [`validate`](crate::lint::validate) run: the plan, its computes by name,
/// the date, edition, view and catalog, and the diagnostics so far.
pub(crate) struct Checker<'p> {
    pub(super) plan: &'p Plan,
    /// Each compute name's first position in the plan (lookups stay linear in the plan).
    computes: std::collections::HashMap<&'p str, usize>,
    on: Date,
    edition: DocEdition,
    view: ApiView,
    catalog: &'p Catalog,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    pub(super) fn push(&mut self, code: Code, key: KeyPath, message: String, help: Option<String>) {
        self.push_with(code, key, message, help, Vec::new());
    }

    pub(super) fn push_with(
        &mut self,
        code: Code,
        key: KeyPath,
        message: String,
        help: Option<String>,
        alternatives: Vec<String>,
    ) {
        let mut d = Diagnostic::new(code, message, key).with_alternatives(alternatives);
        d.help = help;
        self.out.push(d);
    }
}

impl<'p> Checker<'p> {
    /// Checks `plan` on `on` against `catalog`: values, names, then each compute, job and
    /// deployment, in plan order.
    pub(crate) fn run(plan: &'p Plan, on: Date, catalog: &'p Catalog) -> Vec<Diagnostic> {
        let mut computes = HashMap::with_capacity(plan.compute.len());
        for (i, c) in plan.compute.iter().enumerate() {
            computes.entry(c.name.as_str()).or_insert(i);
        }
        let mut checker = Checker {
            plan,
            computes,
            on,
            edition: plan.edition.unwrap_or_default(),
            view: plan.view.unwrap_or_default(),
            catalog,
            out: Vec::new(),
        };
        checker.check_values();
        checker.check_names();
        for (i, c) in plan.compute.iter().enumerate() {
            checker.check_compute(i, c);
        }
        for (i, job) in plan.jobs.iter().enumerate() {
            checker.check_job(i, job);
        }
        for (i, d) in plan.deployments.iter().enumerate() {
            checker.check_deployment(i, d);
        }
        checker.out
    }
}
