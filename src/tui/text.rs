//! Every user-facing string of the reader, in one place.

use super::document::Labels;
use super::layout::Pane;
use crate::entities::EntityKind;

pub const APP: &str = "dossier";
pub const LIST: &str = "Articles";
pub const READER: &str = "Article";
pub const ENTITIES_ARTICLE: &str = "Entities · this article";
pub const ENTITIES_CORPUS: &str = "Entities · all articles";
pub const ENTITY_LEGEND: &str = "× here · + elsewhere";
pub const HELP: &str = "Keys";
pub const WARNINGS: &str = "Load warnings";
pub const NO_WARNINGS: &str = "No load warnings: every file was read.";
pub const LOADING: &str = "Loading";
pub const STARTING: &str = "starting";
/// The reading pane's line while the texts of a listed folder are read.
pub const READING_TEXTS: &str = "reading the text…";
pub const SEARCHING: &str = "searching the text…";
pub const NO_MORE_MATCHES: &str = "no other match";

/// The footer after n/N moved to another article of the list.
pub fn article_of(position: usize, of: usize) -> String {
    format!("article {position} of {of}")
}

/// The prompt's line for the text hits of its free words.
pub fn text_hits(total: usize, words: &str) -> String {
    let noun = if total == 1 {
        ARTICLE_WORD
    } else {
        ARTICLES_WORD
    };
    format!("{total} {noun} say \"{words}\"")
}

pub const THREADS_PENDING: &str = "threads are still being found…";
pub const FILTER_WAITS: &str =
    "entities are still being found: the filter applies as soon as they are ready";
pub const PROMPT_HINT_FINDING: &str =
    "titles now · entity names and text search once the entities are found (Enter waits for them)";
pub const NO_THREAD: &str = "this article is in no thread: no other article reports the same story";
pub const NO_RELATED: &str = "no other article shares an entity with this one";
pub const THREAD_MARK: char = '≡';

/// The header's label for a listed thread.
pub fn thread_label(name: &str) -> String {
    format!("thread: {name}")
}

/// The header's label for the related articles of one.
pub fn related_label(title: &str) -> String {
    format!("related to: {title}")
}

/// The picture's heading: whose, and how long one bar lasts.
pub fn picture_heading(name: &str, bucket: &str) -> String {
    format!("{name} · per {bucket}")
}

/// How long one bar of a picture lasts, in words.
pub fn bucket_name(bucket: crate::picture::Bucket) -> &'static str {
    use crate::picture::Bucket;
    match bucket {
        Bucket::Day => "day",
        Bucket::Week => "week",
        Bucket::Month => "month",
        Bucket::Years(1) => "year",
        Bucket::Years(_) => "few years",
    }
}

/// The span a picture's bars cover, and its undated articles.
pub fn picture_span(first: &str, last: &str, undated: u32) -> String {
    if undated == 0 {
        format!("{first} … {last}")
    } else {
        format!("{first} … {last} · {undated} undated")
    }
}

/// A picture without dated articles.
pub fn picture_undated(undated: u32) -> String {
    format!("no dates in this corpus ({undated} undated)")
}

/// The head of the picture's "often with" row.
pub const OFTEN_WITH: &str = "often with: ";
pub const OFTEN_WITH_NOBODY: &str = "often with: nobody yet";

/// The entries of the "often with" row: each entity with its name and how
/// many articles name both.
pub fn often_with_entries(
    lib: &crate::pipeline::Library,
    picture: &crate::picture::Picture,
) -> Vec<(crate::entities::EntityId, String)> {
    picture
        .often_with
        .iter()
        .filter_map(|o| {
            let e = lib.index.entity(o.entity)?;
            Some((o.entity, format!("{} {}", e.name, o.articles)))
        })
        .collect()
}

/// The header's word for the list's order (none for file order).
pub fn order_label(key: crate::sort::SortKey) -> Option<String> {
    (key != crate::sort::SortKey::Corpus).then(|| format!("by {}", key.name()))
}

/// An article's date as the list and the reader show it: a date taken
/// from the file's modification time says so.
pub fn shown_date(article: &crate::corpus::Article) -> Option<String> {
    let date = article.date.as_deref()?;
    let day = date.get(..10).unwrap_or(date);
    Some(match article.date_source {
        Some(crate::corpus::DateSource::FileTime) => format!("file {day}"),
        _ => day.to_owned(),
    })
}

pub const NO_ARTICLES: &str = "No article matches the filter. Esc clears it.";
pub const NO_ENTITIES: &str = "No entities found in this article.";
pub const PROMPT: &str = "/";
pub const PROMPT_HINT: &str = "entity or title · kind:term (country: company: person: org: place:) · other words search the text · all must hold";
pub const NO_SUGGESTIONS: &str = "no match";
pub const ARTICLES_WORD: &str = "articles";
pub const ARTICLE_WORD: &str = "article";
pub const CLOSE_HINT: &str = "esc/q close";
pub const UNREAD_MARK: char = '●';
pub const STAR_MARK: char = '★';
pub const VIEW_UNREAD: &str = "unread only";
pub const VIEW_STARRED: &str = "starred only";
pub const DOC: Labels = Labels {
    by: "by",
    merged: "Merged copies",
    only_in: "Only in",
    links: "Links",
};

