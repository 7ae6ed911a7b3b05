//! The filter language: any query parses, applies and ranks without a
//! panic, over a small library of the bundled seeds, in linear time.
#![no_main]

use std::sync::OnceLock;

use dossier::filter::{self, FilterIndex, Ranker};
use dossier::pipeline::{self, Library, Options};
use dossier_fuzz::{warm_up, within_linear_budget};
use libfuzzer_sys::fuzz_target;

fn library() -> &'static (Library, FilterIndex) {
    static LIBRARY: OnceLock<(Library, FilterIndex)> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let lib = pipeline::open(&[], &Options::default(), &|_| {}).expect("the seeds load");
        let index = FilterIndex::new(
            &lib.index,
            lib.corpus.articles.iter().map(|a| a.title.as_str()),
        );
        (lib, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (lib, index) = library();
    warm_up(|| {
        let _ = index.apply(&lib.index, "country:jap");
        let _ = Ranker::new().rank(index, "latvia", 20);
    });
    within_linear_budget(data.len(), "filter", || {
        let _ = filter::parse(&query);
        let result = index.apply(&lib.index, &query);
        let mut ranker = Ranker::new();
        let _ = ranker.rank(index, &query, 20);
        result
    });
});
