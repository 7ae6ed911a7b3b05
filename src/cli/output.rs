//! How CLI commands show a [`Library`]: stable JSON values for `--json`
//! and plain tables for people.

use serde::Serialize;
use serde_json::{Value, json};

use crate::corpus::{Article, Corpus};
use crate::entities::{EntityId, EntityKind};
use crate::pipeline::Library;

/// Writes `value` (with `--json`) or the table to stdout, through the
/// door.
pub(super) fn print(
    json: bool,
    value: &impl Serialize,
    table: impl FnOnce() -> String,
) -> anyhow::Result<()> {
    written(if json {
        crate::out::print_json(value)
    } else {
        crate::out::print_text(&table())
    })
}

/// Returns the outcome of writing to stdout, a failure said as such.
fn written(result: std::io::Result<()>) -> anyhow::Result<()> {
    result.map_err(|e| anyhow::Error::new(e).context("cannot write to stdout"))
}

/// Writes the `list --json` rows: each article's summary with its
/// entities, made one at a time as they are written, so a corpus of any
/// size never exists as one JSON value in memory. The fields are in the
/// order [`summary`] gives them (a `json!` object's, sorted by name), so
/// the output is the same as the other JSON views of an article.
pub(super) fn print_list_json(lib: &Library) -> anyhow::Result<()> {
    written(EntityJson::of(lib).and_then(|entities| {
        crate::out::print_json_rows(lib.corpus.articles.len(), |i| list_row(lib, &entities, i))
    }))
}

#[derive(Serialize)]
struct ListRow<'a> {
    author: Option<&'a str>,
    date: Option<&'a str>,
    entities: EntityCounts<'a>,
    id: &'a str,
    paths: Vec<&'a str>,
    source: Option<&'a str>,
    title: &'a str,
    url: Option<&'a str>,
    words: usize,
}

/// An article's entities with how often it names each: a list of
/// [`EntityCount`].
struct EntityCounts<'a> {
    counts: &'a [(EntityId, u32)],
    entities: &'a EntityJson<'a>,
}

#[derive(Serialize)]
struct EntityCount<'a> {
    count: u32,
    kind: EntityKind,
    name: &'a str,
}

impl Serialize for EntityCounts<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let index = &self.entities.library.index;
        serializer.collect_seq(self.counts.iter().map(|&(id, count)| EntityCount {
            count,
            kind: index[id].kind,
            name: &index[id].name,
        }))
    }
}

/// The JSON of every entity of a library without its count, made once:
/// an entity is named in thousands of rows, and escaping its name again
/// for each was a third of a warm `list --json`.
struct EntityJson<'a> {
    library: &'a Library,
    /// Per entity id: `"kind":…,"name":…}`, the end of an [`EntityCount`]
    /// after its count.
    tails: Vec<Vec<u8>>,
}

impl<'a> EntityJson<'a> {
    fn of(library: &'a Library) -> std::io::Result<Self> {
        use rayon::prelude::*;
        let index = &library.index;
        let tails = (0..index.entity_count())
            .into_par_iter()
            .map(|id| {
                let e = &index[id as EntityId];
                let mut tail = Vec::new();
                put(&mut tail, b"\"kind\":", &e.kind)?;
                put(&mut tail, b",\"name\":", &e.name)?;
                tail.push(b'}');
                Ok(tail)
            })
            .collect::<std::io::Result<_>>()?;
        Ok(Self { library, tails })
    }
}

impl crate::out::CompactJson for ListRow<'_> {
    /// As serde_json writes the row, with each entity's kind and name
    /// copied from [`EntityJson`] rather than escaped again.
    fn write_compact(&self, out: &mut Vec<u8>) -> std::io::Result<()> {
        put(out, b"{\"author\":", &self.author)?;
        put(out, b",\"date\":", &self.date)?;
        out.extend_from_slice(b",\"entities\":[");
        for (k, &(id, count)) in self.entities.counts.iter().enumerate() {
            put(
                out,
                if k == 0 {
                    b"{\"count\":"
                } else {
                    b",{\"count\":"
                },
                &count,
            )?;
            out.push(b',');
            out.extend_from_slice(&self.entities.entities.tails[id as usize]);
        }
        put(out, b"],\"id\":", &self.id)?;
        put(out, b",\"paths\":", &self.paths)?;
        put(out, b",\"source\":", &self.source)?;
        put(out, b",\"title\":", &self.title)?;
        put(out, b",\"url\":", &self.url)?;
        put(out, b",\"words\":", &self.words)?;
        out.push(b'}');
        Ok(())
    }
}

/// Appends `before` and the compact JSON of `value` to `out`.
fn put(out: &mut Vec<u8>, before: &[u8], value: &impl Serialize) -> std::io::Result<()> {
    out.extend_from_slice(before);
    serde_json::to_writer(&mut *out, value).map_err(std::io::Error::from)
}

