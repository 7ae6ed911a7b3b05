//! The fuzz targets' invariants as property tests, so CI checks them on
//! every change: inputs made of long runs of each markup and control
//! character (the shapes that made passes quadratic or leaked escapes)
//! mixed with words. For every loader format, cleaning, sanitize, the
//! filter language, the config and the reader's render: no panic, and no
//! control or bidi character in what comes out. (Linear time is checked
//! by the fuzz targets and benches, never by timing in tests.)

use std::path::Path;
use std::sync::Arc;

use dossier::config::Config;
use dossier::corpus::formats::Format;
use dossier::corpus::load::parse_bytes;
use dossier::filter::{FilterIndex, Ranker};
use dossier::pipeline::{self, Options};
use dossier::sanitize::{clean_line, clean_text, escape_line, is_safe_char};
use dossier::tui::action::{Action, Loaded};
use dossier::tui::app::App;
use proptest::prelude::*;

/// Characters that start or end markup, whitespace, and controls.
const HOSTILE: &[char] = &[
    '*', '_', '`', '[', ']', '(', ')', '!', '#', '>', '-', '+', '=', '|', '~', '<', '&', '\\', ':',
    '{', '}', '"', '\'', '\n', '\r', '\t', ' ', '.', '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}',
    '\u{2028}', '\u{0}', '\u{feff}',
];

const WORDS: &[&str] = &[
    "Rates",
    "held",
    "the",
    "Council",
    "said",
    "Striker",
    "Mars",
    "ice",
    "a",
    "of",
    "Ltd",
    "[x](y)",
    "**b**",
    "+++",
    "---",
    "title:",
    "title =",
    "{\"text\":",
    "]0;T",
];

/// A text of up to `pieces` segments, each a run of one hostile character
/// (up to `run` long) or a word.
fn hostile_text(pieces: usize, run: usize) -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        (prop::sample::select(HOSTILE), 1..run).prop_map(|(c, n)| c.to_string().repeat(n)),
        prop::sample::select(WORDS).prop_map(|w| format!("{w} ")),
    ];
    prop::collection::vec(segment, 0..pieces).prop_map(|parts| parts.concat())
}

fn assert_safe(text: &str, lines: bool, what: &str) {
    for c in text.chars() {
        assert!(
            (lines && c == '\n') || is_safe_char(c),
            "{what} holds {c:?}"
        );
    }
}

const FORMATS: [Option<Format>; 4] = [
    None,
    Some(Format::Text),
    Some(Format::Markdown),
    Some(Format::JsonLines),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_format_loads_hostile_text_into_safe_documents(text in hostile_text(60, 5_000)) {
        for format in FORMATS {
            let (docs, warnings) = parse_bytes("p.in", text.clone().into_bytes(), format);
            for d in &docs {
                assert_safe(&d.text, true, "text");
                for f in [&d.title, &d.author, &d.date, &d.source, &d.url].into_iter().flatten() {
                    assert_safe(f, false, "metadata");
                }
            }
            for w in &warnings {
                assert_safe(&w.to_string(), false, "warning");
            }
        }
    }

    #[test]
    fn cleaning_hostile_documents_gives_safe_articles(
        a in hostile_text(40, 3_000),
        b in hostile_text(40, 3_000),
        markdown in any::<bool>(),
    ) {
        let format = if markdown { Format::Markdown } else { Format::Text };
        let docs: Vec<_> = [a, b]
            .iter()
            .enumerate()
            .flat_map(|(i, t)| parse_bytes(&format!("d{i}"), t.clone().into_bytes(), Some(format)).0)
            .collect();
        let library = pipeline::build(&docs, Vec::new(), &Options::default(), &|_| {});
        for article in &library.corpus.articles {
            assert_safe(&article.text, true, "article");
            assert_safe(&article.title, false, "title");
            for b in &article.blocks {
                assert_safe(article.block_text(b), true, "block");
            }
        }
    }

    #[test]
    fn sanitizing_is_safe_and_idempotent(text in hostile_text(80, 200)) {
        let cleaned = clean_text(&text);
        assert_safe(&cleaned, true, "clean_text");
        prop_assert_eq!(clean_text(&cleaned), cleaned.clone());
        assert_safe(&clean_line(&text), false, "clean_line");
        assert_safe(&escape_line(&text), false, "escape_line");
    }

    #[test]
    fn any_config_is_accepted_or_refused_in_one_safe_line(text in hostile_text(30, 50)) {
        match Config::parse(&text, Path::new("p.toml")) {
            Ok(config) => {
                if let Err(e) = dossier::tui::Setup::from_config(&config, None) {
                    let line = dossier::out::diag_line(&e);
                    assert_safe(line.trim_end_matches('\n'), false, "diagnostic");
                }
            }
            Err(e) => {
                let line = dossier::out::diag_line(&e);
                assert_safe(line.trim_end_matches('\n'), false, "diagnostic");
            }
        }
    }

    #[test]
    fn the_reader_renders_hostile_articles_and_notices_safely(
        text in hostile_text(40, 2_000),
        notice in hostile_text(8, 4),
        steps in prop::collection::vec(0u8..=255, 0..40),
    ) {
        let (docs, warnings) = parse_bytes("r.md", text.into_bytes(), Some(Format::Markdown));
        let library = pipeline::build(&docs, warnings, &Options::default(), &|_| {});
        let filter = FilterIndex::new(&library.index, library.corpus.articles.iter().map(|a| a.title.as_str()));
        let _ = filter.apply(&library.index, &notice);
        let _ = Ranker::new().rank(&filter, &notice, 10);
        let mut app = App::new(
            dossier::tui::keymap::Keymap::default(),
            dossier::tui::theme::Theme::dark(),
            80,
            24,
        );
        app.update(Action::Loaded(Arc::new(Loaded::new(library))));
        app.update(Action::Notice(notice));
        for step in steps {
            let action = match step % 8 {
                0 => Action::Down,
                1 => Action::Select,
                2 => Action::Warnings,
                3 => Action::FocusNext,
                4 => Action::PageDown,
                5 => Action::Resize { width: u16::from(step) % 150 + 1, height: u16::from(step) % 50 + 1 },
                6 => Action::Help,
                _ => Action::Back,
            };
            app.update(action);
            let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(app.size().0, app.size().1)).unwrap();
            terminal.draw(|f| dossier::tui::view::draw(f, &app)).unwrap();
            for cell in terminal.backend().buffer().content() {
                assert_safe(cell.symbol(), false, "cell");
            }
        }
    }
}
