//! What a page says about itself beyond what readability reads (title,
//! byline, site name and date from OpenGraph, `article:*` and JSON-LD):
//! its address (`<link rel=canonical>`, `og:url`), a date from `<time>`
//! when no meta tag gives one, JSON-LD's date and author when its block
//! lacks the `@context` readability asks for, and bylines cleaned of their
//! "By".

use dom_query::Document;

/// Metadata read from the page before extraction changes it.
#[derive(Debug, Default, PartialEq)]
pub struct PageMeta {
    pub url: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    /// The byline as the page prints it ("By Ana Ruiz in Kyiv, Moscow
    /// Correspondent"): the text of the first element whose class names a
    /// byline.
    pub printed_byline: Option<String>,
    /// The texts of the page's first few `<h1>` headings.
    pub headings: Vec<String>,
    /// The article's standfirst, the sentence under its headline ("Brake
    /// production is moving to Hungary"): the text of the first element
    /// inside an `<article>` whose class names one. Readability drops it
    /// with the article's header.
    pub standfirst: Option<String>,
}

/// `<h1>` headings kept: a page names its article in one of the first.
const HEADINGS_KEPT: usize = 4;

/// Reads the page's address, `<time>` date and author meta tags, in one
/// pass over the elements (a selector per field would walk the page once
/// each).
pub fn read(doc: &Document) -> PageMeta {
    let mut urls: [Option<String>; 3] = Default::default();
    let (mut time, mut article_time, mut author_meta, mut author_node) = (None, None, None, None);
    let (mut shown_date, mut printed_byline, mut standfirst) = (None, None, None);
    let mut linked = LinkedData::default();
    let mut headings = Vec::new();
    for node in doc.root().descendants_it() {
        let Some(name) = node.qual_name_ref().map(|q| q.local.clone()) else {
            continue;
        };
        let attr = |key: &str| {
            node.attr(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let is = |key: &str, value: &str| {
            node.attr(key)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
        };
        match &*name {
            "link" if is("rel", "canonical") => set(&mut urls[0], attr("href")),
            "meta" if is("property", "og:url") => set(&mut urls[1], attr("content")),
            "meta" if is("name", "twitter:url") => set(&mut urls[2], attr("content")),
            "meta" if is("name", "author") || is("name", "sailthru.author") => {
                set(&mut author_meta, attr("content"));
            }
            "script"
                if attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                linked.read(&node.text());
            }
            "h1" if headings.len() < HEADINGS_KEPT => {
                headings.push(crate::sanitize::clean_line(&node.text()));
            }
            "time" => {
                let datetime = attr("datetime");
                if article_time.is_none() && in_article(&node) {
                    article_time.clone_from(&datetime);
                }
                set(&mut time, datetime);
            }
            _ if author_node.is_none() && (is("rel", "author") || is("itemprop", "author")) => {
                let text = node.text();
                author_node = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
            }
            _ if printed_byline.is_none()
                && node.attr("class").is_some_and(|c| names_a_byline(&c)) =>
            {
                let text = crate::sanitize::clean_line(&node.text());
                printed_byline = Some(text).filter(|t| !t.is_empty());
            }
            _ if standfirst.is_none()
                && node.attr("class").is_some_and(|c| names_a_standfirst(&c))
                && in_article(&node) =>
            {
                let text = crate::sanitize::clean_line(&node.text());
                standfirst = Some(text).filter(|t| !t.is_empty());
            }
            // "<span class="dateline">Wednesday 11 March 2026</span>": a
            // date the page shows, where no markup states one.
            _ if shown_date.is_none() && node.attr("class").is_some_and(|c| names_a_date(&c)) => {
                let text = crate::sanitize::clean_line(&node.text());
                shown_date = crate::corpus::structure::dateline(&text);
            }
            _ => {}
        }
    }
    let url = urls.into_iter().flatten().find(|u| is_web_url(u));
    PageMeta {
        url,
        date: linked.date.or(article_time).or(time).or(shown_date),
        author: author_meta
            .or(linked.author)
            .or(author_node)
            .and_then(|a| byline(&a)),
        printed_byline,
        headings,
        standfirst,
    }
}

/// Returns true if and only if `node` stands inside an `<article>`.
fn in_article(node: &dom_query::NodeRef) -> bool {
    node.ancestors_it(None)
        .any(|a| a.qual_name_ref().is_some_and(|q| &*q.local == "article"))
}

/// Returns true if and only if an element's `class` says it shows the
/// standfirst ("standfirst", "article-dek", "strapline", "subheadline",
/// "post-subtitle", "gh-article-excerpt").
fn names_a_standfirst(class: &str) -> bool {
    class_words(class).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "standfirst"
                | "dek"
                | "deck"
                | "strapline"
                | "subheadline"
                | "subhead"
                | "subtitle"
                | "excerpt"
        )
    })
}

