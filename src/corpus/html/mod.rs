//! Saved web pages: the article a page holds, as a [`RawDoc`].
//!
//! A page is decoded ([`charset`]), pruned of scripts and styles and
//! pruned against hostile nesting ([`prune`]), parsed, and its main content found by readability scoring
//! (the `dom_smoothie` crate, a port of Mozilla's Readability.js). That
//! content is rendered as Markdown-like text ([`render`]) and goes the way
//! of every Markdown file: through [`crate::sanitize`] and
//! [`crate::corpus::markdown`]. Title, byline, date and site come from the
//! page's metadata ([`meta`], OpenGraph, `article:*`, JSON-LD, `<time>`).
//! A page with no article in it (an index of links, a login wall, scripts
//! only) is skipped with a one-line reason.

pub mod charset;
pub mod meta;
pub mod prune;
pub mod render;

use dom_query::Document;
use dom_smoothie::{Config, Readability};
use url::Url;

use super::markdown;
use super::{RawDoc, Warning};
use crate::sanitize::{clean_line, clean_text};

pub use render::Rendered;

/// Fewer words than this outside links is not an article.
pub const MIN_WORDS: usize = 25;

/// Reads the page in `bytes` (any character set) from the file at `path`.
/// `address` is where the page was saved from, when the container says so
/// (an MHTML header); the page's own canonical address wins.
pub fn read(path: &str, bytes: &[u8], address: Option<&str>) -> (Vec<RawDoc>, Vec<Warning>) {
    let (html, lossy) = charset::decode(bytes);
    let mut warnings = Vec::new();
    let warn = |reason: String| Warning {
        path: path.to_owned(),
        reason,
    };
    if lossy {
        warnings.push(warn(
            "bytes not valid in the page's character set: decoded lossily, some characters replaced"
                .into(),
        ));
    }
    match extract(&html, address) {
        Ok(doc) => (
            vec![RawDoc {
                path: path.to_owned(),
                ..doc
            }],
            warnings,
        ),
        Err(reason) => {
            warnings.push(warn(format!("skipped: {reason}")));
            (Vec::new(), warnings)
        }
    }
}

/// Finds the article in a decoded page; the reason when there is none.
pub fn extract(html: &str, address: Option<&str>) -> Result<RawDoc, String> {
    let pruned = prune::prune(html);
    let doc = Document::from(pruned.as_ref());
    let found = meta::read(&doc);
    let url = found
        .url
        .clone()
        .or_else(|| address.filter(|a| meta::is_web_url(a)).map(str::to_owned));
    let base = url.as_deref().and_then(|u| Url::parse(u).ok());
    let config = Config {
        max_elements_to_parse: prune::MAX_TAGS + 1000,
        ..Config::default()
    };
    let mut readability =
        Readability::with_document(doc, None, Some(config)).map_err(|e| e.to_string())?;
    let article = readability
        .parse()
        .map_err(|_| "no article found in the page (no block of text to read)".to_owned())?;
    let root = readability.doc.select_single("#readability-page-1");
    let Some(node) = root.nodes().first().copied() else {
        return Err("no article found in the page".into());
    };
    let rendered = render::render(&node, base.as_ref());
    judge(&rendered)?;
    let text = markdown::strip(&clean_text(&rendered.text));
    let line = |s: Option<String>| s.map(|s| clean_line(&s)).filter(|s| !s.is_empty());
    Ok(RawDoc {
        path: String::new(),
        text,
        title: line(Some(article.title)),
        author: line(
            article
                .byline
                .as_deref()
                .and_then(meta::byline)
                .or(found.author),
        ),
        date: line(article.published_time.or(found.date)),
        source: line(article.site_name),
        url: line(url),
        links: rendered.links.iter().map(|l| clean_line(l)).collect(),
    })
}

/// Renders an HTML fragment (a feed entry's content) without looking for
/// an article in it: the whole fragment is the content.
pub fn render_fragment(html: &str, base: Option<&Url>) -> Rendered {
    let pruned = prune::prune(html);
    let doc = Document::fragment(pruned.as_ref());
    let mut rendered = render::render(&doc.root(), base);
    rendered.text = markdown::strip(&clean_text(&rendered.text));
    rendered.links = rendered.links.iter().map(|l| clean_line(l)).collect();
    rendered
}

/// Refuses rendered content that is not an article: too few words, or
/// mostly link text (an index page).
fn judge(rendered: &Rendered) -> Result<(), String> {
    let words = rendered.words;
    let outside_links = words.saturating_sub(rendered.link_words);
    if outside_links < MIN_WORDS {
        return Err(format!(
            "no article in the page ({outside_links} words outside links: an index page, a login wall or scripts only)"
        ));
    }
    if rendered.link_words * 2 > words {
        return Err(format!(
            "no article in the page ({} of {words} words are links: an index page)",
            rendered.link_words
        ));
    }
    Ok(())
}
