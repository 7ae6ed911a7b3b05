//! File formats: plain text, Markdown with YAML or TOML front matter, JSON
//! Lines, saved web pages (HTML, MHTML) and feeds (RSS, Atom, JSON Feed).
//! Each turns file text into [`RawDoc`]s.
//!
//! This is where file text passes through [`crate::sanitize`]: whole text
//! for plain text and Markdown, each decoded field for JSON Lines (where
//! `\u001b` escapes only become control characters once parsed), and the
//! rendered text and every field of pages and feeds ([`super::html`],
//! [`super::mhtml`], [`super::feed`], which read bytes: a page names its
//! own character set).

use std::path::Path;

use crate::sanitize::{clean_line, clean_text};

use super::feed::{self, Sniffed};
use super::{RawDoc, Warning};
use super::{exports, html, markdown, mhtml, pages};

/// The formats dossier reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    JsonLines,
    Html,
    Mhtml,
    /// RSS, Atom or JSON Feed; `.xml` and `.json` files that turn out not
    /// to be feeds are passed over silently, as files of other types are.
    Feed,
}

impl Format {
    /// Returns the format a file's extension names; `Some(Text)` to sniff
    /// files without an extension; `None` for extensions dossier does not read.
    pub fn from_path(path: &Path) -> Option<Format> {
        let Some(ext) = path.extension() else {
            return Some(Format::Text);
        };
        match ext.to_string_lossy().to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "mhtml" | "mht" => Some(Format::Mhtml),
            "rss" | "atom" | "xml" | "json" => Some(Format::Feed),
            _ => None,
        }
    }

    /// Returns true if and only if the format is decided by content.
    pub fn needs_sniffing(path: &Path) -> bool {
        path.extension().is_none()
    }

    /// Returns true if and only if the file at `path` is plain text or
    /// Markdown by its extension: reading it again is one decode of its
    /// bytes, about what decoding a stored copy costs, so the cache keeps
    /// no copy of its documents (a page's extraction or a feed's parse
    /// costs more, and is kept).
    pub fn cheap_to_reread(path: &Path) -> bool {
        !Format::needs_sniffing(path)
            && matches!(
                Format::from_path(path),
                Some(Format::Text | Format::Markdown)
            )
    }

    /// Returns true if and only if files of this format are read from
    /// their bytes by [`parse_web`] (they declare their own encoding).
    pub fn reads_bytes(self) -> bool {
        matches!(self, Format::Html | Format::Mhtml | Format::Feed)
    }
}

