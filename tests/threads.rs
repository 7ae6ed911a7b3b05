//! Threads: articles about the same story grouped, on the seeds and on two
//! labelled sets of stories written for these tests
//! (tests/fixtures/threads: `tune`, the rules were chosen on it; `heldout`,
//! measured, never tuned on), scored pairwise against the labels and
//! against the plain baseline "TF-IDF cosine ≥ t" at its best threshold.
#![allow(
    clippy::disallowed_macros,
    reason = "the measured figures are for people reading test output"
)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use dossier::pipeline::{self, Library, Options};
use dossier::threads::{self, ThreadOptions, Threads};
use serde_json::Value;

use crate::cli_support;

use cli_support::{json, json_in};

fn library(paths: &[PathBuf]) -> Library {
    pipeline::open(paths, &Options::default(), &|_| {}).expect("the corpus opens")
}

fn file_name(lib: &Library, i: usize) -> String {
    let path = &lib.corpus.articles[i].sources[0].path;
    Path::new(path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn set_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/threads")
        .join(name)
}

type Pair = (String, String);

fn pair(a: &str, b: &str) -> Pair {
    if a < b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

/// The labelled set: every file, the same-story pairs and the unsure pairs.
struct Labels {
    files: Vec<String>,
    same: HashSet<Pair>,
    unsure: HashSet<Pair>,
}

fn labels(dir: &Path) -> Labels {
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("labels.json")).unwrap()).unwrap();
    let mut same = HashSet::new();
    for group in json["threads"].as_array().unwrap() {
        let names: Vec<&str> = group
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for (k, a) in names.iter().enumerate() {
            for b in &names[k + 1..] {
                same.insert(pair(a, b));
            }
        }
    }
    let unsure = json["unsure"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| pair(p[0].as_str().unwrap(), p[1].as_str().unwrap()))
        .collect();
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let is_md = path.extension().is_some_and(|x| x == "md");
            is_md.then(|| path.file_name().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    files.sort();
    Labels {
        files,
        same,
        unsure,
    }
}

/// Pairwise precision, recall and F1 of `predicted` (unsure pairs left out).
fn score(labels: &Labels, predicted: &HashSet<Pair>) -> (f64, f64, f64) {
    let predicted: HashSet<&Pair> = predicted
        .iter()
        .filter(|p| !labels.unsure.contains(p))
        .collect();
    let hits = predicted.iter().filter(|p| labels.same.contains(p)).count() as f64;
    let p = if predicted.is_empty() {
        1.0
    } else {
        hits / predicted.len() as f64
    };
    let r = hits / labels.same.len() as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn thread_pairs(lib: &Library, opts: &ThreadOptions) -> HashSet<Pair> {
    let mut out = HashSet::new();
    for t in threads::threads(lib, opts) {
        for (k, &a) in t.articles.iter().enumerate() {
            for &b in &t.articles[k + 1..] {
                out.insert(pair(&file_name(lib, a), &file_name(lib, b)));
            }
        }
    }
    out
}

/// The baseline: plain TF-IDF vectors over every word of title and text,
/// every pair whose cosine reaches `t` is one story; returns the best F1
/// over thresholds 0.01, 0.02, … 0.99.
fn best_baseline_f1(lib: &Library, labels: &Labels) -> (f64, f64) {
    let cosines = baseline_cosines(lib);
    (1..100)
        .map(|k| {
            let t = f64::from(k) / 100.0;
            let predicted = cosines
                .iter()
                .filter(|(_, c)| *c >= t)
                .map(|(p, _)| p.clone())
                .collect();
            (score(labels, &predicted).2, t)
        })
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .unwrap()
}

/// The baseline's cosine for every pair of articles.
fn baseline_cosines(lib: &Library) -> Vec<(Pair, f64)> {
    let docs: Vec<HashMap<String, f64>> = lib
        .corpus
        .articles
        .iter()
        .map(|a| {
            let mut tf: HashMap<String, f64> = HashMap::new();
            for w in format!("{} {}", a.title, a.text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                *tf.entry(w.to_lowercase()).or_default() += 1.0;
            }
            tf
        })
        .collect();
    let n = docs.len() as f64;
    let mut df: HashMap<&str, f64> = HashMap::new();
    for d in &docs {
        for w in d.keys() {
            *df.entry(w).or_default() += 1.0;
        }
    }
    let vectors: Vec<HashMap<&str, f64>> = docs
        .iter()
        .map(|d| {
            let v: HashMap<&str, f64> = d
                .iter()
                .map(|(w, &tf)| (w.as_str(), (1.0 + f64::ln(tf)) * (n / df[w.as_str()]).ln()))
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
            v.into_iter().map(|(w, x)| (w, x / norm)).collect()
        })
        .collect();
    let mut cosines = Vec::new();
    for a in 0..vectors.len() {
        for b in a + 1..vectors.len() {
            let c: f64 = vectors[a]
                .iter()
                .filter_map(|(w, x)| vectors[b].get(w).map(|y| x * y))
                .sum();
            cosines.push((pair(&file_name(lib, a), &file_name(lib, b)), c));
        }
    }
    cosines
}

/// Scores one labelled set; prints the figures (visible with --nocapture).
fn measure(name: &str) -> ((f64, f64, f64), f64) {
    let dir = set_dir(name);
    let labels = labels(&dir);
    let lib = library(&[dir]);
    assert_eq!(
        lib.corpus.articles.len(),
        labels.files.len(),
        "no two stories merge as copies"
    );
    let ours = score(&labels, &thread_pairs(&lib, &ThreadOptions::default()));
    let (baseline, t) = best_baseline_f1(&lib, &labels);
    // DOSSIER_THREADS_SWEEP=1 also prints F1 at other thresholds.
    if std::env::var_os("DOSSIER_THREADS_SWEEP").is_some() {
        for k in 8..=40 {
            let threshold = f64::from(k) / 100.0;
            let (p, r, f) = score(&labels, &thread_pairs(&lib, &ThreadOptions { threshold }));
            println!("{name} threshold {threshold:.2}: P {p:.2} R {r:.2} F1 {f:.2}");
        }
    }
    println!(
        "{name}: threads P {:.2} R {:.2} F1 {:.2}; baseline TF-IDF cosine best F1 {baseline:.2} at t = {t:.2}",
        ours.0, ours.1, ours.2
    );
    (ours, baseline)
}

#[test]
fn the_seeds_make_two_threads_of_two() {
    let lib = library(&[]);
    let found: Vec<Vec<String>> = threads::threads(&lib, &ThreadOptions::default())
        .iter()
        .map(|t| {
            let mut names: Vec<String> = t
                .articles
                .iter()
                .map(|&i| file_name(&lib, i).split('_').next().unwrap().to_owned())
                .collect();
            names.sort();
            names
        })
        .collect();
    let mut found = found;
    found.sort();
    assert_eq!(found, vec![vec!["000", "004"], vec!["002", "003"]]);
}

#[test]
fn a_small_folder_of_unrelated_stories_threads_only_its_one_story() {
    // In a folder of nine, a word two stories share counts as rare: a
    // match report ("Bristol City") and a drought notice ("a Texas
    // city"), or a hospital fine and a surgeon's obituary, were threads
    // while each article's length counted only the words it shared.
    let lib = library(&[set_dir("small")]);
    let found: Vec<Vec<String>> = threads::threads(&lib, &ThreadOptions::default())
        .iter()
        .map(|t| t.articles.iter().map(|&i| file_name(&lib, i)).collect())
        .collect();
    assert_eq!(
        found,
        vec![vec!["a_vintner.txt", "c_vintner_reaction.txt"]],
        "the results story and its reaction, and nothing else"
    );
}

/// Two reports of one story opened on their own make a thread, and two
/// unrelated stories do not. In a folder of two, every word both use is
/// in all of it: its inverse document frequency was zero, so no pair of
/// two ever made a thread.
#[test]
fn a_folder_of_two_reports_of_one_story_is_a_thread() {
    let small = set_dir("small");
    let threads_of = |a: &str, b: &str| -> Vec<Vec<String>> {
        let lib = library(&[small.join(a), small.join(b)]);
        threads::threads(&lib, &ThreadOptions::default())
            .iter()
            .map(|t| t.articles.iter().map(|&i| file_name(&lib, i)).collect())
            .collect()
    };
    assert_eq!(
        threads_of("a_vintner.txt", "c_vintner_reaction.txt"),
        vec![vec!["a_vintner.txt", "c_vintner_reaction.txt"]]
    );
    for other in ["football.txt", "texas_water.txt", "health.txt", "tech.md"] {
        assert!(
            threads_of("a_vintner.txt", other).is_empty(),
            "a_vintner.txt with {other}"
        );
    }
    // The two stories that share a word ("city", "hospital") in the
    // folder of nine share it here too, and are still no thread.
    assert!(threads_of("football.txt", "texas_water.txt").is_empty());
    assert!(threads_of("health.txt", "obituary.txt").is_empty());
}

/// Three short results stories in the shape of wire copy: two firms'
/// quarterly results, told in one template, and a reaction that names
/// the first firm.
const RESULTS_STORIES: [(&str, &str); 3] = [
    (
        "harwick.txt",
        "HARWICK FOODS <HWF> POSTS FIRST QUARTER LOSS\n\n\
         LEEDS, May 6 - Harwick Foods Plc said it posted a first quarter net loss of \
         4.2 mln stg, against a profit of 1.1 mln stg a year earlier, on revenue \
         down 6 pct at 88 mln stg.\n\n\
         The company said higher grain and energy costs cut its operating margin \
         and it did not expect a recovery before the third quarter.\n\n\
         Shares fell 3 pct in early trading after the quarterly results.\n",
    ),
    (
        "brennan.txt",
        "BRENNAN TOOLS <BRT> POSTS FIRST QUARTER LOSS\n\n\
         SHEFFIELD, May 6 - Brennan Tools Plc said it posted a first quarter net loss \
         of 2.7 mln stg, against a profit of 0.9 mln stg a year earlier, on revenue \
         down 4 pct at 61 mln stg.\n\n\
         The company said higher steel and energy costs cut its operating margin \
         and it did not expect a recovery before the third quarter.\n\n\
         Shares fell 2 pct in early trading after the quarterly results.\n",
    ),
    (
        "harwick_analysts.txt",
        "ANALYSTS CUT TARGETS AFTER HARWICK LOSS\n\n\
         LONDON, May 6 - Three brokers cut their price targets for Harwick Foods \
         after the food group posted a first quarter net loss of 4.2 mln stg.\n\n\
         Analysts said grain costs would weigh on the operating margin for the \
         rest of the year, and one said the company could cut its dividend.\n",
    ),
];

#[test]
fn two_firms_results_in_one_template_are_two_stories_and_a_reaction_joins_its_firm() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in RESULTS_STORIES {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let lib = library(&[dir.path().to_path_buf()]);
    let pairs = thread_pairs(&lib, &ThreadOptions::default());
    // The two results share their template word for word, but each
    // headline's firm goes unnamed in the other story.
    assert!(
        !pairs.contains(&pair("brennan.txt", "harwick.txt")),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&pair("harwick.txt", "harwick_analysts.txt")),
        "{pairs:?}"
    );
}

#[test]
fn threads_of_texts_read_from_elsewhere_are_those_of_the_library_own() {
    let lib = library(&[set_dir("tune")]);
    let own = threads::threads(&lib, &ThreadOptions::default());
    assert!(own.len() > 2, "a set with several threads");
    // The same articles listed without their texts, which come from a
    // copy as the cache gives them.
    let texts: Vec<String> = lib.corpus.articles.iter().map(|a| a.text.clone()).collect();
    let mut heads = lib.clone();
    for article in &mut std::sync::Arc::make_mut(&mut heads.corpus).articles {
        article.text.clear();
    }
    let asked = std::sync::atomic::AtomicUsize::new(0);
    let text_of = |i: usize| {
        asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(std::borrow::Cow::Borrowed(texts[i].as_str()))
    };
    let read = threads::threads_with(&heads, &ThreadOptions::default(), &text_of);
    assert_eq!(read, own);
    assert_eq!(asked.into_inner(), texts.len(), "each text asked for once");
    let none = threads::threads_with(&heads, &ThreadOptions::default(), &|_| None);
    assert!(
        none.len() < own.len(),
        "the texts are what threads are found in"
    );
}

#[test]
fn threads_that_let_the_texts_go_are_the_same_and_leave_only_heads() {
    let lib = library(&[set_dir("tune")]);
    let own = threads::threads(&lib, &ThreadOptions::default());
    assert!(own.len() > 2, "a set with several threads");
    let mut alone = library(&[set_dir("tune")]);
    let list = threads::threads_letting_texts_go(&mut alone, &ThreadOptions::default());
    assert_eq!(list, own);
    assert!(alone.corpus.articles.iter().all(|a| a.text.is_empty()));
    assert_eq!(alone.corpus.articles.len(), lib.corpus.articles.len());
    // A library shared with someone else keeps its texts.
    let mut shared = library(&[set_dir("tune")]);
    let other = std::sync::Arc::clone(&shared.corpus);
    let list = threads::threads_letting_texts_go(&mut shared, &ThreadOptions::default());
    assert_eq!(list, own);
    assert!(other.articles.iter().any(|a| !a.text.is_empty()));
}

#[test]
fn an_article_knows_its_thread_in_date_order_and_its_name() {
    let lib = library(&[set_dir("heldout")]);
    let threads = Threads::build(&lib, &ThreadOptions::default());
    let find = |prefix: &str| {
        (0..lib.corpus.articles.len())
            .find(|&i| file_name(&lib, i).starts_with(prefix))
            .unwrap()
    };
    let discovered = find("01_");
    let thread = threads
        .of(discovered)
        .expect("the comet's discovery has a thread");
    let dates: Vec<&str> = thread
        .articles
        .iter()
        .map(|&i| lib.corpus.articles[i].date.as_deref().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(thread.articles.contains(&find("08_")));
    assert!(thread.articles.contains(&discovered));
    assert!(!thread.name(&lib).is_empty());
    assert_eq!(threads.marker(discovered), threads.marker(find("08_")));
    assert_ne!(threads.marker(discovered), threads.marker(find("03_")));
    assert_eq!(threads.of(find("12_")), None, "a singleton has no thread");
    assert_eq!(threads.marker(lib.corpus.articles.len()), None);
    assert_eq!(
        threads.all(),
        threads::threads(&lib, &ThreadOptions::default())
    );
}

#[test]
fn the_tuning_set_is_threaded_better_than_the_baseline() {
    // F1 1.00 at the threshold of 0.16; 0.86 at 0.26, chosen on real news
    // (see `real_news_threads_against_labels_and_the_baseline`): the
    // unions' reaction to the steelmaker's results no longer joins it.
    let ((_, _, f1), baseline) = measure("tune");
    assert!(f1 >= 0.85, "F1 {f1:.2}");
    assert!(
        f1 > baseline,
        "F1 {f1:.2} against the baseline's {baseline:.2}"
    );
}

#[test]
fn the_held_out_set_is_threaded_better_than_the_baseline() {
    // First measured after the rules were chosen on `tune` and the seeds
    // (18 articles): P 1.00, R 0.60, F1 0.75, level with the baseline at
    // its best threshold (chosen on these labels). With 8 more articles
    // (19-26: markets, sport, science, local politics), written and
    // labelled before any rule was changed: P 1.00 R 0.77 F1 0.87. Then
    // one general rule (headlines sharing a subject word let time count
    // three times less) gave P 1.00 R 0.85 F1 0.92; the set has been seen
    // since, so it is no longer unseen (the derailment report two weeks on
    // still stays apart). With average linkage (chosen on real news):
    // P 1.00 R 0.85 F1 0.92 again. With the threshold chosen on real
    // news (0.26): P 1.00 R 0.77 F1 0.87; the ice core's arrival in port
    // weeks after the drilling is a story of its own.
    let ((_, _, f1), baseline) = measure("heldout");
    assert!(f1 >= 0.85, "F1 {f1:.2}");
    assert!(
        f1 > baseline,
        "F1 {f1:.2} against the baseline's {baseline:.2}"
    );
}

#[test]
fn the_command_lists_threads_largest_first_with_ids_titles_and_members() {
    let v = json(&["threads", "--json", &tuning_set()]);
    let threads = v.as_array().unwrap();
    assert!(threads.len() >= 2);
    let sizes: Vec<usize> = threads
        .iter()
        .map(|t| t["articles"].as_array().unwrap().len())
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    for t in threads {
        assert_eq!(t["id"].as_str().unwrap().len(), 16);
        assert!(!t["title"].as_str().unwrap().is_empty());
    }
}

/// The tuning set's folder, as an argument of the binary.
fn tuning_set() -> String {
    set_dir("tune").to_str().expect("a UTF-8 path").to_owned()
}

/// Runs `dossier threads --json` on the tuning set with a config whose
/// `thread_threshold` is `threshold` (the default when `None`) and the
/// state directory `state`; returns the sizes of the threads.
fn thread_sizes_with(threshold: Option<f64>, state: &Path) -> Vec<usize> {
    let config = state.join("config.toml");
    let text = threshold.map_or(String::new(), |t| {
        format!("[corpus]\nthread_threshold = {t}\n")
    });
    std::fs::write(&config, text).unwrap();
    let config = config.to_str().expect("a UTF-8 path");
    let v = json_in(
        &state.join("state"),
        &["--config", config, "threads", "--json", &tuning_set()],
    );
    v.as_array()
        .unwrap()
        .iter()
        .map(|t| t["articles"].as_array().unwrap().len())
        .collect()
}

#[test]
fn the_config_sets_how_alike_a_thread_must_be_and_kept_threads_follow_it() {
    let dir = tempfile::tempdir().unwrap();
    let default = thread_sizes_with(None, dir.path());
    assert!(!default.is_empty());
    // Same state directory: threads kept for the default are not reused.
    assert!(thread_sizes_with(Some(0.95), dir.path()).is_empty());
    let loose = thread_sizes_with(Some(0.1), dir.path());
    assert!(
        loose.iter().sum::<usize>() > default.iter().sum::<usize>(),
        "{loose:?} against {default:?}"
    );
    assert_eq!(thread_sizes_with(None, dir.path()), default);
}

/// Every file name an article stands for: a copy merged into it (a
/// duplicate) reports the same story.
fn names_of(lib: &Library, i: usize) -> Vec<String> {
    lib.corpus.articles[i]
        .sources
        .iter()
        .map(|s| {
            Path::new(&s.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Pairs of files found to report one story: in one thread, or merged as
/// copies.
fn found_pairs(lib: &Library, found: &[threads::Thread]) -> HashSet<Pair> {
    let mut out = HashSet::new();
    let mut groups: Vec<Vec<String>> = (0..lib.corpus.articles.len())
        .map(|i| names_of(lib, i))
        .collect();
    groups.extend(
        found
            .iter()
            .map(|t| t.articles.iter().flat_map(|&i| names_of(lib, i)).collect()),
    );
    for g in groups {
        for (k, a) in g.iter().enumerate() {
            for b in &g[k + 1..] {
                out.insert(pair(a, b));
            }
        }
    }
    out
}

/// Pairwise precision, recall and F1 of `predicted` over the `judged`
/// pairs (true if the same story).
fn score_judged(judged: &HashMap<Pair, bool>, predicted: &HashSet<Pair>) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fnn) = (0.0, 0.0, 0.0);
    for (p, &same) in judged {
        match (same, predicted.contains(p)) {
            (true, true) => tp += 1.0,
            (false, true) => fp += 1.0,
            (true, false) => fnn += 1.0,
            (false, false) => {}
        }
    }
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 1.0 };
    let r = if tp + fnn > 0.0 { tp / (tp + fnn) } else { 1.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Measures threads on a folder of real news that is never committed:
/// `DOSSIER_REAL_NEWS=DIR DOSSIER_REAL_LABELS=FILE cargo test --release
/// --test suite -- threads:: --ignored --nocapture`. The labels file holds
/// `pairs` ({a, b, label: same | different | unsure}) drawn from
/// similarity bands and at random, `groups` (every same-story group found
/// by reading all of them) and `unsure`; the figures are printed for the
/// labelled pairs, and for all pairs as the groups judge them.
///
/// On 70 Reuters-21578 stories of Feb–Mar 1987 (50 acquisitions, 20 crude
/// oil; 153 pairs labelled before any change: 13 same, 132 different, 8
/// unsure), first measured: P 0.38 R 0.85 F1 0.52 on the labelled pairs
/// (all pairs: F1 0.44); the baseline's best F1 0.89 (t = 0.23). After the
/// dateline year, the corpus-relative week and the half-linkage rules
/// (tuned on, so no longer unseen): P 0.54 R 1.00 F1 0.70 (all pairs 0.68),
/// still under the baseline: short wire stories of one genre (stake
/// filings, posted-price cuts) share their vocabulary.
///
/// Then on 300 unseen ABC (Australia) radio news stories of Dec 2001 – Jan
/// 2002 (gensim's `lee_background.cor`, one undated plain-text file each,
/// no headline line, wrapped at 70 columns; bushfires, Tora Bora, the
/// Israeli–Palestinian crisis, a Test series, inquiries, many singletons;
/// some files are bulletins of several stories). Labelled by reading
/// before any change: 43 same-story groups (196 files), 364 pairs from
/// cosine bands over the whole set and within each half, at random, and
/// from the threads made then (171 same, 171 different, 22 unsure); the
/// rule for "same" (a war's separate situations are separate stories, a
/// bulletin belongs to the story it opens with) is in the labels file.
/// Tuned only on the even-numbered files; the odd-numbered ones are held
/// out (each half opened as its own folder). No dates, so time cannot help.
///
/// | set (labelled / all pairs F1)  | first       | now         | baseline    |
/// |--------------------------------|-------------|-------------|-------------|
/// | even half (tuned on)           | 0.85 / 0.73 | 0.97 / 0.90 | 0.83 / 0.70 |
/// | odd half (held out)            | 0.80 / 0.67 | 0.90 / 0.80 | 0.87 / 0.78 |
/// | all 300                        | 0.85 / 0.66 | 0.88 / 0.77 | 0.85 / 0.73 |
/// | `lee.cor`, 50 more (held out)  |      –      | 0.90 / 0.65 | 0.86 / 0.82 |
///
/// The changes: threads join by average linkage (half-linkage left most
/// stories split: all-pairs recall 0.51 on all 300), pairs are scored on
/// 48 terms instead of 24, and shared entities count over the geometric
/// mean of both articles' entity weight, not the lighter one's (chosen
/// over it on the even half and its two quarters). On the odd half most
/// misses are the Israeli–Palestinian crisis split into Zinni's mission
/// and the rest; on all 300 the same threshold joins less (scores shift
/// with the corpus's size); on the 50 short stories of `lee.cor` (Aug
/// 2002, labelled after the rules were chosen) precision over all pairs
/// is 0.48: stories naming one country join.
///
/// Then (2026-12-04) on four more sets of BBC News (Greene & Cunningham
/// 2005) that no rule was tuned on, each labelled by a helper who read
/// every article and never ran dossier: business 330–420 (66 articles, 4
/// groups), tech 300–401 (49, 3 groups), politics 340–417 (72, 6 groups,
/// one of them the 8 articles of a Budget's previews, speech, replies and
/// row) and entertainment 252–385 (43, 2 groups). Labelled-pair F1, with
/// the baseline's best F1 at a threshold chosen on each set's own labels:
///
/// | set           | threads (P / R / F1) | baseline best |
/// |---------------|----------------------|---------------|
/// | business      | 0.40 / 0.73 / 0.52   | 0.78 (t 0.23) |
/// | tech          | 0.78 / 1.00 / 0.88   | 0.88 (t 0.18) |
/// | politics      | 0.45 / 0.12 / 0.20   | 0.56 (t 0.06) |
/// | entertainment | 0.25 / 1.00 / 0.40   | 0.57 (t 0.20) |
///
/// A rule that scales each pair by its articles' background (a pair's
/// score less c times the mean of each article's k-th best candidate
/// score, the self-tuning of spectral clustering) lifted the seen sets
/// but not the unseen ones. With k 5 and c 1.5, chosen on the athletics
/// and entertainment sets of the session before: business 0.57, tech
/// 0.83. With k 10 and c 2, chosen then on those four (pooled F1 0.64 to
/// 0.81): politics 0.10 (recall 0.05: a story of many articles is its own
/// neighbourhood, so it split) and entertainment 0.67, pooled 0.23 to 0.17.
/// It was not kept. No single threshold serves these sets: their best
/// thresholds run from 0.13 to over 0.40, and the labellers' notion of a
/// story ran from one day's event to a week's developing story.
///
/// Then (2026-12-05) five more sets, and a sixth after the change, each
/// labelled by a helper who read every article and never ran dossier
/// (labels, and how to rebuild each folder, in tests/fixtures/threads/real;
/// the labels of the sets above are lost), with one rule for "same": one
/// event or developing story, not the same cast or subject. All were
/// measured at 0.16 before anything was changed: BBC sport 200–299 (100
/// articles, 17 groups), Reuters-21578 of 8–9 April 1987 (160 wires of
/// at least 90 words, 11 groups), BBC business 100–199 (100, 8 groups),
/// Reuters of 18–19 June 1987 (160, 20 groups, one of 8) and BBC politics
/// 100–199 (100, 6 groups). The first three were then read and tuned on;
/// the last two were held out. Labelled-pair F1 (baseline: its best
/// threshold on each set's own labels):
///
/// | set                     | at 0.16 | at 0.26 | baseline    |
/// |-------------------------|---------|---------|-------------|
/// | BBC sport (tuned on)    | 0.55    | 0.71    | 0.74 (0.20) |
/// | Reuters April (tuned)   | 0.41    | 0.54    | 0.56 (0.20) |
/// | BBC business (tuned)    | 0.43    | 0.75    | 0.95 (0.38) |
/// | BBC politics (held out) | 0.54    | 0.80    | 0.78 (0.26) |
/// | Reuters June (held out) | 0.78    | 0.72    | 0.65 (0.19) |
/// | Reuters 20–23 March (held out, measured after) | 0.64 | 0.54 | 0.55 (0.18) |
///
/// Over all pairs, as each labeller's groups judge them, every set gains:
/// sport 0.47 to 0.71, April 0.34 to 0.52, business 0.39 to 0.75,
/// politics 0.54 to 0.80, June 0.66 to 0.71, March (reut2-008, 160
/// wires of at least 60 words, 18 groups) 0.47 to 0.50. The labelled
/// pairs, drawn mostly near the threshold, say otherwise on two wire
/// sets, where the labellers joined a meeting's different speakers (8
/// articles of one GATT meeting) and a tax reform with the reactions to
/// it (8 articles of Canada's). At 0.16
/// precision was 0.26–0.64 on every set: clubs' different matches, two
/// firms' results, one country's separate economic figures joined. The
/// threshold is the highest that keeps the seeds' two threads (0.28
/// loses 000 with 004). Tried on the three tuned sets and not kept:
/// scoring name words lower than other words, a cosine over each whole
/// article (the seeds' pairs fall to 0.07 and cannot be told apart),
/// capping a pair's score at twice its shared entities and twice its
/// shared non-name words (held out: politics 0.64, Reuters June 0.58),
/// lowering a pair whose articles each name a firm, body or person but
/// share none (loses the seeds), a larger average asked of larger groups,
/// and pairs without grouping.
/// What is left is mostly genre on the wires: four firms' quarterly
/// tables, four issuers' note sales, whose words agree and whose names
/// the recogniser finds in capitals in the headline only.
///
/// Later the same day, entity rules changed (no threads code did): a
/// capital that opens a dateline ("WASHINGTON, April 8 -") became a place
/// instead of its country's government. Labelled-pair F1 at 0.26, before
/// (a4debf6) and after: Reuters June 0.72 to 0.86 (recall 0.72 to 0.98),
/// Reuters April 0.54 to 0.47 (precision 0.39 to 0.33: unrelated wires
/// filed from one capital now share a place), Reuters March 0.57 to 0.56,
/// BBC sport 0.73 to 0.73; BBC business 0.75 and politics 0.80, as
/// measured above. The dateline rule was kept: it is right for entities,
/// and it gains over the three wire sets taken together.
///
/// Then (2026-12-05, fifth session) one rule in the threads code, found
/// on the April errors (genre: two firms' results, two issuers' notes,
/// two airlines' traffic): when each headline names a company,
/// organisation or person by a word the other article never uses, the
/// pair's score is a quarter (`threads::subjects`). Over the six sets the
/// rule lowered 4 pairs labelled same and about 2,000 labelled different
/// (two of the four were one firm written two ways, "San Miguel" and
/// "San Miguel Corp", before the words were compared rather than the
/// entities). Labelled-pair F1 at 0.26, before and after: Reuters April
/// 0.47 to 0.62 (precision 0.33 to 0.53), Reuters June 0.86 to 0.90,
/// Reuters March 0.56 to 0.58; BBC sport 0.73, business 0.75 and
/// politics 0.80 unchanged; recall unchanged on all six.
///
/// Later that session, three entity and date fixes moved the wires again
/// (no threads code changed): a firm written with and without its legal
/// form became one entity, and so did "Morgan Stanley and Co Inc" and
/// "Moody's Investors Service Inc" (Reuters June 0.90 to 0.88: bond
/// ratings of different issuers now share the rating agency); and a
/// dateline without a year takes the year nearest the file's time, a day
/// ahead allowed (31 of 466 wires, filed from a zone ahead, had been
/// dated a year back): Reuters March 0.58 to 0.64 (recall 0.51 to 0.59),
/// April 0.62 to 0.59. At the end of the session: BBC sport 0.73,
/// business 0.75, politics 0.80, Reuters March 0.64, April 0.59, June
/// 0.88.
///
/// Then (2026-12-05, eighth session) one rule in the threads code, found
/// on small folders of our own unrelated stories (eight false threads in
/// sixteen folders of three to six stories: a match report and a drought
/// notice sharing "city"): an article that shares fewer than 48 terms has
/// its length filled out with terms only it uses (`threads::terms`).
/// Labelled-pair F1 at 0.26, before and after: Reuters March 0.64 to 0.67,
/// April 0.59 to 0.69, June 0.88 to 0.91 (short wires share fewer than 48
/// terms); BBC sport 0.73, business 0.72 and politics 0.71 unchanged
/// (their articles share more). The seeds, `tune` and `heldout` score as
/// before; the sixteen small folders keep their one true thread and lose
/// every false one.
///
/// Then (2026-12-07) all six folders were rebuilt from their sources as
/// tests/fixtures/threads/real describes (every Reuters file matches its
/// `newid`), and measured again with no threads code changed since, at
/// 0.26; the sweep now prints the baseline's F1 at each threshold too, so
/// that dossier's one threshold is also compared with the baseline's best
/// single threshold for all six (t 0.25), not only with each folder's own
/// best:
///
/// | set             | dossier (P / R / F1) | baseline, own best | baseline at 0.25 |
/// |-----------------|----------------------|--------------------|------------------|
/// | BBC sport       | 0.68 / 0.79 / 0.73   | 0.74 (t 0.20)      | 0.65             |
/// | BBC business    | 0.60 / 0.90 / 0.72   | 0.95 (t 0.38)      | 0.86             |
/// | BBC politics    | 0.71 / 0.92 / 0.80   | 0.78 (t 0.26)      | 0.78             |
/// | Reuters March   | 0.79 / 0.59 / 0.67   | 0.55 (t 0.18)      | 0.49             |
/// | Reuters April   | 0.69 / 0.69 / 0.69   | 0.56 (t 0.20)      | 0.48             |
/// | Reuters June    | 0.88 / 0.98 / 0.93   | 0.65 (t 0.19)      | 0.52             |
/// | mean            | 0.76                 | 0.71               | 0.63             |
///
/// dossier's own best single threshold would be 0.28 (mean 0.78), which
/// loses the seeds' 000 with 004 (0.270, where 000 with 003, a different
/// story, scores 0.245). Most errors left on the BBC sets are one firm,
/// club or manager in two events (GM's Fiat buyout and Fiat's new chief;
/// two of McClaren's matches), which the labellers called two stories and
/// the words and entities cannot tell apart.
#[test]
#[ignore = "needs a folder of real news and its labels"]
fn real_news_threads_against_labels_and_the_baseline() {
    let (Ok(dir), Ok(labels_path)) = (
        std::env::var("DOSSIER_REAL_NEWS"),
        std::env::var("DOSSIER_REAL_LABELS"),
    ) else {
        println!("set DOSSIER_REAL_NEWS and DOSSIER_REAL_LABELS");
        return;
    };
    let json: Value = serde_json::from_str(&std::fs::read_to_string(labels_path).unwrap()).unwrap();
    let lib = library(&[PathBuf::from(dir)]);
    let mut all_files: Vec<String> = (0..lib.corpus.articles.len())
        .flat_map(|i| names_of(&lib, i))
        .collect();
    all_files.sort();
    // The labels may cover a larger set than the folder (a folder of half
    // the stories, held out): only pairs of files in it are judged.
    let present: HashSet<&str> = all_files.iter().map(String::as_str).collect();
    let mut labelled: HashMap<Pair, bool> = HashMap::new();
    for p in json["pairs"].as_array().unwrap() {
        let same = match p["label"].as_str().unwrap() {
            "same" => true,
            "different" => false,
            _ => continue,
        };
        let (a, b) = (p["a"].as_str().unwrap(), p["b"].as_str().unwrap());
        if present.contains(a) && present.contains(b) {
            labelled.insert(pair(a, b), same);
        }
    }
    let group_of: HashMap<String, usize> = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .flat_map(|(g, names)| {
            names
                .as_array()
                .unwrap()
                .iter()
                .map(move |n| (format!("{}.txt", n.as_str().unwrap()), g))
        })
        .collect();
    let unsure: HashSet<Pair> = json["unsure"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            pair(
                &format!("{}.txt", p[0].as_str().unwrap()),
                &format!("{}.txt", p[1].as_str().unwrap()),
            )
        })
        .collect();
    let mut every: HashMap<Pair, bool> = HashMap::new();
    for (k, a) in all_files.iter().enumerate() {
        for b in &all_files[k + 1..] {
            let p = pair(a, b);
            if !unsure.contains(&p) {
                let same = group_of.get(a).is_some_and(|g| group_of.get(b) == Some(g));
                every.insert(p, same);
            }
        }
    }
    let found = threads::threads(&lib, &ThreadOptions::default());
    let predicted = found_pairs(&lib, &found);
    for t in &found {
        let names: Vec<String> = t.articles.iter().flat_map(|&i| names_of(&lib, i)).collect();
        println!("thread: {}", names.join(" "));
    }
    // DOSSIER_THREADS_DUMP=1 prints every candidate pair with its score
    // and its label (`*`: one of the labelled pairs), best first.
    if std::env::var_os("DOSSIER_THREADS_DUMP").is_some() {
        for (a, b, s) in threads::scored_pairs(&lib) {
            let (na, nb) = (names_of(&lib, a)[0].clone(), names_of(&lib, b)[0].clone());
            let p = pair(&na, &nb);
            let truth = match (labelled.get(&p), every.get(&p)) {
                (Some(true), _) => "SAME*",
                (Some(false), _) => "diff*",
                (None, Some(true)) => "SAME",
                (None, Some(false)) => "diff",
                _ => "unsure",
            };
            println!(
                "pair {s:.3} {truth} {na} {nb} | {} | {}",
                lib.corpus.articles[a].title, lib.corpus.articles[b].title
            );
        }
    }
    // DOSSIER_THREADS_SWEEP=1 also prints F1 at other thresholds (for
    // tuning on a half that is not the held-out one), and the baseline's
    // labelled F1 at each, so that one threshold for every folder can be
    // compared with one for dossier.
    if std::env::var_os("DOSSIER_THREADS_SWEEP").is_some() {
        let cosines = baseline_cosines(&lib);
        for k in 8..=40 {
            let threshold = f64::from(k) / 100.0;
            let found = threads::threads(&lib, &ThreadOptions { threshold });
            let predicted = found_pairs(&lib, &found);
            let (_, _, labelled_f) = score_judged(&labelled, &predicted);
            let (p, r, f) = score_judged(&every, &predicted);
            let baseline = judged_baseline_at(&lib, &cosines, &labelled, threshold);
            println!(
                "threshold {threshold:.2}: labelled F1 {labelled_f:.2}; all pairs P {p:.2} R {r:.2} F1 {f:.2}; baseline labelled F1 {baseline:.2}"
            );
        }
    }
    for (name, judged) in [("labelled pairs", &labelled), ("all pairs", &every)] {
        let (p, r, f) = score_judged(judged, &predicted);
        let (baseline, t) = best_judged_baseline(&lib, judged);
        println!(
            "real news, {name} ({} judged): threads P {p:.2} R {r:.2} F1 {f:.2}; baseline TF-IDF \
             cosine best F1 {baseline:.2} at t = {t:.2}",
            judged.len()
        );
    }
}

/// The best F1 of "TF-IDF cosine ≥ t" over the judged pairs, with its
/// threshold (see [`judged_baseline_at`]).
fn best_judged_baseline(lib: &Library, judged: &HashMap<Pair, bool>) -> (f64, f64) {
    let cosines = baseline_cosines(lib);
    (1..100)
        .map(|k| {
            let t = f64::from(k) / 100.0;
            (judged_baseline_at(lib, &cosines, judged, t), t)
        })
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .unwrap()
}

/// The F1 of "TF-IDF cosine ≥ t" over the judged pairs (see
/// [`best_baseline_f1`]; copies merged into one article count as one).
fn judged_baseline_at(
    lib: &Library,
    cosines: &[(Pair, f64)],
    judged: &HashMap<Pair, bool>,
    t: f64,
) -> f64 {
    let labels = Labels {
        files: Vec::new(),
        same: judged
            .iter()
            .filter(|&(_, &s)| s)
            .map(|(p, _)| p.clone())
            .collect(),
        unsure: HashSet::new(),
    };
    let mut predicted: HashSet<Pair> = cosines
        .iter()
        .filter(|(_, c)| *c >= t)
        .map(|(p, _)| p.clone())
        .collect();
    predicted.extend(found_pairs(lib, &[]));
    let predicted = predicted
        .into_iter()
        .filter(|p| judged.contains_key(p))
        .collect();
    score(&labels, &predicted).2
}
