//! The one door through which file text enters the program.
//!
//! Article text is untrusted. [`clean_text`] removes every control character
//! and escape sequence (CSI, OSC, DCS, SOS/PM/APC, two-byte ESC sequences),
//! C1 controls, DEL and bidirectional overrides, so that nothing read from a
//! file can ever move the cursor, change colours, set the window title or
//! reorder what the terminal shows. Line breaks are normalised to `\n` and
//! tabs are expanded to spaces at stops every [`TAB_WIDTH`] columns, so a
//! table aligned with tabs stays aligned. Every string that reaches the rest of dossier from a
//! file has passed through here once.

use crate::ascii;

/// Returns `text` with all terminal-unsafe characters and escape sequences
/// removed; `\r\n`, lone `\r`, U+2028 and U+2029 become `\n`, a tab becomes
/// the spaces up to the next tab stop.
pub fn clean_text(text: &str) -> String {
    // Fast path: most article text has nothing to strip.
    if is_all_plain(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    // Characters since the last line break, for tab stops.
    let mut column = 0;
    let mut line_start = 0;
    while let Some(c) = chars.next() {
        if c == '\t' {
            column += out[line_start..].chars().count();
            // Past any table's width a tab is a gap, not a column: a line
            // of tabs must not grow eightfold.
            let spaces = if column < MAX_TAB_COLUMN {
                TAB_WIDTH - column % TAB_WIDTH
            } else {
                1
            };
            out.extend(std::iter::repeat_n(' ', spaces));
            column += spaces;
            line_start = out.len();
            continue;
        }
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // A lone C1 introducer starts the same sequences as ESC + letter.
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{90}' | '\u{9d}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            '\r' => {}
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if is_plain(c) => out.push(c),
            _ => {}
        }
        if out.ends_with('\n') {
            column = 0;
            line_start = out.len();
        }
    }
    out
}

/// Columns between tab stops, as terminals and typewriters set them.
pub const TAB_WIDTH: usize = 8;

/// Beyond this column tabs are no longer expanded to stops.
const MAX_TAB_COLUMN: usize = 256;

/// Returns a single-line version of `text`: cleaned, with every run of
/// whitespace (line breaks included) folded into one space, trimmed.
pub fn clean_line(text: &str) -> String {
    clean_text(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Returns true if and only if every character of `text` is plain.
///
/// Works on bytes: an ASCII byte is judged directly, and only the three
/// UTF-8 lead bytes that can start an unsafe character (0xC2 for C1
/// controls and the soft hyphen, 0xE2 for bidi and line separators, 0xEF
/// for the BOM and interlinear annotations) send the check to
/// [`is_plain`] for the character they start. This keeps the common case
/// at memory speed on large corpora.
fn is_all_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + 8).min(bytes.len());
        // Eight bytes of printable ASCII at once, the bulk of most texts.
        let printable = bytes.get(at..at + 8).is_some_and(|eight| {
            ascii::printable_or_newline(u64::from_le_bytes(eight.try_into().expect("eight bytes")))
        });
        if !printable && !bytes_are_plain(text, at, end) {
            return false;
        }
        at = end;
    }
    true
}

/// Returns true if and only if the characters that start at the bytes
/// `from..to` of `text` are plain, judged as [`is_all_plain`] says.
fn bytes_are_plain(text: &str, from: usize, to: usize) -> bool {
    for (i, &b) in text.as_bytes()[from..to].iter().enumerate() {
        let suspicious = match b {
            b'\n' => false,
            0x00..=0x1f | 0x7f => return false,
            0xc2 | 0xe2 | 0xef => true,
            _ => false,
        };
        if suspicious && !text[from + i..].chars().next().is_some_and(is_plain) {
            return false;
        }
    }
    true
}

/// Returns `text` on one line with every character that [`clean_text`]
/// would remove shown as a visible escape instead: `\n`, `\r`, `\t`, `\e`
/// for ESC, `\u{..}` for the rest. For diagnostics that quote a value:
/// the user sees what is in the file, and the terminal sees no control.
pub fn escape_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{1b}' => out.push_str("\\e"),
            c if is_plain(c) => out.push(c),
            c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    out
}

/// Returns true if and only if `c` may reach the terminal as is: no C0
/// or C1 control (line feed included), no DEL, no bidi or invisible
/// format character.
pub fn is_safe_char(c: char) -> bool {
    c != '\n' && is_plain(c)
}