/// Guesses the format of a file without an extension from its text.
pub fn sniff(text: &str) -> Format {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let first = first.trim();
    if (first.starts_with('{') || first.starts_with('<')) && feed::sniff(text) == Sniffed::Feed {
        Format::Feed
    } else if first.starts_with('<')
        && feed::root_element(text).is_some_and(|root| {
            root.eq_ignore_ascii_case("html") || root.eq_ignore_ascii_case("!doctype")
        })
    {
        Format::Html
    } else if first.starts_with('{') && serde_json::from_str::<serde_json::Value>(first).is_ok() {
        Format::JsonLines
    } else if first == "---" || first == "+++" || first.starts_with("# ") {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Parses decoded (not yet sanitized) `text` of the file at `path`.
pub fn parse(path: &str, text: &str, format: Format) -> (Vec<RawDoc>, Vec<Warning>) {
    match format {
        Format::Text => {
            let printed = pages::without_furniture(text);
            let text = clean_text(&printed.text);
            if let Some(docs) = exports::read(path, &text) {
                return (docs, Vec::new());
            }
            let doc = RawDoc {
                path: path.to_owned(),
                text,
                date: printed.date.map(|d| clean_line(&d)),
                ..RawDoc::default()
            };
            (vec![doc], Vec::new())
        }
        Format::Markdown => {
            let (doc, warning) = parse_markdown(path, &clean_text(text));
            (vec![doc], warning.into_iter().collect())
        }
        Format::JsonLines => parse_json_lines(path, text),
        Format::Html | Format::Mhtml | Format::Feed => parse_web(path, text.as_bytes(), format),
    }
}

/// Parses the bytes of a page, MHTML file or feed at `path` (see
/// [`Format::reads_bytes`]): these name their own character set.
pub fn parse_web(path: &str, bytes: &[u8], format: Format) -> (Vec<RawDoc>, Vec<Warning>) {
    if let Some(reason) = html::unreadable(bytes) {
        let reason = format!("skipped: {reason}");
        let warning = Warning {
            path: path.to_owned(),
            reason,
        };
        return (Vec::new(), vec![warning]);
    }
    match format {
        Format::Mhtml => mhtml::read(path, bytes),
        Format::Feed => feed::read_if_feed(path, bytes),
        _ => html::read(path, bytes, None),
    }
}

/// Front matter fields dossier understands.
#[derive(Default)]
struct Meta {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

impl Meta {
    fn set(&mut self, key: &str, value: &str) {
        // An Obsidian clipping names its author as a wiki link
        // ("[[Ingrid Solberg]]").
        let value = clean_line(&unquoted(value).replace("[[", "").replace("]]", ""));
        if value.is_empty() {
            return;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => &mut self.title,
            "author" | "authors" | "by" | "byline" => &mut self.author,
            "date" | "published" | "published_at" | "pubdate" => &mut self.date,
            // A clipping's "source" is the page's address.
            "source" if value.starts_with("http://") || value.starts_with("https://") => {
                &mut self.url
            }
            "source" | "publisher" | "site" | "site_name" => &mut self.source,
            "url" | "link" | "canonical_url" => &mut self.url,
            _ => return,
        };
        slot.get_or_insert(value);
    }
}

/// Parses a Markdown file; a front matter with errors keeps what parsed,
/// with one warning naming the first bad line.
fn parse_markdown(path: &str, text: &str) -> (RawDoc, Option<Warning>) {
    let (meta, body, problem) = split_front_matter(text);
    let doc = RawDoc {
        path: path.to_owned(),
        text: markdown::strip(body),
        title: meta.title,
        author: meta.author,
        date: meta.date,
        source: meta.source,
        url: meta.url,
        links: Vec::new(),
        mtime_ns: None,
    };
    let warning = problem.map(|(line, why)| Warning {
        path: path.to_owned(),
        reason: format!("front matter, line {line}: {why}; kept the rest of it"),
    });
    (doc, warning)
}

/// Splits YAML (`---`) or TOML (`+++`) front matter from the body. Without
/// a closing fence the whole text is body. The third value is the first
/// problem met in the front matter: its line in the file, and what it is.
fn split_front_matter(text: &str) -> (Meta, &str, Option<(usize, String)>) {
    let mut meta = Meta::default();
    let trimmed = text.trim_start_matches('\n');
    let fence = if trimmed.starts_with("---\n") {
        "---"
    } else if trimmed.starts_with("+++\n") {
        "+++"
    } else {
        return (meta, text, None);
    };
    // The header's first line, counted from 1 in the file.
    let first_line = text.len() - trimmed.len() + 2;
    let after = &trimmed[4..];
    let Some(end) = after
        .match_indices(&format!("\n{fence}"))
        .map(|(i, _)| i)
        .find(|&i| matches!(after[i + 4..].chars().next(), None | Some('\n' | ' ')))
        .or_else(|| after.starts_with(fence).then_some(0))
    else {
        return (meta, text, None);
    };
    let header = &after[..end];
    let body = after[end..].trim_start_matches('\n');
    let body = body.strip_prefix(fence).unwrap_or(body);
    let body = body.trim_start_matches([' ', '\n']);
    let problem = if fence == "+++" {
        read_toml_header(header, &mut meta)
    } else {
        read_yaml_header(header, &mut meta)
    };
    let problem = problem.map(|(line, why)| (first_line + line - 1, why));
    (meta, body, problem)
}

/// Reads a TOML front matter into `meta`, keeping every entry the parser
/// could recover around an error; returns the first error's line (in the
/// header, from 1) and message.
fn read_toml_header(header: &str, meta: &mut Meta) -> Option<(usize, String)> {
    use toml::de::{DeTable, DeValue};
    let (table, errors) = DeTable::parse_recoverable(header);
    for (key, value) in table.get_ref() {
        let text = match value.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Array(items) => items
                .iter()
                .filter_map(|v| match v.get_ref() {
                    DeValue::String(s) => Some(s.to_string()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(", "),
            DeValue::Table(_) => continue,
            // Numbers, booleans and dates as written.
            _ => header.get(value.span()).unwrap_or_default().to_owned(),
        };
        meta.set(key.get_ref(), &text);
    }
    let first = errors.first()?;
    let offset = first.span().map_or(0, |s| s.start);
    let line =
        memchr::memchr_iter(b'\n', &header.as_bytes()[..offset.min(header.len())]).count() + 1;
    Some((line, clean_line(first.message())))
}

/// Reads a YAML front matter's top-level `key: value` lines into `meta`;
/// returns the first top-level line that is none of `key: value`, a list
/// item, a comment or a continuation (its line in the header, from 1).
fn read_yaml_header(header: &str, meta: &mut Meta) -> Option<(usize, String)> {
    let mut problem = None;
    // A key with no value on its line, and the items of its list below
    // ("author:" over "  - \"[[Ingrid Solberg]]\"").
    let mut list: Option<(&str, Vec<&str>)> = None;
    for (i, line) in header.lines().enumerate() {
        let t = line.trim_start();
        if let Some((_, items)) = &mut list
            && let Some(item) = t.strip_prefix("- ")
        {
            items.push(item);
            continue;
        }
        if let Some((key, items)) = list.take() {
            set_list(meta, key, &items);
        }
        if let Some((key, value)) = line.split_once(':')
            && !key.starts_with([' ', '\t'])
            && !key.trim().is_empty()
        {
            if value.trim().is_empty() {
                list = Some((key, Vec::new()));
            } else {
                meta.set(key, value);
            }
            continue;
        }
        let ordinary = line.starts_with([' ', '\t'])
            || t.is_empty()
            || t.starts_with('#')
            || t.starts_with("- ")
            || t == "-"
            || t == "...";
        if !ordinary && problem.is_none() {
            problem = Some((i + 1, "not a `key: value` line".to_owned()));
        }
    }
    if let Some((key, items)) = list {
        set_list(meta, key, &items);
    }
    problem
}

/// Sets `key` to the items of a YAML list below it, unquoted and joined by
/// ", ".
fn set_list(meta: &mut Meta, key: &str, items: &[&str]) {
    let joined: Vec<&str> = items.iter().map(|item| unquoted(item)).collect();
    meta.set(key, &joined.join(", "));
}

/// A value without the quotes around it.
fn unquoted(value: &str) -> &str {
    value.trim().trim_matches(|c| c == '"' || c == '\'')
}

fn parse_json_lines(path: &str, text: &str) -> (Vec<RawDoc>, Vec<Warning>) {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(obj)) => {
                let field = |names: &[&str]| {
                    names
                        .iter()
                        .find_map(|k| obj.get(*k).and_then(value_text))
                        .filter(|s| !s.trim().is_empty())
                };
                let Some(body) = field(&["text", "body", "content"]) else {
                    warnings.push(Warning {
                        path: path.to_owned(),
                        reason: format!("line {n}: no \"text\" or \"body\" field, skipped"),
                    });
                    continue;
                };
                docs.push(RawDoc {
                    path: format!("{path}:{n}"),
                    text: clean_text(&body),
                    title: field(&["title", "headline"]).map(|s| clean_line(&s)),
                    author: field(&["author", "authors", "byline"]).map(|s| clean_line(&s)),
                    date: field(&["date", "published"]).map(|s| clean_line(&s)),
                    source: field(&["source", "publisher", "site"]).map(|s| clean_line(&s)),
                    url: field(&["url", "link"]).map(|s| clean_line(&s)),
                    links: Vec::new(),
                    mtime_ns: None,
                });
            }
            Ok(_) => warnings.push(Warning {
                path: path.to_owned(),
                reason: format!("line {n}: not a JSON object, skipped"),
            }),
            Err(e) => warnings.push(Warning {
                path: path.to_owned(),
                reason: format!("line {n}: invalid JSON ({e}), skipped"),
            }),
        }
    }
    if warnings.len() > MAX_LINE_WARNINGS {
        let more = warnings.len() - MAX_LINE_WARNINGS;
        warnings.truncate(MAX_LINE_WARNINGS);
        warnings.push(Warning {
            path: path.to_owned(),
            reason: format!("{more} more bad lines skipped"),
        });
    }
    (docs, warnings)
}

/// Bad lines reported one by one per file; the rest are counted in one
/// more warning, so a broken file cannot flood the list.
const MAX_LINE_WARNINGS: usize = 10;

/// Returns a JSON value as text: strings as is, string arrays joined.
fn value_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(|v| v.as_str()).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_gives_metadata() {
        let text = "---\ntitle: \"Rates held\"\nauthor: Ana Ruiz\ndate: 2024-03-01\ntags: [a]\n---\n# Rates held\n\nBody text.";
        let (docs, w) = parse("a.md", text, Format::Markdown);
        assert!(w.is_empty());
        assert_eq!(docs[0].title.as_deref(), Some("Rates held"));
        assert_eq!(docs[0].author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(docs[0].date.as_deref(), Some("2024-03-01"));
        assert!(docs[0].text.starts_with("Rates held"));
        assert!(!docs[0].text.contains("---"));
    }

    #[test]
    fn a_web_clipping_s_front_matter_gives_its_listed_author() {
        let text = "---\ntitle: \"Fund posts record return\"\nsource: \"https://example.no/fund\"\nauthor:\n  - \"[[Ingrid Solberg]]\"\n  - \"[[Ola Berg]]\"\npublished: 2026-08-14\ntags:\n  - \"clippings\"\n---\nThe fund returned 9.8%.";
        let (docs, w) = parse("a.md", text, Format::Markdown);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(docs[0].author.as_deref(), Some("Ingrid Solberg, Ola Berg"));
        assert_eq!(docs[0].date.as_deref(), Some("2026-08-14"));
        assert_eq!(docs[0].url.as_deref(), Some("https://example.no/fund"));
        assert_eq!(docs[0].source, None);
        assert_eq!(docs[0].text.trim(), "The fund returned 9.8%.");
    }

    #[test]
    fn toml_front_matter_gives_metadata() {
        let text = "+++\ntitle = \"Derby ends level\"\nsource = \"City Sport\"\nurl = \"https://example.org/x\"\n+++\nThe match ended.";
        let (docs, _) = parse("b.md", text, Format::Markdown);
        assert_eq!(docs[0].title.as_deref(), Some("Derby ends level"));
        assert_eq!(docs[0].source.as_deref(), Some("City Sport"));
        assert_eq!(docs[0].url.as_deref(), Some("https://example.org/x"));
        assert_eq!(docs[0].text.trim(), "The match ended.");
    }

    #[test]
    fn broken_toml_front_matter_keeps_what_parsed_and_warns_once() {
        let text = "\n+++\ntitle = \"Derby ends level\"\nauthor = \"Sam Reed\"\nscore = 2-2-\ntitle = \"again\"\ndate = 2024-05-04\n+++\nThe match ended.";
        let (docs, w) = parse("b.md", text, Format::Markdown);
        assert_eq!(docs[0].title.as_deref(), Some("Derby ends level"));
        assert_eq!(docs[0].author.as_deref(), Some("Sam Reed"));
        assert_eq!(docs[0].date.as_deref(), Some("2024-05-04"));
        assert_eq!(docs[0].text.trim(), "The match ended.");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].reason.starts_with("front matter, line 5:"),
            "{}",
            w[0].reason
        );
    }

    #[test]
    fn a_duplicate_toml_key_keeps_the_rest() {
        let text = "+++\ntitle = \"Budget passes\"\ntitle = \"Budget passes\"\nsource = \"Town Post\"\n+++\nCouncillors voted.";
        let (docs, w) = parse("c.md", text, Format::Markdown);
        assert_eq!(docs[0].title.as_deref(), Some("Budget passes"));
        assert_eq!(docs[0].source.as_deref(), Some("Town Post"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].reason.starts_with("front matter, line 3:"),
            "{}",
            w[0].reason
        );
    }

    #[test]
    fn a_stray_yaml_line_is_named_and_the_rest_kept() {
        let text = "---\ntitle: Markets slip\ntags:\n  - a\n- b\n# note\nthis is not yaml\nauthor: Ada Moss\n---\nShares fell.";
        let (docs, w) = parse("d.md", text, Format::Markdown);
        assert_eq!(docs[0].title.as_deref(), Some("Markets slip"));
        assert_eq!(docs[0].author.as_deref(), Some("Ada Moss"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].reason.starts_with("front matter, line 7:"),
            "{}",
            w[0].reason
        );
    }

    #[test]
    fn json_lines_report_bad_lines_and_keep_the_rest() {
        let text = "{\"title\":\"A\",\"text\":\"one \\u001b[31mred\",\"extra\":1}\n{broken\n\n[1]\n{\"body\":\"two\",\"author\":\"B\"}\n{\"title\":\"no text\"}\n";
        let (docs, w) = parse("f.jsonl", text, Format::JsonLines);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].path, "f.jsonl:1");
        assert_eq!(docs[0].text, "one red");
        assert_eq!(docs[1].path, "f.jsonl:5");
        assert_eq!(docs[1].author.as_deref(), Some("B"));
        let reasons: Vec<_> = w.iter().map(|w| w.reason.as_str()).collect();
        assert_eq!(reasons.len(), 3);
        assert!(reasons[0].starts_with("line 2:"));
        assert!(reasons[1].starts_with("line 4:"));
        assert!(reasons[2].starts_with("line 6:"));
    }

    #[test]
    fn many_bad_lines_are_summarised() {
        let text = "not json\n".repeat(50);
        let (docs, w) = parse("bad.jsonl", &text, Format::JsonLines);
        assert!(docs.is_empty());
        assert_eq!(w.len(), 11);
        assert_eq!(w[10].reason, "40 more bad lines skipped");
    }

    #[test]
    fn sniffing_recognises_formats() {
        assert_eq!(sniff("{\"text\":\"x\"}\n"), Format::JsonLines);
        assert_eq!(sniff("---\ntitle: x\n---\n"), Format::Markdown);
        assert_eq!(sniff("Just words.\n"), Format::Text);
    }

    #[test]
    fn unknown_extensions_are_not_read() {
        assert_eq!(Format::from_path(Path::new("a.png")), None);
        assert_eq!(Format::from_path(Path::new("a.MD")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("README")), Some(Format::Text));
    }
}
