//! The corpus: a folder of saved articles made readable.
//!
//! [`load`] walks paths and reads files into [`RawDoc`]s, [`formats`] turns
//! each file into one or more documents, [`clean`] strips page chrome and
//! finds title, author and sections, and [`dedup`] merges exact and near
//! duplicates into one [`Article`] per story. Nothing here knows about the
//! terminal or about entities.
//!
//! Helpers: [`layout`] (how lines form paragraphs, hard wraps rejoined, and
//! preformatted tables and lists), [`chrome`] (what page chrome looks
//! like), [`structure`] (what a line is: prose, headline, heading, byline,
//! end matter), [`markdown`],
//! [`shingles`] and [`candidates`] (the fingerprints dedup compares). Saved
//! web pages ([`html`], [`mhtml`]) and feeds ([`feed`]) become the same
//! Markdown-like text as a `.md` file before cleaning.

pub mod article;
pub mod candidates;
pub mod chrome;
pub mod clean;
pub mod dates;
pub mod dedup;
pub mod exports;
pub mod feed;
pub mod formats;
pub mod html;
pub mod layout;
pub mod load;
pub mod markdown;
pub mod mhtml;
pub mod pages;
pub mod shingles;
pub mod structure;

pub use article::{Article, Block, BlockKind, Corpus, DupeGroup, RawDoc, Source, Warning};
pub use dates::DateSource;
