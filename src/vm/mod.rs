//! VM series, their retirements, and isolated sizes.

pub(crate) mod isolated;
pub(crate) mod retirement;
pub(crate) mod series;
