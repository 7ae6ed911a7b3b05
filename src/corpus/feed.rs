//! Feeds: RSS 2.0 (and 0.9x/1.0), Atom and JSON Feed files, read with
//! `feed-rs`. Each entry with some text is one [`RawDoc`], its HTML
//! content rendered like a page's (see [`super::html::render_fragment`]),
//! without readability scoring: an entry's content is all article. Title,
//! author, date and link come from the entry; the feed's title is the
//! source. Entries are numbered in the path: `news.xml#3` is the third.

use feed_rs::model::{Entry, Feed};
use url::Url;

use super::html;
use super::{RawDoc, Warning};
use crate::sanitize::{clean_line, clean_text};

/// What a file sniffed as: a feed, or other XML / JSON dossier does not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    Feed,
    NotFeed,
}

/// Returns whether `text` is a feed: XML whose root is `<rss>`, `<feed>`
/// or `<rdf:RDF>`, or a JSON object whose `version` is a jsonfeed.org URL.
/// Only the start of XML is looked at; JSON is parsed.
pub fn sniff(text: &str) -> Sniffed {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        let is_json_feed = serde_json::from_str::<serde_json::Value>(trimmed).is_ok_and(|v| {
            v.get("version")
                .and_then(|v| v.as_str())
                .is_some_and(|v| v.contains("jsonfeed.org/version/"))
        });
        return if is_json_feed {
            Sniffed::Feed
        } else {
            Sniffed::NotFeed
        };
    }
    if root_element(trimmed).is_some_and(|root| {
        let root = root.to_ascii_lowercase();
        root == "rss" || root == "feed" || root == "rdf:rdf"
    }) {
        Sniffed::Feed
    } else {
        Sniffed::NotFeed
    }
}

/// Returns the name of the first element of an XML text, past the
/// declaration, comments and doctype; `None` when it does not start like
/// XML.
pub fn root_element(text: &str) -> Option<&str> {
    let mut rest = text.trim_start();
    for _ in 0..64 {
        rest = rest.strip_prefix('<')?;
        if let Some(after) = rest.strip_prefix("!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if rest.starts_with('?') || rest.starts_with('!') {
            rest = &rest[rest.find('>')? + 1..];
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(rest.len());
            return Some(&rest[..end]).filter(|n| !n.is_empty());
        }
        rest = rest.trim_start();
    }
    None
}

/// Reads the file at `path` if it is a feed (see [`sniff`]); other XML or
/// JSON gives nothing, silently, like files of types dossier does not read.
pub fn read_if_feed(path: &str, bytes: &[u8]) -> (Vec<RawDoc>, Vec<Warning>) {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    // A JSON Feed names its version anywhere in the object: parse it all.
    let sniffed = if head.trim_start().starts_with('{') {
        sniff(&String::from_utf8_lossy(bytes))
    } else {
        sniff(&head)
    };
    match sniffed {
        Sniffed::Feed => read(path, bytes),
        Sniffed::NotFeed => (Vec::new(), Vec::new()),
    }
}

/// Reads the feed file at `path`: one document per entry with text.
pub fn read(path: &str, bytes: &[u8]) -> (Vec<RawDoc>, Vec<Warning>) {
    let warn = |reason: String| Warning {
        path: path.to_owned(),
        reason,
    };
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            let reason = clean_line(&e.to_string());
            return (
                Vec::new(),
                vec![warn(format!("skipped: not a readable feed ({reason})"))],
            );
        }
    };
    let source = feed
        .title
        .as_ref()
        .map(|t| clean_line(&t.content))
        .filter(|t| !t.is_empty());
    let base = feed_base(&feed);
    let mut docs = Vec::new();
    let mut empty = 0;
    for (i, entry) in feed.entries.iter().enumerate() {
        match entry_doc(entry, base.as_ref()) {
            Some(doc) => docs.push(RawDoc {
                path: format!("{path}#{}", i + 1),
                source: doc.source.clone().or_else(|| source.clone()),
                ..doc
            }),
            None => empty += 1,
        }
    }
    let mut warnings = Vec::new();
    if empty > 0 {
        warnings.push(warn(format!(
            "{empty} of {} feed entries have no text (title or link only), skipped",
            feed.entries.len()
        )));
    }
    (docs, warnings)
}

