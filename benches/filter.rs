//! Benchmark stub: filled in by the filter work.
fn main() {}
