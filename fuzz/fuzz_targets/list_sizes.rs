//! Size listings (`az ml compute list-sizes`, REST `vmSizes`): reading never panics, and a
//! catalog that reads answers lookups and recommendations.
#![no_main]

use aml_targets::{Catalog, Date, SizeNeeds, recommend_sizes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(catalog) = Catalog::from_json(text, "fuzz") else { return };
    for spec in catalog.sizes() {
        assert!(catalog.find(&spec.name).is_some(), "{}", spec.name);
    }
    let needs = SizeNeeds::default().gpus(1);
    let _ = recommend_sizes(&needs, &catalog, Date::parse("2026-11-26").unwrap());
});
