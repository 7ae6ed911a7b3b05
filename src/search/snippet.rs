//! Snippets: the few lines of an article that show why it matched a query,
//! with the matched words marked.

use super::query::{Query, word_spans};

/// A window of an article's text around its matches.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Snippet {
    /// The text of the window, with `…` where it cuts the article.
    pub text: String,
    /// Byte ranges of [`text`](Self::text) that matched the query.
    pub marks: Vec<(usize, usize)>,
}

/// Words of context the window takes around the match it is built on.
const CONTEXT_WORDS: usize = 12;

/// Returns a snippet of an article's `body` or, where only they match
/// `query`, of the blocks only its merged `copies` hold (see
/// [`crate::corpus::Article::copies_text`]).
pub fn article_snippet(body: &str, copies: &str, query: &Query) -> Snippet {
    if !copies.is_empty() && query.matches(body).is_empty() && !query.matches(copies).is_empty() {
        snippet(copies, query)
    } else {
        snippet(body, query)
    }
}

/// Returns a snippet of `text` around the window with the most matches of
/// `query` (the article's start when nothing matches, e.g. a title-only
/// hit).
pub fn snippet(text: &str, query: &Query) -> Snippet {
    let matches = query.matches(text);
    let words: Vec<(usize, usize)> = word_spans(text).collect();
    if words.is_empty() {
        return Snippet {
            text: String::new(),
            marks: Vec::new(),
        };
    }
    // The window starts CONTEXT_WORDS before the match that has the most
    // other matches within 2 × CONTEXT_WORDS words after it.
    let word_index = |byte: usize| words.partition_point(|&(s, _)| s < byte);
    let anchor = (0..matches.len())
        .max_by_key(|&i| {
            let first = word_index(matches[i].0);
            let reach = words
                .get(first + 2 * CONTEXT_WORDS)
                .map_or(text.len(), |w| w.0);
            let n = matches[i..].iter().take_while(|m| m.1 <= reach).count();
            (n, std::cmp::Reverse(i))
        })
        .map_or(0, |i| word_index(matches[i].0));
    let first = anchor.saturating_sub(CONTEXT_WORDS);
    let last = (anchor + 2 * CONTEXT_WORDS).min(words.len() - 1);
    let start = words[first].0;
    // Keep the punctuation that closes the last word ("rain." not "rain").
    let end = text[words[last].1..]
        .find(char::is_whitespace)
        .map_or(text.len(), |n| words[last].1 + n);
    let mut out = String::new();
    if first > 0 {
        out.push('…');
    }
    let offset = out.len();
    out.push_str(&collapse_space(&text[start..end]));
    if last + 1 < words.len() {
        out.push('…');
    }
    // Collapsing white space moves offsets; recompute the marks on the
    // window's own text.
    let window = &out[offset..];
    let marks = query
        .matches(window)
        .into_iter()
        .map(|(s, e)| (s + offset, e + offset))
        .collect();
    Snippet { text: out, marks }
}

fn collapse_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_holds_the_densest_matches_marked() {
        let filler = "word ".repeat(40);
        let text = format!(
            "Copper opened flat. {filler} Smelters in Chile cut copper output as copper stocks fell.\n\n{filler}"
        );
        let q = Query::parse("copper").unwrap();
        let s = snippet(&text, &q);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        let marked: Vec<&str> = s.marks.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(marked, vec!["copper", "copper"]);
        assert!(s.text.contains("Smelters in Chile"));
        assert!(!s.text.contains('\n'));
    }

    #[test]
    fn no_match_gives_the_start() {
        let q = Query::parse("absent").unwrap();
        let s = snippet("A short article about rain.", &q);
        assert_eq!(s.text, "A short article about rain.");
        assert!(s.marks.is_empty());
        assert_eq!(snippet("", &q).text, "");
    }
}
