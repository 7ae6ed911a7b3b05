//! Loading: walk paths, read files in parallel, decode them, and turn every
//! problem into a one-line [`Warning`] instead of an abort.
//!
//! Loading never writes anything: files are opened read-only and nothing is
//! created beside them. Files with an extension dossier does not read
//! (`.png`, `.pdf`, `.css`, ...) are skipped silently, because a saved-pages
//! folder is full of them and a warning per image would drown the real
//! problems; a file named explicitly on the command line is always tried.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::formats::{self, Format};
use super::{RawDoc, Warning};
use crate::bounded::{self, Capped};

/// Limits for loading.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files larger than this are skipped with a warning.
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_size: 16 * 1024 * 1024,
        }
    }
}

/// A file found by [`discover`], with what a cache needs to key it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRef {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u128,
}

/// Walks `paths` (files or folders, recursively; hidden entries skipped,
/// symlink loops survived) and returns the candidate files in path order.
///
/// Folders are visited once each, keyed by their canonical path, so a
/// symlink pointing back up the tree ends the walk instead of looping.
/// `found` hears how many files are found so far, every few thousand
/// entries looked at.
pub fn discover(
    paths: &[PathBuf],
    opts: &LoadOptions,
    found: &dyn Fn(usize),
) -> (Vec<FileRef>, Vec<Warning>) {
    // Sizes are checked when reading, so that a cache keyed on FileRef
    // sees every file; no option changes the walk itself yet.
    let _ = opts;
    let mut walk = Walk {
        found,
        visited: HashSet::new(),
        files: Vec::new(),
        warnings: Vec::new(),
    };
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk.dir(path),
            // Named explicitly: read it whatever its extension.
            Ok(meta) if meta.is_file() => walk.push_file(path, &meta),
            Ok(_) => walk.warn(path, "skipped: not a regular file or folder"),
            Err(e) => walk.warn(path, &format!("cannot open: {}", io_reason(&e))),
        }
    }
    // A walk with sorted children is already in path order; only several
    // roots given out of order need the (costly, per-component) sort.
    if !walk.files.is_sorted_by(|a, b| a.path <= b.path) {
        walk.files.sort_by(|a, b| a.path.cmp(&b.path));
    }
    walk.files.dedup_by(|a, b| a.path == b.path);
    (walk.files, walk.warnings)
}

struct Walk<'a> {
    found: &'a dyn Fn(usize),
    visited: HashSet<PathBuf>,
    files: Vec<FileRef>,
    warnings: Vec<Warning>,
}

/// Entries looked at between two counts of the files found: a folder of
/// 100,000 files is 50 counts, each a few milliseconds of work.
const WALK_STEP: usize = 2_048;

impl Walk<'_> {
    /// Walks the folder tree under `root` with an explicit stack, so that
    /// no depth of nesting can overflow the call stack.
    fn dir(&mut self, root: &Path) {
        let mut pending = vec![root.to_path_buf()];
        while let Some(dir) = pending.pop() {
            let Ok(canonical) = fs::canonicalize(&dir) else {
                self.warn(&dir, "skipped: cannot resolve folder");
                continue;
            };
            if !self.visited.insert(canonical) {
                continue;
            }
            let entries = match fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    self.warn(&dir, &format!("skipped folder: {}", io_reason(&e)));
                    continue;
                }
            };
            let mut named: Vec<(std::ffi::OsString, PathBuf)> = entries
                .filter_map(Result::ok)
                .map(|e| (e.file_name(), e.path()))
                .filter(|(name, _)| !is_hidden(name))
                .collect();
            // Siblings differ only in their name: comparing names is the
            // path order, without parsing every path's components.
            named.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let children: Vec<PathBuf> = named.into_iter().map(|(_, path)| path).collect();
            // Follows symlinks; one stat per entry, on every core: a folder
            // of 100,000 articles costs 100,000 of them.
            let mut subdirs = Vec::new();
            for slice in children.chunks(WALK_STEP) {
                let metas: Vec<_> = slice.par_iter().map(fs::metadata).collect();
                for (child, meta) in slice.iter().zip(metas) {
                    match meta {
                        Ok(meta) if meta.is_dir() => subdirs.push(child.clone()),
                        Ok(meta) if meta.is_file() => {
                            if Format::from_path(child).is_some() {
                                self.push_file(child, &meta);
                            }
                        }
                        Ok(_) => {}
                        // A dangling link is reported, not fatal.
                        Err(e) => self.warn(child, &format!("skipped: {}", io_reason(&e))),
                    }
                }
                (self.found)(self.files.len());
            }
            // Popped in name order.
            pending.extend(subdirs.into_iter().rev());
        }
    }

    fn push_file(&mut self, path: &Path, meta: &fs::Metadata) {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        self.files.push(FileRef {
            path: path.to_path_buf(),
            size: meta.len(),
            mtime_ns,
        });
    }

    fn warn(&mut self, path: &Path, reason: &str) {
        self.warnings.push(Warning {
            path: display(path),
            reason: reason.to_owned(),
        });
    }
}

