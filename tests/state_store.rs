//! The state database keeps what the reader remembers across restarts,
//! migrates old files forward, and moves aside files it cannot trust.

use std::path::Path;

use dossier::state::{Session, StateStore, store::MIGRATIONS};
use rusqlite::Connection;

fn aside_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    names.sort();
    names
}

#[test]
fn marks_and_sessions_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (store, notices) = StateStore::open(Some(dir.path())).unwrap();
        assert!(notices.is_empty());
        store.set_read("a1", true).unwrap();
        assert!(store.toggle_star("b2").unwrap());
        store.set_scroll("b2", 42).unwrap();
        store
            .save_session(
                "paths-1",
                &Session {
                    selected: Some("b2".into()),
                    filter: "country:latvia".into(),
                    pane: Some("reader".into()),
                    sort: Some("newest".into()),
                },
            )
            .unwrap();
    }
    let (store, notices) = StateStore::open(Some(dir.path())).unwrap();
    assert!(notices.is_empty());
    assert!(store.is_read("a1").unwrap());
    assert!(!store.is_starred("a1").unwrap());
    assert!(store.is_starred("b2").unwrap());
    assert!(!store.is_read("b2").unwrap());
    let marks = store.marks(&["a1", "b2", "zz"]).unwrap();
    assert_eq!(marks["b2"].scroll, 42);
    assert!(marks["b2"].first_seen.is_some());
    assert!(!marks.contains_key("zz"));
    let session = store.load_session("paths-1").unwrap().unwrap();
    assert_eq!(session.selected.as_deref(), Some("b2"));
    assert_eq!(session.filter, "country:latvia");
    assert_eq!(session.pane.as_deref(), Some("reader"));
    assert_eq!(store.load_session("paths-2").unwrap(), None);
}

#[test]
fn toggles_flip_and_report_the_new_value() {
    let store = StateStore::disabled();
    assert!(store.toggle_star("x").unwrap());
    assert!(!store.toggle_star("x").unwrap());
    assert!(store.toggle_read("x").unwrap());
    assert!(store.is_read("x").unwrap());
    assert!(!store.toggle_read("x").unwrap());
    assert!(store.path().is_none());
}

#[test]
fn first_seen_is_kept_from_the_first_sighting() {
    let store = StateStore::disabled();
    assert_eq!(store.record_seen(&["a", "b"]).unwrap(), 2);
    let before = store.marks(&["a"]).unwrap()["a"].first_seen;
    assert_eq!(store.record_seen(&["a", "c"]).unwrap(), 1);
    store.set_read("a", true).unwrap();
    assert_eq!(store.marks(&["a"]).unwrap()["a"].first_seen, before);
}

#[test]
fn many_ids_are_looked_up_in_one_scan() {
    let store = StateStore::disabled();
    let ids: Vec<String> = (0..1000).map(|i| format!("id{i}")).collect();
    store.record_seen(&ids).unwrap();
    store.set_read("id7", true).unwrap();
    let marks = store.marks(&ids[..600]).unwrap();
    assert_eq!(marks.len(), 600);
    assert!(marks["id7"].read);
    assert!(!marks.contains_key("id700"));
}

#[test]
fn the_marks_shown_are_those_of_marked_articles_only() {
    let store = StateStore::disabled();
    for n in [10, 1000] {
        let ids: Vec<String> = (0..n).map(|i| format!("n{n}-{i}")).collect();
        store.record_seen(&ids).unwrap();
        store.set_read(&ids[3], true).unwrap();
        store.set_starred(&ids[5], true).unwrap();
        store.set_scroll(&ids[7], 12).unwrap();
        store.set_read(&ids[8], true).unwrap();
        store.set_read(&ids[8], false).unwrap();
        // Few ids are looked up one by one, many in one scan.
        let asked = if n > 256 { &ids[..] } else { &ids[..9] };
        let shown = store.shown_marks(asked).unwrap();
        let mut keys: Vec<&str> = shown.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let (read, starred, scrolled) = (&ids[3], &ids[5], &ids[7]);
        assert_eq!(
            keys,
            [read.as_str(), starred.as_str(), scrolled.as_str()],
            "{n} ids"
        );
        assert!(shown[read].read && shown[starred].starred && shown[scrolled].scroll == 12);
    }
}

