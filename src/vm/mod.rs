//! VM series, their retirements, and isolated sizes.

pub(crate) mod catalog;
mod catalog_data;
pub(crate) mod isolated;
pub(crate) mod listing;
pub(crate) mod replacement;
pub(crate) mod retirement;
pub(crate) mod series;
mod series_data;
pub(crate) mod size;

/// Row counts of the generated tables, for [`crate::data_tables`].
pub(crate) use catalog_data::AML_LISTING_ROWS;
pub(crate) const SIZE_ROWS: usize = catalog_data::SIZES.len();
pub(crate) const GPU_SERIES_ROWS: usize = catalog_data::SERIES_GPUS.len();
pub(crate) const SERIES_TABLE_ROWS: usize = series_data::SERIES.len();
