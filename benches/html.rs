//! Benchmark of saved-page extraction: main-text accuracy against expected
//! text, pages per second on one core, and the cost of a hostile page.
//!
//! Accuracy is measured as the public article-extraction benchmarks do:
//! the extracted text and the expected text are cut into 4-word shingles,
//! and each page gets precision (share of extracted shingles that are
//! expected), recall (share of expected shingles extracted) and F1; the
//! figures are averaged over pages. Link markers (`[3]`) and
//! `[image: …]` lines are left out, as they are not page text.
//!
//! `DOSSIER_HTML_PAGES=DIR` names a folder of `name.html` pages with their
//! expected text in `name.txt` (third-party pages: keep them outside the
//! repository). `DOSSIER_SHINGLE=chars` cuts text without spaces between
//! words (Chinese, Japanese, Thai) into characters instead of words.
//! Without the variable only the generated measurements run:
//! `cargo bench --bench html`.
#![allow(clippy::disallowed_macros, reason = "a bench reports on stdout")]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dossier::corpus::clean::{self, ChromeModel};
use dossier::corpus::html;

#[path = "support/status.rs"]
mod status;

use status::status_bytes;

fn main() {
    if let Ok(dir) = std::env::var("DOSSIER_HTML_PAGES") {
        accuracy(Path::new(&dir));
    }
    // `DOSSIER_HTML_ONLY=pages`, `=generated` or `=hostile` runs one part
    // (for profiling).
    let only = std::env::var("DOSSIER_HTML_ONLY").unwrap_or_default();
    if only.is_empty() || only == "generated" {
        speed_generated();
    }
    if only.is_empty() || only == "hostile" {
        hostile();
    }
}

/// Accuracy and speed on a folder of pages with expected text.
fn accuracy(dir: &Path) {
    let chars = std::env::var("DOSSIER_SHINGLE").is_ok_and(|v| v == "chars");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read DOSSIER_HTML_PAGES")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html") && p.with_extension("txt").exists())
        .collect();
    pages.sort();
    println!("== {} pages in {}", pages.len(), dir.display());
    println!(
        "{:<28} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
        "page", "P", "R", "F1", "P'", "R'", "F1'"
    );
    let (mut sum, mut sum_clean) = ([0.0; 3], [0.0; 3]);
    let mut bytes_total = 0;
    let mut loaded = Vec::new();
    for page in &pages {
        let bytes = std::fs::read(page).expect("read page");
        let expected = std::fs::read_to_string(page.with_extension("txt")).expect("read text");
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let (docs, warnings) = html::read(&name, &bytes, None);
        let extracted = docs.first().map(|d| d.text.clone()).unwrap_or_default();
        let cleaned = docs
            .first()
            .and_then(|d| clean::clean(d, &ChromeModel::default()))
            .map(|a| a.text)
            .unwrap_or_default();
        let s = score(&extracted, &expected, chars);
        let c = score(&cleaned, &expected, chars);
        println!(
            "{:<28} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}  {}",
            name.chars().take(28).collect::<String>(),
            s[0],
            s[1],
            s[2],
            c[0],
            c[1],
            c[2],
            warnings.first().map_or("", |w| w.reason.as_str())
        );
        for i in 0..3 {
            sum[i] += s[i];
            sum_clean[i] += c[i];
        }
        bytes_total += bytes.len();
        loaded.push(bytes);
    }
    let n = pages.len().max(1) as f64;
    println!(
        "mean extraction P {:.3} R {:.3} F1 {:.3}; after cleaning (P' R' F1') P {:.3} R {:.3} F1 {:.3}",
        sum[0] / n,
        sum[1] / n,
        sum[2] / n,
        sum_clean[0] / n,
        sum_clean[1] / n,
        sum_clean[2] / n
    );
    let rounds = 5;
    let (t, cpu) = (Instant::now(), cpu_seconds());
    for _ in 0..rounds {
        for bytes in &loaded {
            std::hint::black_box(html::read("p.html", bytes, None));
        }
    }
    let (secs, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let count = (loaded.len() * rounds) as f64;
    println!(
        "speed: {:.0} pages per CPU second on one thread ({:.0}/s wall clock), mean page {:.0} KB, {:.1} MB per CPU second",
        count / cpu,
        count / secs,
        bytes_total as f64 / n / 1024.0,
        (bytes_total * rounds) as f64 / cpu / 1e6
    );
}

/// Returns precision, recall and F1 of `got` against `want` on 4-shingles.
fn score(got: &str, want: &str, chars: bool) -> [f64; 3] {
    let got = shingles(&visible(got), chars);
    let want = shingles(want, chars);
    if got.is_empty() || want.is_empty() {
        return [0.0; 3];
    }
    let common = got.intersection(&want).count() as f64;
    let p = common / got.len() as f64;
    let r = common / want.len() as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    [p, r, f]
}

