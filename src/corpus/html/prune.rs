//! Pruning a page before it is parsed, in one linear scan over the markup.
//!
//! What is never read goes first: scripts (except JSON-LD metadata),
//! styles, comments, `<svg>` and `<template>`, often most of a saved
//! page's bytes, which the HTML parser would otherwise tokenize one
//! character at a time.
//!
//! Then the page is bounded: the parser's cost grows with the nesting
//! depth (every new element looks down the stack of open ones) and its
//! memory with the number of elements, so a hostile page of millions of
//! nested `<div>`s would take minutes and gigabytes. Tags past
//! [`MAX_DEPTH`] levels or past [`MAX_TAGS`] elements are dropped, the
//! text between them kept, so what the parser sees is always small.
//! Dropped elements that hide their content (`hidden`, `display:none`,
//! forms, media, ...) are dropped whole, so nothing hidden surfaces as
//! text.

use std::borrow::Cow;

/// Open elements beyond this depth lose their tags.
pub const MAX_DEPTH: usize = 256;

/// Elements beyond this count lose their tags. Real news pages have a few
/// thousand; a megabyte page some tens of thousands.
pub const MAX_TAGS: usize = 100_000;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound",
];

/// Elements whose end tag is optional: the parser closes them itself, so
/// counting them would make ordinary legacy pages look deep.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb",
    "rt", "rp", "colgroup", "caption",
];

/// Elements whose content is never shown as page text.
const CONTENT_HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "textarea",
    "title", "head", "select", "button", "canvas", "audio", "video",
];

/// Elements dropped whole wherever they are: never shown, often large.
const NEVER_READ: &[&str] = &["script", "style", "svg", "template"];

/// Returns `html` pruned as the module doc says; borrowed when nothing was
/// dropped.
pub fn prune(html: &str) -> Cow<'_, str> {
    prune_with(html, MAX_DEPTH, MAX_TAGS)
}

fn prune_with(html: &str, max_depth: usize, max_tags: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `html` up to here are in `out` (once it exists).
    let mut copied = 0;
    let mut depth = 0usize;
    // Dropped start tags whose end tags are still to come.
    let mut excess = 0usize;
    let mut tags = 0usize;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let tag = Tag::at(html, start);
        // Where the dropped markup ends, and whether a space stands for it.
        let mut drop_to: Option<(usize, bool)> = None;
        match &tag {
            Tag::Other { end } => at = *end,
            Tag::Comment { end } => {
                at = *end;
                drop_to = Some((*end, false));
            }
            Tag::Start { name, end, .. }
                if NEVER_READ.contains(&name.as_str()) && !is_json_ld(&html[start..*end]) =>
            {
                at = raw_text_end(html, name, *end).unwrap_or(*end);
                drop_to = Some((element_end(html, name, at), false));
            }
            Tag::Start {
                name,
                end,
                self_closed,
            } => {
                at = *end;
                if let Some(raw_end) = raw_text_end(html, name, *end) {
                    at = raw_end;
                }
                let nests = !*self_closed
                    && !VOID.contains(&name.as_str())
                    && !SELF_CLOSING.contains(&name.as_str());
                tags += 1;
                if tags > max_tags || (nests && depth >= max_depth) {
                    if CONTENT_HIDDEN.contains(&name.as_str()) || hides(&html[start..*end]) {
                        drop_to = Some((element_end(html, name, at), true));
                    } else {
                        drop_to = Some((*end, true));
                        excess += usize::from(nests);
                    }
                } else if nests {
                    depth += 1;
                }
            }
            Tag::End { name, end } => {
                at = *end;
                if SELF_CLOSING.contains(&name.as_str()) || VOID.contains(&name.as_str()) {
                } else if excess > 0 {
                    excess -= 1;
                    drop_to = Some((*end, true));
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
        }
        if let Some((to, space)) = drop_to {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
            buf.push_str(&html[copied..start]);
            // Keep words on either side of a dropped tag apart, with one
            // space for a run of dropped tags.
            if space && !buf.ends_with(' ') {
                buf.push(' ');
            }
            copied = to;
            at = to;
        }
        if at <= start {
            at = start + 1;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied.min(html.len())..]);
            Cow::Owned(buf)
        }
    }
}

/// A piece of markup starting with `<`.
enum Tag {
    Start {
        name: String,
        end: usize,
        self_closed: bool,
    },
    End {
        name: String,
        end: usize,
    },
    Comment {
        end: usize,
    },
    /// A doctype, processing instruction or a lone `<`.
    Other {
        end: usize,
    },
}

impl Tag {
    /// Reads the markup at `start` (a `<`); `end` is just past it.
    fn at(html: &str, start: usize) -> Tag {
        let bytes = html.as_bytes();
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            let end = memchr::memmem::find(&rest[3..], b"-->")
                .map_or(bytes.len(), |i| start + 1 + 3 + i + 3);
            return Tag::Comment { end };
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':'))
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            let end = if matches!(rest.first(), Some(b'!' | b'?' | b'/')) {
                memchr::memchr(b'>', rest).map_or(bytes.len(), |i| start + 1 + i + 1)
            } else {
                start + 1
            };
            return Tag::Other { end };
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        if closing {
            Tag::End { name, end }
        } else {
            let self_closed = end >= 2 && bytes[end - 2] == b'/';
            Tag::Start {
                name,
                end,
                self_closed,
            }
        }
    }
}

