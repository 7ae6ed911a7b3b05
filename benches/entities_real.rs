//! Entity quality on real wire news that is never committed: countries
//! against the editors' tags and company recall against a gold list
//! written by reading the stories.
//!
//! Set `DOSSIER_REAL_NEWS` to a folder holding `wire/*.txt` (the stories),
//! `tags.json` (per story name: `places`, Reuters country codes such as
//! "usa", "west-germany") and `companies_gold.json` (`companies`: per story
//! name, the companies it names). Without it the bench says so and stops.
//! Run with `DOSSIER_REAL_NEWS=/path cargo bench --bench entities_real`.
//!
//! The stories go through the same path as `dossier list`
//! (`pipeline::open` on the folder: load, clean, dedupe, extract title,
//! byline and body, index); an article's countries include those it has
//! only through a place ("United States · via Houston"). A gold company is
//! found when an extracted company's name equals it case-folded, without
//! punctuation and without trailing legal suffixes ("Sedio N.V." = "Sedio").
#![allow(
    clippy::disallowed_macros,
    reason = "benchmarks report their figures on stdout"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use dossier::entities::EntityKind;
use serde_json::Value;

/// Legal forms dropped from the end of a company name before comparing.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "plc",
    "nv",
    "lp",
    "llc",
    "sa",
    "spa",
    "ag",
    "ab",
    "kk",
    "bv",
    "gmbh",
    "se",
    "oy",
    "oyj",
    "asa",
];

/// Our country name for a Reuters place code ("usa" → "United States").
fn country_name(code: &str) -> String {
    match code {
        "usa" => "United States".into(),
        "uk" => "United Kingdom".into(),
        "uae" => "United Arab Emirates".into(),
        "ussr" => "Russia".into(),
        "west-germany" | "east-germany" => "Germany".into(),
        "south-korea" => "South Korea".into(),
        "north-korea" => "North Korea".into(),
        other => other
            .split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next().map_or_else(String::new, |f| {
                    f.to_uppercase().chain(c).collect::<String>()
                })
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Case-folded, without punctuation, "the" or trailing legal suffixes.
fn company_key(name: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

#[derive(Default)]
struct Tally {
    predicted: usize,
    right: usize,
    gold: usize,
    found: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.predicted += other.predicted;
        self.right += other.right;
        self.gold += other.gold;
        self.found += other.found;
    }

    fn precision(&self) -> f64 {
        ratio(self.right, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn read_json(path: &Path) -> Value {
    let raw = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// Per story name: the countries and companies the pipeline finds.
type Found = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn extracted(wire: &Path) -> Found {
    let library = dossier::pipeline::open(
        &[wire.to_path_buf()],
        &dossier::pipeline::Options::default(),
        &|_| {},
    )
    .expect("the wire folder opens");
    let index = &library.index;
    let mut out = Found::new();
    for (i, article) in library.corpus.articles.iter().enumerate() {
        let mut countries = BTreeSet::new();
        let mut companies = BTreeSet::new();
        for &(id, _) in index.entities_in(i) {
            let e = &index[id];
            match e.kind {
                EntityKind::Country => {
                    countries.insert(e.name.clone());
                }
                EntityKind::Company => {
                    companies.insert(e.name.clone());
                }
                _ => {}
            }
        }
        for source in &article.sources {
            let stem = Path::new(&source.path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.insert(stem, (countries.clone(), companies.clone()));
        }
    }
    out
}

fn main() {
    let Some(root) = std::env::var_os("DOSSIER_REAL_NEWS").map(PathBuf::from) else {
        println!("DOSSIER_REAL_NEWS is not set: no real news to score, skipping");
        return;
    };
    let tags = read_json(&root.join("tags.json"));
    let gold = read_json(&root.join("companies_gold.json"));
    let found = extracted(&root.join("wire"));
    let verbose = std::env::var_os("DOSSIER_REAL_VERBOSE").is_some();

    let mut countries = Tally::default();
    let mut companies = Tally::default();
    let stories: Vec<&String> = tags.as_object().expect("tags map stories").keys().collect();
    for story in stories {
        let empty = (BTreeSet::new(), BTreeSet::new());
        let (got_countries, got_companies) = found.get(story.as_str()).unwrap_or(&empty);
        let want: BTreeSet<String> = strings(&tags[story.as_str()]["places"])
            .iter()
            .map(|c| country_name(c))
            .collect();
        let mut c = Tally {
            predicted: got_countries.len(),
            right: got_countries.intersection(&want).count(),
            gold: want.len(),
            ..Tally::default()
        };
        c.found = c.right;
        let gold_companies = strings(&gold["companies"][story.as_str()]);
        let got_keys: BTreeSet<String> = got_companies.iter().map(|n| company_key(n)).collect();
        let gold_keys: BTreeSet<String> = gold_companies.iter().map(|n| company_key(n)).collect();
        let missed: Vec<&String> = gold_companies
            .iter()
            .filter(|n| !got_keys.contains(&company_key(n)))
            .collect();
        let extra: Vec<&String> = got_companies
            .iter()
            .filter(|n| !gold_keys.contains(&company_key(n)))
            .collect();
        let k = Tally {
            predicted: got_companies.len(),
            right: got_companies.len() - extra.len(),
            gold: gold_companies.len(),
            found: gold_companies.len() - missed.len(),
        };
        println!(
            "{story:<18} countries P {:.2} R {:.2} F1 {:.2}  companies R {:.2} ({}/{})",
            c.precision(),
            c.recall(),
            c.f1(),
            k.recall(),
            k.found,
            k.gold
        );
        if verbose {
            let wrong: Vec<&String> = got_countries.difference(&want).collect();
            let lost: Vec<&String> = want.difference(got_countries).collect();
            if !wrong.is_empty() || !lost.is_empty() {
                println!("    countries extra {wrong:?} missed {lost:?}");
            }
            if !missed.is_empty() {
                println!("    companies missed {missed:?}");
            }
            if !extra.is_empty() {
                println!("    companies not in gold {extra:?}");
            }
        }
        countries.add(&c);
        companies.add(&k);
    }
    println!(
        "\nreal wire news, {} stories (micro): countries P {:.3} R {:.3} F1 {:.3} ({}/{} predicted right, {}/{} gold found)",
        found.len(),
        countries.precision(),
        countries.recall(),
        countries.f1(),
        countries.right,
        countries.predicted,
        countries.found,
        countries.gold
    );
    println!(
        "companies: recall {:.3} ({}/{}), share of extracted companies in gold {:.3} ({}/{})",
        companies.recall(),
        companies.found,
        companies.gold,
        companies.precision(),
        companies.right,
        companies.predicted
    );
}
