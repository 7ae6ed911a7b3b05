//! The reading pane: the selected article's laid-out lines from the scroll
//! position, mentions coloured by kind and the followed entity's mentions
//! emphasised, with the scroll position in the bottom border.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block;
use crate::tui::app::App;
use crate::tui::document::{DocLine, LineKind};
use crate::tui::layout::{self, Pane};
use crate::tui::text;

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(lib) = app.library() else { return };
    let theme = app.theme();
    let scroll = app.reader().scroll();
    let doc = app.document();
    let inner = layout::inner(area);
    let height = usize::from(inner.height);
    let mut block = pane_block(app, Pane::Reader, text::READER);
    if !doc.is_empty() {
        let last = (scroll + height).min(doc.len());
        let percent = if doc.len() <= height {
            100
        } else {
            last * 100 / doc.len()
        };
        block = block.title_bottom(
            Line::from(format!(" {last}/{} · {percent}% ", doc.len())).right_aligned(),
        );
    }
    frame.render_widget(block, area);
    let lines: Vec<Line> = doc
        .iter()
        .skip(scroll)
        .take(height)
        .map(|line| styled(app, lib, line))
        .collect();
    if lines.is_empty() && app.list().visible().is_empty() {
        frame.render_widget(Paragraph::new(text::NO_ARTICLES).style(theme.dim), inner);
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn styled<'a>(app: &App, lib: &crate::pipeline::Library, line: &'a DocLine) -> Line<'a> {
    let theme = app.theme();
    let base = match line.kind {
        LineKind::Title => theme.title,
        LineKind::Meta => theme.meta,
        LineKind::Copies => theme.badge,
        LineKind::Heading => theme.heading,
        LineKind::EndMatter => theme.dim,
        LineKind::Preformatted => theme.preformatted,
        LineKind::Body | LineKind::Blank => Style::new(),
    };
    let spans: Vec<Span> = line
        .runs
        .iter()
        .map(|run| {
            let style = match run.entity {
                Some(id) if Some(id) == app.followed() => base.patch(theme.mention_selected),
                Some(id) => lib
                    .index
                    .entity(id)
                    .map_or(base, |e| base.patch(theme.mention_of(e.kind))),
                None => base,
            };
            let style = if run.matched {
                style.patch(theme.matched)
            } else {
                style
            };
            Span::styled(run.text.as_str(), style)
        })
        .collect();
    Line::from(spans)
}
