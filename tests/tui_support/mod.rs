//! Hand-built libraries for the reader's tests: a few short articles on
//! markets, sport, science and local politics, with their entity mentions
//! found by plain substring search, so the tests do not depend on the
//! extractor.
#![allow(dead_code)]

use dossier::corpus::{Article, Block, BlockKind, Corpus, Source, Warning};
use dossier::entities::{EntityIndex, EntityKind, Mention};
use dossier::pipeline::Library;

/// (surface form, canonical name, kind) looked up in every fixture article.
pub const GAZETTEER: &[(&str, &str, EntityKind)] = &[
    ("Norway", "Norway", EntityKind::Country),
    ("Norwegian", "Norway", EntityKind::Country),
    ("Chile", "Chile", EntityKind::Country),
    ("Kenya", "Kenya", EntityKind::Country),
    ("Kenyan", "Kenya", EntityKind::Country),
    ("Equinor", "Equinor", EntityKind::Company),
    ("Codelco", "Codelco", EntityKind::Company),
    (
        "World Athletics",
        "World Athletics",
        EntityKind::Organization,
    ),
    ("Faith Kipyegon", "Faith Kipyegon", EntityKind::Person),
    ("Kipyegon", "Faith Kipyegon", EntityKind::Person),
    ("Oslo", "Oslo", EntityKind::Place),
    ("Nairobi", "Nairobi", EntityKind::Place),
];

/// One fixture article: title, author, date, headings and paragraphs.
pub struct Draft {
    pub title: &'static str,
    pub author: Option<&'static str>,
    pub date: Option<&'static str>,
    pub blocks: Vec<(BlockKind, String)>,
    pub copies: usize,
}

fn para(s: &str) -> (BlockKind, String) {
    (BlockKind::Paragraph, s.to_owned())
}

fn heading(s: &str) -> (BlockKind, String) {
    (BlockKind::Heading, s.to_owned())
}

/// The four fixture articles, in list order.
pub fn drafts() -> Vec<Draft> {
    vec![
        Draft {
            title: "Copper prices climb as Chile output slows",
            author: Some("Ana Ruiz"),
            date: Some("2025-03-02"),
            blocks: vec![
                para(
                    "Copper rose for a third day as Codelco reported lower output from its mines in Chile, the largest producer.",
                ),
                heading("What traders expect"),
                para(
                    "Traders in Oslo said Norwegian funds were buying, while Codelco declined to comment on the outlook for Chile.",
                ),
            ],
            copies: 2,
        },
        Draft {
            title: "Kipyegon breaks the mile record in Nairobi",
            author: None,
            date: Some("2025-06-14"),
            blocks: vec![
                para(
                    "Faith Kipyegon ran the mile in a new world record time in Nairobi on Saturday.",
                ),
                para(
                    "World Athletics confirmed the mark. Kenyan fans filled the stadium to cheer Kipyegon home.",
                ),
            ],
            copies: 1,
        },
        Draft {
            title: "Council approves new bike lanes",
            author: Some("Local desk"),
            date: None,
            blocks: vec![para(
                "The city council voted seven to two for the plan, which adds twelve kilometres of protected lanes by next spring.",
            )],
            copies: 1,
        },
        Draft {
            title: "Equinor tests floating wind turbines off Norway",
            author: Some("Lars Berg"),
            date: Some("2025-09-30"),
            blocks: vec![
                para(
                    "Equinor began testing a new floating turbine design off the coast of Norway this week.",
                ),
                heading("Science behind the floats"),
                para(
                    "Engineers in Oslo say the design steadies the tower in heavy seas; Chile and Kenya have asked for the data.",
                ),
            ],
            copies: 1,
        },
    ]
}

/// Builds an article from a draft; the body is its blocks joined by a blank line.
pub fn article(draft: &Draft, n: usize) -> Article {
    let mut text = String::new();
    let mut blocks = Vec::new();
    for (kind, body) in &draft.blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(body);
        blocks.extend(Block::new(*kind, start..text.len()));
    }
    let sources = (0..draft.copies)
        .map(|c| {
            Source::new(
                format!("fixtures/{n:02}-{c}.txt"),
                if c == 0 { 1.0 } else { 0.9 },
            )
        })
        .collect();
    Article {
        id: format!("{n:016x}"),
        title: draft.title.to_owned(),
        author: draft.author.map(str::to_owned),
        author_role: None,
        author_credit: None,
        date: draft.date.map(str::to_owned),
        date_source: draft.date.map(|_| dossier::corpus::DateSource::Metadata),
        source: None,
        url: None,
        words: text.split_whitespace().count(),
        text,
        blocks,
        end_matter: Vec::new(),
        links: Vec::new(),
        sources,
    }
}

/// Finds every gazetteer surface form in `text`: longest first, no overlaps.
pub fn mentions(text: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    let mut entries: Vec<_> = GAZETTEER.to_vec();
    entries.sort_by_key(|(surface, _, _)| std::cmp::Reverse(surface.len()));
    for (surface, name, kind) in entries {
        for (start, _) in text.match_indices(surface) {
            let end = start + surface.len();
            let word_end = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            let overlaps = found.iter().any(|m| start < m.end && m.start < end);
            if word_end && !overlaps {
                found.push(Mention {
                    start,
                    end,
                    name: name.to_owned().into(),
                    kind,
                    country: None,
                    location: dossier::entities::Location::Text,
                });
            }
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

/// Builds a library from articles, indexing their gazetteer mentions.
pub fn library_of(articles: Vec<Article>, warnings: Vec<Warning>) -> Library {
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let found = texts.iter().map(|t| mentions(t)).collect();
    let index = EntityIndex::build(&texts, found);
    Library {
        corpus: Corpus { articles, warnings }.into(),
        index,
    }
}

/// The fixture library: four articles and one load warning.
pub fn library() -> Library {
    let articles = drafts()
        .iter()
        .enumerate()
        .map(|(n, d)| article(d, n))
        .collect();
    library_of(
        articles,
        vec![Warning {
            path: "fixtures/broken.txt".into(),
            reason: "skipped: not valid UTF-8".into(),
        }],
    )
}

/// Returns the text of one frame of `app` drawn on a TestBackend of the
/// app's size, a line per row.
pub fn render(app: &dossier::tui::app::App) -> String {
    let backend = ratatui::backend::TestBackend::new(app.size().0, app.size().1);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| dossier::tui::view::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Returns the titles the list of `app` shows, in list order.
pub fn titles(app: &dossier::tui::app::App) -> Vec<String> {
    let lib = app.library().expect("a library is loaded");
    app.list()
        .visible()
        .iter()
        .map(|&i| lib.corpus.articles[i as usize].title.clone())
        .collect()
}
