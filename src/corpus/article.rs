//! The article: what one story looks like once cleaned and deduplicated.

use serde::{Deserialize, Serialize};

use super::dates::DateSource;

/// A document as read from disk, before cleaning: one file, or one line of a
/// `.jsonl` file. Metadata comes from front matter or JSON fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RawDoc {
    /// Display path; `file.jsonl:12` for line 12 of a JSON Lines file.
    pub path: String,
    /// Sanitized text (see [`crate::sanitize`]).
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The URLs the text's `[n]` link markers refer to, `[1]` first (from
    /// pages and feeds).
    #[serde(default)]
    pub links: Vec<String>,
    /// The file's modification time (ns since the epoch), set by the
    /// loader for files read from disk; the last resort for the date. Not
    /// part of the cached document: a touched file keeps its blob.
    #[serde(skip)]
    pub mtime_ns: Option<i64>,
}

/// What a block of the cleaned text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    /// Lines kept as they are (a table, a list, a run of short lines, a
    /// fenced block): never reflowed, joined by single line breaks.
    Preformatted,
}

/// A heading, paragraph or preformatted block: a byte range of
/// [`Article::text`] (see [`Block::range`]). The offsets are 32 bits: a
/// text is at most the largest file read (16 MB unless configured), and a
/// corpus holds one block for every paragraph, 1.5 million in 100,000
/// articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: u32,
    pub end: u32,
}

impl Block {
    /// The block of `kind` over bytes `range` of its text; `None` past
    /// 4 GiB.
    pub fn new(kind: BlockKind, range: std::ops::Range<usize>) -> Option<Self> {
        Some(Self {
            kind,
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
        })
    }

    /// Returns the byte range of the block in its article's text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One file an article was read from, with how much of it is contained in
/// the canonical article (1.0 for the canonical copy itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub containment: f64,
    /// The blocks of a merged copy that the canonical article does not
    /// hold (a paragraph the shorter copy adds), in order: merging never
    /// hides a copy's own text. Empty for the canonical copy and for copies
    /// it holds whole.
    #[serde(default)]
    pub only_here: Vec<String>,
}

impl Source {
    /// A file whose text is `containment` held by the canonical article,
    /// with nothing of its own.
    pub fn new(path: String, containment: f64) -> Self {
        Self {
            path,
            containment,
            only_here: Vec::new(),
        }
    }
}

/// A cleaned, deduplicated article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the normalised content, not from load order.
    pub id: String,
    pub title: String,
    pub author: Option<String>,
    /// The author's role as the byline gives it ("Transport
    /// Correspondent"), where it does.
    #[serde(default)]
    pub author_role: Option<String>,
    /// The byline as the article prints it, less its "By", where it says
    /// more than the author and the role: where the writer filed from
    /// ("Ana Ruiz in Kyiv"), a second writer, an outlet.
    #[serde(default)]
    pub author_credit: Option<String>,
    /// When it was published, as ISO `YYYY-MM-DD` (with `THH:MM` and a
    /// zone when the time is known); see [`crate::corpus::dates`]. A
    /// stated date that cannot be read is kept as written.
    pub date: Option<String>,
    /// Where [`Self::date`] comes from (a file time is not a publication
    /// date); `None` when there is no date.
    #[serde(default)]
    pub date_source: Option<DateSource>,
    /// Publisher or site name, where stated.
    pub source: Option<String>,
    pub url: Option<String>,
    /// The cleaned body: blocks joined by a blank line. Entity spans and
    /// [`Block`] ranges are byte offsets into this string.
    pub text: String,
    pub blocks: Vec<Block>,
    /// Editorial end matter ("Sources", "Original article: …", disclaimers),
    /// kept apart from the body.
    pub end_matter: Vec<String>,
    /// The URLs the text's `[n]` link markers refer to, `[1]` first.
    #[serde(default)]
    pub links: Vec<String>,
    pub words: usize,
    /// Every file this article was read from, canonical first.
    pub sources: Vec<Source>,
}

impl Article {
    /// Returns the day (day number) the article was published, if the file
    /// or a dateline says: a file's modification time says when it was
    /// saved, and a folder saved in one afternoon would otherwise look like
    /// one moment.
    pub fn publication_day(&self) -> Option<i64> {
        match self.date_source? {
            DateSource::Metadata | DateSource::Dateline => {
                self.date.as_deref().and_then(super::dates::day_number)
            }
            DateSource::FileTime => None,
        }
    }