fn list_row<'a>(lib: &'a Library, entities: &'a EntityJson<'a>, i: usize) -> ListRow<'a> {
    let a = &lib.corpus.articles[i];
    ListRow {
        author: a.author.as_deref(),
        date: a.date.as_deref(),
        entities: EntityCounts {
            counts: lib.index.entities_in(i),
            entities,
        },
        id: &a.id,
        paths: a.paths().collect(),
        source: a.source.as_deref(),
        title: &a.title,
        url: a.url.as_deref(),
        words: a.words,
    }
}

pub(super) fn list_table(corpus: &Corpus) -> String {
    let mut out = String::new();
    for a in &corpus.articles {
        let copies = if a.sources.len() > 1 {
            format!(" ×{}", a.sources.len())
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{}  {:>6} words  {}{}{}\n",
            a.id,
            a.words,
            a.title,
            a.author
                .as_ref()
                .map(|s| format!(" — {s}"))
                .unwrap_or_default(),
            copies
        ));
    }
    out
}

pub(super) fn show_json(lib: &Library, i: usize) -> Value {
    let a = &lib.corpus.articles[i];
    let mentions = lib.index.mentions_in(i);
    let entities: Vec<Value> = mentions
        .iter()
        .map(|m| {
            let e = &lib.index[m.entity()];
            json!({ "name": e.name, "kind": e.kind, "start": m.start(), "end": m.end(), "in": m.location() })
        })
        .collect();
    let mut article = summary(a);
    article.extend([
        ("headings".into(), json!(a.headings().collect::<Vec<_>>())),
        (
            "paragraphs".into(),
            json!(a.paragraphs().collect::<Vec<_>>()),
        ),
        (
            "preformatted".into(),
            json!(a.preformatted().collect::<Vec<_>>()),
        ),
        ("end_matter".into(), json!(a.end_matter)),
        ("links".into(), json!(a.links)),
        ("text".into(), json!(a.text)),
        (
            "only_in_copies".into(),
            json!(
                a.copies_with_own_blocks()
                    .map(|s| json!({ "path": s.path, "blocks": s.only_here }))
                    .collect::<Vec<_>>()
            ),
        ),
        ("entities".into(), Value::Array(entities)),
    ]);
    Value::Object(article)
}

/// The fields every JSON view of an article starts with: id, metadata,
/// word count and source paths (canonical first).
fn summary(a: &Article) -> serde_json::Map<String, Value> {
    let Value::Object(fields) = json!({
        "id": a.id,
        "title": a.title,
        "author": a.author,
        "author_role": a.author_role,
        "author_credit": a.author_credit,
        "date": a.date,
        "source": a.source,
        "url": a.url,
        "words": a.words,
        "paths": a.paths().collect::<Vec<_>>(),
    }) else {
        unreachable!("json! of an object literal is an object")
    };
    fields
}

pub(super) fn show_text(a: &Article) -> String {
    let mut out = format!("{}\n", a.title);
    if let Some(byline) = a.byline() {
        out.push_str(&format!("by {byline}\n"));
    }
    if let Some(date) = &a.date {
        out.push_str(&format!("{date}\n"));
    }
    if let Some(url) = &a.url {
        out.push_str(&format!("{url}\n"));
    }
    out.push('\n');
    for b in &a.blocks {
        match b.kind {
            crate::corpus::BlockKind::Heading => {
                out.push_str(&format!("## {}\n\n", a.block_text(b)));
            }
            crate::corpus::BlockKind::Paragraph | crate::corpus::BlockKind::Preformatted => {
                out.push_str(&format!("{}\n\n", a.block_text(b)));
            }
        }
    }
    for line in &a.end_matter {
        out.push_str(&format!("{line}\n"));
    }
    for source in a.copies_with_own_blocks() {
        out.push_str(&format!("\n## Only in {}\n\n", source.path));
        for block in &source.only_here {
            out.push_str(&format!("{block}\n\n"));
        }
    }
    if !a.links.is_empty() {
        out.push_str("\nLinks:\n");
        for (i, link) in a.links.iter().enumerate() {
            out.push_str(&format!("[{}] {link}\n", i + 1));
        }
    }
    out.push_str(&format!(
        "\n[{}]\n",
        a.paths().collect::<Vec<_>>().join(", ")
    ));
    out
}

pub(super) fn dupes_table(corpus: &Corpus) -> String {
    let mut out = String::new();
    for g in corpus.dupe_groups() {
        out.push_str(&format!("{}\n", g.canonical));
        for c in g.copies {
            out.push_str(&format!(
                "  ⊂ {}  (containment {:.2})\n",
                c.path, c.containment
            ));
        }
    }
    out
}

