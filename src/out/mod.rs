//! The one door out: every byte dossier writes for the terminal — tables
//! and JSON on stdout, messages on stderr, the reader's screen — passes a
//! filter here that lets no control character, escape sequence or bidi
//! override through.
//!
//! Text from files is already cleaned where it enters ([`crate::sanitize`]);
//! this door also covers what never went through that one: file names,
//! command-line arguments, config values, error messages of any layer.
//! It holds by construction: `clippy.toml` forbids `print!`, `println!`,
//! `eprint!`, `eprintln!`, `std::io::stdout` and `std::io::stderr`
//! everywhere else, so a new call site cannot go around it.
//!
//! A write that fails because the reader of stdout went away (a pager or
//! `head` that quit: EPIPE) is reported as [`is_broken_pipe`] so the
//! command can end quietly with success.

mod progress;
mod screen;

use std::fmt::Display;
use std::io::{self, BufWriter, Write};

use crate::sanitize::{escape_line, is_safe_char};

pub use progress::ProgressBar;
pub use screen::{SafeBackend, Screen, mouse_capture, stdout_is_terminal};

/// What happens to a character that may not reach the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Dropped: plain text and CSV.
    Strip,
    /// Written as a JSON `\uXXXX` escape, so JSON stays valid and keeps
    /// the data (such characters only occur inside JSON strings).
    JsonEscape,
}

/// A writer that filters everything written through it by [`Policy`].
/// Line feeds and tabs pass; a carriage return passes only before a line
/// feed (CSV's `\r\n`); invalid UTF-8 becomes U+FFFD. Sequences split
/// across writes are judged whole.
pub struct Door<W: Write> {
    inner: W,
    policy: Policy,
    /// Bytes held back: an incomplete UTF-8 sequence, or a final `\r`.
    carry: Vec<u8>,
}

impl<W: Write> Door<W> {
    pub fn new(inner: W, policy: Policy) -> Self {
        Self {
            inner,
            policy,
            carry: Vec::new(),
        }
    }

    /// Writes whatever is held back: an incomplete sequence as U+FFFD, a
    /// final lone `\r` not at all.
    fn finish(&mut self) -> io::Result<()> {
        if self.carry.is_empty() {
            return Ok(());
        }
        let held = std::mem::take(&mut self.carry);
        let mut out = String::new();
        let text = String::from_utf8_lossy(&held);
        let text = text.strip_suffix('\r').unwrap_or(&text);
        filter(text, self.policy, &mut out);
        self.inner.write_all(out.as_bytes())
    }

    /// Judges what is gathered and writes it on, holding back only an
    /// incomplete sequence or a final `\r`.
    fn pass(&mut self) -> io::Result<()> {
        let mut out = String::new();
        let mut start = 0;
        loop {
            match std::str::from_utf8(&self.carry[start..]) {
                Ok(text) => {
                    // Keep a final '\r' back until we know what follows.
                    let keep = usize::from(text.ends_with('\r'));
                    let text = &text[..text.len() - keep];
                    // Most of what is written is safe as it stands: then
                    // it goes on without a copy.
                    if start == 0 && next_suspect(text.as_bytes(), 0) == text.len() {
                        let safe = text.len();
                        self.inner.write_all(&self.carry[..safe])?;
                        self.carry.drain(..safe);
                        return Ok(());
                    }
                    out.reserve(text.len());
                    filter(text, self.policy, &mut out);
                    start = self.carry.len() - keep;
                    break;
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    let text = std::str::from_utf8(&self.carry[start..start + valid])
                        .expect("valid_up_to marks valid UTF-8");
                    out.reserve(text.len());
                    filter(text, self.policy, &mut out);
                    start += valid;
                    match e.error_len() {
                        Some(bad) => {
                            out.push('\u{fffd}');
                            start += bad;
                        }
                        // An incomplete sequence at the end: wait for more.
                        None => break,
                    }
                }
            }
        }
        self.carry.drain(..start);
        self.inner.write_all(out.as_bytes())
    }
}

/// Bytes the door gathers before it judges and passes them on.
const BATCH: usize = 32 * 1024;

