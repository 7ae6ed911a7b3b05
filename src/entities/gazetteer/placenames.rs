//! The populated places of the GeoNames gazetteer (`assets/places.tsv`),
//! looked up by a hash of their words rather than through the automaton:
//! 33,000 names would triple the automaton's size and build time, and
//! slow every look-up with cache misses, while a place name is only ever
//! a few whole words that open with a capital.
//!
//! Same-named places are consecutive rows of the file (regions first, then
//! by population); the first is the one a name means unless context says
//! otherwise (see `entities::places`).

use super::{Entry, Role, ends_word};
use crate::entities::wordset::{HashedMap, word_hash, word_hash_continue};
use crate::entities::{EntityKind, cues};

/// Place names by hash, with their entries.
#[derive(Default)]
pub struct PlaceNames {
    /// Hash of a surface form → the surface and the index of its first
    /// entry.
    by_surface: HashedMap<(&'static str, u32)>,
    /// Hash of the first words of a surface (the whole surface too) →
    /// which word counts the surfaces opening with them have, as bits (bit
    /// 0: one word, bit 1: two words, …, up to [`MAX_WORDS`]): a span that
    /// opens no surface is extended no further.
    prefixes: HashedMap<u8>,
    entries: Vec<Entry>,
    /// Per entry: the index after the last entry of its name.
    group_end: Vec<u32>,
}

/// One row of `places.tsv`, with its surface forms.
pub struct Row {
    pub entry: Entry,
    pub aliases: Vec<&'static str>,
}

impl PlaceNames {
    /// Reads `name \t country \t region \t population \t aliases` rows:
    /// places (population > 0) and first-level regions (population 0).
    pub fn rows(tsv: &'static str) -> Vec<Row> {
        super::rows(tsv)
            .map(|f| {
                let population: u32 = f.get(3).and_then(|p| p.parse().ok()).unwrap_or(0);
                Row {
                    entry: Entry {
                        name: f[0],
                        kind: EntityKind::Place,
                        role: if population == 0 {
                            Role::Region
                        } else {
                            Role::City
                        },
                        country: f.get(1).copied().filter(|c| !c.is_empty()),
                        region: f.get(2).copied().filter(|c| !c.is_empty()),
                        population,
                    },
                    aliases: super::list(f.get(4)).collect(),
                }
            })
            .collect()
    }

