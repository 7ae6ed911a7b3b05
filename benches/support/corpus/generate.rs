//! A deterministic generator of realistic article corpora with planted
//! duplicates, for benchmarks and dedupe precision/recall measurements.
//!
//! Articles are written from a small grammar over per-subject vocabularies
//! ([`super::vocab`]): headlines, bylines, section headings, quotes and
//! paragraphs that name countries, companies, people and places. Some are
//! wrapped in the page chrome of a fictional site. Among them are planted
//! copies of earlier articles: exact copies (some re-spaced), short copies
//! of the first sections wrapped in another site's chrome, and lightly
//! edited copies. The same `(n, seed)` always gives the same corpus.

use std::fmt::Write as _;

use super::GeneratedCorpus;
use super::grammar::{Rng, Writer};
use super::vocab::{COMPANIES, MONTHS, PEOPLE, SITES, SUBJECTS, Subject, WIDGETS};

/// Share of documents that are planted copies.
const COPY_SHARE: f64 = 0.12;

/// Generates `n` documents from `seed`.
pub fn generate(n: usize, seed: u64) -> GeneratedCorpus {
    let mut rng = Rng::new(seed);
    let mut corpus = GeneratedCorpus::default();
    let mut originals: Vec<(usize, Story)> = Vec::new();
    for i in 0..n {
        let copy_of =
            (!originals.is_empty() && rng.chance(COPY_SHARE)).then(|| rng.below(originals.len()));
        let (name, text) = if let Some(k) = copy_of {
            let (orig, story) = &originals[k];
            corpus.planted.push((*orig, i));
            let text = match rng.below(3) {
                0 => exact_copy(&corpus.docs[*orig].1, &mut rng),
                1 => story.short_copy(&mut rng),
                _ => story.edited(&mut rng).render(&mut rng),
            };
            // Named like any other file: nothing but the text gives it away.
            (format!("{i:06}_{}.txt", SUBJECTS[story.subject].name), text)
        } else {
            let story = Story::new(&mut rng);
            let text = story.render(&mut rng);
            let name = format!("{i:06}_{}.txt", SUBJECTS[story.subject].name);
            originals.push((i, story));
            (name, text)
        };
        corpus.docs.push((name, text));
    }
    corpus
}

/// A byte-identical copy, or the same words with paragraph breaks changed.
fn exact_copy(text: &str, rng: &mut Rng) -> String {
    if rng.chance(0.5) {
        text.to_owned()
    } else {
        text.replace("\n\n", "\n")
    }
}

/// One article before it is laid out as a page.
#[derive(Clone, Debug)]
struct Story {
    subject: usize,
    title: Option<String>,
    byline: Option<String>,
    /// Paragraphs as sentences; a heading is a paragraph of one sentence
    /// flagged in `headings`.
    paragraphs: Vec<Vec<String>>,
    headings: Vec<bool>,
    end_matter: Vec<String>,
}

impl Story {
    fn new(rng: &mut Rng) -> Self {
        let subject = rng.below(SUBJECTS.len());
        let s = &SUBJECTS[subject];
        let mut w = Writer { rng, s };
        let title = (!w.rng.chance(0.15)).then(|| w.headline());
        let byline = w.rng.chance(0.5).then(|| {
            let person = w.rng.pick(PEOPLE);
            match w.rng.below(3) {
                0 => format!("By {person}"),
                1 => format!(
                    "By {person}, {}",
                    w.rng
                        .pick(&["correspondent", "columnist", "reporter", "staff writer"])
                ),
                _ => format!("Author: {person}"),
            }
        });
        let count = 5 + w.rng.below(7);
        let mut paragraphs = Vec::with_capacity(count + 3);
        let mut headings = Vec::with_capacity(count + 3);
        for p in 0..count {
            if p >= 2 && p + 1 < count && w.rng.chance(0.25) {
                paragraphs.push(vec![w.heading()]);
                headings.push(true);
            }
            let sentences = 2 + w.rng.below(4);
            paragraphs.push((0..sentences).map(|_| w.sentence()).collect());
            headings.push(false);
        }
        let end_matter = if w.rng.chance(0.1) {
            vec![
                "Sources".to_owned(),
                format!(
                    "{} annual report, {}",
                    w.rng.pick(COMPANIES),
                    w.rng.pick(MONTHS)
                ),
                "Disclaimer: The views expressed are those of the author.".to_owned(),
            ]
        } else {
            Vec::new()
        };
        Story {
            subject,
            title,
            byline,
            paragraphs,
            headings,
            end_matter,
        }
    }

