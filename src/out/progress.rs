//! The progress door: a bar on stderr while a command opens a corpus, drawn
//! only when stderr is a terminal (never into a file, a pipe or a test), by
//! indicatif, which redraws at most a few times a second whatever the rate
//! of updates and clears its line when done. Labels pass the same filter as
//! every other line.

use std::io::IsTerminal;

use indicatif::{ProgressDrawTarget, ProgressStyle};

use crate::sanitize::is_safe_char;

/// A progress bar on stderr, or nothing.
pub struct ProgressBar {
    bar: Option<indicatif::ProgressBar>,
}

impl ProgressBar {
    /// A bar on stderr when it is a terminal; otherwise one that shows
    /// nothing.
    #[allow(clippy::disallowed_methods, reason = "asks, writes nothing")]
    pub fn on_stderr() -> Self {
        if !std::io::stderr().is_terminal() {
            return Self::hidden();
        }
        let bar = indicatif::ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{msg:>18} [{bar:32}] {human_pos}/{human_len} ({elapsed})",
        )
        .map_or_else(
            |_| ProgressStyle::default_bar(),
            |s| s.progress_chars("=> "),
        );
        bar.set_style(style);
        Self { bar: Some(bar) }
    }

    /// A bar that shows nothing.
    pub fn hidden() -> Self {
        Self { bar: None }
    }

    /// Shows `done` of `total` items of the step called `label`; a new
    /// label starts the bar afresh.
    pub fn show(&self, label: &str, done: usize, total: usize) {
        let Some(bar) = &self.bar else {
            return;
        };
        let label: String = label.chars().filter(|&c| is_safe_char(c)).collect();
        // A total of 0 is a count with no known end (files found so far).
        if total == 0 {
            bar.unset_length();
        } else {
            bar.set_length(total as u64);
        }
        bar.set_position(done as u64);
        if bar.message() != label {
            bar.set_message(label);
        }
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for ProgressBar {
    fn drop(&mut self) {
        self.finish();
    }
}
