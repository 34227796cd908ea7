//! Checking: the code registry ([`Code`], each with its severity and meaning), one
//! [`Diagnostic`] model, the [`Report`] of a plan and the [`ProjectReport`] of files, and the
//! rules — [`validate`] for a [`Plan`](crate::plan::Plan), [`check_quota`] against a region's
//! quota.
//!
//! Start with [`validate`]: a plan and a date in, diagnostics with stable codes, help and
//! alternatives out.

mod code;
mod diagnostic;
mod report;
mod rules;
mod validate;

pub use code::{Code, Severity};
pub use diagnostic::{Diagnostic, Report};
pub use report::{FileDiagnostic, ProjectReport, RelatedLocation, SkipReason, SkippedFile};
pub use rules::quota::check_quota;
pub use validate::{validate, validate_with};
