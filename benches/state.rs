//! Benchmark of remembered state and the cached index: cold open (empty
//! cache), warm open (unchanged folder), and incremental open (1% of files
//! rewritten), at 10k and 100k articles; plus marking every article seen
//! and reading all marks back.
//!
//! Run with `cargo bench --bench state` (add `-- 10000` for one size).
//! The corpus is generated here, deterministically, as plain-text files;
//! by default files are discovered and read by a local stand-in for the
//! loader and entities found by an Aho-Corasick pass over a name list, so
//! the figures measure the cache, not the evolving cleaning and extraction
//! rules. `-- --real` uses the real loader and extractor instead.
#![allow(
    clippy::disallowed_macros,
    reason = "benchmarks report their figures on stdout"
)]

use std::path::Path;
use std::time::Instant;

use aho_corasick::AhoCorasick;
use dossier::corpus::RawDoc;
use dossier::corpus::load::{FileRead, FileRef, LoadOptions};
use dossier::entities::{ArticleParts, EntityKind, Mention};
use dossier::pipeline::{Open, Opened, Options, Report, Standard, Steps};
use dossier::state::StateStore;
use dossier::state::cache::Cache;
use rayon::prelude::*;

const WORDS: &[&str] = &[
    "the",
    "market",
    "said",
    "on",
    "a",
    "rate",
    "council",
    "vote",
    "season",
    "team",
    "players",
    "scientists",
    "study",
    "found",
    "that",
    "prices",
    "rose",
    "fell",
    "while",
    "analysts",
    "expected",
    "growth",
    "quarter",
    "minister",
    "plan",
    "budget",
    "city",
    "local",
    "residents",
    "energy",
    "supply",
    "exports",
    "coach",
    "final",
    "match",
    "researchers",
    "data",
    "results",
    "week",
    "year",
    "report",
    "shares",
    "bank",
    "policy",
    "of",
    "in",
    "and",
    "to",
    "with",
];

const NAMES: &[(&str, EntityKind)] = &[
    ("Norway", EntityKind::Country),
    ("Chile", EntityKind::Country),
    ("Japan", EntityKind::Country),
    ("Latvia", EntityKind::Country),
    ("Equinor", EntityKind::Company),
    ("Toyota", EntityKind::Company),
    ("Maersk", EntityKind::Company),
    ("CERN", EntityKind::Organization),
    ("UEFA", EntityKind::Organization),
    ("Boston", EntityKind::Place),
    ("Osaka", EntityKind::Place),
    ("Okafor", EntityKind::Person),
    ("Lindqvist", EntityKind::Person),
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Returns one article of about 350 words; `variant` changes its text.
fn article(i: usize, variant: u64) -> String {
    let mut rng = Rng((i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ variant | 1);
    let mut out = format!(
        "{} {} {} report {i}\n\n",
        rng.pick(NAMES).0,
        rng.pick(WORDS),
        rng.pick(WORDS)
    );
    for _ in 0..6 {
        for w in 0..55 {
            if w > 0 {
                out.push(' ');
            }
            if rng.next().is_multiple_of(17) {
                out.push_str(rng.pick(NAMES).0);
            } else {
                out.push_str(rng.pick(WORDS));
            }
        }
        out.push_str(".\n\n");
    }
    out
}

fn generate(root: &Path, n: usize) {
    (0..n).into_par_iter().for_each(|i| {
        let dir = root.join(format!("d{:03}", i % 200));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("a{i:06}.txt")), article(i, 0)).unwrap();
    });
}

/// Plain-text files, one article each, names by Aho-Corasick.
struct BenchStages {
    names: AhoCorasick,
}

impl BenchStages {
    fn new() -> Self {
        Self {
            names: AhoCorasick::new(NAMES.iter().map(|n| n.0)).unwrap(),
        }
    }
}

impl Steps for BenchStages {
    fn read(&self, file: &FileRef, _: &LoadOptions) -> FileRead {
        let Ok(text) = std::fs::read_to_string(&file.path) else {
            return FileRead::default();
        };
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        let text = dossier::sanitize::clean_text(&text);
        let title = text.lines().next().map(str::to_owned);
        let doc = RawDoc {
            path: file.path.display().to_string(),
            text,
            title,
            ..RawDoc::default()
        };
        FileRead {
            docs: vec![doc],
            warnings: Vec::new(),
            hash: Some(hash),
        }
    }