    /// Returns the author with their role, as a byline prints them
    /// ("Priya Natarajan, Transport Correspondent"), or the byline as
    /// printed where it says more ("Ana Ruiz in Kyiv"); `None` without an
    /// author.
    pub fn byline(&self) -> Option<String> {
        let author = self.author.as_deref()?;
        let printed = self.author_credit.as_deref().unwrap_or(author);
        Some(match &self.author_role {
            Some(role) if !printed.contains(role.as_str()) => format!("{printed}, {role}"),
            _ => printed.to_owned(),
        })
    }

    /// Returns a copy of its head: everything but the body that
    /// [`Self::drop_body`] lets go of, which is never copied.
    #[must_use]
    pub fn head(&self) -> Article {
        Article {
            id: self.id.clone(),
            title: self.title.clone(),
            author: self.author.clone(),
            author_role: self.author_role.clone(),
            author_credit: self.author_credit.clone(),
            date: self.date.clone(),
            date_source: self.date_source,
            source: self.source.clone(),
            url: self.url.clone(),
            text: String::new(),
            blocks: Vec::new(),
            end_matter: Vec::new(),
            links: Vec::new(),
            words: self.words,
            sources: self.sources.clone(),
        }
    }

    /// Lets the body go (text, blocks, end matter and links), keeping the
    /// head: what a caller that shows no text holds of an article.
    pub fn drop_body(&mut self) {
        self.text = String::new();
        self.blocks = Vec::new();
        self.end_matter = Vec::new();
        self.links = Vec::new();
    }

    /// Returns the text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.range()]
    }

    /// Returns the section headings in order.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        self.blocks_of(BlockKind::Heading)
    }

    /// Returns the paragraphs in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks_of(BlockKind::Paragraph)
    }

    /// Returns the preformatted blocks (tables, lists, fenced blocks) in
    /// order, each as its lines joined by `\n`.
    pub fn preformatted(&self) -> impl Iterator<Item = &str> {
        self.blocks_of(BlockKind::Preformatted)
    }

    /// Returns the merged copies that hold blocks of their own (see
    /// [`Source::only_here`]), in order.
    pub fn copies_with_own_blocks(&self) -> impl Iterator<Item = &Source> {
        self.sources.iter().filter(|s| !s.only_here.is_empty())
    }

    /// Returns the blocks only its merged copies hold ([`Source::only_here`]),
    /// in order.
    pub fn copy_blocks(&self) -> impl Iterator<Item = &str> {
        self.sources
            .iter()
            .flat_map(|s| s.only_here.iter().map(String::as_str))
    }

    /// Returns [`Self::copy_blocks`] joined by a blank line: the text that
    /// mentions of [`crate::entities::Location::Copies`] point into.
    pub fn copies_text(&self) -> String {
        self.copy_blocks().collect::<Vec<_>>().join("\n\n")
    }

    /// Returns the source paths, canonical first.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.sources.iter().map(|s| s.path.as_str())
    }

    fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .filter(move |b| b.kind == kind)
            .map(|b| self.block_text(b))
    }
}

/// A file that was skipped or read with a problem: one line, path and reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// A set of duplicates merged into one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DupeGroup {
    pub canonical: String,
    pub copies: Vec<Source>,
}

/// The deduplicated articles of one load, with the warnings it produced.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
}

impl Corpus {
    /// Returns the duplicate groups: one per article read from more than one file.
    pub fn dupe_groups(&self) -> Vec<DupeGroup> {
        self.articles
            .iter()
            .filter(|a| a.sources.len() > 1)
            .map(|a| DupeGroup {
                canonical: a.sources[0].path.clone(),
                copies: a.sources[1..].to_vec(),
            })
            .collect()
    }

    /// Returns true if and only if `other` holds the same articles, in the
    /// same order (so that indices into either mean the same).
    pub fn lists_same_articles(&self, other: &Corpus) -> bool {
        let (these, those) = (&self.articles, &other.articles);
        these.len() == those.len() && these.iter().zip(those).all(|(a, b)| a.id == b.id)
    }

    /// Returns the index of the article with this id, or of the only article
    /// whose id starts with it.
    pub fn find(&self, id: &str) -> Option<usize> {
        if let Some(i) = self.articles.iter().position(|a| a.id == id) {
            return Some(i);
        }
        let mut hits = self
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.id.starts_with(id));
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) if !id.is_empty() => Some(i),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_twelve_bytes_and_keeps_its_range() {
        assert_eq!(std::mem::size_of::<Block>(), 12);
        let block = Block::new(BlockKind::Heading, 20..33).expect("a short range");
        assert_eq!((block.kind, block.range()), (BlockKind::Heading, 20..33));
        assert!(Block::new(BlockKind::Paragraph, 0..5_000_000_000).is_none());
    }
}
