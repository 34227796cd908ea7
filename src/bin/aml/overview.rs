//! `aml overview`: the training matrix, the inference targets and the VM series with their
//! state on the date.

use aml_targets::targets::SIZING_ADVICE;
use aml_targets::{ApiView, DATA_AS_OF, DocEdition, InferenceTarget, TrainingTarget, VmSeries};

use crate::{Ctx, yes_no};

pub(crate) fn run(ctx: &Ctx, out: &mut String) {
    let views: &[ApiView] = if ctx.edition == DocEdition::Jan2024 {
        &[ApiView::V2]
    } else {
        &[ApiView::V2, ApiView::V1]
    };
    for &view in views {
        if ctx.edition == DocEdition::Jan2024 {
            wln!(
                out,
                "Training targets (page edition {}, one table for SDK/CLI v1 and v2)",
                ctx.edition
            );
        } else {
            wln!(
                out,
                "Training targets (page edition {}, SDK/CLI {view})",
                ctx.edition
            );
            end_of_support(out, view, ctx.on);
        }
        wln!(
            out,
            "  {:<30} {:<26} {:<13} {:<9} managed",
            "target",
            "automated ML",
            "ML pipelines",
            "designer"
        );
        for t in TrainingTarget::listed(ctx.edition, view) {
            let f = t.features();
            let retired = t
                .retired_service()
                .filter(|r| r.date <= ctx.on)
                .map_or(String::new(), |r| {
                    format!("  (service retired since {})", r.date)
                });
            wln!(
                out,
                "  {:<30} {:<26} {:<13} {:<9} {}{retired}",
                t.page_name(),
                f.automated_ml.page_text(),
                f.ml_pipelines.page_text(),
                f.designer.page_text(),
                yes_no(t.is_managed()),
            );
        }
        for t in TrainingTarget::listed(ctx.edition, view) {
            if let Some(caveat) = t.caveat() {
                wln!(out, "  note: {caveat}");
            }
            if let Some(r) = t.retired_service().filter(|r| r.date <= ctx.on) {
                wln!(
                    out,
                    "  note: {} is retired since {}; {} [{}]",
                    t.page_name(),
                    r.date,
                    r.note,
                    r.source
                );
            }
        }
        out.push('\n');
    }
    for view in [ApiView::V2, ApiView::V1] {
        wln!(out, "Inference targets (SDK/CLI {view})");
        end_of_support(out, view, ctx.on);
        wln!(
            out,
            "  {:<34} {:<9} {:<6} {:<4} {:<13} limits",
            "target",
            "real-time",
            "batch",
            "GPU",
            "dev/test only"
        );
        for t in InferenceTarget::listed(view) {
            let Some(p) = t.profile(view) else { continue };
            let limits = p.limits.map_or_else(
                || "—".to_owned(),
                |l| {
                    format!(
                        "RAM < {} GB, model < {} GB{}",
                        l.ram_below_gb,
                        l.model_size_below_gb,
                        if l.cpu_only { ", CPU only" } else { "" }
                    )
                },
            );
            wln!(
                out,
                "  {:<34} {:<9} {:<6} {:<4} {:<13} {limits}",
                t.page_name(),
                yes_no(p.realtime),
                yes_no(p.batch),
                yes_no(p.gpu),
                yes_no(p.dev_test_only),
            );
        }
        out.push('\n');
    }
    wln!(out, "Sizing: {}", SIZING_ADVICE);
    out.push('\n');
    wln!(
        out,
        "VM series supported by Azure ML (page edition {}), state on {}",
        ctx.edition,
        ctx.on
    );
    wln!(
        out,
        "  {:<15} {:<25} {:<23} {:<5} {:<5} state",
        "series",
        "category",
        "supported by",
        "GPU",
        "CUDA"
    );
    for s in VmSeries::listed(ctx.edition) {
        let cuda = s
            .page_cuda_min(ctx.edition)
            .map_or_else(|| "—".to_owned(), |v| format!("{v}+"));
        wln!(
            out,
            "  {:<15} {:<25} {:<23} {:<5} {:<5} {}",
            s.as_str(),
            s.category().as_str(),
            s.supported_by(ctx.edition).map_or("—", |b| b.as_str()),
            s.page_gpu_label().unwrap_or("—"),
            cuda,
            s.retirement_state(ctx.on),
        );
    }
    let unlisted: Vec<&VmSeries> = VmSeries::ALL
        .iter()
        .filter(|s| !s.is_listed(ctx.edition))
        .collect();
    let dated: Vec<String> = unlisted
        .iter()
        .filter(|s| s.retirement().is_some())
        .map(|s| format!("{s} ({})", s.retirement_state(ctx.on)))
        .collect();
    wln!(
        out,
        "  not in this edition's table: {} more series Azure documents (`aml size NAME`; Azure ML \
         accepts what `az ml compute list-sizes` returns), of which retired or retiring: {}",
        unlisted.len(),
        dated.join(", ")
    );
    wln!(out, "  data as of {} (`aml data`)", DATA_AS_OF);
}

/// The view's end of support, one line each (v1: SDK and CLI).
fn end_of_support(out: &mut String, view: ApiView, on: aml_targets::Date) {
    for e in view.end_of_support() {
        let state = if e.ended(on) { "ended" } else { "ends" };
        wln!(
            out,
            "  support for {} {state} on {} ({})",
            e.what,
            e.ends,
            e.source
        );
    }
}
