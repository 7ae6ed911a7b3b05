//! The loader after the read: decoding (UTF-8, lossy, UTF-16/32 with a
//! BOM, binary refusal) and each format's parser. The first byte picks the
//! format; a new format goes into FORMATS.
#![no_main]

use dossier::corpus::formats::Format;
use dossier::corpus::load::parse_bytes;
use dossier_fuzz::{assert_docs_safe, assert_safe, warm_up, within_linear_budget};
use libfuzzer_sys::fuzz_target;

/// `None` lets the loader sniff, as for a file without an extension.
const FORMATS: &[Option<Format>] = &[
    None,
    Some(Format::Text),
    Some(Format::Markdown),
    Some(Format::JsonLines),
    Some(Format::Html),
    Some(Format::Mhtml),
    Some(Format::Feed),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(pick) % FORMATS.len()];
    warm_up(|| {
        let _ = parse_bytes(
            "warm",
            b"+++\ntitle = 1\n+++\n# a *b*".to_vec(),
            Some(Format::Markdown),
        );
    });
    let (docs, warnings) = within_linear_budget(bytes.len(), "load", || {
        parse_bytes("fuzz.input", bytes.to_vec(), format)
    });
    assert_docs_safe(&docs);
    for w in &warnings {
        assert_safe(&w.to_string(), false, "warning");
    }
});
