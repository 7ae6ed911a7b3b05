//! Dates: when an article was published, as an ISO date (`YYYY-MM-DD`, with
//! `THH:MM` and a zone when the time is known), and where that date came
//! from, so that a file's modification time is never shown as a
//! publication date.
//!
//! The first of these wins: the date the file's metadata states (front
//! matter, page metadata, feed entry), a date line above the body
//! ("Published: 3 March 2026") or a wire dateline opening the body
//! ("HOUSTON, March 3 (Reuters) -", "LONDON, 3 March 2026 —", "March 3,
//! 2026 —"), else the file's modification time. A dateline without a year
//! takes it from context: a year in the page's address, else the year
//! that puts it nearest the file's time (a day or two ahead allowed: a
//! wire filed from a zone ahead), else, with no file time, the year the
//! text names most. The years a story names are mostly those it reports on ("profit in 1986",
//! "the 1987/88 budget"), not the year it ran: on 70 wire stories of one
//! fortnight that rule gave five different years, which set stories of the
//! same week a year apart. Dates in the middle of a body are not taken.
//!
//! Calendar arithmetic and RFC 2822/3339 parsing come from `chrono` (already
//! in the build through `feed-rs`); the month names and the shapes of a
//! dateline are read here.

use chrono::{DateTime, Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Where an article's date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Stated by the file: front matter, page metadata or a feed entry.
    Metadata,
    /// Read from the text: a date line above the body or a wire dateline
    /// opening it.
    Dateline,
    /// The file's modification time: when it was saved, not published.
    FileTime,
}

/// How far into the first paragraph a wire dateline may end.
const DATELINE_REACH: usize = 120;

/// Returns the article's date and where it comes from, or `None`.
/// `stated` is the metadata date, `date_line` a date line found above the
/// body, `lede` the body's first paragraph (only its opening is read for a
/// dateline), `body` the whole text (for a year), `url` the page's
/// address, `mtime_ns` the file's modification time.
pub fn resolve(
    stated: Option<&str>,
    date_line: Option<&str>,
    lede: &str,
    body: &str,
    url: Option<&str>,
    mtime_ns: Option<i64>,
) -> Option<(String, DateSource)> {
    let saved = mtime_ns.and_then(from_unix_ns);
    let context = || context_year(body, url, saved);
    if let Some(raw) = stated.map(str::trim).filter(|s| !s.is_empty()) {
        // A stated date that cannot be read is kept as written: it is what
        // the publisher said (it sorts as undated).
        return Some((
            normalise(raw, &context, saved).unwrap_or_else(|| raw.to_owned()),
            DateSource::Metadata,
        ));
    }
    let from_text = date_line
        .and_then(|d| normalise(d, &context, saved))
        .or_else(|| wire_dateline(lede, &context, saved));
    if let Some(date) = from_text {
        return Some((date, DateSource::Dateline));
    }
    mtime_ns
        .and_then(file_time)
        .map(|d| (d, DateSource::FileTime))
}

/// Returns the date of a wire dateline opening `body`, or `None`: a place
/// (capitalised or all-caps words, optionally with a region: "PELLHAM
/// FALLS, Ontario,"), a date, an optional agency in parentheses, then a
/// dash; or a date alone before the dash.
pub fn wire_dateline(
    body: &str,
    context: &dyn Fn() -> Option<i32>,
    saved: Option<NaiveDate>,
) -> Option<String> {
    DatelineHead::of(body)?.date(context, saved)
}

