//! The command line: subcommands over the same [`Library`] the reader uses,
//! with stable JSON on stdout and messages on stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde_json::{Value, json};

use crate::corpus::Article;
use crate::entities::{EntityIndex, EntityKind};
use crate::pipeline::{self, Library, Options};

#[derive(Parser, Debug)]
#[command(
    name = "dossier",
    version,
    about = "A terminal reader for folders of saved news articles",
    long_about = "dossier opens a folder of saved articles, strips the page chrome, merges \
                  duplicates, finds the entities they name, and lets you jump between \
                  articles that share a company or a country.\n\nWith no subcommand it opens \
                  the reader; with no PATH it uses the bundled seed articles.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open in the reader (default: the bundled seeds).
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Options shared by every command that loads a corpus.
#[derive(Args, Debug, Clone)]
pub struct LoadArgs {
    /// Skip files larger than this many bytes (suffixes K, M, G allowed).
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size, global = true)]
    pub max_size: u64,
    /// Near-duplicate threshold: share of the shorter article contained in the longer (0-1).
    #[arg(long, value_name = "SHARE", value_parser = parse_share, global = true)]
    pub threshold: Option<f64>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the deduplicated articles.
    List(ListArgs),
    /// Show one cleaned article.
    Show(ShowArgs),
    /// List the groups of duplicates that were merged.
    Dupes(PathsArgs),
    /// List the entities found across the corpus.
    Entities(EntitiesArgs),
    /// List the articles that share most entities with one article.
    Related(ShowArgs),
}

#[derive(Args, Debug)]
pub struct PathsArgs {
    /// Files or folders (default: the bundled seeds).
    pub paths: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[command(flatten)]
    pub common: PathsArgs,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Article id (a unique prefix is enough).
    pub id: String,
    #[command(flatten)]
    pub common: PathsArgs,
}

#[derive(Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub common: PathsArgs,
    /// Only entities of this kind: country, company, organization, person, place.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<EntityKind>,
}

fn parse_kind(s: &str) -> Result<EntityKind, String> {
    EntityKind::parse(s).ok_or_else(|| {
        format!("unknown kind '{s}': use country, company, organization, person or place")
    })
}

/// Parses a byte size such as `16M`, `512K` or `1048576`.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => {
            let unit = t[i..].to_ascii_lowercase();
            let mult = match unit.trim_end_matches('b').trim_end_matches('i') {
                "" => 1,
                "k" => 1 << 10,
                "m" => 1 << 20,
                "g" => 1 << 30,
                _ => return Err(format!("unknown size unit in '{s}': use K, M or G")),
            };
            (&t[..i], mult)
        }
        None => (t, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n.saturating_mul(mult))
        .map_err(|_| format!("'{s}' is not a size: write a number of bytes, e.g. 16M"))
}

fn parse_share(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("'{s}' is not a share between 0 and 1")),
    }
}

impl LoadArgs {
    pub fn options(&self) -> Options {
        let mut opts = Options::default();
        opts.load.max_file_size = self.max_size;
        if let Some(t) = self.threshold {
            opts.dedup.threshold = t;
        }
        opts
    }
}

/// Runs the binary: parses arguments and dispatches; returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let opts = cli.load.options();
    let Some(command) = cli.command else {
        crate::tui::run(&cli.paths, &opts)?;
        return Ok(ExitCode::SUCCESS);
    };
    match command {
        Command::List(a) => {
            let lib = open(&a.common.paths, &opts)?;
            print(a.common.json, &list_json(&lib), || list_table(&lib));
        }
        Command::Show(a) => {
            let lib = open(&a.common.paths, &opts)?;
            let i = find(&lib, &a.id)?;
            print(a.common.json, &show_json(&lib, i), || {
                show_text(&lib.corpus.articles[i])
            });
        }
        Command::Dupes(a) => {
            let lib = open(&a.paths, &opts)?;
            let groups = serde_json::to_value(lib.corpus.dupe_groups())?;
            print(a.json, &groups, || dupes_table(&lib));
        }
        Command::Entities(a) => {
            let lib = open(&a.common.paths, &opts)?;
            let value = entities_json(&lib, a.kind);
            print(a.common.json, &value, || entities_table(&value));
        }
        Command::Related(a) => {
            let lib = open(&a.common.paths, &opts)?;
            let i = find(&lib, &a.id)?;
            let value = related_json(&lib, i);
            print(a.common.json, &value, || related_table(&value));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens a corpus for a CLI command, printing each warning as one line.
fn open(paths: &[PathBuf], opts: &Options) -> anyhow::Result<Library> {
    let lib = pipeline::open(paths, opts, &|_| {});
    if let Ok(l) = &lib {
        for w in &l.corpus.warnings {
            eprintln!("dossier: warning: {w}");
        }
    }
    Ok(lib?)
}

fn find(lib: &Library, id: &str) -> anyhow::Result<usize> {
    lib.corpus.find(id).ok_or_else(|| {
        anyhow::anyhow!("no article with id '{id}' (see `dossier list` for the ids)")
    })
}

fn print(json: bool, value: &Value, table: impl FnOnce() -> String) {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(value).expect("JSON values serialize")
        );
    } else {
        print!("{}", table());
    }
}

fn entity_counts(index: &EntityIndex, article: usize) -> Value {
    let list = index
        .article_entities
        .get(article)
        .map_or(&[][..], Vec::as_slice);
    Value::Array(
        list.iter()
            .map(|&(id, n)| {
                let e = &index.entities[id as usize];
                json!({ "name": e.name, "kind": e.kind, "count": n })
            })
            .collect(),
    )
}

