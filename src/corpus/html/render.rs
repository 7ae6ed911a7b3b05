//! Rendering HTML content as the Markdown-like text the rest of the corpus
//! reads (see [`crate::corpus::markdown`]): `#` headings, `- ` list items,
//! `> ` quotes, fenced blocks for `<pre>` and tables (rows as aligned
//! text), `[image: alt]` lines, and links as numbered references — the
//! link text followed by `[n]`, the URLs listed apart, as newsboat does.
//!
//! Only what a reader would see is rendered: scripts, styles, forms,
//! embedded objects and hidden elements (`hidden`, `aria-hidden`,
//! `display:none`) are skipped with everything inside them. Every block
//! is separated by a blank line, so that the cleaner reads one block per
//! unit. The text is not sanitized here; the caller passes it through
//! [`crate::sanitize`] like any other file text.

use std::collections::HashMap;

use dom_query::NodeRef;
use url::Url;

/// The rendered text and the URLs its `[n]` markers refer to (`links[0]`
/// is `[1]`).
#[derive(Debug, Default, PartialEq)]
pub struct Rendered {
    pub text: String,
    pub links: Vec<String>,
    /// Letters and digits of the text, markers not counted (letters, not
    /// words: Chinese or Thai text has no spaces between its words).
    pub letters: usize,
    /// Letters and digits of the text inside links.
    pub link_letters: usize,
}

/// Elements whose content is never part of the text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "audio", "video", "form", "button", "input", "select", "textarea", "head", "title",
    "meta", "link", "base", "map", "dialog",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "center",
    "dl",
    "dt",
    "dd",
    "ul",
    "ol",
    "li",
    "blockquote",
    "body",
    "html",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "hr",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "fieldset",
    "legend",
    "picture",
    "hgroup",
    "menu",
];

/// A cell longer than this makes a table a layout table, read as blocks.
const MAX_TABLE_CELL: usize = 120;

/// Renders the content under `root`. Relative link targets are resolved
/// against `base` when given; only `http`/`https` links are kept.
pub fn render(root: &NodeRef<'_>, base: Option<&Url>) -> Rendered {
    let mut w = Writer {
        base,
        ..Writer::default()
    };
    w.walk(root);
    w.flush();
    let letters = letters_outside_markers(&w.out);
    Rendered {
        text: w.out,
        links: w.links,
        letters,
        link_letters: w.link_letters,
    }
}

/// One step of the walk: entering a node, or leaving an element.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(Leave),
}

/// What to do when an element is left.
enum Leave {
    Block,
    Heading,
    Quote,
    ListItem,
    List,
    /// `letters` is the count of link letters when the link was entered.
    Link {
        href: Option<String>,
        letters: usize,
    },
    Inline,
}

#[derive(Default)]
struct Writer<'b> {
    base: Option<&'b Url>,
    out: String,
    /// The block being written, whitespace already folded.
    line: String,
    /// `#` level of the block being written.
    heading: usize,
    /// Open `<blockquote>`s.
    quotes: usize,
    /// Open lists: the next block starts a list item.
    lists: usize,
    item: bool,
    links: Vec<String>,
    numbers: HashMap<String, usize>,
    /// Open `<a href>`s, and the letters written inside them so far.
    in_link: usize,
    link_letters: usize,
}

impl<'a> Writer<'_> {
    /// Walks the tree with an explicit stack, so no depth of nesting can
    /// overflow the call stack.
    fn walk(&mut self, root: &NodeRef<'a>) {
        let mut stack = vec![Step::Enter(*root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave(leave) => self.leave(leave),
                Step::Enter(node) => {
                    if node.is_text() {
                        self.text(&node.text());
                        continue;
                    }
                    if !(node.is_element() || node.is_document() || node.is_fragment()) {
                        continue;
                    }
                    // The parser lower-cases HTML names; an atom is cheap.
                    let name = node.qual_name_ref().map(|q| q.local.clone());
                    let name = name.as_deref().unwrap_or("");
                    if SKIPPED.contains(&name) || is_hidden(&node) {
                        continue;
                    }
                    let Some(leave) = self.enter(&node, name) else {
                        continue;
                    };
                    stack.push(Step::Leave(leave));
                    stack.extend(node.children_it(true).map(Step::Enter));
                }
            }
        }
    }

