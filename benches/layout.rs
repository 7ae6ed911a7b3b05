//! Measures plain-text layout on a folder of wire-style stories (headline
//! line, then the body): the share of body words the cleaned articles
//! keep, per story and overall, and the share of paragraph breaks that
//! cut a sentence. Opens the folder as one corpus, as a user would, so
//! rules learned across files (repeated lines) take part.
//!
//! `DOSSIER_LAYOUT_DIR=/path/to/stories cargo bench --bench layout`; with
//! no folder given it measures tests/fixtures/wire. Set
//! `DOSSIER_LAYOUT_VERBOSE=1` to list what each story lost.
#![allow(clippy::disallowed_macros, reason = "a bench reports on stdout")]

#[path = "../tests/wire_support/mod.rs"]
mod wire_support;

use std::path::PathBuf;

use dossier::corpus::BlockKind;
use dossier::pipeline::{self, Options};
use wire_support::{Breaks, article_of, count_breaks, retention};

fn main() {
    let dir = std::env::var("DOSSIER_LAYOUT_DIR").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire"),
        PathBuf::from,
    );
    let verbose = std::env::var_os("DOSSIER_LAYOUT_VERBOSE").is_some();
    let library = pipeline::open(std::slice::from_ref(&dir), &Options::default(), &|_| {})
        .expect("open the folder");
    let corpus = &library.corpus;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read the folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();

    let (mut body, mut kept, mut stories) = (0usize, 0usize, 0usize);
    let (mut under_995, mut under_97, mut empty) = (0usize, 0usize, 0usize);
    let mut shares = Vec::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        stories += 1;
        let r = if let Some(article) = article_of(corpus, path) {
            retention(&path.to_string_lossy(), &text, article)
        } else {
            let words = wire_support::body_words(&text);
            wire_support::Retention {
                path: path.to_string_lossy().into_owned(),
                body_words: words.len(),
                kept_words: 0,
                missing: words,
            }
        };
        body += r.body_words;
        kept += r.kept_words;
        let share = r.share();
        shares.push(share);
        under_995 += usize::from(share < 0.995);
        under_97 += usize::from(share < 0.97);
        empty += usize::from(r.kept_words == 0 && r.body_words > 0);
        if verbose && share < 1.0 {
            println!(
                "{:>6.1}%  {}  missing: {}",
                share * 100.0,
                path.file_name().unwrap_or_default().to_string_lossy(),
                r.missing.join(" ")
            );
        }
    }
    let mut breaks = Breaks::default();
    let (mut pre_blocks, mut pre_bytes, mut text_bytes) = (0usize, 0usize, 0usize);
    for article in &corpus.articles {
        count_breaks(article, &mut breaks);
        text_bytes += article.text.len();
        for b in &article.blocks {
            if b.kind == BlockKind::Preformatted {
                pre_blocks += 1;
                pre_bytes += b.range().len();
            }
        }
    }
    if verbose {
        for e in &breaks.examples {
            println!("break inside a sentence: {e}");
        }
    }
    shares.sort_by(f64::total_cmp);
    let mean = shares.iter().sum::<f64>() / shares.len().max(1) as f64;
    println!("folder: {}", dir.display());
    println!(
        "stories {stories}, articles {}, warnings {}",
        corpus.articles.len(),
        corpus.warnings.len()
    );
    println!(
        "body words kept: {:.2}% overall ({kept} of {body}), mean per story {:.2}%, worst {:.1}%",
        pct(kept, body),
        mean * 100.0,
        shares.first().copied().unwrap_or(1.0) * 100.0
    );
    println!(
        "stories below 99.5%: {under_995}; losing more than 3%: {under_97}; keeping nothing: {empty}"
    );
    println!(
        "paragraph breaks inside a sentence: {:.2}% ({} of {})",
        pct(breaks.inside_sentence, breaks.total),
        breaks.inside_sentence,
        breaks.total
    );
    println!(
        "preformatted blocks: {pre_blocks}, {:.1}% of article text",
        pct(pre_bytes, text_bytes)
    );
}

fn pct(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}
