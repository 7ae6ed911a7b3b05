//! Benchmark stub: filled in by the entities work.
fn main() {}
