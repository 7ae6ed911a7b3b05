//! The character set of a saved page: a byte-order mark first, then a
//! UTF-8 whenever the bytes are valid UTF-8, then a `<meta charset>` or
//! `http-equiv` declaration near the top, else windows-1252 (what browsers
//! assume for undeclared legacy pages, and a superset of Latin-1).

use encoding_rs::{Encoding, WINDOWS_1252};

/// How far into the page a `<meta>` declaration is looked for. Browsers
/// look at the first 1024 bytes; saved pages often carry a long comment
/// or inline style first, so look a little further.
const PRESCAN: usize = 4096;

/// Returns the page decoded to UTF-8, and true if and only if some bytes
/// did not fit the chosen character set and were replaced.
pub fn decode(bytes: &[u8]) -> (String, bool) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), lossy);
    }
    // Valid UTF-8 with any non-ASCII byte is UTF-8 whatever the page
    // declares: legacy text almost never forms valid multi-byte sequences,
    // while pages re-saved as UTF-8 often keep their old declaration.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), false);
    }
    // A declared UTF-16 in bytes without a BOM reads as UTF-8, as browsers
    // do (`output_encoding`).
    let encoding = declared(&bytes[..bytes.len().min(PRESCAN)])
        .map_or(WINDOWS_1252, Encoding::output_encoding);
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), lossy)
}

/// Returns the encoding a `<meta charset=…>` or `<meta http-equiv
/// content="…; charset=…">` in `head` names, if it names one encoding_rs
/// knows.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(encoding) = charset_value(tag).and_then(Encoding::for_label) {
            return Some(encoding);
        }
        from = end;
    }
    None
}

/// Returns the value after `charset=` in a lower-cased tag, without quotes.
fn charset_value(tag: &[u8]) -> Option<&[u8]> {
    let at = memchr::memmem::find(tag, b"charset")?;
    let rest = &tag[at + b"charset".len()..];
    let rest = rest.strip_prefix(b"=").or_else(|| {
        let trimmed = rest.trim_ascii_start();
        trimmed.strip_prefix(b"=")
    })?;
    let rest = rest.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meta_charset_is_followed() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body>";
        let (text, lossy) = decode(page);
        assert!(text.contains("café"), "{text}");
        assert!(!lossy);
    }

    #[test]
    fn an_http_equiv_declaration_is_followed() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode(page).0.contains("Привет"));
    }

    #[test]
    fn undeclared_pages_are_utf8_else_windows_1252() {
        assert!(
            decode("<p>naïve “quotes”</p>".as_bytes())
                .0
                .contains("naïve “quotes”")
        );
        let (text, lossy) = decode(b"<p>\x93smart\x94 caf\xe9</p>");
        assert!(text.contains("“smart” café"), "{text}");
        assert!(!lossy);
    }

    #[test]
    fn a_bom_wins_over_a_wrong_declaration() {
        let mut page = b"\xEF\xBB\xBF<meta charset=latin1>".to_vec();
        page.extend_from_slice("<p>Zürich</p>".as_bytes());
        assert!(decode(&page).0.contains("Zürich"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<p>Genève</p>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(decode(&utf16).0.contains("Genève"));
    }

    #[test]
    fn a_wrong_declaration_over_utf8_bytes_reads_as_utf8() {
        assert!(
            decode("<meta charset=utf-16><p>Łódź</p>".as_bytes())
                .0
                .contains("Łódź")
        );
        let page = "<meta charset=\"iso-8859-1\"><p>São Paulo</p>";
        assert!(decode(page.as_bytes()).0.contains("São Paulo"));
    }

    #[test]
    fn a_declared_utf16_over_legacy_bytes_reads_as_utf8_lossily() {
        let (text, lossy) = decode(b"<meta charset=utf-16><p>caf\xe9</p>");
        assert!(text.contains("caf\u{fffd}"), "{text}");
        assert!(lossy);
    }
}
