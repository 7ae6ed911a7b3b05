//! Memory kept lean: buffers of exactly their length for what is kept
//! all session, and freed memory given back.
//!
//! mimalloc returns a page to the system only once the thread that
//! allocated it has seen it free. A block freed on another thread waits
//! in a list of that page until its owner allocates again, so what the
//! workers allocated and the opener then dropped (the fingerprints and
//! the merged copies after merging duplicates, the index's parts as they
//! are joined) stayed resident while the workers sat idle or did other
//! work: 85 MB when the entities of 100,000 articles start to be found,
//! 90 MB more at the end of the open.
//!
//! The one module allowed `unsafe`: a call into the allocator, which has
//! no safe wrapper.
#![allow(unsafe_code)]

/// Has every worker thread, and this one, take back the blocks freed on
/// other threads and return empty pages to the system. Costs a few
/// milliseconds; call it after dropping much that workers allocated.
pub fn give_back() {
    rayon::broadcast(|_| collect(false));
    collect(false);
}

/// Like [`give_back`], and also returns the pages that each thread keeps
/// free for its next allocations: after merging duplicates, when most of
/// what cleaning allocated is gone at once, that was 90 MB at 100,000
/// articles (RSS with the list: 796 MB, then 705 MB). Costs more than
/// [`give_back`]; for the end of a stage, not for a loop.
pub fn give_back_all() {
    rayon::broadcast(|_| collect(true));
    collect(true);
}

fn collect(force: bool) {
    // SAFETY: mi_collect only walks the calling thread's own heap; any
    // thread may call it at any time.
    unsafe { libmimalloc_sys::mi_collect(force) };
}

/// Runs `job`, a piece of passing work that holds much memory while it
/// runs (finding the threads in every text, building the search index),
/// after any other such job has ended: the reader starts both once a
/// cold open's snapshot is stored, and side by side their peaks added up
/// to the peak of the whole open at 10,000 articles (292 MB against 180
/// MB for everything before).
pub fn one_large_job_at_a_time<T>(job: impl FnOnce() -> T) -> T {
    static RUNNING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    // A job that panicked held nothing others need.
    let _turn = RUNNING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    job()
}

/// Returns `items` in a buffer of exactly their length. `shrink_to_fit`
/// is not enough: mimalloc's `realloc` leaves a buffer in place when it is
/// at least half used, and the spare half of 100,000 texts and their
/// fingerprints was 200 MB at the peak of a cold open.
pub fn exact<T: Copy>(items: Vec<T>) -> Vec<T> {
    if items.capacity() == items.len() {
        return items;
    }
    let mut out = Vec::with_capacity(items.len());
    out.extend_from_slice(&items);
    out
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn large_jobs_never_run_side_by_side() {
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..5 {
                        super::one_large_job_at_a_time(|| {
                            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            std::thread::sleep(std::time::Duration::from_millis(2));
                            running.fetch_sub(1, Ordering::SeqCst);
                        });
                    }
                });
            }
        });
        assert_eq!(most.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn an_exact_buffer_holds_the_same_items_and_no_spare_room() {
        let mut grown = Vec::with_capacity(100);
        grown.extend([3u32, 1, 4]);
        let exact = super::exact(grown);
        assert_eq!(exact, [3, 1, 4]);
        assert_eq!(exact.capacity(), 3);
    }
}
