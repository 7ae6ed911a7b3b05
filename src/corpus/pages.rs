//! Printed pages: text taken from a PDF or a print layout, its pages apart
//! by form feeds (as `pdftotext` writes them). Each page repeats a running
//! head and foot — the paper's name, the date, a page number —
//! that are no words of the story, and that stand between the halves of a
//! paragraph running over the page break. A jump line ("Continued on page
//! 9") is the same kind of furniture.
//!
//! Evidence, not guesswork: a line goes only when it stands among the
//! first or last [`EDGE`] lines of a page and its shape (figures aside)
//! stands at the edges of at least two pages and half of them, or when it
//! is a jump line at a page's edge. The same line inside a page stays, and
//! a text without form feeds is not touched. A date the running head
//! prints ("Thursday, 12 November 2026") is kept as the document's date.

use std::borrow::Cow;
use std::collections::HashMap;

use super::structure;

/// How many non-blank lines at the top and at the bottom of a page may be
/// furniture.
const EDGE: usize = 3;

/// The text of printed pages without their furniture.
#[derive(Debug, PartialEq, Eq)]
pub struct Printed<'a> {
    /// The pages' lines, one page after the other, without form feeds.
    pub text: Cow<'a, str>,
    /// The first date a running head or foot prints, as printed.
    pub date: Option<String>,
}

/// Returns `text` without the running heads, feet and jump lines of its
/// pages (see the module documentation); a text of fewer than two pages
/// comes back with its form feeds as line breaks, and a text without form
/// feeds as it is.
pub fn without_furniture(text: &str) -> Printed<'_> {
    if memchr::memchr(0x0c, text.as_bytes()).is_none() {
        return Printed {
            text: Cow::Borrowed(text),
            date: None,
        };
    }
    // A page break is a line break, whatever else is read from the pages.
    let unchanged = Printed {
        text: Cow::Owned(text.replace('\x0c', "\n")),
        date: None,
    };
    let pages: Vec<Vec<&str>> = text
        .split('\x0c')
        .map(|page| page.lines().collect::<Vec<_>>())
        .filter(|lines| lines.iter().any(|l| !l.trim().is_empty()))
        .collect();
    if pages.len() < 2 {
        return unchanged;
    }
    let mut pages_with: HashMap<String, usize> = HashMap::new();
    for page in &pages {
        let mut shapes: Vec<String> = edge_lines(page).map(|i| shape(page[i])).collect();
        shapes.sort_unstable();
        shapes.dedup();
        for s in shapes {
            *pages_with.entry(s).or_default() += 1;
        }
    }
    let is_furniture = |line: &str| {
        let shape = shape(line);
        // Figures alone are a page number, not a table's rows.
        let figures_only = !shape.chars().any(char::is_alphabetic);
        (!figures_only || shape.len() <= 12)
            && pages_with
                .get(&shape)
                .is_some_and(|&n| n >= 2 && n * 2 >= pages.len())
            || is_jump_line(line)
    };
    let mut out = String::with_capacity(text.len());
    let mut date = None;
    for page in &pages {
        let edges: Vec<usize> = edge_lines(page).collect();
        for (i, line) in page.iter().enumerate() {
            if edges.contains(&i) && is_furniture(line) {
                date = date.or_else(|| printed_date(line));
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    // Pages of nothing but their heads are no running text to free.
    if out.trim().is_empty() {
        return unchanged;
    }
    Printed {
        text: Cow::Owned(out),
        date,
    }
}

/// The indices of the first and last [`EDGE`] non-blank lines of `page`.
fn edge_lines<'p>(page: &'p [&str]) -> impl Iterator<Item = usize> + 'p {
    let filled: Vec<usize> = (0..page.len())
        .filter(|&i| !page[i].trim().is_empty())
        .collect();
    let top = filled.len().min(EDGE);
    let bottom = filled.len().saturating_sub(EDGE).max(top);
    let mut edges = filled[..top].to_vec();
    edges.extend_from_slice(&filled[bottom..]);
    edges.into_iter()
}

/// The shape of a line: lower case, every run of figures one `#`, every run
/// of spaces one space, so that "Page 7" and "Page 9" agree.
fn shape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last = ' ';
    for c in line.trim().chars() {
        let c = if c.is_ascii_digit() {
            '#'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if (c == '#' || c == ' ') && c == last {
            continue;
        }
        out.extend(c.to_lowercase());
        last = c;
    }
    out
}

