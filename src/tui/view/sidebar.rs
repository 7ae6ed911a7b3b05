//! The entity pane: headings per kind and one row per entity with its
//! mention count here and how many other articles share it (or, for the
//! whole corpus, its article count). Names are coloured like their
//! mentions, so the pane doubles as the legend.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{padded, pane_block, truncate};
use crate::tui::app::{App, Scope, SidebarRow};
use crate::tui::layout::{self, Pane};
use crate::tui::text;

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(lib) = app.library() else { return };
    let theme = app.theme();
    let pane = app.sidebar();
    let title = match pane.scope() {
        Scope::Article => text::ENTITIES_ARTICLE,
        Scope::Corpus => text::ENTITIES_CORPUS,
    };
    let inner = layout::inner(area);
    let mut block = pane_block(app, Pane::Sidebar, title);
    if pane.scope() == Scope::Article {
        block = block.title_bottom(
            Line::from(Span::styled(
                format!(" {} ", text::ENTITY_LEGEND),
                theme.dim,
            ))
            .right_aligned(),
        );
    }
    frame.render_widget(block, area);
    let (inner, below) = layout::sidebar_parts(inner, app.has_picture());
    if let (Some(below), Some((id, picture))) = (below, app.pictured()) {
        super::picture::draw(frame, app, lib, id, &picture, below);
    }
    let width = usize::from(inner.width);
    let rows = app.sidebar_rows(pane.offset(), usize::from(inner.height));
    if rows.is_empty() {
        let note = if app.finding_entities() {
            finding(app)
        } else {
            text::NO_ENTITIES.to_owned()
        };
        frame.render_widget(Paragraph::new(note).style(theme.dim), inner);
        return;
    }
    let lines: Vec<Line> = rows
        .iter()
        .map(|row| match *row {
            SidebarRow::Group(kind, n) => Line::from(Span::styled(
                truncate(&format!("{} ({n})", text::group_name(kind)), width),
                theme.group,
            )),
            SidebarRow::Entity {
                index,
                id,
                mentions,
            } => {
                let Some(e) = lib.index.entity(id) else {
                    return Line::default();
                };
                let detail = match pane.scope() {
                    Scope::Article => {
                        text::entity_detail(mentions, e.articles.len().saturating_sub(1))
                    }
                    Scope::Corpus => format!(
                        "{} {}",
                        e.kind.as_str().chars().take(4).collect::<String>(),
                        text::entity_articles(e.articles.len())
                    ),
                };
                let marker = if Some(id) == app.followed() {
                    "▸"
                } else {
                    " "
                };
                let room = width.saturating_sub(detail.width() + 2);
                let via = (pane.scope() == Scope::Article)
                    .then(|| app.sidebar_via(id))
                    .flatten();
                let name = match via {
                    Some(place) => truncate(&text::derived_entity(&e.name, place), room),
                    None => truncate(&e.name, room),
                };
                let gap = width.saturating_sub(1 + name.width() + detail.width());
                let spans = vec![
                    Span::raw(marker),
                    Span::styled(name, theme.mention_of(e.kind)),
                    Span::raw(" ".repeat(gap)),
                    Span::styled(detail, theme.meta),
                ];
                let style = if index != pane.selected() {
                    Style::new()
                } else if app.focus() == Pane::Sidebar {
                    theme.selected
                } else {
                    theme.selected_unfocused
                };
                padded(spans, width, style)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "finding entities… N of M", while the list is shown without them.
pub(super) fn finding(app: &App) -> String {
    let label = crate::pipeline::Stage::Extracting.label();
    match app.progress() {
        Some(p) => text::progress(p.stage.label(), p.done, p.total),
        None => text::progress(label, 0, 0),
    }
}
