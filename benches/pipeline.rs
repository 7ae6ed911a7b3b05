//! Benchmark of the corpus layer on generated corpora: load, clean and
//! dedupe timed separately and together, the whole `pipeline::open`, and
//! dedupe precision and recall on the planted duplicates, plus the
//! containment measurement the default threshold is chosen from.
//!
//! Run with `cargo bench --bench pipeline`. Sizes default to 10k and 100k
//! articles; `DOSSIER_BENCH_SIZES=2000,20000` changes them. The corpus is
//! the real-shaped one (`support/corpus/wire.rs`: real-length prose,
//! syndicated paragraphs, wire clusters, updates, mixed formats);
//! `DOSSIER_BENCH_CORPUS=planted` uses the older short planted corpus.
//! `DOSSIER_BENCH_WRITE=DIR` only writes the corpus of the first size into
//! DIR (for timing the binary on it). Each size also times reading every file (the floor a cold open is
//! compared with), in the same run. The open in a fresh process also prints, per stage, the longest
//! time its progress count stood still and the memory at its end; `DOSSIER_BENCH_TICKS=FILE` keeps
//! every progress report (time, stage, count, total, RSS in MB) in FILE.
//! `DOSSIER_BENCH_OPEN_ONLY=DIR` only opens DIR in a fresh process; with
//! `DOSSIER_BENCH_STATE=STATE` it fills a cache in STATE as `list` does.
#![allow(
    clippy::disallowed_macros,
    reason = "benchmarks report their figures on stdout"
)]

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use dossier::corpus::clean::{self, ChromeModel};
use dossier::corpus::dedup::{self, DedupOptions};
use dossier::corpus::load::{self, LoadOptions};
use dossier::corpus::{Article, candidates, shingles};
use dossier::pipeline::{self, Options, Progress, Stage};
use rayon::prelude::*;

#[path = "support/corpus/mod.rs"]
mod generated;
#[path = "support/status.rs"]
mod status;

use generated::GeneratedCorpus;
use status::status_bytes;

const SEED: u64 = 42;

/// Set to a folder, the bench only opens it and reports (used for a
/// clean memory figure in a fresh process).
const OPEN_ONLY: &str = "DOSSIER_BENCH_OPEN_ONLY";

/// With [`OPEN_ONLY`], a state folder the open fills, as the command line
/// does; without it the open uses no cache.
const STATE: &str = "DOSSIER_BENCH_STATE";

fn main() {
    if let Ok(dir) = std::env::var(OPEN_ONLY) {
        open_only(&dir);
        return;
    }
    let sizes: Vec<usize> = std::env::var("DOSSIER_BENCH_SIZES").ok().map_or_else(
        || vec![10_000, 100_000],
        |s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    );
    if let Ok(dir) = std::env::var("DOSSIER_BENCH_WRITE") {
        let n = sizes.first().copied().unwrap_or(10_000);
        std::fs::create_dir_all(&dir).expect("create the folder");
        let corpus = shaped(n);
        corpus.write_to(dir.as_ref()).expect("write corpus");
        println!("{n} files, {:.1} MB in {dir}", mb(corpus.total_bytes()));
        return;
    }
    println!("threads: {}", rayon::current_num_threads());
    for (i, &n) in sizes.iter().enumerate() {
        run(n, i == 0 && n <= 20_000);
    }
}

