//! Thread detection on generated corpora: its time against the time of
//! building the library it runs on (`pipeline::build`: clean, dedup,
//! entities, index), at 10,000 and 100,000 articles, to check that it
//! stays near-linear and a small share of a cold open; CPU time is the
//! figure to compare on a busy machine. Run with
//! `cargo bench --bench threads` (`THREADS_SIZES=2000,20000` for others).
#![allow(clippy::disallowed_macros, reason = "a bench reports on stdout")]

use std::time::Instant;

use dossier::pipeline::{self, Options};
use dossier::threads::{self, ThreadOptions};

#[path = "support/corpus/mod.rs"]
mod generated;

/// CPU seconds this process has used (user + system, all threads), from
/// /proc: wall time on a shared machine says more about the neighbours.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<f64>().ok())
        .sum();
    ticks / 100.0
}

fn main() {
    let sizes: Vec<usize> = std::env::var("THREADS_SIZES").ok().map_or_else(
        || vec![10_000, 100_000],
        |s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    );
    for n in sizes {
        let docs = generated::wire::real_shaped(n, 7).raw_docs();
        let (t, c) = (Instant::now(), cpu_seconds());
        let lib = pipeline::build(&docs, Vec::new(), &Options::default(), &|_| {});
        let (build, build_cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
        drop(docs);
        let (t, c) = (Instant::now(), cpu_seconds());
        let found = threads::threads(&lib, &ThreadOptions::default());
        let (took, took_cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
        let grouped: usize = found.iter().map(|t| t.articles.len()).sum();
        println!(
            "{n} files → {} articles: build {build:.2} s wall, {build_cpu:.2} s CPU; threads \
             {took:.2} s wall, {took_cpu:.2} s CPU = {:.1} % of the build's CPU, {:.1} µs CPU per \
             article; {} threads holding {grouped} articles",
            lib.corpus.articles.len(),
            100.0 * took_cpu / build_cpu,
            took_cpu * 1e6 / lib.corpus.articles.len() as f64,
            found.len()
        );
    }
}
