//! Cleaning and everything after it: chrome, title, author, sections,
//! dedup and entities, on up to four documents cut from the input (a NUL
//! byte separates them; the first byte picks plain text or Markdown).
#![no_main]

use dossier::corpus::formats::{self, Format};
use dossier::pipeline::{self, Options};
use dossier_fuzz::{assert_safe, warm_up, within_linear_budget};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = if pick % 2 == 0 {
        Format::Text
    } else {
        Format::Markdown
    };
    let text = String::from_utf8_lossy(bytes);
    let docs: Vec<_> = text
        .split('\0')
        .take(4)
        .enumerate()
        .flat_map(|(i, part)| formats::parse(&format!("doc{i}"), part, format).0)
        .collect();
    warm_up(|| {
        let warm = formats::parse(
            "warm",
            "Warm Up\n\nThe council met in Oslo on Monday.",
            Format::Text,
        )
        .0;
        pipeline::build(&warm, Vec::new(), &Options::default(), &|_| {});
    });
    let library = within_linear_budget(bytes.len(), "clean", || {
        pipeline::build(&docs, Vec::new(), &Options::default(), &|_| {})
    });
    for a in &library.corpus.articles {
        assert_safe(&a.text, true, "article text");
        assert_safe(&a.title, false, "title");
        for b in &a.blocks {
            assert_safe(a.block_text(b), true, "block");
        }
        for line in &a.end_matter {
            assert_safe(line, true, "end matter");
        }
    }
    for e in &library.index.entities {
        assert_safe(&e.name, false, "entity name");
    }
});
