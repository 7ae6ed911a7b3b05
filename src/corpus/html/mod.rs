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
pub mod notices;
pub mod prune;
pub mod render;

use dom_query::Document;
use dom_smoothie::{Config, Readability};
use url::Url;

use super::markdown;
use super::{RawDoc, Warning};
use crate::sanitize::{clean_line, clean_text};

pub use render::Rendered;

/// Fewer letters than this outside links is not an article: about 25
/// English words, a line or two of Chinese; a login wall's "subscribe to
/// keep reading" stays below it.
pub const MIN_LETTERS: usize = 120;

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

/// Returns why `bytes` cannot be a page, MHTML file or feed at all (empty,
/// or binary: a NUL byte near the start without a UTF-16 byte-order mark).
pub fn unreadable(bytes: &[u8]) -> Option<&'static str> {
    if bytes.trim_ascii().is_empty() {
        return Some("empty file");
    }
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let head = &bytes[..bytes.len().min(8192)];
    (!utf16 && memchr::memchr(0, head).is_some()).then_some("binary file, not text")
}

/// Finds the article in a decoded page; the reason when there is none.
pub fn extract(html: &str, address: Option<&str>) -> Result<RawDoc, String> {
    let pruned = prune::prune(html);
    let doc = Document::from(pruned.as_ref());
    let found = meta::read(&doc);
    notices::remove(&doc);
    // A quotation's attribution ("— Aled Morgan, speaking to Radio
    // Cymru") is its `<footer>`, which readability drops with the page's
    // footers: it is the article's words, so it becomes a paragraph first.
    doc.select("blockquote footer").rename("p");
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
    let mut text = markdown::strip(&clean_text(&rendered.text));
    // The standfirst, which readability drops with the article's header,
    // is the article's own words: it opens the text unless the text holds
    // it already.
    if let Some(standfirst) = &found.standfirst
        && !text.contains(standfirst.as_str())
    {
        text = format!("{standfirst}\n\n{text}");
    }
    let line = |s: Option<String>| s.map(|s| clean_line(&s)).filter(|s| !s.is_empty());
    // The byline the page prints stays a line above the text, where
    // cleaning reads its name, role, place and date as a text's byline
    // (see `structure::byline_parts`): taken as a bare name, "By Ana
    // Ruiz in Kyiv" made the author "Ana Ruiz in Kyiv", and a role was lost.
    // The element that prints it, unless it names someone else than the
    // byline readability chose (from the page's metadata, which names a
    // writer where the page may print only its agency).
    let chosen = line(article.byline.clone()).and_then(|b| printed_byline(&b));
    let printed = line(found.printed_byline.clone())
        .and_then(|b| printed_byline(&b))
        .filter(|(_, name)| chosen.as_ref().is_none_or(|(_, c)| c == name))
        .or(chosen)
        .map(|(line, _)| line);
    let (text, author) = match printed {
        Some(byline) => (format!("{byline}\n\n{text}"), None),
        None => (
            text,
            line(
                article
                    .byline
                    .as_deref()
                    .and_then(meta::byline)
                    .or(found.author),
            ),
        ),
    };
    Ok(RawDoc {
        path: String::new(),
        text,
        title: line(Some(article.title)).map(|title| {
            meta::without_site_name(&title, &found.headings, article.site_name.as_deref())
                .to_owned()
        }),
        author,
        date: line(article.published_time.or(found.date)),
        source: line(article.site_name),
        url: line(url),
        links: rendered.links.iter().map(|l| clean_line(l)).collect(),
        mtime_ns: None,
    })
}