/// Returns the index just past the `>` that ends a tag whose attributes
/// start at `from`, skipping `>` inside quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return from + i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// For the raw-text elements (`script`, `style`, ...), whose content is not
/// markup, returns the index of their end tag.
fn raw_text_end(html: &str, name: &str, from: usize) -> Option<usize> {
    if !matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "noembed" | "noframes"
    ) {
        return None;
    }
    Some(find_ci(html, &format!("</{name}"), from).unwrap_or(html.len()))
}

/// Returns the index just past the end tag that closes the element `name`
/// whose content starts at `from`, counting nested elements of the same
/// name; the end of the text when it is never closed.
fn element_end(html: &str, name: &str, from: usize) -> usize {
    let open = format!("<{name}");
    let close = format!("</{name}");
    let mut depth = 1usize;
    let mut at = from;
    loop {
        let Some(next_close) = find_ci(html, &close, at) else {
            return html.len();
        };
        let next_open = find_ci(html, &open, at).filter(|&o| o < next_close);
        if let Some(o) = next_open {
            depth += 1;
            at = o + open.len();
        } else {
            depth -= 1;
            at = tag_end(html.as_bytes(), next_close + close.len());
            if depth == 0 {
                return at;
            }
        }
    }
}

/// Finds `needle` (ASCII, lower-case) in `html` from `from`, ignoring case.
fn find_ci(html: &str, needle: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let needle = needle.as_bytes();
    let first = needle[0];
    let mut at = from;
    while let Some(i) = memchr::memchr(first, &bytes[at.min(bytes.len())..]) {
        let start = at + i;
        let candidate = &bytes[start..(start + needle.len()).min(bytes.len())];
        if candidate.eq_ignore_ascii_case(needle) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Returns true if and only if a start tag is a `<script>` of JSON-LD
/// metadata (`type="application/ld+json"`), which is kept.
fn is_json_ld(tag: &str) -> bool {
    tag.len() > 7
        && tag[..7].eq_ignore_ascii_case("<script")
        && tag.to_ascii_lowercase().contains("ld+json")
}

/// Returns true if and only if a start tag's attributes hide its content:
/// `hidden`, `aria-hidden="true"`, or a style with `display:none` or
/// `visibility:hidden`.
pub fn hides(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    compact.contains("display:none")
        || compact.contains("visibility:hidden")
        || compact.contains("aria-hidden=\"true\"")
        || compact.contains("aria-hidden='true'")
        || compact.contains("aria-hidden=true")
        || lower
            .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .any(|w| w == "hidden" || w.starts_with("hidden="))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markup_passes_unchanged() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul></div><script type=\"application/ld+json\">{\"a\": \"<b>\"}</script></body></html>";
        assert!(matches!(prune_with(page, 4, 100), Cow::Borrowed(_)));
    }

    #[test]
    fn scripts_styles_comments_and_svg_go_whole() {
        let page = "<p>a<script>if (a<b) x('</div>')</script>b<!-- c <p> --><style>p{}</style><svg><svg><text>d</text></svg></svg><template><p>e</p></template>f</p>";
        assert_eq!(prune_with(page, 4, 100), "<p>abf</p>");
    }

    #[test]
    fn deep_nesting_loses_its_tags_but_keeps_its_words() {
        let page = format!(
            "<body>{}deep words{}<p>after</p></body>",
            "<div>".repeat(50),
            "</div>".repeat(50)
        );
        let out = prune_with(&page, 8, 1000);
        assert_eq!(out.matches("<div>").count(), 7);
        assert_eq!(out.matches("</div>").count(), 7);
        assert!(out.contains("deep words"));
        assert!(out.contains("<p>after</p>"));
    }

    #[test]
    fn dropped_hidden_elements_take_their_content_with_them() {
        let page = format!(
            "{}<script>secret()</script><span hidden>covert</span><div style=\"display: none\">unseen<div>inner</div></div>shown{}",
            "<div>".repeat(10),
            "</div>".repeat(10)
        );
        let out = prune_with(&page, 4, 1000);
        for hidden in ["secret", "covert", "unseen", "inner"] {
            assert!(!out.contains(hidden), "{hidden} in {out}");
        }
        assert!(out.contains("shown"));
    }

    #[test]
    fn too_many_elements_lose_their_tags() {
        let page = "<b>x</b>".repeat(20);
        let out = prune_with(&page, 100, 5);
        assert_eq!(out.matches("<b>").count(), 5);
        assert_eq!(out.matches('x').count(), 20);
    }

    #[test]
    fn markup_inside_scripts_and_comments_is_not_counted() {
        let page = format!(
            "<script type=application/ld+json>{}</script><div>ok</div>",
            "<div>".repeat(50),
        );
        assert!(matches!(prune_with(&page, 4, 100), Cow::Borrowed(_)));
    }

    #[test]
    fn broken_markup_never_panics() {
        for page in [
            "<",
            "<<>",
            "</",
            "<!--",
            "<div",
            "<a href=\"x>",
            "<script>",
            "é<é>",
            "<-->",
        ] {
            let _ = prune_with(page, 1, 1);
        }
    }
}
