//! Hostile input: parsers never panic on any string, stay linear on 1 MB inputs, reject
//! impossible values naming the field, and serializable types round-trip.

use std::time::{Duration, Instant};

use aml_targets::date::ParseDateError;
use aml_targets::gpu::{
    ComputeCapability, CudaRange, DriverVersion, FrameworkVersion, ParseCudaVersionError,
    environment_hints,
};
use aml_targets::vm::ParseVmSizeError;
use aml_targets::{CudaRequirement, CudaVersion, Date, ParseNameError, VmSeries, VmSize};

/// Every error type is a well-behaved error: `Send + Sync + 'static + Error + Display`.
#[test]
fn error_types_are_send_sync_static() {
    fn check<E: std::error::Error + Send + Sync + 'static>() {}
    check::<ParseNameError>();
    check::<ParseDateError>();
    check::<ParseCudaVersionError>();
    check::<aml_targets::gpu::ParseCudaRangeError>();
    check::<aml_targets::gpu::ParseDriverVersionError>();
    check::<aml_targets::gpu::ParseFrameworkVersionError>();
    check::<aml_targets::gpu::ParseComputeCapabilityError>();
    check::<ParseVmSizeError>();
    check::<aml_targets::plan::PlanError>();
    #[cfg(feature = "serde")]
    check::<aml_targets::vm::CatalogError>();
    // Boxed as `dyn Error` they keep their message.
    let e: Box<dyn std::error::Error + Send + Sync> = Box::new("x".parse::<VmSize>().unwrap_err());
    assert_eq!(
        e.to_string(),
        "invalid VM size name \"x\" at byte 0: expected the tier prefix \"Standard_\" or \"Basic_\""
    );
    assert!(e.source().is_none());
}

/// Runs `f` on a 1 MB input and on a 100 kB one: a parser that backtracks pathologically
/// takes hours on 1 MB; a linear one takes milliseconds. The bound is loose on purpose.
#[track_caller]
fn linear(name: &str, make: impl Fn(usize) -> String, f: impl Fn(&str)) {
    let big = make(1 << 20);
    let start = Instant::now();
    f(&big);
    let elapsed = start.elapsed();
    assert!(
        elapsed < Duration::from_secs(10),
        "{name}: 1 MB took {elapsed:?}"
    );
}

