//! Light Markdown stripping: the text a reader would see, with structure
//! left as plain lines so that the cleaner's general rules find headings
//! (a `## Heading` becomes a short line without closing punctuation).
//!
//! Fenced code blocks and pipe tables are the exception: they stay between
//! plain fences, their lines as written, and [`super::layout`] keeps every
//! fenced block as one preformatted block. This is the contract for any
//! format converted to Markdown on its way in (`<pre>` and `<table>` become
//! fenced blocks).

use super::layout::{Fence, is_underline};

/// Returns `text` without Markdown syntax: heading hashes, emphasis markers,
/// link and image syntax (`[text](url)` → `text`, images dropped), inline
/// code ticks, block quotes, rules and link definitions. List items keep a
/// `•` bullet so they are never mistaken for headings. Fenced blocks keep
/// their lines under a bare fence (the info string goes); a pipe table is
/// put in a fenced block of its own.
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if let Some(fence) = Fence::opening(line) {
            let bare = fence.bare();
            out.push_str(&bare);
            out.push('\n');
            for inner in lines.by_ref() {
                if fence.is_closed_by(inner) {
                    break;
                }
                out.push_str(inner.trim_end());
                out.push('\n');
            }
            out.push_str(&bare);
            out.push('\n');
            continue;
        }
        if trimmed.contains('|') && lines.peek().is_some_and(|next| is_table_delimiter(next)) {
            out.push_str("```\n");
            out.push_str(trimmed);
            out.push('\n');
            while let Some(row) = lines.next_if(|l| l.contains('|') && !l.trim().is_empty()) {
                out.push_str(row.trim());
                out.push('\n');
            }
            out.push_str("```\n");
            continue;
        }
        // A rule, or a heading's underline ("Title" over "=====").
        if is_rule(trimmed) || is_underline(trimmed) {
            out.push('\n');
            continue;
        }
        if let Some((label, note)) = footnote_definition(trimmed) {
            // A footnote is the author's words: it stays, as "[1] …",
            // where its marker in the text reads "[1]" too.
            out.push('[');
            out.push_str(label);
            out.push_str("] ");
            strip_inline(note, &mut out);
            out.push('\n');
            continue;
        }
        if is_link_definition(trimmed) {
            continue;
        }
        let mut rest = trimmed;
        while let Some(r) = rest.strip_prefix('>') {
            rest = r.trim_start();
        }
        // An Obsidian callout's type ("> [!note] Context"): markup; its
        // title stays.
        if let Some(title) = callout_title(rest) {
            rest = title;
        }
        let hashes = rest.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && rest[hashes..].starts_with(' ') {
            rest = rest[hashes..].trim().trim_end_matches('#').trim_end();
        }
        let bullet = ["- ", "* ", "+ "].iter().find_map(|b| rest.strip_prefix(b));
        if let Some(item) = bullet {
            out.push_str("• ");
            rest = item;
        }
        strip_inline(rest, &mut out);
        out.push('\n');
    }
    out
}

/// The delimiter row under a pipe table's header: cells of dashes, with
/// optional colons for alignment (`| --- | :-: |`).
fn is_table_delimiter(line: &str) -> bool {
    let line = line.trim();
    let cells: Vec<&str> = line
        .trim_start_matches('|')
        .trim_end_matches('|')
        .split('|')
        .map(str::trim)
        .collect();
    line.contains('-')
        && (line.contains('|') || cells.len() > 1)
        && cells.iter().all(|c| {
            let dashes = c.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.chars().all(|ch| ch == '-')
        })
}