/// An entity as `entities` shows it, borrowed from the index. The fields
/// are in name order, as a `json!` object writes them.
#[derive(Serialize)]
pub(super) struct EntityRow<'a> {
    aliases: &'a [String],
    articles: ArticleIds<'a>,
    country: Option<&'a str>,
    kind: EntityKind,
    mentions: u32,
    name: &'a str,
}

/// An entity's articles, written as their ids one by one as the JSON is
/// written: gathered first as JSON strings, the lists of 100,000 articles'
/// entities took 420 MB, two thirds again the memory of the whole open,
/// for a table that shows only their number.
pub(super) struct ArticleIds<'a> {
    of: &'a [u32],
    articles: &'a [Article],
}

impl Serialize for ArticleIds<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.of
                .iter()
                .map(|&a| self.articles[a as usize].id.as_str()),
        )
    }
}

/// Returns the entities of `kind` (all with `None`), those named in the
/// most articles first.
pub(super) fn entity_rows(lib: &Library, kind: Option<EntityKind>) -> Vec<EntityRow<'_>> {
    let mut list: Vec<_> = lib
        .index
        .entities()
        .map(|(_, e)| e)
        .filter(|e| kind.is_none_or(|k| e.kind == k))
        .collect();
    list.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    list.into_iter()
        .map(|e| EntityRow {
            aliases: &e.aliases,
            articles: ArticleIds {
                of: &e.articles,
                articles: &lib.corpus.articles,
            },
            country: e.country.as_deref(),
            kind: e.kind,
            mentions: e.mentions,
            name: &e.name,
        })
        .collect()
}

pub(super) fn entities_table(rows: &[EntityRow<'_>]) -> String {
    let mut out = String::new();
    for e in rows {
        let articles = e.articles.of.len();
        let mentions = e.mentions;
        out.push_str(&format!(
            "{:<13} {:<40} {articles:>3} {:<8} {mentions:>4} {}\n",
            e.kind.as_str(),
            e.name,
            if articles == 1 { "article" } else { "articles" },
            if mentions == 1 { "mention" } else { "mentions" },
        ));
    }
    out
}

pub(super) fn related_json(lib: &Library, i: usize) -> Value {
    Value::Array(
        lib.index
            .related(i, 20)
            .into_iter()
            .map(|(j, shared)| {
                let a = &lib.corpus.articles[j];
                let shared: Vec<Value> = shared
                    .iter()
                    .map(|&id| {
                        let e = &lib.index[id];
                        json!({ "name": e.name, "kind": e.kind })
                    })
                    .collect();
                json!({ "id": a.id, "title": a.title, "shared": shared })
            })
            .collect(),
    )
}

pub(super) fn related_table(value: &Value) -> String {
    let mut out = String::new();
    for r in value.as_array().into_iter().flatten() {
        let shared: Vec<&str> = r["shared"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["name"].as_str())
            .collect();
        out.push_str(&format!(
            "{}  {}\n    shares {}: {}\n",
            r["id"].as_str().unwrap_or_default(),
            r["title"].as_str().unwrap_or_default(),
            shared.len(),
            shared.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::RawDoc;
    use crate::out::CompactJson;

    #[test]
    fn a_list_row_written_by_hand_is_the_json_serde_writes() {
        let doc = |path: &str, title: Option<&str>, author: Option<&str>, text: &str| RawDoc {
            path: path.into(),
            text: text.into(),
            title: title.map(str::to_owned),
            author: author.map(str::to_owned),
            url: author.map(|_| "https://example.org/a?b=\"c\"".to_owned()),
            ..RawDoc::default()
        };
        let docs = [
            doc(
                "markets/\"rates\".md",
                Some("Rates \"held\" in Oslo \\ again"),
                Some("Åsa Lindqvist"),
                "Norges Bank held rates in Oslo on Thursday, said Ida Wolden Bache.\n\n\
                 The krone firmed against the euro as Equinor shares rose in Oslo.",
            ),
            doc(
                "sport/final.txt",
                None,
                None,
                "Boston Celtics beat the Miami Heat in Boston. Jayson Tatum scored 30 points.",
            ),
            doc(
                "empty.txt",
                Some("Tab\there"),
                None,
                "No names at all here, only words.",
            ),
        ];
        let lib = crate::pipeline::build(
            &docs,
            Vec::new(),
            &crate::pipeline::Options::default(),
            &|_| {},
        );
        let entities = EntityJson::of(&lib).unwrap();
        let named =
            (0..lib.corpus.articles.len()).filter(|&i| !lib.index.entities_in(i).is_empty());
        assert!(named.count() >= 2, "the rows name entities");
        for i in 0..lib.corpus.articles.len() {
            let row = list_row(&lib, &entities, i);
            let mut by_hand = Vec::new();
            row.write_compact(&mut by_hand).unwrap();
            let by_serde = serde_json::to_vec(&row).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&by_hand),
                String::from_utf8_lossy(&by_serde),
                "row {i}"
            );
        }
    }
}