/// The text without link markers and image lines.
fn visible(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("[image:"))
        .flat_map(|l| l.split_whitespace().chain(std::iter::once("\n")))
        .filter(|w| !html::render::is_marker(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn shingles(text: &str, chars: bool) -> HashSet<Vec<String>> {
    let tokens: Vec<String> = if chars {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .map(String::from)
            .collect()
    } else {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    tokens.windows(4).map(<[String]>::to_vec).collect()
}

/// A page in the shape of a news site, about `size` bytes: head metadata,
/// menus, a cookie banner, the article, a related rail and comments.
fn generated_page(size: usize, seed: u64) -> String {
    let mut rng = Words(seed);
    let mut page = String::from(
        "<!doctype html><html><head><meta charset=utf-8><title>Council votes on the budget | City Post</title><meta property=\"og:site_name\" content=\"City Post\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Council votes on the budget\",\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},\"datePublished\":\"2024-05-02\"}</script><style>body{margin:0}</style></head><body><div class=cookie-banner>We use cookies. <button>Accept</button></div><nav><ul>",
    );
    for s in ["Home", "News", "Sport", "Business", "Weather"] {
        page.push_str(&format!("<li><a href=\"/{s}\">{s}</a></li>"));
    }
    page.push_str("</ul></nav><article><h1>Council votes on the budget</h1><p class=byline>By Ana Ruiz</p><time datetime=\"2024-05-02\">2 May</time>");
    let mut related = String::from("<aside class=related><h3>Related</h3><ul>");
    while page.len() + related.len() < size * 8 / 10 {
        page.push_str(&format!(
            "<p>{} {} <a href=\"/n/{}\">{}</a> {}</p>\n",
            rng.sentence(14),
            rng.sentence(11),
            rng.next() % 1000,
            rng.sentence(3),
            rng.sentence(9)
        ));
        if rng.next().is_multiple_of(5) {
            page.push_str(&format!("<h2>{}</h2>", rng.sentence(4)));
        }
        if rng.next().is_multiple_of(4) {
            related.push_str(&format!(
                "<li><a href=\"/r/{}\">{}</a></li>",
                rng.next() % 1000,
                rng.sentence(7)
            ));
        }
    }
    page.push_str("</article>");
    page.push_str(&related);
    page.push_str("</ul></aside><section id=comments><h3>Comments</h3>");
    while page.len() < size {
        page.push_str(&format!(
            "<div class=comment><span class=user>reader{}</span><p>{}</p></div>",
            rng.next() % 100,
            rng.sentence(12)
        ));
    }
    page.push_str("</section><footer>© City Post</footer></body></html>");
    page
}

/// A seeded source of words (splitmix64 over the corpus's mixer).
struct Words(u64);

impl Words {
    const WORDS: &[&str] = &[
        "council", "budget", "river", "harbour", "season", "match", "rates", "market", "shares",
        "vote", "mayor", "bridge", "school", "results", "league", "profit", "quarter", "growth",
        "rain", "station", "the", "of", "and", "to", "in", "a", "said", "on", "for", "with",
    ];

    fn next(&mut self) -> u64 {
        self.0 = dossier::corpus::shingles::mix(self.0.wrapping_add(0x9e37_79b9_7f4a_7c15));
        self.0
    }

    fn sentence(&mut self, n: usize) -> String {
        let words: Vec<&str> = (0..n)
            .map(|_| Self::WORDS[(self.next() % Self::WORDS.len() as u64) as usize])
            .collect();
        format!("{}.", words.join(" "))
    }
}

fn speed_generated() {
    let pages: Vec<String> = (0..40).map(|i| generated_page(100 * 1024, i)).collect();
    // Warm up, then time on this thread only: one core.
    let (docs, _) = html::read("p.html", pages[0].as_bytes(), None);
    let words = docs
        .first()
        .map_or(0, |d| d.text.split_whitespace().count());
    let (t, cpu) = (Instant::now(), cpu_seconds());
    for _ in 0..3 {
        for page in &pages {
            std::hint::black_box(html::read("p.html", page.as_bytes(), None));
        }
    }
    let (secs, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let count = (pages.len() * 3) as f64;
    println!(
        "== generated 100 KB news pages: {:.0} pages per CPU second ({:.0}/s wall clock; {:.2} ms of CPU a page, {words} words extracted from the first)",
        count / cpu,
        count / secs,
        cpu * 1000.0 / count
    );
}

fn hostile() {
    let depth = 10 * 1024 * 1024 / 11;
    let mut page = String::with_capacity(10 * 1024 * 1024 + 64);
    page.push_str("<html><body>");
    for _ in 0..depth {
        page.push_str("<div>");
    }
    page.push_str("<p>words at the bottom of the well</p>");
    for _ in 0..depth {
        page.push_str("</div>");
    }
    let before = status_bytes("VmHWM:").unwrap_or(0);
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let (docs, warnings) = html::read("deep.html", page.as_bytes(), None);
    println!(
        "== hostile page of {:.1} MB ({} nested <div>): {:.3} s wall clock, {:.2} s CPU, peak memory {} → {} MB, {} docs, {}",
        page.len() as f64 / 1e6,
        depth,
        t.elapsed().as_secs_f64(),
        cpu_seconds() - cpu,
        before >> 20,
        status_bytes("VmHWM:").unwrap_or(0) >> 20,
        docs.len(),
        warnings.first().map_or("no warning", |w| w.reason.as_str())
    );
}

/// The CPU time this process has used, user and system, in seconds
/// (Linux, 10 ms ticks; the timed loops run on one thread). On a machine
/// shared with other work, wall-clock rates understate what one core does.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = &s[s.rfind(')')? + 2..];
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let ticks: u64 =
                fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
            Some(ticks as f64 / 100.0)
        })
        .unwrap_or(0.0)
}
