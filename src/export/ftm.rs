//! FollowTheMoney export: the library as FtM entities in JSON Lines, the
//! form that Aleph and OpenAleph (and the `followthemoney` tools) load.
//!
//! One `Article` per article (title, author, date, publisher, source URL,
//! body text, the ISO codes of the countries it names in `country`, the
//! places it names in `locationMentioned`), one `Person`, `Company` or
//! `Organization` per entity of those kinds, and one `Mention` per
//! article–entity pair linking the two (`document`, `resolved`, `name`,
//! `detectedSchema`, `contextCountry`). Countries and places are not legal
//! entities in FtM (a `Mention` resolves to a `LegalEntity`), so they stay
//! properties of the article.
//!
//! Ids are stable: an article's comes from its content id, an entity's from
//! a hash of its kind and canonical name, a mention's from both, so the
//! same folder exported twice gives the same ids and a re-import merges.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::sync::OnceLock;

use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use crate::entities::EntityKind;
use crate::search::texts::Texts;

/// One FtM entity as its JSON form: `{"id", "schema", "properties"}`, every
/// property a list of strings.
#[derive(Serialize)]
struct Proxy<'a> {
    id: String,
    schema: &'static str,
    properties: BTreeMap<&'static str, Vec<&'a str>>,
}

impl<'a> Proxy<'a> {
    fn new(id: String, schema: &'static str) -> Self {
        Proxy {
            id,
            schema,
            properties: BTreeMap::new(),
        }
    }

    /// Adds `value` to `property` unless it is empty or already there.
    fn add(&mut self, property: &'static str, value: &'a str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let values = self.properties.entry(property).or_default();
        if !values.contains(&value) {
            values.push(value);
        }
    }

    fn add_opt(&mut self, property: &'static str, value: Option<&'a str>) {
        if let Some(value) = value {
            self.add(property, value);
        }
    }
}

/// Returns the FtM schema of an entity kind, for the kinds that are legal
/// entities in FtM.
fn schema_of(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("Person"),
        EntityKind::Company => Some("Company"),
        EntityKind::Organization => Some("Organization"),
        EntityKind::Country | EntityKind::Place => None,
    }
}

/// Returns the stable FtM id of the entity of `kind` named `name`.
pub fn entity_id(kind: EntityKind, name: &str) -> String {
    let key = format!("{}\u{0}{name}", kind.as_str());
    format!("dossier-entity-{:016x}", xxh3_64(key.as_bytes()))
}

fn article_id(id: &str) -> String {
    format!("dossier-article-{id}")
}

fn mention_id(article: &str, entity: &str) -> String {
    let key = format!("{article}\u{0}{entity}");
    format!("dossier-mention-{:016x}", xxh3_64(key.as_bytes()))
}

/// Returns the ISO 3166-1 alpha-2 code (lower case, as FtM writes it) of a
/// country named as in the gazetteer, if it has one.
pub fn country_code(name: &str) -> Option<&'static str> {
    static CODES: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    let codes = CODES.get_or_init(|| {
        include_str!("../../assets/countries.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let name = fields.next()?;
                let iso = fields.next()?.trim();
                (iso.len() == 2).then(|| (name, iso.to_ascii_lowercase()))
            })
            .collect()
    });
    codes.get(name).map(String::as_str)
}

/// Returns `date` when it is an ISO 8601 date FtM accepts (`YYYY`,
/// `YYYY-MM`, `YYYY-MM-DD`, optionally followed by a time), else `None`:
/// a free-form date is better left out than rejected by the importer.
fn iso_date(date: &str) -> Option<&str> {
    let date = date.trim();
    let day = date.get(..10).unwrap_or(date);
    let ok = match day.len() {
        4 => day.bytes().all(|b| b.is_ascii_digit()),
        7 | 10 => day.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        }),
        _ => false,
    };
    ok.then_some(day)
}

/// Returns `url` when it is an `http` or `https` URL.
fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
}

