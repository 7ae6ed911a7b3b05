//! A real-shaped corpus: what a folder of saved news looks like at scale.
//!
//! - Real-length prose: 600–1,200 words an article.
//! - Syndicated wire copy: paragraphs drawn from a shared pool, each used by
//!   about 50–100 files (so fingerprints recur in many unrelated files).
//! - Clusters of 100+ byte-identical wire copies of one story.
//! - Updated versions that keep most paragraphs of an earlier story, drop
//!   one, rewrite one and add new ones ("UPDATE 2-" in the title).
//! - Mixed formats: `.txt` (half hard-wrapped at 66–76 columns), `.md` and
//!   `.html` pages with site chrome; all-caps datelines; small tables.
//!
//! Planted duplicates (`(original, copy)`) are the wire copies and the
//! updates. The same `(n, seed)` always gives the same corpus.

use std::fmt::Write as _;

use super::GeneratedCorpus;
use super::grammar::{Rng, Writer};
use super::vocab::{COMPANIES, COUNTRIES, MONTHS, PEOPLE, SITES, SUBJECTS, WIDGETS};

/// How many files use one pooled wire paragraph, on average.
const USES_PER_POOLED: usize = 75;
/// Pooled paragraphs in each article.
const POOLED_PER_ARTICLE: usize = 3;
/// Share of files that are exact wire copies, in clusters of 100–160.
const CLUSTER_SHARE: f64 = 0.08;
/// Share of files that are updated versions of an earlier story.
const UPDATE_SHARE: f64 = 0.08;

/// One story before it is laid out: paragraphs (a heading is a paragraph
/// flagged in `headings`), maybe a table.
#[derive(Clone)]
struct Story {
    subject: usize,
    title: String,
    byline: Option<String>,
    paragraphs: Vec<String>,
    headings: Vec<bool>,
    table: Option<Vec<[String; 3]>>,
    updates: usize,
    cast: Option<Cast>,
}

/// A story's own names, which no other story uses (the same names may
/// come up again by chance, as in a real folder).
#[derive(Clone)]
struct Cast {
    person: String,
    town: String,
    firm: String,
}

/// Syllables of invented names.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "ver", "min", "tas", "dor", "el", "ru", "san", "bri", "mo", "then", "ga", "nor",
    "vi", "sel", "ar", "tum", "op", "ling", "ca", "hed", "ros", "ul",
];

impl Cast {
    fn new(rng: &mut Rng) -> Cast {
        // Four or five syllables: eight million words, so that two of
        // 100,000 stories rarely share a name by chance. (With three or
        // four, most words of three syllables were in a dozen stories at
        // 100,000, and chance pairs of shared names made threads.)
        let word = |rng: &mut Rng| {
            let syllables = 4 + rng.below(2);
            let w: String = (0..syllables).map(|_| rng.pick(SYLLABLES)).collect();
            let mut chars = w.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        };
        let person = format!("{} {}", word(rng), word(rng));
        let town = format!(
            "{}{}",
            word(rng),
            rng.pick(&["ford", "holm", "by", "wick", "stead"])
        );
        let firm = format!(
            "{} {}",
            word(rng),
            rng.pick(&["Holdings", "Industries", "Labs", "Freight"])
        );
        Cast { person, town, firm }
    }
}

/// Share of new stories, in [`with_follow_ups`], that follow up an earlier
/// story: the same subject and cast, new text, a few days later.
const FOLLOW_UP_SHARE: f64 = 0.1;

/// Generates `n` files from `seed`.
pub fn real_shaped(n: usize, seed: u64) -> GeneratedCorpus {
    build(n, seed, false)
}

/// [`real_shaped`], but every new story has a cast of its own (a person,
/// a town and a firm that no other story names: the long tail of rare
/// names a real folder has) and a share of them ([`FOLLOW_UP_SHARE`]) are
/// follow-ups of an earlier story that name its cast again, listed in
/// `followed` as `(earlier, follow-up)`: threads to be found.
pub fn with_follow_ups(n: usize, seed: u64) -> GeneratedCorpus {
    build(n, seed, true)
}