/// The address relative links in entries are resolved against: the
/// feed's web page.
fn feed_base(feed: &Feed) -> Option<Url> {
    feed.links
        .iter()
        .filter_map(|l| Url::parse(&l.href).ok())
        .find(|u| matches!(u.scheme(), "http" | "https"))
}

/// One entry as a document; `None` when it has no text.
fn entry_doc(entry: &Entry, feed_base: Option<&Url>) -> Option<RawDoc> {
    let link = entry
        .links
        .iter()
        .filter(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .chain(entry.links.iter())
        .map(|l| l.href.trim())
        .find(|href| html::meta::is_web_url(href))
        .map(str::to_owned);
    let base = link
        .as_deref()
        .and_then(|l| Url::parse(l).ok())
        .or_else(|| feed_base.cloned());
    let (body, kind) = match (&entry.content, &entry.summary) {
        (Some(content), _)
            if content
                .body
                .as_deref()
                .is_some_and(|b| !b.trim().is_empty()) =>
        {
            (
                content.body.clone().unwrap_or_default(),
                content.content_type.to_string(),
            )
        }
        (_, Some(summary)) if !summary.content.trim().is_empty() => {
            (summary.content.clone(), summary.content_type.to_string())
        }
        _ => return None,
    };
    let (text, links) = if kind.contains("html") || looks_like_html(&body) {
        let rendered = html::render_fragment(&body, base.as_ref());
        (rendered.text, rendered.links)
    } else {
        (clean_text(&body), Vec::new())
    };
    if text.trim().is_empty() {
        return None;
    }
    let line = |s: &str| Some(clean_line(s)).filter(|s| !s.is_empty());
    let title = entry.title.as_ref().and_then(|t| {
        if t.content_type.to_string().contains("html") {
            line(&html::render_fragment(&t.content, None).text)
        } else {
            line(&t.content)
        }
    });
    let author = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().map(author_name))
        .find(|n| !n.is_empty())
        .and_then(line);
    let date = entry
        .published
        .or(entry.updated)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    Some(RawDoc {
        path: String::new(),
        text,
        title,
        author,
        date,
        source: None,
        url: link.map(|l| clean_line(&l)),
        links,
        mtime_ns: None,
    })
}

/// Returns the name in an RSS author: RSS 2.0 writes "email (Name)", and
/// the parser may leave the name in its brackets.
fn author_name(raw: &str) -> &str {
    let raw = raw.trim();
    match raw.find('(') {
        Some(open) if raw.ends_with(')') && (open == 0 || raw[..open].contains('@')) => {
            let inside = raw[open + 1..raw.len() - 1].trim();
            if inside.is_empty() { raw } else { inside }
        }
        _ => raw,
    }
}

/// Returns true if and only if text declared plain looks like HTML anyway
/// (RSS descriptions rarely say what they hold).
fn looks_like_html(text: &str) -> bool {
    ["<p", "<br", "<div", "<a ", "</"]
        .iter()
        .any(|tag| text.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_authors_lose_their_address() {
        assert_eq!(
            author_name("desk@sport.example.net (Cal Devine)"),
            "Cal Devine"
        );
        assert_eq!(author_name("(Cal Devine)"), "Cal Devine");
        assert_eq!(author_name(" Cal Devine "), "Cal Devine");
        // Brackets that belong to the name stay.
        assert_eq!(author_name("Ana Ruiz (Madrid)"), "Ana Ruiz (Madrid)");
        assert_eq!(
            author_name("desk@sport.example.net"),
            "desk@sport.example.net"
        );
    }

    #[test]
    fn feeds_are_sniffed_by_their_root_or_version() {
        assert_eq!(
            sniff("<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"),
            Sniffed::Feed
        );
        assert_eq!(
            sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Sniffed::Feed
        );
        assert_eq!(sniff("<?xml version=\"1.0\"?><rdf:RDF>"), Sniffed::Feed);
        assert_eq!(sniff("<?xml version=\"1.0\"?><urlset>"), Sniffed::NotFeed);
        assert_eq!(
            sniff("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"),
            Sniffed::Feed
        );
        assert_eq!(sniff("{\"name\": \"package\"}"), Sniffed::NotFeed);
        assert_eq!(sniff("plain words"), Sniffed::NotFeed);
    }
}