#[test]
fn garbage_is_moved_aside_and_a_fresh_database_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    let (store, notices) = StateStore::open(Some(dir.path())).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains(&path.display().to_string()));
    assert!(notices[0].contains("corrupt"), "{}", notices[0]);
    let aside = aside_files(dir.path());
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(notices[0].contains(&aside[0]));
    assert_eq!(std::fs::read(dir.path().join(&aside[0])).unwrap(), garbage);
    store.set_read("a", true).unwrap();
    drop(store);
    let (store, notices) = StateStore::open(Some(dir.path())).unwrap();
    assert!(notices.is_empty());
    assert!(store.is_read("a").unwrap());
}

#[test]
fn a_damaged_page_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");
    {
        let (store, _) = StateStore::open(Some(dir.path())).unwrap();
        let ids: Vec<String> = (0..5000).map(|i| format!("article-{i:05}")).collect();
        store.record_seen(&ids).unwrap();
    }
    // Fold the WAL into the main file, then scribble over a b-tree page
    // while keeping the header valid.
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 4 * 4096);
    for b in &mut bytes[2 * 4096..3 * 4096] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let (store, notices) = StateStore::open(Some(dir.path())).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(aside_files(dir.path()).len(), 1);
    assert!(!store.is_read("article-00001").unwrap());
}

#[test]
fn a_newer_schema_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future(x); INSERT INTO future VALUES (1);")
            .unwrap();
        conn.pragma_update(None, "user_version", MIGRATIONS.len() + 5)
            .unwrap();
    }
    let (store, notices) = StateStore::open(Some(dir.path())).unwrap();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("newer"), "{}", notices[0]);
    assert!(notices[0].contains(&path.display().to_string()));
    let aside = aside_files(dir.path());
    assert_eq!(aside.len(), 1);
    let kept = Connection::open(dir.path().join(&aside[0])).unwrap();
    let x: i64 = kept
        .query_row("SELECT x FROM future", [], |r| r.get(0))
        .unwrap();
    assert_eq!(x, 1);
    store.set_read("a", true).unwrap();
}

#[test]
fn a_version_1_database_migrates_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, read, starred, scroll) VALUES ('old', 1, 1, 9);
             INSERT INTO sessions (corpus, selected, filter) VALUES ('k', 'old', 'company:x');
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let (store, notices) = StateStore::open(Some(dir.path())).unwrap();
    assert!(notices.is_empty());
    let m = store.marks(&["old"]).unwrap()["old"];
    assert!(m.read && m.starred);
    assert_eq!(m.scroll, 9);
    assert!(m.first_seen.is_some(), "first_seen backfilled by v2");
    let s = store.load_session("k").unwrap().unwrap();
    assert_eq!(s.filter, "company:x");
    assert_eq!(s.pane, None);
    // More ids than one query asks for: the marked rows come through the
    // index, which v4 built over rows marked before it.
    store.set_read("elsewhere", true).unwrap();
    let many: Vec<String> = (0..300)
        .map(|i| format!("x{i}"))
        .chain(["old".into()])
        .collect();
    let shown = store.shown_marks(&many).unwrap();
    assert_eq!(shown.keys().collect::<Vec<_>>(), ["old"]);
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let v: usize = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, MIGRATIONS.len());
    let plan: String = conn
        .query_row(
            "EXPLAIN QUERY PLAN SELECT id FROM articles
             WHERE read != 0 OR starred != 0 OR scroll != 0",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("marked"), "{plan}");
}
