//! The rules, one group per file.

pub(crate) mod quota;
