//! The reader: a three-pane terminal UI over a [`crate::pipeline::Library`].

pub mod action;
pub mod app;
pub mod document;
pub mod keymap;
pub mod layout;
pub mod text;
pub mod theme;

use std::path::PathBuf;

/// Opens the reader on `paths` (the bundled seeds when empty).
pub fn run(paths: &[PathBuf], opts: &crate::pipeline::Options) -> anyhow::Result<()> {
    let _ = (paths, opts);
    anyhow::bail!("the reader is not built yet; try `dossier list`")
}