/// Returns true if and only if an element's `class` says it shows the
/// byline ("byline", "article-byline", "c-byline__text").
fn names_a_byline(class: &str) -> bool {
    class_words(class).any(|w| w.eq_ignore_ascii_case("byline"))
}

/// The words of an element's `class`: its names, split again at "-" and
/// "_" ("article-date" gives "article" and "date").
fn class_words(class: &str) -> impl Iterator<Item = &str> {
    class.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
}

/// Returns true if and only if an element's `class` says it shows a date
/// ("dateline", "article-date", "published_at", "timestamp").
fn names_a_date(class: &str) -> bool {
    class_words(class).any(|token| {
        matches!(
            token.to_ascii_lowercase().as_str(),
            "date" | "dateline" | "published" | "pubdate" | "timestamp"
        )
    })
}

/// Returns `title` without the site's name after a separator ("Council
/// delays harbour vote | Coastal Times"), when the page shows the part
/// before it as a heading or names its site as the part after it; else
/// `title` whole, since a separator may belong to the headline itself
/// ("Brexit - what happens next").
pub fn without_site_name<'t>(title: &'t str, headings: &[String], site: Option<&str>) -> &'t str {
    for separator in [" | ", " - ", " – ", " — ", " · ", " :: ", " » "] {
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        let (head, tail) = (head.trim(), tail.trim());
        let shown = headings.iter().any(|h| h.eq_ignore_ascii_case(head));
        let named = site.is_some_and(|s| s.trim().eq_ignore_ascii_case(tail));
        if !head.is_empty() && (shown || named) {
            return head;
        }
    }
    title
}

/// The date and author of the article a page's JSON-LD blocks describe:
/// an object with `datePublished` (or `dateCreated`), at the top, in a list
/// or in `@graph`, whose `@type` names an article ("NewsArticle",
/// "BlogPosting"), else the first such object of another type (a
/// "WebPage"); its `author` a name, a person or a list of them.
#[derive(Default)]
struct LinkedData {
    date: Option<String>,
    author: Option<String>,
    /// Whether the date and author come from an article's object.
    of_article: bool,
}

/// JSON-LD nesting read before giving up: a hostile block cannot make the
/// walk deep.
const MAX_LINKED_DEPTH: usize = 4;

impl LinkedData {
    fn read(&mut self, block: &str) {
        if self.of_article {
            return;
        }
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(block.trim()) {
            self.visit(&value, 0);
        }
    }

