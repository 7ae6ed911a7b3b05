//! Page chrome: the menus, share buttons, comment widgets and notices that
//! a scraper saves around an article.
//!
//! Two general signals, no list of anyone's exact lines:
//! - vocabulary: a short line made mostly of menu and widget words
//!   ([`looks_like_chrome`]), a run of language codes, or a breadcrumb;
//! - repetition: a short line found in many files of one corpus
//!   ([`ChromeModel`]).
//!
//! Where a line sits decides what the cleaner does with the first signal: it
//! removes chrome-looking lines at the top and bottom of a text, and keeps
//! them in the middle of prose (see [`super::clean`]). Repetition is
//! evidence only for lines shaped like chrome ([`repeated_is_chrome`]).

use std::collections::HashSet;

use rayon::prelude::*;

use super::RawDoc;
use super::structure;

/// Words of site navigation, sharing, comment and rating widgets, ads and
/// cookie notices. A line counts as chrome when most of its content words
/// are in this list (see [`looks_like_chrome`]).
const CHROME_WORDS: &[&str] = &[
    "accept",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "app",
    "back",
    "bluesky",
    "bookmark",
    "caption",
    "close",
    "comentarios",
    "comment",
    "commentaires",
    "commenti",
    "comments",
    "compartir",
    "condividi",
    "consent",
    "content",
    "continue",
    "cookie",
    "cookies",
    "copied",
    "copy",
    "credit",
    "download",
    "drucken",
    "email",
    "facebook",
    "feed",
    "follow",
    "gallery",
    "guest",
    "home",
    "icon",
    "icons",
    "image",
    "imprimer",
    "instagram",
    "kommentar",
    "kommentare",
    "latest",
    "like",
    "likes",
    "link",
    "linkedin",
    "listen",
    "loading",
    "login",
    "logout",
    "mastodon",
    "menu",
    "messenger",
    "min",
    "more",
    "navigation",
    "newest",
    "newsletter",
    "next",
    "notify",
    "oldest",
    "partager",
    "photo",
    "photos",
    "pinterest",
    "podcast",
    "podcasts",
    "popular",
    "previous",
    "print",
    "privacy",
    "promoted",
    "rating",
    "read",
    "reddit",
    "register",
    "related",
    "replies",
    "reply",
    "rss",
    "save",
    "saved",
    "search",
    "share",
    "shares",
    "sign",
    "signup",
    "skip",
    "snapchat",
    "sponsored",
    "subscribe",
    "subscription",
    "tags",
    "teilen",
    "telegram",
    "tiktok",
    "toggle",
    "top",
    "trending",
    "tweet",
    "twitter",
    "viber",
    "video",
    "views",
    "vote",
    "voted",
    "votes",
    "watch",
    "whatsapp",
    "youtube",
    "коментарі",
    "коментарів",
    "комментарии",
    "поделиться",
    "поділитися",
];

/// Whole lines that mark an ad slot in the middle of an article
/// (lower-case, without a closing colon).
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advert",
    "ad",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "skip advertisement",
    "scroll to continue with content",
    // A page's audio, sharing and figure widgets, copied with its text.
    "supported by",
    "share full article",
    "share this article",
    "image",
    // German, French, Spanish, Italian, Ukrainian and Russian.
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "реклама",
];

/// Openings of a line that points to another article ("Read more: …").
const TEASER_OPENINGS: &[&str] = &[
    "read more:",
    "read more -",
    "read also:",
    "also read:",
    "related:",
    "see also:",
    "more on this story:",
    "recommended:",
    "listen to this article",
    "see more on:",
    "lesen sie auch:",
    "mehr zum thema:",
    "lire aussi :",
    "lire aussi:",
    "à lire aussi :",
    "à lire aussi:",
    "lea también:",
    "leer también:",
    "leggi anche:",
    "читайте також:",
    "читайте также:",
    "дивіться також:",
    "смотрите также:",
];

/// What a newsletter platform's subscription box says between a post's
/// paragraphs ("Sea Notes is a reader-supported publication. To receive
/// new posts and support my work, consider becoming a free or paid
/// subscriber."): words no writer puts in a story.
const SUBSCRIPTION_PITCHES: &[&str] = &[
    "is a reader-supported publication",
    "consider becoming a free or paid subscriber",
    "to receive new posts and support my work",
];

/// The longest teaser line, in words.
pub const MAX_TEASER_WORDS: usize = 16;

/// Returns true if and only if `line` is an ad slot's label or a teaser
/// for another article ("Read more: Residents split over parking"): chrome
/// wherever it stands, in the middle of prose too. A teaser that ends a
/// sentence is prose and stays.
pub fn is_ad_or_teaser(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 200 {
        return false;
    }
    // Every unit of every article comes here: the lists are ASCII, so the
    // line is compared in place rather than lower-cased into a copy.
    let label = line.trim_end_matches([':', ' ']);
    if AD_LABELS.iter().any(|l| is_label(label, l)) || super::pages::is_jump_line(line) {
        return true;
    }
    let teaser = TEASER_OPENINGS.iter().any(|o| opens_with(line, o))
        && !structure::more_words_than(line, MAX_TEASER_WORDS)
        && !structure::ends_sentence(line);
    teaser || SUBSCRIPTION_PITCHES.iter().any(|p| line.contains(p))
}