fn run(n: usize, measure_threshold: bool) {
    let t = Instant::now();
    let mut corpus = shaped(n);
    let bytes = corpus.total_bytes();
    let dir = tempfile::tempdir().expect("temp dir");
    corpus.write_to(dir.path()).expect("write corpus");
    // Only names and planted pairs are needed from here on.
    for (_, text) in &mut corpus.docs {
        *text = String::new();
    }
    println!(
        "\n== {n} articles, {:.1} MB, {} planted copies (generated and written in {:.1} s)",
        mb(bytes),
        corpus.planted.len(),
        t.elapsed().as_secs_f64()
    );
    let paths = vec![dir.path().to_path_buf()];
    let opts = LoadOptions::default();

    let (files, _) = load::discover(&paths, &opts, &|_| {});
    let (read, read_wall, read_cpu) = timed(|| {
        files
            .par_iter()
            .map(|f| std::fs::read(&f.path).map_or(0, |b| b.len()))
            .sum::<usize>()
    });
    report("read the files (floor)", n, read, read_wall, read_cpu);

    let ((docs, warnings), load_wall, load_cpu) = timed(|| load::load_paths(&paths, &opts));
    assert!(
        warnings.is_empty(),
        "unexpected warnings: {:?}",
        warnings.first()
    );
    report("load", n, bytes, load_wall, load_cpu);

    let (articles, clean_wall, clean_cpu) = timed(|| {
        let chrome = ChromeModel::learn(&docs);
        docs.par_iter()
            .filter_map(|d| clean::clean_for_dedup(d, &chrome))
            .unzip::<_, _, Vec<Article>, Vec<Vec<candidates::Print>>>()
    });
    report("clean (+ dedup prints)", n, bytes, clean_wall, clean_cpu);
    drop(docs);

    let (articles, prints) = articles;
    let cleaned = measure_threshold.then(|| articles.clone());
    let (deduped, dedup_wall, dedup_cpu) =
        timed(|| dedup::dedup_prepared(articles, prints, &DedupOptions::default()));
    report("dedupe", n, bytes, dedup_wall, dedup_cpu);
    report(
        "clean + dedupe",
        n,
        bytes,
        clean_wall + dedup_wall,
        clean_cpu + dedup_cpu,
    );
    report(
        "load + clean + dedupe",
        n,
        bytes,
        load_wall + clean_wall + dedup_wall,
        load_cpu + clean_cpu + dedup_cpu,
    );
    let (p, r) = precision_recall(&corpus, &deduped);
    println!(
        "dedupe: {} articles left; precision {p:.4}, recall {r:.4} (default threshold {})",
        deduped.len(),
        DedupOptions::default().threshold
    );
    drop(deduped);

    // In a fresh process, so that memory freed by the steps above and kept
    // by the allocator does not hide the real peak.
    let child = std::process::Command::new(std::env::current_exe().expect("bench binary"))
        .env(OPEN_ONLY, dir.path())
        .output()
        .expect("run the open-only child");
    print!("{}", String::from_utf8_lossy(&child.stdout));

    if let Some(cleaned) = cleaned {
        measure(&corpus, &cleaned);
    }
}

/// The corpus of `n` files the bench runs on (see the module comment).
fn shaped(n: usize) -> GeneratedCorpus {
    match std::env::var("DOSSIER_BENCH_CORPUS").as_deref() {
        Ok("planted") => generated::generate::generate(n, SEED),
        _ => generated::wire::real_shaped(n, SEED),
    }
}

/// Prints wall time with articles/s and MB/s, and the CPU time spent.
fn report(what: &str, n: usize, bytes: usize, wall: Duration, cpu: Duration) {
    let s = wall.as_secs_f64();
    println!(
        "{what:<28} {:>7.3} s wall {:>9.0} articles/s {:>7.1} MB/s   {:>7.3} s CPU",
        s,
        n as f64 / s,
        mb(bytes) / s,
        cpu.as_secs_f64()
    );
}

/// Returns the CPU time (user + system) this process has used, from
/// /proc/self/stat; the machine is shared, so wall time alone misleads.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i).and_then(|f| f.parse::<u64>().ok()))
        .sum();
    // USER_HZ is 100 on Linux.
    Duration::from_millis(ticks * 10)
}

/// Opens `dir` with the whole pipeline and prints time and peak memory.
fn open_only(dir: &str) {
    let paths = vec![PathBuf::from(dir)];
    let (files, _) = load::discover(&paths, &LoadOptions::default(), &|_| {});
    let (n, bytes) = (
        files.len(),
        files.iter().map(|f| f.size as usize).sum::<usize>(),
    );
    // Start the peak from here (Linux: writing 5 to clear_refs resets it).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_bytes("VmRSS:").unwrap_or(0);
    let opts = Options::default();
    let ticks = Ticks::new();
    let sink = |p: Progress| ticks.record(p);
    // With a state folder the open fills the cache there, as the command
    // line's `list` does (heads only, the snapshot stored at the end).
    let cache = std::env::var_os(STATE).map(|dir| {
        dossier::state::cache::Cache::open(Some(dir.as_ref()))
            .expect("open the cache")
            .0
    });
    let (listed, list_wall, list_cpu) = timed(|| {
        let open = pipeline::Open::new(&paths, &opts).progress(&sink);
        match &cache {
            Some(cache) => open.cache(cache, false).without_text().list(),
            None => open.list(),
        }
        .expect("open")
    });
    report("open up to the list", n, bytes, list_wall, list_cpu);
    let listed_rss = status_bytes("VmRSS:").unwrap_or(0);
    let (library, wall, cpu) = timed(|| listed.entities().library);
    ticks.finish();
    let (wall, cpu) = (list_wall + wall, list_cpu + cpu);
    report("pipeline::open (all stages)", n, bytes, wall, cpu);
    println!(
        "RSS with the list {:.0} MB (the reader shows it then; the entities follow)",
        mb(listed_rss)
    );
    if let Some(peak) = status_bytes("VmHWM:") {
        println!(
            "pipeline::open peak RSS {:.0} MB in a fresh process ({:.0} MB before; text {:.0} MB)",
            mb(peak),
            mb(before),
            mb(bytes)
        );
    }
    ticks.print();
    drop(library);
}

