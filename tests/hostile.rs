//! Hostile input is normal input (issue 22): every reproduction of the December red-team
//! findings that crashed, hung, leaked or was accepted silently.

use std::io::Read;
use std::process::{Command, Stdio};

fn sopan() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sopan"));
    c.env("NO_COLOR", "1").env_remove("SOPAN_LANG");
    c
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-hostile-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    dir
}

/// A procedure of `n` steps without a time: `n` warnings.
fn long_procedure(n: usize) -> String {
    let mut text = String::from("peran petugas \"Petugas\" internal\nprosedur p \"P\" {\n");
    for i in 0..n - 1 {
        text.push_str(&format!("  langkah s{i} \"L\" {{ oleh petugas }}\n"));
    }
    text.push_str(&format!("  langkah s{} \"L\" {{ oleh petugas  lanjut ok }}\n", n - 1));
    text.push_str("  selesai ok \"Selesai\"\n}\n");
    text
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = scratch("pipe");
    let file = dir.join("panjang.sop");
    std::fs::write(&file, long_procedure(3_000)).expect("write");
    let mut child = sopan()
        .args(["check", file.to_str().expect("utf-8"), "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The reading end is dropped here: the rest of the JSON meets a closed pipe.
    let out = child.wait_with_output().expect("ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(out.status.code(), Some(101), "{err}");
}

#[test]
fn a_procedure_of_100000_steps_is_checked_without_a_stack_overflow() {
    let dir = scratch("long");
    let file = dir.join("langkah.sop");
    std::fs::write(&file, long_procedure(100_000)).expect("write");
    let out = sopan()
        .args(["check", file.to_str().expect("utf-8"), "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}