/// Returns true if and only if `line` is only a jump line: "Continued on
/// page 9", "Continued from Page A1", "Continued on back page", "Turn to
/// page 4".
pub fn is_jump_line(line: &str) -> bool {
    // Every unit of every article is asked: most are let go at once.
    let opening = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    if line.len() > 48 || !opening.starts_with(['c', 'C', 't', 'T', 's', 'S']) {
        return false;
    }
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let is_page = |w: &[&str]| match w {
        ["page" | "p", number] => number.chars().any(|c| c.is_ascii_digit()) && number.len() <= 4,
        ["back" | "next", "page"] => true,
        _ => false,
    };
    match words.as_slice() {
        ["continued" | "cont" | "contd", "on" | "from", rest @ ..] => is_page(rest),
        ["turn" | "see", "to", rest @ ..] => is_page(rest),
        _ => false,
    }
}

/// The date a running head prints among its columns ("THE COURIER    Thursday,
/// 12 November 2026    7"), as printed.
fn printed_date(line: &str) -> Option<String> {
    line.split("  ")
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .find_map(structure::dateline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str, number: u32) -> String {
        format!(
            "{head}        {number}\n\n{body}\n\nThe Courier  12.11.2026   www.courier.example\n"
        )
    }

    #[test]
    fn running_heads_and_feet_go_and_the_story_flows_over_the_break() {
        let text = [
            page(
                "THE COURIER     Thursday, 12 November 2026",
                "Council passes budget\n\nThe council approved the budget after a\nlong session.",
                7,
            ),
            page(
                "THE COURIER     Thursday, 12 November 2026",
                "Opposition members said the cuts\nwould close two libraries.",
                8,
            ),
        ]
        .join("\x0c");
        let printed = without_furniture(&text);
        assert!(!printed.text.contains("COURIER"), "{}", printed.text);
        assert!(!printed.text.contains("www.courier"));
        assert!(printed.text.contains("after a\nlong session."));
        assert!(
            printed
                .text
                .contains("long session.\n\n\nOpposition members")
        );
        assert!(!printed.text.contains('\x0c'));
        assert_eq!(printed.date.as_deref(), Some("Thursday, 12 November 2026"));
    }

    #[test]
    fn a_line_inside_a_page_stays_though_it_repeats() {
        let body = |w: &str| {
            format!(
                "{w} one\n{w} two\n{w} three\nThe Courier\n{w} four\n{w} five\n{w} six\n{w} seven"
            )
        };
        let text = format!(
            "The Courier\n{}\n\x0cThe Courier\n{}\n",
            body("Red"),
            body("Blue")
        );
        let printed = without_furniture(&text);
        assert_eq!(printed.text.matches("The Courier").count(), 2);
        assert!(!printed.text.starts_with("The Courier"));
    }

    #[test]
    fn a_line_on_the_edge_of_too_few_pages_stays() {
        let pages: Vec<String> = (0..6)
            .map(|k| format!("Heading {k}\nline a{k}\nline b{k}\nline c{k}\nline d{k}\nEnd {k}\n"))
            .collect();
        let mut text = pages.join("\x0c");
        text.push_str("\x0cRare line\nmore\n\x0cRare line\nmore\n");
        let printed = without_furniture(&text);
        // "Heading #" and "End #" head six of eight pages; "Rare line" two.
        assert!(!printed.text.contains("Heading"));
        assert!(!printed.text.contains("End "));
        assert_eq!(printed.text.matches("Rare line").count(), 2);
    }

    #[test]
    fn pages_of_nothing_but_one_line_are_kept() {
        let text = "Minutes\x0cMinutes\x0cMinutes\x0c";
        assert_eq!(without_furniture(text).text, "Minutes\nMinutes\nMinutes\n");
    }

    #[test]
    fn text_without_form_feeds_is_untouched() {
        let text = "Page 1\n\nA story.\n\nPage 2\n";
        let printed = without_furniture(text);
        assert!(matches!(printed.text, Cow::Borrowed(t) if t == text));
        let one_page = "Head\nA story.\x0c";
        assert_eq!(without_furniture(one_page).text, "Head\nA story.\n");
    }

    #[test]
    fn jump_lines_are_told_from_prose() {
        assert!(is_jump_line("Continued on page 9"));
        assert!(is_jump_line("CONTINUED FROM PAGE A1"));
        assert!(is_jump_line("Continued on back page"));
        assert!(is_jump_line("Turn to page 4"));
        assert!(is_jump_line("(Continued on Page 12)"));
        assert!(!is_jump_line(
            "Continued on page 9 of the report, the figures show a fall."
        ));
        assert!(!is_jump_line("The talks continued on Monday"));
        assert!(!is_jump_line("Turn to the page"));
    }
}
