//! Light Markdown stripping: the text a reader would see, with structure
//! left as plain lines so that the cleaner's general rules find headings
//! (a `## Heading` becomes a short line without closing punctuation).
//!
//! Fenced code blocks and pipe tables are the exception: they stay between
//! plain fences, their lines as written, and [`super::layout`] keeps every
//! fenced block as one preformatted block. This is the contract for any
//! format converted to Markdown on its way in (`<pre>` and `<table>` become
//! fenced blocks).

use super::layout::Fence;

/// Returns `text` without Markdown syntax: heading hashes, emphasis markers,
/// link and image syntax (`[text](url)` → `text`, images dropped), inline
/// code ticks, block quotes, rules and link definitions. List items keep a
/// `•` bullet so they are never mistaken for headings. Fenced blocks keep
/// their lines under a bare fence (the info string goes); a pipe table is
/// put in a fenced block of its own.
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if let Some(fence) = Fence::opening(line) {
            let bare = fence.bare();
            out.push_str(&bare);
            out.push('\n');
            for inner in lines.by_ref() {
                if fence.is_closed_by(inner) {
                    break;
                }
                out.push_str(inner.trim_end());
                out.push('\n');
            }
            out.push_str(&bare);
            out.push('\n');
            continue;
        }
        if trimmed.contains('|') && lines.peek().is_some_and(|next| is_table_delimiter(next)) {
            out.push_str("```\n");
            out.push_str(trimmed);
            out.push('\n');
            while let Some(row) = lines.next_if(|l| l.contains('|') && !l.trim().is_empty()) {
                out.push_str(row.trim());
                out.push('\n');
            }
            out.push_str("```\n");
            continue;
        }
        if is_rule(trimmed) {
            out.push('\n');
            continue;
        }
        if is_link_definition(trimmed) {
            continue;
        }
        let mut rest = trimmed;
        while let Some(r) = rest.strip_prefix('>') {
            rest = r.trim_start();
        }
        let hashes = rest.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && rest[hashes..].starts_with(' ') {
            rest = rest[hashes..].trim().trim_end_matches('#').trim_end();
        }
        let bullet = ["- ", "* ", "+ "].iter().find_map(|b| rest.strip_prefix(b));
        if let Some(item) = bullet {
            out.push_str("• ");
            rest = item;
        }
        strip_inline(rest, &mut out);
        out.push('\n');
    }
    out
}

/// The delimiter row under a pipe table's header: cells of dashes, with
/// optional colons for alignment (`| --- | :-: |`).
fn is_table_delimiter(line: &str) -> bool {
    let line = line.trim();
    let cells: Vec<&str> = line
        .trim_start_matches('|')
        .trim_end_matches('|')
        .split('|')
        .map(str::trim)
        .collect();
    line.contains('-')
        && (line.contains('|') || cells.len() > 1)
        && cells.iter().all(|c| {
            let dashes = c.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.chars().all(|ch| ch == '-')
        })
}

fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && ["-", "*", "_"]
            .iter()
            .any(|m| compact.chars().all(|c| c.to_string() == *m))
}

/// `[id]: http://...` lines.
fn is_link_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .split_once("]:")
            .is_some_and(|(label, _)| !label.contains(']'))
}

/// Copies `line` into `out` without emphasis, code ticks and link syntax.
fn strip_inline(line: &str, out: &mut String) {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '!' if chars.get(i + 1) == Some(&'[') => {
                if let Some((_, end)) = link_at(&chars, i + 1) {
                    i = end;
                    continue;
                }
                out.push(c);
            }
            '[' => {
                if let Some((label_end, end)) = link_at(&chars, i) {
                    strip_inline(&chars[i + 1..label_end].iter().collect::<String>(), out);
                    i = end;
                    continue;
                }
                out.push(c);
            }
            '`' => {}
            '*' | '_' if is_emphasis_marker(&chars, i) => {}
            _ => out.push(c),
        }
        i += 1;
    }
}

/// For `[label](target)` starting at `open`, returns the index of `]` and
/// the index just past `)`.
fn link_at(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = open + chars[open..].iter().position(|&c| c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = close + 1 + chars[close + 1..].iter().position(|&c| c == ')')?;
    Some((close, end + 1))
}

/// A `*` or `_` touching a word on one side and not on the other (so
/// `snake_case` and `2 * 3` survive).
fn is_emphasis_marker(chars: &[char], i: usize) -> bool {
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut before = i;
    while before > 0 && chars[before - 1] == chars[i] {
        before -= 1;
    }
    let mut after = i;
    while after + 1 < chars.len() && chars[after + 1] == chars[i] {
        after += 1;
    }
    let prev = if before > 0 {
        chars.get(before - 1)
    } else {
        None
    };
    let next = chars.get(after + 1);
    word(prev) != word(next) || (!word(prev) && !word(next) && after > before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_headings_emphasis_and_links() {
        let md = "## Rates *held* steady\n\nThe **bank** said [in a note](https://x.org/n) that ![chart](c.png) rates stay.\n- first item\n> quoted `code`\n[1]: https://x.org\n---";
        let out = strip(md);
        assert_eq!(
            out,
            "Rates held steady\n\nThe bank said in a note that  rates stay.\n• first item\nquoted code\n\n"
        );
    }

    #[test]
    fn fenced_blocks_and_pipe_tables_stay_as_written_between_fences() {
        let md = "Results:\n\n| Team | Pts |\n|:-----|----:|\n| **Rovers** | 30 |\n| City | 19 |\n\n```python\n    x = [1](2)\n# not a heading\n```\nAfter.";
        assert_eq!(
            strip(md),
            "Results:\n\n```\n| Team | Pts |\n|:-----|----:|\n| **Rovers** | 30 |\n| City | 19 |\n```\n\n```\n    x = [1](2)\n# not a heading\n```\nAfter.\n"
        );
        let stripped = strip(md);
        let units = crate::corpus::layout::split_units(&stripped);
        let kept: Vec<(bool, &str)> = units.iter().map(|u| (u.is_preformatted(), &**u)).collect();
        assert_eq!(
            kept,
            [
                (false, "Results:"),
                (
                    true,
                    "| Team | Pts |\n|:-----|----:|\n| **Rovers** | 30 |\n| City | 19 |"
                ),
                (true, "    x = [1](2)\n# not a heading"),
                (false, "After."),
            ]
        );
    }

    #[test]
    fn a_pipe_in_prose_is_no_table() {
        assert_eq!(
            strip("Rates | held\nsteady - for now"),
            "Rates | held\nsteady - for now\n"
        );
    }

    #[test]
    fn keeps_snake_case_and_arithmetic() {
        assert_eq!(
            strip("a snake_case name, 2 * 3"),
            "a snake_case name, 2 * 3\n"
        );
    }
}
