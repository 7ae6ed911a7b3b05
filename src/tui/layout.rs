//! Screen geometry: where the header, the three panes, the footer and the
//! popups go for a given terminal size. Both drawing and mouse handling use
//! it, so a click lands where the pane was drawn.

use ratatui::layout::Rect;

/// Which pane has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
    Sidebar,
}

/// How much fits side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// All three panes (at least [`WIDE`] columns).
    Wide,
    /// List and reader; the entity pane opens over the reader on demand.
    Medium,
    /// One pane at a time (fewer than [`MEDIUM`] columns).
    Narrow,
}

pub const WIDE: u16 = 100;
pub const MEDIUM: u16 = 60;

impl Fit {
    pub fn of(width: u16) -> Fit {
        if width >= WIDE {
            Fit::Wide
        } else if width >= MEDIUM {
            Fit::Medium
        } else {
            Fit::Narrow
        }
    }
}

/// Side pane widths, in percent of the terminal (from the config file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Widths {
    pub list: u16,
    pub sidebar: u16,
}

impl Default for Widths {
    fn default() -> Self {
        Self {
            list: 30,
            sidebar: 25,
        }
    }
}

/// The narrowest the entity pane gets in the wide layout.
const MIN_SIDEBAR: u16 = 20;

/// Returns `percent` of `width`, rounded down.
fn share(width: u16, percent: u16, of: u16) -> u16 {
    let cols = u32::from(width) * u32::from(percent) / u32::from(of.max(1));
    u16::try_from(cols).unwrap_or(width).min(width)
}

/// The rectangles of one frame; a pane that is not shown has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    pub fit: Fit,
    pub header: Rect,
    pub footer: Rect,
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    /// In [`Fit::Medium`] this overlaps the reader and is drawn over it.
    pub sidebar: Option<Rect>,
}

/// Lays out a frame of `area` with `focus` and whether the entity pane is
/// toggled (shown in medium width; hidden in wide width), and the side
/// panes' `widths`. The medium layout gives the list the share it would
/// have beside the reader alone.
pub fn screen(area: Rect, focus: Pane, sidebar_toggled: bool, widths: Widths) -> Screen {
    // Plain arithmetic rather than the constraint solver: this runs several
    // times per action and must hold for every size down to 1×1.
    let header = Rect {
        height: area.height.min(1),
        ..area
    };
    let footer_height = u16::from(area.height >= 2);
    let footer = Rect {
        y: area.bottom() - footer_height,
        height: footer_height,
        ..area
    };
    let body = Rect {
        y: header.bottom(),
        height: area.height - header.height - footer_height,
        ..area
    };
    let fit = Fit::of(area.width);
    let mut s = Screen {
        fit,
        header,
        footer,
        list: None,
        reader: None,
        sidebar: None,
    };
    match fit {
        Fit::Wide => {
            let sidebar_width = if sidebar_toggled {
                0
            } else {
                share(body.width, widths.sidebar, 100).max(MIN_SIDEBAR)
            };
            let list_width = share(body.width, widths.list, 100);
            let (list, rest) = split(body, list_width);
            let (reader, sidebar) = split(rest, rest.width.saturating_sub(sidebar_width));
            s.list = Some(list);
            s.reader = Some(reader);
            s.sidebar = (!sidebar_toggled).then_some(sidebar);
        }
        Fit::Medium => {
            let list_width = share(
                body.width,
                widths.list,
                100u16.saturating_sub(widths.sidebar),
            );
            let (list, reader) = split(body, list_width);
            s.list = Some(list);
            s.reader = Some(reader);
            if sidebar_toggled {
                let width = (reader.width * 3 / 4).max(reader.width.min(24));
                s.sidebar = Some(Rect {
                    x: reader.right().saturating_sub(width),
                    width,
                    ..reader
                });
            }
        }
        Fit::Narrow => match focus {
            Pane::List => s.list = Some(body),
            Pane::Reader => s.reader = Some(body),
            Pane::Sidebar => s.sidebar = Some(body),
        },
    }
    s
}