/// Returns true if and only if `text` is the lower-case `label` in any
/// case ("ADVERTISEMENT", "Реклама").
fn is_label(text: &str, label: &str) -> bool {
    text.eq_ignore_ascii_case(label)
        || (!text.is_ascii() && text.len() <= label.len() * 2 && text.to_lowercase() == label)
}

/// Returns true if and only if `line` opens with the lower-case `opening`
/// in any case ("Read more:", "Читайте також:").
fn opens_with(line: &str, opening: &str) -> bool {
    if let Some(head) = line.get(..opening.len())
        && head.eq_ignore_ascii_case(opening)
    {
        return true;
    }
    // Letters beyond ASCII change case in more or fewer bytes: the opening
    // is read again, lower-cased, only for lines that start beyond ASCII.
    !opening.is_ascii()
        && !line.is_char_boundary(1)
        && line
            .chars()
            .take(opening.chars().count())
            .flat_map(char::to_lowercase)
            .eq(opening.chars())
}

/// Headings that open a comment section, lower-case, without a count.
const COMMENT_OPENERS: &[&str] = &[
    "comments",
    "comment",
    "reader comments",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "join the conversation",
    "join the discussion",
    "show comments",
    "view comments",
    "discussion",
];

/// Returns true if and only if `line` opens a comment section: "12
/// Comments", "Comments (12)", "Leave a reply".
pub fn is_comments_opener(line: &str) -> bool {
    // Every unit after the first prose comes here: compared in place, as
    // in `is_ad_or_teaser`.
    let line = line.trim();
    if line.len() > 40 {
        return false;
    }
    let bare = line
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | ':'));
    COMMENT_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(bare))
}

/// Returns true if and only if `line` is a line of a comment widget: a
/// reply or like counter ("Reply · 4 likes"), a commenter's time ("PaulT ·
/// 2 hours ago"), "Load more comments", "Report".
pub fn is_comment_widget(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    if lower.len() > 80 {
        return false;
    }
    let ago = lower.ends_with(" ago")
        && lower
            .rsplit(' ')
            .nth(1)
            .is_some_and(|unit| unit.starts_with(['s', 'm', 'h', 'd', 'w', 'y']));
    ago || lower.starts_with("reply")
        || lower.starts_with("load more comments")
        || lower == "report"
        || lower.ends_with(" likes")
        || lower.ends_with(" like")
}

/// Words that carry no signal either way.
const NEUTRAL_WORDS: &[&str] = &[
    "a", "all", "an", "and", "at", "by", "for", "in", "is", "it", "me", "my", "of", "on", "or",
    "our", "the", "this", "to", "up", "us", "we", "with", "you", "your",
];

/// Two-letter English words that are not language codes.
const SHORT_WORDS: &[&str] = &[
    "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
    "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we",
];

/// The longest line, in words, that vocabulary alone can mark as chrome.
const MAX_CHROME_WORDS: usize = 8;

/// Returns true if and only if `line` is short and made mostly of chrome:
/// widget vocabulary and counters ("0 Comments", "facebook icon twitter
/// icon", "Newest Oldest Most Voted"), a language switcher ("ua en ru") or a
/// breadcrumb ("Home › World › Europe").
pub fn looks_like_chrome(line: &str) -> bool {
    let line = line.trim();
    // Chrome is short; this also keeps long paragraphs cheap.
    if line.is_empty() || line.len() > 200 {
        return false;
    }
    if is_phone_number(line) || super::dates::is_clock_line(line) {
        return false;
    }
    // "X" alone is a share button, as "Facebook" alone is: one network's
    // name, one letter. (As a word, "x" would make "Malcolm X" a widget.)
    if line == "X"
        || is_breadcrumb(line)
        || is_spaced_menu(line)
        || is_copyright(line)
        || is_tag_line(line)
        || is_mail_furniture(line)
    {
        return true;
    }
    let tokens: Vec<&str> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|t| t.trim_matches('.'))
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        // Only symbols: separators, icons, "|", "•".
        return line.chars().count() <= 20;
    }
    if tokens.len() > MAX_CHROME_WORDS {
        return false;
    }
    if is_language_switcher(&tokens) {
        return true;
    }
    let mut content = 0usize;
    let mut chrome = 0usize;
    let mut numbers = 0usize;
    for token in &tokens {
        let lower = token.to_lowercase();
        if NEUTRAL_WORDS.contains(&lower.as_str()) {
            continue;
        }
        if token
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'k')
            && token.starts_with(|c: char| c.is_ascii_digit())
        {
            numbers += 1;
            continue;
        }
        content += 1;
        if CHROME_WORDS.binary_search(&lower.as_str()).is_ok() {
            chrome += 1;
        }
    }
    // Numbers are counters ("12 Comments", "5 min read") beside widget
    // words, or alone; beside other words they are figures ("Net 217,572
    // vs 153,454") and say nothing of chrome.
    if chrome > 0 || content == 0 {
        content += numbers;
        chrome += numbers;
    }
    if content == 0 {
        return false;
    }
    // Half is enough for two-word widgets ("Article Rating"); longer lines
    // need a clear majority so a short headline is not taken for a menu.
    if content <= 2 {
        chrome * 2 >= content
    } else {
        chrome * 3 >= content * 2
    }
}