/// Returns true if and only if a file or folder name starts with a dot.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// What reading one file gave: its documents (several for `.jsonl`), the
/// problems met, and the xxh3 hash of its bytes when it was read whole.
#[derive(Debug, Default)]
pub struct FileRead {
    pub docs: Vec<RawDoc>,
    pub warnings: Vec<Warning>,
    /// The content hash the cache keeps to tell a touched file from a
    /// changed one; taken from the bytes read, so a cold open reads each
    /// file once, not once to hash and once to decode.
    pub hash: Option<u64>,
}

impl FileRead {
    fn skipped(warning: Warning) -> Self {
        Self {
            warnings: vec![warning],
            ..Self::default()
        }
    }
}

/// Reads and decodes one file into its documents (several for `.jsonl`).
/// Problems that skip the file or part of it come back as warnings.
pub fn read_file(file: &FileRef, opts: &LoadOptions) -> FileRead {
    let path = display(&file.path);
    let warn = |reason: String| Warning {
        path: path.clone(),
        reason,
    };
    if file.size > opts.max_file_size {
        return FileRead::skipped(warn(format!(
            "skipped: {} is over the size limit of {}",
            human_size(file.size),
            human_size(opts.max_file_size)
        )));
    }
    // The walk's size may be stale (the file was replaced or grew): the
    // read checks the opened handle again and never reads past the limit.
    let bytes = match bounded::read_capped(&file.path, opts.max_file_size) {
        Ok(Capped::Whole(bytes)) => bytes,
        Ok(Capped::TooLarge(size)) => {
            return FileRead::skipped(warn(format!(
                "skipped: {} is over the size limit of {}",
                human_size(size),
                human_size(opts.max_file_size)
            )));
        }
        Err(e) => return FileRead::skipped(warn(format!("skipped: {}", io_reason(&e)))),
    };
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    let format = if Format::needs_sniffing(&file.path) {
        None
    } else {
        Some(Format::from_path(&file.path).unwrap_or(Format::Text))
    };
    let (mut docs, warnings) = parse_bytes(&path, bytes, format);
    let mtime_ns = i64::try_from(file.mtime_ns).ok().filter(|&t| t > 0);
    for doc in &mut docs {
        doc.mtime_ns = mtime_ns;
    }
    FileRead {
        docs,
        warnings,
        hash: Some(hash),
    }
}

