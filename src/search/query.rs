//! The full-text query language: words AND-ed by default, `"a phrase"`,
//! `prefix*`, `a OR b`, `-excluded`; and how its words are found in text.
//!
//! A query is parsed once into [`Query`]: plain words, never syntax of the
//! engine underneath (the index builds its own query from the parsed terms,
//! see `search::engine`), and it finds its own matches in an article's text
//! for snippets and highlighting. Text is split into words exactly as the
//! index splits it: runs of letters and digits ([`word_spans`]), each
//! character folded to lower case on its own ([`fold_into`]); diacritics
//! are kept ("são" does not match "sao"), in the query as in the index.

/// One term: a word, a phrase of words, or a prefix (`drone*`, whose last
/// word may continue).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Lower-case words; more than one makes a phrase.
    pub words: Vec<String>,
    /// The last word is a prefix.
    pub prefix: bool,
}

/// A parsed query: every group must match (AND), a group matches when any
/// of its terms does (OR), and no excluded term may match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
    pub excluded: Vec<Term>,
}

/// Why a query cannot be run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the query has no words to search for")]
    Empty,
    #[error("a query needs at least one word that is not excluded with '-'")]
    OnlyExcluded,
}

/// Returns the words of `text` as byte ranges: runs of alphanumeric
/// characters, as the index's tokenizer (tantivy's `SimpleTokenizer`)
/// splits them.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// Appends `word` folded to lower case character by character, as the
/// index's `LowerCaser` folds it (no context rules, so a final 'Σ' becomes
/// 'σ' in both).
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Returns `word` folded as the index folds it.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

fn words_of(text: &str) -> Vec<String> {
    word_spans(text).map(|(s, e)| fold(&text[s..e])).collect()
}

impl Query {
    /// Parses `input`. Quotes group a phrase (an unclosed quote runs to the
    /// end), a trailing `*` makes a prefix, a leading `-` excludes a term,
    /// and the word `OR` (in capitals) joins the terms on either side.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let mut query = Query::default();
        let mut join_next = false;
        for raw in split_terms(input) {
            if raw == "OR" {
                join_next = !query.groups.is_empty();
                continue;
            }
            let (negated, body) = match raw.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, raw),
            };
            let phrase = body
                .strip_prefix('"')
                .map(|b| b.strip_suffix('"').unwrap_or(b));
            let (text, prefix) = match phrase {
                Some(p) => (p.trim_end_matches('*'), p.ends_with('*')),
                None => (body.trim_end_matches('*'), body.ends_with('*')),
            };
            let words = words_of(text);
            if words.is_empty() {
                continue;
            }
            let term = Term { words, prefix };
            if negated {
                query.excluded.push(term);
            } else if join_next {
                query.groups.last_mut().expect("checked").push(term);
            } else {
                query.groups.push(vec![term]);
            }
            join_next = false;
        }
        if query.groups.is_empty() {
            return Err(if query.excluded.is_empty() {
                QueryError::Empty
            } else {
                QueryError::OnlyExcluded
            });
        }
        Ok(query)
    }

    /// Returns the byte ranges of `text` where a positive term of the query
    /// matches, in text order (a phrase gives one range from its first word
    /// to its last).
    pub fn matches(&self, text: &str) -> Vec<(usize, usize)> {
        // All words folded into one buffer: one allocation, not one a word.
        let mut folded = String::with_capacity(text.len());
        let words: Vec<Word> = word_spans(text)
            .map(|(start, end)| {
                let from = folded.len();
                fold_into(&text[start..end], &mut folded);
                Word {
                    start,
                    end,
                    folded: (from, folded.len()),
                }
            })
            .collect();
        let terms: Vec<&Term> = self.groups.iter().flatten().collect();
        let mut found = Vec::new();
        for i in 0..words.len() {
            let best = terms
                .iter()
                .filter(|t| term_at(t, &words[i..], &folded))
                .map(|t| t.words.len())
                .max();
            if let Some(n) = best {
                found.push((words[i].start, words[i + n - 1].end));
            }
        }
        found
    }
}

