//! Full-text search on 100,000 generated articles: building the index
//! (cold, then an open with nothing new) against the time of opening the
//! same corpus (clean, dedup, entities: what a cold open does after
//! reading the files), its size against the text, and query latency (p50,
//! p95, max) of `search` including snippets for the first 20 hits and of
//! `matching` (every match, for a list filter), over names, topic words,
//! common words, two-word AND, phrases, prefixes, OR and exclusions.
//! Run with `cargo bench --bench search` (`SEARCH_ARTICLES=N` for another
//! count). The corpus is the real-shaped one of `benches/support/corpus`:
//! articles of real length (100,000 of them are about 500 MB of files),
//! wire copies and updated versions included.
#![allow(clippy::disallowed_macros, reason = "a bench reports on stdout")]

use std::time::{Duration, Instant};

use dossier::pipeline::{self, Library, Options};
use dossier::search::{self, Query, snippet};

#[path = "support/corpus/mod.rs"]
mod generated;

/// What people search a news archive for: names of people, companies and
/// places, topic words, the commonest words, two words, phrases, prefixes,
/// alternatives and exclusions.
const QUERIES: &[&str] = &[
    "Glencore",
    "\"Elena Petrova\"",
    "Rotterdam",
    "drone",
    "inflation",
    "minister",
    "season",
    "the",
    "said",
    "election parliament",
    "copper prices",
    "the minister",
    "\"said on\"",
    "\"interest rates\"",
    "\"the council\"",
    "manufact*",
    "re*",
    "s*",
    "\"interest rat*\"",
    "drone OR satellite",
    "inflation OR \"interest rates\" OR yields",
    "prices -oil",
    "the -minister",
    "zzzz",
];

/// `n` real-shaped files, opened from memory: the library, the time and
/// the CPU seconds the open took.
fn library(n: usize) -> (Library, Duration, f64) {
    let docs = generated::wire::real_shaped(n, 0x5eed_0001).raw_docs();
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let lib = pipeline::build(&docs, Vec::new(), &Options::default(), &|_| {});
    (lib, t.elapsed(), cpu_seconds() - cpu)
}

/// CPU seconds this process has used (user and system, all threads), from
/// `/proc/self/stat` at Linux's 100 ticks a second; 0 elsewhere. The
/// machine is shared, so CPU time compares phases better than wall time.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let n = std::env::var("SEARCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let (lib, open, open_cpu) = library(n);
    let text_bytes: usize = lib
        .corpus
        .articles
        .iter()
        .map(|a| a.text.len() + a.title.len())
        .sum();
    println!(
        "{} articles, {:.1} MB of title and body text; opening them (clean, dedup, entities) \
         {:.2} s, {open_cpu:.1} CPU s",
        lib.corpus.articles.len(),
        text_bytes as f64 / 1e6,
        open.as_secs_f64()
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let (index, notices) = search::open_for(&lib, Some(dir.path()), search::ForThisRun::Memory)
        .expect("indexing works");
    let cold = t.elapsed();
    let cold_cpu = cpu_seconds() - cpu;
    assert!(notices.is_empty(), "{notices:?}");
    drop(index);
    let t = Instant::now();
    let (index, _) = search::open_for(&lib, Some(dir.path()), search::ForThisRun::Memory)
        .expect("the index opens");
    let warm = t.elapsed();
    let size = dir_size(&dir.path().join(search::DIR));
    println!(
        "index: built in {:.2} s ({:.1} MB/s) = {:.0} % of the open; {cold_cpu:.1} CPU s = {:.0} % of the open's; \
         reopened with nothing new in {:.0} ms; files {:.1} MB = {:.2}× the text",
        cold.as_secs_f64(),
        text_bytes as f64 / 1e6 / cold.as_secs_f64(),
        100.0 * cold.as_secs_f64() / open.as_secs_f64(),
        100.0 * cold_cpu / open_cpu,
        warm.as_secs_f64() * 1e3,
        size as f64 / 1e6,
        size as f64 / text_bytes as f64
    );
    let mut searched = Vec::new();
    let mut matched = Vec::new();
    for q in QUERIES {
        let query = Query::parse(q).expect("the bench queries parse");
        let mut times = Vec::new();
        let mut match_times = Vec::new();
        let mut total = 0;
        for _ in 0..7 {
            let t = Instant::now();
            let hits = index.search(&query, 20).expect("the query runs");
            for hit in &hits.best {
                std::hint::black_box(snippet(&lib.corpus.articles[hit.article].text, &query));
            }
            times.push(t.elapsed());
            total = hits.total;
            let t = Instant::now();
            let all = index.matching(&query).expect("the query runs");
            match_times.push(t.elapsed());
            assert_eq!(all.len(), total, "{q}: matching agrees with search");
        }
        times.sort();
        match_times.sort();
        println!(
            "{q:>42}: {total:>6} hits, search+snippets median {:>6.2} ms, max {:>6.2} ms; matching median {:>6.2} ms",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
            ms(match_times[match_times.len() / 2]),
        );
        searched.extend(times);
        matched.extend(match_times);
    }
    for (what, mut all) in [("search+snippets", searched), ("matching", matched)] {
        all.sort();
        let p95 = all[(all.len() * 95).div_ceil(100) - 1];
        println!(
            "all queries, {what}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (target p95 ≤ 30 ms)",
            ms(all[all.len() / 2]),
            ms(p95),
            ms(all[all.len() - 1])
        );
    }
}

fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("the directory lists")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
