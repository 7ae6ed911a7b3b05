//! Database exports: the text files news databases write when a
//! researcher saves a search's results — Nexis Uni ("Body" above the story,
//! "End of Document" below it), LexisNexis Academic ("1 of 25 DOCUMENTS"
//! above each) and Factiva ("Document SWISW00020260818em8i0000b" below
//! each). One file holds many articles, each behind a header of fields
//! (source, date, byline, section, length) and ahead of the database's own
//! notes ("Load-Date:", "LANGUAGE: ENGLISH").
//!
//! Each article becomes a document of its own, numbered in the path as a
//! feed's entries are (`results.txt#3`); its header gives title, author,
//! date and source, and the database's fields and notes are no words of
//! it. The story's text is kept whole: only lines the format defines as
//! its own fields go. A file that shows no format's marks is no export.

use std::sync::LazyLock;

use memchr::memmem;

use crate::sanitize::clean_line;

use super::{RawDoc, chrome, dates, structure};

/// The formats of database exports dossier reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    NexisUni,
    NexisAcademic,
    Factiva,
}

/// Reads `text` (sanitized) of the file at `path` as a database export:
/// one document per article, or `None` when the text is no export.
pub fn read(path: &str, text: &str) -> Option<Vec<RawDoc>> {
    let format = sniff(text)?;
    let chunks = match format {
        Export::NexisUni => split_at(text, |l| l.trim() == "End of Document"),
        Export::NexisAcademic => split_at(text, is_academic_marker),
        Export::Factiva => split_at(text, is_factiva_marker),
    };
    let docs: Vec<RawDoc> = chunks
        .iter()
        .filter(|c| c.iter().any(|l| !l.trim().is_empty()))
        .enumerate()
        .map(|(i, lines)| {
            let mut doc = match format {
                Export::NexisUni => nexis_uni(lines),
                Export::NexisAcademic => nexis_academic(lines),
                Export::Factiva => factiva(lines),
            };
            doc.path = format!("{path}#{}", i + 1);
            doc
        })
        .filter(|doc| !doc.text.trim().is_empty())
        .collect();
    (!docs.is_empty()).then_some(docs)
}

/// The longest a marker's line runs either side of the mark, in bytes.
const MARKER_LINE: usize = 160;

/// Tells the export's format from its marks: cheap, since every text file
/// is asked.
fn sniff(text: &str) -> Option<Export> {
    static END: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"\nEnd of Document"));
    static DOCUMENTS: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b" DOCUMENTS"));
    static DOCUMENT: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"\nDocument "));
    let bytes = text.as_bytes();
    // Whether the line holding a match of `finder` is a marker. Markers
    // are short lines: a line longer than `MARKER_LINE` either side of the
    // match is none, and is not read further (a long line of matches stays
    // linear).
    let has_line = |finder: &memmem::Finder<'_>, is: fn(&str) -> bool| {
        finder.find_iter(bytes).any(|at| {
            let inside = at + 1;
            let from = inside.saturating_sub(MARKER_LINE);
            let start = match memchr::memrchr(b'\n', &bytes[from..inside]) {
                Some(n) => from + n + 1,
                None if from == 0 => 0,
                None => return false,
            };
            let to = bytes.len().min(inside + MARKER_LINE);
            let end = match memchr::memchr(b'\n', &bytes[inside..to]) {
                Some(n) => inside + n,
                None if to == bytes.len() => to,
                None => return false,
            };
            text.get(start..end).is_some_and(is)
        })
    };
    if has_line(&END, |l| l.trim() == "End of Document") && text.lines().any(|l| l.trim() == "Body")
    {
        Some(Export::NexisUni)
    } else if has_line(&DOCUMENTS, is_academic_marker) {
        Some(Export::NexisAcademic)
    } else if has_line(&DOCUMENT, is_factiva_marker) {
        Some(Export::Factiva)
    } else {
        None
    }
}

/// "1 of 25 DOCUMENTS", centred: the line above each article of a
/// LexisNexis Academic export.
fn is_academic_marker(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    matches!(words.as_slice(), [n, "of", m, "DOCUMENTS" | "DOCUMENT"] if number(n) && number(m))
}

