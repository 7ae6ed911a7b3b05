//! Cleaning: strip page chrome, find title, author, date and sections, and
//! build an [`Article`] from a [`RawDoc`].
//!
//! A text is read in three zones. The *top* runs up to the first line of
//! prose: chrome there goes, and the headline, byline and dateline are
//! picked out. The *end matter* starts at the first editorial marker
//! ("Sources", "Original article: …", a disclaimer, a note on AI help)
//! after which no prose follows; it is kept apart from the body. Between
//! them is the *body*: chrome-looking lines after the last prose line go,
//! but in the middle of prose only lines that repeat across the corpus do
//! (a lone "Comments" inside an article may well be a real heading).
//! Bylines are taken at the edges only: just below the top, or after the
//! last prose.

use super::candidates::Print;
use super::chrome;
use super::layout::{self, Unit};
use super::structure;
use super::{Article, Block, BlockKind, RawDoc, Source};
use super::{candidates, dates, shingles};

pub use super::chrome::ChromeModel;

/// The longest title made from a lede, in characters.
const LEDE_TITLE_MAX: usize = 80;

/// How far into the body, in units, a byline is still the article's: below
/// a standfirst, a photo and its caption, and a page's widgets.
const NEAR_TOP: usize = 8;

/// What the top and bottom of a text said about the article.
#[derive(Default)]
struct Found {
    title: Option<String>,
    author: Option<String>,
    /// The author's role, as the byline gives it ("Transport
    /// Correspondent").
    author_role: Option<String>,
    /// The byline as printed, where it says more than name and role.
    author_credit: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

impl Found {
    /// Takes a byline's name, role and credit as the author's, unless an
    /// earlier byline gave one, and its date unless one was found; returns
    /// true if it took the author.
    fn take_byline(&mut self, byline: structure::Byline) -> bool {
        if let Some(date) = byline.date {
            self.date.get_or_insert(date);
        }
        if self.author.is_some() {
            return false;
        }
        self.author = Some(byline.name);
        self.author_role = byline.role;
        self.author_credit = byline.credit;
        true
    }
}

/// Cleans one document; `None` when nothing readable is left (empty or
/// chrome-only).
pub fn clean(doc: &RawDoc, chrome: &ChromeModel) -> Option<Article> {
    clean_inner(doc, chrome, false).map(|(a, _)| a)
}

/// Like [`clean`], also returning the article's dedup fingerprints (see
/// [`dedup::dedup_prepared`](super::dedup::dedup_prepared)), computed in the
/// same pass over the text as its id.
pub fn clean_for_dedup(doc: &RawDoc, chrome: &ChromeModel) -> Option<(Article, Vec<Print>)> {
    clean_inner(doc, chrome, true)
}

fn clean_inner(
    doc: &RawDoc,
    chrome: &ChromeModel,
    with_prints: bool,
) -> Option<(Article, Vec<Print>)> {
    let mut units = drop_repeated_chrome(layout::split_units(&doc.text), chrome);
    if let Some(comments) = comments_start(&units) {
        units.truncate(comments);
    }
    let mut prose: Vec<bool> = units.iter().map(counts_as_prose).collect();
    unmark_teasers(&units, &mut prose);
    let first_prose =
        (0..units.len()).find(|&i| prose[i] && !structure::is_end_matter_marker(&units[i].0));
    let end_start = end_matter_start(&units, &prose, first_prose.unwrap_or(0));
    let body_start = first_prose.unwrap_or_else(|| {
        // No sentence anywhere: a table, a list, a short note. The body
        // starts at the first table or list, else after the top chrome.
        units
            .iter()
            .position(|u| u.0.is_preformatted())
            .or_else(|| units.iter().position(|u| !chrome::looks_like_chrome(&u.0)))
            .unwrap_or(units.len())
            .min(end_start)
    });
    let last_prose_at = prose[..end_start].iter().rposition(|&p| p);
    let last_prose = last_prose_at.unwrap_or(body_start);
    let promotion = promotion_at_end(&units, last_prose_at, body_start, end_start);
    let last_prose = if promotion.start < last_prose {
        prose[..promotion.start]
            .iter()
            .rposition(|&p| p)
            .unwrap_or(body_start)
    } else {
        last_prose
    };

    let mut found = Found {
        title: doc.title.clone(),
        ..Found::default()
    };
    let mut body: Vec<&Unit<'_>> = Vec::new();
    read_top(&units[..body_start], &mut found, &mut body);
    // Below the last prose, a "Most read" label heads teasers for other
    // articles: short lines that end no sentence.
    let mut teasers = false;
    let mut byline_above: Option<usize> = None;
    for (i, (unit, _)) in units.iter().enumerate().take(end_start).skip(body_start) {
        let after_prose = i > last_prose;
        if unit.is_preformatted() {
            if !(after_prose && is_teaser_list(&units, i)) {
                body.push(unit);
            }
            continue;
        }
        // Below the top, a byline may follow a standfirst and a photo's
        // caption, with the page's widgets between them (a widget there is
        // the evidence: "By Friday evening" after two paragraphs is prose).
        let near_top = i > body_start
            && i < body_start + NEAR_TOP
            && prose[body_start + 1..i].iter().filter(|&&p| p).count() <= 1
            && units[body_start + 1..i].iter().any(|(u, _)| {
                !u.is_preformatted() && (chrome::is_ad_or_teaser(u) || chrome::looks_like_chrome(u))
            });
        let at_edge = after_prose || i <= body_start + 1 || near_top;
        // The headline again, glued to a photo caption.
        let repeats_title = i == body_start
            && found
                .title
                .as_deref()
                .is_some_and(|t| starts_with_text(unit, t));
        let byline = if at_edge {
            structure::byline_parts(unit)
        } else {
            None
        };
        // Chrome words end an article's text; an ad slot or a teaser for
        // another article is chrome wherever it stands.
        teasers |= after_prose && chrome::is_link_list_label(unit);
        let teaser = teasers && is_teaser_line(unit);
        let chrome_here = (after_prose && chrome::looks_like_chrome(unit))
            || chrome::is_ad_or_teaser(unit)
            || teaser
            || promotion.contains(&i);
        // The byline's date on a line of its own, just below it.
        let dated = byline_above
            .filter(|at| i <= at + 2)
            .and_then(|_| structure::dateline(unit));
        // "Reporting from Ichihara, Japan" under the byline: where the
        // writer filed from, which the byline's credit keeps.
        let filed_from = byline_above
            .filter(|at| i == at + 1)
            .and_then(|_| reporting_from(unit));
        if let Some(byline) = byline {
            found.take_byline(byline);
            byline_above = Some(i);
        } else if let Some(date) = dated {
            found.date.get_or_insert(date);
        } else if let (Some(place), Some(author)) = (filed_from, &found.author) {
            found
                .author_credit
                .get_or_insert_with(|| format!("{author}, reporting from {place}"));
        } else if !repeats_title && !chrome_here {
            if after_prose && let Some(name) = structure::wire_credit_author(unit) {
                found.author.get_or_insert(name);
            }
            body.push(unit);
        }
    }
    let mut end_matter = Vec::new();
    for (unit, _) in &units[end_start..] {
        if let Some(byline) = structure::byline_parts(unit) {
            found.take_byline(byline);
        } else if structure::is_end_matter_marker(unit) || !chrome::looks_like_chrome(unit) {
            if let Some(link) = structure::original_link(unit) {
                found.url.get_or_insert(link);
            } else if let Some(source) = structure::source_note(unit) {
                found.source.get_or_insert(source);
            }
            end_matter.push(unit.to_string());
        }
    }
    // A front-matter title repeated as the first line of the body.
    if let (Some(title), Some(first)) = (&found.title, body.first())
        && same_text(title, first)
    {
        body.remove(0);
    }
    let (text, blocks) = assemble(&body);
    let lede = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .or_else(|| blocks.iter().find(|b| b.kind == BlockKind::Preformatted))?;
    let title = found.title.unwrap_or_else(|| {
        let lede = text[lede.range()].lines().next().unwrap_or_default();
        // The dateline is where the story was filed, not what it says.
        let lede = dates::after_wire_dateline(lede).unwrap_or(lede);
        structure::title_from_lede(lede.trim(), LEDE_TITLE_MAX)
    });
    let (id, prints) = if with_prints {
        candidates::id_and_fingerprints(&text)
    } else {
        (shingles::content_id(&text), Vec::new())
    };
    let (date, date_source) = dates::resolve(
        doc.date.as_deref(),
        found.date.as_deref(),
        &text[lede.range()],
        &text,
        doc.url.as_deref().or(found.url.as_deref()),
        doc.mtime_ns,
    )
    .unzip();
    // A role and a credit are the byline's: they go with the byline's name
    // only.
    let bylines_author = doc.author.is_none() || doc.author == found.author;
    let article = Article {
        id,
        title,
        author_role: found.author_role.filter(|_| bylines_author),
        author_credit: found.author_credit.filter(|_| bylines_author),
        author: doc.author.clone().or(found.author),
        date,
        date_source,
        source: doc.source.clone().or(found.source),
        url: doc.url.clone().or(found.url),
        words: structure::word_count(&text),
        blocks,
        text,
        end_matter,
        links: doc.links.clone(),
        sources: vec![Source::new(doc.path.clone(), 1.0)],
    };
    Some((article, prints))
}

/// The units of a newsletter's promotion that ends the body ("Get the
/// Morning Briefing" over "The day's top stories delivered to your inbox
/// every weekday at 7am."): the promotion's lines, under a short heading,
/// end the prose, and no table follows. Empty when the last prose is no
/// such promotion. `last_prose` is the last unit of prose before the
/// end matter, if any.
fn promotion_at_end(
    units: &[(Unit<'_>, bool)],
    last_prose: Option<usize>,
    body_start: usize,
    end_start: usize,
) -> std::ops::Range<usize> {
    let Some(last) = last_prose else {
        return end_start..end_start;
    };
    // Every unit below the last prose ends no sentence; a table there is
    // the story's own, and the story goes on to it.
    let no_table_below =
        (last + 1..end_start).all(|i| !units[i].0.is_preformatted() || is_teaser_list(units, i));
    let mut start = last + 1;
    while start > body_start + 1
        && !units[start - 1].0.is_preformatted()
        && chrome::is_promotion(&units[start - 1].0)
    {
        start -= 1;
    }
    // A promotion is a box with a heading: a short line that ends no
    // sentence, right above it or its own first line ("Sign up for our
    // newsletter"). A story's last sentence that speaks of a newsletter
    // has prose above it, and stays.
    let is_heading = |unit: &Unit<'_>| {
        !unit.is_preformatted()
            && !structure::ends_sentence(unit)
            && !structure::more_words_than(unit, 8)
    };
    let heading_above = start > body_start + 1 && is_heading(&units[start - 1].0);
    let own_heading = start <= last && is_heading(&units[start].0);
    if start > last || !no_table_below || !(heading_above || own_heading) {
        return end_start..end_start;
    }
    start - usize::from(heading_above)..end_start
}

/// Splits the text's units from the lines the corpus repeats: a repeated
/// line goes when it is chrome where it stands (see
/// [`chrome::repeated_is_chrome`]), its place judged against the prose
/// that is not repeated. Each kept unit says whether it repeats.
fn drop_repeated_chrome<'a>(units: Vec<Unit<'a>>, chrome: &ChromeModel) -> Vec<(Unit<'a>, bool)> {
    let units: Vec<(Unit<'a>, bool)> = units
        .into_iter()
        .map(|u| {
            let repeated = !u.is_preformatted() && chrome.is_repeated(&u);
            (u, repeated)
        })
        .collect();
    if !units.iter().any(|u| u.1) {
        return units;
    }
    let first = units.iter().position(counts_as_prose);
    let last = units.iter().rposition(counts_as_prose);
    units
        .into_iter()
        .enumerate()
        .filter(|(i, (unit, repeated))| {
            let at_edge = first.is_none_or(|f| *i < f) || last.is_none_or(|l| *i > l);
            !repeated || !chrome::repeated_is_chrome(unit, at_edge)
        })
        .map(|(_, u)| u)
        .collect()
}

/// Returns true if and only if a unit is prose that tells where the body
/// runs: a sentence, not a table, and not a line the corpus repeats.
fn counts_as_prose((unit, repeated): &(Unit<'_>, bool)) -> bool {
    // "© 2026 Example Media Ltd. All rights reserved." ends a sentence, and
    // is the page's notice, not the story's.
    !repeated && !unit.is_preformatted() && structure::is_prose(unit) && !chrome::is_copyright(unit)
}

/// Below a "Related stories" label after prose, the short lines are the
/// headlines of other articles, a question among them ("Clubs
/// Championship: who made our team of the season?"): no prose of the
/// story, so no end of its body. The run of teasers ends at the first
/// line that is long or ends a sentence with a full stop, or at a table.
fn unmark_teasers(units: &[(Unit<'_>, bool)], prose: &mut [bool]) {
    let Some(first_prose) = prose.iter().position(|&p| p) else {
        return;
    };
    let mut i = first_prose + 1;
    while i < units.len() {
        let (unit, _) = &units[i];
        i += 1;
        if unit.is_preformatted() || !chrome::is_link_list_label(unit) {
            continue;
        }
        while i < units.len() && !units[i].0.is_preformatted() && is_teaser_line(&units[i].0) {
            prose[i] = false;
            i += 1;
        }
    }
}

/// Returns true if and only if `line` may be the headline of another
/// article in a list of them: short, and ending no sentence unless with a
/// question.
fn is_teaser_line(line: &str) -> bool {
    !structure::more_words_than(line, chrome::MAX_TEASER_WORDS)
        && (!structure::ends_sentence(line) || line.trim_end().ends_with('?'))
}

/// Returns true if and only if unit `i` is a list of teasers: a list
/// right under a "Most read" label whose items are short and end no
/// sentence, as headlines of other articles do.
fn is_teaser_list(units: &[(Unit<'_>, bool)], i: usize) -> bool {
    let (unit, _) = &units[i];
    unit.is_preformatted()
        && i > 0
        && !units[i - 1].0.is_preformatted()
        && chrome::is_link_list_label(&units[i - 1].0)
        && unit.lines().all(|line| {
            !structure::ends_sentence(line)
                && !structure::more_words_than(line, chrome::MAX_TEASER_WORDS)
        })
}

/// Returns where a comment section starts: an opener ("12 Comments")
/// after some prose, with a line of a comment widget ("Reply · 4 likes",
/// "2 hours ago") somewhere below it. The readers' comments are no part of
/// the article; without the widget lines there is no evidence that what
/// follows the word is comments, and it stays.
fn comments_start(units: &[(Unit<'_>, bool)]) -> Option<usize> {
    let first_prose = units
        .iter()
        .position(|(u, _)| !u.is_preformatted() && structure::is_prose(u))?;
    let opener =
        (first_prose + 1..units.len()).find(|&i| chrome::is_comments_opener(&units[i].0))?;
    units[opener + 1..]
        .iter()
        .any(|(u, _)| u.lines().any(chrome::is_comment_widget))
        .then_some(opener)
}

/// Returns the index where end matter starts: the earliest end-matter
/// marker after `from` with no prose after it (markers excepted); the
/// number of units when there is none.
fn end_matter_start(units: &[(Unit<'_>, bool)], prose: &[bool], from: usize) -> usize {
    let mut start = units.len();
    for (i, (unit, _)) in units.iter().enumerate().rev() {
        if i <= from {
            break;
        }
        if !unit.is_preformatted() && structure::is_end_matter_marker(unit) {
            start = i;
        } else if prose[i] || unit.is_preformatted() {
            break;
        }
    }
    start
}

/// Reads the lines before the first prose: chrome goes; a byline gives the
/// author, a dateline the date. The headline is the first headline-like
/// line of four words or more; a shorter one only when it stands alone
/// right above the body with no chrome around it (a short line among menus
/// is a masthead). Lines above the headline are a masthead or section label
/// and go; a copy of it glued to a photo caption goes; other lines below it
/// are body, and so are tables and lists wherever they stand.
fn read_top<'a>(units: &'a [(Unit<'a>, bool)], found: &mut Found, body: &mut Vec<&'a Unit<'a>>) {
    let mut rest: Vec<&'a Unit<'a>> = Vec::with_capacity(units.len());
    let mut saw_chrome = false;
    let mut after_byline = false;
    let mut role_below = false;
    // Lines of a mail's header ("From: …", "Subject: …"): two or more make
    // the top a forwarded mail's.
    let mail_headers = units
        .iter()
        .filter(|(u, _)| !u.is_preformatted() && mail_header(u).is_some())
        .count();
    let mut mail_subject: Option<&str> = None;
    for (unit, _) in units {
        let below_byline = std::mem::take(&mut after_byline);
        if unit.is_preformatted() {
            rest.push(unit);
        } else if chrome::looks_like_chrome(unit) {
            // "Posted 3 November 2026 · 2 min read": a reading time reads
            // as a widget's counter, and the line still gives the date.
            match structure::dateline(unit) {
                Some(date) => _ = found.date.get_or_insert(date),
                None => saw_chrome = true,
            }
        } else if let Some(byline) = structure::byline_parts(unit) {
            // Only the byline that gives the author takes a role below.
            role_below = found.take_byline(byline) && found.author_role.is_none();
            after_byline = true;
        } else if below_byline && structure::is_byline_role(unit) {
            // "By Hannah Osei" over "Science Reporter": the byline's role
            // on a line of its own, as ", Science Reporter" is on one line.
            if std::mem::take(&mut role_below) {
                found.author_role = Some(unit.trim().to_owned());
            }
        } else if let Some(date) = structure::dateline(unit) {
            found.date.get_or_insert(date);
        } else if let Some(header) = mail_header(unit).filter(|_| mail_headers >= 2) {
            // A forwarded mail's header: its subject may title the story.
            if let MailHeader::Subject(subject) = header {
                mail_subject.get_or_insert(subject);
            }
        } else if !is_stamp_label(unit) {
            rest.push(unit);
        }
    }
    let lines: Vec<usize> = (0..rest.len())
        .filter(|&j| !rest[j].is_preformatted())
        .collect();
    let mut below = 0;
    if found.title.is_none() {
        let headline = lines
            .iter()
            .copied()
            .find(|&j| structure::is_headline(rest[j]) && structure::word_count(rest[j]) >= 4)
            .or_else(|| {
                (lines.len() == 1 && !saw_chrome && structure::is_headline(rest[lines[0]]))
                    .then(|| lines[0])
            });
        if let Some(j) = headline {
            found.title = Some(rest[j].to_string());
            below = j + 1;
        } else if let Some(subject) = mail_subject {
            found.title = Some(subject.to_owned());
        } else if saw_chrome {
            // No headline, but menus: short title-like lines are mastheads.
            below = rest
                .iter()
                .take_while(|u| {
                    !u.is_preformatted()
                        && structure::is_headline(u)
                        && structure::word_count(u) <= 3
                })
                .count();
        }
    } else if let Some(title) = found.title.as_deref() {
        // The page's metadata named the title and the body repeats it: a
        // short title-like line above it is a section label ("LOCAL
        // GOVERNMENT" over the headline), as above a headline found here.
        let repeated_at = lines.iter().position(|&j| starts_with_text(rest[j], title));
        if let Some(at) = repeated_at
            && lines[..at].iter().all(|&j| {
                structure::is_headline(rest[j]) && !structure::more_words_than(rest[j], 3)
            })
        {
            below = lines[at];
        }
    }
    for (j, unit) in rest.into_iter().enumerate() {
        // Above the headline stand labels and mastheads; a sentence there
        // ("Worth a look for Thursday." from whoever forwarded the story)
        // is somebody's words and stays.
        let above = j < below && !unit.is_preformatted() && !structure::ends_sentence(unit);
        let repeats_title = found
            .title
            .as_deref()
            .is_some_and(|t| !unit.is_preformatted() && starts_with_text(unit, t));
        if !above && !repeats_title {
            body.push(unit);
        }
    }
}

/// A line of a mail's header.
enum MailHeader<'a> {
    /// "Subject: Fwd: Lisbon tram fares": the subject, its "Fwd:" or "Re:"
    /// dropped.
    Subject(&'a str),
    /// "From:", "To:", "Cc:", "Sent:", "Reply-To:", or an empty subject.
    Other,
}

/// Reads `line` as a line of a mail's header; `None` for any other line.
fn mail_header(line: &str) -> Option<MailHeader<'_>> {
    const LABELS: &[&str] = &["from", "to", "cc", "bcc", "sent", "reply-to", "subject"];
    let (label, value) = line.split_once(':')?;
    let label = label.trim();
    let value = value.trim();
    if value.is_empty()
        || structure::more_words_than(value, 30)
        || !LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
    {
        return None;
    }
    if !label.eq_ignore_ascii_case("subject") {
        return Some(MailHeader::Other);
    }
    let mut subject = value;
    while let Some((prefix, rest)) = subject.split_once(':')
        && ["fwd", "fw", "re", "tr", "wg", "aw"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(prefix.trim()))
    {
        subject = rest.trim();
    }
    Some(if subject.is_empty() {
        MailHeader::Other
    } else {
        MailHeader::Subject(subject)
    })
}

/// The place of a "Reporting from Ichihara, Japan" line: a few words.
fn reporting_from(line: &str) -> Option<&str> {
    const OPENING: &str = "reporting from ";
    let place = line
        .get(..OPENING.len())
        .filter(|o| o.eq_ignore_ascii_case(OPENING))
        .map(|_| line[OPENING.len()..].trim())?;
    (!place.is_empty() && !structure::more_words_than(place, 6) && !structure::ends_sentence(place))
        .then_some(place)
}

/// Returns true if and only if `line` is a date stamp's label alone, its
/// date on the next line ("Published" over "3 October 2026").
fn is_stamp_label(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "published",
        "updated",
        "posted",
        "last updated",
        "first published",
    ];
    let label = line.trim().trim_end_matches(':');
    LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
}

/// Returns true if and only if `a` and `b` are the same text up to case and
/// spacing.
fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

/// Returns true if and only if `line` begins with all the words of `title`.
fn starts_with_text(line: &str, title: &str) -> bool {
    let mut line_words = line.split_whitespace();
    title
        .split_whitespace()
        .all(|t| line_words.next().is_some_and(|l| l.eq_ignore_ascii_case(t)))
}

/// Joins the body units into the article text and its blocks: a unit is a
/// heading when it reads as one, stands after another unit and introduces
/// prose (see [`HEADING_RUN`]); tables and lists are preformatted blocks.
fn assemble(body: &[&Unit<'_>]) -> (String, Vec<Block>) {
    let mut text = String::with_capacity(body.iter().map(|u| u.len() + 2).sum());
    let mut blocks = Vec::with_capacity(body.len());
    let mut heads: Vec<bool> = Vec::with_capacity(body.len());
    for (i, unit) in body.iter().enumerate() {
        let reads_as_heading = !unit.is_preformatted() && structure::is_heading(unit);
        heads.push(reads_as_heading);
        let kind = if unit.is_preformatted() {
            BlockKind::Preformatted
        } else if i > 0 && reads_as_heading {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(unit);
        // A text past 4 GiB (no file read is that large) has no blocks.
        blocks.extend(Block::new(kind, start..text.len()));
    }
    if blocks.len() == body.len() {
        unhead_runs(&heads, &mut blocks);
    }
    (text, blocks)
}

/// The most lines in a row that can be headings: a section's heading over
/// a subsection's. More in a row are a list or a schedule ("Monday:
/// Eurozone output" over "Tuesday: US retail sales").
const HEADING_RUN: usize = 2;

/// A heading must introduce something: a run of lines that read as
/// headings (`heads`) and runs to the end, or holds more than
/// [`HEADING_RUN`] of them, is paragraphs.
fn unhead_runs(heads: &[bool], blocks: &mut [Block]) {
    let mut start = 0;
    while start < heads.len() {
        if !heads[start] {
            start += 1;
            continue;
        }
        let end = start + heads[start..].iter().take_while(|&&h| h).count();
        if end == heads.len() || end - start > HEADING_RUN {
            for block in &mut blocks[start..end] {
                if block.kind == BlockKind::Heading {
                    block.kind = BlockKind::Paragraph;
                }
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> RawDoc {
        RawDoc {
            path: "t.txt".into(),
            text: text.into(),
            ..RawDoc::default()
        }
    }

    fn clean_str(text: &str) -> Article {
        clean(&doc(text), &ChromeModel::default()).expect("article")
    }

    #[test]
    fn a_byline_below_a_standfirst_a_caption_and_widgets_is_the_article_s() {
        let a = clean_str(
            "Harbour Opens Its First Tidal Turbine\n\nThe two-megawatt turbine will power about 1,500 homes, the council said.\n\nListen to this article · 4:10 min Learn more\n\nShare full article\n\nImage\n\nEngineers lowering the turbine at the harbour mouth.Credit...Ana Ruiz for The Ledger\n\nBy Tomás Reyes\n\nReporting from Stromness, Scotland\n\nNov. 28, 2026\n\nThe turbine was lowered into the channel on Friday after two years of delays.\n\nIt is expected to run for twenty years.",
        );
        assert_eq!(a.author.as_deref(), Some("Tomás Reyes"));
        assert_eq!(
            a.byline().as_deref(),
            Some("Tomás Reyes, reporting from Stromness, Scotland")
        );
        assert_eq!(a.date.as_deref(), Some("2026-11-28"));
        let paragraphs: Vec<&str> = a.paragraphs().collect();
        assert_eq!(paragraphs.len(), 4, "{paragraphs:?}");
        assert!(
            paragraphs[1].starts_with("Engineers lowering"),
            "{paragraphs:?}"
        );
        assert_eq!(a.headings().count(), 0);
    }

    #[test]
    fn a_forwarded_mail_s_header_goes_and_the_forwarder_s_note_stays() {
        let a = clean_str(
            "---------- Forwarded message ---------\nFrom: Nadia Ferreira <nadia@example.org>\nDate: Tue, 17 Nov 2026 at 09:14\nSubject: Fwd: Lisbon tram fares\nTo: <desk@example.org>\n\nWorth a look for Thursday.\n\nLisbon to freeze tram fares for a third year\n\nLisbon city council voted on Monday to freeze fares on the city's trams and buses for a third year.\n\nThe vote passed 9-8.",
        );
        assert_eq!(a.title, "Lisbon to freeze tram fares for a third year");
        assert_eq!(a.date.as_deref(), Some("2026-11-17"));
        let paragraphs: Vec<&str> = a.paragraphs().collect();
        assert_eq!(paragraphs[0], "Worth a look for Thursday.");
        assert!(
            !a.text.contains("From:") && !a.text.contains("Forwarded"),
            "{}",
            a.text
        );
        // Without a headline the subject titles the story.
        let a = clean_str(
            "From: Nadia Ferreira <nadia@example.org>\nSubject: RE: Fwd: Lisbon tram fares\n\nLisbon city council voted on Monday to freeze fares on the city's trams and buses for a third year.",
        );
        assert_eq!(a.title, "Lisbon tram fares");
        // One such line alone is no mail's header.
        let a = clean_str(
            "From: the archive\n\nLisbon city council voted on Monday to freeze fares on the city's trams and buses for a third year.",
        );
        assert!(a.text.contains("From: the archive") || a.title.contains("From: the archive"));
    }

    #[test]
    fn a_stamp_s_label_and_a_wire_s_contacts_are_not_the_story() {
        let a = clean_str(
            "Storm closes coast road\n\nPublished\n3 October 2026\n\nThe coast road was closed on Saturday after gusts of up to 90mph brought down trees.\n\nEngineers expect to reopen it on Monday.\n\nTo contact the reporter on this story:\nAna Ruiz in Madrid at aruiz@example.net\n\nTo contact the editors responsible for this story:\nJo Lee at jlee@example.net",
        );
        assert_eq!(a.date.as_deref(), Some("2026-10-03"));
        assert_eq!(a.paragraphs().count(), 2);
        assert_eq!(a.headings().count(), 0);
        assert!(
            a.end_matter.iter().any(|l| l.contains("aruiz@example.net")),
            "{:?}",
            a.end_matter
        );
    }

    #[test]
    fn a_heading_introduces_prose_and_a_schedule_is_no_run_of_headings() {
        let a = clean_str(
            "Markets week ahead\n\nShares rose on Friday as traders waited for the central bank.\n\nWhat to watch\n\nThe calendar is busy before the holiday.\n\nON THE CALENDAR\n\nMonday: Eurozone industrial production\n\nTuesday: US retail sales\n\nWednesday: Federal Reserve decision\n\nTraders expect the bank to hold rates steady this month.\n\nAnna Berg\n\nMarkets desk, Frankfurt",
        );
        let headings: Vec<&str> = a.headings().collect();
        assert_eq!(headings, ["What to watch"]);
        let paragraphs: Vec<&str> = a.paragraphs().collect();
        for line in [
            "ON THE CALENDAR",
            "Tuesday: US retail sales",
            "Anna Berg",
            "Markets desk, Frankfurt",
        ] {
            assert!(paragraphs.contains(&line), "{line}: {paragraphs:?}");
        }
        // A section's heading over a subsection's stays.
        let a = clean_str(
            "Budget explained\n\nThe council set its budget on Tuesday night after a long debate.\n\nSpending\n\nSchools\n\nSchools get four per cent more than last year.\n\nRoads get less.",
        );
        assert_eq!(a.headings().collect::<Vec<_>>(), ["Spending", "Schools"]);
    }

    #[test]
    fn headline_byline_and_chrome_at_edges() {
        let a = clean_str(
            "Home | Markets | Sport | Weather\nEN FR\n\nCopper hits record as smelters cut output\n\nBy Lena Fischer, commodities reporter\n\nCopper prices rose to a record on Monday after two large smelters in Chile announced output cuts for the rest of the year.\n\nSupply squeeze\n\nTraders said stocks in London warehouses had fallen to their lowest level since 2008.\n\nShare\nfacebook twitter email\n3 Comments\n",
        );
        assert_eq!(a.title, "Copper hits record as smelters cut output");
        assert_eq!(a.author.as_deref(), Some("Lena Fischer"));
        assert_eq!(a.headings().collect::<Vec<_>>(), ["Supply squeeze"]);
        assert_eq!(a.paragraphs().count(), 2);
        assert!(!a.text.contains("Comments"));
        assert!(!a.text.contains("Markets |"));
    }

    #[test]
    fn a_copied_page_loses_its_menu_teasers_and_copyright() {
        let a = clean_str(
            "Home  News  Sport  Business  Weather\n\nHarbour wall repairs to start in May\n\nBy Ana Ruiz, Reporter\nSaturday 7 March 2026, 09:14 GMT\n\nRepairs to the harbour wall will start in May, the council said on Friday.\n\nThe work will cost about £2m and take a year.\n\nAdvertisement\n\nMost read\n\nCouncil tax to rise by 4.9% from April\n\nTown centre bakery wins national award\n\n© 2026 Example Media Ltd\n",
        );
        assert_eq!(a.title, "Harbour wall repairs to start in May");
        assert_eq!(a.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.author_role.as_deref(), Some("Reporter"));
        assert_eq!(a.date.as_deref(), Some("2026-03-07"));
        assert_eq!(a.paragraphs().count(), 2, "{}", a.text);
        assert!(a.text.ends_with("take a year."), "{}", a.text);
    }

    #[test]
    fn a_section_trail_of_two_labels_and_a_save_button_are_not_the_headline() {
        let a = clean_str(
            "Sport  >  Rowing\n\nShare\nSave article\n\nLakeside club wins the regional eights\n\nThe Lakeside crew won the regional eights on Sunday by two lengths, the club said.\n\nIt was the club's first title since 1998.\n\nSave article\n",
        );
        assert_eq!(a.title, "Lakeside club wins the regional eights");
        assert_eq!(a.paragraphs().count(), 2, "{}", a.text);
        assert!(!a.text.contains("Save article"), "{}", a.text);
        assert!(!a.text.contains("Rowing"), "{}", a.text);
    }

    #[test]
    fn a_newsletter_promotion_ending_the_body_goes_and_a_story_of_one_stays() {
        let a = clean_str(
            "Ferry fares rise\n\nFares on the island ferry will rise by 6% in April, the operator said on Monday.\n\nThe council said it would review the subsidy.\n\nGet the Morning Briefing\n\nThe day's top stories delivered to your inbox every weekday at 7am.\n\nSign up\n",
        );
        assert!(a.text.ends_with("review the subsidy."), "{}", a.text);
        let b = clean_str(
            "Newsletter booms\n\nA local newsletter now reaches 40,000 readers, its founder said.\n\nShe said readers sign up for its weekday edition to get council news in their inbox before work.\n",
        );
        assert!(b.text.ends_with("before work."), "{}", b.text);
    }

    #[test]
    fn a_sign_up_box_and_a_most_read_list_below_the_story_go() {
        let a = clean_str(
            "Town hall vote delayed\n\nShare this article\nFacebook\nX\nEmail\n\nThe vote on the new town hall was delayed by a month, the council said on Tuesday.\n\nCouncillors asked for a second cost estimate before they decide.\n\nTopics: Politics | Council\n\nMost read\n\n1. Bus lane fines double in a year\n2. Library reopens after flood repairs\n\nSign up for our newsletter\n\nThe week's council news delivered to your inbox every Monday.\n\nEnter your email address\n\nSign up\n\nBy signing up you agree to our Privacy Policy.\n\n© 2026 Valley Gazette Ltd. All rights reserved.\n",
        );
        assert!(a.text.starts_with("The vote"), "{}", a.text);
        assert!(a.text.ends_with("before they decide."), "{}", a.text);
        // A list under no teaser label, ending the story, is the story's.
        let b = clean_str(
            "Budget at a glance\n\nThe council set its budget for next year on Thursday, with three changes.\n\nThe changes:\n\n1. Parking charges rise by 20p\n2. Two libraries open on Sundays\n",
        );
        assert!(
            b.text.contains("Two libraries open on Sundays"),
            "{}",
            b.text
        );
    }

    #[test]
    fn a_question_among_related_headlines_ends_no_story() {
        let a = clean_str(
            "Rates held at 4%\n\nThe central bank held its main rate at 4% on Thursday, as expected.\n\nTwo members voted for a cut, the minutes showed.\n\nShare this article\nFacebook\nX\nWhatsApp\nEmail\nCopy link\n\nRelated stories\n\nBond yields fall to a one-year low\n\nMortgages: will fixed rates come down this year?\n\n© 2026 Market Daily Ltd. All rights reserved.\n",
        );
        assert!(a.text.ends_with("the minutes showed."), "{}", a.text);
        // A story's own question after its own prose stays.
        let b = clean_str(
            "Pool to close\n\nThe town pool will close for repairs in June, the council said.\n\nWhere will swimmers go?\n",
        );
        assert!(b.text.ends_with("Where will swimmers go?"), "{}", b.text);
    }

    #[test]
    fn a_wire_credit_names_the_author_and_stays() {
        let a = clean_str(
            "RATES RISE\n\nFRANKFURT, March 12 (Reuters) - Yields rose on Thursday.\n\nTraders cut their bets.\n\n(Reporting by Jonas Reinholt; Editing by Alison Marsh)\n",
        );
        assert_eq!(a.author.as_deref(), Some("Jonas Reinholt"));
        assert!(
            a.text
                .contains("(Reporting by Jonas Reinholt; Editing by Alison Marsh)")
        );
        assert_eq!(
            structure::wire_credit_author("(Reporting by the desk)"),
            None
        );
        for (credit, author) in [
            (
                "(Reporting by Lisa Ma and Pranav Kashyap in Bengaluru; Editing by Maju Samuel)",
                "Lisa Ma and Pranav Kashyap",
            ),
            (
                "(Reporting by Hana Kovac in Vienna and Piet Wu in Rotterdam; Editing by Jo Lee)",
                "Hana Kovac and Piet Wu",
            ),
            (
                "(Reporting by Ana Ruiz, Tom Hale and Rosa Field; Writing by Jo Lee)",
                "Ana Ruiz, Tom Hale and Rosa Field",
            ),
            // A part that is no name: the first reporter alone.
            (
                "(Reporting by Ana Ruiz and the Madrid newsroom; Editing by Jo Lee)",
                "Ana Ruiz",
            ),
        ] {
            assert_eq!(
                structure::wire_credit_author(credit).as_deref(),
                Some(author)
            );
        }
    }

    #[test]
    fn a_byline_keeps_where_the_writer_filed_from_and_its_date() {
        let a = clean_str(
            "Ferry crews vote to strike over rosters\n\nBy Morag Sinclair in Oban, Transport Reporter\n\nCrews on the island ferries voted by three to one to strike over new rosters, their union said on Friday.\n",
        );
        assert_eq!(a.author.as_deref(), Some("Morag Sinclair"));
        assert_eq!(a.author_role.as_deref(), Some("Transport Reporter"));
        // Where she filed from is kept, as the byline printed it.
        assert_eq!(
            a.byline().as_deref(),
            Some("Morag Sinclair in Oban, Transport Reporter")
        );
        assert!(
            a.text.starts_with("Crews on the island ferries"),
            "{}",
            a.text
        );
        let a = clean_str(
            "Wheat harvest starts early\n\nBy Hal Brennan, 14 July 2025\n\nFarmers in the east began cutting wheat a fortnight early after a hot, dry June, the growers' association said.\n",
        );
        assert_eq!(a.byline().as_deref(), Some("Hal Brennan"));
        assert_eq!(a.author_credit, None);
        assert_eq!(a.date.as_deref(), Some("2025-07-14"), "the byline's date");
    }

    #[test]
    fn a_byline_role_on_its_own_line_goes_with_the_byline() {
        let a = clean_str(
            "Reservoir levels fall to a ten-year low\n\nBy Tomas Lindgren\nEnvironment Correspondent\n\nWater in the county's reservoirs fell to its lowest level in ten years after the driest summer on record, the water board said on Tuesday.\n",
        );
        assert_eq!(a.author.as_deref(), Some("Tomas Lindgren"));
        // The role is kept apart, not lost.
        assert_eq!(a.author_role.as_deref(), Some("Environment Correspondent"));
        assert_eq!(
            a.byline().as_deref(),
            Some("Tomas Lindgren, Environment Correspondent")
        );
        assert!(
            a.text.starts_with("Water in the county's reservoirs"),
            "{}",
            a.text
        );
        // Without a byline above it, the same line is body text.
        let a = clean_str(
            "Reservoir levels fall to a ten-year low\n\nEnvironment Correspondent\n\nWater in the county's reservoirs fell to its lowest level in ten years after the driest summer on record, the water board said on Tuesday.\n",
        );
        assert!(a.text.contains("Environment Correspondent"), "{}", a.text);
    }

    #[test]
    fn an_ad_slot_and_a_teaser_in_mid_article_go_and_the_prose_stays() {
        let a = clean_str(
            "Ferry timetable cut for winter\n\nThe operator will run four sailings a day instead of six from November, it said on Friday.\n\nAdvertisement\n\nRead more: Island shop owners fear a quiet season\n\nIslanders said the cut would make it harder to reach the hospital on the mainland.\n",
        );
        assert!(!a.text.contains("Advertisement"), "{}", a.text);
        assert!(!a.text.contains("Read more"), "{}", a.text);
        assert!(a.text.contains("four sailings a day"));
        assert!(a.text.ends_with("hospital on the mainland."));
    }

    #[test]
    fn a_headline_that_opens_with_a_quotation_is_the_title_and_an_interview_credit_the_author() {
        let a = clean_str(
            "“Every tide is different”: a morning with the harbour pilots\n\nInterview by Sofia Brandt\n\nQ: How long have you guided ships into this port?\n\nA: Nineteen years, and no two mornings have been the same.\n",
        );
        assert_eq!(
            a.title,
            "“Every tide is different”: a morning with the harbour pilots"
        );
        assert_eq!(a.author.as_deref(), Some("Sofia Brandt"));
        assert!(a.text.starts_with("Q: How long"), "{}", a.text);
    }

    #[test]
    fn a_section_label_above_a_title_the_metadata_named_goes() {
        let mut raw = doc(
            "LOCAL GOVERNMENT\n\nTown budget squeezed by pension costs\n\nThe town faces a gap of two million dollars in next year's budget, the finance director said.\n",
        );
        raw.title = Some("Town budget squeezed by pension costs".into());
        let a = clean(&raw, &ChromeModel::default()).expect("article");
        assert!(a.text.starts_with("The town faces"), "{}", a.text);
        // A sentence above the repeated title is no label: it stays.
        let mut raw = doc(
            "Voters will decide in November.\n\nTown budget squeezed by pension costs\n\nThe town faces a gap of two million dollars in next year's budget, the finance director said.\n",
        );
        raw.title = Some("Town budget squeezed by pension costs".into());
        let a = clean(&raw, &ChromeModel::default()).expect("article");
        assert!(a.text.starts_with("Voters will decide"), "{}", a.text);
    }

    #[test]
    fn a_reading_time_hides_neither_the_byline_nor_the_date() {
        let a = clean_str(
            "Ferry fares rise for winter\n\nBy Rhys Morgan · 4 min read\n\nPosted 3 November 2026 · 2 min read\n\nFares on the island ferry will rise by eight percent from January, the operator said on Monday.\n",
        );
        assert_eq!(a.author.as_deref(), Some("Rhys Morgan"));
        assert_eq!(a.date.as_deref(), Some("2026-11-03"), "{a:?}");
        assert!(a.text.starts_with("Fares on the island"), "{}", a.text);
    }

    #[test]
    fn a_comment_section_goes_with_its_widgets_and_a_heading_alone_stays() {
        let story = "Pool closure sparks protest\n\nAround 200 people gathered outside the town hall on Saturday to protest against the closure of the pool.\n\nThe council said no money had been set aside for repairs this year.\n\n";
        let a = clean_str(&format!(
            "{story}Share this story\nFacebook\nTwitter\n\n12 Comments\nSort by: Newest\n\nPaulT · 2 hours ago\nThis is outrageous, the council never listens to anyone.\nReply · 4 likes\n"
        ));
        assert!(
            a.text.ends_with("set aside for repairs this year."),
            "{}",
            a.text
        );
        // "Comments" as a section of the story, with no widget below it.
        let a = clean_str(&format!(
            "{story}Comments\n\nResidents can send comments on the plan to the council until May.\n"
        ));
        assert!(a.text.ends_with("until May."), "{}", a.text);
    }

    #[test]
    fn a_short_masthead_among_menus_is_not_a_title() {
        let a = clean_str(
            "Valley Courier\nHome | News | Sport | Events\n\nThe bakery on Mill Street closed on Saturday after forty years, its owners said.\n",
        );
        assert!(
            a.title.starts_with("The bakery on Mill Street"),
            "{}",
            a.title
        );
        let b = clean_str(
            "Rates Held\n\nThe central bank kept its main rate unchanged on Thursday, as expected.\n",
        );
        assert_eq!(b.title, "Rates Held");
    }

    #[test]
    fn a_byline_like_line_inside_the_body_is_kept() {
        let a = clean_str(
            "The harbour authority said on Monday that night shifts would resume at the end of the month.\nUnions welcomed the decision but asked for written guarantees on rest days.\nBy Friday Evening\nThe first ships are expected to dock before the weekend, officials said.",
        );
        assert_eq!(a.author, None);
        assert!(a.text.contains("By Friday Evening"));
    }

    #[test]
    fn chrome_word_in_the_middle_of_prose_is_kept() {
        let a = clean_str(
            "The committee met for three hours and heard from every resident who asked to speak.\nComments\nThe committee will publish the comments it received before the vote next month.",
        );
        assert!(a.text.contains("\n\nComments\n\n"));
    }

    #[test]
    fn end_matter_is_kept_apart() {
        let a = clean_str(
            "The striker scored twice in the second half to seal the title for the club.\nIt was their first league title in eleven years, and fans filled the streets.\nSources\nLeague table, official site\nDisclaimer: figures are provisional.",
        );
        assert_eq!(
            a.end_matter,
            [
                "Sources",
                "League table, official site",
                "Disclaimer: figures are provisional."
            ]
        );
        assert_eq!(a.paragraphs().count(), 2);
    }

    #[test]
    fn lede_title_when_no_headline() {
        let a = clean_str(
            "Scientists at the polar station recorded the lowest winter temperature in forty years on Friday, beating the previous record by almost two degrees.\nThe reading was confirmed by a second sensor.",
        );
        assert!(a.title.chars().count() <= 80);
        assert!(a.title.ends_with('…'));
        assert!(a.title.starts_with("Scientists at the polar station"));
    }

    #[test]
    fn a_lede_title_leaves_the_dateline_in_the_text() {
        let a = clean_str(
            "WELLINGTON, New Zealand (AP) -- Voters rejected a plan to sell the city's airport stake on Saturday.\n\nThe council had backed the sale.",
        );
        assert_eq!(
            a.title,
            "Voters rejected a plan to sell the city's airport stake on Saturday"
        );
        assert!(a.text.starts_with("WELLINGTON, New Zealand (AP) -- Voters"));
    }

    #[test]
    fn arbitrary_text_never_panics() {
        const PIECES: &[&str] = &[
            "a",
            "B",
            " ",
            "\n",
            "\n\n",
            ".",
            "?",
            "—",
            "é",
            "İ",
            "K",
            "€",
            "日本",
            "“",
            "”",
            "'",
            "By ",
            "Author:",
            "Sources",
            "Original article: x.org/1",
            "Share",
            "0",
            "2024-",
            "#",
            "|",
            "•",
            "1.",
            "Skip to content",
            "ua en ru",
            "Mr.",
            "   ",
        ];
        let mut state = 7u64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(state % 60) {
                state = shingles::mix(state);
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            state = shingles::mix(state);
            if let Some(a) = clean(&doc(&text), &ChromeModel::default()) {
                for b in &a.blocks {
                    assert!(a.text.get(b.range()).is_some());
                }
                assert!(a.title.chars().count() <= 200);
            }
        }
    }

    #[test]
    fn chrome_only_text_gives_nothing() {
        assert!(
            clean(
                &doc("Skip to content\nShare\n0 Comments\n"),
                &ChromeModel::default()
            )
            .is_none()
        );
        assert!(clean(&doc("   \n\n"), &ChromeModel::default()).is_none());
    }

    #[test]
    fn ids_depend_on_content_not_path() {
        let mut d = doc("Same words in a body that says something about rates and the bank.");
        let a = clean(&d, &ChromeModel::default()).unwrap();
        d.path = "other.txt".into();
        let b = clean(&d, &ChromeModel::default()).unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.len(), 16);
    }
}
