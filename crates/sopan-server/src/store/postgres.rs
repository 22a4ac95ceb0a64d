//! PostgreSQL, for many servers on one database: a change is one statement (row, log entry
//! and outbox rows in one `WITH`), due cases are claimed with `FOR UPDATE SKIP LOCKED` so
//! each fires on exactly one server, and the outbox is drained the same way.

use super::{
    Claimed, Counts, Got, Listed, Listing, LogRow, OutboxRow, Result, Row, Saved, Store, Work,
    Write,
};
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, NoTls, Statement};

/// The migrations, in order.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/postgres/0001_cases.sql")];

/// The key of the advisory lock that lets one server at a time migrate.
const MIGRATION_LOCK: i64 = 0x5f0_9a11;

const COLUMNS: &str = "id, standard, procedure, hash, doc, version";

const CREATE: &str = "WITH c AS (
    INSERT INTO cases (id, standard, procedure, hash, doc, version, due_at, deadline_at, risk_at, finished)
    VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::bigint, $7::bigint, $8::bigint, $9::bigint, $10::boolean)
    ON CONFLICT (id) DO NOTHING RETURNING id),
  l AS (INSERT INTO log (case_id, seq, kind, body, key, response)
        SELECT id, $6::bigint, $11::text, $12::text, $13::text, $14::text FROM c),
  o AS (INSERT INTO outbox (case_id, seq, n, action)
        SELECT c.id, $6::bigint, (a.n - 1)::int, a.action FROM c, unnest($15::text[]) WITH ORDINALITY AS a(action, n))
  SELECT count(*) FROM c";

const SAVE: &str = "WITH c AS (
    UPDATE cases SET hash = $2::text, doc = $3::text, version = $4::bigint, due_at = $5::bigint,
                     deadline_at = $6::bigint, risk_at = $7::bigint, finished = $8::boolean
    WHERE id = $1::text AND version = $4::bigint - 1 RETURNING id),
  l AS (INSERT INTO log (case_id, seq, kind, body, key, response)
        SELECT id, $4::bigint, $9::text, $10::text, $11::text, $12::text FROM c),
  o AS (INSERT INTO outbox (case_id, seq, n, action)
        SELECT c.id, $4::bigint, (a.n - 1)::int, a.action FROM c, unnest($13::text[]) WITH ORDINALITY AS a(action, n))
  SELECT count(*) FROM c";

/// One connection with its statements prepared.
struct Conn {
    client: Client,
    get: Statement,
    replay: Statement,
    create: Statement,
    save: Statement,
}

/// A PostgreSQL store: a few connections shared round-robin (statements pipeline on each),
/// and one more for the timer's claims, which hold a transaction.
pub struct Postgres {
    conns: Vec<Conn>,
    next: AtomicUsize,
    timers: tokio::sync::Mutex<Conn>,
}

async fn connect(url: &str) -> Result<Conn> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(async move {
        // The connection ends when its client is dropped, or with the server's error, which
        // the next call on the client reports.
        let _ = connection.await;
    });
    Ok(Conn {
        get: client
            .prepare(&format!("SELECT {COLUMNS} FROM cases WHERE id = $1"))
            .await?,
        replay: client
            .prepare("SELECT response FROM log WHERE case_id = $1 AND key = $2")
            .await?,
        create: client.prepare(CREATE).await?,
        save: client.prepare(SAVE).await?,
        client,
    })
}

async fn migrate(url: &str) -> Result<()> {
    let (mut client, connection) = tokio_postgres::connect(url, NoTls).await?;
    let task = tokio::spawn(connection);
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS sopan_migrations (version BIGINT PRIMARY KEY)")
        .await?;
    let done: i64 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0) FROM sopan_migrations",
            &[],
        )
        .await?
        .get(0);
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let version = i64::try_from(i).unwrap_or(i64::MAX) + 1;
        if version > done {
            tx.batch_execute(sql).await?;
            tx.execute(
                "INSERT INTO sopan_migrations (version) VALUES ($1)",
                &[&version],
            )
            .await?;
        }
    }
    tx.commit().await?;
    drop(client);
    let _ = task.await;
    Ok(())
}

