//! Subjects: the companies, organisations and people an article's
//! headline names, which say whom its story is about.
//!
//! Two reports of one story name each other's subject: a reaction to a
//! firm's results names the firm, a second report of a summit names the
//! summit's host. Two articles of one genre (two firms' quarterly
//! results, two issuers' bond sales, two airlines' monthly traffic)
//! share most of their words and none of their subjects: each headline
//! names a firm the other article never mentions. That is what
//! [`different_subjects`] tells apart.
//!
//! A subject is known by the words of its name that the headline uses
//! ("harwick" for Harwick Foods Plc in "HARWICK LOSS"), less the legal
//! form every firm shares ("plc"); another article names it when it uses
//! one of those words anywhere, recognised as a name or not. Places and
//! countries are left out: a headline's country is the setting of most
//! of the stories filed there, not what one of them is about.

use rayon::prelude::*;

use super::words::{key_of, stop_word_hashes, term_hash};
use crate::corpus::Article;
use crate::entities::index::EntityIndex;
use crate::entities::{EntityKind, cues};

/// Returns, per article, the words by which its headline names its
/// subjects (its companies, organisations and people, by their name or a
/// form the texts use for them), as sorted term keys.
pub(super) fn subject_words(index: &EntityIndex, articles: &[Article]) -> Vec<Vec<u64>> {
    // Each subject's words, read once however many articles name it.
    let entity_words: Vec<Vec<u64>> = (0..index.entity_count() as u32)
        .into_par_iter()
        .map(|e| {
            let entity = &index[e];
            if !is_a_subject_kind(entity.kind) {
                return Vec::new();
            }
            let mut words: Vec<u64> = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .flat_map(|form| distinctive_word_keys(form))
                .collect();
            words.sort_unstable();
            words.dedup();
            words
        })
        .collect();
    articles
        .par_iter()
        .enumerate()
        .map(|(i, article)| {
            let headline = word_keys(&article.title);
            let mut words: Vec<u64> = index
                .entities_in(i)
                .iter()
                .flat_map(|&(e, _)| &entity_words[e as usize])
                .copied()
                .filter(|key| headline.contains(key))
                .collect();
            words.sort_unstable();
            words.dedup();
            words
        })
        .collect()
}

fn is_a_subject_kind(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Company | EntityKind::Organization | EntityKind::Person
    )
}

/// Returns the term keys of the words of `text` that can be terms, as
/// the terms of an article are keyed.
fn word_keys(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(term_hash)
        .map(key_of)
        .collect()
}

/// Returns the term keys of the words of a name that tell it apart: not
/// a stop word, not a legal form.
fn distinctive_word_keys(name: &str) -> Vec<u64> {
    let stop = stop_word_hashes();
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !cues::is_legal_form(w))
        .filter_map(term_hash)
        .filter(|h| stop.binary_search(h).is_err())
        .map(key_of)
        .collect()
}

/// Returns true if and only if both articles' headlines name subjects
/// and neither article uses a word of the other's: `a_subject`/`b_subject`
/// the articles' subject words, `a_named`/`b_named` which of every
/// article's subject words each uses (all sorted).
pub(super) fn different_subjects(
    a_subject: &[u64],
    a_named: &[u64],
    b_subject: &[u64],
    b_named: &[u64],
) -> bool {
    let names_none =
        |subject: &[u64], named: &[u64]| subject.iter().all(|w| named.binary_search(w).is_err());
    !a_subject.is_empty()
        && !b_subject.is_empty()
        && names_none(a_subject, b_named)
        && names_none(b_subject, a_named)
}

#[cfg(test)]
mod tests {
    use super::super::words::hash_of;
    use super::*;

    fn keys(words: &[&str]) -> Vec<u64> {
        let mut k: Vec<u64> = words
            .iter()
            .map(|w| key_of(hash_of(w.as_bytes())))
            .collect();
        k.sort_unstable();
        k
    }

    #[test]
    fn a_name_is_told_apart_by_its_words_less_its_legal_form_and_stop_words() {
        let mut words = distinctive_word_keys("The Harwick Foods Corp");
        words.sort_unstable();
        assert_eq!(words, keys(&["harwick", "foods"]));
        assert!(distinctive_word_keys("Co Inc").is_empty());
        let mut headline = word_keys("HARWICK <HWF> 4TH QTR LOSS");
        headline.sort_unstable();
        assert_eq!(headline, keys(&["harwick", "hwf", "qtr", "loss"]));
    }

    #[test]
    fn subjects_differ_only_when_each_goes_unnamed_in_the_other() {
        let (harwick, brennan) = (keys(&["harwick"]), keys(&["brennan"]));
        // Two firms' results: each headline's firm is absent from the other.
        assert!(different_subjects(&harwick, &harwick, &brennan, &brennan));
        // A reaction names the firm whose results it reacts to.
        let both = keys(&["harwick", "brennan"]);
        assert!(!different_subjects(&harwick, &harwick, &brennan, &both));
        assert!(!different_subjects(&harwick, &both, &brennan, &brennan));
        // A headline without a subject says nothing either way.
        assert!(!different_subjects(&[], &[], &brennan, &both));
    }
}