/// "Document SWISW00020260818em8i0000b": the line below each article of
/// a Factiva export, its accession number letters and figures.
fn is_factiva_marker(line: &str) -> bool {
    line.trim().strip_prefix("Document ").is_some_and(|code| {
        code.len() >= 16
            && code.bytes().all(|b| b.is_ascii_alphanumeric())
            && code.bytes().filter(u8::is_ascii_digit).count() >= 8
    })
}

/// The lines of `text` cut into chunks at each line that is a `marker`
/// (the marker itself in none of them).
fn split_at(text: &str, marker: impl Fn(&str) -> bool) -> Vec<Vec<&str>> {
    let mut chunks = vec![Vec::new()];
    for line in text.lines() {
        if marker(line) {
            chunks.push(Vec::new());
        } else if let Some(chunk) = chunks.last_mut() {
            chunk.push(line);
        }
    }
    chunks
}

/// A header's `Key: value` field, when `line` is one of `keys` (compared
/// ignoring case).
fn field<'l>(line: &'l str, keys: &[&'static str]) -> Option<(&'static str, &'l str)> {
    let (key, value) = line.trim().split_once(':')?;
    keys.iter()
        .find(|k| k.eq_ignore_ascii_case(key.trim()))
        .map(|k| (*k, value.trim()))
}

/// The fields of a Nexis header that are metadata, not story.
const NEXIS_FIELDS: &[&str] = &[
    "Byline",
    "Section",
    "Length",
    "Dateline",
    "Highlight",
    "Body",
    "Series",
    "Edition",
];

/// The fields after a Nexis story, where its text ends.
const NEXIS_TRAILERS: &[&str] = &[
    "Load-Date",
    "Language",
    "Publication-Type",
    "Document-Type",
    "Subject",
    "Organization",
    "Geographic",
    "Person",
    "Company",
    "Industry",
    "Ticker",
    "Journal-Code",
    "URL",
    "Notes",
];

/// What a header told of its article.
#[derive(Default)]
struct Header {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    source: Option<String>,
}

impl Header {
    /// Reads a header line that is no field: the first date line is the
    /// date; an edition, a copyright or a page count is passed over; the
    /// first two others are the title and the source (the source first
    /// when `source_first`), and any more say nothing we keep.
    fn take_line(&mut self, line: &str, source_first: bool) {
        let line = line.trim();
        if line.is_empty() || is_page_count(line) || chrome::is_copyright(line) || is_edition(line)
        {
            return;
        }
        if self.date.is_none()
            && let Some(date) = date_line(line)
        {
            self.date = Some(date);
            return;
        }
        let (first, second) = if source_first {
            (&mut self.source, &mut self.title)
        } else {
            (&mut self.title, &mut self.source)
        };
        if first.is_none() {
            *first = Some(clean_line(line));
        } else if second.is_none() {
            *second = Some(clean_line(line));
        }
    }

    fn take_byline(&mut self, value: &str) {
        let name = structure::byline_parts(&format!("By {value}"))
            .map_or_else(|| value.to_owned(), |b| b.name);
        if !name.is_empty() {
            self.author.get_or_insert(clean_line(&name));
        }
    }

    fn into_doc(self, body: &[&str]) -> RawDoc {
        RawDoc {
            text: body.join("\n").trim().to_owned(),
            title: self.title,
            author: self.author,
            date: self.date,
            source: self.source,
            ..RawDoc::default()
        }
    }
}

/// A Nexis Uni article: title, source, date and edition lines, a
/// copyright, fields, then "Body", the story, and trailing fields.
fn nexis_uni(lines: &[&str]) -> RawDoc {
    let Some(body_at) = lines.iter().position(|l| l.trim() == "Body") else {
        return RawDoc {
            text: lines.join("\n"),
            ..RawDoc::default()
        };
    };
    let mut header = Header::default();
    for line in &lines[..body_at] {
        match field(line, NEXIS_FIELDS) {
            Some(("Byline", value)) => header.take_byline(value),
            Some(_) => {}
            None => header.take_line(line, false),
        }
    }
    let rest = &lines[body_at + 1..];
    let end = rest
        .iter()
        .position(|l| l.trim() == "Classification" || field(l, NEXIS_TRAILERS).is_some())
        .unwrap_or(rest.len());
    header.into_doc(&rest[..end])
}