/// Whole lines a newsletter sent by e-mail carries around its stories
/// (lower-case, without closing punctuation).
const MAIL_LINES: &[&str] = &[
    "view this email in your browser",
    "view this email in a browser",
    "view this email online",
    "view in browser",
    "view in your browser",
    "view online",
    "having trouble viewing this email? view it in your browser",
    "forwarded this email? sign up here",
    "forwarded this email? subscribe here",
    "was this email forwarded to you? sign up here",
    "unsubscribe",
    "manage preferences",
    "manage your preferences",
    "update your preferences",
    "email preferences",
];

/// Openings of a newsletter's note on why it was sent ("You are receiving
/// this because you subscribed to The Morning Ledger."), lower-case.
const MAIL_NOTICES: &[&str] = &[
    "you are receiving this",
    "you're receiving this",
    "you received this email",
    "this email was sent to",
];

/// Returns true if and only if `line` is a newsletter's furniture: "View
/// this email in your browser", "Unsubscribe", or its note on why it was
/// sent, at most [`MAX_TEASER_WORDS`] words.
fn is_mail_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    let whole = lower.trim_end_matches(['.', '!', ' ']);
    // "---------- Forwarded message ---------", "-----Original
    // Message-----", "Begin forwarded message:".
    let bare = whole.trim_matches(['-', ' ', ':']);
    if matches!(
        bare,
        "forwarded message" | "original message" | "begin forwarded message"
    ) {
        return true;
    }
    MAIL_LINES.contains(&whole)
        || (MAIL_NOTICES.iter().any(|n| whole.starts_with(n))
            && !structure::more_words_than(line, MAX_TEASER_WORDS))
}

/// Returns true if and only if `line` lists the page's tags under their
/// label: "Topics: Politics | Council", "Tags: budget, housing"; each tag
/// is at most three words, and no sentence follows the label.
fn is_tag_line(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "topics:",
        "tags:",
        "tagged:",
        "filed under:",
        "related topics:",
    ];
    let Some(label) = LABELS.iter().find(|label| {
        line.get(..label.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(label))
    }) else {
        return false;
    };
    let tags = &line[label.len()..];
    !structure::more_words_than(tags, 12)
        && tags
            .split(['|', ',', '·', '•', '/', ';'])
            .all(|tag| !structure::more_words_than(tag, 3))
}

/// Returns true if and only if `line` is a telephone number ("+1 617 555
/// 0142", "(020) 7946 0958"): seven to fifteen digits in groups, with
/// nothing but separators between them. A contact block's number is text,
/// not a widget's counters.
pub fn is_phone_number(line: &str) -> bool {
    // Every short line comes here: the first letter ends the check.
    line.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'+' | b'-' | b'(' | b')' | b'.'))
        && (7..=15).contains(&line.bytes().filter(u8::is_ascii_digit).count())
        && line.split_whitespace().count() >= 2
}

/// Two or more two-letter codes and nothing else: "ua en ru", "EN | FR".
fn is_language_switcher(tokens: &[&str]) -> bool {
    tokens.len() >= 2
        && tokens.iter().all(|t| {
            t.len() == 2
                && t.chars().all(|c| c.is_ascii_alphabetic())
                && (t.chars().all(|c| c.is_ascii_lowercase())
                    || t.chars().all(|c| c.is_ascii_uppercase()))
        })
        && tokens
            .iter()
            .filter(|t| SHORT_WORDS.contains(&t.to_ascii_lowercase().as_str()))
            .count()
            * 2
            < tokens.len()
}

/// Sections of a news site, which its menu lists ("Home  News  Sport").
const SECTION_WORDS: &[&str] = &[
    "business",
    "culture",
    "entertainment",
    "health",
    "lifestyle",
    "local",
    "money",
    "news",
    "opinion",
    "politics",
    "science",
    "sport",
    "sports",
    "tech",
    "technology",
    "travel",
    "weather",
    "world",
];

