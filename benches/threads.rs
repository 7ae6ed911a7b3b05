//! Following a story on generated corpora (real-shaped, with a cast of
//! rare names per story and follow-ups that name it again:
//! `wire::with_follow_ups`), against the time of building
//! the library it runs on (`pipeline::build`: clean, dedup, entities,
//! index), at 10,000 and 100,000 articles: thread detection and dating
//! (the dateline search, which runs inside cleaning, timed apart here) as
//! a share of the build; the entity pictures' shared part, and one
//! picture of the most named entity (target < 2 ms); each sort order.
//! CPU time is the figure to compare on a busy machine. Run with
//! `cargo bench --bench threads` (`THREADS_SIZES=2000,20000` for others).
#![allow(clippy::disallowed_macros, reason = "a bench reports on stdout")]

use std::collections::HashMap;
use std::time::Instant;

use dossier::corpus::dates;
use dossier::picture::Pictures;
use dossier::pipeline::{self, Options};
use dossier::sort::{self, SortKey};
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

/// Returns the story (union-find root) of article `a`.
fn root(story: &mut [usize], mut a: usize) -> usize {
    while story[a] != a {
        story[a] = story[story[a]];
        a = story[a];
    }
    a
}

/// Returns how many planted follow-ups share a thread with the story they
/// follow (a pair merged as duplicates counts as found: it is one article).
fn follow_ups_found(
    generated: &generated::GeneratedCorpus,
    lib: &pipeline::Library,
    found: &[threads::Thread],
) -> String {
    let doc_of: HashMap<&str, usize> = generated
        .docs
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (name.as_str(), i))
        .collect();
    let mut article_of = vec![usize::MAX; generated.docs.len()];
    for (a, article) in lib.corpus.articles.iter().enumerate() {
        for source in &article.sources {
            if let Some(&d) = doc_of.get(source.path.as_str()) {
                article_of[d] = a;
            }
        }
    }
    let thread_of = threads::Threads::from_list(found.to_vec(), lib.corpus.articles.len());
    let joined = generated
        .followed
        .iter()
        .filter(|&&(x, y)| {
            let (a, b) = (article_of[x], article_of[y]);
            a == b || (thread_of.marker(a).is_some() && thread_of.marker(a) == thread_of.marker(b))
        })
        .count();
    // Precision: of the pairs of articles the threads join, the share
    // that a chain of planted follow-ups joins too.
    let mut story: Vec<usize> = (0..lib.corpus.articles.len()).collect();
    for &(x, y) in &generated.followed {
        let (a, b) = (
            root(&mut story, article_of[x]),
            root(&mut story, article_of[y]),
        );
        story[a] = b;
    }
    let (mut pairs, mut planted) = (0usize, 0usize);
    for thread in found {
        for (k, &a) in thread.articles.iter().enumerate() {
            for &b in &thread.articles[k + 1..] {
                pairs += 1;
                planted += usize::from(root(&mut story, a) == root(&mut story, b));
            }
        }
    }
    let largest: Vec<String> = found
        .iter()
        .take(5)
        .map(|t| t.articles.len().to_string())
        .collect();
    format!(
        "planted follow-ups in their story's thread: {joined} of {} ({:.1} %); pairs the threads \
         join that planted follow-ups join: {planted} of {pairs} ({:.1} %); largest threads: {}",
        generated.followed.len(),
        100.0 * joined as f64 / generated.followed.len().max(1) as f64,
        100.0 * planted as f64 / pairs.max(1) as f64,
        largest.join(", ")
    )
}

fn main() {
    let sizes: Vec<usize> = std::env::var("THREADS_SIZES").ok().map_or_else(
        || vec![10_000, 100_000],
        |s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    );
    for n in sizes {
        let generated = generated::wire::with_follow_ups(n, 7);
        let docs = generated.raw_docs();
        let (t, c) = (Instant::now(), cpu_seconds());
        let lib = pipeline::build(&docs, Vec::new(), &Options::default(), &|_| {});
        let (build, build_cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
        drop(docs);
        let (t, c) = (Instant::now(), cpu_seconds());
        let found = threads::threads(&lib, &ThreadOptions::default());
        let (took, took_cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
        let grouped: usize = found.iter().map(|t| t.articles.len()).sum();
        // Dates as cleaning resolves them, with a file time to fall back on.
        let (t, c) = (Instant::now(), cpu_seconds());
        let dated = lib
            .corpus
            .articles
            .iter()
            .filter(|a| {
                let lede = a.text.split("\n\n").next().unwrap_or_default();
                dates::resolve(
                    None,
                    None,
                    lede,
                    &a.text,
                    None,
                    Some(1_780_315_200_000_000_000),
                )
                .is_some()
            })
            .count();
        let (dating, dating_cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
        println!(
            "{n} files → {} articles: build {build:.2} s wall, {build_cpu:.2} s CPU; threads \
             {took:.2} s wall, {took_cpu:.2} s CPU = {:.1} % of the build's CPU, {:.1} µs CPU per \
             article; {} threads holding {grouped} articles",
            lib.corpus.articles.len(),
            100.0 * took_cpu / build_cpu,
            took_cpu * 1e6 / lib.corpus.articles.len() as f64,
            found.len()
        );
        println!(
            "    dates {dating:.3} s wall, {dating_cpu:.2} s CPU ({dated} dated); threads + dates = \
             {:.1} % of the build's CPU",
            100.0 * (took_cpu + dating_cpu) / build_cpu
        );
        println!("    {}", follow_ups_found(&generated, &lib, &found));
        let (t, c) = (Instant::now(), cpu_seconds());
        let pictures = Pictures::new(&lib);
        let (shared, shared_cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
        let most = (0..lib.index.entity_count())
            .max_by_key(|&e| lib.index[e as u32].articles.len())
            .unwrap_or(0);
        let rare = (0..lib.index.entity_count())
            .filter(|&e| lib.index[e as u32].articles.len() <= dossier::picture::SAMPLED_FROM)
            .max_by_key(|&e| lib.index[e as u32].articles.len())
            .unwrap_or(0);
        let per_picture = |e: usize| {
            let t = Instant::now();
            let runs = 50;
            for _ in 0..runs {
                std::hint::black_box(pictures.of(&lib.index, e as u32, 8));
            }
            t.elapsed().as_secs_f64() * 1e3 / f64::from(runs)
        };
        println!(
            "    pictures: shared part {shared:.3} s wall, {shared_cpu:.2} s CPU; most named entity \
             ({} articles) {:.3} ms, most named not sampled ({} articles) {:.3} ms per picture",
            lib.index
                .entity(most as u32)
                .map_or(0, |e| e.articles.len()),
            per_picture(most),
            lib.index
                .entity(rare as u32)
                .map_or(0, |e| e.articles.len()),
            per_picture(rare),
        );
        let orders: Vec<String> = SortKey::ALL
            .iter()
            .map(|&key| {
                let t = Instant::now();
                std::hint::black_box(sort::order(&lib, key));
                format!("{} {:.1} ms", key.name(), t.elapsed().as_secs_f64() * 1e3)
            })
            .collect();
        println!("    sort: {}", orders.join(", "));
    }
}