/// Returns true if and only if `c` may be shown as is.
fn is_plain(c: char) -> bool {
    match c {
        '\n' => true,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => false,
        // Bidi embeddings, overrides, isolates and marks; BOM; soft hyphen
        // and other invisible format characters that can hide text.
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' => false,
        '\u{feff}' | '\u{ad}' | '\u{2028}' | '\u{2029}' => false,
        '\u{fff9}'..='\u{fffb}' => false,
        _ => true,
    }
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips the rest of an escape sequence whose ESC has been consumed.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_until_final(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // ESC + intermediate bytes + final byte (e.g. ESC ( B).
        Some(' '..='/') => {
            while let Some(&c) = chars.peek() {
                chars.next();
                if !(' '..='/').contains(&c) {
                    break;
                }
            }
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_until_final(chars: &mut Chars<'_>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || !(' '..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Skips a control string (OSC, DCS, ...) up to BEL, ST (ESC \) or the C1 ST.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_safe(s: &str) {
        assert!(
            s.chars().all(|c| c == '\n' || is_plain(c)),
            "unsafe character left in {s:?}"
        );
    }

    #[test]
    fn the_byte_fast_path_agrees_with_the_char_check() {
        let samples = [
            "plain ascii\nlines",
            "Japan’s “quoted” — dash € ü ☃ 日本",
            "soft\u{ad}hyphen",
            "c1\u{85}next line",
            "bidi \u{202e}override",
            "bom \u{feff}inside",
            "isolate \u{2066}x\u{2069}",
            "annotation \u{fff9}x",
            "line\u{2028}separator",
            "\u{ffff} and \u{fffd} and \u{20ac} are fine",
            "tab\there",
        ];
        for s in samples {
            assert_eq!(is_all_plain(s), s.chars().all(is_plain), "{s:?}");
        }
    }

    #[test]
    fn plain_text_is_unchanged() {
        let t = "Japan’s drones — “quoted”\nsecond line";
        assert_eq!(clean_text(t), t);
    }

    #[test]
    fn strips_csi_osc_dcs_and_c1() {
        let t = "a\u{1b}[31mred\u{1b}[0m b\u{1b}]0;title\u{7}c\u{1b}P1$q\u{1b}\\d\u{9b}2Je\u{1b}]8;;http://x\u{1b}\\f";
        let out = clean_text(t);
        assert_eq!(out, "ared bcdef");
        assert_safe(&out);
    }

    #[test]
    fn strips_bidi_overrides_and_c0_controls() {
        let out = clean_text("ab\u{202e}cd\u{2066}e\u{7}\u{8}f\u{7f}g\u{0}");
        assert_eq!(out, "abcdefg");
    }

    #[test]
    fn normalises_line_breaks_and_tabs() {
        assert_eq!(clean_text("a\r\nb\rc\td\u{2028}e"), "a\nb\nc       d\ne");
    }

    #[test]
    fn tabs_expand_to_stops_so_tab_aligned_columns_stay_aligned() {
        let table = clean_text("Net\t217,572\tvs\t153,454\nRevs\t1.2 mln\tvs\t0.9 mln");
        let rows: Vec<&str> = table.lines().collect();
        assert_eq!(rows[0], "Net     217,572 vs      153,454");
        assert_eq!(rows[1], "Revs    1.2 mln vs      0.9 mln");
        let column = |row: &str, word: &str| row.find(word).unwrap();
        assert_eq!(column(rows[0], " vs "), column(rows[1], " vs "));
        // Stops count characters, not bytes, and restart on each line.
        assert_eq!(clean_text("é\tx\n\ty"), "é       x\n        y");
        // A line of tabs grows by at most the widest table, not eightfold.
        assert!(clean_text(&"\t".repeat(10_000)).len() < 10_000 + 256);
    }

    #[test]
    fn unterminated_sequences_do_not_swallow_past_the_end() {
        assert_eq!(clean_text("x\u{1b}]0;never ends"), "x");
        assert_eq!(clean_text("x\u{1b}"), "x");
        assert_eq!(clean_text("x\u{1b}[12"), "x");
    }

    #[test]
    fn escape_line_shows_controls_on_one_line() {
        assert_eq!(
            escape_line("a\u{1b}]0;X\u{7}\nb\u{202e}c\td"),
            "a\\e]0;X\\u{7}\\nb\\u{202e}c\\td"
        );
        assert_eq!(escape_line("Zürich — “ok”"), "Zürich — “ok”");
        assert!(escape_line("\u{9b}2J\r").chars().all(is_safe_char));
    }

    #[test]
    fn clean_line_folds_whitespace() {
        assert_eq!(clean_line("  a \n\n b\tc "), "a b c");
    }
}
