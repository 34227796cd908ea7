//! Table-driven scenarios for the selection functions, on the embedded catalog and on small
//! fixture catalogs.

// Memory figures are copied from the size data, so exact float equality is the right check.
#![allow(clippy::float_cmp)]

use aml_targets::fit::{
    FrameworkNeed, InferenceMisfit, InferenceMode, RejectionKind, TrainingMisfit,
    inference_memory_gib,
};
use aml_targets::gpu::FrameworkVersion;
use aml_targets::targets::Support;
use aml_targets::{
    ApiView, Catalog, ComputeKind, Date, DocEdition, Framework, GpuArchitecture, GpuCount,
    InferenceNeeds, InferenceTarget, RetirementState, SizeNeeds, TrainingNeeds, TrainingTarget,
    VmSizeSpec, inference_targets, recommend_sizes, training_targets,
};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn training_scenarios() {
    use TrainingTarget as T;
    let fitting = |needs: TrainingNeeds| -> Vec<T> {
        training_targets(&needs)
            .filter(aml_targets::fit::TrainingFit::fits)
            .map(|f| f.target)
            .collect()
    };
    let base = TrainingNeeds::default();
    // Automated ML, v2: everything with automated ML support.
    assert_eq!(
        fitting(TrainingNeeds {
            automated_ml: true,
            ..base
        }),
        [
            T::ComputeCluster,
            T::ServerlessCompute,
            T::ComputeInstance,
            T::RemoteVm,
            T::SparkPool,
            T::Databricks
        ]
    );
    // Designer.
    assert_eq!(
        fitting(TrainingNeeds {
            designer: true,
            ..base
        }),
        [
            T::ComputeCluster,
            T::ServerlessCompute,
            T::ComputeInstance,
            T::Kubernetes
        ]
    );
    // Pipelines, multi-node, managed: clusters and serverless.
    assert_eq!(
        fitting(TrainingNeeds {
            ml_pipelines: true,
            multi_node: true,
            managed_only: true,
            ..base
        }),
        [T::ComputeCluster, T::ServerlessCompute]
    );
    // Plain training, v1 view of Jan 2024: the local computer is there; Databricks is not a
    // remote target.
    let plain = TrainingNeeds {
        view: ApiView::V1,
        edition: DocEdition::Jan2024,
        ..base
    };
    let all: Vec<_> = training_targets(&plain).collect();
    assert_eq!(all.len(), 11);
    let db = all.iter().find(|f| f.target == T::Databricks).unwrap();
    assert!(db.misfits.contains(TrainingMisfit::NotRemoteTarget));
    assert!(
        all.iter()
            .find(|f| f.target == T::LocalComputer)
            .unwrap()
            .fits()
    );
    // Every misfit reason is kept.
    let k8s = training_targets(&TrainingNeeds {
        automated_ml: true,
        managed_only: true,
        ..base
    })
    .find(|f| f.target == T::Kubernetes)
    .unwrap();
    assert_eq!(
        k8s.misfits.iter().collect::<Vec<_>>(),
        [TrainingMisfit::AutomatedMl, TrainingMisfit::NotManaged]
    );
    // Qualified support is a caveat.
    let ci = training_targets(&TrainingNeeds {
        automated_ml: true,
        ..base
    })
    .find(|f| f.target == T::ComputeInstance)
    .unwrap();
    assert_eq!(ci.support, Support::ThroughSdk);
    assert_eq!(ci.caveats().collect::<Vec<_>>(), ["through SDK"]);
    let db = training_targets(&TrainingNeeds {
        automated_ml: true,
        ..base
    })
    .find(|f| f.target == T::Databricks)
    .unwrap();
    assert_eq!(db.caveats().count(), 2);
}