/// Every progress report of an open, with when it came and the resident
/// memory then: the longest wait between two moves of the count, and the
/// memory at each stage's end.
struct Ticks {
    start: Instant,
    seen: Mutex<Vec<(Duration, Option<Progress>, usize)>>,
}

impl Ticks {
    fn new() -> Self {
        Self {
            start: Instant::now(),
            seen: Mutex::new(Vec::new()),
        }
    }

    fn record(&self, p: Progress) {
        let rss = status_bytes("VmRSS:").unwrap_or(0);
        let mut seen = self.seen.lock().expect("ticks");
        seen.push((self.start.elapsed(), Some(p), rss));
    }

    /// Marks the end of the open (the last stage's count stops there).
    fn finish(&self) {
        let rss = status_bytes("VmRSS:").unwrap_or(0);
        let mut seen = self.seen.lock().expect("ticks");
        seen.push((self.start.elapsed(), None, rss));
    }

    /// Prints, per stage, the longest time its shown count stood still
    /// (up to the next stage's start), its length and its memory at the
    /// end and at most. With `DOSSIER_BENCH_TICKS=FILE`, every report goes
    /// to FILE too.
    fn print(&self) {
        let seen = self.seen.lock().expect("ticks");
        if let Ok(file) = std::env::var("DOSSIER_BENCH_TICKS") {
            let lines: String = seen
                .iter()
                .map(|(t, p, rss)| match p {
                    Some(p) => format!(
                        "{:.4} {:?} {} {} {:.0}\n",
                        t.as_secs_f64(),
                        p.stage,
                        p.done,
                        p.total,
                        mb(*rss)
                    ),
                    None => format!("{:.4} end - - {:.0}\n", t.as_secs_f64(), mb(*rss)),
                })
                .collect();
            std::fs::write(file, lines).expect("write the ticks");
        }
        // (stage, first time, longest gap, end time, RSS at end, top RSS)
        let mut stages: Vec<(Stage, Duration, Duration, Duration, usize, usize)> = Vec::new();
        for (i, (t, p, rss)) in seen.iter().enumerate() {
            let Some(p) = p else { continue };
            let next = seen.get(i + 1).map_or(*t, |n| n.0);
            let gap = next.saturating_sub(*t);
            match stages.last_mut() {
                Some(last) if last.0 == p.stage => {
                    last.2 = last.2.max(gap);
                    last.3 = next;
                    last.4 = seen.get(i + 1).map_or(*rss, |n| n.2);
                    last.5 = last.5.max(*rss);
                }
                _ => stages.push((p.stage, *t, gap, next, *rss, *rss)),
            }
        }
        for (stage, first, gap, end, rss, top) in stages {
            println!(
                "  {:<20} {:>6.3} s  longest still {:>5.0} ms  RSS at end {:>5.0} MB (top {:.0})",
                stage.label(),
                end.saturating_sub(first).as_secs_f64(),
                gap.as_secs_f64() * 1e3,
                mb(rss),
                mb(top)
            );
        }
    }
}

/// Times `f`, returning its result, wall time and CPU time.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Duration) {
    let (t, c) = (Instant::now(), cpu_time());
    let out = f();
    (out, t.elapsed(), cpu_time().saturating_sub(c))
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// Returns the generated document index of a path (its file-name prefix).
fn doc_index(path: &str) -> Option<usize> {
    let name = PathBuf::from(path);
    let name = name.file_name()?.to_string_lossy().into_owned();
    name.split('_').next()?.parse().ok()
}