fn list_json(lib: &Library) -> Value {
    Value::Array(
        lib.corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                json!({
                    "id": a.id,
                    "title": a.title,
                    "author": a.author,
                    "date": a.date,
                    "source": a.source,
                    "words": a.words,
                    "paths": a.paths().collect::<Vec<_>>(),
                    "entities": entity_counts(&lib.index, i),
                })
            })
            .collect(),
    )
}

fn list_table(lib: &Library) -> String {
    let mut out = String::new();
    for a in &lib.corpus.articles {
        let copies = if a.sources.len() > 1 {
            format!(" ×{}", a.sources.len())
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{}  {:>6} words  {}{}{}\n",
            a.id,
            a.words,
            a.title,
            a.author
                .as_ref()
                .map(|s| format!(" — {s}"))
                .unwrap_or_default(),
            copies
        ));
    }
    out
}

fn show_json(lib: &Library, i: usize) -> Value {
    let a = &lib.corpus.articles[i];
    let mentions = lib.index.mentions.get(i).map_or(&[][..], Vec::as_slice);
    let entities: Vec<Value> = mentions
        .iter()
        .map(|m| {
            let e = &lib.index.entities[m.entity as usize];
            json!({ "name": e.name, "kind": e.kind, "start": m.start, "end": m.end })
        })
        .collect();
    json!({
        "id": a.id,
        "title": a.title,
        "author": a.author,
        "date": a.date,
        "source": a.source,
        "url": a.url,
        "words": a.words,
        "paths": a.paths().collect::<Vec<_>>(),
        "headings": a.headings().collect::<Vec<_>>(),
        "paragraphs": a.paragraphs().collect::<Vec<_>>(),
        "end_matter": a.end_matter,
        "text": a.text,
        "entities": entities,
    })
}

fn show_text(a: &Article) -> String {
    let mut out = format!("{}\n", a.title);
    if let Some(author) = &a.author {
        out.push_str(&format!("by {author}\n"));
    }
    if let Some(date) = &a.date {
        out.push_str(&format!("{date}\n"));
    }
    out.push('\n');
    for b in &a.blocks {
        match b.kind {
            crate::corpus::BlockKind::Heading => {
                out.push_str(&format!("## {}\n\n", a.block_text(b)));
            }
            crate::corpus::BlockKind::Paragraph => {
                out.push_str(&format!("{}\n\n", a.block_text(b)));
            }
        }
    }
    for line in &a.end_matter {
        out.push_str(&format!("{line}\n"));
    }
    out.push_str(&format!(
        "\n[{}]\n",
        a.paths().collect::<Vec<_>>().join(", ")
    ));
    out
}

fn dupes_table(lib: &Library) -> String {
    let mut out = String::new();
    for g in lib.corpus.dupe_groups() {
        out.push_str(&format!("{}\n", g.canonical));
        for c in g.copies {
            out.push_str(&format!(
                "  ⊂ {}  (containment {:.2})\n",
                c.path, c.containment
            ));
        }
    }
    out
}

fn entities_json(lib: &Library, kind: Option<EntityKind>) -> Value {
    let ids: Vec<&str> = lib.corpus.articles.iter().map(|a| a.id.as_str()).collect();
    let mut list: Vec<_> = lib
        .index
        .entities
        .iter()
        .filter(|e| kind.is_none_or(|k| e.kind == k))
        .collect();
    list.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    Value::Array(
        list.into_iter()
            .map(|e| {
                json!({
                    "name": e.name,
                    "kind": e.kind,
                    "aliases": e.aliases,
                    "articles": e.articles.iter().map(|&(a, _)| ids[a as usize]).collect::<Vec<_>>(),
                    "mentions": e.mentions,
                    "country": e.country,
                })
            })
            .collect(),
    )
}

fn entities_table(value: &Value) -> String {
    let mut out = String::new();
    for e in value.as_array().into_iter().flatten() {
        out.push_str(&format!(
            "{:<13} {:<40} {:>3} articles {:>4} mentions\n",
            e["kind"].as_str().unwrap_or_default(),
            e["name"].as_str().unwrap_or_default(),
            e["articles"].as_array().map_or(0, Vec::len),
            e["mentions"].as_u64().unwrap_or_default(),
        ));
    }
    out
}

fn related_json(lib: &Library, i: usize) -> Value {
    Value::Array(
        lib.index
            .related(i, 20)
            .into_iter()
            .map(|(j, shared)| {
                let a = &lib.corpus.articles[j];
                let shared: Vec<Value> = shared
                    .iter()
                    .map(|&id| {
                        let e = &lib.index.entities[id as usize];
                        json!({ "name": e.name, "kind": e.kind })
                    })
                    .collect();
                json!({ "id": a.id, "title": a.title, "shared": shared })
            })
            .collect(),
    )
}

fn related_table(value: &Value) -> String {
    let mut out = String::new();
    for r in value.as_array().into_iter().flatten() {
        let shared: Vec<&str> = r["shared"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["name"].as_str())
            .collect();
        out.push_str(&format!(
            "{}  {}\n    shares {}: {}\n",
            r["id"].as_str().unwrap_or_default(),
            r["title"].as_str().unwrap_or_default(),
            shared.len(),
            shared.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("3Q").is_err());
    }
}