#[test]
fn parsers_stay_linear_on_one_megabyte() {
    let repeat = |unit: &'static str| move |n: usize| unit.repeat(n / unit.len());
    linear("VmSize", repeat("Standard_NC24rs_v3_"), |s| {
        let e = VmSize::parse(s).unwrap_err();
        assert!(e.to_string().contains("the limit is 64"));
    });
    linear("VmSize non-ASCII", repeat("é"), |s| {
        assert!(VmSize::parse(s).is_err());
    });
    linear("VmSeries", repeat("NC"), |s| {
        assert!(s.parse::<VmSeries>().is_err());
    });
    linear("Date", repeat("2025-"), |s| {
        assert!(s.parse::<Date>().is_err());
    });
    linear("CudaVersion", repeat("1."), |s| {
        assert!(s.parse::<CudaVersion>().is_err());
    });
    linear("CudaRange", repeat(">=1, "), |s| {
        assert!(s.parse::<CudaRange>().is_err());
    });
    linear("CudaRequirement", repeat(">=1, <2, "), |s| {
        let _ = s.parse::<CudaRequirement>();
    });
    linear("DriverVersion", repeat("9"), |s| {
        assert!(s.parse::<DriverVersion>().is_err());
    });
    linear("FrameworkVersion", repeat("2.1"), |s| {
        assert!(s.parse::<FrameworkVersion>().is_err());
    });
    linear("ComputeCapability", repeat("sm_"), |s| {
        assert!(s.parse::<ComputeCapability>().is_err());
    });
    linear("environment_hints", repeat("cuda-pytorch-cu1-"), |s| {
        let _ = environment_hints(s);
    });
    #[cfg(feature = "json")]
    {
        linear(
            "Plan JSON",
            |n| {
                format!(
                    "{{\"jobs\": [{}]}}",
                    "{\"name\": \"a\", \"target\": \"b\"},".repeat(n / 32)
                )
            },
            |s| {
                let _ = aml_targets::Plan::from_json(s);
            },
        );
        linear(
            "Plan JSON nesting",
            |n| "[".repeat(n),
            |s| {
                assert!(aml_targets::Plan::from_json(s).is_err());
            },
        );
        linear(
            "list-sizes JSON",
            |n| {
                format!(
                    "[{}]",
                    "{\"name\": \"Standard_D2s_v3\", \"vCPUs\": 2, \"gpus\": 0, \"memoryGB\": 8},"
                        .repeat(n / 72)
                )
            },
            |s| {
                let _ = aml_targets::Catalog::from_json(s, "t");
            },
        );
    }
    #[cfg(feature = "toml")]
    {
        linear(
            "Plan TOML",
            |n| "[[jobs]]\nname = \"a\"\ntarget = \"b\"\n".repeat(n / 30),
            |s| {
                let _ = aml_targets::Plan::from_toml(s);
            },
        );
        linear(
            "Plan TOML nesting",
            |n| format!("a = {}", "[".repeat(n)),
            |s| {
                assert!(aml_targets::Plan::from_toml(s).is_err());
            },
        );
    }
    #[cfg(feature = "yaml")]
    {
        linear(
            "Azure ML YAML",
            |n| format!("type: amlcompute\nsize: {}\n", "x".repeat(n)),
            |s| {
                let _ = aml_targets::AzureMlProject::from_sources([("a.yml", s)]).check(Date::MIN);
            },
        );
        linear(
            "a diff where every line changes",
            |n| "vm_size = 'Standard_NC6'\n".repeat(n / 25),
            |s| {
                let fixed = s.replace("NC6", "NC8as_T4_v3");
                let diff =
                    aml_targets::project::unified_diff(std::path::Path::new("a.py"), s, &fixed);
                assert!(diff.starts_with("--- a/a.py\n"));
            },
        );
        linear(
            "one line of suppression comments",
            |n| "# aml: ignore[retired-series] ".repeat(n / 30),
            |s| {
                let _ = aml_targets::AzureMlProject::from_sources([("a.py", s)]).check(Date::MIN);
            },
        );
        linear(
            "one line of unclosed suppression comments",
            |n| "# aml: ignore[retired-series ".repeat(n / 29),
            |s| {
                let _ = aml_targets::AzureMlProject::from_sources([("a.py", s)]).check(Date::MIN);
            },
        );
        linear(
            "one line of v1 CLI commands",
            |n| "x az ml computetarget ".repeat(n / 22),
            |s| {
                let _ = aml_targets::AzureMlProject::from_sources([("a.sh", s)]).check(Date::MIN);
            },
        );
        linear(
            "R Markdown of prose uses and chunks",
            |n| "library(azuremlsdk)\n```{r}\nx <- 1\n```\n".repeat(n / 38),
            |s| {
                let _ = aml_targets::AzureMlProject::from_sources([("a.Rmd", s)]).check(Date::MIN);
            },
        );
        linear(
            "pipeline inputs passed and defaulted",
            |n| {
                let unit = "  i: {default: Standard_NC6}\n  instance_type: ${{parent.inputs.i}}\n";
                format!("inputs:\n{}", unit.repeat(n / unit.len()))
            },
            |s| {
                let _ = aml_targets::AzureMlProject::from_sources([("a.yml", s)]).check(Date::MIN);
            },
        );
        linear(
            "Azure ML YAML nesting",
            |n| format!("azureml: {}", "[".repeat(n / 2)),
            |s| {
                let _ = aml_targets::AzureMlProject::from_sources([("a.yml", s)]).check(Date::MIN);
            },
        );
    }
}

