//! MHTML (`.mhtml`, `.mht`): a web page saved as one MIME message, the
//! page's HTML in one part and its images and styles in others. The first
//! HTML part, with its transfer encoding (quoted-printable, base64) and
//! character set decoded by `mail-parser`, is read as a saved page
//! ([`super::html`]); the address it was saved from comes from the
//! `Snapshot-Content-Location` or the part's `Content-Location` header.

use mail_parser::MessageParser;

use super::html;
use super::{RawDoc, Warning};

/// Reads the MHTML file at `path`.
pub fn read(path: &str, bytes: &[u8]) -> (Vec<RawDoc>, Vec<Warning>) {
    let skip = |reason: &str| {
        (
            Vec::new(),
            vec![Warning {
                path: path.to_owned(),
                reason: format!("skipped: {reason}"),
            }],
        )
    };
    let Some(message) = MessageParser::default().parse(bytes) else {
        return skip("not an MHTML file (no MIME message found)");
    };
    let Some(part) = message.html_part(0) else {
        return skip("MHTML file with no HTML page in it");
    };
    let Some(page) = message.body_html(0) else {
        return skip("MHTML file with no HTML page in it");
    };
    let address = message
        .header_raw("Snapshot-Content-Location")
        .or_else(|| {
            part.headers
                .iter()
                .find(|h| h.name.as_str().eq_ignore_ascii_case("Content-Location"))
                .and_then(|h| h.value.as_text())
        })
        .map(str::trim);
    html::read(path, page.as_bytes(), address)
}
