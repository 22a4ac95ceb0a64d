//! `sopan serve` and `sopan lsp`: run the HTTP service (`sopan-serve`) and the language server
//! (`sopan-lsp`), programs of their own (the `sopan-server` and `sopan-lsp` crates), so that this
//! one never carries tokio, axum, a database driver or the LSP transport.

use super::{words, USAGE};
use std::path::PathBuf;

/// Runs `sopan-serve` with `args`; returns its exit code.
pub fn run(args: &[String]) -> u8 {
    let Some(program) = find("sopan-serve") else {
        eprintln!(
            "sopan: {}",
            words().pick(
                "`sopan-serve` belum terpasang: `cargo install --path crates/sopan-server` (atau `cargo build --release -p sopan-server`)",
                "`sopan-serve` is not installed: `cargo install --path crates/sopan-server` (or `cargo build --release -p sopan-server`)",
            )
        );
        return USAGE;
    };
    exec(&program, args)
}

/// Runs `sopan-lsp`, the language server, on this process's stdin and stdout.
pub fn lsp() -> u8 {
    match find("sopan-lsp") {
        Some(program) => exec(&program, &[]),
        None => {
            eprintln!(
                "sopan: {}",
                words().pick(
                    "`sopan-lsp` belum terpasang: `cargo install --path crates/sopan-lsp`",
                    "`sopan-lsp` is not installed: `cargo install --path crates/sopan-lsp`",
                )
            );
            USAGE
        }
    }
}

/// Runs `program` with `args`, its streams this one's; returns its exit code.
pub fn exec(program: &std::path::Path, args: &[String]) -> u8 {
    match std::process::Command::new(program).args(args).status() {
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

/// The program `program` beside this one (a cargo build or install puts both in one folder),
/// else on `PATH`.
pub fn find(program: &str) -> Option<PathBuf> {
    let name = format!("{program}{}", std::env::consts::EXE_SUFFIX);
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