fn build(n: usize, seed: u64, follow_ups: bool) -> GeneratedCorpus {
    let mut rng = Rng::new(seed);
    let pool = wire_pool(n, &mut rng);
    let mut corpus = GeneratedCorpus::default();
    let mut originals: Vec<(usize, Story)> = Vec::new();
    let mut i = 0;
    while i < n {
        if !originals.is_empty() && rng.chance(CLUSTER_SHARE / 130.0) {
            // A wire story picked up by 100–160 outlets, byte for byte.
            let story = Story::new(&pool, &mut rng);
            let text = render_txt(&story, &mut rng, false);
            let first = i;
            for _ in 0..(100 + rng.below(61)).min(n - i) {
                corpus.docs.push((name(i, &story, "txt"), text.clone()));
                if i > first {
                    corpus.planted.push((first, i));
                }
                i += 1;
            }
            originals.push((first, story));
            continue;
        }
        let mut followed = None;
        let (story, copy_of) = if !originals.is_empty() && rng.chance(UPDATE_SHARE) {
            let (orig, earlier) = &originals[rng.below(originals.len())];
            (earlier.updated(&pool, &mut rng), Some(*orig))
        } else if follow_ups && !originals.is_empty() && rng.chance(FOLLOW_UP_SHARE) {
            let (orig, earlier) = &originals[rng.below(originals.len())];
            followed = Some(*orig);
            (earlier.followed_up(&pool, &mut rng), None)
        } else if follow_ups {
            let mut story = Story::new(&pool, &mut rng);
            let cast = Cast::new(&mut rng);
            story.name_cast(cast, &mut rng);
            (story, None)
        } else {
            (Story::new(&pool, &mut rng), None)
        };
        if let Some(earlier) = followed {
            corpus.followed.push((earlier, i));
        }
        let (ext, text) = match rng.below(20) {
            0..=11 => {
                let wrapped = rng.chance(0.5);
                ("txt", render_txt(&story, &mut rng, wrapped))
            }
            12..=16 => ("md", render_md(&story)),
            _ => ("html", render_html(&story, &mut rng)),
        };
        corpus.docs.push((name(i, &story, ext), text));
        if let Some(orig) = copy_of {
            corpus.planted.push((orig, i));
        }
        // An update of an update belongs to the first story's group.
        originals.push((copy_of.unwrap_or(i), story));
        i += 1;
    }
    corpus
}

fn name(i: usize, story: &Story, ext: &str) -> String {
    format!("{i:06}_{}.{ext}", SUBJECTS[story.subject].name)
}

/// The syndicated paragraphs, by subject: enough that each is used by
/// about [`USES_PER_POOLED`] files.
fn wire_pool(n: usize, rng: &mut Rng) -> Vec<Vec<String>> {
    let per_subject = (n * POOLED_PER_ARTICLE / USES_PER_POOLED / SUBJECTS.len()).max(1);
    SUBJECTS
        .iter()
        .map(|s| {
            let mut w = Writer { rng: &mut *rng, s };
            (0..per_subject).map(|_| paragraph(&mut w)).collect()
        })
        .collect()
}

