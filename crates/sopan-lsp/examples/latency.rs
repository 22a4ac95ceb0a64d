//! How long after a change the editor has its diagnostics: the server is started, the
//! Pekanbaru licence standard opened (with its include and calendars from the disk), then
//! changed N times alternately with and without a misspelt role; each change is timed from
//! the moment it is sent to the moment its diagnostics arrive. Prints one JSON object with
//! the median, the 90th percentile and the largest, in milliseconds.
//!
//! `cargo run --release -p sopan-lsp --example latency [N]` (after `cargo build --release -p
//! sopan-lsp`), from the repository root.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(40);
    let exe = std::env::current_exe()?;
    let server = exe
        .parent()
        .and_then(|examples| examples.parent())
        .map(|dir| dir.join("sopan-lsp"))
        .ok_or("no target folder")?;
    let mut child = Command::new(&server)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().ok_or("stdin")?;
    let mut stdout = BufReader::new(child.stdout.take().ok_or("stdout")?);
    let mut send = |m: &Value| -> std::io::Result<()> {
        let body = m.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        stdin.flush()
    };
    let mut read = move || -> Result<Value, Box<dyn std::error::Error>> {
        let mut length = 0;
        loop {
            let mut line = String::new();
            stdout.read_line(&mut line)?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.parse()?;
            }
        }
        let mut body = vec![0; length];
        stdout.read_exact(&mut body)?;
        Ok(serde_json::from_slice(&body)?)
    };
    let path = std::fs::canonicalize("standards/pekanbaru/izin_praktik_dokter.sop")?;
    let uri = format!("file://{}", path.display());
    let text = std::fs::read_to_string(&path)?;
    let broken = text.replacen("oleh front_office", "oleh front_ofice", 1);
    send(
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    )?;
    read()?;
    send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))?;
    let wait = |read: &mut dyn FnMut() -> Result<Value, Box<dyn std::error::Error>>| -> Result<(), Box<dyn std::error::Error>> {
        loop {
            let m = read()?;
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return Ok(());
            }
        }
    };
    send(
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "sop", "version": 1, "text": text}}}),
    )?;
    wait(&mut read)?;
    let mut times = Vec::with_capacity(n);
    for k in 0..n {
        let t = if k % 2 == 0 { &broken } else { &text };
        let start = Instant::now();
        send(
            &json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": k + 2}, "contentChanges": [{"text": t}]}}),
        )?;
        wait(&mut read)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    send(&json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))?;
    send(&json!({"jsonrpc": "2.0", "method": "exit"}))?;
    let _ = child.wait();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{{\"changes\": {n}, \"median_ms\": {:.1}, \"p90_ms\": {:.1}, \"max_ms\": {:.1}}}",
        at(0.5),
        at(0.9),
        at(1.0)
    );
    Ok(())
}