/// Header text: "2 of 4 · country: Latvia" or "4 articles".
pub fn counts(shown: usize, total: usize, filter: Option<&str>) -> String {
    match filter {
        Some(label) => format!("{shown} of {total} · {label}"),
        None => format!("{total} {ARTICLES_WORD}"),
    }
}

/// Footer status for `o`/`y` on an article with no address.
pub const NO_ADDRESS: &str = "this article has no web address";

/// Footer status after `o`.
pub fn opening(url: &str) -> String {
    format!("opening {url}")
}

/// Footer status after `y`.
pub fn copied(url: &str) -> String {
    format!("copied {url}")
}

/// Footer status when the address is not one to open.
pub fn not_web_address(url: &str) -> String {
    format!("not opened: only http and https addresses are opened, not {url}")
}

/// Footer status when the browser could not be started.
pub fn no_browser(problem: &str) -> String {
    format!("could not open the browser: {problem}")
}

/// Footer status when the clipboard sequence could not be written.
pub fn not_copied(problem: &str) -> String {
    format!("could not copy: {problem}")
}

/// Footer status when remembered state could not be written.
pub fn not_saved(problem: &str) -> String {
    format!("not saved: {problem}")
}

/// Footer status while a folder that changed since its list was last
/// shown is read again (the list shown is the last one until then).
pub const FOLDER_CHANGED: &str = "the folder changed since it was last opened: reading it again…";

/// Footer note about the load warnings: files skipped, and files read
/// only in part or in another encoding than UTF-8.
pub fn warnings(n: usize, key: &str) -> String {
    let warnings = if n == 1 { "warning" } else { "warnings" };
    format!("{n} load {warnings} — {key}")
}

/// Status when n/N has no entity to follow.
pub fn no_entity(search_key: &str) -> String {
    format!("select an entity in the entity pane or with {search_key} first")
}

/// Status when no other article names the entity.
pub fn only_article(name: &str) -> String {
    format!("no other listed article mentions {name}")
}

/// Status after a jump: "Latvia: article 2 of 3".
pub fn jumped(name: &str, position: usize, of: usize) -> String {
    format!("{name}: {ARTICLE_WORD} {position} of {of}")
}

/// Sidebar row detail: mentions here and other articles.
pub fn entity_detail(mentions: u32, others: usize) -> String {
    format!("{mentions}× +{others}")
}

/// Sidebar name of a country the article has only through a place:
/// "United States · via Houston".
pub fn derived_entity(name: &str, place: &str) -> String {
    format!("{name} · via {place}")
}

/// Corpus sidebar row detail.
pub fn entity_articles(articles: usize) -> String {
    format!("{articles}")
}

/// The header's label of a filter that waits for the entities.
pub fn waiting_filter(query: &str) -> String {
    format!("\"{query}\" waits for the entities")
}

/// Progress line on the loading screen.
pub fn progress(stage: &str, done: usize, total: usize) -> String {
    if total == 0 && done == 0 {
        format!("{stage}…")
    } else if total == 0 {
        // A count with no known end: the files found so far.
        format!("{stage}… {done}")
    } else {
        format!("{stage}… {done} of {total}")
    }
}

/// A kind's heading in the entity pane.
pub fn group_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Country => "Countries",
        EntityKind::Company => "Companies",
        EntityKind::Organization => "Organisations",
        EntityKind::Person => "People",
        EntityKind::Place => "Places",
    }
}

/// The footer's hints for each pane: (command name, what it does there).
pub fn hints(focus: Pane) -> &'static [(&'static str, &'static str)] {
    match focus {
        Pane::List => &[
            ("down", "move"),
            ("select", "read"),
            ("search", "filter"),
            ("next_match", "next"),
            ("back", "clear"),
            ("toggle_star", "star"),
            ("cycle_view", "view"),
            ("focus_next", "pane"),
            ("help", "help"),
            ("quit", "quit"),
        ],
        Pane::Reader => &[
            ("down", "scroll"),
            ("page_down", "page"),
            ("next_match", "next"),
            ("prev_match", "prev"),
            ("open_url", "open"),
            ("search", "filter"),
            ("toggle_star", "star"),
            ("focus_next", "pane"),
            ("help", "help"),
            ("quit", "quit"),
        ],
        Pane::Sidebar => &[
            ("down", "move"),
            ("select", "filter"),
            ("toggle_entity_scope", "all/this"),
            ("next_match", "next"),
            ("focus_next", "pane"),
            ("help", "help"),
            ("quit", "quit"),
        ],
    }
}

/// The loading screen's hint.
pub fn quit_hint(key: &str) -> String {
    format!("{key} quit")
}
