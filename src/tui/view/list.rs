//! The article list: one row per article with an unread marker, a star,
//! title, copies badge and byline; only the rows in view are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{padded, pane_block, truncate};
use crate::tui::app::App;
use crate::tui::layout::{self, Pane};
use crate::tui::text;

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(lib) = app.library() else { return };
    let theme = app.theme();
    let list = app.list();
    let mut block = pane_block(app, Pane::List, text::LIST);
    if !list.visible().is_empty() {
        block = block.title_bottom(
            Line::from(format!(
                " {}/{} ",
                list.selected() + 1,
                list.visible().len()
            ))
            .right_aligned(),
        );
    }
    let inner = layout::inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    if list.visible().is_empty() {
        frame.render_widget(
            Paragraph::new(text::NO_ARTICLES)
                .style(theme.dim)
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let rows: Vec<Line> = list
        .visible()
        .iter()
        .enumerate()
        .skip(list.offset())
        .take(usize::from(inner.height))
        .filter_map(|(pos, &i)| Some((pos, i, lib.corpus.articles.get(i as usize)?)))
        .map(|(pos, i, a)| {
            let read = app.marks().is_read(i as usize);
            let starred = app.marks().is_starred(i as usize);
            let marker = Span::styled(
                if read { ' ' } else { text::UNREAD_MARK }.to_string(),
                theme.unread,
            );
            let star = Span::styled(
                format!("{} ", if starred { text::STAR_MARK } else { ' ' }),
                theme.badge,
            );
            let mut badge = if a.sources.len() > 1 {
                format!(" ×{}", a.sources.len())
            } else {
                String::new()
            };
            if let Some(thread) = app.threads().and_then(|t| t.of(i as usize)) {
                badge.push_str(&format!(" {}{}", text::THREAD_MARK, thread.articles.len()));
            }
            let date = text::shown_date(a);
            let byline: Vec<&str> = a
                .author
                .iter()
                .chain(a.source.iter())
                .take(1)
                .chain(date.iter())
                .map(String::as_str)
                .collect();
            let byline = if byline.is_empty() {
                String::new()
            } else {
                format!(" · {}", byline.join(" · "))
            };
            let room = width.saturating_sub(3 + badge.width());
            let title = truncate(&a.title, room);
            let byline = truncate(&byline, room.saturating_sub(title.width()));
            let spans = vec![
                marker,
                star,
                Span::styled(title, theme.title),
                Span::styled(badge, theme.badge),
                Span::styled(byline, theme.meta),
            ];
            let style = if pos != list.selected() {
                ratatui::style::Style::new()
            } else if app.focus() == Pane::List {
                theme.selected
            } else {
                theme.selected_unfocused
            };
            padded(spans, width, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), inner);
}
