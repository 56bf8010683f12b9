//! Work on every core over items read one at a time, with the results handed on in the items'
//! order as they come: a class's packets are laid out child by child on all cores while the
//! calling thread reads the next children from the record (which only it may use) and takes the
//! laid-out children in turn. Only a few items are in flight at once, however many there are.

use std::collections::BTreeMap;
use std::sync::{mpsc, Mutex};

/// `work` applied to each item, on as many threads as the machine has cores (at most eight), each
/// result given to `take` on the calling thread in the items' order. The items are read on the
/// calling thread, a few ahead of the workers, and results are taken as soon as their turn comes,
/// so at most a few of each are held at a time. The first item that is an error stops the reading
/// and is returned once the items already handed out are done (and taken).
pub fn for_each_in_order<T, R, E>(
    items: impl IntoIterator<Item = Result<T, E>>,
    work: impl Fn(T) -> R + Sync,
    mut take: impl FnMut(R),
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if workers < 2 {
        for item in items {
            take(work(item?));
        }
        return Ok(());
    }
    let (give, queue) = mpsc::sync_channel::<(usize, T)>(workers);
    let queue = Mutex::new(queue);
    let (done, results) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (done, queue, work) = (done.clone(), &queue, &work);
            scope.spawn(move || loop {
                // A worker that panicked poisons the lock: the others stop, and the panic is
                // raised again when the scope ends.
                let next = match queue.lock() {
                    Ok(queue) => queue.recv(),
                    Err(_) => break,
                };
                let Ok((index, item)) = next else { break };
                if done.send((index, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(done);
        let mut turn = InTurn::default();
        let mut handed_out = 0;
        let mut failed = None;
        for item in items {
            match item {
                Ok(item) => {
                    if give.send((handed_out, item)).is_err() {
                        break;
                    }
                    handed_out += 1;
                }
                Err(error) => {
                    failed = Some(error);
                    break;
                }
            }
            for (index, result) in results.try_iter() {
                turn.arrived(index, result, &mut take);
            }
        }
        drop(give);
        for (index, result) in results {
            turn.arrived(index, result, &mut take);
        }
        match failed {
            Some(error) => Err(error),
            None => Ok(()),
        }
    })
}

/// Results that came before their turn, held until it comes.
struct InTurn<R> {
    next: usize,
    early: BTreeMap<usize, R>,
}

impl<R> Default for InTurn<R> {
    fn default() -> Self {
        InTurn {
            next: 0,
            early: BTreeMap::new(),
        }
    }
}

impl<R> InTurn<R> {
    fn arrived(&mut self, index: usize, result: R, take: &mut impl FnMut(R)) {
        self.early.insert(index, result);
        while let Some(result) = self.early.remove(&self.next) {
            take(result);
            self.next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::for_each_in_order;

    /// The results in the order `take` was given them.
    fn map_in_order<T: Send, R: Send, E>(
        items: impl IntoIterator<Item = Result<T, E>>,
        work: impl Fn(T) -> R + Sync,
    ) -> Result<Vec<R>, E> {
        let mut taken = Vec::new();
        for_each_in_order(items, work, |result| taken.push(result))?;
        Ok(taken)
    }

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items = (0..200_u64).map(Ok::<u64, String>);
        let squares = map_in_order(items, |n| {
            // Uneven work, so that workers finish out of order.
            std::thread::sleep(std::time::Duration::from_micros((n * 37) % 300));
            n * n
        });
        assert_eq!(squares, Ok((0..200).map(|n| n * n).collect()));
    }

    #[test]
    fn only_a_few_items_are_held_however_many_there_are() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let read = AtomicUsize::new(0);
        let items = (0..300_u64).map(|n| {
            read.fetch_add(1, Ordering::SeqCst);
            Ok::<u64, String>(n)
        });
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let (mut taken, mut most_held) = (0, 0);
        for_each_in_order(
            items,
            |n| n,
            |n| {
                assert_eq!(n, taken as u64);
                taken += 1;
                most_held = most_held.max(read.load(Ordering::SeqCst) - taken);
                // A slow taker (a part of a class being written) while the workers go on.
                std::thread::sleep(std::time::Duration::from_micros(200));
            },
        )
        .unwrap();
        assert_eq!(taken, 300);
        assert!(most_held <= 3 * workers + 2, "{most_held} held");
    }

    #[test]
    fn an_error_among_the_items_is_returned_and_stops_the_reading() {
        let read = std::sync::atomic::AtomicUsize::new(0);
        let items = (0..100).map(|n| {
            read.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            if n == 10 {
                Err(format!("child {n} could not be read"))
            } else {
                Ok(n)
            }
        });
        let result = map_in_order(items, |n| n + 1);
        assert_eq!(result, Err("child 10 could not be read".to_string()));
        assert_eq!(read.load(std::sync::atomic::Ordering::SeqCst), 11);
    }

    #[test]
    fn no_items_no_results() {
        let items = std::iter::empty::<Result<u8, ()>>();
        assert_eq!(map_in_order(items, |n| n), Ok(Vec::new()));
    }
}
