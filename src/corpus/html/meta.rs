//! What a page says about itself beyond what readability reads (title,
//! byline, site name and date from OpenGraph, `article:*` and JSON-LD):
//! its address (`<link rel=canonical>`, `og:url`), a date from `<time>`
//! when no meta tag gives one, and bylines cleaned of their "By".

use dom_query::Document;

/// Metadata read from the page before extraction changes it.
#[derive(Debug, Default, PartialEq)]
pub struct PageMeta {
    pub url: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
}

/// Reads the page's address, `<time>` date and author meta tags.
pub fn read(doc: &Document) -> PageMeta {
    let attr = |selector: &str, name: &str| {
        doc.select(selector)
            .nodes()
            .iter()
            .find_map(|n| n.attr(name).map(|v| v.trim().to_owned()))
            .filter(|v| !v.is_empty())
    };
    let url = [
        ("link[rel=canonical]", "href"),
        ("meta[property=\"og:url\"]", "content"),
        ("meta[name=\"twitter:url\"]", "content"),
    ]
    .into_iter()
    .find_map(|(selector, name)| attr(selector, name).filter(|u| is_web_url(u)));
    // A `<time>` in the article (or the page's first) with a machine date.
    let date = attr("article time[datetime]", "datetime")
        .or_else(|| attr("time[datetime]", "datetime"))
        .or_else(|| attr("time[pubdate]", "datetime"));
    let author = attr("meta[name=author]", "content")
        .or_else(|| attr("meta[name=\"sailthru.author\"]", "content"))
        .or_else(|| {
            doc.select("[rel=author], [itemprop=author] [itemprop=name], .byline__name")
                .nodes()
                .first()
                .map(|n| n.text().trim().to_owned())
        })
        .and_then(|a| byline(&a));
    PageMeta { url, date, author }
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
        assert_eq!(meta.url.as_deref(), Some("https://markets.example.com/a/copper"));
        assert_eq!(meta.date.as_deref(), Some("2024-05-03"));
        assert_eq!(meta.author.as_deref(), Some("Lena Fischer"));
    }

    #[test]
    fn og_url_is_a_fallback_and_only_web_urls_count() {
        let doc = Document::from(
            "<head><link rel=canonical href=\"javascript:x\"><meta property=\"og:url\" content=\"http://city.example/news/1\"></head>",
        );
        assert_eq!(read(&doc).url.as_deref(), Some("http://city.example/news/1"));
    }

    #[test]
    fn bylines_lose_their_by_and_trailing_parts() {
        assert_eq!(byline("By Ana Ruiz | 3 May 2024").as_deref(), Some("Ana Ruiz"));
        assert_eq!(byline("  by Tom Ode, ").as_deref(), Some("Tom Ode"));
        assert_eq!(byline("https://www.example.com/staff/ana"), None);
        assert_eq!(byline("By "), None);
    }
}
