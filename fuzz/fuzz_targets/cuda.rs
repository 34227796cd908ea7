//! CUDA versions, ranges, requirements, drivers, framework versions, compute capabilities and
//! environment-name hints: no panics; what parses round-trips through its printed form.
#![no_main]

use aml_targets::{CudaRequirement, CudaVersion, DocEdition, VmSeries};
use aml_targets::gpu::{ComputeCapability, CudaRange, DriverVersion, FrameworkVersion, environment_hints};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(v) = text.parse::<CudaVersion>() {
        assert_eq!(v.to_string().parse::<CudaVersion>().unwrap(), v);
        let _ = v.min_linux_driver();
    }
    if let Ok(r) = text.parse::<CudaRange>() {
        assert_eq!(r.to_string().parse::<CudaRange>().unwrap(), r);
    }
    if let Ok(req) = text.parse::<CudaRequirement>() {
        let _ = req.to_string();
        for series in [VmSeries::NC, VmSeries::NCasT4_v3, VmSeries::NVv4, VmSeries::Dv3] {
            let _ = series.cuda_verdict_for(&req, DocEdition::LATEST);
        }
    }
    if let Ok(d) = text.parse::<DriverVersion>() {
        assert_eq!(d.to_string().parse::<DriverVersion>().unwrap(), d);
        let _ = d.runs(CudaVersion::new(12, 4));
    }
    if let Ok(f) = text.parse::<FrameworkVersion>() {
        assert_eq!(f.to_string().parse::<FrameworkVersion>().unwrap(), f);
    }
    if let Ok(c) = text.parse::<ComputeCapability>() {
        assert_eq!(c.to_string().parse::<ComputeCapability>().unwrap(), c);
    }
    let _ = environment_hints(text);
});