    fn extract(&self, article: ArticleParts<'_>) -> Vec<Mention> {
        let text = article.text;
        self.names
            .find_iter(text)
            .map(|m| {
                let (name, kind) = NAMES[m.pattern().as_usize()];
                Mention {
                    start: m.start(),
                    end: m.end(),
                    name: name.into(),
                    kind,
                    country: None,
                    location: dossier::entities::Location::Text,
                }
            })
            .collect()
    }
}

/// Opens through the cache; returns the seconds until the library was
/// ready, the seconds until its snapshot was also saved, the report and the
/// article count.
fn timed_open(stages: &dyn Steps, root: &Path, state: &Path) -> (f64, f64, Report, usize) {
    let start = Instant::now();
    let verbose = std::env::var_os("DOSSIER_BENCH_STAGES").is_some();
    let progress = move |p: dossier::pipeline::Progress| {
        if verbose {
            println!(
                "    {:>7.3} s  {}",
                start.elapsed().as_secs_f64(),
                p.stage.label()
            );
        }
    };
    let (cache_db, _) = Cache::open(Some(state)).unwrap();
    let roots = [root.to_path_buf()];
    let options = Options::default();
    let Opened {
        library,
        report,
        pending,
    } = Open::new(&roots, &options)
        .cache(&cache_db, false)
        .steps(stages)
        .progress(&progress)
        .defer_snapshot()
        .run()
        .unwrap();
    let ready = start.elapsed().as_secs_f64();
    if let Some(pending) = pending {
        assert!(pending.save(&cache_db, &library).is_none());
    }
    let total = start.elapsed().as_secs_f64();
    (ready, total, report, library.corpus.articles.len())
}

fn run(n: usize, real: bool) {
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("corpus");
    let state = work.path().join("state");
    let t = Instant::now();
    generate(&root, n);
    println!(
        "{n} articles generated in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let stand_in = BenchStages::new();
    let stages: &dyn Steps = if real { &Standard } else { &stand_in };

    let start = Instant::now();
    let uncached = Open::new(std::slice::from_ref(&root), &Options::default())
        .steps(stages)
        .library()
        .unwrap();
    let uncached_secs = start.elapsed().as_secs_f64();
    drop(uncached);

    let (cold, cold_saved, report, count) = timed_open(stages, &root, &state);
    assert!(!report.snapshot_hit);
    let (warm, _, report, _) = timed_open(stages, &root, &state);
    assert!(report.snapshot_hit);
    let (warm2, _, _, _) = timed_open(stages, &root, &state);

    let changed = (n / 100).max(1);
    for i in (0..n).step_by(n / changed).take(changed) {
        let path = root
            .join(format!("d{:03}", i % 200))
            .join(format!("a{i:06}.txt"));
        std::fs::write(path, article(i, 7)).unwrap();
    }
    let (incremental, incremental_saved, changed_report, _) = timed_open(stages, &root, &state);
    assert_eq!(changed_report.files_read, changed);
    let (after, _, report, _) = timed_open(stages, &root, &state);
    assert!(report.snapshot_hit);
    let cache_mb = std::fs::metadata(state.join("cache.db")).map_or(0, |m| m.len()) as f64 / 1e6;

    println!("  articles loaded            {count}");
    println!("  no cache                   {uncached_secs:7.3} s");
    println!(
        "  cold (fill the cache)      {cold:7.3} s ready, {cold_saved:.3} s with the snapshot saved"
    );
    println!("  warm (unchanged)           {warm:7.3} s, again {warm2:.3} s");
    println!(
        "  incremental ({changed} changed)   {incremental:7.3} s ready, {incremental_saved:.3} s saved ({} texts extracted)",
        changed_report.texts_extracted
    );
    println!("  warm after incremental     {after:7.3} s");
    println!("  cache.db size              {cache_mb:7.1} MB");

    let ids: Vec<String> = (0..n).map(|i| format!("{i:016x}")).collect();
    let (store, _) = StateStore::open(Some(&state)).unwrap();
    let t = Instant::now();
    store.record_seen(&ids).unwrap();
    let seen = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let marks = store.marks(&ids).unwrap();
    let read_back = t.elapsed().as_secs_f64();
    assert_eq!(marks.len(), n);
    let t = Instant::now();
    for id in ids.iter().take(1000) {
        store.toggle_star(id).unwrap();
    }
    let toggle = t.elapsed().as_secs_f64() / 1000.0 * 1e6;
    println!("  state: record {n} seen      {seen:7.3} s");
    println!("  state: marks of all        {read_back:7.3} s");
    println!("  state: one toggle_star     {toggle:7.1} µs");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let real = args.iter().any(|a| a == "--real");
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    for n in sizes {
        run(n, real);
    }
}
