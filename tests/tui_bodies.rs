//! A warm open in the reader: the list comes from the snapshot's heads,
//! and an article's text is read from the cache, by chunk, when the
//! article is shown; search snippets are cut from texts read the same way.
//! When the folder changed and its snapshot was replaced, no text is read
//! (the reader must open the folder whole). Driven by actions, with the
//! reads done here as the text reader does them.

use crate::tui_support;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use dossier::corpus::{Article, Corpus};
use dossier::pipeline::{Library, Open, Options};
use dossier::search::texts::{Store, Texts};
use dossier::search::{self, SearchIndex};
use dossier::state::cache::{Bodies, BodySource, Cache};
use dossier::tui::action::{Action, Found, Loaded};
use dossier::tui::app::{App, Effect};
use dossier::tui::keymap::Keymap;
use dossier::tui::text_reader::{self, Answer, ReadText, TextReader};
use dossier::tui::text_search;
use dossier::tui::theme::Theme;
use dossier::tui::wake::{self, Wake};
use tui_support::render;

const ARTICLES: [(&str, &str); 4] = [
    (
        "markets/oil.txt",
        "Oil climbs on Norway cut\n\nEquinor trimmed output at two fields in the North Sea, and Brent rose two percent by the close of trading.",
    ),
    (
        "sport/final.txt",
        "Boston take the final\n\nA late three-pointer settled it in Boston on Sunday night, before a crowd of nineteen thousand.",
    ),
    (
        "science/collider.txt",
        "CERN restarts the collider\n\nEngineers in Geneva brought the beams back after a winter of repairs to the magnets.",
    ),
    (
        "world/copper.txt",
        "Chile weighs copper royalty\n\nLawmakers in Santiago debated a royalty on copper mines that would fund regional budgets.",
    ),
];

/// A folder of articles, opened once (cold, which saves the snapshot),
/// then warm without the texts, as the reader opens an unchanged folder.
struct Warm {
    folder: tempfile::TempDir,
    state: tempfile::TempDir,
    paths: Vec<PathBuf>,
    /// The library a whole open gives, texts and all.
    whole: Library,
    /// The library listed from the snapshot's heads.
    heads: Arc<Library>,
    source: BodySource,
}

fn write(folder: &Path, articles: &[(&str, &str)]) {
    for (path, text) in articles {
        let path = folder.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn warm() -> Warm {
    warm_with(&[])
}

/// [`warm`], with `extra` articles in the folder.
fn warm_with(extra: &[(&str, &str)]) -> Warm {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), &ARTICLES);
    write(folder.path(), extra);
    let state = tempfile::tempdir().unwrap();
    let paths = vec![folder.path().to_path_buf()];
    let (cache, _) = Cache::open(Some(state.path())).unwrap();
    let options = Options::default();
    let whole = Open::new(&paths, &options)
        .cache(&cache, false)
        .library()
        .unwrap();
    let listed = Open::new(&paths, &options)
        .cache(&cache, false)
        .without_text()
        .run()
        .unwrap();
    assert!(listed.report.snapshot_hit);
    assert!(
        listed
            .library
            .corpus
            .articles
            .iter()
            .all(|a| a.text.is_empty()),
        "the heads come without texts"
    );
    let source = BodySource {
        path: cache.path().unwrap().to_path_buf(),
        read_only: false,
        corpus: dossier::state::corpus_key(&paths),
        fingerprint: listed.report.fingerprint.unwrap(),
    };
    Warm {
        folder,
        state,
        paths,
        whole,
        heads: Arc::new(listed.library),
        source,
    }
}

impl Warm {
    /// The reader's app, shown the heads, its texts in the cache.
    fn app(&self) -> App {
        self.app_of_size(120, 40)
    }

    fn app_of_size(&self, width: u16, height: u16) -> App {
        let mut app = App::new(Keymap::default(), Theme::dark(), width, height);
        let loaded = Loaded {
            bodies: Some(self.source.clone()),
            ..Loaded::new((*self.heads).clone())
        };
        app.update(Action::Loaded(Arc::new(loaded)));
        app
    }

    fn store(&self) -> Store {
        Arc::new(Mutex::new(Bodies::open(self.source.clone()).unwrap()))
    }

