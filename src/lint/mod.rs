//! Checking: the code registry ([`Code`], each with its severity and meaning), one
//! [`Diagnostic`] model (code, severity, file, [`KeyPath`], [`Span`], message, help,
//! alternatives, [`Related`] places) and one [`Report`], for plans built in code, plan files
//! and repositories alike; and the rules — [`validate`] for a [`Plan`](crate::plan::Plan),
//! [`check_quota`] against a region's quota.
//!
//! Start with [`validate`]: a plan and a date in, diagnostics with stable codes, help and
//! alternatives out.

mod code;
mod diagnostic;
mod levels;
pub(crate) mod rules;
mod validate;

pub use code::{CODES_URL, Code, Example, Rule, Severity, codes_markdown};
pub use diagnostic::{
    Diagnostic, Fix, KeyPath, PlanList, Position, Related, Report, SkipReason, SkippedFile, Span,
};
pub use levels::{Level, Levels};
pub use rules::quota::check_quota;
pub use rules::sizes::MentionContext;
pub use validate::{check_plan_file, validate, validate_with};