/// Pairwise precision and recall of the merged groups against the planted
/// groups (an original with all its copies).
fn precision_recall(corpus: &GeneratedCorpus, articles: &[Article]) -> (f64, f64) {
    let truth = truth_pairs(corpus);
    let mut predicted = HashSet::new();
    for a in articles.iter().filter(|a| a.sources.len() > 1) {
        let ids: Vec<usize> = a.paths().filter_map(doc_index).collect();
        for (i, &x) in ids.iter().enumerate() {
            for &y in &ids[i + 1..] {
                predicted.insert((x.min(y), x.max(y)));
            }
        }
    }
    let hits = predicted.intersection(&truth).count() as f64;
    let p = if predicted.is_empty() {
        1.0
    } else {
        hits / predicted.len() as f64
    };
    let r = if truth.is_empty() {
        1.0
    } else {
        hits / truth.len() as f64
    };
    (p, r)
}

fn truth_pairs(corpus: &GeneratedCorpus) -> HashSet<(usize, usize)> {
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(orig, copy) in &corpus.planted {
        groups.entry(orig).or_insert_with(|| vec![orig]).push(copy);
    }
    let mut pairs = HashSet::new();
    for members in groups.values() {
        for (i, &x) in members.iter().enumerate() {
            for &y in &members[i + 1..] {
                pairs.insert((x.min(y), x.max(y)));
            }
        }
    }
    pairs
}

/// Prints the containment of planted copies in their originals and of the
/// most similar unrelated pairs, and precision/recall over a threshold sweep.
fn measure(corpus: &GeneratedCorpus, cleaned: &[Article]) {
    let by_doc: HashMap<usize, usize> = cleaned
        .iter()
        .enumerate()
        .filter_map(|(i, a)| Some((doc_index(&a.sources[0].path)?, i)))
        .collect();
    let sets: Vec<Vec<u64>> = cleaned
        .par_iter()
        .map(|a| shingles::shingle_set(&a.text))
        .collect();
    let contain = |a: usize, b: usize| {
        let (x, y) = (&sets[a], &sets[b]);
        if x.len() <= y.len() {
            shingles::containment(x, y)
        } else {
            shingles::containment(y, x)
        }
    };
    let mut planted: Vec<f64> = corpus
        .planted
        .iter()
        .filter_map(|&(o, k)| Some(contain(*by_doc.get(&o)?, *by_doc.get(&k)?)))
        .collect();
    planted.sort_by(f64::total_cmp);
    let truth = truth_pairs(corpus);
    let prints: Vec<Vec<candidates::Print>> = cleaned
        .par_iter()
        .map(|a| candidates::fingerprints(&a.text))
        .collect();
    let mut unrelated: Vec<f64> = candidates::pairs(&prints, 0.0)
        .into_iter()
        .filter(|&(a, b)| {
            let (x, y) = (
                doc_index(&cleaned[a as usize].sources[0].path),
                doc_index(&cleaned[b as usize].sources[0].path),
            );
            matches!((x, y), (Some(x), Some(y)) if !truth.contains(&(x.min(y), x.max(y))))
        })
        .map(|(a, b)| contain(a as usize, b as usize))
        .collect();
    unrelated.sort_by(f64::total_cmp);
    let q = |v: &[f64], f: f64| v.get(((v.len() as f64 - 1.0) * f) as usize).copied();
    println!("\n-- threshold measurement ({} articles)", cleaned.len());
    println!(
        "planted copies: {} pairs; containment min {:?}, 1% {:?}, median {:?}",
        planted.len(),
        q(&planted, 0.0),
        q(&planted, 0.01),
        q(&planted, 0.5)
    );
    println!(
        "unrelated pairs sharing a fingerprint: {}; containment median {:?}, 99% {:?}, max {:?}",
        unrelated.len(),
        q(&unrelated, 0.5),
        q(&unrelated, 0.99),
        q(&unrelated, 1.0)
    );
    for threshold in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let merged = dedup::dedup(cleaned.to_vec(), &DedupOptions { threshold });
        let (p, r) = precision_recall(corpus, &merged);
        println!("threshold {threshold:.1}: precision {p:.4}, recall {r:.4}");
    }
}
