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
mod entities_arts;
mod entities_bounds;
mod entities_chambers;
mod entities_civic;
mod entities_firms;
mod entities_particles;
mod entities_places;
mod entities_quality;
mod entities_rules;
mod entities_shapes;
mod entities_sport;
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

/// With `autotests = false`, a file under `tests/` that this suite does not
/// declare would never be built or run: each must be a module here.
#[test]
fn every_test_file_is_a_module_of_the_suite() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let suite = include_str!("suite.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/ is readable") {
        let path = entry.expect("a directory entry").path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let is_rust = path.extension().is_some_and(|e| e == "rs");
        if is_rust && stem != "suite" && !suite.contains(&format!("\nmod {stem};\n")) {
            missing.push(stem.to_owned());
        }
    }
    assert!(
        missing.is_empty(),
        "declare these in tests/suite.rs: {missing:?}"
    );
}
