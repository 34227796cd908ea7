//! temp
use aml_targets::*;
fn main() {
    let on = Date::parse("2026-11-26").unwrap();
    let needs = SizeNeeds {
        model_ram_gb: Some(10.0),
        gpus: Some(1.0),
        cuda: Some("12.4".parse().unwrap()),
        compute: Some(ComputeKind::ComputeInstance),
        ..SizeNeeds::default()
    };
    let mut acc = 0;
    for _ in 0..1000 {
        acc += recommend_sizes(std::hint::black_box(&needs), Catalog::embedded(), on)
            .candidates
            .len();
    }
    println!("{acc}");
}