    /// Does what the app asked of the text reader, as the event loop
    /// would; returns the articles asked for.
    fn read_asked(&self, app: &mut App, store: &Store) -> Vec<usize> {
        let asked: Vec<usize> = app
            .take_effects()
            .into_iter()
            .filter_map(|e| match e {
                Effect::ReadText(i) => Some(i),
                _ => None,
            })
            .collect();
        for &i in &asked {
            let text = text_reader::read(store, &self.heads, i).expect("a text");
            app.update(Action::TextRead(Arc::new(text)));
        }
        asked
    }
}

/// Returns the index of the article whose title starts with `title`.
fn titled(library: &Library, title: &str) -> u32 {
    let at = library
        .corpus
        .articles
        .iter()
        .position(|a| a.title.starts_with(title));
    at.expect("an article of that title") as u32
}

fn first_words(library: &Library, i: usize) -> String {
    let text = &library.corpus.articles[i].text;
    let body = text.split("\n\n").last().unwrap();
    body.split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_shown_article_is_read_from_the_cache_when_it_is_shown() {
    let warm = warm();
    let mut app = warm.app();
    let store = warm.store();
    let i = app.current().unwrap();
    assert!(app.texts_pending());
    let screen = render(&app);
    assert!(screen.contains("reading the text…"), "{screen}");
    let title = &warm.whole.corpus.articles[i].title;
    assert!(screen.contains(title.as_str()), "{screen}");
    assert!(!screen.contains(&first_words(&warm.whole, i)), "{screen}");
    assert!(
        store.lock().unwrap().kept().is_empty(),
        "nothing read unasked"
    );

    assert_eq!(warm.read_asked(&mut app, &store), [i]);
    assert!(!app.texts_pending());
    assert_eq!(store.lock().unwrap().kept(), [0], "its chunk, read once");
    let screen = render(&app);
    assert!(!screen.contains("reading the text…"), "{screen}");
    assert!(screen.contains(&first_words(&warm.whole, i)), "{screen}");

    // The next article is asked for when it is shown, the last one is
    // kept.
    app.update(Action::Down);
    let next = app.current().unwrap();
    assert!(app.texts_pending());
    assert_eq!(warm.read_asked(&mut app, &store), [next]);
    assert!(render(&app).contains(&first_words(&warm.whole, next)));
    app.update(Action::Up);
    assert!(!app.texts_pending());
    assert_eq!(warm.read_asked(&mut app, &store), Vec::<usize>::new());
    assert!(render(&app).contains(&first_words(&warm.whole, i)));
}

#[test]
fn the_text_read_is_the_whole_article_with_its_mentions() {
    let warm = warm();
    let store = warm.store();
    for (i, want) in warm.whole.corpus.articles.iter().enumerate() {
        let read = text_reader::read(&store, &warm.heads, i).unwrap();
        assert_eq!(&read.article, want);
        assert_eq!(read.mentions, warm.whole.index.mentions_in(i));
    }
}

#[test]
fn a_text_of_another_article_is_not_shown() {
    let warm = warm();
    let mut app = warm.app();
    let store = warm.store();
    let i = app.current().unwrap();
    let mut other = text_reader::read(&store, &warm.heads, (i + 1) % ARTICLES.len()).unwrap();
    other.index = i;
    app.update(Action::TextRead(Arc::new(other)));
    assert!(app.texts_pending(), "still waiting for its own text");
}

#[test]
fn search_snippets_are_cut_from_the_texts_read_by_chunk() {
    let warm = warm();
    // The index on disk holds every article already (a cold open's
    // search worker built it).
    search::open_for(
        &warm.whole,
        Some(warm.state.path()),
        search::ForThisRun::Memory,
    )
    .unwrap();
    let texts = Texts::Store(Arc::clone(&warm.heads), warm.store());
    let (mut index, _) = SearchIndex::open(warm.state.path()).unwrap();
    let added = index
        .update_with(&warm.heads, &|i| texts.text_of(i))
        .unwrap();
    assert_eq!(added, 0, "nothing to add, nothing read");

    let hits = text_search::answer(&index, &texts, "royalty".into());
    assert_eq!(hits.problem, None);
    let copper = titled(&warm.whole, "Chile weighs");
    assert_eq!(hits.articles, [copper]);
    let (article, snippet) = &hits.best[0];
    assert_eq!(*article, copper);
    assert!(snippet.text.contains("royalty"), "{snippet:?}");
    let (start, end) = snippet.marks[0];
    assert_eq!(&snippet.text[start..end], "royalty");
}

#[test]
fn an_index_that_lacks_articles_reads_their_texts_by_chunk() {
    let warm = warm();
    let texts = Texts::Store(Arc::clone(&warm.heads), warm.store());
    let mut index = SearchIndex::in_memory().unwrap();
    let added = index
        .update_with(&warm.heads, &|i| texts.text_of(i))
        .unwrap();
    assert_eq!(added, ARTICLES.len());
    let hits = text_search::answer(&index, &texts, "magnets".into());
    let collider = titled(&warm.whole, "CERN restarts");
    assert_eq!(
        hits.articles,
        [collider],
        "a word of a body, not of a title"
    );
}

#[test]
fn a_replaced_snapshot_gives_no_text_and_the_reader_says_it_is_stale() {
    let warm = warm();
    let store = warm.store();
    // The folder changes and another open replaces its snapshot.
    write(
        warm.folder.path(),
        &[(
            "world/rates.txt",
            "Rates held in Oslo\n\nNorges Bank kept its rate unchanged.",
        )],
    );
    let (cache, _) = Cache::open(Some(warm.state.path())).unwrap();
    Open::new(&warm.paths, &Options::default())
        .cache(&cache, false)
        .library()
        .unwrap();

    assert_eq!(text_reader::read(&store, &warm.heads, 0), None);
    let texts = Texts::Store(Arc::clone(&warm.heads), Arc::clone(&store));
    assert_eq!(texts.text_of(1), None);
    let (waker, wakes) = wake::wakes();
    let reader = TextReader::spawn(Arc::clone(&warm.heads), store, &waker);
    reader.ask(0);
    // A generous bound, only so that a hang fails rather than blocks.
    let woke = wakes.wakes.recv_timeout(Duration::from_secs(60));
    assert!(
        matches!(woke, Ok(Wake::Report)),
        "the answer did not wake the UI"
    );
    let answer = reader.answers.try_recv();
    assert!(matches!(answer, Ok(Answer::Stale)), "{answer:?}");
}

#[test]
fn the_whole_library_in_place_of_the_heads_needs_no_reading() {
    let warm = warm();
    let mut app = warm.app();
    let i = app.current().unwrap();
    app.take_effects();
    app.update(Action::Texts(Arc::new(warm.whole.clone())));
    assert!(!app.texts_pending());
    assert!(render(&app).contains(&first_words(&warm.whole, i)));
    app.update(Action::Down);
    assert!(
        !app.take_effects()
            .iter()
            .any(|e| matches!(e, Effect::ReadText(_))),
        "nothing asked of a whole library"
    );
}

#[test]
fn a_stored_snapshot_lets_the_library_go_of_its_texts_but_the_shown_one() {
    let warm = warm();
    // The reader of a cold open: the whole library, texts and all, its own.
    let mut app = App::new(Keymap::default(), Theme::dark(), 120, 40);
    let own = Library {
        corpus: Arc::new((*warm.whole.corpus).clone()),
        index: warm.whole.index.clone(),
    };
    app.update(Action::Loaded(Arc::new(Loaded::new(own))));
    let i = app.current().unwrap();
    let shown = render(&app);
    assert!(shown.contains(&first_words(&warm.whole, i)));
    app.take_effects();
    // While another part holds the library, it is left whole.
    let held = app.shared_library().unwrap();
    app.update(Action::Saved);
    assert!(!app.reads_texts_on_demand());
    drop(held);
    // Its snapshot stored, the library lets go of its texts in place.
    app.update(Action::Saved);
    assert!(app.reads_texts_on_demand());
    let library = app.library().unwrap();
    assert!(library.corpus.articles.iter().all(|a| a.text.is_empty()));
    assert_eq!(
        library.corpus.articles.len(),
        warm.whole.corpus.articles.len()
    );
    assert!(!app.texts_pending(), "the shown article keeps its text");
    assert_eq!(render(&app), shown);
    assert!(app.take_effects().is_empty());
    // The next article's text is read from the cache.
    app.update(Action::Down);
    let store = warm.store();
    let asked = warm.read_asked(&mut app, &store);
    let next = app.current().unwrap();
    assert_eq!(asked, vec![next]);
    assert!(render(&app).contains(&first_words(&warm.whole, next)));
}

#[test]
fn a_jump_to_an_entity_waits_for_the_text_and_then_scrolls_to_it() {
    let filler: Vec<String> = (1..=40)
        .map(|n| {
            format!(
                "Paragraph {n} of the report went on about the harbour works and their schedule."
            )
        })
        .collect();
    let long = format!(
        "Harbour works resume\n\n{}\n\nThe dredgers came from Portugal in the spring.",
        filler.join("\n\n")
    );
    let warm = warm_with(&[("ports/harbour.txt", long.as_str())]);
    let mut app = warm.app_of_size(120, 16);
    let store = warm.store();
    let harbour = titled(&warm.whole, "Harbour works") as usize;
    for _ in 0..harbour {
        app.update(Action::Down);
    }
    assert_eq!(app.current(), Some(harbour));
    // Its entity, followed from the entity pane before its text came.
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    app.update(Action::Select);
    assert_eq!(app.current(), Some(harbour));
    assert!(app.texts_pending());
    assert_eq!(app.reader().scroll(), 0);

    warm.read_asked(&mut app, &store);
    assert!(!app.texts_pending());
    assert!(app.reader().scroll() > 0, "scrolled to the mention");
    let screen = render(&app);
    assert!(screen.contains("came from Portugal"), "{screen}");
}

/// Returns how many runs of the shown document mark an entity.
fn marked(app: &App) -> usize {
    app.document()
        .iter()
        .flat_map(|line| &line.runs)
        .filter(|run| run.entity.is_some())
        .count()
}

/// Returns the articles whose texts the app asked for.
fn asked(app: &mut App) -> Vec<usize> {
    app.take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::ReadText(i) => Some(i),
            _ => None,
        })
        .collect()
}

