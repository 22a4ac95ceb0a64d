//! Fault tests: a server killed with SIGKILL in the middle of a load and started again.
//! Afterwards every case holds exactly the events sent (none lost, none applied twice), every
//! case's log replays to its stored form, and every timer fired exactly once into the outbox.
//! On SQLite with one server; on PostgreSQL with four servers on one database, timers claimed
//! by all of them (`.ci/postgres` gives the database; `SOPAN_TEST_POSTGRES` names another).

mod common;

use common::{scratch, shipped, BIN};
use sopan_server::load::{self, Client, Plan, Progress, Server};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Drives `cases` cases over `servers`, kills server 0 a third of the way through and
/// starts it again, then checks everything.
fn survive(servers: &mut [Server], db: &str, cases: usize, prefix: &str) {
    let plan = Plan {
        cases,
        workers: 8,
        servers: servers.iter().map(|s| s.addr.clone()).collect(),
        prefix: prefix.into(),
        patience: Duration::from_secs(60),
        advance: true,
    };
    let progress = Arc::new(Progress::default());
    let runner = {
        let (plan, progress) = (plan.clone(), Arc::clone(&progress));
        std::thread::spawn(move || load::run(&plan, &progress))
    };
    let third = u64::try_from(cases * 10 / 3).unwrap_or(u64::MAX);
    let deadline = Instant::now() + Duration::from_secs(300);
    while progress.done.load(Ordering::Relaxed) < third {
        assert!(
            Instant::now() < deadline,
            "the load did not get a third of the way"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    servers[0]
        .restart()
        .expect("the killed server starts again");
    let outcome = runner
        .join()
        .expect("the driver")
        .expect("every request answered in the end");
    assert!(
        outcome.retries > 0,
        "the crash was felt: requests were sent again"
    );
    eprintln!(
        "{cases} cases, {} requests, {} sent again, {} answered from their key",
        outcome.requests, outcome.retries, outcome.replayed
    );
    load::check(&plan).expect("every case holds exactly the events sent");

    // Every timer left fires now; asking twice changes nothing.
    let mut c = Client::new(&servers[0].addr);
    for _ in 0..2 {
        let a = c
            .send(
                "POST",
                "/admin/advance",
                &[],
                r#"{"at":"2026-06-30T08:00:00+07:00"}"#,
            )
            .expect("advance");
        assert_eq!(a.status, 200, "{}", a.body);
    }
    let verify = std::process::Command::new(BIN)
        .args([
            "--db",
            db,
            "--root",
            &shipped().display().to_string(),
            "verify",
        ])
        .output()
        .expect("verify runs");
    let said = String::from_utf8_lossy(&verify.stdout);
    assert!(verify.status.success(), "{said}");
    assert!(said.starts_with(&format!("{cases} cases")), "{said}");

    // One letter per licence never collected, in the outbox once; none for the others.
    for i in 0..cases {
        let id = load::script(prefix, i).id;
        let out = c
            .send("GET", &format!("/outbox?case={id}"), &[], "")
            .expect("outbox");
        let actions: serde_json::Value = serde_json::from_str(&out.body).expect("json");
        let letters = actions["actions"]
            .as_array()
            .expect("actions")
            .iter()
            .filter(|a| a["action"]["kind"] == "surat")
            .count();
        assert_eq!(letters, usize::from(i % 10 == 7), "{id}: {}", out.body);
    }
}

#[test]
fn sqlite_one_server_killed_mid_run() {
    let dir = scratch("crash");
    let db = dir.join("cases.db").display().to_string();
    let root = shipped().display().to_string();
    let server =
        Server::start(BIN, &["--db", &db, "--root", &root, "--clock", "manual"]).expect("starts");
    survive(&mut [server], &db, 300, "S-");
}

#[test]
fn postgres_four_servers_one_killed_mid_run() {
    let db = fresh_postgres_database("crash");
    let root = shipped().display().to_string();
    let mut servers: Vec<Server> = (0..4)
        .map(|_| {
            Server::start(
                BIN,
                &[
                    "--db", &db, "--root", &root, "--clock", "manual", "--pool", "2",
                ],
            )
            .expect("starts")
        })
        .collect();
    survive(&mut servers, &db, 600, "P-");
}

/// A new, empty database on the test PostgreSQL: `SOPAN_TEST_POSTGRES` (a URL to a database
/// whose server lets this user create databases), else the cluster `.ci/postgres start` gives.
fn fresh_postgres_database(name: &str) -> String {
    let base = std::env::var("SOPAN_TEST_POSTGRES").unwrap_or_else(|_| {
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.ci/postgres");
        let out = std::process::Command::new(script)
            .arg("start")
            .output()
            .expect("`.ci/postgres start` runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    });
    let database = format!("sopan_{name}_{}", std::process::id());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let (client, conn) = tokio_postgres::connect(&base, tokio_postgres::NoTls)
            .await
            .expect("PostgreSQL answers");
        tokio::spawn(conn);
        for sql in [
            format!("DROP DATABASE IF EXISTS {database}"),
            format!("CREATE DATABASE {database}"),
        ] {
            client.batch_execute(&sql).await.expect("a fresh database");
        }
    });
    match base.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{database}"),
        None => base,
    }
}
