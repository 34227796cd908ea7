//! Identities: `duplicate-name`.

use crate::lint::{Code, KeyPath, PlanList};

use super::Checker;

impl Checker<'_> {
    /// Two entries of one list with the same name: a warning at the later one, naming the
    /// first. Linear in the plan's size.
    pub(super) fn check_names(&mut self) {
        let plan = self.plan;
        let lists: [(PlanList, &str, Vec<&str>); 3] = [
            (
                PlanList::Compute,
                "compute",
                plan.compute.iter().map(|c| c.name.as_str()).collect(),
            ),
            (
                PlanList::Jobs,
                "job",
                plan.jobs.iter().map(|j| j.name.as_str()).collect(),
            ),
            (
                PlanList::Deployments,
                "deployment",
                plan.deployments.iter().map(|d| d.name.as_str()).collect(),
            ),
        ];
        for (list, kind, names) in &lists {
            let mut first: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::with_capacity(names.len());
            for (i, name) in names.iter().enumerate() {
                match first.entry(name) {
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(i);
                    }
                    std::collections::hash_map::Entry::Occupied(o) => {
                        let message = format!(
                            "{kind} {name:?} is defined twice: here and at {list}[{}]",
                            o.get()
                        );
                        self.push(
                            Code::DuplicateName,
                            KeyPath::plan(*list, i, "name"),
                            message,
                            Some("give each a unique name".to_owned()),
                        );
                    }
                }
            }
        }
    }
}

/// `duplicate-name` between files: a second definition of what Azure identifies as one
/// (`what` is `compute`, `job`, `online deployment` or `batch deployment`; `shown` how the
/// message calls it), at its `name` key.
#[cfg(feature = "yaml")]
pub(crate) fn duplicate_identity(what: &str, shown: &str) -> crate::lint::Diagnostic {
    crate::lint::Diagnostic::new(
        Code::DuplicateName,
        if what == "job" {
            // Job names are unique in a workspace: creating one again is refused.
            format!(
                "{what} {shown} is defined more than once; a second `az ml job create` with the same name is refused"
            )
        } else {
            format!("{what} {shown} is defined more than once; Azure keeps one of them")
        },
        "name",
    )
    .with_help("give each a unique name, or keep one of the alternatives")
}
