//! dossier: a terminal reader for folders of saved news articles.
//!
//! The library is layered so that data flows one way:
//! paths → [`corpus`] (load, clean, dedup) → [`entities`] (extract, index)
//! → [`pipeline::Library`] → the two faces over it, [`cli`] and [`tui`].
//! Beside the pipeline, over a finished library: [`search`] (full-text,
//! tantivy), [`threads`] (articles about one story), [`sort`] (the
//! list's orders), [`picture`] (an entity over time and its company) and
//! [`export`]. Nothing under `corpus`, `entities`, `filter`, `search`,
//! `threads`, `sort`, `picture` or `sanitize` knows about the terminal; everything bound for the terminal
//! leaves through [`out`].

pub mod ascii;
pub mod bounded;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod entities;
pub mod export;
pub mod filter;
pub mod memory;
pub mod out;
pub mod picture;
pub mod pipeline;
pub mod sanitize;
pub mod search;
pub mod seeds;
pub mod sort;
pub mod state;
pub mod threads;
pub mod tui;

/// mimalloc serves every allocation of the binary, its tests and its
/// benchmarks. Extraction makes a few dozen short-lived allocations per
/// article; with a 100,000-article corpus held in memory, glibc's
/// allocator slowed them down by a sixth (48.5 against 57.7 MB/s on the
/// same 20,000 articles), mimalloc does not. It is built without
/// transparent huge pages (`no_thp`): with them, every fresh arena page
/// faulted in a 2 MiB huge page the kernel had to zero, and a cold
/// `list --no-state` of 10,000 real-shaped files spent 4.6 s of CPU in the
/// kernel against 4.3 s in dossier; without them, 0.8 s.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
