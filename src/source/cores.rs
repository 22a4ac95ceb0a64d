//! Work spread over the machine's cores, its results in the order of its items.

use std::sync::Mutex;

/// Fewer items than this are worked on the calling thread (starting threads costs more).
const PARALLEL_FROM: usize = 32;

/// `work` applied to consecutive chunks of `items`, one chunk per core, the results in the
/// items' order. A chunk whose thread cannot be started (some hosts allow none) is worked
/// on the calling thread.
pub(crate) fn in_chunks<T: Send, R: Send>(
    items: Vec<T>,
    work: impl Fn(Vec<T>) -> Vec<R> + Sync,
) -> Vec<R> {
    let threads = cores();
    if threads < 2 || items.len() < PARALLEL_FROM {
        return work(items);
    }
    let size = items.len().div_ceil(threads);
    let mut slots = Vec::new();
    let mut rest = items.into_iter();
    loop {
        let chunk: Vec<T> = rest.by_ref().take(size).collect();
        if chunk.is_empty() {
            break;
        }
        slots.push(Mutex::new(Some(chunk)));
    }
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = slots
            .iter()
            .map(|slot| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || take(slot).map(work).unwrap_or_default())
                    .ok()
            })
            .collect();
        let mut done = Vec::new();
        for (slot, handle) in slots.iter().zip(handles) {
            if let Some(handle) = handle {
                match handle.join() {
                    Ok(part) => done.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            // Still here: its thread never started.
            if let Some(chunk) = take(slot) {
                done.extend(work(chunk));
            }
        }
        done
    })
}

/// How many cores the process may use, asked of the system once: the answer reads several
/// control-group files each time, and a run over thousands of folders asks for every level.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// The chunk in `slot`, once: whoever takes it first works on it.
fn take<T>(slot: &Mutex<Option<T>>) -> Option<T> {
    match slot.lock() {
        Ok(mut chunk) => chunk.take(),
        Err(poisoned) => poisoned.into_inner().take(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn chunks_keep_the_items_order() {
        for n in [0, 1, 31, 32, 33, 1000] {
            let items: Vec<usize> = (0..n).collect();
            let done = super::in_chunks(items, |c| c.into_iter().map(|i| i * 2).collect());
            assert_eq!(done, (0..n).map(|i| i * 2).collect::<Vec<_>>());
        }
    }
}
