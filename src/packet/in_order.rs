//! Work on every core over items read one at a time, with the results kept in the items' order:
//! a class's packets are laid out child by child on all cores while the calling thread reads the
//! next children from the record (which only it may use).

use std::sync::{mpsc, Mutex};

/// `work` applied to each item, on as many threads as the machine has cores (at most eight), the
/// results in the items' order. The items are read on the calling thread, a few ahead of the
/// workers. The first item that is an error stops the reading and is returned once the items
/// already handed out are done.
pub fn map_in_order<T, R, E>(
    items: impl IntoIterator<Item = Result<T, E>>,
    work: impl Fn(T) -> R + Sync,
) -> Result<Vec<R>, E>
where
    T: Send,
    R: Send,
{
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if workers < 2 {
        return items.into_iter().map(|item| item.map(&work)).collect();
    }
    let (give, take) = mpsc::sync_channel::<(usize, T)>(workers);
    let take = Mutex::new(take);
    let (done, results) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (done, take, work) = (done.clone(), &take, &work);
            scope.spawn(move || loop {
                // A worker that panicked poisons the lock: the others stop, and the panic is
                // raised again when the scope ends.
                let next = match take.lock() {
                    Ok(take) => take.recv(),
                    Err(_) => break,
                };
                let Ok((index, item)) = next else { break };
                if done.send((index, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(done);
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
        }
        drop(give);
        let mut in_order: Vec<Option<R>> = (0..handed_out).map(|_| None).collect();
        for (index, result) in results {
            in_order[index] = Some(result);
        }
        match failed {
            Some(error) => Err(error),
            None => Ok(in_order.into_iter().flatten().collect()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::map_in_order;

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