/// Returns the byline a page prints as a line its text can open with
/// ("By Ana Ruiz in Kyiv"), and the name it gives, if it reads as one.
fn printed_byline(byline: &str) -> Option<(String, String)> {
    let line = if byline.to_lowercase().starts_with("by ") {
        byline.to_owned()
    } else {
        format!("By {byline}")
    };
    crate::corpus::structure::byline_parts(&line).map(|b| (line, b.name))
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

/// Refuses rendered content that is not an article: too little text, or
/// mostly link text (an index page).
fn judge(rendered: &Rendered) -> Result<(), String> {
    let letters = rendered.letters;
    let outside_links = letters.saturating_sub(rendered.link_letters);
    if outside_links < MIN_LETTERS {
        return Err(format!(
            "no article in the page (only {outside_links} letters of text outside links: an index page, a login wall or scripts only)"
        ));
    }
    if rendered.link_letters * 2 > letters {
        let share = rendered.link_letters * 100 / letters.max(1);
        return Err(format!(
            "no article in the page ({share}% of its text is links: an index page)"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_spaces_is_measured_in_letters() {
        // A short story in Chinese (no spaces between words) is an article;
        // a login wall in English is not.
        let story = "本市农贸市场周六重新开放。市场管理处表示，改造工程历时八个月，新增了六十个摊位和一个停车场。许多摊主说，顾客比改造前多了不少，尤其是周末的早上。管理处还计划在夏天延长营业时间，方便下班的居民购买新鲜蔬菜和水果。附近的居民对新的停车场表示欢迎，但也希望市场能增加自行车停放点。";
        let page = format!(
            "<html><body><article><h1>农贸市场重新开放</h1><p>{story}</p></article></body></html>"
        );
        let doc = extract(&page, None).expect("an article");
        assert!(doc.text.contains("改造工程历时八个月"));
        let wall = "<html><body><div><h2>This story is for subscribers</h2><p>Log in or subscribe to keep reading.</p></div></body></html>";
        assert!(extract(wall, None).unwrap_err().starts_with("no article"));
    }

    #[test]
    fn a_quotation_keeps_its_attribution_and_the_page_footer_goes() {
        let match_report = "<p>The club's chairman praised the squad after the final whistle on \
            Sunday evening, and said the players had earned a rest before the cup tie.</p>";
        let page = format!(
            "<html><body><article><h1>Club wins the cup</h1>{match_report}{match_report}\
             <blockquote><p>\"We never gave up,\" he said.</p>\
             <footer>&mdash; Aled Morgan, speaking to Radio Cymru</footer></blockquote>\
             {match_report}</article><footer>&copy; 2026 Valley Sport. All rights reserved.\
             </footer></body></html>"
        );
        let doc = extract(&page, None).expect("an article");
        assert!(
            doc.text.contains("Aled Morgan, speaking to Radio Cymru"),
            "{}",
            doc.text
        );
        assert!(!doc.text.contains("All rights reserved"), "{}", doc.text);
    }

    #[test]
    fn the_standfirst_under_the_headline_opens_the_text() {
        let report = "<p>The ferry company said on Monday that the winter timetable would \
            cut two sailings a day, and islanders said the cuts would hurt the school run.</p>";
        let standfirst = "Islanders warn of school-run chaos as two daily sailings go";
        let page = format!(
            "<html><body><main><article class=\"story\"><header class=\"story-header\">\
             <h1>Ferry timetable cut</h1><p class=\"article-dek\">{standfirst}</p></header>\
             <figure><img src=\"x.jpg\"><figcaption>Ferry at the pier.</figcaption></figure>\
             {report}{report}{report}{report}</article>\
             <aside><p class=\"card-dek\">A teaser for another story</p></aside>\
             </main></body></html>"
        );
        let doc = extract(&page, None).expect("an article");
        assert_eq!(doc.text.matches(standfirst).count(), 1, "{}", doc.text);
        assert!(!doc.text.contains("A teaser"), "{}", doc.text);
    }

    #[test]
    fn a_newsletter_post_s_subtitle_is_its_standfirst() {
        let report = "<p>In 2016 fishermen in the Gulf of Riga landed 28,000 tonnes of herring, \
            and this year the quota for the whole gulf was set at 9,400 tonnes.</p>";
        let subtitle = "Quotas fell by two-thirds in a decade. Nobody noticed.";
        for (tag, class) in [
            ("h3", "subtitle"),
            ("p", "gh-article-excerpt"),
            ("div", "deck"),
        ] {
            let page = format!(
                "<html><body><article class=\"post\"><h1>The quiet collapse of the herring</h1>\
                 <{tag} class=\"{class}\">{subtitle}</{tag}>{report}{report}{report}</article></body></html>"
            );
            let doc = extract(&page, None).expect("an article");
            assert_eq!(
                doc.text.matches(subtitle).count(),
                1,
                "{class}: {}",
                doc.text
            );
        }
    }

    #[test]
    fn a_page_of_links_is_an_index() {
        let mut items = String::new();
        for i in 1..=12 {
            items.push_str(&format!("<li><a href=\"/story/{i}\">Harbour board meeting report number {i} with the full minutes and the votes</a></li>"));
        }
        let page = format!(
            "<html><body><h1>Latest</h1><ul>{items}</ul><p>Updated hourly.</p></body></html>"
        );
        let reason = extract(&page, None).unwrap_err();
        assert!(reason.contains("no article"), "{reason}");
    }
}