#[test]
fn texts_lent_while_the_entities_are_found_are_marked_once_found_then_read_from_the_snapshot() {
    let warm = warm();
    let heads = || Corpus {
        articles: warm
            .whole
            .corpus
            .articles
            .iter()
            .map(Article::head)
            .collect(),
        warnings: warm.whole.corpus.warnings.clone(),
    };
    // A cold open's list: the heads, each text asked of the loader.
    let mut app = App::new(Keymap::default(), Theme::dark(), 120, 40);
    app.update(Action::Loaded(Arc::new(Loaded::lent(heads()))));
    let i = app.current().unwrap();
    assert!(app.texts_pending());
    assert!(render(&app).contains("reading the text…"));
    assert_eq!(asked(&mut app), [i]);
    let lend = |i: usize| {
        Arc::new(ReadText {
            index: i,
            article: warm.whole.corpus.articles[i].clone(),
            mentions: Vec::new(),
        })
    };
    app.update(Action::TextRead(lend(i)));
    assert!(!app.texts_pending());
    assert!(render(&app).contains(&first_words(&warm.whole, i)));
    assert_eq!(marked(&app), 0, "no entity is known yet");

    // The entities found, of the loader's articles, which let their texts
    // go: the text lent is marked with the index's mentions.
    assert!(!warm.whole.index.text_mentions(i).is_empty());
    let found = Library {
        corpus: Arc::new(heads()),
        index: warm.whole.index.clone(),
    };
    let found = Found {
        stored_next: true,
        ..Found::new(found)
    };
    app.update(Action::Found(Arc::new(found)));
    assert!(!app.finding_entities());
    assert!(marked(&app) > 0);

    // The next text is asked of the loader, which is storing the snapshot
    // and lends no more; once it is stored, it is asked of the snapshot.
    app.update(Action::Down);
    let next = app.current().unwrap();
    assert_eq!(asked(&mut app), [next]);
    app.update(Action::Saved);
    assert!(app.reads_texts_on_demand());
    let library = app.library().unwrap();
    assert!(
        library.index.text_mentions(i).is_empty(),
        "the index let its mentions go"
    );
    assert_eq!(warm.read_asked(&mut app, &warm.store()), [next]);
    assert!(render(&app).contains(&first_words(&warm.whole, next)));
    assert!(marked(&app) > 0);
    // The text lent took its mentions along.
    app.update(Action::Up);
    assert!(!app.texts_pending());
    assert!(asked(&mut app).is_empty());
    assert!(marked(&app) > 0);
}
