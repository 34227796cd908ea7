//! Benchmarks of the matching core, with no benchmark framework.
//!
//! `cargo bench --bench matching [-- FILTER]` calibrates each case to about 2 ms per sample,
//! takes 31 samples and prints `bench <case> median_ns=<n> mad_ns=<n> iters=<n>` (time per
//! iteration). Without `--bench` (as under `cargo test --benches`) each case runs once and
//! prints `bench <case> ok`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use aml_targets::{Catalog, CudaVersion, Date, DocEdition, VmSeries, VmSize, VmSizeSpec};

const SAMPLES: usize = 31;
const SAMPLE_TARGET: Duration = Duration::from_millis(2);

struct Runner {
    measure: bool,
    filter: Option<String>,
}

impl Runner {
    fn from_args() -> Runner {
        let mut measure = false;
        let mut filter = None;
        for arg in std::env::args().skip(1) {
            match arg.as_str() {
                "--bench" => measure = true,
                a if a.starts_with('-') => {}
                a => filter = Some(a.to_owned()),
            }
        }
        Runner { measure, filter }
    }

    fn case<R>(&self, name: &str, mut f: impl FnMut() -> R) {
        if self
            .filter
            .as_deref()
            .is_some_and(|flt| !name.contains(flt))
        {
            return;
        }
        if !self.measure {
            black_box(f());
            println!("bench {name} ok");
            return;
        }
        // Calibrate: double the iteration count until one sample takes the target time.
        let mut iters: u64 = 1;
        loop {
            let start = Instant::now();
            for _ in 0..iters {
                black_box(f());
            }
            if start.elapsed() >= SAMPLE_TARGET || iters >= 1 << 30 {
                break;
            }
            iters *= 2;
        }
        let mut per_iter: Vec<f64> = (0..SAMPLES)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..iters {
                    black_box(f());
                }
                // Iteration counts stay below 2^31, exact in an f64.
                #[allow(clippy::cast_precision_loss)]
                let iters = iters as f64;
                start.elapsed().as_secs_f64() * 1e9 / iters
            })
            .collect();
        per_iter.sort_by(f64::total_cmp);
        let median = per_iter[SAMPLES / 2];
        let mut deviations: Vec<f64> = per_iter.iter().map(|x| (x - median).abs()).collect();
        deviations.sort_by(f64::total_cmp);
        let mad = deviations[SAMPLES / 2];
        println!("bench {name} median_ns={median:.1} mad_ns={mad:.1} iters={iters}");
    }
}

fn main() {
    let r = Runner::from_args();
    let on = Date::parse("2026-11-26").unwrap();

    r.case("parse_size/plain", || {
        VmSize::parse(black_box("Standard_NC24rs_v3"))
    });
    r.case("parse_size/odd_case", || {
        VmSize::parse(black_box("STANDARD_nd96AMSR_a100_V4"))
    });
    r.case("parse_size/unknown_series", || {
        VmSize::parse(black_box("Standard_ND128isr_GB300_v7"))
    });
    r.case("parse_size/invalid", || {
        VmSize::parse(black_box("Standard_NC24rs_v")).is_err()
    });
    r.case("lookup/by_name", || {
        VmSizeSpec::find(black_box("standard_nc24rs_v3"))
    });
    r.case("parse_and_lookup", || {
        VmSize::parse(black_box("Standard_NC24rs_v3"))
            .ok()
            .and_then(|s| s.spec())
    });
    let size = VmSize::parse("Standard_ND96asr_v4").unwrap();
    r.case("classify_series", || black_box(size).series());
    r.case("retirement_state", || {
        black_box(VmSeries::NCv3).retirement_state(black_box(on))
    });
    r.case("cuda_verdict", || {
        black_box(VmSeries::NC).cuda_verdict(black_box(CudaVersion::new(12, 1)), DocEdition::LATEST)
    });
    r.case("catalog/scan_embedded", || {
        Catalog::embedded()
            .sizes()
            .iter()
            .filter(|s| s.memory_gib >= 64.0 && !s.gpus.is_zero())
            .count()
    });
}
