//! Popups over the panes: the `/` prompt with its ranked suggestions, the
//! help generated from the keymap, and the load warnings.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{highlighted, padded, truncate};
use crate::filter::Target;
use crate::pipeline::Library;
use crate::sanitize;
use crate::tui::app::{App, PREVIEW_SNIPPETS, PopupKind};
use crate::tui::layout;
use crate::tui::text;
use crate::tui::text_search::TextHits;
use crate::tui::theme::Theme;

pub(super) fn prompt(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(prompt), Some(lib)) = (app.prompt(), app.library()) else {
        return;
    };
    let theme = app.theme();
    let rows = prompt.rows().max(1);
    let rect = layout::prompt(area, prompt.rows());
    frame.render_widget(Clear, rect);
    let block = Block::bordered().border_style(theme.border_focused);
    let inner = layout::inner(rect);
    frame.render_widget(block, rect);
    let w = usize::from(inner.width);
    let mut lines = Vec::with_capacity(rows + 1);
    let input = format!("{} {}", text::PROMPT, prompt.input());
    lines.push(Line::from(Span::styled(truncate(&input, w), theme.title)));
    if prompt.input().trim().is_empty() && prompt.suggestions().is_empty() {
        let hint = if app.finding_entities() {
            text::PROMPT_HINT_FINDING
        } else {
            text::PROMPT_HINT
        };
        lines.push(Line::from(Span::styled(truncate(hint, w), theme.dim)));
    } else if prompt.suggestions().is_empty() && prompt.preview().is_none() {
        lines.push(Line::from(Span::styled(text::NO_SUGGESTIONS, theme.dim)));
    }
    for (i, s) in prompt.suggestions().iter().enumerate() {
        let (name, detail, base) = match s.target {
            Target::Entity(id) => {
                let Some(e) = lib.index.entity(id) else {
                    continue;
                };
                let n = e.articles.len();
                let word = if n == 1 {
                    text::ARTICLE_WORD
                } else {
                    text::ARTICLES_WORD
                };
                (
                    e.name.as_str(),
                    format!("{} · {n} {word}", e.kind),
                    theme.mention_of(e.kind),
                )
            }
            Target::Article(a) => {
                let Some(article) = lib.corpus.articles.get(a as usize) else {
                    continue;
                };
                (
                    article.title.as_str(),
                    text::ARTICLE_WORD.to_owned(),
                    Style::new(),
                )
            }
        };
        let room = w.saturating_sub(detail.width() + 2);
        let shown = truncate(name, room);
        // Matched positions index the lowercased name; trust them only when
        // lowercasing kept the char count.
        let same = name.to_lowercase().chars().count() == name.chars().count();
        let matched: &[usize] = if same { &s.matched } else { &[] };
        let mut spans = highlighted(&shown, matched, base, theme.matched);
        let used = shown.width() + 1;
        spans.insert(0, Span::raw(" "));
        spans.push(Span::raw(
            " ".repeat(w.saturating_sub(used + detail.width())),
        ));
        spans.push(Span::styled(detail, theme.meta));
        let style = if prompt.selected() == Some(i) {
            theme.selected
        } else {
            Style::new()
        };
        lines.push(padded(spans, w, style));
    }
    if let Some(hits) = prompt.preview() {
        preview(&mut lines, hits, lib, theme, w);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let cursor_x = inner.x + (input.width() as u16).min(inner.width.saturating_sub(1));
    if inner.width > 0 && inner.height > 0 {
        frame.set_cursor_position(Position::new(cursor_x, inner.y));
    }
}

/// Adds the text hits of the prompt's free words: their count, then the
/// best articles with a snippet, the matched words marked.
fn preview(lines: &mut Vec<Line>, hits: &TextHits, lib: &Library, theme: &Theme, w: usize) {
    let summary = match &hits.problem {
        Some(problem) => problem.clone(),
        None => text::text_hits(hits.articles.len(), &hits.text),
    };
    lines.push(Line::from(Span::styled(truncate(&summary, w), theme.meta)));
    for (article, snippet) in hits.best.iter().take(PREVIEW_SNIPPETS) {
        let Some(a) = lib.corpus.articles.get(*article as usize) else {
            continue;
        };
        let line = format!(" {} — {}", a.title, snippet.text);
        let shown = truncate(&line, w);
        // Marks are byte ranges of the snippet; the line starts further on.
        let lead = line.len() - snippet.text.len();
        let matched: Vec<usize> = shown
            .char_indices()
            .enumerate()
            .filter(|&(_, (b, _))| {
                b >= lead
                    && snippet
                        .marks
                        .iter()
                        .any(|&(s, e)| (s..e).contains(&(b - lead)))
            })
            .map(|(i, _)| i)
            .collect();
        lines.push(Line::from(highlighted(
            &shown,
            &matched,
            theme.dim,
            theme.matched,
        )));
    }
}

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(popup), Some(lib)) = (app.popup(), app.library()) else {
        return;
    };
    let theme = app.theme();
    let (title, lines): (&str, Vec<Line>) = match popup.kind {
        PopupKind::Help => {
            let rows = app.keymap().help_rows();
            let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
            let lines = rows
                .into_iter()
                .map(|(keys, help)| {
                    Line::from(vec![
                        Span::styled(format!("{keys:<key_width$}  "), theme.key),
                        Span::raw(help),
                    ])
                })
                .collect();
            (text::HELP, lines)
        }
        PopupKind::Warnings => {
            let lines = if lib.corpus.warnings.is_empty() {
                vec![Line::from(text::NO_WARNINGS)]
            } else {
                lib.corpus
                    .warnings
                    .iter()
                    .map(|w| {
                        Line::from(vec![
                            Span::styled(sanitize::clean_line(&w.path), theme.warning),
                            Span::raw(format!(": {}", sanitize::clean_line(&w.reason))),
                        ])
                    })
                    .collect()
            };
            (text::WARNINGS, lines)
        }
    };
    let width = area.width.saturating_sub(4).min(90);
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = layout::centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(format!(" {title} "))
        .title_bottom(Line::from(format!(" {} ", text::CLOSE_HINT)).right_aligned());
    let visible: Vec<Line> = lines.into_iter().skip(popup.scroll).collect();
    frame.render_widget(
        Paragraph::new(visible)
            .block(block)
            .wrap(ratatui::widgets::Wrap { trim: false }),
        rect,
    );
}
