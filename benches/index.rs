//! The entity index's build on a corpus that names many entities, few of
//! them often, as real news does (the generated corpora name a few hundred
//! entities in all): 100,000 articles (or `DOSSIER_BENCH_ARTICLES`) of 60
//! mentions each, drawn from 300,000 names with the common ones far more
//! likely. The mentions are made and indexed a run of 1,024 articles at a
//! time, as an open does, so the process's peak RSS is the builder's.
//! Prints the time spent in the builder and the peak RSS before and after
//! `finish`. Run with `cargo bench --bench index`.
#![allow(
    clippy::disallowed_macros,
    reason = "benchmarks report their figures on stdout"
)]

use std::borrow::Cow;
use std::time::{Duration, Instant};

use dossier::entities::{EntityKind, IndexBuilder, Location, Mention};

#[path = "support/corpus/mod.rs"]
mod generated;
#[path = "support/status.rs"]
mod status;

use generated::grammar::Rng;
use status::status_bytes;

/// Articles indexed at a time, as `pipeline::later` does.
const RUN: usize = 1024;
const MENTIONS_PER_ARTICLE: usize = 60;
const NAMES: u64 = 300_000;

fn main() {
    let n = std::env::var("DOSSIER_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let mut draw = Rng::new(42);
    let mut builder = IndexBuilder::new();
    let mut spent = Duration::ZERO;
    let mut first = 0;
    while first < n {
        let end = (first + RUN).min(n);
        let (texts, mentions): (Vec<String>, Vec<Vec<Mention>>) =
            (first..end).map(|_| article(&mut draw)).unzip();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let start = Instant::now();
        builder.add(&texts, &mentions, &|_| {});
        spent += start.elapsed();
        first = end;
    }
    println!("index of {n} articles, {MENTIONS_PER_ARTICLE} mentions each");
    println!(
        "  added:    {:.2} s in the builder, peak RSS {} MB",
        spent.as_secs_f64(),
        status_bytes("VmHWM:").unwrap_or(0) >> 20
    );
    let start = Instant::now();
    let index = builder.finish(&|_| {});
    spent += start.elapsed();
    println!(
        "  finished: {:.2} s in the builder, peak RSS {} MB, {} entities",
        spent.as_secs_f64(),
        status_bytes("VmHWM:").unwrap_or(0) >> 20,
        index.entity_count()
    );
}

/// One article: its text, the names one after another, and their mentions.
fn article(draw: &mut Rng) -> (String, Vec<Mention>) {
    let mut text = String::new();
    let mut mentions = Vec::with_capacity(MENTIONS_PER_ARTICLE);
    for _ in 0..MENTIONS_PER_ARTICLE {
        // The square of a uniform draw: low numbers, the common names,
        // come far more often.
        let u = draw.next_u64() % 1000;
        let id = u * u * NAMES / 1_000_000 + draw.next_u64() % 50;
        let name = format!("Name{id} Surname{}", id % 977);
        let start = text.len();
        text.push_str(&name);
        text.push(' ');
        mentions.push(Mention {
            start,
            end: start + name.len(),
            name: Cow::Owned(name),
            kind: if id.is_multiple_of(2) {
                EntityKind::Person
            } else {
                EntityKind::Company
            },
            country: None,
            location: Location::Text,
        });
    }
    (text, mentions)
}
