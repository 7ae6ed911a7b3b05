//! The reader's side of the door: a ratatui backend that cleans every cell
//! it is asked to draw, so no string that reaches the screen (an error in
//! the footer, a file name in a popup) can carry a control character to
//! the terminal, whichever view drew it.

use std::io::{self, Stdout};

use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use crate::sanitize::is_safe_char;

/// The reader's terminal: crossterm on stdout, behind [`SafeBackend`].
pub type Screen = ratatui::Terminal<SafeBackend<CrosstermBackend<Stdout>>>;

impl SafeBackend<CrosstermBackend<Stdout>> {
    /// Enters raw mode and the alternate screen, like `ratatui::try_init`
    /// (and with the same panic hook, which restores the terminal), and
    /// returns the screen. Undo with `ratatui::restore`.
    #[allow(clippy::disallowed_methods, reason = "the terminal, behind the door")]
    pub fn init() -> io::Result<Screen> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            ratatui::restore();
            previous(info);
        }));
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen)?;
        ratatui::Terminal::new(SafeBackend::new(CrosstermBackend::new(io::stdout())))
    }
}

/// Turns the terminal's mouse reporting on or off; a terminal that cannot
/// only loses the mouse.
#[allow(clippy::disallowed_methods, reason = "a command of ours, not text")]
pub fn mouse_capture(on: bool) {
    use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
    let _ = if on {
        execute!(io::stdout(), EnableMouseCapture)
    } else {
        execute!(io::stdout(), DisableMouseCapture)
    };
}

/// Returns true if and only if stdout is a terminal.
#[allow(clippy::disallowed_methods, reason = "asks, writes nothing")]
pub fn stdout_is_terminal() -> bool {
    use std::io::IsTerminal;
    io::stdout().is_terminal()
}

/// Wraps a backend; cells whose symbol holds an unsafe character are drawn
/// with that character removed (a blank when nothing is left).
#[derive(Debug)]
pub struct SafeBackend<B> {
    inner: B,
}

impl<B> SafeBackend<B> {
    pub fn new(inner: B) -> Self {
        Self { inner }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }
}

/// Returns the cell to draw in place of `cell`, or `None` when it is safe.
fn cleaned(cell: &Cell) -> Option<Cell> {
    let symbol = cell.symbol();
    if symbol.chars().all(is_safe_char) {
        return None;
    }
    let kept: String = symbol.chars().filter(|&c| is_safe_char(c)).collect();
    let mut safe = cell.clone();
    safe.set_symbol(if kept.is_empty() { " " } else { &kept });
    Some(safe)
}

impl<B: Backend> Backend for SafeBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        let replaced: Vec<Option<Cell>> = cells.iter().map(|(_, _, c)| cleaned(c)).collect();
        self.inner.draw(
            cells
                .iter()
                .zip(&replaced)
                .map(|(&(x, y, cell), safe)| (x, y, safe.as_ref().unwrap_or(cell))),
        )
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    use super::*;

    #[test]
    fn no_cell_reaches_the_backend_with_a_control() {
        let mut terminal =
            ratatui::Terminal::new(SafeBackend::new(TestBackend::new(30, 2))).unwrap();
        let hostile = "a\u{1b}]0;PWNED\u{7}b\u{202e}c\u{9b}d";
        terminal
            .draw(|f| {
                let area = f.area();
                f.render_widget(Paragraph::new(hostile), area);
                // Write past the widgets' own filtering, as a careless view might.
                f.buffer_mut()[(0, 1)].set_symbol("\u{1b}");
                f.buffer_mut()[(1, 1)].set_symbol("x\u{7}");
            })
            .unwrap();
        let buffer = terminal.backend().inner().buffer();
        for cell in buffer.content() {
            assert!(
                cell.symbol().chars().all(is_safe_char),
                "{:?}",
                cell.symbol()
            );
        }
        assert_eq!(buffer[(0, 1)].symbol(), " ");
        assert_eq!(buffer[(1, 1)].symbol(), "x");
    }
}