fn paragraph(w: &mut Writer<'_>) -> String {
    let sentences = 3 + w.rng.below(3);
    let parts: Vec<String> = (0..sentences).map(|_| w.sentence()).collect();
    parts.join(" ")
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

impl Story {
    fn new(pool: &[Vec<String>], rng: &mut Rng) -> Self {
        let subject = rng.below(SUBJECTS.len());
        Story::on(subject, pool, rng)
    }

    fn on(subject: usize, pool: &[Vec<String>], rng: &mut Rng) -> Self {
        let s = &SUBJECTS[subject];
        let target = 600 + rng.below(601);
        let mut w = Writer { rng, s };
        let title = w.headline();
        let byline = w
            .rng
            .chance(0.6)
            .then(|| format!("By {}", w.rng.pick(PEOPLE)));
        let mut paragraphs = vec![dateline(&mut w) + &paragraph(&mut w)];
        let mut headings = vec![false];
        let mut count = words(&paragraphs[0]);
        let pooled = &pool[subject];
        while count < target {
            let p = if w.rng.chance(POOLED_PER_ARTICLE as f64 / 10.0) {
                pooled[w.rng.below(pooled.len())].clone()
            } else {
                paragraph(&mut w)
            };
            count += words(&p);
            paragraphs.push(p);
            headings.push(false);
            if w.rng.chance(0.08) && count < target {
                paragraphs.push(w.heading());
                headings.push(true);
            }
        }
        let table = w.rng.chance(0.1).then(|| table(&mut w));
        Story {
            subject,
            title,
            byline,
            paragraphs,
            headings,
            table,
            updates: 0,
            cast: None,
        }
    }

    /// Names `cast` in the first paragraph and in one more.
    fn name_cast(&mut self, cast: Cast, rng: &mut Rng) {
        let Cast { person, town, firm } = &cast;
        self.paragraphs[0].push_str(&format!(
            " {person} said the work at {town} would go on, and {firm} confirmed it."
        ));
        let body: Vec<usize> = (1..self.paragraphs.len())
            .filter(|&i| !self.headings[i])
            .collect();
        if !body.is_empty() {
            let at = body[rng.below(body.len())];
            self.paragraphs[at].push_str(&format!(
                " In {town}, {firm} and {person} were named again."
            ));
        }
        self.cast = Some(cast);
    }

    /// A later story on the same subject with the same cast: new text,
    /// new headline, not a copy.
    fn followed_up(&self, pool: &[Vec<String>], rng: &mut Rng) -> Self {
        let mut next = Story::on(self.subject, pool, rng);
        // Dated a few days after the earlier story, or undated with it.
        let lede = &next.paragraphs[0];
        let lede = lede
            .split_once(WIRE)
            .map_or(lede.as_str(), |(_, rest)| rest);
        let dateline = self.paragraphs[0]
            .split_once(WIRE)
            .and_then(|(d, _)| d.rsplit_once(' '))
            .and_then(|(head, day)| Some((head, day.parse::<usize>().ok()?)));
        next.paragraphs[0] = match dateline {
            Some((head, day)) => format!("{head} {}{WIRE}{lede}", (day + 1 + rng.below(3)).min(28)),
            None => lede.to_owned(),
        };
        let cast = self.cast.clone().unwrap_or_else(|| Cast::new(rng));
        next.name_cast(cast, rng);
        next
    }

    /// A later version: most paragraphs kept, one dropped, one rewritten,
    /// one or two new ones on top.
    fn updated(&self, _pool: &[Vec<String>], rng: &mut Rng) -> Self {
        let mut next = self.clone();
        next.updates += 1;
        let s = &SUBJECTS[self.subject];
        let mut w = Writer { rng, s };
        let body: Vec<usize> = (1..next.paragraphs.len())
            .filter(|&i| !next.headings[i])
            .collect();
        if body.len() > 3 {
            let drop = body[w.rng.below(body.len())];
            next.paragraphs.remove(drop);
            next.headings.remove(drop);
            let rewrite = 1 + w.rng.below(next.paragraphs.len() - 1);
            if !next.headings[rewrite] {
                next.paragraphs[rewrite] = paragraph(&mut w);
            }
        }
        for _ in 0..=w.rng.below(2) {
            next.paragraphs.insert(1, paragraph(&mut w));
            next.headings.insert(1, false);
        }
        next
    }

    fn title(&self) -> String {
        if self.updates == 0 {
            self.title.clone()
        } else {
            format!("UPDATE {}-{}", self.updates, self.title)
        }
    }
}

/// What ends a dateline.
const WIRE: &str = " (Wire) - ";

/// "KYIV, March 3 (Wire) - ", in capitals, on half the stories.
fn dateline(w: &mut Writer<'_>) -> String {
    if w.rng.chance(0.5) {
        return String::new();
    }
    let city = w.rng.pick(COUNTRIES).2.to_uppercase();
    let month = w.rng.pick(MONTHS);
    format!("{city}, {month} {}{WIRE}", 1 + w.rng.below(28))
}

/// A small table of three columns: a header and 3–6 rows.
fn table(w: &mut Writer<'_>) -> Vec<[String; 3]> {
    let mut rows = vec![[
        "Company".to_owned(),
        "Change".to_owned(),
        "Close".to_owned(),
    ]];
    for _ in 0..3 + w.rng.below(4) {
        let change = w.rng.below(900) as f64 / 100.0 - 4.5;
        let close = 10.0 + w.rng.below(90_000) as f64 / 100.0;
        rows.push([
            w.rng.pick(COMPANIES).to_owned(),
            format!("{change:+.2}%"),
            format!("{close:.2}"),
        ]);
    }
    rows
}

/// Plain text: blank lines between paragraphs, or hard-wrapped lines.
fn render_txt(story: &Story, rng: &mut Rng, wrapped: bool) -> String {
    let width = 66 + rng.below(11);
    let mut out = String::with_capacity(8192);
    out.push_str(&story.title());
    out.push_str("\n\n");
    if let Some(b) = &story.byline {
        out.push_str(b);
        out.push_str("\n\n");
    }
    for (k, p) in story.paragraphs.iter().enumerate() {
        if wrapped {
            wrap(p, width, &mut out);
        } else {
            out.push_str(p);
            out.push('\n');
        }
        out.push('\n');
        if k == 2
            && let Some(rows) = &story.table
        {
            for row in rows {
                let _ = writeln!(out, "{:<28}{:>9}{:>11}", row[0], row[1], row[2]);
            }
            out.push('\n');
        }
    }
    out
}

fn wrap(text: &str, width: usize, out: &mut String) {
    let mut line = 0;
    for word in text.split(' ') {
        if line > 0 && line + 1 + word.len() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.len();
    }
    out.push('\n');
}

fn render_md(story: &Story) -> String {
    let mut out = String::with_capacity(8192);
    let _ = write!(out, "# {}\n\n", story.title());
    if let Some(b) = &story.byline {
        let _ = write!(out, "*{b}*\n\n");
    }
    for (k, (p, &heading)) in story.paragraphs.iter().zip(&story.headings).enumerate() {
        if heading {
            let _ = write!(out, "## {p}\n\n");
        } else {
            let _ = write!(out, "{p}\n\n");
        }
        if k == 2
            && let Some(rows) = &story.table
        {
            for (r, row) in rows.iter().enumerate() {
                let _ = writeln!(out, "| {} | {} | {} |", row[0], row[1], row[2]);
                if r == 0 {
                    out.push_str("|---|---:|---:|\n");
                }
            }
            out.push('\n');
        }
    }
    out
}

fn render_html(story: &Story, rng: &mut Rng) -> String {
    let (site, nav) = SITES[rng.below(SITES.len())];
    let mut out = String::with_capacity(12_288);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{} | {site}</title></head>\n\
         <body><header><a href=\"/\">{site}</a><nav>{nav}</nav></header>\n<main><article>\n<h1>{}</h1>\n",
        story.title(),
        story.title()
    );
    if let Some(b) = &story.byline {
        let _ = writeln!(out, "<p class=\"byline\">{b}</p>");
    }
    for (k, (p, &heading)) in story.paragraphs.iter().zip(&story.headings).enumerate() {
        if heading {
            let _ = writeln!(out, "<h2>{p}</h2>");
        } else {
            let _ = writeln!(out, "<p>{p}</p>");
        }
        if k == 2
            && let Some(rows) = &story.table
        {
            out.push_str("<table>\n");
            for row in rows {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    row[0], row[1], row[2]
                );
            }
            out.push_str("</table>\n");
        }
    }
    out.push_str("</article></main>\n<footer>\n");
    for _ in 0..3 + rng.below(4) {
        let _ = writeln!(out, "<p>{}</p>", rng.pick(WIDGETS));
    }
    let _ = writeln!(out, "<p>© 2026 {site}</p></footer></body></html>");
    out
}
