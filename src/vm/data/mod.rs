//! Tables generated from the CSVs under `data/` by `cargo xtask gen`; `cargo xtask gen --check`
//! (run by CI) fails when they differ from what the CSVs give. Do not edit them by hand.

pub(crate) mod series;
pub(crate) mod sizes;