/// Splits `area` into a left part `width` columns wide and the rest.
fn split(area: Rect, width: u16) -> (Rect, Rect) {
    let width = width.min(area.width);
    (
        Rect { width, ..area },
        Rect {
            x: area.x + width,
            width: area.width - width,
            ..area
        },
    )
}

/// Returns true if and only if `pane` can take the focus in this layout.
pub fn focusable(fit: Fit, pane: Pane, sidebar_toggled: bool) -> bool {
    match (fit, pane) {
        (Fit::Wide, Pane::Sidebar) => !sidebar_toggled,
        (Fit::Medium, Pane::Sidebar) => sidebar_toggled,
        _ => true,
    }
}

/// Returns a centred rectangle of at most `width`×`height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Returns where the `/` prompt goes on a screen of `area`: a bordered box
/// with the input line and `suggestions` rows (at least one, for a hint),
/// a quarter of the way down. Drawing and clicks both place it here.
pub fn prompt(area: Rect, suggestions: usize) -> Rect {
    let height = u16::try_from(suggestions.max(1) + 3).unwrap_or(u16::MAX);
    let width = area.width.saturating_sub(4).min(80);
    let mut rect = centered(area, width, height);
    rect.y = area.y + (area.height.saturating_sub(height) / 4);
    rect
}

/// Returns the inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// Rows the entity pane gives an entity's picture: its name and bucket,
/// two rows of bars, their span, and the entities most often with it.
pub const PICTURE_ROWS: u16 = 5;

/// Splits the entity pane's inside into its list and, when an entity is
/// pictured and the pane is tall enough to keep most of its list, the
/// picture at the bottom.
pub fn sidebar_parts(inner: Rect, picture: bool) -> (Rect, Option<Rect>) {
    if !picture || inner.height < PICTURE_ROWS * 3 {
        return (inner, None);
    }
    let list = Rect {
        height: inner.height - PICTURE_ROWS,
        ..inner
    };
    let below = Rect {
        y: list.bottom(),
        height: PICTURE_ROWS,
        ..inner
    };
    (list, Some(below))
}

/// The picture's row that names the entities often with it.
pub const OFTEN_WITH_ROW: u16 = 4;

/// Lays out the "often with" row from its entries (entity, shown text):
/// the line, and the columns each entry takes, so a click can pick one.
pub fn often_with<T: Copy>(
    prefix: &str,
    entries: &[(T, String)],
) -> (String, Vec<(usize, usize, T)>) {
    use unicode_width::UnicodeWidthStr;
    let mut line = prefix.to_owned();
    let mut spans = Vec::with_capacity(entries.len());
    for (i, (id, shown)) in entries.iter().enumerate() {
        if i > 0 {
            line.push_str(" · ");
        }
        let start = line.width();
        line.push_str(shown);
        spans.push((start, line.width(), *id));
    }
    (line, spans)
}

/// Returns true if and only if the point lies inside `area`.
pub fn contains(area: Rect, x: u16, y: u16) -> bool {
    x >= area.x && x < area.right() && y >= area.y && y < area.bottom()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_widths_set_the_side_panes() {
        let area = Rect::new(0, 0, 200, 50);
        let widths = Widths {
            list: 40,
            sidebar: 20,
        };
        let s = screen(area, Pane::List, false, widths);
        assert_eq!(s.list.map(|r| r.width), Some(80));
        assert_eq!(s.sidebar.map(|r| r.width), Some(40));
        assert_eq!(s.reader.map(|r| r.width), Some(80));
        // Medium: the list keeps its share of what list and reader share.
        let s = screen(Rect::new(0, 0, 80, 24), Pane::List, false, widths);
        assert_eq!(s.list.map(|r| r.width), Some(40));
    }

    #[test]
    fn extreme_widths_never_overflow() {
        for width in [1, 59, 60, 99, 100, 101, 400] {
            for (list, sidebar) in [(0, 0), (60, 60), (100, 100), (10, 90)] {
                let s = screen(
                    Rect::new(0, 0, width, 10),
                    Pane::Reader,
                    false,
                    Widths { list, sidebar },
                );
                let used: u16 = [s.list, s.reader].iter().flatten().map(|r| r.width).sum();
                assert!(used <= width, "{width} {list} {sidebar}");
            }
        }
    }
}
