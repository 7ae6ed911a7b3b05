//! `dossier threads`: the groups of articles that report one story, the
//! largest first, each named after its most central headline.

use serde_json::{Value, json};
use xxhash_rust::xxh3::xxh3_64;

use crate::pipeline::Library;
use crate::threads::Thread;

/// Returns the threads of `lib` as JSON: `[{id, title, articles: [ids]}]`,
/// articles oldest first. A thread's id is a hash of its members' ids, so
/// it stays the same while the thread does.
pub(super) fn threads_json(lib: &Library, list: &[Thread]) -> Value {
    let articles = &lib.corpus.articles;
    Value::Array(
        list.iter()
            .map(|t| {
                let ids: Vec<&str> = t
                    .articles
                    .iter()
                    .map(|&i| articles[i].id.as_str())
                    .collect();
                let mut sorted = ids.clone();
                sorted.sort_unstable();
                let id = format!("{:016x}", xxh3_64(sorted.join(" ").as_bytes()));
                json!({ "id": id, "title": articles[t.central].title, "articles": ids })
            })
            .collect(),
    )
}

/// Returns the threads as a table: the thread's title and size, then one
/// line per article (id, date, title).
pub(super) fn threads_table(lib: &Library, value: &Value) -> String {
    let mut out = String::new();
    for t in value.as_array().into_iter().flatten() {
        let members = t["articles"].as_array().map_or(&[][..], Vec::as_slice);
        out.push_str(&format!(
            "{} ({} articles)\n",
            t["title"].as_str().unwrap_or(""),
            members.len()
        ));
        for id in members.iter().filter_map(Value::as_str) {
            let Some(a) = lib.corpus.find(id).map(|i| &lib.corpus.articles[i]) else {
                continue;
            };
            out.push_str(&format!(
                "    {}  {:<10}  {}\n",
                a.id,
                a.date.as_deref().unwrap_or("—"),
                a.title
            ));
        }
    }
    if out.is_empty() {
        out.push_str("no threads: no two articles report the same story\n");
    }
    out
}