/// A thematic break: three or more of one of `-`, `*`, `_`, spaces
/// allowed between them (read without allocating: this runs on every
/// line of every Markdown file).
fn is_rule(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(mark) = marks.next().filter(|m| matches!(m, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != mark {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// `[id]: http://...` lines: a label, then one address (no space in it,
/// or within `<…>`), then at most a title in quotes or brackets. A line
/// that goes on in words ("[Update]: the council has replied") is text.
fn is_link_definition(line: &str) -> bool {
    let Some((label, rest)) = line.strip_prefix('[').and_then(|l| l.split_once("]:")) else {
        return false;
    };
    if label.contains(']') || label.starts_with('^') {
        return false;
    }
    let rest = rest.trim();
    let (address, title) = match rest.strip_prefix('<') {
        Some(inner) => match inner.split_once('>') {
            Some((address, title)) => (address, title.trim()),
            None => return false,
        },
        None => rest
            .split_once(char::is_whitespace)
            .map_or((rest, ""), |(a, t)| (a, t.trim())),
    };
    let titled = |open: char, close: char| title.starts_with(open) && title.ends_with(close);
    !address.is_empty()
        && (title.is_empty()
            || title.len() > 1 && (titled('"', '"') || titled('\'', '\'') || titled('(', ')')))
}

/// The label and text of a footnote's definition, `[^1]: The trial was
/// registered…`.
fn footnote_definition(line: &str) -> Option<(&str, &str)> {
    let (label, note) = line.strip_prefix("[^")?.split_once("]:")?;
    is_footnote_label(label).then(|| (label, note.trim()))
}

/// A footnote's label: a short run of letters, digits, `-` or `_`.
fn is_footnote_label(label: &str) -> bool {
    (1..=24).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The length of a footnote's marker (`[^1]`) at the start of `bytes`.
fn footnote_marker_len(bytes: &[u8]) -> Option<usize> {
    let rest = bytes.strip_prefix(b"[^")?;
    let close = rest.iter().take(25).position(|&b| b == b']')?;
    let label = std::str::from_utf8(&rest[..close]).ok()?;
    is_footnote_label(label).then_some(close + 3)
}

/// Copies `line` into `out` without emphasis, code ticks and link syntax.
///
/// One pass, linear in the line whatever it holds: every byte is looked
/// at a bounded number of times. A run of `*` or `_` is judged once as a
/// whole (all its markers get the same verdict), and the searches for the
/// `]` and `)` that close a link only move forward, so a line of
/// thousands of `[` or `*` costs no more than a line of letters.
fn strip_inline(line: &str, out: &mut String) {
    let mut closers = Closers::default();
    strip_span(line, Some(&mut closers), out);
}

/// Where the next `]` and `)` are: cursors that only move forward.
#[derive(Default)]
struct Closers {
    bracket: usize,
    paren: usize,
}

/// Returns the first index at or after `from` (and after `cursor`) where
/// `target` is, moving `cursor` there; the cursor never moves back, so a
/// line costs one scan per target however often it is asked.
fn next_at(bytes: &[u8], target: u8, cursor: &mut usize, from: usize) -> Option<usize> {
    *cursor = (*cursor).max(from);
    while *cursor < bytes.len() && bytes[*cursor] != target {
        *cursor += 1;
    }
    (*cursor < bytes.len()).then_some(*cursor)
}

/// For `[label](target)` starting at `open`, returns the index of `]` and
/// the index just past `)`; for a reference link, `[label][ref]` or
/// `[label][]`, the index just past the reference's `]`. The queries of
/// one line must come in increasing `open` order.
fn link_at(bytes: &[u8], open: usize, closers: &mut Closers) -> Option<(usize, usize)> {
    let close = next_at(bytes, b']', &mut closers.bracket, open)?;
    match bytes.get(close + 1) {
        Some(b'(') => {
            let end = next_at(bytes, b')', &mut closers.paren, close + 1)?;
            Some((close, end + 1))
        }
        Some(b'[') => {
            let end = next_at(bytes, b']', &mut closers.bracket, close + 2)?;
            is_reference(&bytes[close + 2..end]).then_some((close, end + 1))
        }
        _ => None,
    }
}

/// Returns true if and only if `label` can name a link's reference
/// (`[1]`, `[bbc-report]`): short, on one line, no bracket.
fn is_reference(label: &[u8]) -> bool {
    label.len() <= MAX_REFERENCE && !label.iter().any(|b| matches!(b, b'[' | b'\n'))
}

/// The longest reference label read as one.
const MAX_REFERENCE: usize = 32;

/// The bytes that may start inline markup.
const MARKUP_BYTES: &[u8] = b"![`*_<";

/// Strips `text`; links are taken apart only when `closers` is given (a
/// link's label holds no `]`, so no link can start inside it).
fn strip_span(text: &str, mut closers: Option<&mut Closers>, out: &mut String) {
    let bytes = text.as_bytes();
    let mut open = OpenEmphasis::default();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'!' if bytes.get(i + 1) == Some(&b'[')
                && let Some((_, end)) = wikilink_at(text, i + 1) =>
            {
                // An embed ("![[chart.png]]") shows a file, no words.
                i = end;
            }
            b'[' if let Some((shown, end)) = wikilink_at(text, i) => {
                out.push_str(shown);
                i = end;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                if let Some((_, end)) = closers
                    .as_deref_mut()
                    .and_then(|c| link_at(bytes, i + 1, c))
                {
                    i = end;
                    continue;
                }
                out.push('!');
                i += 1;
            }
            b'[' => {
                if let Some(len) = footnote_marker_len(&bytes[i..]) {
                    // "[^1]" reads "[1]", as its note does.
                    out.push('[');
                    out.push_str(&text[i + 2..i + len - 1]);
                    out.push(']');
                    i += len;
                    continue;
                }
                if let Some((close, end)) =
                    closers.as_deref_mut().and_then(|c| link_at(bytes, i, c))
                {
                    strip_span(&text[i + 1..close], None, out);
                    i = end;
                    continue;
                }
                out.push('[');
                i += 1;
            }
            b'`' => i += 1,
            b'<' => i = inline_tag(text, i, out),
            marker @ (b'*' | b'_') => {
                let mut end = i + 1;
                while end < bytes.len() && bytes[end] == marker {
                    end += 1;
                }
                if !open.is_emphasis_run(text, i, end) {
                    out.push_str(&text[i..end]);
                }
                i = end;
            }
            _ => {
                // Copy up to the next byte that may be markup; markup
                // bytes are ASCII, so the cut is on a character boundary.
                // (The first byte may be a `!` that starts no image.)
                let start = i;
                i += 1 + crate::ascii::bytes_before_any(&bytes[i + 1..], MARKUP_BYTES);
                out.push_str(&text[start..i]);
            }
        }
    }
}

/// The HTML elements Markdown writers put inside a line ("cm<sup>2</sup>",
/// "<em>sic</em>", "line<br>break"): the tag goes, its text stays. Sorted.
#[rustfmt::skip]
const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "wbr",
];

/// Reads the `<` at `at`: an inline HTML tag of [`INLINE_ELEMENTS`] goes
/// (`<br>` leaves a space, and a figure in `<sup>` reads as a superscript,
/// "cm²"); any other `<` is the writer's ("a < b", "<NOVA>", an autolink's
/// address). Returns where reading goes on.
fn inline_tag(text: &str, at: usize, out: &mut String) -> usize {
    let Some((name, end)) = tag_at(text, at) else {
        out.push('<');
        return at + 1;
    };
    if name.eq_ignore_ascii_case("br") {
        out.push(' ');
    }
    if name.eq_ignore_ascii_case("sup") && !text[at + 1..].starts_with('/') {
        let inner = &text[end..];
        let near = &inner.as_bytes()[..inner.len().min(3 + "</sup>".len())];
        if let Some(close) =
            memchr::memmem::find(near, b"</sup>").or_else(|| memchr::memmem::find(near, b"</SUP>"))
            && (1..=3).contains(&close)
            && inner[..close].bytes().all(|b| b.is_ascii_digit())
        {
            const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
            out.extend(
                inner[..close]
                    .bytes()
                    .map(|b| SUPERSCRIPTS[usize::from(b - b'0')]),
            );
            return end + close + "</sup>".len();
        }
    }
    end
}

/// The longest inline tag's attributes, in bytes.
const MAX_TAG: usize = 300;

/// Returns the element's name and the end of the inline HTML tag at `at`
/// (`<sup>`, `</sup>`, `<br/>`, `<span class="x">`), when there is one.
fn tag_at(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = &text[at + 1..];
    let closing = rest.starts_with('/');
    let name_start = usize::from(closing);
    let name_len = rest[name_start..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let name = &rest[name_start..name_start + name_len];
    let lower = name.to_ascii_lowercase();
    if name.is_empty() || INLINE_ELEMENTS.binary_search(&lower.as_str()).is_err() {
        return None;
    }
    let after = &rest[name_start + name_len..];
    // Read no further than the longest tag: a line of "<b" stays linear.
    let close = memchr::memchr(b'>', &after.as_bytes()[..after.len().min(MAX_TAG)])?;
    let attributes = &after[..close];
    let well_formed = attributes.is_empty()
        || attributes == "/"
        || (attributes.starts_with([' ', '\t'])
            && !closing
            && close <= 300
            && !attributes.contains('<'));
    well_formed.then_some((name, at + 1 + name_start + name_len + close + 1))
}

/// The longest wiki link's inside, in bytes.
const MAX_WIKILINK: usize = 200;

/// The wiki link at `at` ("[[Nicolai Tangen]]", "[[Norges Bank|the
/// bank]]", "[[Tokyo#Transport]]"), as Obsidian writes them: the words it
/// shows (the alias, else the page without its section) and where it ends.
fn wikilink_at(text: &str, at: usize) -> Option<(&str, usize)> {
    let inner_start = at + 2;
    if !text[at..].starts_with("[[") {
        return None;
    }
    // Read no further than the longest link: a line of brackets stays
    // linear.
    let window = &text.as_bytes()[inner_start..text.len().min(inner_start + MAX_WIKILINK + 2)];
    let close = memchr::memmem::find(window, b"]]")?;
    let inner = &text[inner_start..inner_start + close];
    if inner.trim().is_empty() || inner.contains(['[', ']', '\n']) {
        return None;
    }
    let shown = match inner.split_once('|') {
        Some((_, alias)) => alias,
        None => inner.split('#').next().unwrap_or(inner),
    };
    Some((shown.trim(), inner_start + close + 2))
}

/// The title of an Obsidian callout's first line ("[!note] Context" gives
/// "Context"; "[!warning]-" gives ""), when `line` opens one.
fn callout_title(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("[!")?;
    let (kind, title) = rest.split_once(']')?;
    (!kind.is_empty()
        && kind.len() <= 24
        && kind.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    .then(|| title.trim_start_matches(['+', '-']).trim())
}

/// Which emphasis markers of a line are open: a run of `*` or `_` that
/// opened emphasis before a word, not yet closed.
#[derive(Default)]
struct OpenEmphasis {
    star: bool,
    underscore: bool,
}

impl OpenEmphasis {
    /// Returns true if and only if the run of `*` or `_` at `start..end`
    /// is emphasis: it touches a word on one side and not on the other (so
    /// `snake_case` and `2 * 3` survive), it is a doubled marker between
    /// two non-words, or it closes an open emphasis after punctuation, at
    /// a space or the end ("*Additional reporting by Ana Ruiz.*").
    fn is_emphasis_run(&mut self, text: &str, start: usize, end: usize) -> bool {
        let open = if text.as_bytes()[start] == b'*' {
            &mut self.star
        } else {
            &mut self.underscore
        };
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let (prev, next) = (word(before), word(after));
        if prev != next {
            *open = next;
            return true;
        }
        if !prev && !next && end - start > 1 {
            return true;
        }
        let closes = *open
            && before.is_some_and(|c| !c.is_whitespace())
            && after.is_none_or(char::is_whitespace);
        if closes {
            *open = false;
        }
        closes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obsidian_wiki_links_embeds_and_callouts_read_as_words() {
        let md = "Chief executive [[Nicolai Tangen]] of [[Norges Bank|the bank]] spoke in [[Oslo#Harbour]].\n![[chart.png]]\n> [!note] Context\n> The fund holds 1.5% of listed shares.\nA [[ ]] and [[open stays.";
        assert_eq!(
            strip(md),
            "Chief executive Nicolai Tangen of the bank spoke in Oslo.\n\nContext\nThe fund holds 1.5% of listed shares.\nA [[ ]] and [[open stays.\n"
        );
    }

    #[test]
    fn inline_html_tags_go_and_their_text_stays() {
        let md = "A current of 500 mA/cm<sup>2</sup> at <em>80 °C</em>, the <span class=\"note\">first</span> line<br>and<br/>more; H<sub>2</sub>O.";
        assert_eq!(
            strip(md),
            "A current of 500 mA/cm² at 80 °C, the first line and more; H2O.\n"
        );
        // A `<` that opens no inline element is the writer's.
        let md = "If a < b and <NOVA> rose, see <https://x.org> or <sup>note</sup> <div>x</div>.";
        assert_eq!(
            strip(md),
            "If a < b and <NOVA> rose, see <https://x.org> or note <div>x</div>.\n"
        );
    }

    #[test]
    fn strips_headings_emphasis_and_links() {
        let md = "## Rates *held* steady\n\nThe **bank** said [in a note](https://x.org/n) that ![chart](c.png) rates stay.\n- first item\n> quoted `code`\n[1]: https://x.org\n---";
        let out = strip(md);
        assert_eq!(
            out,
            "Rates held steady\n\nThe bank said in a note that  rates stay.\n• first item\nquoted code\n\n"
        );
    }

    #[test]
    fn fenced_blocks_and_pipe_tables_stay_as_written_between_fences() {
        let md = "Results:\n\n| Team | Pts |\n|:-----|----:|\n| **Rovers** | 30 |\n| City | 19 |\n\n```python\n    x = [1](2)\n# not a heading\n```\nAfter.";
        assert_eq!(
            strip(md),
            "Results:\n\n```\n| Team | Pts |\n|:-----|----:|\n| **Rovers** | 30 |\n| City | 19 |\n```\n\n```\n    x = [1](2)\n# not a heading\n```\nAfter.\n"
        );
        let stripped = strip(md);
        let units = crate::corpus::layout::split_units(&stripped);
        let kept: Vec<(bool, &str)> = units.iter().map(|u| (u.is_preformatted(), &**u)).collect();
        assert_eq!(
            kept,
            [
                (false, "Results:"),
                (
                    true,
                    "| Team | Pts |\n|:-----|----:|\n| **Rovers** | 30 |\n| City | 19 |"
                ),
                (true, "    x = [1](2)\n# not a heading"),
                (false, "After."),
            ]
        );
    }

    #[test]
    fn a_rule_is_three_or_more_of_one_mark() {
        for rule in ["---", "***", "___", "- - -", " * * * * ", "_____"] {
            assert!(is_rule(rule), "{rule:?}");
        }
        for not_rule in ["", "--", "-*-", "- - x", "...", "—————", "a---"] {
            assert!(!is_rule(not_rule), "{not_rule:?}");
        }
    }

    #[test]
    fn a_pipe_in_prose_is_no_table() {
        assert_eq!(
            strip("Rates | held\nsteady - for now"),
            "Rates | held\nsteady - for now\n"
        );
    }

    #[test]
    fn links_inside_labels_and_unclosed_syntax_stay_text() {
        assert_eq!(strip("[a [b](x) c](y)"), "a [b c](y)\n");
        assert_eq!(strip("![img](a) [t](u) ![x] [y"), " t ![x] [y\n");
        assert_eq!(strip("**bold**, _it_, __x__ and *"), "bold, it, x and *\n");
        assert_eq!(strip("a***b"), "a***b\n");
        assert_eq!(strip("`code` in ``ticks``"), "code in ticks\n");
    }

    #[test]
    fn a_reference_link_keeps_its_words() {
        assert_eq!(
            strip("The work was [approved last year][1] but delayed."),
            "The work was approved last year but delayed.\n"
        );
        assert_eq!(
            strip("See [the report][] and [it][bbc-2025]."),
            "See the report and it.\n"
        );
        // Not a reference: too long a label, or brackets in prose.
        let long = format!("[a][{}]", "x".repeat(40));
        assert_eq!(strip(&long), format!("{long}\n"));
        assert_eq!(strip("[sic] [2]"), "[sic] [2]\n");
    }

    /// The quadratic version this module had before (issue 11, case 3),
    /// kept to check that the linear one gives the same text.
    mod reference {
        pub fn strip_inline(line: &str, out: &mut String) {
            let chars: Vec<char> = line.chars().collect();
            // The run of markers being read: where it ends, and whether
            // it is emphasis.
            let mut run = (0, false);
            let mut open = [false; 2];
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                // Wiki links and embeds are read as the module reads them.
                let byte: usize = chars[..i].iter().map(|c| c.len_utf8()).sum();
                let wiki = |at: usize| {
                    super::super::wikilink_at(line, at)
                        .map(|(shown, end)| (shown, line[..end].chars().count()))
                };
                if c == '!'
                    && chars.get(i + 1) == Some(&'[')
                    && let Some((_, end)) = wiki(byte + 1)
                {
                    i = end;
                    continue;
                }
                if c == '['
                    && let Some((shown, end)) = wiki(byte)
                {
                    out.push_str(shown);
                    i = end;
                    continue;
                }
                match c {
                    '!' if chars.get(i + 1) == Some(&'[') => {
                        if let Some((_, end)) = link_at(&chars, i + 1) {
                            i = end;
                            continue;
                        }
                        out.push(c);
                    }
                    '[' => {
                        if let Some((label_end, end)) = link_at(&chars, i) {
                            strip_inline(&chars[i + 1..label_end].iter().collect::<String>(), out);
                            i = end;
                            continue;
                        }
                        out.push(c);
                    }
                    '`' => {}
                    '*' | '_' => {
                        if i == 0 || i > run.0 || chars[i - 1] != c {
                            run = judge_run(&chars, i, &mut open);
                        }
                        if !run.1 {
                            out.push(c);
                        }
                    }
                    _ => out.push(c),
                }
                i += 1;
            }
        }

        fn link_at(chars: &[char], open: usize) -> Option<(usize, usize)> {
            let close = open + chars[open..].iter().position(|&c| c == ']')?;
            match chars.get(close + 1) {
                Some('(') => {
                    let end = close + 1 + chars[close + 1..].iter().position(|&c| c == ')')?;
                    Some((close, end + 1))
                }
                Some('[') => {
                    let end = close + 2 + chars[close + 2..].iter().position(|&c| c == ']')?;
                    let label = &chars[close + 2..end];
                    let bytes: usize = label.iter().map(|c| c.len_utf8()).sum();
                    (bytes <= super::MAX_REFERENCE && !label.contains(&'['))
                        .then_some((close, end + 1))
                }
                _ => None,
            }
        }

        /// Judges the run of markers that starts at `i`: where it ends,
        /// and whether it is emphasis (an opened run closing at the first
        /// run after punctuation before a space or the end).
        fn judge_run(chars: &[char], i: usize, open: &mut [bool; 2]) -> (usize, bool) {
            let slot = usize::from(chars[i] == '_');
            let mut after = i;
            while after + 1 < chars.len() && chars[after + 1] == chars[i] {
                after += 1;
            }
            let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
            let (before, next) = (i.checked_sub(1).map(|b| &chars[b]), chars.get(after + 1));
            let mut verdict = is_emphasis_marker(chars, i);
            if word(before) != word(next) {
                open[slot] = word(next);
            } else if !verdict
                && open[slot]
                && before.is_some_and(|c| !c.is_whitespace())
                && next.is_none_or(|c| c.is_whitespace())
            {
                verdict = true;
                open[slot] = false;
            }
            (after, verdict)
        }

        fn is_emphasis_marker(chars: &[char], i: usize) -> bool {
            let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
            let mut before = i;
            while before > 0 && chars[before - 1] == chars[i] {
                before -= 1;
            }
            let mut after = i;
            while after + 1 < chars.len() && chars[after + 1] == chars[i] {
                after += 1;
            }
            let prev = if before > 0 {
                chars.get(before - 1)
            } else {
                None
            };
            let next = chars.get(after + 1);
            word(prev) != word(next) || (!word(prev) && !word(next) && after > before)
        }
    }

    #[test]
    fn the_linear_pass_agrees_with_the_old_quadratic_one() {
        let alphabet: Vec<char> = "ab é1 *_`![]()!".chars().collect();
        let mut state = 0x5eed_u64;
        let mut below = |n: usize| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            (crate::corpus::shingles::mix(state) % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = below(24);
            let line: String = (0..len).map(|_| alphabet[below(alphabet.len())]).collect();
            let (mut new, mut old) = (String::new(), String::new());
            strip_inline(&line, &mut new);
            reference::strip_inline(&line, &mut old);
            assert_eq!(new, old, "{line:?}");
        }
    }

    #[test]
    fn footnotes_stay_with_their_markers_and_only_address_lines_go() {
        let md = "Cases fell by 74%.[^1] Costs rose.[^cost]\n\n\
                  [^1]: Registered as *NCT05432109*.\n\
                  [^cost]: At 2026 prices.\n\
                  [Update]: the council has since replied.\n\
                  [1]: https://example.org/trial \"The trial\"\n\
                  [logo]: <images/logo one.png>\n";
        assert_eq!(
            strip(md),
            "Cases fell by 74%.[1] Costs rose.[cost]\n\n\
             [1] Registered as NCT05432109.\n\
             [cost] At 2026 prices.\n\
             [Update]: the council has since replied.\n"
        );
    }

    #[test]
    fn a_heading_s_underline_goes_and_its_words_stay() {
        assert_eq!(
            strip("Quake shakes Peru\n=================\nIt struck on Tuesday."),
            "Quake shakes Peru\n\nIt struck on Tuesday.\n"
        );
    }

    #[test]
    fn emphasis_closed_after_punctuation_goes_and_a_lone_star_stays() {
        assert_eq!(
            strip("*Additional reporting by Ana Ruiz in Madrid.*"),
            "Additional reporting by Ana Ruiz in Madrid.\n"
        );
        assert_eq!(strip("She said _no!_ twice."), "She said no! twice.\n");
        // Nothing open: a mark after punctuation is the writer's.
        assert_eq!(
            strip("Sales rose 4%.* Prices fell."),
            "Sales rose 4%.* Prices fell.\n"
        );
        assert_eq!(strip("a = (b + c)* d"), "a = (b + c)* d\n");
    }

    #[test]
    fn keeps_snake_case_and_arithmetic() {
        assert_eq!(
            strip("a snake_case name, 2 * 3"),
            "a snake_case name, 2 * 3\n"
        );
    }
}