/// A word of a text: its byte range, and where its folded form lies in the
/// buffer of folded words.
struct Word {
    start: usize,
    end: usize,
    folded: (usize, usize),
}

fn term_at(term: &Term, words: &[Word], folded: &str) -> bool {
    if words.len() < term.words.len() {
        return false;
    }
    let last = term.words.len() - 1;
    term.words.iter().enumerate().all(|(k, w)| {
        let (from, to) = words[k].folded;
        let have = &folded[from..to];
        if k == last && term.prefix {
            have.starts_with(w.as_str())
        } else {
            have == w
        }
    })
}

/// Splits a query into raw terms at white space, keeping a quoted phrase
/// (with any `-` before it and `*` after it) as one term.
fn split_terms(input: &str) -> Vec<&str> {
    let mut terms = Vec::new();
    let mut start: Option<usize> = None;
    let mut quoted = false;
    for (i, c) in input.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                start.get_or_insert(i);
            }
            c if c.is_whitespace() && !quoted => {
                if let Some(s) = start.take() {
                    terms.push(&input[s..i]);
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if let Some(s) = start {
        terms.push(&input[s..]);
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(words: &[&str], prefix: bool) -> Term {
        Term {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            prefix,
        }
    }

    #[test]
    fn words_are_and_ed_phrases_prefixes_or_and_exclusions_parse() {
        let q = Query::parse(r#"Copper "smelter strike" drone* -rumour lme OR comex"#).unwrap();
        assert_eq!(
            q.groups,
            vec![
                vec![term(&["copper"], false)],
                vec![term(&["smelter", "strike"], false)],
                vec![term(&["drone"], true)],
                vec![term(&["lme"], false), term(&["comex"], false)],
            ]
        );
        assert_eq!(q.excluded, vec![term(&["rumour"], false)]);
    }

    #[test]
    fn engine_syntax_typed_by_the_user_stays_text() {
        let q = Query::parse(r#"NEAR(a b) col:x title:(y) "unclosed ^phrase"#).unwrap();
        assert_eq!(
            q.groups,
            vec![
                vec![term(&["near", "a"], false)],
                vec![term(&["b"], false)],
                vec![term(&["col", "x"], false)],
                vec![term(&["title", "y"], false)],
                vec![term(&["unclosed", "phrase"], false)],
            ]
        );
    }

    #[test]
    fn folding_is_per_character_as_in_the_index() {
        assert_eq!(fold("ΟΔΟΣ"), "οδοσ", "no final-sigma rule");
        assert_eq!(fold("São"), "são", "diacritics are kept");
        let text = "ΟΔΟΣ and São";
        let q = Query::parse("οδοσ são").unwrap();
        let found: Vec<&str> = q.matches(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, vec!["ΟΔΟΣ", "São"]);
    }

    #[test]
    fn empty_and_only_excluded_queries_are_refused() {
        assert_eq!(Query::parse("  ..  "), Err(QueryError::Empty));
        assert_eq!(Query::parse("-rain -snow"), Err(QueryError::OnlyExcluded));
        assert_eq!(Query::parse("OR"), Err(QueryError::Empty));
    }

    #[test]
    fn matches_find_words_phrases_and_prefixes_case_blind() {
        let text = "The Smelter strike hit copper; smelters said drones, not a drone, flew.";
        let q = Query::parse(r#""smelter strike" drone*"#).unwrap();
        let found: Vec<&str> = q.matches(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, vec!["Smelter strike", "drones", "drone"]);
        let q = Query::parse("smelter").unwrap();
        assert_eq!(
            q.matches(text).len(),
            1,
            "a word does not match a longer word"
        );
    }

    #[test]
    fn word_spans_split_like_unicode61() {
        let text = "Kyiv's 3-day, São Paulo—UK";
        let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(words, vec!["Kyiv", "s", "3", "day", "São", "Paulo", "UK"]);
    }
}