    /// Opens an element; `None` when it was written whole (or is empty).
    fn enter(&mut self, node: &NodeRef<'_>, name: &str) -> Option<Leave> {
        match name {
            "pre" => {
                self.flush();
                self.fenced(&node.text());
                None
            }
            "table" => {
                let rows = table_rows(node);
                if rows.is_empty() {
                    Some(Leave::Block)
                } else {
                    self.flush();
                    self.fenced(&align(&rows));
                    None
                }
            }
            "nav" if is_navigation(node) => None,
            "img" => {
                // Sanitized before its brackets go, so that no bracket of
                // an escape sequence is lost and its payload left behind.
                let alt = node
                    .attr("alt")
                    .map(|a| crate::sanitize::clean_line(&a))
                    .unwrap_or_default()
                    .replace(['[', ']'], "");
                if !alt.trim().is_empty() {
                    self.flush();
                    self.line = format!("[image: {}]", alt.trim());
                    self.flush();
                }
                None
            }
            "br" | "hr" => {
                self.flush();
                None
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = usize::from(name.as_bytes()[1] - b'0');
                Some(Leave::Heading)
            }
            "blockquote" => {
                self.flush();
                self.quotes += 1;
                Some(Leave::Quote)
            }
            "ul" | "ol" | "menu" | "dl" => {
                self.flush();
                self.lists += 1;
                Some(Leave::List)
            }
            "li" | "dt" | "dd" => {
                self.flush();
                self.item = self.lists > 0;
                Some(Leave::ListItem)
            }
            "a" => Some(match node.attr("href") {
                Some(href) => {
                    self.in_link += 1;
                    Leave::Link {
                        href: self.resolve(&href),
                        letters: self.link_letters,
                    }
                }
                None => Leave::Inline,
            }),
            _ if BLOCKS.contains(&name) => {
                self.flush();
                Some(Leave::Block)
            }
            _ => Some(Leave::Inline),
        }
    }

    fn leave(&mut self, leave: Leave) {
        match leave {
            Leave::Inline => {}
            Leave::Block | Leave::ListItem => self.flush(),
            Leave::Heading => {
                self.flush();
                self.heading = 0;
            }
            Leave::Quote => {
                self.flush();
                self.quotes -= 1;
            }
            Leave::List => {
                self.flush();
                self.lists -= 1;
                self.item = false;
            }
            Leave::Link { href, letters } => {
                self.in_link -= 1;
                // A link with no text (an icon) gets no marker.
                let Some(href) = href.filter(|_| self.link_letters > letters) else {
                    return;
                };
                let marker = format!(" [{}]", self.number(href));
                if !self.line.trim().is_empty() {
                    let trimmed = self.line.trim_end().len();
                    self.line.truncate(trimmed);
                    self.line.push_str(&marker);
                } else if self.out.ends_with("\n\n") && !self.out.ends_with("```\n\n") {
                    // The link held whole blocks (a teaser card): mark the last.
                    self.out.truncate(self.out.len() - 2);
                    self.out.push_str(&marker);
                    self.out.push_str("\n\n");
                }
            }
        }
    }

    /// Returns the reference number of `url`, giving it the next one the
    /// first time it is seen.
    fn number(&mut self, url: String) -> usize {
        if let Some(&n) = self.numbers.get(&url) {
            return n;
        }
        self.links.push(url.clone());
        let n = self.links.len();
        self.numbers.insert(url, n);
        n
    }

