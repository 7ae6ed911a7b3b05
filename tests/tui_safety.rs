//! No control character or escape sequence from an article reaches the
//! terminal: a file full of them goes through the sanitizer and the
//! pipeline, and the rendered screen holds none.

use crate::tui_support;

use dossier::corpus::RawDoc;
use dossier::pipeline::{self, Options};
use dossier::sanitize;
use dossier::tui::action::Action;
use dossier::tui::app::App;
use tui_support::render;

const HOSTILE: &str = "Market\u{1b}[2J\u{1b}[H report\u{1b}]0;pwned\u{7} on \u{1b}P1$qm\u{1b}\\bonds\n\
    \u{9b}31mYields rose\u{1b}[0m as the \u{202e}central bank\u{202c} met.\r\n\
    Traders\u{8}\u{8}\u{8} said \u{1b}]8;;http://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\ rates\u{7f} hold.\n\
    \u{1b}(0lqqk\u{1b}(B \u{0}null\u{200f} and \u{2066}isolates\u{2069} end\u{9d}osc\u{9c} here.";

fn assert_clean(screen: &str) {
    for c in screen.chars() {
        assert!(
            c == '\n'
                || !(c.is_control()
                    || ('\u{200b}'..='\u{200f}').contains(&c)
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)),
            "unsafe char {c:?} in:\n{screen}"
        );
    }
}

#[test]
fn escape_sequences_from_a_file_never_reach_the_screen() {
    // As the loader does: text through the one door, then the pipeline.
    let doc = RawDoc {
        path: "hostile.txt".into(),
        text: sanitize::clean_text(HOSTILE),
        title: Some(sanitize::clean_line("Bonds \u{1b}[31mslide\u{1b}[0m\u{7}")),
        author: Some(sanitize::clean_line("\u{1b}]0;x\u{7}Desk")),
        ..RawDoc::default()
    };
    let library = pipeline::build(&[doc], Vec::new(), &Options::default(), &|_| {});
    assert!(!library.corpus.articles.is_empty());
    for (w, h) in [(120, 40), (80, 24), (40, 12)] {
        let mut app = App::with_library(library.clone(), w, h);
        let screen = render(&app);
        assert_clean(&screen);
        assert!(screen.contains("Bonds slide") || w < 60, "{screen}");
        app.update(Action::FocusNext);
        let screen = render(&app);
        assert_clean(&screen);
        assert!(screen.contains("report"), "{screen}");
        assert!(
            !screen.contains("pwned") && !screen.contains("evil.example"),
            "{screen}"
        );
    }
}
