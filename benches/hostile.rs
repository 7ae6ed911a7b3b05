//! Hostile input and the door out: the time to load and clean one Markdown
//! line of N repetitions of each markup character (linear: doubling N
//! about doubles the time), and the throughput of the output filter on a
//! large JSON listing.
#![allow(
    clippy::disallowed_macros,
    reason = "benchmarks report their figures on stdout"
)]

use std::io::Write;
use std::time::Instant;

use dossier::corpus::formats::Format;
use dossier::corpus::load::parse_bytes;
use dossier::out::{Door, Policy};
use dossier::pipeline::{self, Options};

fn main() {
    println!("-- one .md line of 'a', N x c, 'a': parse + clean + index");
    for c in ['*', '[', '_', '`', '!', ']', '('] {
        let mut row = format!("  {c:?}");
        for n in [20_000usize, 80_000, 320_000, 1_280_000] {
            let line = format!("a{}a\n", c.to_string().repeat(n));
            let start = Instant::now();
            let (docs, warnings) = parse_bytes("x.md", line.into_bytes(), Some(Format::Markdown));
            let library = pipeline::build(&docs, warnings, &Options::default(), &|_| {});
            std::hint::black_box(library);
            row.push_str(&format!("  N={n}: {:.3} s", start.elapsed().as_secs_f64()));
        }
        println!("{row}");
    }

    let rows: Vec<serde_json::Value> = (0..100_000)
        .map(|i| {
            serde_json::json!({
                "id": format!("{i:016x}"),
                "title": format!("Council approves the budget for year {i} — “final” vote"),
                "words": i % 2000,
            })
        })
        .collect();
    let json = serde_json::to_vec_pretty(&rows).unwrap();
    for policy in [Policy::Strip, Policy::JsonEscape] {
        let start = Instant::now();
        let mut door = Door::new(std::io::sink(), policy);
        for chunk in json.chunks(8192) {
            door.write_all(chunk).unwrap();
        }
        drop(door);
        let secs = start.elapsed().as_secs_f64();
        println!(
            "door {policy:?}: {:.1} MB in {secs:.3} s ({:.0} MB/s)",
            json.len() as f64 / 1e6,
            json.len() as f64 / 1e6 / secs
        );
    }
}