impl<W: Write> Write for Door<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.carry.extend_from_slice(buf);
        // Writers such as serde_json write a token at a time: judging each
        // alone cost more than the output itself.
        if self.carry.len() >= BATCH {
            self.pass()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Door<W> {
    fn drop(&mut self) {
        let _ = self.pass();
        let _ = self.finish();
        let _ = self.inner.flush();
    }
}

/// The bytes that can start an unsafe character: ASCII controls but line
/// feed and tab, DEL, and the UTF-8 lead bytes 0xC2, 0xE2 and 0xEF.
const MAY_BE_UNSAFE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != b'\n' as usize && b != b'\t' as usize;
        b += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table[0xef] = true;
    table
};

/// Appends `text` to `out` with unsafe characters handled by `policy`.
///
/// Safe spans are copied whole; only a byte that can start an unsafe
/// character (an ASCII control, DEL, or the UTF-8 lead bytes 0xC2, 0xE2
/// and 0xEF, as in [`crate::sanitize`]) is decoded and judged.
fn filter(text: &str, policy: Policy, out: &mut String) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    loop {
        // Most bytes are safe, and so are the line feeds of pretty JSON:
        // skip them without decoding.
        i = next_suspect(bytes, i);
        if i >= bytes.len() {
            break;
        }
        let c = text[i..]
            .chars()
            .next()
            .expect("i is on a character boundary");
        let keep = match c {
            '\n' | '\t' => true,
            '\r' => bytes.get(i + 1) == Some(&b'\n'),
            c => is_safe_char(c),
        };
        if !keep {
            out.push_str(&text[start..i]);
            if policy == Policy::JsonEscape {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            start = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(&text[start..]);
}

/// Returns the index of the first byte at or after `from` that may start
/// an unsafe character ([`MAY_BE_UNSAFE`]), or `bytes.len()` if none
/// does. Printable ASCII is passed over eight bytes at a time: a chunk
/// with no byte below a space and none above `~` holds no suspect.
fn next_suspect(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    loop {
        while let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("a chunk of eight bytes"));
            let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
            let above_tilde = (w.wrapping_add(ONES) | w) & HIGH;
            if below_space | above_tilde != 0 {
                break;
            }
            i += 8;
        }
        // A chunk with a line feed or a non-ASCII byte: byte by byte.
        let end = (i + 8).min(bytes.len());
        while i < end {
            if MAY_BE_UNSAFE[usize::from(bytes[i])] {
                return i;
            }
            i += 1;
        }
        if i >= bytes.len() {
            return bytes.len();
        }
    }
}

/// Returns stdout behind the door, buffered.
#[allow(clippy::disallowed_methods, reason = "the door itself")]
pub fn stdout(policy: Policy) -> Door<BufWriter<io::StdoutLock<'static>>> {
    Door::new(BufWriter::new(io::stdout().lock()), policy)
}

