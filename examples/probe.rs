#![allow(clippy::disallowed_macros, reason = "probe")]
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;
fn rss(field: &str) -> usize {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0) / 1024
}
fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let t = Instant::now();
    // stage, last event time, max gap, events
    let last: Mutex<Option<(dossier::pipeline::Stage, f64, f64, usize, usize)>> = Mutex::new(None);
    let progress = |p: dossier::pipeline::Progress| {
        let now = t.elapsed().as_secs_f64();
        let mut l = last.lock().unwrap();
        match &mut *l {
            Some((s, at, gap, n, done)) if *s == p.stage => {
                *gap = gap.max(now - *at);
                *at = now;
                *n += 1;
                *done = p.done;
            }
            _ => {
                if let Some((s, _, gap, n, done)) = *l {
                    eprintln!("         {:<20} ended: {n} reports, last {done}, max gap {:.0} ms", s.label(), gap * 1000.0);
                }
                *l = Some((p.stage, now, 0.0, 1, p.done));
                eprintln!("{:>7.3}s {:<20} total {:>6} rss {:>5} MB hwm {:>5} MB", now, p.stage.label(), p.total, rss("VmRSS:"), rss("VmHWM:"));
            }
        }
    };
    let lib = dossier::pipeline::open(&paths, &dossier::pipeline::Options::default(), &progress).unwrap();
    let now = t.elapsed().as_secs_f64();
    if let Some((s, at, gap, n, done)) = *last.lock().unwrap() {
        eprintln!("         {:<20} ended: {n} reports, last {done}, max gap {:.0} ms (then {:.0} ms to the end)", s.label(), gap * 1000.0, (now - at) * 1000.0);
    }
    eprintln!("{:>7.3}s done {} articles rss {:>5} MB hwm {:>5} MB", now, lib.corpus.articles.len(), rss("VmRSS:"), rss("VmHWM:"));
    let text: usize = lib.corpus.articles.iter().map(|a| a.text.len()).sum();
    let mentions: usize = (0..lib.corpus.articles.len()).map(|i| lib.index.mentions_in(i).len()).sum();
    let blocks: usize = lib.corpus.articles.iter().map(|a| a.blocks.len()).sum();
    eprintln!("text {} MB, mentions {}, blocks {}, entities {}", text / 1_000_000, mentions, blocks, lib.index.entity_count());
    drop(lib);
}