/// A LexisNexis Academic article: source, date and edition centred, the
/// headline, fields in capitals ("BYLINE: …", "LENGTH: 412 words"), the
/// story, then trailing fields and a centred copyright.
fn nexis_academic(lines: &[&str]) -> RawDoc {
    let is_field = |l: &str| field(l, NEXIS_FIELDS).is_some() && is_capital_key(l);
    let Some(last_field) = lines.iter().rposition(|l| is_field(l)) else {
        return RawDoc {
            text: lines.join("\n"),
            ..RawDoc::default()
        };
    };
    let mut header = Header::default();
    for line in &lines[..=last_field] {
        match field(line, NEXIS_FIELDS).filter(|_| is_capital_key(line)) {
            Some(("Byline", value)) => header.take_byline(value),
            Some(_) => {}
            None => header.take_line(line, true),
        }
    }
    let rest = &lines[last_field + 1..];
    let end = rest
        .iter()
        .position(|l| {
            (field(l, NEXIS_TRAILERS).is_some() && is_capital_key(l))
                || chrome::is_copyright(l.trim())
        })
        .unwrap_or(rest.len());
    header.into_doc(&rest[..end])
}

/// Returns true if and only if the key before the colon is in capitals
/// ("LOAD-DATE:"), as LexisNexis Academic writes its fields.
fn is_capital_key(line: &str) -> bool {
    line.trim()
        .split_once(':')
        .is_some_and(|(key, _)| !key.chars().any(char::is_lowercase))
}

/// A Factiva article: the headline, then lines of metadata (by whom, the
/// word count, the date, the source and its code, the language, the
/// copyright), then the story.
fn factiva(lines: &[&str]) -> RawDoc {
    let mut header = Header::default();
    let mut at = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    if let Some(title) = lines.get(at) {
        header.title = Some(clean_line(title));
        at += 1;
    }
    // The metadata ends with the copyright; without one, at the first line
    // that is none of its kinds.
    let copyright = lines[at..]
        .iter()
        .take(16)
        .position(|l| chrome::is_copyright(l.trim()))
        .map(|k| at + k);
    let mut body_at = at;
    for (k, line) in lines.iter().enumerate().skip(at) {
        let line = line.trim();
        if copyright.is_some_and(|c| k > c) {
            break;
        }
        body_at = k + 1;
        if line.is_empty() || copyright == Some(k) || is_factiva_meta(line) {
            continue;
        }
        if let Some(by) = line.strip_prefix("By ") {
            header.take_byline(by);
        } else if let Some(date) = date_line(line).filter(|_| header.date.is_none()) {
            header.date = Some(date);
        } else if copyright.is_some() && header.date.is_some() && header.source.is_none() {
            header.source = Some(clean_line(line));
        } else if copyright.is_none() {
            body_at = k;
            break;
        }
    }
    header.into_doc(&lines[body_at.min(lines.len())..])
}

