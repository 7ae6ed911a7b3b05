//! An entity's picture at the foot of the entity pane: how many articles
//! name it per day, week, month or years (whichever fits the corpus's
//! span) as a sparkline, the span the bars cover, and the entities most
//! often named with it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline};

use super::truncate;
use crate::entities::EntityId;
use crate::picture::{Bar, Picture};
use crate::pipeline::Library;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::text;

pub(super) fn draw(
    frame: &mut Frame,
    app: &App,
    lib: &Library,
    id: EntityId,
    picture: &Picture,
    area: Rect,
) {
    let theme = app.theme();
    let width = usize::from(area.width);
    let Some(entity) = lib.index.entity(id) else {
        return;
    };
    let row = |i: u16| Rect {
        y: area.y + i,
        height: 1,
        ..area
    };
    let heading = text::picture_heading(&entity.name, text::bucket_name(picture.bucket));
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&heading, width), theme.group)),
        row(0),
    );
    let bars = binned(&picture.bars, width);
    let span = match (picture.bars.first(), picture.bars.last()) {
        (Some(first), Some(last)) => text::picture_span(&first.start, &last.start, picture.undated),
        _ => text::picture_undated(picture.undated),
    };
    if !bars.is_empty() {
        let spark = Rect {
            y: area.y + 1,
            height: 2,
            ..area
        };
        frame.render_widget(
            Sparkline::default()
                .data(bars.as_slice())
                .style(theme.mention_of(entity.kind)),
            spark,
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&span, width), theme.meta)),
        row(3),
    );
    let (line, _) = layout::often_with(text::OFTEN_WITH, &text::often_with_entries(lib, picture));
    let line = if picture.often_with.is_empty() {
        text::OFTEN_WITH_NOBODY.to_owned()
    } else {
        line
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(truncate(&line, width), theme.dim))),
        row(layout::OFTEN_WITH_ROW),
    );
}

/// Sums adjacent bars so that they fit `width` columns.
fn binned(bars: &[Bar], width: usize) -> Vec<u64> {
    if bars.is_empty() || width == 0 {
        return Vec::new();
    }
    let per = bars.len().div_ceil(width);
    bars.chunks(per)
        .map(|c| c.iter().map(|b| u64::from(b.articles)).sum())
        .collect()
}