/// Writes the library of `texts` as FollowTheMoney JSON Lines: the legal
/// entities first, then per article its `Article` (with its text, read in
/// turn) and its `Mention`s.
pub fn write(texts: &Texts, out: &mut dyn Write) -> io::Result<()> {
    let library = texts.library();
    let mut out = io::BufWriter::new(out);
    let index = &library.index;
    let mut ids: Vec<Option<String>> = Vec::with_capacity(index.entity_count());
    for (_, entity) in index.entities() {
        let Some(schema) = schema_of(entity.kind) else {
            ids.push(None);
            continue;
        };
        let id = entity_id(entity.kind, &entity.name);
        let mut proxy = Proxy::new(id.clone(), schema);
        proxy.add("name", &entity.name);
        for alias in &entity.aliases {
            if alias != &entity.name {
                proxy.add("alias", alias);
            }
        }
        proxy.add_opt("country", entity.country.as_deref().and_then(country_code));
        line(&mut out, &proxy)?;
        ids.push(Some(id));
    }
    for (i, article) in library.corpus.articles.iter().enumerate() {
        let document = article_id(&article.id);
        let mut proxy = Proxy::new(document.clone(), "Article");
        proxy.add("title", &article.title);
        proxy.add_opt("author", article.author.as_deref());
        proxy.add_opt("publishedAt", article.date.as_deref().and_then(iso_date));
        proxy.add_opt("publisher", article.source.as_deref());
        proxy.add_opt("sourceUrl", article.url.as_deref().and_then(web_url));
        let text = texts
            .text_of(i)
            .ok_or_else(|| io::Error::other(crate::pipeline::text_gone(article)))?;
        proxy.add("bodyText", &text);
        let named = index.entities_in(i);
        let entities = || {
            named
                .iter()
                .filter_map(|&(id, _)| Some((id as usize, index.entity(id)?)))
        };
        for (_, entity) in entities() {
            match entity.kind {
                EntityKind::Country => proxy.add_opt("country", country_code(&entity.name)),
                EntityKind::Place => proxy.add("locationMentioned", &entity.name),
                EntityKind::Person => proxy.add("peopleMentioned", &entity.name),
                EntityKind::Company => proxy.add("companiesMentioned", &entity.name),
                EntityKind::Organization => proxy.add("namesMentioned", &entity.name),
            }
        }
        let countries = proxy.properties.get("country").cloned().unwrap_or_default();
        line(&mut out, &proxy)?;
        for (n, entity) in entities() {
            let (Some(schema), Some(Some(resolved))) = (schema_of(entity.kind), ids.get(n)) else {
                continue;
            };
            let mut mention = Proxy::new(mention_id(&document, resolved), "Mention");
            mention.add("document", &document);
            mention.add("resolved", resolved);
            mention.add("name", &entity.name);
            mention.add("detectedSchema", schema);
            for code in &countries {
                mention.add("contextCountry", code);
            }
            line(&mut out, &mention)?;
        }
    }
    out.flush()
}

fn line(out: &mut impl Write, proxy: &Proxy<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, proxy).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_iso_dates_are_kept() {
        assert_eq!(iso_date("2024-03-03"), Some("2024-03-03"));
        assert_eq!(iso_date("2024-03-03T10:00:00Z"), Some("2024-03-03"));
        assert_eq!(iso_date("2024-03"), Some("2024-03"));
        assert_eq!(iso_date("2024"), Some("2024"));
        assert_eq!(iso_date("March 3, 2024"), None);
        assert_eq!(iso_date("03/03/2024"), None);
    }

    #[test]
    fn only_web_urls_are_kept() {
        assert_eq!(
            web_url("https://example.org/a"),
            Some("https://example.org/a")
        );
        assert_eq!(web_url("HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("file:///etc/passwd"), None);
    }

    #[test]
    fn countries_have_iso_codes() {
        assert_eq!(country_code("Japan"), Some("jp"));
        assert_eq!(country_code("Latvia"), Some("lv"));
        assert_eq!(country_code("Atlantis"), None);
    }

    #[test]
    fn entity_ids_are_stable_and_kind_specific() {
        let a = entity_id(EntityKind::Company, "Skyeton");
        assert_eq!(a, entity_id(EntityKind::Company, "Skyeton"));
        assert_ne!(a, entity_id(EntityKind::Person, "Skyeton"));
        assert!(a.starts_with("dossier-entity-"));
    }
}