/// Returns true if and only if `line` is a Factiva header's word count
/// ("612 words"), time ("14:05" or "14:05 GMT"), source code ("SWISW") or
/// language ("English").
fn is_factiva_meta(line: &str) -> bool {
    const LANGUAGES: &[&str] = &[
        "English",
        "German",
        "French",
        "Spanish",
        "Italian",
        "Portuguese",
        "Dutch",
        "Russian",
        "Chinese",
        "Japanese",
        "Arabic",
        "Swedish",
        "Norwegian",
        "Danish",
        "Finnish",
        "Polish",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    let count = matches!(words.as_slice(), [n, "words"] if n.bytes().all(|b| b.is_ascii_digit() || b == b','));
    let code = words.len() == 1
        && (3..=8).contains(&line.len())
        && line
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    count || code || LANGUAGES.contains(&line) || dates::is_clock_line(line)
}

/// The date a header line gives ("March 3, 2026 Tuesday", "18 August
/// 2026"), its weekday dropped.
fn date_line(line: &str) -> Option<String> {
    let line = line.trim();
    let without_day = match line.rsplit_once(' ') {
        Some((date, day)) if dates::is_weekday(day) => date,
        _ => line,
    };
    structure::dateline(without_day)
}

fn is_page_count(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    matches!(words.as_slice(), ["Page", n, "of", m] if number(n) && number(m))
}

fn is_edition(line: &str) -> bool {
    let lower = line.to_lowercase();
    structure::word_count(line) <= 4 && lower.ends_with("edition")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(docs: &[RawDoc]) -> Vec<(&str, &str)> {
        docs.iter()
            .map(|d| (d.path.as_str(), d.title.as_deref().unwrap_or("")))
            .collect()
    }

    #[test]
    fn a_nexis_uni_export_is_one_document_an_article() {
        let text = "Mill reopens\nThe Ledger\nJune 3, 2026 Wednesday\n\nCopyright 2026 Ledger Ltd\n\nLength: 80 words\nByline: Ana Ruiz, Labour Correspondent\n\nBody\n\nThe mill reopened on Tuesday.\nIt employs 40 people.\n\nClassification\n\nLanguage: ENGLISH\n\nLoad-Date: June 4, 2026\n\nEnd of Document\n\nSecond story\nThe Ledger\nJune 5, 2026\n\nBody\n\nA second mill closed.\n\nLoad-Date: June 6, 2026\n\nEnd of Document\n";
        let docs = read("r.txt", text).expect("an export");
        assert_eq!(
            titles(&docs),
            [("r.txt#1", "Mill reopens"), ("r.txt#2", "Second story")]
        );
        assert_eq!(
            docs[0].text,
            "The mill reopened on Tuesday.\nIt employs 40 people."
        );
        assert_eq!(docs[0].author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(docs[0].date.as_deref(), Some("June 3, 2026"));
        assert_eq!(docs[0].source.as_deref(), Some("The Ledger"));
        assert_eq!(docs[1].text, "A second mill closed.");
    }

    #[test]
    fn a_lexisnexis_academic_export_splits_at_its_counts() {
        let text = "            1 of 2 DOCUMENTS\n\n          The Ledger\n\n      June 3, 2026 Wednesday\n           Final Edition\n\nMill reopens\n\nBYLINE: Ana Ruiz\n\nLENGTH: 80 words\n\n\nThe mill reopened on Tuesday: its owner said so.\n\nLOAD-DATE: June 4, 2026\n\n       Copyright 2026 Ledger Ltd\n\n            2 of 2 DOCUMENTS\n\n          The Ledger\n\n      June 5, 2026\n\nSecond story\n\nLENGTH: 20 words\n\nA second mill closed.\n";
        let docs = read("r.txt", text).expect("an export");
        assert_eq!(
            titles(&docs),
            [("r.txt#1", "Mill reopens"), ("r.txt#2", "Second story")]
        );
        // A colon in the story is no field.
        assert_eq!(
            docs[0].text,
            "The mill reopened on Tuesday: its owner said so."
        );
        assert_eq!(docs[0].author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(docs[0].source.as_deref(), Some("The Ledger"));
        assert_eq!(docs[1].date.as_deref(), Some("June 5, 2026"));
    }

    #[test]
    fn a_factiva_export_ends_each_article_with_its_accession_number() {
        let text = "Mill reopens\n\nBy Ana Ruiz\n80 words\n3 June 2026\nThe Ledger\nLEDGR\nEnglish\n(c) 2026 Ledger Ltd. All rights reserved.\n\nThe mill reopened on Tuesday.\n\nDocument LEDGR00020260603em6300001\n\nSecond story\n\n20 words\n5 June 2026\n09:30\nThe Ledger\nLEDGR\nEnglish\nCopyright 2026 Ledger Ltd\n\nA second mill closed.\n\nDocument LEDGR00020260605em6500002\n";
        let docs = read("r.txt", text).expect("an export");
        assert_eq!(
            titles(&docs),
            [("r.txt#1", "Mill reopens"), ("r.txt#2", "Second story")]
        );
        assert_eq!(docs[0].text, "The mill reopened on Tuesday.");
        assert_eq!(docs[0].author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(docs[1].date.as_deref(), Some("5 June 2026"));
        assert_eq!(docs[1].source.as_deref(), Some("The Ledger"));
        assert_eq!(docs[1].text, "A second mill closed.");
    }

    #[test]
    fn a_story_that_only_mentions_the_marks_is_no_export() {
        for text in [
            "The clerk wrote End of Document on the file.\nEnd of Document\nwas the novel's title.",
            "The firm filed 1 of 2 documents on time.\n",
            "Document 12 was lost.\nDocument ABCDEFGHIJKLMNOPQ was found.\n",
        ] {
            assert!(read("r.txt", text).is_none(), "{text}");
        }
    }
}