/// Decodes one file's bytes and parses them as `format` (`None`: guessed
/// from the text); the half of [`read_file`] after the read, which the
/// fuzz targets drive directly. Problems come back as warnings on `path`.
pub fn parse_bytes(
    path: &str,
    bytes: Vec<u8>,
    format: Option<Format>,
) -> (Vec<RawDoc>, Vec<Warning>) {
    if let Some(format) = format.filter(|f| f.reads_bytes()) {
        // Pages and feeds decode themselves (BOM, declared charset).
        return formats::parse_web(path, &bytes, format);
    }
    let warn = |reason: String| Warning {
        path: path.to_owned(),
        reason,
    };
    let mut warnings = Vec::new();
    let (text, lossy, read_as) = match decode(bytes) {
        Decoded::Binary => {
            return (
                Vec::new(),
                vec![warn("skipped: binary file, not text".into())],
            );
        }
        Decoded::Text {
            text,
            lossy,
            read_as,
        } => (text, lossy, read_as),
    };
    match (read_as, lossy) {
        (Some(name), false) => warnings.push(warn(format!("not UTF-8: read as {name}"))),
        (Some(name), true) => warnings.push(warn(format!(
            "not UTF-8: read as {name}, some characters replaced"
        ))),
        (None, true) => warnings.push(warn(
            "not valid UTF-8: decoded lossily, some characters replaced".into(),
        )),
        (None, false) => {}
    }
    if text.trim().is_empty() {
        warnings.push(warn("skipped: empty file".into()));
        return (Vec::new(), warnings);
    }
    let format = format.unwrap_or_else(|| formats::sniff(&text));
    let (docs, parse_warnings) = formats::parse(path, &text, format);
    warnings.extend(parse_warnings);
    (docs, warnings)
}

enum Decoded {
    Binary,
    Text {
        text: String,
        lossy: bool,
        /// The legacy encoding the text was read in, if it was not UTF-8
        /// nor UTF-16/32.
        read_as: Option<&'static str>,
    },
}

/// Decodes file bytes: UTF-16 and UTF-32 (either byte order) when they
/// start with their byte order mark, else UTF-8 with or without BOM, else
/// lossily; binary data (a NUL byte, or mostly control bytes in the first
/// few KiB) is refused.
fn decode(mut bytes: Vec<u8>) -> Decoded {
    if let Some(decoded) = decode_wide(&bytes) {
        return decoded;
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if looks_binary(&bytes) {
        return Decoded::Binary;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text {
            text,
            lossy: false,
            read_as: None,
        },
        Err(e) => {
            let (text, lossy, encoding) = decode_legacy(e.as_bytes());
            // Mostly replacement characters: not text in any encoding we know.
            let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
            if replaced * 3 > text.chars().count() {
                return Decoded::Binary;
            }
            Decoded::Text {
                text,
                lossy,
                read_as: Some(encoding),
            }
        }
    }
}

/// Decodes text that is not UTF-8 in the legacy encoding its bytes point
/// to (Windows-1252 for most Western European text, Windows-1251 for
/// Cyrillic, Shift_JIS, …), as a browser guesses it (`chardetng`); with
/// true when some bytes were still not valid there and were replaced, and
/// the encoding's name.
fn decode_legacy(bytes: &[u8]) -> (String, bool, &'static str) {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), lossy, encoding.name())
}

/// Decodes UTF-32 or UTF-16 text that starts with a byte order mark
/// (UTF-32 is tested first: its little-endian mark begins with UTF-16's);
/// `None` for bytes without one. Invalid units become U+FFFD and make the
/// result lossy; the decoded text then passes the same binary check as
/// UTF-8 (a NUL character, or mostly controls, is not text).
fn decode_wide(bytes: &[u8]) -> Option<Decoded> {
    type Unit = fn([u8; 4]) -> u32;
    let (width, unit): (usize, Unit) = if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        (4, u32::from_le_bytes)
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        (4, u32::from_be_bytes)
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        (2, |b| u32::from(u16::from_le_bytes([b[0], b[1]])))
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        (2, |b| u32::from(u16::from_be_bytes([b[0], b[1]])))
    } else {
        return None;
    };
    let body = &bytes[width..];
    let units = body.chunks(width).map(|c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        // A truncated last unit is invalid, not a shorter one.
        if c.len() < width { u32::MAX } else { unit(b) }
    });
    let mut lossy = false;
    let mut text = String::with_capacity(body.len() / width);
    if width == 4 {
        for u in units {
            let c = char::from_u32(u).unwrap_or_else(|| {
                lossy = true;
                '\u{FFFD}'
            });
            text.push(c);
        }
    } else {
        let units16 = units.map(|u| u16::try_from(u).unwrap_or(0xDC00));
        for c in char::decode_utf16(units16) {
            text.push(c.unwrap_or_else(|_| {
                lossy = true;
                '\u{FFFD}'
            }));
        }
    }
    if looks_binary(text.as_bytes()) {
        return Some(Decoded::Binary);
    }
    Some(Decoded::Text {
        text,
        lossy,
        read_as: None,
    })
}

