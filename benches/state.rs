//! Benchmark stub: filled in by the state work.
fn main() {}
