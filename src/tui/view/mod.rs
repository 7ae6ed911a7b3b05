//! Drawing: every view reads a borrowed [`App`] and writes into a frame.
//! Nothing here changes state; scroll positions and selections were settled
//! by [`App::update`] for the same layout.

mod list;
mod loading;
mod picture;
mod popup;
mod reader;
mod sidebar;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::{App, View};
use super::layout::{Fit, Pane};
use super::text;

/// Draws the whole reader.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    if app.library().is_none() {
        loading::draw(frame, app, area);
        return;
    }
    frame.render_widget(Block::new().style(app.theme().base), area);
    let screen = app.screen();
    header(frame, app, screen.header);
    if let Some(r) = screen.list {
        list::draw(frame, app, r);
    }
    if let Some(r) = screen.reader {
        reader::draw(frame, app, r);
    }
    if let Some(r) = screen.sidebar {
        if screen.fit == Fit::Medium {
            frame.render_widget(Clear, r);
        }
        sidebar::draw(frame, app, r);
    }
    footer(frame, app, screen.footer);
    if app.prompt().is_some() {
        popup::prompt(frame, app, area);
    } else if app.popup().is_some() {
        popup::draw(frame, app, area);
    }
}

/// The bordered block of a pane, highlighted when focused.
fn pane_block<'a>(app: &App, pane: Pane, title: &'a str) -> Block<'a> {
    let style = if app.focus() == pane {
        app.theme().border_focused
    } else {
        app.theme().border
    };
    Block::bordered()
        .border_style(style)
        .title(Span::styled(format!(" {title} "), style))
}

fn header(frame: &mut Frame, app: &App, area: Rect) {
    let Some(lib) = app.library() else { return };
    let list = app.list();
    let view = match list.view() {
        View::All => None,
        View::Unread => Some(text::VIEW_UNREAD),
        View::Starred => Some(text::VIEW_STARRED),
    };
    let order = text::order_label(app.sort());
    let finding = app.finding_entities().then(|| sidebar::finding(app));
    let label: Vec<&str> = list
        .filter()
        .map(|f| f.label.as_str())
        .into_iter()
        .chain(view)
        .chain(order.as_deref())
        .chain(finding.as_deref())
        .collect();
    let counts = text::counts(
        list.visible().len(),
        lib.corpus.articles.len(),
        (!label.is_empty()).then(|| label.join(" · ")).as_deref(),
    );
    let mut spans = vec![Span::raw(format!(" {} ", text::APP)), Span::raw(counts)];
    let followed = app
        .followed_text()
        .map(|words| format!("\"{words}\""))
        .or_else(|| {
            app.followed()
                .and_then(|id| lib.index.entity(id))
                .map(|e| e.name.clone())
        });
    if let Some(followed) = followed {
        let keys = format!(
            "{}/{}",
            app.keymap().keys_for("next_match"),
            app.keymap().keys_for("prev_match")
        );
        spans.push(Span::raw(format!("   {keys}: {followed}")));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(app.theme().header),
        area,
    );
}

fn footer(frame: &mut Frame, app: &App, area: Rect) {
    let Some(lib) = app.library() else { return };
    let theme = app.theme();
    let mut spans: Vec<Span> = Vec::new();
    if let Some(status) = app.status() {
        // Notices quote file names and addresses: untrusted text.
        let status = crate::sanitize::clean_line(status);
        spans.push(Span::styled(format!(" {status}"), theme.warning));
    } else {
        for (name, label) in text::hints(app.focus()) {
            let key = app.keymap().keys_for(name);
            if key.is_empty() {
                continue;
            }
            spans.push(Span::styled(format!(" {key}"), theme.key));
            spans.push(Span::styled(format!(" {label} "), theme.footer));
        }
    }
    let warned = lib.corpus.warnings.len();
    let note = (warned > 0).then(|| text::warnings(warned, &app.keymap().keys_for("warnings")));
    let note_width = note.as_ref().map_or(0, |n| n.width() + 2);
    let left = Rect {
        width: area.width.saturating_sub(note_width as u16),
        ..area
    };
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    if let Some(note) = note {
        let right = Rect {
            x: left.right(),
            width: area.width - left.width,
            ..area
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {note} "), theme.warning)),
            right,
        );
    }
}

/// Returns `s` cut to `width` columns, with an ellipsis when cut.
fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Returns a line of spans padded with `style` to `width` columns, so that
/// a highlighted row spans the whole pane.
fn padded(mut spans: Vec<Span<'_>>, width: usize, style: Style) -> Line<'_> {
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    if used < width {
        spans.push(Span::raw(" ".repeat(width - used)));
    }
    Line::from(spans).style(style)
}

/// Splits `s` into spans, styling the chars at `matched` (char indices).
fn highlighted<'a>(s: &str, matched: &[usize], base: Style, hit: Style) -> Vec<Span<'a>> {
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in s.chars().enumerate() {
        let is_hit = matched.binary_search(&i).is_ok();
        if is_hit != run_hit && !run.is_empty() {
            let style = if run_hit { base.patch(hit) } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_hit { base.patch(hit) } else { base };
        spans.push(Span::styled(run, style));
    }
    spans
}
