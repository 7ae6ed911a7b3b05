//! The integration suite: every test file under `tests/` is a module of this
//! one test binary, so `cargo test` links the library into one executable
//! instead of one per file (48 release binaries of the whole library had
//! filled a CI machine's disk). The shared helpers are declared once, here;
//! a test file takes them with `use crate::…_support`.
//!
//! Run one file's tests with `cargo test --release --test suite -- cli_html::`.

mod cli_support;
mod entities_support;
mod tmux_support;
mod tui_support;
mod wire_support;

/// The generated benchmark corpus, shared with the benches.
#[path = "../benches/support/corpus/mod.rs"]
mod generated;

mod cli;
mod cli_html;
mod cli_state;
mod config_fixtures;
mod corpus_fixtures;
mod corpus_hostile;
mod corpus_html;
mod corpus_seeds;
mod dates;
mod e2e_open_tmux;
mod e2e_state_tmux;
mod e2e_tmux;
mod entities_article;
mod entities_bounds;
mod entities_civic;
mod entities_particles;
mod entities_places;
mod entities_quality;
mod entities_rules;
mod entities_shapes;
mod entities_wire;
mod export_ftm;
mod generated_corpus;
mod harden_bounds;
mod harden_cache;
mod harden_config;
mod harden_doors;
mod harden_props;
mod harden_state;
mod picture;
mod search;
mod state_cache;
mod state_export;
mod state_kill;
mod state_store;
mod threads;
mod tui_actions;
mod tui_address;
mod tui_bodies;
mod tui_document;
mod tui_early;
mod tui_filter;
mod tui_keymap;
mod tui_render;
mod tui_safety;
mod tui_search;
mod tui_story;
mod wire_layout;
