//! `sopan-serve`: the HTTP service (`sopan serve` runs it). A thin shell: arguments, the
//! store, the listener, the timer loop, a clean stop on SIGTERM or Ctrl-C.

use clap::{Parser, Subcommand, ValueEnum};
use sopan_server::catalog::Catalog;
use sopan_server::http::{router, App, Clock};
use sopan_server::store::postgres::Postgres;
use sopan_server::store::sqlite::Sqlite;
use sopan_server::store::Store;
use sopan_server::words::Words;
use std::process::ExitCode;
use std::sync::Arc;

/// Live sopan cases over HTTP, kept in SQLite or PostgreSQL.
#[derive(Parser)]
#[command(name = "sopan-serve", version)]
struct Args {
    /// Where cases are kept: an SQLite file (`sopan.db`, `sqlite:PATH`) or a PostgreSQL URL
    /// (`postgres://user@host/db`).
    #[arg(long, default_value = "sopan.db", global = true)]
    db: String,
    /// The standards root.
    #[arg(long, default_value = "standards", global = true)]
    root: String,
    /// Where to listen.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Where time comes from: the system clock, or `manual` (`POST /admin/advance`).
    #[arg(long, value_enum, default_value = "system")]
    clock: ClockArg,
    /// PostgreSQL connections for requests.
    #[arg(long, default_value_t = 4)]
    pool: usize,
    #[command(subcommand)]
    job: Option<Job>,
}

#[derive(Subcommand)]
enum Job {
    /// Checks that every stored case's log replays to its stored form and its outbox.
    Verify,
}

#[derive(Clone, Copy, ValueEnum)]
enum ClockArg {
    System,
    Manual,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("sopan-serve: {e}");
            return ExitCode::from(2);
        }
    };
    let words = match std::env::var("SOPAN_LANG").as_deref() {
        Ok("en") => Words(sopan::diag::Lang::En),
        _ => Words::ID,
    };
    let result = runtime.block_on(async {
        let catalog = Catalog::load(&args.root, words)?;
        let postgres = args.db.starts_with("postgres://") || args.db.starts_with("postgresql://");
        if postgres {
            let store = Postgres::open(&args.db, args.pool)
                .await
                .map_err(|e| e.to_string())?;
            go(store, catalog, &args).await
        } else {
            let path = args
                .db
                .trim_start_matches("sqlite://")
                .trim_start_matches("sqlite:");
            let store = Sqlite::open(path).map_err(|e| e.to_string())?;
            go(store, catalog, &args).await
        }
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(why) => {
            eprintln!("sopan-serve: {why}");
            ExitCode::from(2)
        }
    }
}

async fn go<S: Store>(store: S, catalog: Catalog, args: &Args) -> Result<u8, String> {
    if let Some(Job::Verify) = args.job {
        let report = sopan_server::verify::all(&store, &catalog)
            .await
            .map_err(|e| e.to_string())?;
        println!(
            "{} cases, {} log entries, {} actions checked",
            report.cases, report.entries, report.actions
        );
        for p in &report.problems {
            println!("{p}");
        }
        return Ok(u8::from(!report.problems.is_empty()));
    }
    let clock = match args.clock {
        ClockArg::System => Clock::System,
        ClockArg::Manual => Clock::Manual,
    };
    let standards = catalog.current().standards().len();
    let app = Arc::new(App::new(store, catalog, clock));
    let listener = tokio::net::TcpListener::bind(&args.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!(
        "sopan-serve: {} standards from `{}`, cases in {}, listening on http://{local}",
        standards,
        args.root,
        app.store.engine()
    );
    tokio::spawn(sopan_server::timers::run(Arc::clone(&app)));
    axum::serve(listener, router(app))
        .with_graceful_shutdown(stop())
        .await
        .map_err(|e| e.to_string())?;
    Ok(0)
}

async fn stop() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}