    /// Lays the story out as a saved page: maybe with site chrome, with
    /// blank-line or single-newline paragraphs.
    fn render(&self, rng: &mut Rng) -> String {
        let chrome = rng.chance(0.3).then(|| rng.below(SITES.len()));
        let sep = if rng.chance(0.7) { "\n\n" } else { "\n" };
        let mut out = String::with_capacity(4096);
        if let Some(site) = chrome {
            top_chrome(site, rng, &mut out);
        }
        if let Some(t) = &self.title {
            out.push_str(t);
            out.push_str(sep);
        }
        if let Some(b) = &self.byline {
            out.push_str(b);
            out.push_str(sep);
        }
        self.body(self.paragraphs.len(), sep, &mut out);
        for line in &self.end_matter {
            out.push_str(line);
            out.push('\n');
        }
        if let Some(site) = chrome {
            bottom_chrome(site, rng, &mut out);
        }
        out
    }

    fn body(&self, paragraphs: usize, sep: &str, out: &mut String) {
        for p in &self.paragraphs[..paragraphs] {
            out.push_str(&p.join(" "));
            out.push_str(sep);
        }
    }

    /// The first sections only, wrapped in another site's chrome.
    fn short_copy(&self, rng: &mut Rng) -> String {
        let n = self.paragraphs.len();
        let keep = (n * (4 + rng.below(3)) / 10).max(2).min(n);
        // Do not end on a heading.
        let keep = if self.headings[keep - 1] {
            keep - 1
        } else {
            keep
        };
        let site = rng.below(SITES.len());
        let mut out = String::with_capacity(2048);
        top_chrome(site, rng, &mut out);
        if let Some(t) = &self.title {
            out.push_str(t);
            out.push_str("\n\n");
        }
        self.body(keep, "\n\n", &mut out);
        bottom_chrome(site, rng, &mut out);
        out
    }

    /// A lightly edited copy: a few words swapped, a sentence dropped, a
    /// sentence added.
    fn edited(&self, rng: &mut Rng) -> Story {
        let mut copy = self.clone();
        let s = &SUBJECTS[self.subject];
        for (p, heading) in copy.paragraphs.iter_mut().zip(&self.headings) {
            if *heading {
                continue;
            }
            for sentence in p.iter_mut() {
                if rng.chance(0.3) {
                    *sentence = swap_word(sentence, s, rng);
                }
            }
        }
        let body: Vec<usize> = (0..copy.paragraphs.len())
            .filter(|&i| !copy.headings[i] && copy.paragraphs[i].len() > 2)
            .collect();
        if !body.is_empty() {
            let p = body[rng.below(body.len())];
            let at = rng.below(copy.paragraphs[p].len());
            copy.paragraphs[p].remove(at);
        }
        let mut w = Writer { rng, s };
        let extra = w.sentence();
        if let Some(last) = copy.paragraphs.last_mut() {
            last.push(extra);
        }
        copy
    }
}

/// Replaces one word of `sentence` with a word of the subject.
fn swap_word(sentence: &str, s: &Subject, rng: &mut Rng) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    if words.len() < 4 {
        return sentence.to_owned();
    }
    let at = 1 + rng.below(words.len() - 2);
    let replacement = rng.pick(s.adjectives);
    let mut out = String::with_capacity(sentence.len() + 8);
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(if i == at { replacement } else { w });
    }
    out
}

fn top_chrome(site: usize, rng: &mut Rng, out: &mut String) {
    let (name, nav) = SITES[site];
    if rng.chance(0.5) {
        out.push_str("Skip to content\n");
    }
    out.push_str(name);
    out.push('\n');
    out.push_str(nav);
    out.push_str("\n\n");
}

fn bottom_chrome(site: usize, rng: &mut Rng, out: &mut String) {
    out.push('\n');
    for _ in 0..3 + rng.below(6) {
        out.push_str(rng.pick(WIDGETS));
        out.push('\n');
    }
    if rng.chance(0.5) {
        let _ = writeln!(out, "© 2026 {}. All rights reserved.", SITES[site].0);
    }
}
