//! Invariants shared by the fuzz targets: what must hold of anything
//! dossier makes from hostile input, whatever the input.

use std::time::Duration;

use dossier::corpus::RawDoc;
use dossier::sanitize::is_safe_char;

/// Panics unless every character of `text` may reach the terminal
/// (line feeds allowed where `lines` is true).
pub fn assert_safe(text: &str, lines: bool, what: &str) {
    for c in text.chars() {
        assert!(
            (lines && c == '\n') || is_safe_char(c),
            "{what} holds {c:?}: {text:?}"
        );
    }
}

/// Panics unless every field of every document is terminal-safe.
pub fn assert_docs_safe(docs: &[RawDoc]) {
    for d in docs {
        assert_safe(&d.text, true, "text");
        assert_safe(&d.path, false, "path");
        for field in [&d.title, &d.author, &d.date, &d.source, &d.url]
            .into_iter()
            .flatten()
        {
            assert_safe(field, false, "metadata");
        }
    }
}

/// Returns the CPU time the whole process has used: unlike wall time it
/// does not grow while other processes (four helpers compiling at nice 0)
/// hold the cores, so the budget below judges the code, not the machine.
fn process_cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &raw mut t) };
    assert_eq!(ok, 0, "clock_gettime");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Runs `f` once, untimed, the first time it is called: one-time costs
/// (the gazetteer automaton, lazily built tables) are not the input's.
pub fn warm_up(f: impl FnOnce()) {
    static WARM: std::sync::Once = std::sync::Once::new();
    WARM.call_once(f);
}

/// Times `f` on an input of `len` bytes and panics if it took more CPU
/// time than a budget linear in `len`: 50 ms plus 40 µs per byte, far more
/// than a linear pass needs and far less than a quadratic one takes on the
/// inputs of hundreds of KiB that `-max_len` allows.
pub fn within_linear_budget<T>(len: usize, what: &str, f: impl FnOnce() -> T) -> T {
    let start = process_cpu_time();
    let out = f();
    let took = process_cpu_time() - start;
    let budget = Duration::from_millis(50) + Duration::from_micros(40) * len as u32;
    assert!(
        took <= budget,
        "{what}: {took:?} of CPU for {len} bytes, over the linear budget of {budget:?}"
    );
    out
}
