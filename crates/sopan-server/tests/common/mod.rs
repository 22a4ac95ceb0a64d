//! What the server's tests share: the binary, a scratch standards root, requests.

#![allow(dead_code)]

use sopan_server::load::{Answer, Client, Server};
use std::path::{Path, PathBuf};

/// The server binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_sopan-serve");

/// The shipped standards.
pub fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../standards")
}

/// A fresh scratch folder.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-server-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// A copy of the shipped standards under `dir/standards`, to change.
pub fn copy_standards(dir: &Path) -> PathBuf {
    let to = dir.join("standards");
    copy(&shipped(), &to);
    to
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("readable") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copied");
        }
    }
}

/// A server on an SQLite file in `dir`, with a manual clock.
pub fn sqlite_server(dir: &Path, root: &Path) -> Server {
    let db = dir.join("cases.db");
    Server::start(
        BIN,
        &[
            "--db",
            &db.display().to_string(),
            "--root",
            &root.display().to_string(),
            "--clock",
            "manual",
        ],
    )
    .expect("the server starts")
}

/// Sends a request; the answer's status and JSON body.
pub fn call(
    c: &mut Client,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, serde_json::Value) {
    let Answer { status, body, .. } = c.send(method, path, headers, body).expect("an answer");
    let json = serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body));
    (status, json)
}

/// The opening of a licence case.
pub fn opening(id: &str, at: &str) -> String {
    serde_json::json!({
        "standard": "pekanbaru/izin_praktik_dokter.sop", "procedure": "penerbitan", "id": id, "at": at,
    })
    .to_string()
}

/// A `done` event.
pub fn done(step: &str, outcome: Option<&str>, at: &str) -> String {
    let mut e = serde_json::json!({ "event": "done", "step": step, "by": "fo-01", "at": at });
    if let Some(o) = outcome {
        e["outcome"] = o.into();
    }
    e.to_string()
}