/// Returns true if and only if `line` is a site's menu as copied from a
/// page: three or more short capitalised items set apart by two or more
/// spaces or a tab ("Home  News  Sport  Business  Weather"), most of them
/// sections or widget words. Figures make it a table's row, which stays.
pub fn is_spaced_menu(line: &str) -> bool {
    // Most lines have no wide gap: a look at each space finds that.
    let bytes = line.as_bytes();
    let gap = memchr::memchr2_iter(b' ', b'\t', bytes)
        .any(|i| bytes[i] == b'\t' || bytes.get(i + 1) == Some(&b' '));
    if !gap {
        return false;
    }
    let items: Vec<&str> = line
        .split(['\t'])
        .flat_map(|part| part.split("  "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let menu_word = |item: &str| {
        let lower = item.to_lowercase();
        SECTION_WORDS.contains(&lower.as_str())
            || CHROME_WORDS.binary_search(&lower.as_str()).is_ok()
    };
    items.len() >= 3
        && items.iter().all(|item| {
            item.split_whitespace().count() <= 2
                && item.starts_with(|c: char| c.is_uppercase())
                && !item.chars().any(|c| c.is_ascii_digit())
        })
        && items.iter().filter(|item| menu_word(item)).count() * 2 > items.len()
}

/// Returns true if and only if `line` is a copyright notice: "© 2026
/// Example Media Ltd", "Copyright 2026 Daily Ledger. All rights reserved."
pub fn is_copyright(line: &str) -> bool {
    // Only a short line that opens like a notice is lower-cased and read.
    if !line.starts_with(['©', 'C', 'c', '(']) || structure::more_words_than(line, 16) {
        return false;
    }
    let lower = line.to_lowercase();
    // "Copyright 2026", "Copyright ©": not "Copyright lawyers said…".
    let after = lower.strip_prefix("copyright").map(|rest| {
        rest.trim_start()
            .trim_start_matches(['©', ':'])
            .trim_start()
    });
    let opens = lower.starts_with('©')
        || lower.starts_with("(c) ")
        || after.is_some_and(|rest| {
            structure::is_year(rest.get(..4).unwrap_or_default()) || rest.is_empty()
        });
    opens && (structure::holds_year(&lower) || lower.contains("all rights reserved"))
}

/// Lines that head a list of links to other articles at the foot of a
/// page ("Most read", "Related stories"), lower-case.
const LINK_LIST_LABELS: &[&str] = &[
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "related",
    "related stories",
    "related articles",
    "related content",
    "trending",
    "trending now",
    "recommended",
    "recommended for you",
    "more stories",
    "more from this section",
    "top stories",
    "latest news",
    "latest stories",
    "you may also like",
    "read next",
    "editor's picks",
    "related topics",
    "related links",
    "related coverage",
    "more on this story",
    "more on this topic",
    "see also",
    "mehr zum thema",
    "meistgelesen",
    "à lire aussi",
    "les plus lus",
    "te puede interesar",
    "lo más leído",
    "più letti",
    "читайте також",
    "читайте также",
    "по теме",
    "за темою",
];

/// Returns true if and only if `line` heads a list of links to other
/// articles: what follows it at the foot of a text, up to the next
/// sentence, is teasers.
pub fn is_link_list_label(line: &str) -> bool {
    let label = line.trim().trim_end_matches([':', ' ']);
    label.len() <= 96
        && label.chars().count() <= 24
        && (LINK_LIST_LABELS.iter().any(|l| is_label(label, l)) || is_more_from_section(label))
}

/// "More from Sport", "More from BBC News": the label of a section's or
/// an outlet's teasers, one to three capitalised words after "More from".
/// ("More from the council" is no label.)
fn is_more_from_section(label: &str) -> bool {
    const OPENING: &str = "more from ";
    let Some(rest) = label
        .get(..OPENING.len())
        .filter(|p| p.eq_ignore_ascii_case(OPENING))
        .map(|_| &label[OPENING.len()..])
    else {
        return false;
    };
    let words = rest.split_whitespace().count();
    (1..=3).contains(&words)
        && rest
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Phrases of a newsletter's or a subscription's promotion.
const PROMO_PHRASES: &[&str] = &[
    "to your inbox",
    "in your inbox",
    "sign up for",
    "sign up to",
    "subscribe to our",
    "our newsletter",
    "our daily newsletter",
    "our weekly newsletter",
];

/// What a sign-up form shows beside a promotion: its field, its button,
/// and the consent note under it (lower-case, whole lines without closing
/// punctuation, or the note's opening).
const SIGN_UP_FORM_LINES: &[&str] = &[
    "email address",
    "enter your email",
    "enter your email address",
    "your email",
    "your email address",
    "sign up",
    "sign up now",
    "subscribe",
    "subscribe now",
    "submit",
];

/// Openings of a sign-up form's consent note ("By signing up you agree to
/// our Privacy Policy."), lower-case.
const SIGN_UP_CONSENT: &[&str] = &["by signing up", "by subscribing", "by registering"];

/// Returns true if and only if `line` promotes a newsletter or a
/// subscription: a short line with a promotion's phrase ("The day's top
/// stories delivered to your inbox every weekday at 7am."), or a line of
/// its sign-up form ("Enter your email address", "Sign up", "By signing
/// up you agree to our Privacy Policy.").
pub fn is_promotion(line: &str) -> bool {
    if structure::more_words_than(line, 24) {
        return false;
    }
    let lower = line.to_lowercase();
    let whole = lower.trim().trim_end_matches(['.', ':', '!', ' ']);
    PROMO_PHRASES.iter().any(|p| lower.contains(p))
        || SIGN_UP_FORM_LINES.contains(&whole)
        || SIGN_UP_CONSENT
            .iter()
            .any(|c| whole.starts_with(c) && (whole.contains("agree") || whole.contains("privacy")))
}

/// Short items joined by navigation separators: "Home | World | Sport",
/// "World > Europe > France". Two items make a trail only between arrows
/// and when both are capitalised labels without figures ("Business >
/// Mining & Commodities"; not "Revenue > $5bn").
fn is_breadcrumb(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split(['|', '›', '»', '·'])
        .flat_map(|p| p.split(" > "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let short = |p: &&str| p.split_whitespace().count() <= 3 && !p.ends_with('.');
    let label =
        |p: &&str| p.starts_with(char::is_uppercase) && !p.contains(|c: char| c.is_ascii_digit());
    let arrows = line.contains(['›', '»']) || line.contains(" > ");
    let trail = parts.len() >= 3 || (arrows && parts.len() == 2 && parts.iter().all(label));
    trail && parts.iter().all(short) && !line.contains("://")
}

/// Returns true if and only if `line`, which repeats across the corpus,
/// is chrome where it stands. Repetition alone is no evidence: a results
/// row ("Net 217,572 vs 153,454") or a formulaic sentence ("It gave no
/// further details.") repeats across a wire service's stories and is still
/// the story. So a repeated line goes only when it also looks like chrome
/// (widget vocabulary, a bare link) or, at the edges of the text (`at_edge`:
/// above the first prose or below the last), when it is neither a sentence
/// nor holds figures (a masthead, a sign-off, a section label).
pub fn repeated_is_chrome(line: &str, at_edge: bool) -> bool {
    let line = line.trim();
    let body_shaped = structure::ends_sentence(line)
        || line
            .split_whitespace()
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    looks_like_chrome(line) || is_bare_link(line) || at_edge && !body_shaped
}

/// A line that is only a web address.
fn is_bare_link(line: &str) -> bool {
    !line.contains(' ') && (line.contains("://") || line.starts_with("www."))
}

/// The longest line, in words, that repetition can mark as chrome: longer
/// repeated lines are shared content (quotes, copied paragraphs).
const MAX_REPEATED_WORDS: usize = 12;

/// What the corpus as a whole says is chrome: short lines that repeat across
/// many of its files.
#[derive(Clone, Debug, Default)]
pub struct ChromeModel {
    repeated: HashSet<u64>,
}

impl ChromeModel {
    /// Learns the repeated lines of a corpus: a short line is chrome when it
    /// appears in the files of at least 3 different stories, and of at least
    /// √n of the n files. Files are told apart as stories by their lede (the
    /// first line of eight words or more), so that copies of one story,
    /// whose headline and headings repeat, never teach their own lines as
    /// chrome, while a site's menu, found above every story, does.
    pub fn learn(docs: &[RawDoc]) -> Self {
        Self::learn_counted(docs, &|_| {})
    }

    /// Like [`Self::learn`], calling `done(n)` from any thread as `n` more
    /// of its [`Self::steps`] end: one per document as its lines are taken
    /// in, then one per part of the lines sorted ([`SORT_PARTS`]).
    pub fn learn_counted(docs: &[RawDoc], done: &(dyn Fn(usize) + Sync)) -> Self {
        let min_files = min_files(docs.len());
        if docs.len() < min_files {
            done(Self::steps(docs.len()));
            return Self::default();
        }
        // Every (line, story) pair of the corpus, sorted: a line's stories
        // are then a run, counted without a map. (A set of pairs merged
        // across threads, then counted in a map, took 2 s at 100,000 files
        // on one core, with the count standing still.)
        let mut seen: Vec<(u64, u64)> = docs
            .par_iter()
            .flat_map_iter(|doc| {
                let story = story_key(&doc.text);
                let mut keys: Vec<(u64, u64)> = doc
                    .text
                    .lines()
                    .filter_map(line_key)
                    .map(|key| (key, story))
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                done(1);
                keys
            })
            .collect();
        sort_in_parts(&mut seen, done);
        let repeated = seen
            .par_chunk_by(|a, b| a.0 == b.0)
            .filter(|run| {
                // Distinct stories in the run (sorted, so repeats are adjacent).
                let stories = 1 + run.windows(2).filter(|w| w[0].1 != w[1].1).count();
                stories >= min_files
            })
            .map(|run| run[0].0)
            .collect();
        Self { repeated }
    }

    /// Returns how many steps learning from `docs` documents counts.
    pub fn steps(docs: usize) -> usize {
        docs + SORT_PARTS
    }

    /// Returns true if and only if `line` repeats across many files.
    pub fn is_repeated(&self, line: &str) -> bool {
        !self.repeated.is_empty() && line_key(line).is_some_and(|k| self.repeated.contains(&k))
    }
}

/// The parts the (line, story) pairs of a corpus are sorted in: by the top
/// byte of the line's key (a hash, so the parts are even), each part then
/// on its own, on any core, and counted as it ends. One sort of the
/// millions of pairs of 100,000 files held the count still for up to
/// 0.7 s on a busy machine.
pub const SORT_PARTS: usize = 256;

/// Sorts `pairs` in [`SORT_PARTS`] parts, calling `done(1)` as each ends.
fn sort_in_parts(pairs: &mut [(u64, u64)], done: &(dyn Fn(usize) + Sync)) {
    let part_of = |p: &(u64, u64)| (p.0 >> 56) as usize;
    // Where each part starts, and (at the end) where the last one ends.
    let mut starts = [0usize; SORT_PARTS + 1];
    for p in pairs.iter() {
        starts[part_of(p) + 1] += 1;
    }
    for k in 0..SORT_PARTS {
        starts[k + 1] += starts[k];
    }
    // In place: each pair is swapped into the next free slot of its part,
    // and the pair it displaces is placed in turn.
    let mut free = starts;
    for k in 0..SORT_PARTS {
        while free[k] < starts[k + 1] {
            let to = part_of(&pairs[free[k]]);
            if to != k {
                pairs.swap(free[k], free[to]);
            }
            free[to] += 1;
        }
    }
    let mut parts = Vec::with_capacity(SORT_PARTS);
    let mut rest = pairs;
    for k in 0..SORT_PARTS {
        let (part, tail) = rest.split_at_mut(starts[k + 1] - starts[k]);
        parts.push(part);
        rest = tail;
    }
    parts.into_par_iter().for_each(|part| {
        part.sort_unstable();
        done(1);
    });
}

/// Returns a key for the story a text tells: a hash of its lede, the
/// first line of eight words or more (of the whole text when none).
fn story_key(text: &str) -> u64 {
    let lede = text
        .lines()
        .find(|l| l.split_whitespace().nth(7).is_some())
        .unwrap_or(text);
    xxhash_rust::xxh3::xxh3_64(lede.trim().as_bytes())
}

/// Returns the number of files a line must appear in to count as repeated.
fn min_files(n: usize) -> usize {
    ((n as f64).sqrt().ceil() as usize).max(3)
}

/// Returns the key of a short line: case and digits folded ("3 Comments"
/// and "12 comments" are one line); `None` for blank or long lines.
fn line_key(line: &str) -> Option<u64> {
    let line = line.trim();
    if line.is_empty() || line.len() > 120 {
        return None;
    }
    if line.is_ascii() {
        return ascii_line_key(line.as_bytes());
    }
    // Fold into a small buffer and hash once: this runs on every short
    // line of the corpus.
    let mut folded = String::with_capacity(line.len() + 8);
    for (words, word) in line.split_whitespace().enumerate() {
        if words == MAX_REPEATED_WORDS {
            return None;
        }
        let mut prev_digit = false;
        for c in word.chars() {
            let digit = c.is_ascii_digit();
            if digit && prev_digit {
                continue;
            }
            prev_digit = digit;
            if digit {
                folded.push('#');
            } else if c.is_ascii() {
                folded.push(c.to_ascii_lowercase());
            } else {
                folded.extend(c.to_lowercase());
            }
        }
        folded.push(' ');
    }
    Some(xxhash_rust::xxh3::xxh3_64(folded.as_bytes()))
}

/// Returns true if and only if the ASCII byte `b` is white space to
/// [`str::split_whitespace`]: unlike [`u8::is_ascii_whitespace`], that
/// counts the vertical tab.
fn is_white_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// [`line_key`] of a trimmed line of at most 120 ASCII bytes: the same
/// key, folded byte by byte into a buffer on the stack in one pass (split
/// into words first, this was a twentieth of an open's work).
fn ascii_line_key(line: &[u8]) -> Option<u64> {
    // Each word and its one space take no more than the word and the
    // white space after it: one byte past the line at most.
    let mut folded = [0u8; 128];
    let mut len = 0;
    let mut words = 0;
    let mut in_word = false;
    let mut prev_digit = false;
    for &b in line {
        if is_white_space(b) {
            if in_word {
                folded[len] = b' ';
                len += 1;
                in_word = false;
            }
            continue;
        }
        if !in_word {
            if words == MAX_REPEATED_WORDS {
                return None;
            }
            words += 1;
            in_word = true;
            prev_digit = false;
        }
        let digit = b.is_ascii_digit();
        if digit && prev_digit {
            continue;
        }
        prev_digit = digit;
        folded[len] = if digit { b'#' } else { b.to_ascii_lowercase() };
        len += 1;
    }
    if in_word {
        folded[len] = b' ';
        len += 1;
    }
    Some(xxhash_rust::xxh3::xxh3_64(&folded[..len]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lines_get_the_key_of_the_general_reading() {
        let general = |line: &str| {
            let line = line.trim();
            let mut folded = String::new();
            for (words, word) in line.split_whitespace().enumerate() {
                if words == MAX_REPEATED_WORDS {
                    return None;
                }
                let mut prev_digit = false;
                for c in word.chars() {
                    let digit = c.is_ascii_digit();
                    if digit && prev_digit {
                        continue;
                    }
                    prev_digit = digit;
                    folded.push(if digit { '#' } else { c.to_ascii_lowercase() });
                }
                folded.push(' ');
            }
            Some(xxhash_rust::xxh3::xxh3_64(folded.as_bytes()))
        };
        let lines = [
            "3 Comments",
            "  12   comments\t",
            "Share this article on Facebook Twitter LinkedIn Email Print Copy link",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9 10",
            "Read more: 2024-11-03 | 10:45 AM",
            "vertical\u{b}tab\u{c}form feed",
            &"x ".repeat(60),
            &"y".repeat(120),
            "one two three four five six seven eight nine ten 11 12",
            "one two three four five six seven eight nine ten 11 12 13",
        ];
        for line in lines {
            assert_eq!(line_key(line), general(line), "{line:?}");
        }
        assert_eq!(line_key("3 Comments"), line_key("12 comments"));
    }

    #[test]
    fn pairs_sorted_in_parts_are_sorted_whole_and_each_part_counted() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // Keys over the whole range, with repeats and every top byte.
        let mut pairs: Vec<(u64, u64)> = (0..20_000u64)
            .map(|i| {
                let key = xxhash_rust::xxh3::xxh3_64(&(i % 7_000).to_le_bytes());
                (key, i % 13)
            })
            .chain((0..=255u64).map(|top| (top << 56, 1)))
            .collect();
        let mut expected = pairs.clone();
        expected.sort_unstable();
        let counted = AtomicUsize::new(0);
        sort_in_parts(&mut pairs, &|n| {
            counted.fetch_add(n, Ordering::Relaxed);
        });
        assert_eq!(pairs, expected);
        assert_eq!(counted.into_inner(), SORT_PARTS);
        let mut none: Vec<(u64, u64)> = Vec::new();
        sort_in_parts(&mut none, &|_| {});
    }

    #[test]
    fn chrome_words_are_sorted_for_binary_search() {
        assert!(CHROME_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn widget_lines_are_chrome() {
        for line in [
            "Skip to content",
            "facebook icon twitter icon linkedin icon",
            "Copied!",
            "Comments",
            "0 0 votes",
            "Article Rating",
            "Subscribe",
            "Notify of",
            "guest",
            "12 Comments",
            "Newest",
            "Oldest Most Voted",
            "More Content",
            "Read more",
            "Advertisement",
            "Share this article",
            "ua en ru",
            "EN | DE | FR",
            "Home › Business › Markets",
            "Business  >  Mining & Commodities",
            "World > Europe > France",
            "Save article",
            "5 min read",
            "(Photo: Reuters)",
            "Watch the video",
            "We use cookies.",
            "Home  News  Sport  Business  Weather",
            "News\tWorld\tMoney\tLog in",
            "© 2026 Example Media Ltd",
            "Copyright 2026 Daily Ledger Media. All rights reserved.",
        ] {
            assert!(looks_like_chrome(line), "{line:?} should be chrome");
        }
    }

    #[test]
    fn a_table_row_a_heading_and_a_copyright_sentence_are_no_menu() {
        for line in [
            "Year  Passengers  Flights",
            "2022  1.6m  14,200",
            "Harbour  Wall  Repairs",
            "Revenue > $5bn",
            "Output > 2023 levels",
            "Copyright lawyers said the 2026 ruling would be appealed, and the firm agreed.",
        ] {
            assert!(!looks_like_chrome(line), "{line:?} is no chrome");
        }
        assert!(is_link_list_label("Most read") && is_link_list_label("Related stories:"));
        assert!(!is_link_list_label("Most read books of the year"));
    }

    /// A section's teasers are labelled by its name ("More from Sport"),
    /// and a share line may name any network: both are chrome below the
    /// text. A fragment of prose that opens the same way is not.
    #[test]
    fn a_sections_teaser_label_and_a_share_line_naming_any_network_are_chrome() {
        for label in [
            "More from Sport",
            "More from BBC Business",
            "More from The Courier:",
        ] {
            assert!(is_link_list_label(label), "{label:?}");
        }
        for prose in [
            "More from the council",
            "More from Sport Minister Jane Cole later",
            "More from Ava Reyes tonight.",
        ] {
            assert!(!is_link_list_label(prose), "{prose:?}");
        }
        for line in [
            "Share this article · Follow us on Bluesky",
            "Follow us on TikTok and Mastodon",
        ] {
            assert!(looks_like_chrome(line), "{line:?}");
        }
        for headline in [
            "TikTok fined over child data",
            "Snapchat users protest fee plan",
        ] {
            assert!(!looks_like_chrome(headline), "{headline:?}");
        }
    }

    #[test]
    fn widgets_teasers_and_ads_of_other_languages_are_chrome() {
        for widget in [
            "Teilen",
            "Kommentare (12)",
            "Поділитися",
            "Partager",
            "Comentarios (3)",
        ] {
            assert!(looks_like_chrome(widget), "{widget}");
        }
        for teaser in [
            "Читайте також: Японія розглядає участь у коаліції",
            "Lesen Sie auch: Neue Radwege für Linden",
            "À lire aussi : la grève continue",
            "ANZEIGE",
            "Реклама",
        ] {
            assert!(is_ad_or_teaser(teaser), "{teaser}");
        }
        assert!(is_ad_or_teaser(
            "Sea Notes is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber."
        ));
        assert!(is_link_list_label("Mehr zum Thema"));
        assert!(is_link_list_label("Читайте також"));
        assert!(!is_ad_or_teaser(
            "Читайте також уважно: уряд змінив правила."
        ));
        assert!(!looks_like_chrome("Stadtrat beschließt neuen Radweg"));
    }

    #[test]
    fn a_newsletter_s_mail_furniture_is_chrome() {
        assert!(looks_like_chrome("View this email in your browser"));
        assert!(looks_like_chrome("Forwarded this email? Sign up here."));
        assert!(looks_like_chrome("---------- Forwarded message ---------"));
        assert!(looks_like_chrome("-----Original Message-----"));
        assert!(looks_like_chrome(
            "You are receiving this because you subscribed to The Morning Ledger."
        ));
        assert!(!looks_like_chrome("View from the browser wars"));
        assert!(!looks_like_chrome(
            "You are receiving this letter because the council has changed how it collects waste from every street in the borough."
        ));
    }

    #[test]
    fn a_sign_up_form_is_promotion_and_x_alone_a_share_button() {
        assert!(is_promotion("Enter your email address"));
        assert!(is_promotion("Sign up"));
        assert!(is_promotion(
            "By signing up you agree to our Privacy Policy."
        ));
        assert!(!is_promotion(
            "By signing up for the scheme, farmers lose their subsidy."
        ));
        assert!(!is_promotion("Email"));
        assert!(looks_like_chrome("X"));
        assert!(!looks_like_chrome("Malcolm X"));
        assert!(!looks_like_chrome("Generation X"));
        assert!(looks_like_chrome("Topics: Politics | Council"));
        assert!(!looks_like_chrome(
            "Topics: the budget and the buses dominated the meeting"
        ));
    }

    /// A telephone number below the text (a press release's contact) is
    /// text; counters are still chrome.
    #[test]
    fn a_time_of_day_is_no_counter() {
        for time in ["14:05", "9:30", "2.31pm", "09:00 GMT", "11:45 a.m."] {
            assert!(!looks_like_chrome(time), "{time:?}");
        }
        assert!(looks_like_chrome("1,204"));
    }

    #[test]
    fn a_telephone_number_is_no_counter() {
        for number in ["+1 617 555 0142", "(020) 7946 0958", "+44 20-7946-0958"] {
            assert!(!looks_like_chrome(number), "{number:?}");
        }
        for counters in ["12 34", "1.2k 345", "0 Comments"] {
            assert!(looks_like_chrome(counters), "{counters:?}");
        }
    }

    #[test]
    fn ad_labels_and_teasers_are_chrome_anywhere() {
        assert!(is_ad_or_teaser("Advertisement"));
        assert!(is_ad_or_teaser("ADVERTISEMENT"));
        assert!(is_ad_or_teaser("Story continues below advertisement"));
        assert!(is_ad_or_teaser(
            "Read more: Residents split over parking charges [3]"
        ));
        assert!(is_ad_or_teaser("RELATED: Ferry fares to rise in spring"));
        assert!(!is_ad_or_teaser("Advertisement revenue fell by a third."));
        assert!(!is_ad_or_teaser(
            "Read more: the council said the full report would be published in May."
        ));
    }

    #[test]
    fn comment_sections_open_with_a_heading_and_show_widgets() {
        for opener in ["12 Comments", "Comments (3)", "Leave a Reply", "COMMENTS"] {
            assert!(is_comments_opener(opener), "{opener}");
        }
        assert!(!is_comments_opener(
            "Comments from the minister angered unions"
        ));
        for widget in [
            "Reply · 4 likes",
            "PaulT · 2 hours ago",
            "Load more comments",
        ] {
            assert!(is_comment_widget(widget), "{widget}");
        }
        assert!(!is_comment_widget("The council replied two days ago."));
        assert!(!is_comment_widget(
            "He said he would reply to the letter in a week."
        ));
    }

    #[test]
    fn headlines_and_prose_are_not_chrome() {
        for line in [
            "Tokyo Is Accelerating Its Military Drone Program",
            "Central bank holds rates as inflation cools",
            "It is",
            "Reach and Goals",
            "Home team wins the derby after a late penalty in extra time",
            "Read the full report, the minister said, before voting on the budget.",
            "Net 217,572 vs 153,454",
            "Loss 12,000",
            "Harrogate Town 2 Whitby 1",
            "We won.",
            "We use less water now",
        ] {
            assert!(!looks_like_chrome(line), "{line:?} should not be chrome");
        }
    }

    #[test]
    fn repeated_short_lines_are_learned() {
        let docs: Vec<RawDoc> = (0..9u8)
            .map(|i| RawDoc {
                path: format!("{i}.txt"),
                text: format!(
                    "City Herald Online\nStory {} body text is here and long.\n{} comments",
                    char::from(b'a' + i),
                    i + 1
                ),
                ..RawDoc::default()
            })
            .collect();
        let model = ChromeModel::learn(&docs);
        assert!(model.is_repeated("City Herald Online"));
        assert!(model.is_repeated("40 Comments"));
        assert!(!model.is_repeated("Story a body text is here and long."));
    }

    #[test]
    fn repeated_body_lines_are_not_chrome() {
        for line in [
            "Net 217,572 vs 153,454",
            "Shr 1.20 dlrs vs 1.05 dlrs",
            "It gave no further details.",
        ] {
            assert!(!repeated_is_chrome(line, true), "{line:?}");
            assert!(!repeated_is_chrome(line, false), "{line:?}");
        }
        assert!(repeated_is_chrome("City Herald Online", true));
        assert!(!repeated_is_chrome("City Herald Online", false));
        assert!(repeated_is_chrome("Share this article", false));
        assert!(repeated_is_chrome("https://example.org/subscribe", false));
    }

    #[test]
    fn copies_of_one_story_do_not_teach_their_headings() {
        let story = "Bridge Closure Delayed Again\nThe council said on Tuesday that the bridge would stay open until May.\nWhat happens next\nEngineers will inspect the supports again in the spring.";
        let mut docs: Vec<RawDoc> = (0..4)
            .map(|i| RawDoc {
                path: format!("copy{i}.txt"),
                text: format!("Share\n{story}"),
                ..RawDoc::default()
            })
            .collect();
        docs.push(RawDoc {
            text: "Share\nA different story about the harbour and its cranes, told at length."
                .into(),
            ..RawDoc::default()
        });
        let model = ChromeModel::learn(&docs);
        assert!(!model.is_repeated("Bridge Closure Delayed Again"));
        assert!(!model.is_repeated("What happens next"));
    }

    #[test]
    fn small_corpora_learn_nothing() {
        let docs: Vec<RawDoc> = (0..2)
            .map(|_| RawDoc {
                text: "Same line".into(),
                ..RawDoc::default()
            })
            .collect();
        assert!(!ChromeModel::learn(&docs).is_repeated("Same line"));
    }
}
