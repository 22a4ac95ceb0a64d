//! `sopan serve`: runs the HTTP service, `sopan-serve`, a program of its own (the
//! `sopan-server` crate) so that this one never carries tokio, axum or a database driver.

use super::{words, USAGE};
use std::path::PathBuf;

/// Runs `sopan-serve` with `args`; returns its exit code.
pub fn run(args: &[String]) -> u8 {
    let Some(program) = find() else {
        eprintln!(
            "sopan: {}",
            words().pick(
                "`sopan-serve` belum terpasang: `cargo install --path crates/sopan-server` (atau `cargo build --release -p sopan-server`)",
                "`sopan-serve` is not installed: `cargo install --path crates/sopan-server` (or `cargo build --release -p sopan-server`)",
            )
        );
        return USAGE;
    };
    match std::process::Command::new(&program).args(args).status() {
        Ok(status) => status
            .code()
            .and_then(|c| u8::try_from(c).ok())
            .unwrap_or(super::FAILED),
        Err(e) => {
            eprintln!("sopan: `{}`: {e}", program.display());
            USAGE
        }
    }
}

/// `sopan-serve` beside this program (a cargo build or install puts both in one folder),
/// else on `PATH`.
fn find() -> Option<PathBuf> {
    let name = format!("sopan-serve{}", std::env::consts::EXE_SUFFIX);
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(&name)));
    beside.filter(|p| p.is_file()).or_else(|| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(&name))
                .find(|p| p.is_file())
        })
    })
}