    /// Adds a group of same-named places under each of `surfaces`.
    pub fn add_group(&mut self, group: Vec<Entry>, surfaces: &[&'static str]) {
        let first = self.entries.len() as u32;
        let end = first + group.len() as u32;
        self.entries.extend(group);
        self.group_end.resize(end as usize, end);
        for &surface in surfaces {
            let words = surface.split(' ').count();
            if words > MAX_WORDS {
                continue;
            }
            for (at, _) in surface
                .match_indices(' ')
                .chain(std::iter::once((surface.len(), "")))
            {
                *self.prefixes.entry(word_hash(&surface[..at])).or_default() |= 1 << (words - 1);
            }
            self.by_surface
                .entry(word_hash(surface))
                .or_insert((surface, first));
        }
    }

    /// Returns true if and only if `surface` is plain words that
    /// [`Self::longest_at`] can find: letters and digits, with single
    /// spaces between words and hyphens or apostrophes inside them.
    pub fn can_hold(surface: &str) -> bool {
        let mut prev_alnum = false;
        for c in surface.chars() {
            let alnum = c.is_alphanumeric();
            if !(alnum || (prev_alnum && matches!(c, ' ' | '-' | '\'' | '’'))) {
                return false;
            }
            prev_alnum = alnum;
        }
        prev_alnum
    }

    /// Returns the end and entry of the longest place name that starts at
    /// `at` and ends on a word boundary.
    pub fn longest_at(&self, text: &str, at: usize) -> Option<(usize, &Entry)> {
        let bytes = text.as_bytes();
        let mut end = word_end(text, at);
        let mut hash = word_hash(&text[at..end]);
        let Some(&first_counts) = self.prefixes.get(&hash) else {
            return self
                .before_hyphen(text, at, end)
                .or_else(|| self.before_possessive(text, at, None, end));
        };
        // The span grows a word at a time and its hash with it, while it
        // opens some surface; only the word counts some surface has are
        // looked up. The last found is the longest.
        let mut counts = first_counts;
        let mut best = None;
        let mut words = 1;
        // The hash and end of the span before its last word.
        let mut last_word = None;
        loop {
            if words > 1 {
                match self.prefixes.get(&hash) {
                    Some(&c) => counts = c,
                    None => {
                        return self
                            .before_possessive(text, at, last_word, end)
                            .or_else(|| self.before_hyphen(text, at, end))
                            .or(best);
                    }
                }
            }
            if counts & (1 << (words - 1)) != 0
                && let Some(&(surface, first)) = self.by_surface.get(&hash)
                && surface == &text[at..end]
                && ends_word(text, end)
            {
                best = Some((end, &self.entries[first as usize]));
            }
            if words >= MAX_WORDS
                || counts >> words == 0
                || bytes.get(end) != Some(&b' ')
                || !text[end + 1..].starts_with(char::is_alphanumeric)
            {
                return best;
            }
            let next = word_end(text, end + 1);
            last_word = Some((hash, end));
            hash = word_hash_continue(hash, &bytes[end..next]);
            end = next;
            words += 1;
        }
    }

    /// "Zurich-based", "Santa Monica-based", "Houston-area": a place
    /// before a hyphen and a lower-case word, where the whole word is no
    /// place.
    fn before_hyphen(&self, text: &str, at: usize, word_end: usize) -> Option<(usize, &Entry)> {
        let hyphen = at + text[at..word_end].find('-')?;
        if !text[hyphen + 1..].starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let span = &text[at..hyphen];
        let &(surface, first) = self.by_surface.get(&word_hash(span))?;
        (surface == span).then(|| (hyphen, &self.entries[first as usize]))
    }

    /// "Manchester's streets", "Kuala Lumpur's airport": the place name
    /// that ends at `end` but for a possessive ending, where the word with
    /// it opens no place ("King's Lynn" does). `before` is the hash and end
    /// of the span's words before its last, if it has more than one. What
    /// only a firm owns makes the name a firm's ("Santander's board").
    fn before_possessive(
        &self,
        text: &str,
        at: usize,
        before: Option<(u64, usize)>,
        end: usize,
    ) -> Option<(usize, &Entry)> {
        let word = &text[at..end];
        let stem = at
            + word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .filter(|stem| stem.ends_with(char::is_alphanumeric))?
                .len();
        let owned = text[end..].trim_start_matches(' ');
        if cues::is_business_possession(crate::entities::text::first_word(owned)) {
            return None;
        }
        let hash = match before {
            Some((hash, end_before)) => {
                word_hash_continue(hash, &text.as_bytes()[end_before..stem])
            }
            None => word_hash(&text[at..stem]),
        };
        let &(surface, first) = self.by_surface.get(&hash)?;
        (surface == &text[at..stem]).then(|| (stem, &self.entries[first as usize]))
    }

    /// Returns the other places of the same name as `entry`, if `entry`
    /// is one of these places.
    pub fn alternatives(&self, entry: &Entry) -> &[Entry] {
        let Some(at) = index_of(&self.entries, entry) else {
            return &[];
        };
        let end = self.group_end[at] as usize;
        self.entries.get(at + 1..end).unwrap_or_default()
    }
}

/// The most words a place name may have to be found.
const MAX_WORDS: usize = 8;

/// Returns the index of `entry` in `entries`, if it is one of them.
pub fn index_of(entries: &[Entry], entry: &Entry) -> Option<usize> {
    let base = entries.as_ptr() as usize;
    let at = (std::ptr::from_ref(entry) as usize).wrapping_sub(base) / size_of::<Entry>();
    (at < entries.len()
        && std::ptr::eq(std::ptr::from_ref(&entries[at]), std::ptr::from_ref(entry)))
    .then_some(at)
}

/// Returns where the word at `at` ends: letters and digits, with a hyphen
/// or apostrophe between two of them ("Wilkes-Barre", "L'Aquila").
fn word_end(text: &str, at: usize) -> usize {
    // Most words are ASCII letters up to a space or punctuation.
    let bytes = text.as_bytes();
    let ascii = at + crate::ascii::alphanumeric_prefix(&bytes[at..]);
    if bytes
        .get(ascii)
        .is_none_or(|&b| b.is_ascii() && !matches!(b, b'-' | b'\''))
    {
        return ascii;
    }
    let mut end = at;
    let mut chars = text[at..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = at + i + c.len_utf8();
            continue;
        }
        let joins = matches!(c, '-' | '\'' | '’')
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if !joins {
            break;
        }
    }
    end
}