/// Returns true if and only if `bytes` contains a NUL or its first 8 KiB are
/// more than 10% control bytes other than whitespace and ESC.
fn looks_binary(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    control * 10 > head.len()
}

/// Discovers and reads every file under `paths`, in parallel.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> (Vec<RawDoc>, Vec<Warning>) {
    load_paths_with_progress(paths, opts, &|_, _| {})
}

/// Like [`load_paths`], calling `progress(done, total)` about every 1% of
/// the files read.
pub fn load_paths_with_progress(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<RawDoc>, Vec<Warning>) {
    let (files, mut warnings) = discover(paths, opts, &|_| {});
    let total = files.len();
    let step = (total / 100).max(1);
    let done = AtomicUsize::new(0);
    progress(0, total);
    let results: Vec<_> = files
        .par_iter()
        .map(|file| {
            let result = read_file(file, opts);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if n.is_multiple_of(step) || n == total {
                progress(n, total);
            }
            result
        })
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    for read in results {
        docs.extend(read.docs);
        warnings.extend(read.warnings);
    }
    (docs, warnings)
}

/// Reads the bundled seed corpus.
pub fn load_seeds() -> (Vec<RawDoc>, Vec<Warning>) {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    for f in crate::seeds::files() {
        let text = String::from_utf8_lossy(f.bytes);
        let format = Format::from_path(Path::new(f.path)).unwrap_or(Format::Text);
        let (d, w) = formats::parse(f.path, &text, format);
        docs.extend(d);
        warnings.extend(w);
    }
    (docs, warnings)
}

fn display(path: &Path) -> String {
    crate::sanitize::clean_line(&path.display().to_string())
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "not found".into(),
        std::io::ErrorKind::InvalidInput => "not a regular file".into(),
        _ => e.to_string(),
    }
}

fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cache compares a touched file's content with the hash its row
    /// keeps, which the read took: both must hash the same bytes (the
    /// file's, not its decoded text: here a Latin-1 file, whose text is
    /// not its bytes).
    #[test]
    fn a_read_hashes_the_bytes_the_cache_checks_a_touched_file_by() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("note.txt");
        std::fs::write(&path, b"Caf\xe9 owners \r\nmet the mayor.\n").unwrap();
        let file = FileRef {
            size: std::fs::metadata(&path).unwrap().len(),
            path: path.clone(),
            mtime_ns: 1,
        };
        let opts = LoadOptions::default();
        let read = read_file(&file, &opts);
        assert_eq!(read.docs.len(), 1);
        assert!(read.docs[0].text.contains("Café"));
        let checked = bounded::hash_capped(&path, opts.max_file_size).unwrap();
        assert_eq!(read.hash, checked);
        assert!(read.hash.is_some());
        // A file the read skips has no hash to keep.
        let small = LoadOptions { max_file_size: 4 };
        assert_eq!(read_file(&file, &small).hash, None);
    }

    #[test]
    fn bom_is_stripped_and_utf8_kept() {
        match decode(b"\xEF\xBB\xBFhello".to_vec()) {
            Decoded::Text { text, lossy, .. } => {
                assert_eq!(text, "hello");
                assert!(!lossy);
            }
            Decoded::Binary => panic!("text seen as binary"),
        }
    }

    fn text_of(bytes: Vec<u8>) -> (String, bool) {
        match decode(bytes) {
            Decoded::Text { text, lossy, .. } => (text, lossy),
            Decoded::Binary => panic!("text seen as binary"),
        }
    }

    #[test]
    fn utf16_and_utf32_with_a_bom_decode() {
        let words = "Zürich — “rates” 日本 𝄞\nline two";
        let mut le16 = vec![0xFF, 0xFE];
        let mut be16 = vec![0xFE, 0xFF];
        for u in words.encode_utf16() {
            le16.extend(u.to_le_bytes());
            be16.extend(u.to_be_bytes());
        }
        let mut le32 = vec![0xFF, 0xFE, 0, 0];
        let mut be32 = vec![0, 0, 0xFE, 0xFF];
        for c in words.chars() {
            le32.extend(u32::from(c).to_le_bytes());
            be32.extend(u32::from(c).to_be_bytes());
        }
        for bytes in [le16, be16, le32, be32] {
            assert_eq!(text_of(bytes), (words.to_owned(), false));
        }
    }

    #[test]
    fn broken_wide_text_is_lossy_and_wide_binary_is_binary() {
        // A lone surrogate and a truncated last unit.
        let (text, lossy) = text_of(vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, b'c']);
        assert!(lossy);
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}");
        assert!(matches!(
            decode(vec![0xFF, 0xFE, 0, 0, 0, 0, 0, 0]),
            Decoded::Binary
        ));
    }

    #[test]
    fn legacy_encodings_decode_whole() {
        let latin =
            b"Les caf\xe9s du port ferment t\xf4t; \x93le march\xe9 est calme\x94, dit Jo\xebl.";
        match decode(latin.to_vec()) {
            Decoded::Text {
                text,
                lossy,
                read_as,
            } => {
                assert!(!lossy);
                assert_eq!(read_as, Some("windows-1252"));
                assert_eq!(
                    text,
                    "Les cafés du port ferment tôt; “le marché est calme”, dit Joël."
                );
            }
            Decoded::Binary => panic!("Windows-1252 text seen as binary"),
        }
        // "Новости дня" and more in Windows-1251.
        let cyrillic = b"\xcd\xee\xe2\xee\xf1\xf2\xe8 \xe4\xed\xff: \xef\xf0\xe0\xe2\xe8\xf2\xe5\xeb\xfc\xf1\xf2\xe2\xee \xef\xee\xe4\xe4\xe5\xf0\xe6\xe0\xeb\xee \xef\xeb\xe0\xed.";
        match decode(cyrillic.to_vec()) {
            Decoded::Text { text, .. } => assert!(text.starts_with("Новости дня"), "{text}"),
            Decoded::Binary => panic!("Windows-1251 text seen as binary"),
        }
    }

    #[test]
    fn nul_and_control_heavy_data_is_binary() {
        assert!(looks_binary(b"abc\0def"));
        assert!(looks_binary(&[1u8, 2, 3, 4, 5, 6, b'a']));
        assert!(!looks_binary(b"plain\ntext\twith tabs\x1b[0m"));
    }

    #[test]
    fn hidden_names_are_hidden() {
        assert!(is_hidden(std::ffi::OsStr::new(".git")));
        assert!(!is_hidden(std::ffi::OsStr::new("b.txt")));
    }

    #[test]
    fn a_nested_walk_comes_back_in_path_order_without_hidden_entries() {
        let root = tempfile::tempdir().unwrap();
        for file in [
            "z.txt",
            "b.txt",
            "sub/x.txt",
            "sub/a.md",
            ".hidden/h.txt",
            ".h.txt",
        ] {
            let path = root.path().join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "Some text.").unwrap();
        }
        let counts = std::cell::RefCell::new(Vec::new());
        let (files, warnings) = discover(
            &[root.path().to_path_buf()],
            &LoadOptions::default(),
            &|n| counts.borrow_mut().push(n),
        );
        // The count of files found grows folder by folder up to them all.
        assert_eq!(counts.into_inner(), [2, 4]);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.path.strip_prefix(root.path()).unwrap().to_path_buf())
            .collect();
        let expected: Vec<PathBuf> = ["b.txt", "sub/a.md", "sub/x.txt", "z.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(names, expected);
        assert!(warnings.is_empty());
    }
}