/// Returns the words of `line` after the wire dateline that opens it
/// ("MANCHESTER, England (AP) -- Phil Foden scored…" gives "Phil Foden
/// scored…"), or `None` when none does. Any dated dateline counts; an
/// undated one only when it names an agency ("(AP)") or its place is in
/// capitals, as wires print them: "Apple, Google — the two giants" is
/// prose.
pub fn after_wire_dateline(line: &str) -> Option<&str> {
    let head = DatelineHead::of(line)?;
    let rest = line[head.dash..].trim_start_matches(['-', '—', '–', ' ']);
    if rest.is_empty() {
        return None;
    }
    // Any year will do: only whether a date is there matters.
    let any_year = || Some(2000);
    if head.date(&any_year, None).is_some() {
        return Some(rest);
    }
    let parts: Vec<&str> = head.lead.split(',').map(str::trim).collect();
    let capitals =
        parts[0].chars().any(char::is_alphabetic) && !parts[0].chars().any(char::is_lowercase);
    let places = parts.len() <= 3 && parts.iter().all(|p| is_place(p));
    (places && (capitals || head.agency)).then_some(rest)
}

/// What comes before the dash that ends a wire dateline: the `lead`
/// (place and date, the agency cut off) and where the dash is.
struct DatelineHead<'a> {
    lead: &'a str,
    dash: usize,
    /// Whether an agency ("(Reuters)", "/PRNewswire/") followed the lead.
    agency: bool,
}

impl<'a> DatelineHead<'a> {
    fn of(body: &'a str) -> Option<Self> {
        let mut end = body.len().min(DATELINE_REACH + 8);
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        let head = body[..end].lines().next().unwrap_or_default();
        let dash = [" - ", " — ", " – ", " -- ", "—", "–"]
            .iter()
            .filter_map(|d| head.find(d))
            .min()?;
        if dash > DATELINE_REACH {
            return None;
        }
        let mut lead = head[..dash].trim();
        let mut agency = false;
        // "(Reuters)", "(AP)", "/PRNewswire/": the agency after the date.
        if lead.ends_with(')')
            && let Some(open) = lead.rfind('(')
        {
            agency = lead[open + 1..lead.len() - 1]
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
            lead = lead[..open].trim_end();
        } else if let Some(inner) = lead.strip_suffix('/')
            && let Some(open) = inner.rfind(" /")
        {
            agency = true;
            lead = lead[..open].trim_end();
        }
        Some(DatelineHead {
            lead: lead.trim_end_matches(','),
            dash,
            agency,
        })
    }

    /// The date the lead gives: a date alone, or the tail after the
    /// place and at most one region.
    fn date(&self, context: &dyn Fn() -> Option<i32>, saved: Option<NaiveDate>) -> Option<String> {
        if let Some(date) = normalise(self.lead, context, saved) {
            return Some(date);
        }
        let parts: Vec<&str> = self.lead.split(',').map(str::trim).collect();
        if parts.len() < 2 || !is_place(parts[0]) {
            return None;
        }
        (1..parts.len().min(3))
            .filter(|&k| parts[1..k].iter().all(|p| is_place(p)))
            .find_map(|k| normalise(&parts[k..].join(", "), context, saved))
    }
}

/// Returns true if and only if `s` looks like a place in a dateline: one
/// to four words, each capitalised (or all capitals), letters and `.'-`;
/// or two or three such places filed from together, joined by `/`
/// ("LONDON/NEW YORK").
fn is_place(s: &str) -> bool {
    are_joined_places(s, 3)
}

/// Returns true if and only if `s` is at most `most` places (see
/// [`is_one_place`]) joined by `/`.
pub fn are_joined_places(s: &str, most: usize) -> bool {
    let places: Vec<&str> = s.split('/').collect();
    places.len() <= most && places.iter().all(|p| is_one_place(p))
}

/// Returns true if and only if `s` is one place as a dateline names it:
/// one to four capitalised words of letters and `.'-`, the first no
/// month.
pub fn is_one_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '’'))
        })
        && month_of(words[0]).is_none()
}

