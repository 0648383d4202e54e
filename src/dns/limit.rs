//! A cap on DNS questions in flight: an async counting semaphore for one
//! thread (browser futures are not `Send`). Pure: no timers, no I/O, so it is
//! tested natively and used by the DoH transport in the page.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// At most `max` holders of a [`Permit`] at once; later askers wait in order.
#[derive(Debug)]
pub struct InFlightLimit {
    max: usize,
    held: Cell<usize>,
    peak: Cell<usize>,
    waiting: RefCell<VecDeque<Waker>>,
}

impl InFlightLimit {
    pub fn new(max: usize) -> Rc<Self> {
        Rc::new(InFlightLimit {
            max: max.max(1),
            held: Cell::new(0),
            peak: Cell::new(0),
            waiting: RefCell::new(VecDeque::new()),
        })
    }

    /// Waits for a free place and takes it until the permit is dropped.
    pub fn acquire(self: &Rc<Self>) -> Acquire {
        Acquire {
            limit: Rc::clone(self),
        }
    }

    /// How many permits are held now.
    pub fn in_flight(&self) -> usize {
        self.held.get()
    }

    /// The most permits ever held at once.
    pub fn peak(&self) -> usize {
        self.peak.get()
    }
}

/// The future returned by [`InFlightLimit::acquire`].
pub struct Acquire {
    limit: Rc<InFlightLimit>,
}

impl Future for Acquire {
    type Output = Permit;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Permit> {
        let limit = &self.limit;
        if limit.held.get() < limit.max {
            let held = limit.held.get() + 1;
            limit.held.set(held);
            limit.peak.set(limit.peak.get().max(held));
            Poll::Ready(Permit {
                limit: Rc::clone(limit),
            })
        } else {
            limit.waiting.borrow_mut().push_back(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// A place in flight; dropping it frees the place and wakes the next waiter.
#[derive(Debug)]
pub struct Permit {
    limit: Rc<InFlightLimit>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        let limit = &self.limit;
        limit.held.set(limit.held.get().saturating_sub(1));
        let next = limit.waiting.borrow_mut().pop_front();
        if let Some(waker) = next {
            waker.wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::LocalPool;
    use futures::task::LocalSpawnExt;

    /// A door a task waits at until the test opens it.
    #[derive(Default)]
    struct Gate {
        open: Cell<bool>,
        waker: RefCell<Option<Waker>>,
    }

    impl Gate {
        async fn wait(&self) {
            futures::future::poll_fn(|cx| {
                if self.open.get() {
                    Poll::Ready(())
                } else {
                    *self.waker.borrow_mut() = Some(cx.waker().clone());
                    Poll::Pending
                }
            })
            .await
        }

        fn open(&self) {
            self.open.set(true);
            if let Some(w) = self.waker.borrow_mut().take() {
                w.wake();
            }
        }
    }

    #[test]
    fn never_more_than_max_in_flight_and_all_finish() {
        let limit = InFlightLimit::new(3);
        let done = Rc::new(Cell::new(0));
        let mut pool = LocalPool::new();
        let gates: Vec<Rc<Gate>> = (0..10).map(|_| Rc::new(Gate::default())).collect();
        for gate in &gates {
            let limit = Rc::clone(&limit);
            let done = Rc::clone(&done);
            let gate = Rc::clone(gate);
            pool.spawner()
                .spawn_local(async move {
                    let _permit = limit.acquire().await;
                    gate.wait().await;
                    done.set(done.get() + 1);
                })
                .expect("spawn");
        }
        pool.run_until_stalled();
        assert_eq!(limit.in_flight(), 3);
        assert_eq!(done.get(), 0);
        for gate in &gates {
            gate.open();
            pool.run_until_stalled();
            assert!(limit.in_flight() <= 3);
        }
        pool.run();
        assert_eq!(done.get(), 10);
        assert_eq!(limit.peak(), 3);
        assert_eq!(limit.in_flight(), 0);
    }
}
