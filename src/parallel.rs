//! Independent work spread over the cores the machine has, with the results in the order the
//! work was given, so what comes out does not depend on how the threads shared it.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` applied to every item, spread over the cores the machine has. Loading files is
/// independent work and most of start-up, so a library of hundreds of scenarios opens about
/// as many times faster as there are cores. The results are in the order of `items`,
/// whichever thread did each, so the library is the same however the work was shared.
pub fn map_in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    done.sort_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_shared_between_threads_comes_back_in_the_order_given() {
        // Uneven work, so the threads finish out of order.
        let items: Vec<u64> = (0..500).collect();
        let slow_square = |&x: &u64| {
            let spins = (x * 7919) % 2000;
            (0..spins).fold(x * x, |acc, _| std::hint::black_box(acc))
        };
        let expected: Vec<u64> = items.iter().map(slow_square).collect();
        assert_eq!(map_in_parallel(&items, slow_square), expected);
        assert_eq!(map_in_parallel(&items[..1], slow_square), expected[..1]);
        assert!(map_in_parallel(&[] as &[u64], slow_square).is_empty());
    }
}
