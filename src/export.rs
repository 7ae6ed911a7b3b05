//! Export: the articles with their entities and the article–entity graph,
//! as JSON (everything), CSV (the edge list) or FollowTheMoney JSON Lines
//! (see [`ftm`]), so the work can leave dossier.
//!
//! CSV is written by hand: fields with a comma, quote or line break are
//! quoted, and a field that a spreadsheet would run as a formula (leading
//! `=`, `+`, `-`, `@`, their full-width forms, tab or carriage return) is
//! defused with a leading `'`.

use std::io::{self, Write};

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::entities::EntityKind;
use crate::pipeline::Library;
use crate::search::texts::Texts;

pub mod ftm;

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Articles, entities and edges in one JSON document.
    Json,
    /// The article–entity edge list: article_id,title,entity,kind,count.
    Csv,
    /// FollowTheMoney JSON Lines (Article, Person, Company, Organization,
    /// Mention), as Aleph and OpenAleph load it.
    Ftm,
}

/// Writes the library of `texts` to `out` in `format`; only
/// FollowTheMoney reads the article texts.
pub fn write(texts: &Texts, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => write_json(texts.library(), out),
        Format::Csv => write_csv(texts.library(), out),
        Format::Ftm => ftm::write(texts, out),
    }
}

/// The JSON document: its articles, entities and edges, each made as it
/// is written. Gathered first, the articles' entity lists and the edges
/// of 100,000 articles took 800 MB, as much again as the whole open.
struct Document<'a>(&'a Library);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut doc = serializer.serialize_struct("Document", 3)?;
        doc.serialize_field("articles", &Articles(self.0))?;
        doc.serialize_field("entities", &Entities(self.0))?;
        doc.serialize_field("edges", &Edges(self.0))?;
        doc.end()
    }
}

/// Every article, with its entities.
struct Articles<'a>(&'a Library);

impl Serialize for Articles<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let library = self.0;
        serializer.collect_seq(library.corpus.articles.iter().enumerate().map(|(i, a)| {
            ArticleOut {
                id: &a.id,
                title: &a.title,
                author: a.author.as_deref(),
                date: a.date.as_deref(),
                source: a.source.as_deref(),
                url: a.url.as_deref(),
                paths: a.paths().collect(),
                words: a.words,
                entities: article_entities(library, i),
            }
        }))
    }
}

/// Every entity of the index.
struct Entities<'a>(&'a Library);

impl Serialize for Entities<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.index.entities().map(|(_, e)| EntityOut {
            name: &e.name,
            kind: e.kind,
            country: e.country.as_deref(),
            aliases: &e.aliases,
            articles: e.articles.len(),
            mentions: e.mentions,
        }))
    }
}

/// Every article–entity edge, article by article.
struct Edges<'a>(&'a Library);

impl Serialize for Edges<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let library = self.0;
        serializer.collect_seq(
            library
                .corpus
                .articles
                .iter()
                .enumerate()
                .flat_map(|(i, a)| {
                    article_entities(library, i).into_iter().map(|m| Edge {
                        article_id: &a.id,
                        entity: m.name,
                        kind: m.kind,
                        count: m.count,
                    })
                }),
        )
    }
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    title: &'a str,
    author: Option<&'a str>,
    date: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    paths: Vec<&'a str>,
    words: usize,
    entities: Vec<Mentioned<'a>>,
}

#[derive(Serialize)]
struct Mentioned<'a> {
    name: &'a str,
    kind: EntityKind,
    count: u32,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    name: &'a str,
    kind: EntityKind,
    country: Option<&'a str>,
    aliases: &'a [String],
    articles: usize,
    mentions: u32,
}

#[derive(Serialize)]
struct Edge<'a> {
    article_id: &'a str,
    entity: &'a str,
    kind: EntityKind,
    count: u32,
}

/// Returns each article's (entity name, kind, count) list, most mentioned
/// first, skipping ids that do not resolve.
fn article_entities(library: &Library, article: usize) -> Vec<Mentioned<'_>> {
    library
        .index
        .entities_in(article)
        .iter()
        .filter_map(|&(id, count)| {
            let e = library.index.entity(id)?;
            Some(Mentioned {
                name: &e.name,
                kind: e.kind,
                count,
            })
        })
        .collect()
}

fn write_json(library: &Library, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document(library);
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &doc).map_err(io::Error::other)?;
    out.write_all(b"\n")?;
    out.flush()
}

fn write_csv(library: &Library, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    out.write_all(b"article_id,title,entity,kind,count\r\n")?;
    for (i, a) in library.corpus.articles.iter().enumerate() {
        for m in article_entities(library, i) {
            let count = m.count.to_string();
            let row = [
                a.id.as_str(),
                a.title.as_str(),
                m.name,
                m.kind.as_str(),
                &count,
            ];
            for (n, field) in row.iter().enumerate() {
                if n > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(csv_field(field).as_bytes())?;
            }
            out.write_all(b"\r\n")?;
        }
    }
    out.flush()
}

/// Returns `field` as one CSV field (RFC 4180), defused against formula
/// injection.
pub fn csv_field(field: &str) -> String {
    let defused;
    // Spreadsheets also read the full-width forms (U+FF1D, U+FF0B,
    // U+FF0D, U+FF20) as formula starters.
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) {
        defused = format!("'{field}");
        defused.as_str()
    } else {
        field
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_defused() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=1+2"), "'=1+2");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-3"), "'-3");
        assert_eq!(csv_field("+cmd,x"), "\"'+cmd,x\"");
        assert_eq!(csv_field("a=b"), "a=b");
        assert_eq!(csv_field("＝1＋2"), "'＝1＋2");
        assert_eq!(csv_field("＋cmd"), "'＋cmd");
        assert_eq!(csv_field("－3"), "'－3");
        assert_eq!(csv_field("＠SUM(A1)"), "'＠SUM(A1)");
        assert_eq!(csv_field(""), "");
    }
}
