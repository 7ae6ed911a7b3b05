//! A deterministic generator of realistic article corpora with planted
//! duplicates, for benchmarks and dedupe precision/recall measurements.