#[cfg(all(feature = "json", feature = "toml"))]
#[test]
fn impossible_values_are_errors_naming_the_field() {
    use aml_targets::Plan;
    let cases = [
        (
            r#"{"deployments": [{"name": "d", "target": "endpoints", "model_size_gb": -1}]}"#,
            "deployments[0].model_size_gb: expected a finite number, 0 or more, got -1",
        ),
        (
            r#"{"deployments": [{"name": "d", "target": "endpoints", "model_ram_gb": 1e999}]}"#,
            "deployments[0].model_ram_gb",
        ),
        (
            r#"{"deployments": [{"name": "d", "target": "endpoints", "instance_count": 0}]}"#,
            "deployments[0].instance_count: expected 1 or more, got 0",
        ),
        (
            r#"{"jobs": [{"name": "j", "target": "c", "instance_count": 0}]}"#,
            "jobs[0].instance_count: expected 1 or more, got 0",
        ),
        (
            r#"{"compute": [{"name": "c", "kind": "compute-cluster", "max_instances": 0}]}"#,
            "compute[0].max_instances: expected 1 or more, got 0",
        ),
        (
            r#"{"compute": [{"name": "c", "kind": "compute-cluster", "min_instances": -2}]}"#,
            "compute[0].min_instances: invalid value: integer `-2`, expected u32",
        ),
    ];
    for (json, message) in cases {
        let err = Plan::from_json(json).unwrap_err().to_string();
        assert!(err.starts_with(message), "{json}: {err}");
    }
    let toml_cases = [
        (
            "[[deployments]]\nname = \"d\"\ntarget = \"endpoints\"\nmodel_size_gb = nan\n",
            "deployments[0].model_size_gb",
            "got NaN",
        ),
        (
            "[[deployments]]\nname = \"d\"\ntarget = \"endpoints\"\nmodel_ram_gb = -inf\n",
            "deployments[0].model_ram_gb",
            "got -inf",
        ),
        (
            "[[deployments]]\nname = \"d\"\ntarget = \"endpoints\"\nmodel_ram_gb = inf\n",
            "deployments[0].model_ram_gb",
            "got inf",
        ),
    ];
    for (toml, path, detail) in toml_cases {
        let err = Plan::from_toml(toml).unwrap_err();
        assert_eq!(err.path(), path, "{toml}");
        assert!(err.message().contains(detail), "{err}");
    }
    // Needs read from text, too.
    let err = serde_json::from_str::<aml_targets::SizeNeeds>(r#"{"memory_gib": -4}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("expected a finite number, 0 or more, got -4"),
        "{err}"
    );
    let err = serde_json::from_str::<aml_targets::SizeNeeds>(r#"{"concurrency": 0}"#).unwrap_err();
    assert!(
        err.to_string().starts_with("expected 1 or more, got 0"),
        "{err}"
    );
    let err = serde_json::from_str::<aml_targets::SizeNeeds>(r#"{"gpu": true}"#).unwrap_err();
    assert!(err.to_string().starts_with("unknown field `gpu`"), "{err}");
    // Dates that do not exist.
    assert_eq!(
        "2025-02-30".parse::<Date>().unwrap_err().to_string(),
        "invalid date \"2025-02-30\": day 30 does not exist, that month has 28 days"
    );
    // Needs built in code with NaN are never met: every size is rejected, none recommended.
    let needs = aml_targets::SizeNeeds {
        memory_gib: Some(f64::NAN),
        ..Default::default()
    };
    let rec = aml_targets::recommend_sizes(&needs, aml_targets::Catalog::embedded(), Date::MIN);
    assert!(rec.best().is_none());
    // A GPU count is exact by type (no NaN); more GPUs than any size has fits nothing.
    let needs = aml_targets::SizeNeeds::default().gpus(u16::MAX);
    assert!(
        aml_targets::recommend_sizes(&needs, aml_targets::Catalog::embedded(), Date::MIN)
            .best()
            .is_none()
    );
}

#[cfg(any(feature = "json", feature = "toml", feature = "yaml"))]
mod text_formats {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn text_formats_never_panic(s in "\\PC{0,200}") {
            #[cfg(feature = "json")]
            {
                let _ = aml_targets::Plan::from_json(&s);
                let _ = aml_targets::Catalog::from_json(&s, "t");
            }
            #[cfg(feature = "toml")]
            let _ = aml_targets::Plan::from_toml(&s);
            #[cfg(feature = "yaml")]
            let _ = aml_targets::AzureMlProject::from_sources([("a.yml", s.as_str())]).check(Date::MIN);
        }

        #[test]
        fn text_formats_never_panic_near_valid_input(cut in 0usize..2000, junk in "\\PC{0,8}") {
            for text in [
                include_str!("../examples/plan.toml"),
                include_str!("data/list-sizes.json"),
                include_str!("../examples/azureml/cli/jobs/single-step/pytorch/train-k80.yml"),
            ] {
                let mut cut = cut.min(text.len());
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let s = format!("{}{junk}{}", &text[..cut], &text[cut..]);
                #[cfg(feature = "json")]
                {
                    let _ = aml_targets::Plan::from_json(&s);
                    let _ = aml_targets::Catalog::from_json(&s, "t");
                }
                #[cfg(feature = "toml")]
                if let Ok(plan) = aml_targets::Plan::from_toml(&s) {
                    let _ = aml_targets::validate(&plan, Date::MIN);
                }
                #[cfg(feature = "yaml")]
                let _ = aml_targets::AzureMlProject::from_sources([("a.yml", s.as_str())]).check(Date::MIN);
            }
        }
    }
}

#[cfg(all(feature = "json", feature = "toml"))]
mod round_trips {
    use aml_targets::fit::{FrameworkNeed, InferenceMode};
    use aml_targets::gpu::FrameworkVersion;
    use aml_targets::plan::Tier;
    use aml_targets::{
        ApiView, ComputeDef, ComputeKind, CudaRequirement, DeploymentDef, DocEdition, Framework,
        GpuCount, InferenceNeeds, InferenceTarget, JobDef, Plan, SizeNeeds, TrainingNeeds,
    };
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = String> {
        "\\PC{0,12}"
    }

    fn quantity() -> impl Strategy<Value = Option<f64>> {
        proptest::option::of(prop_oneof![Just(0.0), 0.001f64..1e6])
    }

    fn count() -> impl Strategy<Value = Option<u32>> {
        proptest::option::of(1u32..1000)
    }

    fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
        (0..all.len()).prop_map(move |i| all[i])
    }

    fn cuda() -> impl Strategy<Value = Option<CudaRequirement>> {
        proptest::option::of(prop_oneof![
            Just("12.1"),
            Just("11.8.0"),
            Just(">=9.0, <=11.8"),
            Just(">=12.0"),
            Just("^12"),
            Just(">=11.8, <13")
        ])
        .prop_map(|c| c.map(|c| c.parse().unwrap()))
    }

    fn framework() -> impl Strategy<Value = Option<FrameworkNeed>> {
        proptest::option::of((
            pick(Framework::ALL),
            0u16..10,
            0u16..30,
            proptest::option::of(0u16..9),
        ))
        .prop_map(|f| {
            f.map(|(fw, a, b, c)| {
                FrameworkNeed::new(
                    fw,
                    match c {
                        Some(c) => FrameworkVersion::with_patch(a, b, c),
                        None => FrameworkVersion::new(a, b),
                    },
                )
            })
        })
    }

    fn compute() -> impl Strategy<Value = ComputeDef> {
        (
            name(),
            pick(ComputeKind::ALL),
            proptest::option::of(name()),
            proptest::option::of(pick(Tier::ALL)),
            (
                proptest::option::of(0u32..100),
                count(),
                proptest::option::of(0u64..1 << 40),
                proptest::option::of(0u64..10_000),
            ),
            any::<bool>(),
            proptest::option::of(name()),
        )
            .prop_map(
                |(name, kind, size, tier, (min, max, down, shut), isolated, region)| {
                    let mut c = ComputeDef::new(&name, kind);
                    c.size = size;
                    c.tier = tier;
                    c.min_instances = min;
                    c.max_instances = max;
                    c.idle_time_before_scale_down = down;
                    c.idle_time_before_shutdown_minutes = shut;
                    c.isolated = isolated;
                    c.region = region;
                    c
                },
            )
    }

    fn job() -> impl Strategy<Value = JobDef> {
        (
            name(),
            name(),
            any::<[bool; 4]>(),
            count(),
            proptest::option::of(name()),
            cuda(),
            framework(),
            proptest::option::of(name()),
        )
            .prop_map(
                |(
                    name,
                    target,
                    [a, p, d, g],
                    instance_count,
                    size,
                    cuda,
                    framework,
                    environment,
                )| JobDef {
                    name,
                    target,
                    automated_ml: a,
                    ml_pipelines: p,
                    designer: d,
                    gpu: g,
                    instance_count,
                    size,
                    cuda,
                    framework,
                    environment,
                },
            )
    }

    fn deployment() -> impl Strategy<Value = DeploymentDef> {
        (
            name(),
            pick(InferenceTarget::ALL),
            pick(InferenceMode::ALL),
            any::<[bool; 3]>(),
            (quantity(), quantity()),
            proptest::option::of(name()),
            count(),
            proptest::option::of(pick(ApiView::ALL)),
        )
            .prop_map(
                |(
                    name,
                    target,
                    mode,
                    [production, gpu, designer],
                    (size_gb, ram_gb),
                    size,
                    instance_count,
                    view,
                )| {
                    let mut d = DeploymentDef::new(&name, target);
                    d.mode = mode;
                    d.production = production;
                    d.gpu = gpu;
                    d.designer = designer;
                    d.model_size_gb = size_gb;
                    d.model_ram_gb = ram_gb;
                    d.size = size;
                    d.instance_count = instance_count;
                    d.view = view;
                    d
                },
            )
    }

    fn plan() -> impl Strategy<Value = Plan> {
        (
            proptest::option::of(pick(DocEdition::ALL)),
            proptest::option::of(pick(ApiView::ALL)),
            proptest::option::of(name()),
            proptest::collection::vec(compute(), 0..3),
            proptest::collection::vec(job(), 0..3),
            proptest::collection::vec(deployment(), 0..3),
        )
            .prop_map(|(edition, view, region, compute, jobs, deployments)| Plan {
                edition,
                view,
                region,
                compute,
                jobs,
                deployments,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn plans_round_trip_through_json_and_toml(plan in plan()) {
            let json = plan.to_json().unwrap();
            prop_assert_eq!(&Plan::from_json(&json).unwrap(), &plan, "{}", json);
            let toml = plan.to_toml().unwrap();
            prop_assert_eq!(&Plan::from_toml(&toml).unwrap(), &plan, "{}", toml);
        }

        #[test]
        fn needs_round_trip_through_json(
            (a, p, d, g, m, managed) in any::<(bool, bool, bool, bool, bool, bool)>(),
            view in pick(ApiView::ALL),
            edition in pick(DocEdition::ALL),
            (size_gb, ram_gb, memory, gpus, gpu_mem) in (quantity(), quantity(), quantity(), quantity(), quantity()),
            cuda in cuda(),
            framework in framework(),
            concurrency in count(),
        ) {
            let training = TrainingNeeds { automated_ml: a, ml_pipelines: p, designer: d, gpu: g, multi_node: m, managed_only: managed, view, edition, on: m.then(|| "2026-11-27".parse().unwrap()) };
            let back: TrainingNeeds = serde_json::from_str(&serde_json::to_string(&training).unwrap()).unwrap();
            prop_assert_eq!(back, training);
            let inference = InferenceNeeds { model_size_gb: size_gb, model_ram_gb: ram_gb, gpu: g, production: p, view: Some(view), ..InferenceNeeds::default() };
            let back: InferenceNeeds = serde_json::from_str(&serde_json::to_string(&inference).unwrap()).unwrap();
            prop_assert_eq!(back, inference);
            let gpus = gpus.and_then(GpuCount::from_f64);
            let size = SizeNeeds { memory_gib: memory.or(ram_gb), gpus, gpu_memory_gib: gpu_mem, cuda, framework, concurrency, isolated: a, rdma: p, edition, ..SizeNeeds::default() };
            let json = serde_json::to_string(&size).unwrap();
            let back: SizeNeeds = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back.cuda.as_ref().map(ToString::to_string), size.cuda.as_ref().map(ToString::to_string));
            let (back, size) = (SizeNeeds { cuda: None, ..back }, SizeNeeds { cuda: None, ..size });
            prop_assert_eq!(back, size, "{}", json);
        }
    }
}