#[test]
fn inference_scenarios() {
    use InferenceTarget as I;
    let fitting = |needs: InferenceNeeds| -> Vec<(I, ApiView)> {
        inference_targets(&needs)
            .filter(aml_targets::fit::InferenceFit::fits)
            .map(|f| (f.target, f.view))
            .collect()
    };
    let base = InferenceNeeds::default();
    assert_eq!(
        fitting(base),
        [
            (I::Endpoints, ApiView::V2),
            (I::Kubernetes, ApiView::V2),
            (I::Kubernetes, ApiView::V1),
            (I::LocalWebService, ApiView::V1),
            (I::ContainerInstances, ApiView::V1)
        ]
    );
    assert_eq!(
        fitting(InferenceNeeds {
            mode: InferenceMode::Batch,
            ..base
        }),
        [(I::Endpoints, ApiView::V2), (I::Kubernetes, ApiView::V2)]
    );
    assert_eq!(
        fitting(InferenceNeeds {
            production: true,
            view: Some(ApiView::V1),
            ..base
        }),
        [(I::Kubernetes, ApiView::V1)]
    );
    // ACI: models under 1 GB, RAM (with 150 % headroom) under 48 GB, CPU only.
    let aci = |needs: InferenceNeeds| {
        inference_targets(&needs)
            .find(|f| f.target == I::ContainerInstances)
            .unwrap()
            .misfits
            .iter()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        aci(InferenceNeeds {
            model_size_gb: Some(0.9),
            model_ram_gb: Some(31.9),
            ..base
        }),
        []
    );
    assert_eq!(
        aci(InferenceNeeds {
            model_ram_gb: Some(32.0),
            ..base
        }),
        [InferenceMisfit::TooMuchRam]
    );
    assert_eq!(
        aci(InferenceNeeds {
            model_size_gb: Some(1.0),
            gpu: true,
            production: true,
            ..base
        }),
        [
            InferenceMisfit::DevTestOnly,
            InferenceMisfit::NoGpu,
            InferenceMisfit::ModelTooLarge
        ]
    );
    assert_eq!(
        aci(InferenceNeeds {
            mode: InferenceMode::Batch,
            ..base
        }),
        [InferenceMisfit::NoBatch]
    );
}

