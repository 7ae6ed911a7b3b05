//! Full-text search on 100,000 generated articles: building the FTS5 index
//! (cold, then an update with nothing new), its size against the text, and
//! query latency (p50, p95, max) including snippets for the first 20 hits,
//! for words of every frequency, phrases, prefixes, OR and exclusions.
//! Run with `cargo bench --bench search` (`SEARCH_ARTICLES=N` for another
//! size).
#![allow(clippy::disallowed_macros, reason = "a bench reports on stdout")]

use std::time::{Duration, Instant};

use dossier::corpus::Corpus;
use dossier::corpus::clean::{self, ChromeModel};
use dossier::pipeline::Library;
use dossier::search::{Query, SearchIndex, snippet};
use rayon::prelude::*;

#[path = "support/corpus/mod.rs"]
mod generated;

const QUERIES: &[&str] = &[
    "drone",
    "minister",
    "shipping",
    "the",
    "\"said on\"",
    "\"interest rates\"",
    "manufact*",
    "re*",
    "drone OR satellite",
    "market -bank",
    "election parliament",
    "zzzz",
];

fn library(n: usize) -> Library {
    let docs = generated::wire::real_shaped(n, 0x5eed_0001).raw_docs();
    let chrome = ChromeModel::default();
    let articles = docs
        .par_iter()
        .filter_map(|d| clean::clean(d, &chrome))
        .collect();
    Library {
        corpus: Corpus {
            articles,
            ..Corpus::default()
        },
        ..Library::default()
    }
}

fn main() {
    let n = std::env::var("SEARCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let lib = library(n);
    let text_bytes: usize = lib
        .corpus
        .articles
        .iter()
        .map(|a| a.text.len() + a.title.len())
        .sum();
    println!(
        "{} articles, {:.1} MB of title and body text",
        lib.corpus.articles.len(),
        text_bytes as f64 / 1e6
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (mut index, _) = SearchIndex::open(dir.path()).expect("search.db opens");
    let t = Instant::now();
    let added = index.update(&lib).expect("indexing works");
    let cold = t.elapsed();
    let t = Instant::now();
    index.update(&lib).expect("indexing works");
    let warm = t.elapsed();
    drop(index);
    let size: u64 = std::fs::read_dir(dir.path())
        .expect("the directory lists")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "index: {added} articles in {:.2} s ({:.1} MB/s); update with nothing new {:.0} ms; \
         files {:.1} MB = {:.2}× the text",
        cold.as_secs_f64(),
        text_bytes as f64 / 1e6 / cold.as_secs_f64(),
        warm.as_secs_f64() * 1e3,
        size as f64 / 1e6,
        size as f64 / text_bytes as f64
    );
    let (mut index, _) = SearchIndex::open(dir.path()).expect("search.db opens");
    index.update(&lib).expect("indexing works");
    let mut all = Vec::new();
    for q in QUERIES {
        let query = Query::parse(q).expect("the bench queries parse");
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..7 {
            let t = Instant::now();
            let hits = index.search(&query, 20).expect("the query runs");
            for hit in &hits.best {
                std::hint::black_box(snippet(&lib.corpus.articles[hit.article].text, &query));
            }
            times.push(t.elapsed());
            total = hits.total;
        }
        times.sort();
        println!(
            "{q:>22}: {total:>6} hits, median {:>7.2} ms, max {:>7.2} ms",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1])
        );
        all.extend(times);
    }
    all.sort();
    let p95 = all[(all.len() * 95).div_ceil(100) - 1];
    println!(
        "all queries: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (target p95 ≤ 30 ms)",
        ms(all[all.len() / 2]),
        ms(p95),
        ms(all[all.len() - 1])
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