/// Writes `text` to stdout through the door and flushes it.
pub fn print_text(text: &str) -> io::Result<()> {
    let mut out = stdout(Policy::Strip);
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes `value` as JSON and a line feed to stdout through the door:
/// indented for a person at a terminal, compact for a program reading a
/// pipe or a file (half the bytes, twice as fast), as `gh` does.
pub fn print_json(value: &impl serde::Serialize) -> io::Result<()> {
    // serde_json writes a token at a time: gather them before the door.
    let mut out = BufWriter::with_capacity(BATCH, stdout(Policy::JsonEscape));
    if stdout_is_terminal() {
        serde_json::to_writer_pretty(&mut out, value)?;
    } else {
        serde_json::to_writer(&mut out, value)?;
    }
    out.write_all(b"\n")?;
    out.flush()
}

/// Rows of a JSON array serialized together, on every core, before they
/// are written in order: enough to keep both cores busy, few enough that
/// a window of rows is a few megabytes.
const ROWS_AT_ONCE: usize = 4096;
const ROWS_PER_TASK: usize = 256;

/// Writes the JSON array of `len` rows, `row(i)` each, and a line feed to
/// stdout through the door, as [`print_json`] writes a sequence: indented
/// at a terminal; compact otherwise, where a window of rows is serialized
/// on every core at once (the list of 100,000 articles is 400 MB of JSON,
/// and serializing it was most of a warm `list --json`).
pub fn print_json_rows<T: CompactJson>(
    len: usize,
    row: impl Fn(usize) -> T + Sync,
) -> io::Result<()> {
    if stdout_is_terminal() {
        return print_json(&Rows { len, row: &row });
    }
    let mut out = BufWriter::with_capacity(BATCH, stdout(Policy::JsonEscape));
    write_json_rows(&mut out, len, &row)?;
    out.flush()
}

/// Writes the compact JSON array of `len` rows, `row(i)` each, and a line
/// feed to `out` (see [`print_json_rows`]).
fn write_json_rows<T: CompactJson>(
    out: &mut impl Write,
    len: usize,
    row: &(impl Fn(usize) -> T + Sync),
) -> io::Result<()> {
    use rayon::prelude::*;
    out.write_all(b"[")?;
    for window in (0..len).step_by(ROWS_AT_ONCE) {
        let end = (window + ROWS_AT_ONCE).min(len);
        let parts = (window..end)
            .into_par_iter()
            .step_by(ROWS_PER_TASK)
            .map(|from| {
                let mut part = Vec::new();
                for i in from..(from + ROWS_PER_TASK).min(end) {
                    if i > 0 {
                        part.push(b',');
                    }
                    row(i).write_compact(&mut part)?;
                }
                Ok(part)
            })
            .collect::<io::Result<Vec<Vec<u8>>>>()?;
        for part in parts {
            out.write_all(&part)?;
        }
    }
    out.write_all(b"]\n")
}

/// A row of [`print_json_rows`]: its compact JSON is what
/// `serde_json::to_writer` writes of it. A row may write it by hand where
/// that is faster (the parts that repeat from row to row made once).
pub trait CompactJson: serde::Serialize {
    /// Appends the compact JSON of the row to `out`.
    fn write_compact(&self, out: &mut Vec<u8>) -> io::Result<()> {
        serde_json::to_writer(out, self).map_err(io::Error::from)
    }
}

impl CompactJson for serde_json::Value {}

/// A JSON array of rows made on demand (see [`print_json_rows`]).
struct Rows<'a, F> {
    len: usize,
    row: &'a F,
}

impl<T: serde::Serialize, F: Fn(usize) -> T> serde::Serialize for Rows<'_, F> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((0..self.len).map(self.row))
    }
}

/// Returns the line `dossier: <message>` as shown on stderr: one line,
/// with every control character of the message shown escaped.
pub fn diag_line(message: &dyn Display) -> String {
    format!("dossier: {}\n", escape_line(&message.to_string()))
}

/// Returns the OSC 52 sequence that asks the terminal to put `text` on
/// the clipboard. The text travels base64-encoded, so nothing in it can end
/// the sequence or start another.
pub fn osc52(text: &str) -> String {
    use base64::Engine as _;
    let payload = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\u{1b}]52;c;{payload}\u{7}")
}

