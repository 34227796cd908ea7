//! VM series, their retirements, and isolated sizes.

pub(crate) mod catalog;
mod catalog_data;
pub(crate) mod isolated;
pub(crate) mod listing;
pub(crate) mod retirement;
pub(crate) mod series;
pub(crate) mod size;