#[test]
fn size_scenarios_on_the_embedded_catalog() {
    let on = date("2026-11-26");
    let best = |needs: &SizeNeeds| {
        recommend_sizes(needs, Catalog::embedded(), on)
            .best()
            .map(|s| s.name.to_string())
    };
    let base = SizeNeeds::default();
    // Smallest that fits: memory first, among sizes known to be supported of series with no
    // retirement announced (A1_v2, D1_v2 and F2s_v2 retire in 2028, D2_v3 in 2029); of equal
    // figures the newer generation (v5 before v4).
    assert_eq!(best(&base).as_deref(), Some("Standard_D2ads_v5"));
    // 150 % of 10 GB = 13.97 GiB: the smallest with at least that is a 14 GiB size.
    let rec = recommend_sizes(
        &SizeNeeds {
            memory_gib: Some(inference_memory_gib(10.0)),
            ..base.clone()
        },
        Catalog::embedded(),
        on,
    );
    let first = rec.best().unwrap();
    // The 14 GiB sizes (DS11-1_v2, D11_v2, D3) are of series retiring in 2028.
    assert_eq!(first.memory_gib, 16.0);
    assert_eq!(
        first.name, "Standard_E2ads_v5",
        "16 GiB with the fewest vCPUs, newest generation"
    );
    assert_eq!(rec.candidates[0].retirement, RetirementState::Active);
    // GPUs.
    assert_eq!(
        best(&SizeNeeds {
            gpus: Some(GpuCount::whole(1)),
            ..base.clone()
        })
        .as_deref(),
        Some("Standard_NC4as_T4_v3")
    );
    // A fraction of a GPU: the smallest by memory is still the T4 (28 GiB < 55 GiB)...
    assert_eq!(
        best(&SizeNeeds {
            gpus: Some(GpuCount::new(1, 10)),
            ..base.clone()
        })
        .as_deref(),
        Some("Standard_NC4as_T4_v3")
    );
    // ...unless the model is asked for: "A10" is a word, it does not match the A100. The A10
    // series (NVadsA10_v5) is not on the page's list and Azure ML's listing offers it to
    // endpoints only: nothing confirms compute support, so the A10 sizes fit but rank last,
    // with `support` None.
    let a10 = SizeNeeds {
        gpus: Some(GpuCount::new(1, 10)),
        gpu_model: Some("a10".into()),
        ..base.clone()
    };
    let rec = recommend_sizes(&a10, Catalog::embedded(), on);
    assert_eq!(rec.best().unwrap().name, "Standard_NV6ads_A10_v5");
    assert!(rec.candidates.iter().all(|c| c.support.is_none()));
    assert_eq!(rec.candidates.len(), 6);
    assert!(
        rec.rejected
            .iter()
            .all(|r| !r.kinds.contains(RejectionKind::NotSupported))
    );
    assert_eq!(
        best(&SizeNeeds {
            gpus: Some(GpuCount::whole(8)),
            gpu_model: Some("a100".into()),
            ..base.clone()
        })
        .as_deref(),
        Some("Standard_ND96asr_v4")
    );
    assert_eq!(
        best(&SizeNeeds {
            gpus: Some(GpuCount::whole(1)),
            gpu_architecture: Some(GpuArchitecture::Hopper),
            ..base.clone()
        })
        .as_deref(),
        Some("Standard_NC40ads_H100_v5")
    );
    assert_eq!(
        best(&SizeNeeds {
            gpus: Some(GpuCount::whole(1)),
            gpu_memory_gib: Some(40.0),
            ..base.clone()
        })
        .as_deref(),
        Some("Standard_NC24ads_A100_v4")
    );
    // Framework: PyTorch 2.9 on the smallest GPU that runs one of its builds.
    let torch = FrameworkNeed::new(Framework::PyTorch, FrameworkVersion::new(2, 9));
    assert_eq!(
        best(&SizeNeeds {
            framework: Some(torch),
            ..base.clone()
        })
        .as_deref(),
        Some("Standard_NC4as_T4_v3")
    );
    // Isolated + RDMA + V100: the only one is NC24rs_v3, retired since 2025-09-30.
    // (ND96isr_H100_v5 is isolated and RDMA too, by its `i` and `r`: ask for a V100.)
    let strict = SizeNeeds {
        isolated: true,
        rdma: true,
        gpus: Some(GpuCount::whole(1)),
        gpu_model: Some("V100".into()),
        ..base.clone()
    };
    let rec = recommend_sizes(&strict, Catalog::embedded(), on);
    assert!(rec.best().is_none());
    let closest = rec.closest().unwrap();
    assert_eq!(closest.spec.name, "Standard_NC24rs_v3");
    assert_eq!(
        closest.kinds.iter().collect::<Vec<_>>(),
        [RejectionKind::Retired]
    );
    assert!(rec.relax().contains(&(RejectionKind::Retired, 1)));
    // The same in a region with a later NCv3 date, before it.
    let gov = SizeNeeds {
        region: Some("usgovvirginia".into()),
        ..strict
    };
    let rec = recommend_sizes(&gov, Catalog::embedded(), date("2026-01-01"));
    assert_eq!(rec.best().unwrap().name, "Standard_NC24rs_v3");
    assert!(rec.candidates[0].retirement.date().is_some());
}

#[test]
fn compute_kind_and_retiring_preference() {
    let on = date("2026-01-01");
    let base = SizeNeeds {
        vcpus: Some(4),
        memory_gib: Some(80.0),
        ..SizeNeeds::default()
    };
    // FX is clusters only.
    let fx = VmSizeSpec::find("Standard_FX4mds").unwrap().clone();
    let d = VmSizeSpec::find("Standard_D32ds_v5").unwrap().clone();
    let nvv3 = VmSizeSpec::find("Standard_NV12s_v3").unwrap().clone(); // retiring 2026-09-30
    let catalog = Catalog::new(vec![fx, d, nvv3]);
    let instance = SizeNeeds {
        compute: Some(ComputeKind::ComputeInstance),
        ..base.clone()
    };
    let rec = recommend_sizes(&instance, &catalog, on);
    let rejected_fx = rec
        .rejected
        .iter()
        .find(|r| r.spec.name == "Standard_FX4mds")
        .unwrap();
    assert_eq!(
        rejected_fx.kinds.iter().collect::<Vec<_>>(),
        [RejectionKind::WrongCompute]
    );
    assert_eq!(
        rejected_fx.reasons(&instance, on)[0].to_string(),
        "not for compute-instance (supported by: clusters-only)"
    );
    // NV12s_v3 (112 GiB) is smaller than D32ds_v5 (128 GiB), but NVv3 is retiring, so it ranks
    // after every size that is not.
    let cluster = SizeNeeds {
        compute: Some(ComputeKind::ComputeCluster),
        ..base
    };
    let rec = recommend_sizes(&cluster, &catalog, on);
    let names: Vec<_> = rec
        .candidates
        .iter()
        .map(|c| c.spec.name.to_string())
        .collect();
    assert_eq!(
        names,
        ["Standard_FX4mds", "Standard_D32ds_v5", "Standard_NV12s_v3"]
    );
}