/// Returns the year the context gives a date without one: a `/YYYY/` part
/// of the page's address (never after the year the file was saved); else
/// `None` when the file's time is known (the date takes the file's year,
/// see [`normalise`]); else the year the body names most often (the latest
/// among equals).
fn context_year(body: &str, url: Option<&str>, saved: Option<NaiveDate>) -> Option<i32> {
    let saved_year = saved.map(|d| d.year());
    let plausible = |y: i32| (1900..=2100).contains(&y) && saved_year.is_none_or(|s| y <= s);
    if let Some(y) = url
        .into_iter()
        .flat_map(|u| u.split('/'))
        .filter(|p| p.len() == 4)
        .filter_map(|p| p.parse::<i32>().ok())
        .find(|&y| plausible(y))
    {
        return Some(y);
    }
    if saved.is_some() {
        return None;
    }
    let mut counts: Vec<(i32, u32)> = Vec::new();
    for word in body.split(|c: char| !c.is_ascii_digit()) {
        if let Ok(y) = word.parse::<i32>()
            && word.len() == 4
            && plausible(y)
        {
            match counts.iter_mut().find(|c| c.0 == y) {
                Some(c) => c.1 += 1,
                None => counts.push((y, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|&(y, n)| (n, y)).map(|c| c.0)
}

/// Returns `raw` as an ISO date (with `THH:MM` and zone when it carries a
/// time), or `None` if it is not a date: ISO 8601 / RFC 3339, RFC 2822,
/// "March 3, 2026", "3 March 2026", "Tuesday, Mar. 3 2026", "2026/03/03",
/// and month-day without a year, which takes the year from `context` (or,
/// failing that, the year nearest `saved`: see [`nearest_year`]).
pub fn normalise(
    raw: &str,
    context: &dyn Fn() -> Option<i32>,
    saved: Option<NaiveDate>,
) -> Option<String> {
    let raw = raw.trim();
    if raw.len() > 64 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Some(with_time(t));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(raw) {
        return Some(with_time(t));
    }
    if let Some(d) = numeric(raw).or_else(|| day_month_year(raw)) {
        return Some(d);
    }
    let (year, month, day) = words(raw)?;
    let year = match year {
        Some(y) => y,
        None => context().or_else(|| nearest_year(month, day, saved?))?,
    };
    NaiveDate::from_ymd_opt(year, month, day).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Days a dateline may run ahead of the file's time: a wire filed from a
/// zone ahead of the machine that saved it ("TAUPO, New Zealand, March
/// 23" saved on March 22 in London) is dated its own day.
const DATELINE_AHEAD_DAYS: i64 = 2;

/// Returns the year that puts `month`/`day` nearest the day the file was
/// `saved`, never more than [`DATELINE_AHEAD_DAYS`] after it ("December
/// 30" saved on January 5 is last year's; "January 2" saved on December
/// 31 is next year's).
fn nearest_year(month: u32, day: u32, saved: NaiveDate) -> Option<i32> {
    let this = saved.year();
    [this - 1, this, this + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .filter(|d| (*d - saved).num_days() <= DATELINE_AHEAD_DAYS)
        .min_by_key(|d| (*d - saved).num_days().abs())
        .map(|d| d.year())
}

fn with_time(t: DateTime<chrono::FixedOffset>) -> String {
    if t.offset().local_minus_utc() == 0 {
        t.format("%Y-%m-%dT%H:%MZ").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M%:z").to_string()
    }
}

/// Reads `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by a time
/// (`T10:00`, ` 10:00:00`); the time is kept to the minute.
fn numeric(raw: &str) -> Option<String> {
    let b = raw.as_bytes();
    if b.len() < 10 || !matches!(b[4], b'-' | b'/') || b[7] != b[4] {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        raw.get(..4)?.parse().ok()?,
        raw.get(5..7)?.parse().ok()?,
        raw.get(8..10)?.parse().ok()?,
    )?;
    let day = date.format("%Y-%m-%d").to_string();
    let rest = &raw[10..];
    let time = rest
        .strip_prefix(['T', ' '])
        .and_then(|t| t.get(..5))
        .filter(|t| {
            let t = t.as_bytes();
            t[2] == b':' && [0, 1, 3, 4].iter().all(|&i| t[i].is_ascii_digit())
        });
    Some(match time {
        Some(t) => format!("{day}T{t}"),
        None => day,
    })
}

/// Reads a date written with a month name: day and month in either order,
/// an optional weekday and year. Returns (year, month, day).
fn words(raw: &str) -> Option<(Option<i32>, u32, u32)> {
    let tokens: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > 8 {
        return None;
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for (i, token) in tokens.iter().enumerate() {
        let t = token.trim_end_matches('.');
        // "Saturday 7 March 2026, 09:14 GMT": the time after the date is
        // no part of the day.
        if month.is_some() && is_time_of_day(t) {
            continue;
        }
        // "14 Nov 2024, 6:05 PM ICT": after a whole date, letters in
        // capitals are a time zone the list lacks.
        let zone = (2..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase());
        if day.is_some() && year.is_some() && zone {
            continue;
        }
        if let Some(m) = month_of(t) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some(d) = day_number_word(t) {
            if day.replace(d).is_some() {
                return None;
            }
        } else if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            year = Some(t.parse().ok()?);
        } else if !(i == 0 && is_weekday(t)) {
            return None;
        }
    }
    Some((year, month?, day?))
}

/// Returns true if and only if `t` is a clock time ("09:14", "9.30pm"),
/// "am", "pm", "at", or a time zone's abbreviation ("GMT", "EST").
fn is_time_of_day(t: &str) -> bool {
    const ZONES: &[&str] = &[
        "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "WET", "EST", "EDT", "CST", "CDT",
        "MST", "MDT", "PST", "PDT", "ET", "PT", "IST", "JST", "KST", "HKT", "SGT", "AEST", "AEDT",
    ];
    let clock = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t[clock.len()..];
    let is_clock = is_clock(clock) && matches!(suffix, "" | "am" | "pm" | "AM" | "PM");
    is_clock
        || matches!(t, "am" | "pm" | "AM" | "PM" | "at" | "a.m." | "p.m.")
        || ZONES.contains(&t)
}

/// Returns true if and only if `t` is hours and minutes of a day: "9:30",
/// "14.05".
fn is_clock(t: &str) -> bool {
    t.split_once([':', '.']).is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
            && h.parse::<u8>().is_ok_and(|h| h < 24)
            && m < "60"
    })
}

/// Returns true if and only if `line` is a time of day alone ("14:05",
/// "2.31pm", "09:00 GMT", "11:45 a.m."), as a live report opens each entry.
pub fn is_clock_line(line: &str) -> bool {
    let mut tokens = line.split_whitespace();
    let first = tokens.next().unwrap_or_default();
    first.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && is_time_of_day(first)
        && tokens.clone().count() <= 2
        && tokens.all(is_time_of_day)
}

/// Reads a date written in figures with the day first or the month first
/// ("14/03/2026", "03/14/2026", "14.03.2026"), where the order is plain:
/// with dots it is day first, as Europe writes it; with slashes or dashes
/// only a figure above 12 tells, and "03/04/2026" reads as no date.
pub fn day_month_year(raw: &str) -> Option<String> {
    let sep = raw.bytes().find(|b| matches!(b, b'/' | b'.' | b'-'))?;
    let parts: Vec<&str> = raw.split(char::from(sep)).collect();
    let [a, b, year] = parts[..] else {
        return None;
    };
    let figure = |s: &str, most: usize| {
        (1..=most).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !figure(a, 2) || !figure(b, 2) || year.len() != 4 || !figure(year, 4) {
        return None;
    }
    let (a, b, year): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, year.parse().ok()?);
    let (day, month) = if sep == b'.' || a > 12 {
        (a, b)
    } else if b > 12 {
        (b, a)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(year, month, day).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Reads a day of the month: "3", "03", "3rd", "21st".
fn day_number_word(t: &str) -> Option<u32> {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !["", "st", "nd", "rd", "th"].contains(&suffix) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Returns the month (1–12) a word names in English, full or short
/// ("Sept", "Mar"), or `None`.
pub(super) fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let lower = if lower == "sept" { "sep".into() } else { lower };
    MONTHS
        .iter()
        .position(|m| m.starts_with(lower.as_str()) && (lower.len() >= 3))
        .map(|i| i as u32 + 1)
}

/// Returns true if and only if `word` names a day of the week, full or
/// short ("Tue", "Thurs").
pub(super) fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let lower = word.to_ascii_lowercase();
    lower.len() >= 3 && DAYS.iter().any(|d| d.starts_with(lower.as_str()))
}

fn from_unix_ns(ns: i64) -> Option<NaiveDate> {
    DateTime::from_timestamp_nanos(ns).date_naive().into()
}

/// Returns a file's modification time as an ISO date and UTC time.
fn file_time(ns: i64) -> Option<String> {
    (ns > 0).then(|| {
        DateTime::from_timestamp_nanos(ns)
            .format("%Y-%m-%dT%H:%MZ")
            .to_string()
    })
}

/// Returns a day number (days since 1970-01-01) for an ISO date, with or
/// without a time after it, or `None`.
pub fn day_number(date: &str) -> Option<i64> {
    let d = date.trim().get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        d[..4].parse().ok()?,
        d[5..7].parse().ok()?,
        d[8..10].parse().ok()?,
    )?;
    Some(i64::from(date.num_days_from_ce()) - 719_163)
}

/// Returns the ISO date of a day number (see [`day_number`]).
pub fn from_day_number(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day + 719_163).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_context() -> Option<i32> {
        None
    }

    fn norm(raw: &str) -> Option<String> {
        normalise(raw, &no_context, None)
    }

    #[test]
    fn written_dates_become_iso() {
        assert_eq!(norm("March 3, 2026").as_deref(), Some("2026-03-03"));
        assert_eq!(norm("3 March 2026").as_deref(), Some("2026-03-03"));
        assert_eq!(norm("Tuesday, Mar. 3 2026").as_deref(), Some("2026-03-03"));
        assert_eq!(norm("Sept 21st, 2025").as_deref(), Some("2025-09-21"));
        assert_eq!(norm("2026/03/03").as_deref(), Some("2026-03-03"));
        assert_eq!(
            norm("2026-03-03 10:15:00").as_deref(),
            Some("2026-03-03T10:15")
        );
        assert_eq!(
            norm("2026-03-03T10:15:00+02:00").as_deref(),
            Some("2026-03-03T10:15+02:00")
        );
        assert_eq!(
            norm("Tue, 03 Mar 2026 10:15:00 GMT").as_deref(),
            Some("2026-03-03T10:15Z")
        );
        assert_eq!(
            norm("Saturday 7 March 2026, 09:14 GMT").as_deref(),
            Some("2026-03-07")
        );
        assert_eq!(
            norm("March 3, 2026 at 9.30am ET").as_deref(),
            Some("2026-03-03")
        );
        assert_eq!(
            norm("14 Nov 2026, 6:05 PM ICT").as_deref(),
            Some("2026-11-14"),
            "a zone the list lacks"
        );
        assert_eq!(norm("14 Nov ICT 2026"), None, "letters before the year");
        assert_eq!(norm("09:14 March 3 2026"), None, "a time before the month");
        assert_eq!(norm("March 3, 2026 at noon"), None);
        assert_eq!(norm("February 30, 2026"), None);
        assert_eq!(norm("the 2026 budget"), None);
        assert_eq!(norm("May"), None);
        assert_eq!(norm("March 3"), None, "no year and no context");
    }

    #[test]
    fn a_date_without_year_takes_the_year_nearest_the_file_and_may_run_a_day_ahead() {
        // Filed from a zone ahead of the machine that saved it.
        let saved = NaiveDate::from_ymd_opt(1987, 3, 22);
        assert_eq!(
            normalise("March 23", &no_context, saved).as_deref(),
            Some("1987-03-23")
        );
        // Saved on New Year's Eve, dated two days on: next year's.
        let saved = NaiveDate::from_ymd_opt(2026, 12, 31);
        assert_eq!(
            normalise("January 2", &no_context, saved).as_deref(),
            Some("2027-01-02")
        );
        // A week ahead is no zone's doing: last year's.
        let saved = NaiveDate::from_ymd_opt(2026, 3, 22);
        assert_eq!(
            normalise("March 29", &no_context, saved).as_deref(),
            Some("2025-03-29")
        );
    }

    #[test]
    fn a_date_without_year_never_lands_after_the_file_was_saved() {
        let saved = NaiveDate::from_ymd_opt(2027, 1, 5);
        assert_eq!(
            normalise("December 30", &no_context, saved).as_deref(),
            Some("2026-12-30")
        );
        assert_eq!(
            normalise("January 2", &no_context, saved).as_deref(),
            Some("2027-01-02")
        );
        assert_eq!(
            normalise("March 3", &|| Some(1987), saved).as_deref(),
            Some("1987-03-03")
        );
    }

    #[test]
    fn dates_in_figures_are_read_where_their_order_is_plain() {
        let no_year = || None;
        let read = |raw: &str| normalise(raw, &no_year, None);
        assert_eq!(read("14/03/2026").as_deref(), Some("2026-03-14"));
        assert_eq!(read("03/14/2026").as_deref(), Some("2026-03-14"));
        assert_eq!(read("4.3.2026").as_deref(), Some("2026-03-04"));
        assert_eq!(read("14-03-2026").as_deref(), Some("2026-03-14"));
        assert_eq!(read("03/04/2026"), None);
        assert_eq!(read("31/02/2026"), None);
        assert_eq!(read("14/03/26"), None);
        assert_eq!(read("1/2/3/2026"), None);
    }

    #[test]
    fn a_line_of_a_clock_time_is_a_time_of_day() {
        for line in [
            "14:05",
            "9:30",
            "2.31pm",
            "09:00 GMT",
            "11:45 a.m.",
            "7.15 BST",
        ] {
            assert!(is_clock_line(line), "{line:?}");
        }
        for line in [
            "14:75",
            "25:00",
            "3:1",
            "1,204",
            "12 comments",
            "2:30 left",
            "GMT",
            "",
        ] {
            assert!(!is_clock_line(line), "{line:?}");
        }
    }

    #[test]
    fn the_words_after_a_wire_dateline_are_the_story() {
        let after = after_wire_dateline;
        assert_eq!(
            after("MANCHESTER, England (AP) -- Phil Foden scored twice."),
            Some("Phil Foden scored twice.")
        );
        assert_eq!(
            after("COPENHAGEN, Jan 9 (Reuters) - Maersk said on Tuesday."),
            Some("Maersk said on Tuesday.")
        );
        assert_eq!(
            after("REGINA, Sask. — Months without rain."),
            Some("Months without rain.")
        );
        assert_eq!(
            after("March 4, 2024 — The vote passed."),
            Some("The vote passed.")
        );
        assert_eq!(
            after("Kilmory, Argyll (Coast Wire) - Ferries were cancelled."),
            Some("Ferries were cancelled.")
        );
        // Prose with a dash is no dateline.
        assert_eq!(after("Apple, Google — the two giants — held talks."), None);
        assert_eq!(
            after("Smith, Jones (2019) - a review of the evidence."),
            None
        );
        assert_eq!(after("Rates held - for now."), None);
        assert_eq!(after("WASHINGTON —"), None);
    }

    #[test]
    fn wire_datelines_open_the_body() {
        let ctx = || Some(2026);
        let date = |body: &str| wire_dateline(body, &ctx, None);
        assert_eq!(
            date("HOUSTON, March 3 (Reuters) - Oil rose.").as_deref(),
            Some("2026-03-03")
        );
        assert_eq!(
            date("LONDON, 3 March 2025 — Rates held.").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(
            date("March 4, 2024 — The vote passed.").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            date("PELLHAM FALLS, Ontario, March 4 (Tribune) - A train derailed.").as_deref(),
            Some("2026-03-04")
        );
        assert_eq!(
            date("EASTBURY, Conn., Oct. 2, 2026 /PRNewswire/ -- Velmora Inc. announced a merger.")
                .as_deref(),
            Some("2026-10-02")
        );
        assert_eq!(
            date("LONDON/NEW YORK, March 3 (Reuters) - Oil rose.").as_deref(),
            Some("2026-03-03")
        );
        assert_eq!(
            date("SANTIAGO/LIMA/BOGOTA, Nov 9 (Andes Wire) - Copper fell.").as_deref(),
            Some("2026-11-09")
        );
        assert_eq!(date("Buy/sell, March 3 - a note."), None);
        assert_eq!(date("New York (AP) - Stocks fell."), None);
        assert_eq!(
            date("The council met on March 3, 2024 - and voted against it."),
            None
        );
        assert_eq!(
            date("Officials said - on March 3 - that it was closed."),
            None
        );
    }

    #[test]
    fn metadata_beats_the_text_and_the_text_beats_the_file() {
        // 2026-09-21: June 2 is of the same year.
        let mtime = Some(1_790_000_000_000_000_000);
        let body = "ROME, June 2 (Wire) - Talks ended.";
        let r = resolve(Some("2026-06-01"), None, body, body, None, mtime);
        assert_eq!(r, Some(("2026-06-01".into(), DateSource::Metadata)));
        let r = resolve(None, None, body, body, None, mtime);
        assert_eq!(r, Some(("2026-06-02".into(), DateSource::Dateline)));
        let r = resolve(None, None, "Talks ended on June 2.", "", None, mtime);
        assert_eq!(r.map(|d| d.1), Some(DateSource::FileTime));
        assert_eq!(resolve(None, None, "Talks ended.", "", None, None), None);
        let r = resolve(Some("around Easter"), None, body, body, None, mtime);
        assert_eq!(r, Some(("around Easter".into(), DateSource::Metadata)));
    }

    #[test]
    fn the_context_year_prefers_the_address_then_the_file_then_the_most_named_year() {
        let saved = NaiveDate::from_ymd_opt(2026, 6, 1);
        assert_eq!(
            context_year(
                "In 2019 and 2024, 2024.",
                Some("https://x.org/2025/03/a"),
                saved
            ),
            Some(2025)
        );
        assert_eq!(context_year("In 2019 and 2024, 2024.", None, saved), None);
        assert_eq!(
            context_year("In 2019 and 2024, 2024.", None, None),
            Some(2024)
        );
        assert_eq!(context_year("Plans for 2030.", None, None), Some(2030));
        assert_eq!(
            context_year("", Some("https://x.org/2030/a"), saved),
            None,
            "never after the file was saved"
        );
    }

    #[test]
    fn a_story_dated_by_its_dateline_takes_the_file_year_not_the_years_it_names() {
        // 2026-09-21; the story reports on last year's results and next
        // year's plans.
        let mtime = Some(1_790_000_000_000_000_000);
        let body = "OSLO, June 2 - Profit in 2025 rose, and 2025 output set the plan for 2027.";
        let r = resolve(None, None, body, body, None, mtime);
        assert_eq!(r, Some(("2026-06-02".into(), DateSource::Dateline)));
        let body = "OSLO, December 2 - Profit in 2025 rose.";
        let r = resolve(None, None, body, body, None, mtime);
        assert_eq!(r, Some(("2025-12-02".into(), DateSource::Dateline)));
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01T10:00Z"), day_number("2024-03-01"));
        let d = day_number("2026-02-28").unwrap();
        assert_eq!(from_day_number(d + 1), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(day_number("2024-13-01"), None);
    }
}
