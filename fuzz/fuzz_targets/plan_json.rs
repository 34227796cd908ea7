//! Plan files in JSON: reading never panics; a plan that reads validates, and writes back to
//! JSON that reads to the same plan.
#![no_main]

use aml_targets::{Date, Plan, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(plan) = Plan::from_json(text) else { return };
    let _ = validate(&plan, Date::parse("2026-11-26").unwrap());
    let json = plan.to_json().expect("a plan read from text is writable");
    assert_eq!(Plan::from_json(&json).expect("written JSON reads"), plan, "{json}");
});
