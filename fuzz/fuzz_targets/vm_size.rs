//! VM size names: parsing never panics; whatever parses prints a name that parses back to
//! the same value, is found the same way in the catalog, and classifies the same.
#![no_main]

use aml_targets::{Catalog, VmSize, VmSizeSpec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = VmSizeSpec::find(text);
    let _ = Catalog::embedded().lookup(text);
    match VmSize::parse(text) {
        Ok(size) => {
            let shown = size.to_string();
            let again = VmSize::parse(&shown).expect("a printed name parses");
            assert_eq!(again, size, "{text:?} -> {shown:?}");
            assert_eq!(again.series(), size.series());
            assert_eq!(size.spec().map(|s| &s.name), VmSizeSpec::find(&shown).map(|s| &s.name));
            let _ = size.is_isolated();
        }
        Err(e) => {
            let _ = e.to_string();
            assert!(e.position() <= text.len());
        }
    }
});
