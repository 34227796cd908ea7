//! The benchmark runner the benches share: no framework, 31 samples of about 2 ms each, the
//! median and the median absolute deviation, baselines' ratios and goals.

// Each bench uses its part of it.
#![allow(dead_code)]

pub mod tree;

use std::hint::black_box;
use std::time::{Duration, Instant};

const SAMPLES: usize = 31;
const SAMPLE_TARGET: Duration = Duration::from_millis(2);

pub struct Runner {
    measure: bool,
    filter: Option<String>,
    medians: Vec<(String, f64)>,
    /// Each goal printed, and whether it was met.
    goals: Vec<(String, bool)>,
}

impl Runner {
    pub fn from_args() -> Runner {
        let mut measure = false;
        let mut filter = None;
        for arg in std::env::args().skip(1) {
            match arg.as_str() {
                "--bench" => measure = true,
                a if a.starts_with('-') => {}
                a => filter = Some(a.to_owned()),
            }
        }
        Runner {
            measure,
            filter,
            medians: Vec::new(),
            goals: Vec::new(),
        }
    }

    pub fn wanted(&self, name: &str) -> bool {
        self.filter.as_deref().is_none_or(|f| name.contains(f))
    }

    pub fn case<R>(&mut self, name: &str, mut f: impl FnMut() -> R) {
        if !self.wanted(name) {
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
        // Iteration counts stay below 2^31, exact in an f64.
        #[allow(clippy::cast_precision_loss)]
        let per = iters as f64;
        let mut samples: Vec<f64> = (0..SAMPLES)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..iters {
                    black_box(f());
                }
                start.elapsed().as_secs_f64() * 1e9 / per
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        let median = samples[SAMPLES / 2];
        let mut deviations: Vec<f64> = samples.iter().map(|x| (x - median).abs()).collect();
        deviations.sort_by(f64::total_cmp);
        let mad = deviations[SAMPLES / 2];
        println!("bench {name} median_ns={median:.1} mad_ns={mad:.1} iters={iters}");
        self.medians.push((name.to_owned(), median));
    }

    /// Whether cases are measured (`--bench`), not only run once.
    pub fn measuring(&self) -> bool {
        self.measure
    }

    /// The median of a measured case, ns.
    pub fn median(&self, name: &str) -> Option<f64> {
        self.medians
            .iter()
            .find(|(m, _)| m == name)
            .map(|(_, v)| *v)
    }

    /// Prints a figure beside its goal (`at_most` or `at_least`) and whether it holds.
    pub fn goal(&mut self, name: &str, figure: &str, value: f64, goal: Goal) {
        let (word, bound, met) = match goal {
            Goal::AtMost(g) => ("at_most", g, value <= g),
            Goal::AtLeast(g) => ("at_least", g, value >= g),
        };
        let said = if met { "yes" } else { "no" };
        println!("goal {name} {figure}={value:.2} {word}={bound} met={said}");
        self.goals.push((format!("{name} {figure}"), met));
    }

    /// Prints how many of the goals printed were met, and which were not.
    pub fn goals_summary(&self) {
        if self.goals.is_empty() {
            return;
        }
        let missed: Vec<&str> = self
            .goals
            .iter()
            .filter(|(_, met)| !met)
            .map(|(goal, _)| goal.as_str())
            .collect();
        println!(
            "goals met={}/{} missed=[{}]",
            self.goals.len() - missed.len(),
            self.goals.len(),
            missed.join(", ")
        );
    }

    /// Prints `ratio` for a baseline and our case, when both were measured.
    pub fn ratio(&self, case: &str, baseline: &str, ours: &str) -> Option<f64> {
        let (b, o) = (self.median(baseline)?, self.median(ours)?);
        println!("ratio {case} baseline_over_ours={:.2}", b / o);
        Some(b / o)
    }
}

/// A goal a figure must meet.
#[derive(Clone, Copy)]
pub enum Goal {
    /// The figure is at most this.
    AtMost(f64),
    /// The figure is at least this.
    AtLeast(f64),
}
