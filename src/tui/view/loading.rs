//! The first frame: shown at once while the library loads on another
//! thread, with the pipeline's stage and progress.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Gauge, Paragraph};

use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::text;

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = app.theme();
    let rect = layout::centered(area, 60, 6);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(format!(" {} · {} ", text::APP, text::LOADING));
    let inner = layout::inner(rect);
    frame.render_widget(block, rect);
    let (line, ratio) = match app.progress() {
        Some(p) => (
            text::progress(p.stage.label(), p.done, p.total),
            if p.total == 0 {
                0.0
            } else {
                (p.done as f64 / p.total as f64).clamp(0.0, 1.0)
            },
        ),
        None => (text::STARTING.to_owned(), 0.0),
    };
    let [label, gauge, hint] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(line), label);
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .gauge_style(theme.key)
            .label(""),
        gauge,
    );
    let quit = app.keymap().keys_for("quit");
    frame.render_widget(
        Paragraph::new(Line::from(text::quit_hint(&quit)).style(theme.dim)),
        hint,
    );
}
