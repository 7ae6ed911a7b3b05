//! Measuring plain-text layout on wire-style stories: how many of a file's
//! body words the cleaned article keeps, and how many paragraph breaks fall
//! inside a sentence. Shared by the `wire_layout` tests and the `layout`
//! bench (which runs it on held-out folders).
//!
//! A wire-style file is a headline line, then the body. The body's words
//! are every word after the headline, less a closing sign-off line
//! ("Reuter"), which is the agency's signature rather than the story.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;

use dossier::corpus::{Article, BlockKind, Corpus};

/// What one story kept.
#[derive(Debug)]
pub struct Retention {
    pub path: String,
    pub body_words: usize,
    pub kept_words: usize,
    /// Body words the article does not show, as read in the file.
    pub missing: Vec<String>,
}

impl Retention {
    pub fn share(&self) -> f64 {
        if self.body_words == 0 {
            1.0
        } else {
            self.kept_words as f64 / self.body_words as f64
        }
    }
}

/// Paragraph breaks of a corpus, and those that cut a sentence.
#[derive(Debug, Default)]
pub struct Breaks {
    pub total: usize,
    pub inside_sentence: usize,
    /// The text before each break that cut a sentence (for reports).
    pub examples: Vec<String>,
}

/// Returns the body words of a wire-style file: the words after its
/// headline (the first non-blank line), less a closing sign-off line.
pub fn body_words(file_text: &str) -> Vec<String> {
    let mut lines: Vec<&str> = file_text.lines().collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    if lines
        .last()
        .is_some_and(|l| l.trim().eq_ignore_ascii_case("reuter"))
    {
        lines.pop();
    }
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .map_or(lines.len(), |i| i + 1);
    lines[start..]
        .iter()
        .flat_map(|l| l.split_whitespace())
        .filter_map(normal)
        .collect()
}

/// A word without surrounding punctuation, lower-cased; `None` for
/// punctuation alone.
fn normal(word: &str) -> Option<String> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    (!w.is_empty()).then(|| w.to_lowercase())
}

/// Returns how many of `file_text`'s body words `article` shows in its
/// body or end matter (as a multiset: a word twice in the file must be
/// there twice).
pub fn retention(path: &str, file_text: &str, article: &Article) -> Retention {
    let body = body_words(file_text);
    let mut shown: HashMap<String, usize> = HashMap::new();
    let shown_text =
        std::iter::once(article.text.as_str()).chain(article.end_matter.iter().map(String::as_str));
    for word in shown_text
        .flat_map(str::split_whitespace)
        .filter_map(normal)
    {
        *shown.entry(word).or_default() += 1;
    }
    let mut kept = 0;
    let mut missing = Vec::new();
    for word in &body {
        match shown.get_mut(word) {
            Some(n) if *n > 0 => {
                *n -= 1;
                kept += 1;
            }
            _ => missing.push(word.clone()),
        }
    }
    Retention {
        path: path.to_owned(),
        body_words: body.len(),
        kept_words: kept,
        missing,
    }
}

/// Returns the article a file was read into (canonical or merged copy).
pub fn article_of<'a>(corpus: &'a Corpus, path: &Path) -> Option<&'a Article> {
    let path = path.to_string_lossy();
    corpus
        .articles
        .iter()
        .find(|a| a.paths().any(|p| p == path))
}

/// Counts the breaks between an article's text blocks that cut a
/// sentence: the block before does not end like a sentence (or a colon),
/// and either it is a paragraph or the block after starts in lower case
/// or with a figure.
/// Breaks around preformatted blocks (tables, lists) are not counted.
pub fn count_breaks(article: &Article, breaks: &mut Breaks) {
    for pair in article.blocks.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.kind == BlockKind::Preformatted || b.kind == BlockKind::Preformatted {
            continue;
        }
        breaks.total += 1;
        let before = article.block_text(a).trim_end();
        let after = article.block_text(b);
        let ends = before
            .trim_end_matches(['"', '\'', ')', '”', '’'])
            .ends_with(['.', '!', '?', ':', '…', ';']);
        let lower_next = after.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
        if !ends && (a.kind == BlockKind::Paragraph || lower_next) {
            breaks.inside_sentence += 1;
            let tail: String = before
                .chars()
                .rev()
                .take(40)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            breaks
                .examples
                .push(format!("…{tail} ¶ {}", first_words(after)));
        }
    }
}

fn first_words(s: &str) -> String {
    s.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
}
