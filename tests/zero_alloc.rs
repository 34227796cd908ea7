//! The hot paths allocate nothing on success, proved with a counting global allocator.
//!
//! This file holds a single test so that no other test allocates while it counts, and the
//! counter is per thread: the test harness's own threads (its timers, its output) may
//! allocate at any time, on a loaded machine in the middle of a measurement.

// A global allocator cannot be written without `unsafe`; it only forwards to `System`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use aml_targets::fit::InferenceMode;
use aml_targets::gpu::{DriverVersion, FrameworkVersion, environment_hints};
use aml_targets::{
    ApiView, Catalog, CudaRequirement, CudaVersion, Date, DocEdition, Framework, InferenceNeeds,
    TrainingNeeds, VmSeries, VmSize, VmSizeSpec, inference_targets, training_targets,
};

struct Counting;

thread_local! {
    /// Allocations made by this thread (const-initialised: reading it never allocates).
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

fn counted() -> usize {
    ALLOCATIONS.with(Cell::get)
}

// SAFETY: every method forwards to the system allocator unchanged; it only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's arguments.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[track_caller]
fn allocations<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = counted();
    let r = std::hint::black_box(f());
    (counted() - before, r)
}

#[test]
fn hot_paths_allocate_nothing() {
    // Canary: a known allocation is counted.
    let (n, v) = allocations(|| vec![1u8; 16]);
    assert!(n >= 1, "the counter does not count");
    drop(v);

    let on = Date::from_unix_days(20_000).unwrap();
    let names: Vec<String> = Catalog::embedded()
        .sizes()
        .iter()
        .map(|s| s.name.to_ascii_uppercase())
        .collect();
    for name in &names {
        let (n, found) = allocations(|| {
            let size = VmSize::parse(name).unwrap();
            let series = size.series();
            let spec = size.spec();
            let by_name = VmSizeSpec::find(name);
            let isolated = size.is_isolated();
            let state = series.map(|s| s.retirement_state(on));
            let gpu = series.and_then(VmSeries::gpu);
            (
                spec.is_some() && by_name.is_some(),
                isolated,
                state,
                gpu.is_some(),
            )
        });
        assert_eq!(n, 0, "{name}");
        assert!(found.0);
    }
    let (n, _) = allocations(|| {
        let s: VmSeries = "nct4_v3".parse().unwrap();
        let d: Date = "2025-09-30".parse().unwrap();
        (
            s.page_cuda_min(DocEdition::LATEST),
            s.retirement_state_in("usgovvirginia", d),
            VmSeries::listed(DocEdition::LATEST).count(),
            aml_targets::TrainingTarget::listed(DocEdition::LATEST, aml_targets::ApiView::V2)
                .count(),
        )
    });
    assert_eq!(n, 0);

    // CUDA verdicts, drivers, framework builds and name hints, inputs already parsed.
    let req = CudaRequirement::from(semver::VersionReq::parse(">=11.0, <13").unwrap());
    let cuda = CudaVersion::new(12, 1);
    let driver: DriverVersion = "525.60.13".parse().unwrap();
    let size: VmSize = "Standard_NC24rs_v3".parse().unwrap();
    let torch = FrameworkVersion::new(2, 1);
    for &series in VmSeries::ALL {
        let (n, _) = allocations(|| {
            let version = series.cuda_verdict(cuda, DocEdition::LATEST);
            let requirement = series.cuda_verdict_for(&req, DocEdition::LATEST);
            let running = series
                .framework_builds(Framework::PyTorch, torch)
                .map(|builds| builds.filter(|b| b.runs == Some(true)).count());
            let newest = series.newest_framework_build(Framework::TensorFlow);
            (version, requirement.runs(), running, newest)
        });
        assert_eq!(n, 0, "{series}");
    }
    let (n, _) = allocations(|| {
        (
            size.cuda_verdict(Catalog::embedded(), cuda, DocEdition::LATEST),
            driver.runs(cuda),
            cuda.min_linux_driver(),
            environment_hints("AzureML-ACPT-pytorch-1.13-py38-cuda11.7-gpu"),
            environment_hints("torch==2.1.0+cu121"),
        )
    });
    assert_eq!(n, 0);

    // Target selection: iterators over the page's tables.
    for view in [ApiView::V1, ApiView::V2] {
        let training = TrainingNeeds {
            automated_ml: true,
            ml_pipelines: true,
            managed_only: true,
            view,
            ..TrainingNeeds::default()
        };
        let inference = InferenceNeeds {
            mode: InferenceMode::Batch,
            model_size_gb: Some(2.0),
            model_ram_gb: Some(40.0),
            production: true,
            view: Some(view),
            ..InferenceNeeds::default()
        };
        let (n, counts) = allocations(|| {
            let fits = training_targets(&training)
                .filter(aml_targets::fit::TrainingFit::fits)
                .count();
            let reasons: usize = training_targets(&training).map(|f| f.misfits.len()).sum();
            let caveats: usize = training_targets(&training)
                .map(|f| f.caveats().count())
                .sum();
            let deploy = inference_targets(&inference)
                .filter(aml_targets::fit::InferenceFit::fits)
                .count();
            let misfits: usize = inference_targets(&inference).map(|f| f.misfits.len()).sum();
            (fits, reasons, caveats, deploy, misfits)
        });
        assert_eq!(n, 0, "{view}");
        assert!(
            counts.0 > 0 && counts.1 > 0 && counts.3 + counts.4 > 0,
            "{counts:?}"
        );
    }
    // Catalog::lookup: parse and find in one.
    let (n, found) = allocations(|| Catalog::embedded().lookup("STANDARD_NC24RS_V3").is_some());
    assert_eq!(n, 0);
    assert!(found);
    // A recommendation allocates its answer's two vectors and nothing else once its thread
    // has made one (the buffers it reuses are kept per thread).
    let needs = aml_targets::SizeNeeds::default()
        .memory_gib(16.0)
        .gpus(1)
        .cuda(CudaVersion::new(12, 4))
        .compute(aml_targets::ComputeKind::ComputeInstance);
    let on: Date = "2026-12-07".parse().unwrap();
    let first = aml_targets::recommend_sizes(&needs, Catalog::embedded(), on);
    let (n, rec) = allocations(|| aml_targets::recommend_sizes(&needs, Catalog::embedded(), on));
    assert_eq!(n, 2, "the candidates and the rejected sizes");
    assert_eq!(rec, first);
    assert!(!rec.candidates.is_empty() && !rec.rejected.is_empty());
}
