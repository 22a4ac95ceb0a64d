//! Group commit: one thread owns the writing connection and commits every change waiting
//! for it in one transaction, each in a savepoint of its own (one refused change does not
//! take the others with it). A commit writes each touched page once however many changes it
//! holds, which is where SQLite's time goes under load; each change is answered only once
//! its transaction is committed.

use super::{saved, write};
use crate::store::{Result, Saved, StoreError, Write};
use rusqlite::{Connection, TransactionBehavior};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

/// The most changes committed together.
const BATCH: usize = 128;

/// Changes waiting for the writer; past this, submitting waits.
const QUEUE: usize = 4096;

struct Job {
    write: Write,
    create: bool,
    done: tokio::sync::oneshot::Sender<Result<Saved>>,
}

/// The writer thread's handle.
pub(super) struct Writer {
    jobs: SyncSender<Job>,
    conn: Arc<Mutex<Connection>>,
}

impl Writer {
    /// Starts the thread on `conn`.
    pub(super) fn start(conn: Connection) -> Result<Writer> {
        let (jobs, queue) = sync_channel(QUEUE);
        let conn = Arc::new(Mutex::new(conn));
        let shared = Arc::clone(&conn);
        std::thread::Builder::new()
            .name("sopan-sqlite-writer".into())
            .spawn(move || run(&shared, &queue))
            .map_err(|e| StoreError(format!("SQLite writer: {e}")))?;
        Ok(Writer { jobs, conn })
    }

    /// The writing connection, for work that holds a transaction of its own (timer claims,
    /// taking from the outbox): it runs between batches.
    pub(super) fn conn(&self) -> &Mutex<Connection> {
        &self.conn
    }

    /// Commits one change; answers once it is committed.
    pub(super) async fn submit(&self, write: Write, create: bool) -> Result<Saved> {
        let (done, answer) = tokio::sync::oneshot::channel();
        let job = Job {
            write,
            create,
            done,
        };
        let stopped = || StoreError("SQLite writer stopped".into());
        match self.jobs.try_send(job) {
            Ok(()) => {}
            // Waits only when thousands of changes are queued: the bound is the back-pressure.
            Err(TrySendError::Full(job)) => {
                let jobs = self.jobs.clone();
                let sent = tokio::task::spawn_blocking(move || jobs.send(job).is_ok())
                    .await
                    .map_err(|e| StoreError(format!("SQLite writer: {e}")))?;
                if !sent {
                    return Err(stopped());
                }
            }
            Err(TrySendError::Disconnected(_)) => return Err(stopped()),
        }
        answer.await.map_err(|_| stopped())?
    }
}

fn run(conn: &Mutex<Connection>, queue: &Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut jobs = vec![first];
        while jobs.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        let mut guard = conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let outcome = commit(&mut guard, &jobs);
        drop(guard);
        match outcome {
            Ok(results) => {
                for (job, result) in jobs.into_iter().zip(results) {
                    let _ = job.done.send(result);
                }
            }
            Err(e) => {
                for job in jobs {
                    let _ = job.done.send(Err(StoreError(e.0.clone())));
                }
            }
        }
    }
}

/// One transaction for the batch: each job's result, or the error that lost the commit.
fn commit(conn: &mut Connection, jobs: &[Job]) -> Result<Vec<Result<Saved>>> {
    let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut results = Vec::with_capacity(jobs.len());
    for job in jobs {
        let sp = tx.savepoint()?;
        match write(&sp, &job.write, job.create) {
            Ok(done) => {
                sp.commit()?;
                results.push(Ok(saved(done)));
            }
            // Dropping the savepoint rolls back this change alone.
            Err(e) => results.push(Err(e)),
        }
    }
    tx.commit()?;
    Ok(results)
}
