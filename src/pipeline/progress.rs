//! Progress of an open, counted in one place: each stage starts with its
//! total, and the items done are counted from any thread and reported
//! every half-percent or so, so that every stage's count moves while it
//! runs.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Progress, Stage};

/// Where an open's progress goes.
#[derive(Clone, Copy)]
pub(super) struct Reporter<'a> {
    sink: &'a (dyn Fn(Progress) + Sync),
}

impl<'a> Reporter<'a> {
    pub fn new(sink: &'a (dyn Fn(Progress) + Sync)) -> Self {
        Self { sink }
    }

    /// Reports `done` items of `stage`, whose total is not known.
    pub fn so_far(self, stage: Stage, done: usize) {
        (self.sink)(Progress {
            stage,
            done,
            total: 0,
        });
    }

    /// Announces `stage` with `total` items, and returns its counter.
    pub fn stage(self, stage: Stage, total: usize) -> Counter<'a> {
        (self.sink)(Progress {
            stage,
            done: 0,
            total,
        });
        Counter {
            sink: self.sink,
            stage,
            total,
            step: (total / 200).max(1),
            done: AtomicUsize::new(0),
        }
    }

    /// Returns `stage`, to be announced when its first count comes with
    /// its total: for steps that learn their total as they start (see
    /// [`PendingStage::add`]).
    pub fn pending(self, stage: Stage) -> PendingStage<'a> {
        PendingStage {
            reporter: self,
            stage,
            counter: OnceLock::new(),
        }
    }
}

/// A stage announced by its first count (see [`Reporter::pending`]).
pub(super) struct PendingStage<'a> {
    reporter: Reporter<'a>,
    stage: Stage,
    counter: OnceLock<Counter<'a>>,
}

impl<'a> PendingStage<'a> {
    /// Counts `n` more items done of `total`, announcing the stage with
    /// that total first if no count came before.
    pub fn add(&self, n: usize, total: usize) {
        self.counter(total).add(n);
    }

    /// Returns the stage's counter, announcing the stage with `total`
    /// items if no count came before.
    pub fn counter(&self, total: usize) -> &Counter<'a> {
        self.counter
            .get_or_init(|| self.reporter.stage(self.stage, total))
    }
}

/// The count of one stage.
pub(super) struct Counter<'a> {
    sink: &'a (dyn Fn(Progress) + Sync),
    stage: Stage,
    total: usize,
    step: usize,
    done: AtomicUsize,
}

impl Counter<'_> {
    /// Counts `n` more items done; reports when the count crosses a step
    /// or reaches the total.
    pub fn add(&self, n: usize) {
        if n == 0 {
            return;
        }
        let before = self.done.fetch_add(n, Ordering::Relaxed);
        let after = before + n;
        if before / self.step != after / self.step || after == self.total {
            (self.sink)(Progress {
                stage: self.stage,
                done: after.min(self.total),
                total: self.total,
            });
        }
    }

    /// Counts one item done.
    pub fn tick(&self) {
        self.add(1);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn counts_are_reported_as_they_advance_and_at_the_end() {
        let seen = Mutex::new(Vec::new());
        let sink = |p: Progress| seen.lock().unwrap().push(p.done);
        let counter = Reporter::new(&sink).stage(Stage::Indexing, 1_000);
        for _ in 0..1_000 {
            counter.tick();
        }
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.first(), Some(&0));
        assert_eq!(seen.last(), Some(&1_000));
        assert!(seen.len() > 100, "{} reports", seen.len());
        assert!(seen.windows(2).all(|w| w[0] < w[1]));
    }
}