#[test]
fn scale_out_advice() {
    let on = date("2026-11-26");
    let needs = SizeNeeds {
        memory_gib: Some(inference_memory_gib(4.0)),
        concurrency: Some(10),
        ..SizeNeeds::default()
    };
    let rec = recommend_sizes(&needs, Catalog::embedded(), on);
    let best = rec.best().unwrap();
    assert_eq!(best.memory_gib, 8.0);
    let s = rec.scale_out.unwrap();
    // 150 % of 4 GB = 5.59 GiB per copy: one copy per 8 GiB instance, ten instances.
    assert_eq!((s.copies_per_instance, s.instances), (1, 10));
    let no_ram = SizeNeeds {
        concurrency: Some(3),
        ..SizeNeeds::default()
    };
    let s = recommend_sizes(&no_ram, Catalog::embedded(), on)
        .scale_out
        .unwrap();
    assert_eq!((s.copies_per_instance, s.instances), (1, 3));
    assert!(
        recommend_sizes(&SizeNeeds::default(), Catalog::embedded(), on)
            .scale_out
            .is_none()
    );
}

#[test]
fn every_rejection_reason_is_reported() {
    let on = date("2026-11-26");
    let needs = SizeNeeds {
        memory_gib: Some(1000.0),
        vcpus: Some(200),
        gpus: Some(GpuCount::whole(2)),
        gpu_model: Some("H100".into()),
        gpu_architecture: Some(GpuArchitecture::Hopper),
        gpu_memory_gib: Some(80.0),
        cuda: Some("13.0".parse().unwrap()),
        framework: Some(FrameworkNeed::new(
            Framework::PyTorch,
            FrameworkVersion::new(2, 9),
        )),
        compute: Some(ComputeKind::ComputeInstance),
        isolated: true,
        rdma: true,
        ..SizeNeeds::default()
    };
    let rec = recommend_sizes(&needs, Catalog::embedded(), on);
    let nc6 = rec
        .rejected
        .iter()
        .find(|r| r.spec.name == "Standard_NC6")
        .unwrap();
    let reasons: Vec<String> = nc6
        .reasons(&needs, on)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        reasons,
        [
            "retired since 2023-08-31",
            "too little memory: 56 GiB, needs 1000 GiB",
            "too few vCPUs: 6, needs 200",
            "too few GPUs: 1, needs 2",
            "GPU is NVIDIA Tesla K80, needs H100",
            "GPU architecture Kepler is older than Hopper",
            "too little GPU memory: 12 GiB, needs 80 GiB",
            "CUDA: above the maximum: CUDA 6.0 to 11.8",
            "no CUDA build of pytorch 2.9 runs on the GPU",
            "not an isolated size",
            "not RDMA capable",
        ]
    );
    let nvv4 = Catalog::new(vec![VmSizeSpec::find("Standard_NC6").unwrap().clone()]);
    assert_eq!(nvv4.len(), 1);
    // An AMD GPU where CUDA is needed, from a listing of NVv4.
    #[cfg(feature = "json")]
    {
        let listing = r#"[{"name": "Standard_NV4as_v4", "vCPUs": 4, "gpus": 1, "memoryGB": 14}]"#;
        let amd = Catalog::from_json(listing, "test").unwrap();
        let cuda_needs = SizeNeeds {
            cuda: Some("11.0".parse().unwrap()),
            ..SizeNeeds::default()
        };
        let rec = recommend_sizes(&cuda_needs, &amd, date("2026-01-01"));
        let kinds: Vec<_> = rec.rejected[0].kinds.iter().collect();
        // Support unknown (no `supportedComputeTypes`, not on the page's list) is no reason.
        assert_eq!(kinds, [RejectionKind::NotNvidia]);
    }
}