    /// Returns the absolute `http`/`https` URL `href` points to.
    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        let url = match self.base {
            Some(base) => base.join(href).ok()?,
            None => Url::parse(href).ok()?,
        };
        matches!(url.scheme(), "http" | "https").then(|| url.to_string())
    }

    /// Adds inline text, folding whitespace as a browser does.
    fn text(&mut self, text: &str) {
        if self.in_link > 0 {
            self.link_letters += count_letters(text);
        }
        for (i, word) in text.split(is_html_space).enumerate() {
            if i > 0 && !self.line.ends_with(' ') && !self.line.is_empty() {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
    }

    /// Ends the block being written, as a paragraph, heading or list item.
    fn flush(&mut self) {
        let line = self.line.trim();
        if !line.is_empty() {
            for _ in 0..self.quotes {
                self.out.push_str("> ");
            }
            if self.heading > 0 {
                self.out.push_str(&"#".repeat(self.heading.min(6)));
                self.out.push(' ');
            } else if self.item {
                self.out.push_str("- ");
                // Further blocks of the same item are its paragraphs.
                self.item = false;
            }
            self.out.push_str(line);
            self.out.push_str("\n\n");
        }
        self.line.clear();
    }

    /// Writes `text` as a fenced block, lines kept as they are.
    fn fenced(&mut self, text: &str) {
        let body = text.trim_matches('\n');
        if body.trim().is_empty() {
            return;
        }
        self.out.push_str("```\n");
        for line in body.lines() {
            // A fence inside would end the block early.
            self.out.push_str(&line.replace("```", "'''"));
            self.out.push('\n');
        }
        self.out.push_str("```\n\n");
    }
}

/// Returns true if and only if `word` is a reference marker such as `[12]`.
pub fn is_marker(word: &str) -> bool {
    word.strip_prefix('[')
        .and_then(|w| w.strip_suffix(']'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Letters outside links at which a `<nav>` holds prose worth keeping:
/// about 25 words, as [`super::MIN_LETTERS`].
const NAV_PROSE_LETTERS: usize = super::MIN_LETTERS;

/// Returns true if and only if the `<nav>` element `node` is navigation
/// only: links (a menu, a breadcrumb, a table of contents) with less than
/// about 25 words of text outside them, such as the page's own title at the
/// end of a breadcrumb. A `<nav>` that holds more prose is kept: when
/// unsure, the text stays.
fn is_navigation(node: &NodeRef<'_>) -> bool {
    let all = count_letters(&node.text());
    let in_links: usize = node
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| count_letters(&a.text()))
        .sum();
    all.saturating_sub(in_links) < NAV_PROSE_LETTERS
}

/// Returns the number of letters and digits in `text` outside its link
/// markers, the words that [`is_marker`] knows. Counted over the whole
/// text at once, then less each marker's digits: word by word, this count
/// was a fifteenth of a page's reading.
fn letters_outside_markers(text: &str) -> usize {
    let bytes = text.as_bytes();
    let spaced_before = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
    };
    let spaced_after = |at: usize| text[at..].chars().next().is_none_or(char::is_whitespace);
    let in_markers: usize = memchr::memchr_iter(b'[', bytes)
        .filter(|&open| spaced_before(open))
        .filter_map(|open| {
            let digits = bytes[open + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let close = open + 1 + digits;
            (digits > 0 && bytes.get(close) == Some(&b']') && spaced_after(close + 1))
                .then_some(digits)
        })
        .sum();
    count_letters(text) - in_markers
}

/// Returns the number of letters and digits in `text`.
pub(super) fn count_letters(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(u8::is_ascii_alphanumeric).count();
    }
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

/// HTML's whitespace (the no-break space is text, but reads as a space).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}')
}

/// Folds runs of whitespace in `text` into one space, trimmed.
fn fold(text: &str) -> String {
    text.split(is_html_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Returns true if and only if the element hides its content: `hidden`,
/// `aria-hidden="true"`, or an inline style with `display:none` or
/// `visibility:hidden`.
fn is_hidden(node: &NodeRef<'_>) -> bool {
    if !node.is_element() {
        return false;
    }
    if node.has_attr("hidden") {
        return true;
    }
    if node
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    node.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

/// Returns the rows of a data table as cell texts; empty for a layout
/// table (one column, a long cell, or a table inside) that reads better as
/// blocks.
fn table_rows(table: &NodeRef<'_>) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut widest = 0;
    for node in table.descendants_it() {
        let Some(name) = node.node_name() else {
            continue;
        };
        match name.to_ascii_lowercase().as_str() {
            "table" => return Vec::new(),
            "tr" => {
                if is_hidden(&node) {
                    continue;
                }
                let cells: Vec<String> = node
                    .element_children()
                    .into_iter()
                    .filter(|c| c.is("td, th") && !is_hidden(c))
                    .map(|c| cell_text(&c))
                    .collect();
                if cells.iter().any(|c| c.chars().count() > MAX_TABLE_CELL) {
                    return Vec::new();
                }
                widest = widest.max(cells.len());
                if cells.iter().any(|c| !c.is_empty()) {
                    rows.push(cells);
                }
            }
            _ => {}
        }
    }
    if widest < 2 { Vec::new() } else { rows }
}

/// The visible text of a table cell, on one line.
fn cell_text(cell: &NodeRef<'_>) -> String {
    let mut w = Writer::default();
    w.walk(cell);
    w.flush();
    fold(&w.out.replace("\n\n", " "))
}

/// Lays out rows as columns padded to their widest cell.
fn align(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(unicode_width::UnicodeWidthStr::width(cell.as_str()));
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            let pad = widths[i] - unicode_width::UnicodeWidthStr::width(cell.as_str());
            line.extend(std::iter::repeat_n(' ', pad));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    #[test]
    fn letters_outside_markers_count_as_word_by_word() {
        let word_by_word = |text: &str| -> usize {
            text.split_whitespace()
                .filter(|word| !is_marker(word))
                .map(count_letters)
                .sum()
        };
        for text in [
            "",
            "[1]",
            "The mayor [1] said\n[12] it [3]x would [] [a] [4",
            "x[5] [6]y [7]\u{a0}[8] naïve [9]\u{3000}[10]",
            "[image: a bridge] 2024 [99999] end [12]",
        ] {
            assert_eq!(
                letters_outside_markers(text),
                word_by_word(text),
                "{text:?}"
            );
        }
    }

    fn render_html(html: &str) -> Rendered {
        let doc = Document::from(html);
        let base = Url::parse("https://news.example.org/sport/derby.html").ok();
        render(&doc.root(), base.as_ref())
    }

    #[test]
    fn structure_becomes_markdown_lines() {
        let r = render_html(
            "<h2>Second  half</h2><p>The home side <b>pressed</b>\n high.</p><ul><li>Goal, 12'</li><li>Goal, 80'</li></ul><blockquote><p>We never stopped.</p></blockquote>",
        );
        assert_eq!(
            r.text,
            "## Second half\n\nThe home side pressed high.\n\n- Goal, 12'\n\n- Goal, 80'\n\n> We never stopped.\n\n"
        );
    }

    #[test]
    fn links_become_numbered_references() {
        let r = render_html(
            "<p>See the <a href=\"/table\">league table</a> and the <a href=\"https://stats.example.com/x\">stats</a>, again the <a href=\"table\">table</a>; <a href=\"javascript:alert(1)\">run</a> <a href=\"#top\">top</a> <a href=\"/icon\"><img src=i.png></a>.</p>",
        );
        assert_eq!(
            r.text,
            "See the league table [1] and the stats [2], again the table [3]; run top .\n\n"
        );
        assert_eq!(
            r.links,
            [
                "https://news.example.org/table",
                "https://stats.example.com/x",
                "https://news.example.org/sport/table"
            ]
        );
    }

    #[test]
    fn the_same_url_keeps_its_number() {
        let r = render_html(
            "<p><a href=\"https://a.example/\">one</a> <a href=\"https://a.example/\">two</a></p>",
        );
        assert_eq!(r.text, "one [1] two [1]\n\n");
        assert_eq!(r.links.len(), 1);
    }

    #[test]
    fn images_pre_and_tables_are_kept_as_blocks() {
        let r = render_html(
            "<p>Before<img alt=\"The [winning] goal\" src=g.jpg>after</p><pre>  x = 1\n  y = 2</pre><table><tr><th>Team</th><th>Pts</th></tr><tr><td>Rovers</td><td>61</td></tr></table>",
        );
        assert_eq!(
            r.text,
            "Before\n\n[image: The winning goal]\n\nafter\n\n```\n  x = 1\n  y = 2\n```\n\n```\nTeam    Pts\nRovers  61\n```\n\n"
        );
    }

    #[test]
    fn layout_tables_read_as_blocks() {
        let long = "word ".repeat(40);
        let r = render_html(&format!(
            "<table><tr><td>{long}</td><td>side</td></tr></table>"
        ));
        assert!(!r.text.contains("```"));
        assert!(r.text.contains("side"));
    }

    #[test]
    fn a_breadcrumb_nav_goes_but_a_nav_of_prose_stays() {
        let page = "<nav><a href=\"/\">Home</a> › <a href=\"/sport\">Sport</a> › <span>County final goes to a replay after a late equaliser</span></nav><p>The county final will be replayed next Sunday.</p>";
        let text = render_html(page).text;
        assert!(!text.contains("Home"), "{text}");
        assert!(!text.contains("late equaliser"), "{text}");
        assert!(text.contains("replayed next Sunday"), "{text}");
        let prose = "<nav><p>This guide walks through the council's new recycling rules street by street, explaining which bins go out on which days and what happens to garden waste over the winter months.</p><a href=\"/next\">Next</a></nav>";
        let text = render_html(prose).text;
        assert!(text.contains("garden waste over the winter"), "{text}");
    }

    #[test]
    fn hidden_and_script_content_is_skipped() {
        let r = render_html(
            "<p>shown</p><script>alert('x')</script><style>p{}</style><p hidden>h1</p><div aria-hidden=\"true\">h2</div><span style=\"DISPLAY: none\">h3</span><div style=\"visibility:hidden\">h4</div><noscript>h5</noscript><form><input value=h6><button>h7</button></form>",
        );
        assert_eq!(r.text, "shown\n\n");
    }

    #[test]
    fn deep_trees_do_not_overflow_the_stack() {
        let html = format!("{}deep{}", "<span>".repeat(5000), "</span>".repeat(5000));
        assert!(render_html(&html).text.contains("deep"));
    }
}
