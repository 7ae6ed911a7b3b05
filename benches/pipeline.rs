//! Benchmarks of the pipeline on generated corpora (release build).
fn main() {}
