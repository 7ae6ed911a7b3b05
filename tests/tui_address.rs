//! The article's address in the reader: shown under the byline, `o` hands
//! it to the browser and `y` to the clipboard as effects for the event
//! loop, only for `http`/`https`; the numbered links are listed under the
//! article.

use crate::tui_support;

use dossier::tui::action::Action;
use dossier::tui::app::{App, Effect};
use dossier::tui::keymap::{Keymap, Mode};
use tui_support::render;

/// The fixture library with addresses and links on the first articles.
fn app_with_urls(urls: [Option<&str>; 2]) -> App {
    let drafts = tui_support::drafts();
    let mut articles: Vec<_> = drafts
        .iter()
        .enumerate()
        .map(|(n, d)| tui_support::article(d, n))
        .collect();
    for (article, url) in articles.iter_mut().zip(urls) {
        article.url = url.map(str::to_owned);
    }
    articles[0].links = vec![
        "https://markets.example.com/copper".into(),
        "https://stats.example.org/chile-output".into(),
    ];
    App::with_library(tui_support::library_of(articles, Vec::new()), 120, 40)
}

fn outside(app: &mut App) -> Vec<Effect> {
    app.take_effects()
        .into_iter()
        .filter(|e| matches!(e, Effect::OpenUrl(_) | Effect::CopyUrl(_)))
        .collect()
}

#[test]
fn o_and_y_hand_the_address_out_as_effects() {
    let mut app = app_with_urls([Some("https://markets.example.com/copper-climbs"), None]);
    app.update(Action::OpenUrl);
    assert_eq!(
        outside(&mut app),
        [Effect::OpenUrl(
            "https://markets.example.com/copper-climbs".into()
        )]
    );
    assert!(app.status().unwrap().starts_with("opening "));
    app.update(Action::CopyUrl);
    assert_eq!(
        outside(&mut app),
        [Effect::CopyUrl(
            "https://markets.example.com/copper-climbs".into()
        )]
    );
    // The next article has no address: nothing leaves, the footer says why.
    app.update(Action::Down);
    app.update(Action::OpenUrl);
    assert!(outside(&mut app).is_empty());
    assert!(app.status().unwrap().contains("no web address"));
}

#[test]
fn addresses_that_are_not_web_addresses_are_refused() {
    for url in [
        "file:///home/me/.ssh/id_rsa",
        "javascript:alert(1)",
        "--help",
    ] {
        let mut app = app_with_urls([Some(url), None]);
        app.update(Action::OpenUrl);
        app.update(Action::CopyUrl);
        assert!(outside(&mut app).is_empty(), "{url} was handed out");
        let status = app.status().unwrap_or_default().to_owned();
        assert!(status.starts_with("not opened"), "{status}");
    }
}

#[test]
fn the_keys_are_o_and_y_and_the_help_lists_them() {
    let keymap = Keymap::default();
    let key = |c| {
        crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        )
    };
    assert!(matches!(
        keymap.resolve(&key('o'), Mode::Normal),
        Some(Action::OpenUrl)
    ));
    assert!(matches!(
        keymap.resolve(&key('y'), Mode::Normal),
        Some(Action::CopyUrl)
    ));
    let help: Vec<String> = keymap
        .help_rows()
        .into_iter()
        .map(|(keys, text)| format!("{keys} {text}"))
        .collect();
    assert!(
        help.iter()
            .any(|r| r.starts_with('o') && r.contains("browser"))
    );
    assert!(
        help.iter()
            .any(|r| r.starts_with('y') && r.contains("copy"))
    );
}

#[test]
fn the_reading_pane_shows_the_address_and_the_links() {
    let app = app_with_urls([Some("https://markets.example.com/copper-climbs"), None]);
    let lines: Vec<String> = app
        .document()
        .iter()
        .map(dossier::tui::document::DocLine::text)
        .collect();
    assert!(
        lines[..4]
            .iter()
            .any(|l| l == "https://markets.example.com/copper-climbs"),
        "{lines:#?}"
    );
    let links = lines
        .iter()
        .position(|l| l == "Links")
        .expect("a Links heading");
    assert_eq!(lines[links + 1], "[1] https://markets.example.com/copper");
    assert_eq!(
        lines[links + 2],
        "[2] https://stats.example.org/chile-output"
    );
    let screen = render(&app);
    assert!(
        screen.contains("https://markets.example.com/copper-climbs"),
        "{screen}"
    );
}
