//! How the search index is laid out in tantivy: its fields, the tokenizer
//! that splits and folds text exactly as [`word_spans`] and [`fold_into`]
//! do (so what the index matches is what the reader highlights), and a
//! parsed [`Query`] turned into a tantivy query built from terms (never
//! from a query string, so nothing the user types is read as syntax).
//!
//! [`word_spans`]: super::query::word_spans
//! [`fold_into`]: super::query::fold_into

use tantivy::Index;
use tantivy::query::{
    BooleanQuery, BoostQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query as EngineQuery,
    TermQuery,
};
use tantivy::schema::{FAST, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};

use super::query::{Query, Term};

/// The name the tokenizer is registered under in every index.
const TOKENIZER: &str = "dossier";

/// How much a word in the title counts against one in the body.
const TITLE_WEIGHT: f32 = 4.0;

/// The fields of an indexed article: its title and body (words with
/// positions, for phrases; nothing stored, the library has the text) and
/// its key (a hash of the article id, a fast field).
#[derive(Clone, Copy, Debug)]
pub(super) struct Fields {
    pub title: Field,
    pub body: Field,
    pub key: Field,
}

/// Returns the index's schema and its fields. An index on disk written with
/// another schema is not used (see `SearchIndex::open`).
pub(super) fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let words = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(words);
    let title = builder.add_text_field("title", text.clone());
    let body = builder.add_text_field("body", text);
    let key = builder.add_u64_field("key", FAST);
    (builder.build(), Fields { title, body, key })
}

/// Registers the tokenizer the schema names: runs of alphanumeric
/// characters, each character lower-cased on its own, no length limit.
pub(super) fn register_tokenizer(index: &Index) {
    let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build();
    index.tokenizers().register(TOKENIZER, analyzer);
}

/// Returns `query` as a tantivy query: every group must match, a group
/// matches when one of its terms does, no excluded term may match; a term
/// matches in the title (weighing [`TITLE_WEIGHT`] times more) or the body.
pub(super) fn to_engine(query: &Query, fields: Fields) -> Box<dyn EngineQuery> {
    let mut clauses: Vec<(Occur, Box<dyn EngineQuery>)> = query
        .groups
        .iter()
        .map(|group| {
            let alternatives = group
                .iter()
                .map(|t| (Occur::Should, in_either_field(t, fields)))
                .collect();
            (
                Occur::Must,
                Box::new(BooleanQuery::new(alternatives)) as Box<dyn EngineQuery>,
            )
        })
        .collect();
    for t in &query.excluded {
        clauses.push((Occur::MustNot, in_either_field(t, fields)));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn in_either_field(term: &Term, fields: Fields) -> Box<dyn EngineQuery> {
    let title = BoostQuery::new(in_field(term, fields.title), TITLE_WEIGHT);
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, Box::new(title)),
        (Occur::Should, in_field(term, fields.body)),
    ]))
}

/// A word (BM25), a phrase (BM25 over the phrase's frequency), or a prefix
/// (every word it begins, however many; a one-word prefix scores a
/// constant, a phrase ending in a prefix scores like a phrase).
fn in_field(term: &Term, field: Field) -> Box<dyn EngineQuery> {
    let mut terms: Vec<tantivy::Term> = term
        .words
        .iter()
        .map(|w| tantivy::Term::from_field_text(field, w))
        .collect();
    if term.prefix {
        let mut q = PhrasePrefixQuery::new(terms);
        q.set_max_expansions(u32::MAX);
        Box::new(q)
    } else if terms.len() == 1 {
        let only = terms.pop().expect("one term");
        Box::new(TermQuery::new(only, IndexRecordOption::WithFreqs))
    } else {
        Box::new(PhraseQuery::new(terms))
    }
}
