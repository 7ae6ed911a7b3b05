//! The one thing the UI thread waits on: a terminal event, or word that
//! one of its workers (the loader, the text reader, the search worker) has
//! put a report in its channel. Each worker sends through a [`Sender`],
//! which wakes the UI after every report, so a report is drawn as soon as
//! it arrives rather than at the next tick of a clock. Wake-ups do not
//! pile up: while one waits unseen, further reports add none.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SendError};

use crossterm::event::Event;

/// Why the UI thread woke.
pub enum Wake {
    /// A terminal event, or the error that ended reading them.
    Input(std::io::Result<Event>),
    /// Some worker's channel holds a report.
    Report,
}

/// What wakes the UI thread; cloned into every worker.
#[derive(Clone)]
pub struct Waker {
    wakes: mpsc::Sender<Wake>,
    /// A [`Wake::Report`] is waiting, unseen.
    pending: Arc<AtomicBool>,
}

impl Waker {
    /// Wakes the UI thread, unless a wake-up already waits.
    pub fn wake(&self) {
        if !self.pending.swap(true, Ordering::AcqRel) {
            // The UI may have quit already; nobody is listening then.
            let _ = self.wakes.send(Wake::Report);
        }
    }

    /// Sends a terminal event (from the input thread).
    pub fn input(&self, event: std::io::Result<Event>) -> Result<(), SendError<Wake>> {
        self.wakes.send(Wake::Input(event))
    }
}

/// The UI thread's end: what it waits on.
pub struct Wakes {
    pub wakes: Receiver<Wake>,
    pending: Arc<AtomicBool>,
}

impl Wakes {
    /// Says that the reports are about to be read: a report sent from now
    /// on wakes the UI again.
    pub fn reading_reports(&self) {
        self.pending.store(false, Ordering::Release);
    }
}

/// Returns a waker and the end the UI thread waits on.
pub fn wakes() -> (Waker, Wakes) {
    let (wakes, waits) = mpsc::channel();
    let pending = Arc::new(AtomicBool::new(false));
    let waker = Waker {
        wakes,
        pending: Arc::clone(&pending),
    };
    (
        waker,
        Wakes {
            wakes: waits,
            pending,
        },
    )
}

/// A worker's channel that wakes the UI thread with every report.
pub struct Sender<T> {
    reports: mpsc::Sender<T>,
    waker: Waker,
}

// Derived Clone would ask T: Clone.
impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        Self {
            reports: self.reports.clone(),
            waker: self.waker.clone(),
        }
    }
}

impl<T> Sender<T> {
    /// Sends `report` and wakes the UI thread; fails when the UI end is gone.
    pub fn send(&self, report: T) -> Result<(), SendError<T>> {
        self.reports.send(report)?;
        self.waker.wake();
        Ok(())
    }
}

/// Returns a channel for a worker's reports that wakes the UI through `waker`.
pub fn channel<T>(waker: &Waker) -> (Sender<T>, Receiver<T>) {
    let (reports, receiver) = mpsc::channel();
    (
        Sender {
            reports,
            waker: waker.clone(),
        },
        receiver,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_wakes_the_ui_once_until_the_reports_are_read() {
        let (waker, waits) = wakes();
        let (tx, rx) = channel::<u32>(&waker);
        tx.send(1).unwrap();
        tx.send(2).unwrap();
        assert!(matches!(waits.wakes.try_recv(), Ok(Wake::Report)));
        assert!(waits.wakes.try_recv().is_err(), "a second wake-up piled up");
        waits.reading_reports();
        assert_eq!(rx.try_iter().collect::<Vec<_>>(), [1, 2]);
        tx.send(3).unwrap();
        assert!(matches!(waits.wakes.try_recv(), Ok(Wake::Report)));
    }

    #[test]
    fn a_report_sent_after_the_ui_is_gone_is_an_error_not_a_panic() {
        let (waker, waits) = wakes();
        let (tx, rx) = channel::<u32>(&waker);
        drop(rx);
        drop(waits);
        assert!(tx.send(1).is_err());
    }
}
