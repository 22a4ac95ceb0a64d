//! The embedded store: one SQLite file (WAL), nothing to install. One server process owns
//! the file; PostgreSQL is for many. Changes go through one writer thread that commits the
//! changes waiting together in one transaction ([`writer`]); reads use a connection of their
//! own, which WAL lets run beside the writer.

mod writer;

use super::{
    Claimed, Counts, Got, Listed, Listing, LogRow, OutboxRow, Result, Row, Saved, Store, Work,
    Write,
};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::sync::Mutex;

/// The migrations, in order.
const MIGRATIONS: &[&str] = &[include_str!("../../../migrations/sqlite/0001_cases.sql")];

/// An SQLite store.
pub struct Sqlite {
    /// Reads.
    conn: Mutex<Connection>,
    /// Changes.
    writer: writer::Writer,
}

impl Sqlite {
    /// Opens (creating) the database file at `path` and applies the migrations it lacks.
    pub fn open(path: &str) -> Result<Sqlite> {
        let conn = Connection::open(path)?;
        // WAL with NORMAL sync: a commit survives a crash of the process (what `kill -9`
        // tests); only a power loss can take the last commits back.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;",
        )?;
        migrate(&conn)?;
        let reader = Connection::open(path)?;
        reader.execute_batch("PRAGMA busy_timeout = 5000;")?;
        Ok(Sqlite {
            conn: Mutex::new(reader),
            writer: writer::Writer::start(conn)?,
        })
    }

    /// Runs `f` on the read connection.
    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        lock(&self.conn, f)
    }

    /// Runs `f` on the writer's connection, between its batches.
    fn with_writer<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        lock(self.writer.conn(), f)
    }
}

fn lock<T>(conn: &Mutex<Connection>, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
    // A panic while the lock was held cannot leave a half-written change (each change is a
    // transaction), so a poisoned lock is taken over.
    let mut conn = conn
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    f(&mut conn)
}

fn migrate(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS sopan_migrations (version INTEGER PRIMARY KEY)",
    )?;
    let done: i64 = conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM sopan_migrations",
        [],
        |r| r.get(0),
    )?;
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let version = i64::try_from(i).unwrap_or(i64::MAX) + 1;
        if version > done {
            conn.execute_batch(&format!(
                "BEGIN; {sql}; INSERT INTO sopan_migrations (version) VALUES ({version}); COMMIT;"
            ))?;
        }
    }
    Ok(())
}

/// Writes a change's row, log entry and outbox rows; `false` when the row's version moved on.
fn write(tx: &Connection, w: &Write, create: bool) -> Result<bool> {
    let r = &w.row;
    let changed = if create {
        tx.execute(
            "INSERT INTO cases (id, standard, procedure, hash, doc, version, due_at, deadline_at, risk_at, finished)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (id) DO NOTHING",
            params![r.id, r.standard, r.procedure, r.hash, r.doc, r.version, w.due_at, w.deadline_at, w.risk_at, w.finished],
        )?
    } else {
        tx.execute(
            "UPDATE cases SET hash = ?2, doc = ?3, version = ?4, due_at = ?5, deadline_at = ?6, risk_at = ?7, finished = ?8
             WHERE id = ?1 AND version = ?4 - 1",
            params![r.id, r.hash, r.doc, r.version, w.due_at, w.deadline_at, w.risk_at, w.finished],
        )?
    };
    if changed == 0 {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO log (case_id, seq, kind, body, key, response) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![r.id, r.version, w.kind.as_str(), w.body, w.key, w.response],
    )?;
    let mut insert =
        tx.prepare_cached("INSERT INTO outbox (case_id, seq, n, action) VALUES (?1, ?2, ?3, ?4)")?;
    for (n, action) in w.actions.iter().enumerate() {
        insert.execute(params![
            r.id,
            r.version,
            i64::try_from(n).unwrap_or(i64::MAX),
            action
        ])?;
    }
    Ok(true)
}

fn saved(done: bool) -> Saved {
    if done {
        Saved::Done
    } else {
        Saved::Conflict
    }
}

fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        standard: r.get(1)?,
        procedure: r.get(2)?,
        hash: r.get(3)?,
        doc: r.get(4)?,
        version: r.get(5)?,
    })
}

fn outbox_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxRow> {
    Ok(OutboxRow {
        id: r.get(0)?,
        case: r.get(1)?,
        seq: r.get(2)?,
        action: r.get(3)?,
    })
}

fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Store for Sqlite {
    fn engine(&self) -> &'static str {
        "sqlite"
    }

    async fn create(&self, w: &Write) -> Result<Saved> {
        self.writer.submit(w.clone(), true).await
    }

    async fn get(&self, id: &str, key: Option<&str>) -> Result<Option<Got>> {
        self.with(|c| {
            let row = c
                .prepare_cached(
                    "SELECT id, standard, procedure, hash, doc, version FROM cases WHERE id = ?1",
                )?
                .query_row(params![id], row_of)
                .optional()?;
            let Some(row) = row else { return Ok(None) };
            let replay = match key {
                None => None,
                Some(k) => c
                    .prepare_cached("SELECT response FROM log WHERE case_id = ?1 AND key = ?2")?
                    .query_row(params![id, k], |r| r.get(0))
                    .optional()?,
            };
            Ok(Some(Got { row, replay }))
        })
    }

    async fn save(&self, w: &Write) -> Result<Saved> {
        self.writer.submit(w.clone(), false).await
    }

    async fn claim_due(&self, now: i64, n: usize, work: Work<'_>) -> Result<usize> {
        self.with_writer(|c| {
            // One process owns the file: the immediate transaction is the claim.
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let due: Vec<Row> = tx
                .prepare_cached(
                    "SELECT id, standard, procedure, hash, doc, version FROM cases
                     WHERE due_at <= ?1 ORDER BY due_at LIMIT ?2",
                )?
                .query_map(params![now, limit(n)], row_of)?
                .collect::<rusqlite::Result<_>>()?;
            for row in &due {
                match work(row) {
                    Claimed::Write(w) => {
                        write(&tx, &w, false)?;
                    }
                    Claimed::Due(at) => {
                        tx.execute(
                            "UPDATE cases SET due_at = ?2 WHERE id = ?1",
                            params![row.id, at],
                        )?;
                    }
                }
            }
            tx.commit()?;
            Ok(due.len())
        })
    }

    async fn list(
        &self,
        standard: &str,
        procedure: &str,
        listing: Listing,
        now: i64,
        n: usize,
    ) -> Result<Vec<Listed>> {
        let filter = match listing {
            Listing::Overdue => "deadline_at <= ?3 ORDER BY deadline_at",
            Listing::AtRisk => "risk_at <= ?3 AND deadline_at > ?3 ORDER BY deadline_at",
            Listing::Due => "due_at <= ?3 ORDER BY due_at",
        };
        self.with(|c| {
            let sql = format!(
                "SELECT id, deadline_at, due_at FROM cases WHERE standard = ?1 AND procedure = ?2 AND {filter} LIMIT ?4"
            );
            let rows = c
                .prepare_cached(&sql)?
                .query_map(params![standard, procedure, now, limit(n)], |r| {
                    Ok(Listed {
                        id: r.get(0)?,
                        deadline_at: r.get(1)?,
                        due_at: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
    }

    async fn outbox(&self, case: Option<&str>, n: usize) -> Result<Vec<OutboxRow>> {
        self.with(|c| {
            let rows = c
                .prepare_cached(
                    "SELECT id, case_id, seq, action FROM outbox
                     WHERE taken IS NULL AND (?1 IS NULL OR case_id = ?1) ORDER BY id LIMIT ?2",
                )?
                .query_map(params![case, limit(n)], outbox_row)?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
    }

    async fn take(&self, n: usize) -> Result<Vec<OutboxRow>> {
        self.with_writer(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let rows: Vec<OutboxRow> = tx
                .prepare_cached(
                    "UPDATE outbox SET taken = unixepoch() WHERE id IN
                     (SELECT id FROM outbox WHERE taken IS NULL ORDER BY id LIMIT ?1)
                     RETURNING id, case_id, seq, action",
                )?
                .query_map(params![limit(n)], outbox_row)?
                .collect::<rusqlite::Result<_>>()?;
            tx.commit()?;
            let mut rows = rows;
            rows.sort_by_key(|r| r.id);
            Ok(rows)
        })
    }

    async fn log(&self, id: &str) -> Result<Vec<LogRow>> {
        self.with(|c| {
            let rows = c
                .prepare_cached(
                    "SELECT seq, kind, body, key FROM log WHERE case_id = ?1 ORDER BY seq",
                )?
                .query_map(params![id], |r| {
                    Ok(LogRow {
                        seq: r.get(0)?,
                        kind: r.get(1)?,
                        body: r.get(2)?,
                        key: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
    }

    async fn actions(&self, id: &str) -> Result<Vec<OutboxRow>> {
        self.with(|c| {
            let rows = c
                .prepare_cached(
                    "SELECT id, case_id, seq, action FROM outbox WHERE case_id = ?1 ORDER BY seq, n",
                )?
                .query_map(params![id], outbox_row)?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
    }

    async fn ids(&self, after: &str, n: usize) -> Result<Vec<String>> {
        self.with(|c| {
            let rows = c
                .prepare_cached("SELECT id FROM cases WHERE id > ?1 ORDER BY id LIMIT ?2")?
                .query_map(params![after, limit(n)], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
    }

    async fn counts(&self) -> Result<Counts> {
        self.with(|c| {
            let (cases, open): (i64, i64) = c.query_row(
                "SELECT COUNT(*), COALESCE(SUM(finished = 0), 0) FROM cases",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let outbox: i64 =
                c.query_row("SELECT COUNT(*) FROM outbox WHERE taken IS NULL", [], |r| {
                    r.get(0)
                })?;
            Ok(Counts {
                cases,
                open,
                outbox,
            })
        })
    }
}