#[test]
fn current_generations_rank_first() {
    let on = date("2026-11-27");
    let needs = SizeNeeds {
        vcpus: Some(8),
        memory_gib: Some(32.0),
        ..SizeNeeds::default()
    };
    let rec = recommend_sizes(&needs, Catalog::embedded(), on);
    let names: Vec<&str> = rec.candidates.iter().map(|c| &*c.spec.name).collect();
    // v5 sizes Azure ML's listing offers first; the v4 sizes of the same figures next.
    assert_eq!(
        &names[..3],
        ["Standard_D8ads_v5", "Standard_D8d_v5", "Standard_D8ds_v5"]
    );
    let pos = |n: &str| names.iter().position(|x| *x == n).unwrap();
    assert!(pos("Standard_D8ds_v5") < pos("Standard_D8ds_v4"));
    // A series with an announced retirement ranks after every one without (Dsv3: 2029).
    let known = rec.candidates.iter().take_while(|c| c.support.is_some());
    let states: Vec<bool> = known
        .map(|c| c.retirement == RetirementState::Active)
        .collect();
    assert!(
        states.windows(2).all(|w| w[0] || !w[1]),
        "active, then retiring"
    );
    let d8s_v3 = pos("Standard_D8s_v3");
    assert!(matches!(
        rec.candidates[d8s_v3].retirement,
        RetirementState::Retiring { .. }
    ));
    // Sizes nothing confirms Azure ML offers (v6, no temp disk) rank last, after retiring ones.
    let d8s_v6 = pos("Standard_D8s_v6");
    assert!(d8s_v6 > d8s_v3);
    assert_eq!(rec.candidates[d8s_v6].support, None);
    assert!(rec.candidates[0].support.is_some());
    // With the region's own listing, its `supportedComputeTypes` decides.
    #[cfg(feature = "json")]
    {
        let listing = r#"[{"name": "Standard_D8s_v6", "vCPUs": 8, "gpus": 0, "memoryGB": 32,
            "supportedComputeTypes": ["AmlCompute", "ComputeInstance"]},
            {"name": "Standard_D8s_v3", "vCPUs": 8, "gpus": 0, "memoryGB": 32,
            "supportedComputeTypes": ["AmlCompute", "ComputeInstance"]}]"#;
        let region = Catalog::from_json(listing, "westeurope").unwrap();
        let rec = recommend_sizes(&needs, &region, on);
        assert_eq!(rec.best().unwrap().name, "Standard_D8s_v6");
    }
}

#[test]
fn messages_round_to_what_a_person_reads() {
    let on = date("2026-11-26");
    let needs = SizeNeeds::default()
        .memory_gib(inference_memory_gib(53.3))
        .gpus(GpuCount::new(1, 3));
    let rec = recommend_sizes(&needs, Catalog::embedded(), on);
    let small = rec
        .rejected
        .iter()
        .find(|r| r.spec.name == "Standard_NC4as_T4_v3")
        .unwrap();
    let reasons: Vec<String> = small
        .reasons(&needs, on)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(reasons, ["too little memory: 28 GiB, needs 74.5 GiB"]);
    // A third of a GPU is exact: the NV12ads_A10_v5's 1/3 of an A10 fits.
    assert!(
        rec.candidates
            .iter()
            .any(|c| c.spec.name == "Standard_NV12ads_A10_v5")
    );
}

#[test]
fn gpu_sizes_only_when_a_gpu_is_asked_for() {
    let on = date("2026-11-27");
    // 28 GiB: the T4 size has exactly that, but nobody asked for a GPU.
    let cpu = SizeNeeds::default().memory_gib(inference_memory_gib(20.0));
    let best = recommend_sizes(&cpu, Catalog::embedded(), on);
    assert!(best.best().unwrap().gpus.is_zero(), "{:?}", best.best());
    // 32 GiB on 4 vCPUs, current generation, a full size (not a constrained E4-2as_v4).
    assert_eq!(best.best().unwrap().name, "Standard_E4ads_v5");
    let gpu = cpu.clone().gpus(1);
    let best = recommend_sizes(&gpu, Catalog::embedded(), on);
    assert_eq!(best.best().unwrap().name, "Standard_NC4as_T4_v3");
}