impl Postgres {
    /// Connects (`postgres://user@host/db`), applies the migrations the database lacks, and
    /// opens `pool` connections for requests.
    pub async fn open(url: &str, pool: usize) -> Result<Postgres> {
        migrate(url).await?;
        let mut conns = Vec::with_capacity(pool.max(1));
        for _ in 0..pool.max(1) {
            conns.push(connect(url).await?);
        }
        Ok(Postgres {
            conns,
            next: AtomicUsize::new(0),
            timers: tokio::sync::Mutex::new(connect(url).await?),
        })
    }

    fn conn(&self) -> &Conn {
        let i = self.next.fetch_add(1, Ordering::Relaxed) % self.conns.len();
        &self.conns[i]
    }
}

fn row_of(r: &tokio_postgres::Row) -> Row {
    Row {
        id: r.get(0),
        standard: r.get(1),
        procedure: r.get(2),
        hash: r.get(3),
        doc: r.get(4),
        version: r.get(5),
    }
}

fn outbox_row(r: &tokio_postgres::Row) -> OutboxRow {
    OutboxRow {
        id: r.get(0),
        case: r.get(1),
        seq: r.get(2),
        action: r.get(3),
    }
}

fn save_params(w: &Write) -> [&(dyn ToSql + Sync); 13] {
    let r = &w.row;
    [
        &r.id,
        &r.hash,
        &r.doc,
        &r.version,
        &w.due_at,
        &w.deadline_at,
        &w.risk_at,
        &w.finished,
        kind_ref(w.kind),
        &w.body,
        &w.key,
        &w.response,
        &w.actions,
    ]
}

/// The kind as a parameter that outlives the statement.
fn kind_ref(k: super::Kind) -> &'static (dyn ToSql + Sync) {
    static KINDS: [&str; 3] = ["open", "event", "advance"];
    match k {
        super::Kind::Open => &KINDS[0],
        super::Kind::Event => &KINDS[1],
        super::Kind::Advance => &KINDS[2],
    }
}

fn saved(count: i64) -> Saved {
    if count > 0 {
        Saved::Done
    } else {
        Saved::Conflict
    }
}

fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Store for Postgres {
    fn engine(&self) -> &'static str {
        "postgres"
    }

    async fn create(&self, w: &Write) -> Result<Saved> {
        let c = self.conn();
        let r = &w.row;
        let params: [&(dyn ToSql + Sync); 15] = [
            &r.id,
            &r.standard,
            &r.procedure,
            &r.hash,
            &r.doc,
            &r.version,
            &w.due_at,
            &w.deadline_at,
            &w.risk_at,
            &w.finished,
            kind_ref(w.kind),
            &w.body,
            &w.key,
            &w.response,
            &w.actions,
        ];
        let n: i64 = c.client.query_one(&c.create, &params).await?.get(0);
        Ok(saved(n))
    }

    async fn get(&self, id: &str, key: Option<&str>) -> Result<Option<Got>> {
        let c = self.conn();
        let Some(found) = c.client.query_opt(&c.get, &[&id]).await? else {
            return Ok(None);
        };
        let replay = match key {
            None => None,
            Some(k) => c
                .client
                .query_opt(&c.replay, &[&id, &k])
                .await?
                .map(|r| r.get(0)),
        };
        Ok(Some(Got {
            row: row_of(&found),
            replay,
        }))
    }

    async fn save(&self, w: &Write) -> Result<Saved> {
        let c = self.conn();
        let n: i64 = c.client.query_one(&c.save, &save_params(w)).await?.get(0);
        Ok(saved(n))
    }

    async fn claim_due(&self, now: i64, n: usize, work: Work<'_>) -> Result<usize> {
        let mut guard = self.timers.lock().await;
        let conn = &mut *guard;
        let tx = conn.client.transaction().await?;
        let due = tx
            .query(
                &format!(
                    "SELECT {COLUMNS} FROM cases WHERE due_at <= $1 ORDER BY due_at LIMIT $2
                     FOR UPDATE SKIP LOCKED"
                ),
                &[&now, &limit(n)],
            )
            .await?;
        for found in &due {
            let row = row_of(found);
            match work(&row) {
                Claimed::Write(w) => {
                    tx.query_one(&conn.save, &save_params(&w)).await?;
                }
                Claimed::Due(at) => {
                    tx.execute(
                        "UPDATE cases SET due_at = $2::bigint WHERE id = $1::text",
                        &[&row.id, &at],
                    )
                    .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(due.len())
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
            Listing::Overdue => "deadline_at <= $3 ORDER BY deadline_at",
            Listing::AtRisk => "risk_at <= $3 AND deadline_at > $3 ORDER BY deadline_at",
            Listing::Due => "due_at <= $3 ORDER BY due_at",
        };
        let sql = format!(
            "SELECT id, deadline_at, due_at FROM cases WHERE standard = $1 AND procedure = $2 AND {filter} LIMIT $4"
        );
        let rows = self
            .conn()
            .client
            .query(&sql, &[&standard, &procedure, &now, &limit(n)])
            .await?;
        Ok(rows
            .iter()
            .map(|r| Listed {
                id: r.get(0),
                deadline_at: r.get(1),
                due_at: r.get(2),
            })
            .collect())
    }

    async fn outbox(&self, case: Option<&str>, n: usize) -> Result<Vec<OutboxRow>> {
        let rows = self
            .conn()
            .client
            .query(
                "SELECT id, case_id, seq, action FROM outbox
                 WHERE taken IS NULL AND ($1::text IS NULL OR case_id = $1) ORDER BY id LIMIT $2",
                &[&case, &limit(n)],
            )
            .await?;
        Ok(rows.iter().map(outbox_row).collect())
    }

    async fn take(&self, n: usize) -> Result<Vec<OutboxRow>> {
        let rows = self
            .conn()
            .client
            .query(
                "UPDATE outbox SET taken = extract(epoch from now())::bigint WHERE id IN
                 (SELECT id FROM outbox WHERE taken IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
                 RETURNING id, case_id, seq, action",
                &[&limit(n)],
            )
            .await?;
        let mut rows: Vec<OutboxRow> = rows.iter().map(outbox_row).collect();
        rows.sort_by_key(|r| r.id);
        Ok(rows)
    }

    async fn log(&self, id: &str) -> Result<Vec<LogRow>> {
        let rows = self
            .conn()
            .client
            .query(
                "SELECT seq, kind, body, key FROM log WHERE case_id = $1 ORDER BY seq",
                &[&id],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| LogRow {
                seq: r.get(0),
                kind: r.get(1),
                body: r.get(2),
                key: r.get(3),
            })
            .collect())
    }

    async fn actions(&self, id: &str) -> Result<Vec<OutboxRow>> {
        let rows = self
            .conn()
            .client
            .query(
                "SELECT id, case_id, seq, action FROM outbox WHERE case_id = $1 ORDER BY seq, n",
                &[&id],
            )
            .await?;
        Ok(rows.iter().map(outbox_row).collect())
    }

    async fn ids(&self, after: &str, n: usize) -> Result<Vec<String>> {
        let rows = self
            .conn()
            .client
            .query(
                "SELECT id FROM cases WHERE id > $1 ORDER BY id LIMIT $2",
                &[&after, &limit(n)],
            )
            .await?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    async fn counts(&self) -> Result<Counts> {
        let c = &self.conn().client;
        let r = c
            .query_one(
                "SELECT COUNT(*), COUNT(*) FILTER (WHERE NOT finished),
                        (SELECT COUNT(*) FROM outbox WHERE taken IS NULL) FROM cases",
                &[],
            )
            .await?;
        Ok(Counts {
            cases: r.get(0),
            open: r.get(1),
            outbox: r.get(2),
        })
    }
}
