//! `dossier search`: the articles whose title or text match a full-text
//! query, best first, each with a snippet whose matched words are marked.

use std::path::Path;

use serde_json::{Value, json};

use crate::search::texts::Texts;
use crate::search::{ForThisRun, Query, SearchIndex};
use crate::state;

/// Returns the search index of the library of `texts` for a command, up to
/// date: the one in the state directory, or one in a scratch folder,
/// removed when the command ends, with `--no-state` or when the state
/// directory cannot be used (said in the returned notices).
pub(super) fn open_index(
    texts: &Texts,
    no_state: bool,
    dir: Option<&Path>,
) -> anyhow::Result<(SearchIndex, Vec<String>)> {
    if no_state {
        return Ok(texts.index(None, ForThisRun::Scratch)?);
    }
    match state::state_dir(dir) {
        Ok(dir) => Ok(texts.index(Some(&dir), ForThisRun::Scratch)?),
        Err(e) => {
            let (index, mut notices) = texts.index(None, ForThisRun::Scratch)?;
            notices.insert(0, format!("{e}; searching an index built for this run"));
            Ok((index, notices))
        }
    }
}

/// Returns the hits of `query` in the library of `texts` as JSON: the
/// total and the best `limit` with id, title, score, snippet and the byte
/// ranges of the snippet's matched words.
pub(super) fn search_json(
    texts: &Texts,
    index: &SearchIndex,
    query: &Query,
    text: &str,
    limit: usize,
) -> anyhow::Result<Value> {
    let hits = index.search(query, limit)?;
    let articles: Vec<usize> = hits.best.iter().map(|hit| hit.article).collect();
    let snippets = texts.snippets(&articles, query);
    let best: Vec<Value> = hits
        .best
        .iter()
        .zip(snippets)
        .map(|(hit, snippet)| {
            let a = &texts.library().corpus.articles[hit.article];
            let s = snippet.ok_or_else(|| anyhow::anyhow!(crate::pipeline::text_gone(a)))?;
            Ok(json!({
                "id": a.id,
                "title": a.title,
                "score": (hit.score * 1000.0).round() / 1000.0,
                "snippet": s.text,
                "marks": s.marks,
            }))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(json!({ "query": text, "total": hits.total, "hits": best }))
}

/// Returns the hits as a table: id, score and title, then the snippet with
/// its matched words between `«` and `»`.
pub(super) fn search_table(value: &Value) -> String {
    let total = value["total"].as_u64().unwrap_or(0);
    let hits = value["hits"].as_array().map_or(&[][..], Vec::as_slice);
    let mut out = format!(
        "{total} {} match{}\n",
        if total == 1 { "article" } else { "articles" },
        if total == 1 { "es" } else { "" }
    );
    for hit in hits {
        out.push_str(&format!(
            "{}  {:>6.2}  {}\n",
            hit["id"].as_str().unwrap_or(""),
            hit["score"].as_f64().unwrap_or(0.0),
            hit["title"].as_str().unwrap_or("")
        ));
        let text = hit["snippet"].as_str().unwrap_or("");
        let mut marked = String::with_capacity(text.len() + 16);
        let mut at = 0;
        for m in hit["marks"].as_array().map_or(&[][..], Vec::as_slice) {
            let (Some(s), Some(e)) = (m[0].as_u64(), m[1].as_u64()) else {
                continue;
            };
            let (s, e) = (s as usize, e as usize);
            if s < at || e > text.len() {
                continue;
            }
            marked.push_str(&text[at..s]);
            marked.push('«');
            marked.push_str(&text[s..e]);
            marked.push('»');
            at = e;
        }
        marked.push_str(&text[at..]);
        out.push_str(&format!("    {marked}\n"));
    }
    out
}