/// Writes the OSC 52 sequence for `text` (see [`osc52`]) to the terminal:
/// the one escape sequence dossier sends on purpose outside ratatui.
#[allow(clippy::disallowed_methods, reason = "the door itself")]
pub fn copy_to_clipboard(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

/// Writes one diagnostic line to stderr (see [`diag_line`]). A stderr
/// that cannot be written is ignored: there is nowhere else to say so.
#[allow(clippy::disallowed_methods, reason = "the door itself")]
pub fn diag(message: &dyn Display) {
    let _ = io::stderr().lock().write_all(diag_line(message).as_bytes());
}

/// Returns an error and its causes as one message, leaving out a cause
/// that its wrapper already quotes ("x: No such file: No such file").
pub fn error_message(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// Writes a multi-line block (clap's usage errors) to stderr or, for
/// `--help` and `--version`, stdout, with unsafe characters removed.
#[allow(clippy::disallowed_methods, reason = "the door itself")]
pub fn block(text: &str, to_stdout: bool) -> io::Result<()> {
    if to_stdout {
        print_text(text)
    } else {
        let mut err = Door::new(io::stderr().lock(), Policy::Strip);
        err.write_all(text.as_bytes())?;
        err.flush()
    }
}

/// Returns true if and only if `error` (or a cause) is a write to a pipe
/// whose reader has gone.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_made_on_every_core_are_the_json_of_the_whole_array() {
        let row = |i: usize| serde_json::json!({ "id": i, "name": format!("row \u{1}{i}") });
        for len in [0, 1, 255, 257, ROWS_AT_ONCE + 3] {
            let mut written = Vec::new();
            write_json_rows(&mut written, len, &row).unwrap();
            let whole: Vec<_> = (0..len).map(row).collect();
            let mut expected = serde_json::to_vec(&whole).unwrap();
            expected.push(b'\n');
            assert_eq!(written, expected, "{len} rows");
        }
    }

    #[test]
    fn the_fast_scan_finds_every_byte_the_table_suspects() {
        let table = |bytes: &[u8], from: usize| {
            (from..bytes.len())
                .find(|&i| MAY_BE_UNSAFE[usize::from(bytes[i])])
                .unwrap_or(bytes.len())
        };
        for b in 0..=255u8 {
            for at in 0..19 {
                let mut bytes = b"a plain line of json".to_vec();
                bytes.insert(at, b);
                bytes.extend_from_slice(b" ~ and more ~ text");
                for from in [0, 1, at, bytes.len()] {
                    assert_eq!(
                        next_suspect(&bytes, from),
                        table(&bytes, from),
                        "{b:#x} at {at} from {from}"
                    );
                }
            }
        }
    }

    fn through(policy: Policy, pieces: &[&[u8]]) -> String {
        let mut written = Vec::new();
        let mut door = Door::new(&mut written, policy);
        for p in pieces {
            door.write_all(p).unwrap();
        }
        drop(door);
        String::from_utf8(written).unwrap()
    }

    #[test]
    fn controls_are_stripped_even_when_split_across_writes() {
        let out = through(
            Policy::Strip,
            &[
                b"a\x1b]0;T\x07b\xc2",
                b"\x9b2Jc\xe2\x80",
                b"\xaed\r",
                b"\ne\rf",
            ],
        );
        assert_eq!(out, "a]0;Tb2Jcd\r\nef");
        assert!(
            out.chars()
                .all(|c| is_safe_char(c) || c == '\n' || c == '\r')
        );
    }

    #[test]
    fn json_keeps_its_data_as_escapes() {
        let out = through(Policy::JsonEscape, &["\"x\u{202e}y\u{9b}\"".as_bytes()]);
        assert_eq!(out, "\"x\\u202ey\\u009b\"");
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "x\u{202e}y\u{9b}");
    }

    #[test]
    fn invalid_utf8_is_replaced_and_an_unfinished_tail_flushed() {
        assert_eq!(
            through(Policy::Strip, &[b"a\xffb\xe2\x80"]),
            "a\u{fffd}b\u{fffd}"
        );
    }

    #[test]
    fn a_diagnostic_is_one_escaped_line() {
        let line = diag_line(&"c.toml: line 2: \"#\u{1b}]0;X\u{7}\nline two\"");
        assert_eq!(
            line,
            "dossier: c.toml: line 2: \"#\\e]0;X\\u{7}\\nline two\"\n"
        );
    }

    #[test]
    fn a_repeated_cause_is_said_once() {
        let io = io::Error::new(io::ErrorKind::NotFound, "No such file");
        let e = anyhow::Error::new(io).context("x.toml: cannot read: No such file");
        assert_eq!(error_message(&e), "x.toml: cannot read: No such file");
        let e = anyhow::anyhow!("inner").context("outer");
        assert_eq!(error_message(&e), "outer: inner");
    }

    #[test]
    fn broken_pipes_are_recognised_through_context() {
        let e = anyhow::Error::new(io::Error::from(io::ErrorKind::BrokenPipe))
            .context("cannot write to stdout");
        assert!(is_broken_pipe(&e));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }

    #[test]
    fn the_clipboard_payload_is_base64_so_it_cannot_escape() {
        use base64::Engine as _;
        let seq = osc52("https://x.example/a?b=\u{7}\u{1b}");
        assert!(seq.starts_with("\u{1b}]52;c;"));
        assert!(seq.ends_with('\u{7}'));
        let payload = &seq[7..seq.len() - 1];
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(payload)
            .unwrap();
        assert_eq!(decoded, "https://x.example/a?b=\u{7}\u{1b}".as_bytes());
    }
}
