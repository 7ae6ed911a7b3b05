//! The sanitizer and the door out: whatever goes in, nothing unsafe comes
//! out, cleaning twice changes nothing more, and the door's filter holds
//! however the bytes are split across writes (the first byte picks the
//! split size).
#![no_main]

use std::io::Write;

use dossier::out::{Door, Policy};
use dossier::sanitize::{clean_line, clean_text, escape_line};
use dossier_fuzz::{assert_safe, within_linear_budget};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&split, bytes)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    let cleaned = within_linear_budget(bytes.len(), "clean_text", || clean_text(&text));
    assert_safe(&cleaned, true, "clean_text");
    assert_eq!(clean_text(&cleaned), cleaned, "clean_text is idempotent");
    let line = clean_line(&text);
    assert_safe(&line, false, "clean_line");
    let escaped = escape_line(&text);
    assert_safe(&escaped, false, "escape_line");

    for policy in [Policy::Strip, Policy::JsonEscape] {
        let mut written = Vec::new();
        {
            let mut door = Door::new(&mut written, policy);
            for chunk in bytes.chunks(usize::from(split % 16) + 1) {
                door.write_all(chunk).unwrap();
            }
        }
        let out = String::from_utf8(written).expect("the door writes UTF-8");
        for c in out.chars() {
            assert!(
                c == '\n' || c == '\r' || c == '\t' || dossier::sanitize::is_safe_char(c),
                "the door let {c:?} through"
            );
        }
    }
});