    fn visit(&mut self, value: &serde_json::Value, depth: usize) {
        if self.of_article || depth > MAX_LINKED_DEPTH {
            return;
        }
        match value {
            serde_json::Value::Array(items) => {
                for item in items {
                    self.visit(item, depth + 1);
                }
            }
            serde_json::Value::Object(map) => {
                let date = ["datePublished", "dateCreated"]
                    .iter()
                    .find_map(|k| map.get(*k)?.as_str())
                    .map(str::trim)
                    .filter(|d| !d.is_empty());
                if let Some(date) = date {
                    let of_article = map.get("@type").is_some_and(names_an_article);
                    if of_article || self.date.is_none() {
                        self.date = Some(date.to_owned());
                        self.author = map.get("author").and_then(author_name);
                        self.of_article = of_article;
                    }
                }
                if let Some(graph) = map.get("@graph") {
                    self.visit(graph, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// Returns true if and only if a JSON-LD `@type` (a name or a list of
/// them) names a kind of article ("NewsArticle", "BlogPosting",
/// "Report").
fn names_an_article(kind: &serde_json::Value) -> bool {
    let is_article = |name: &str| {
        ["Article", "Posting", "Report"]
            .iter()
            .any(|k| name.contains(k))
    };
    match kind {
        serde_json::Value::String(name) => is_article(name),
        serde_json::Value::Array(names) => names.iter().filter_map(|n| n.as_str()).any(is_article),
        _ => false,
    }
}

/// Returns the name in a JSON-LD `author`: a string, an object's `name`, or
/// the names of a list joined by commas.
fn author_name(value: &serde_json::Value) -> Option<String> {
    let name = match value {
        serde_json::Value::String(s) => s.trim().to_owned(),
        serde_json::Value::Object(map) => map.get("name")?.as_str()?.trim().to_owned(),
        serde_json::Value::Array(items) => items
            .iter()
            .take(8)
            .filter_map(|item| match item {
                serde_json::Value::Array(_) => None,
                _ => author_name(item),
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    (!name.is_empty()).then_some(name)
}

/// Fills an empty slot.
fn set(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// Returns true if and only if `url` is an absolute `http`/`https` URL.
pub fn is_web_url(url: &str) -> bool {
    url::Url::parse(url.trim()).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// Returns a byline as a name: "By " and a trailing date or "|" part cut,
/// whitespace folded; `None` when nothing name-like is left (an address).
pub fn byline(text: &str) -> Option<String> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| ["by", "von", "par", "por"].contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    let folded = words.join(" ");
    let name = folded.split(['|', '\u{2022}']).next().unwrap_or("").trim();
    let name = name.trim_end_matches([',', ';', '-', '\u{2013}', '\u{2014}', ' ']);
    // "Ines Verhoeven, Health Editor": the writer's job is no part of the
    // name (several names keep their commas).
    let name = match name.rsplit_once(", ") {
        Some((before, job)) if crate::corpus::structure::is_byline_role(job) => before.trim(),
        _ => name,
    };
    let is_url = name.contains("://") || name.starts_with("www.");
    (!name.is_empty() && !is_url && name.chars().count() <= 120).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_time_and_author_are_read() {
        let doc = Document::from(
            "<html><head><link rel=canonical href=\"https://markets.example.com/a/copper\"><meta name=author content=\"By  Lena Fischer\"></head><body><time datetime=\"2024-05-02T08:00:00Z\">2 May</time><article><p>x<time datetime=\"2024-05-03\">3 May</time></p></article></body></html>",
        );
        let meta = read(&doc);
        assert_eq!(
            meta.url.as_deref(),
            Some("https://markets.example.com/a/copper")
        );
        assert_eq!(meta.date.as_deref(), Some("2024-05-03"));
        assert_eq!(meta.author.as_deref(), Some("Lena Fischer"));
        let shown = read(&Document::from(
            "<html><body><div class=\"meta\"><span class=\"story-dateline\">Wednesday 11 March 2026</span><span class=\"update-date\">Share this</span></div><p>x</p></body></html>",
        ));
        assert_eq!(shown.date.as_deref(), Some("Wednesday 11 March 2026"));
        assert!(
            names_a_date("article-date") && !names_a_date("update") && !names_a_date("candidate")
        );
        assert_eq!(
            byline("By Ines Verhoeven, Health Editor").as_deref(),
            Some("Ines Verhoeven")
        );
        assert_eq!(
            byline("By Ana Ruiz, Tom Hale and Rosa Field").as_deref(),
            Some("Ana Ruiz, Tom Hale and Rosa Field")
        );
    }

    #[test]
    fn json_ld_without_context_gives_date_and_author() {
        let doc = Document::from(
            "<head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Harbour Gazette\",\"datePublished\":\"2025-05-19\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-05-20T08:00:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Iona Drummond\"},\"Ruaridh Bain\"]}]}</script></head><body><time datetime=\"2019-01-01\">old</time></body>",
        );
        let meta = read(&doc);
        assert_eq!(meta.date.as_deref(), Some("2025-05-20T08:00:00Z"));
        assert_eq!(meta.author.as_deref(), Some("Iona Drummond, Ruaridh Bain"));
        // A broken block is ignored: the `<time>` date stands.
        let doc = Document::from(
            "<head><script type=\"application/ld+json\">{\"datePublished\": </script></head><body><time datetime=\"2019-01-01\">x</time></body>",
        );
        assert_eq!(read(&doc).date.as_deref(), Some("2019-01-01"));
    }

    #[test]
    fn og_url_is_a_fallback_and_only_web_urls_count() {
        let doc = Document::from(
            "<head><link rel=canonical href=\"javascript:x\"><meta property=\"og:url\" content=\"http://city.example/news/1\"></head>",
        );
        assert_eq!(
            read(&doc).url.as_deref(),
            Some("http://city.example/news/1")
        );
    }

    #[test]
    fn bylines_lose_their_by_and_trailing_parts() {
        assert_eq!(
            byline("By Ana Ruiz | 3 May 2024").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(byline("  by Tom Ode, ").as_deref(), Some("Tom Ode"));
        assert_eq!(byline("https://www.example.com/staff/ana"), None);
        assert_eq!(byline("By "), None);
    }
}
