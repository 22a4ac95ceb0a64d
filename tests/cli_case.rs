//! `sopan case`: a live case kept by a shell host between calls (docs/case-commands.md).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const STANDARD: &str = "standards/pekanbaru/izin_praktik_dokter.sop";
const ROOT: &str = "standards";

fn sopan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sopan"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-case-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// Writes the `case` field of a command's output where the host keeps it.
fn keep(out: &serde_json::Value, at: &Path) {
    std::fs::write(at, out["case"].to_string()).expect("stored case");
}

fn event(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("event file");
    path.display().to_string()
}

#[test]
fn a_case_lives_through_calls_and_a_refused_event_leaves_it_unchanged() {
    let dir = scratch("life");
    let stored = dir.join("REG-1.json");
    let case = stored.display().to_string();
    let opened = json(&sopan(&[
        "case",
        "open",
        STANDARD,
        "--procedure",
        "penerbitan",
        "--id",
        "REG-1",
        "--at",
        "2026-03-02T08:00:00+07:00",
    ]));
    assert_eq!(opened["case"]["schema"], 1);
    assert_eq!(
        opened["case"]["standard"],
        "pekanbaru/izin_praktik_dokter.sop"
    );
    assert_eq!(opened["case"]["procedure"], "penerbitan");
    // The whole budget of two working days, the day of receipt not counted, less 20 %.
    assert_eq!(opened["next_due"], "2026-03-04T10:24:00+07:00");
    keep(&opened, &stored);

    let steps = [
        r#"{"event":"done","step":"informasi","by":"fo-01","at":"2026-03-02T08:05:00+07:00"}"#,
        r#"{"event":"done","step":"periksa","outcome":"lengkap","by":"fo-01","at":"2026-03-02T08:25:00+07:00"}"#,
        r#"{"event":"done","step":"cek_simple","by":"bo-01","at":"2026-03-02T08:35:00+07:00"}"#,
        r#"{"event":"done","step":"verifikasi_muda","by":"akm-01","at":"2026-03-02T08:45:00+07:00"}"#,
        r#"{"event":"done","step":"verifikasi_madya","by":"akd-01","at":"2026-03-02T08:55:00+07:00"}"#,
        r#"{"event":"done","step":"verifikasi_sekretaris","by":"sek-01","at":"2026-03-02T09:05:00+07:00"}"#,
    ];
    for (i, text) in steps.iter().enumerate() {
        let e = event(&dir, &format!("e{i}.json"), text);
        let out = json(&sopan(&[
            "case", "apply", &case, "--event", &e, "--root", ROOT,
        ]));
        keep(&out, &stored);
    }

    // Signing before verification was refused; now the head of the agency signing twice is.
    let before = std::fs::read(&stored).expect("stored");
    let twice = event(
        &dir,
        "bad.json",
        r#"{"event":"done","step":"serahkan","by":"fo-01","at":"2026-03-03T09:00:00+07:00"}"#,
    );
    let refused = sopan(&["case", "apply", &case, "--event", &twice, "--root", ROOT]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty(), "a refused event prints no case");
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(why.contains("`serahkan` tidak sedang berjalan"), "{why}");
    assert!(why.contains("`ttd`"), "{why}");
    let english = sopan(&[
        "--lang", "en", "case", "apply", &case, "--event", &twice, "--root", ROOT,
    ]);
    assert!(String::from_utf8_lossy(&english.stderr).contains("is not active"));
    assert_eq!(std::fs::read(&stored).expect("stored"), before);

    // Signing: the licence is ready, the SMS to the applicant is due at once.
    let sign = event(
        &dir,
        "ttd.json",
        r#"{"event":"done","step":"ttd","by":"kadis","at":"2026-03-03T09:00:00+07:00"}"#,
    );
    let signed = json(&sopan(&[
        "case", "apply", &case, "--event", &sign, "--root", ROOT,
    ]));
    let actions = signed["actions"].as_array().expect("actions");
    assert!(
        actions.iter().any(|a| a["kind"] == "sms"
            && a["to"] == "pemohon"
            && a["due"] == "2026-03-03T09:00:00+07:00"),
        "{actions:?}"
    );
    keep(&signed, &stored);

    let status = json(&sopan(&[
        "case",
        "status",
        &case,
        "--at",
        "2026-03-03T10:00:00+07:00",
        "--root",
        ROOT,
    ]));
    assert_eq!(status["state"]["active"], serde_json::json!(["serahkan"]));
    assert_eq!(status["state"]["clocks"][0]["elapsed_minutes"], 420);
    assert_eq!(status["card"].as_array().map(Vec::len), Some(7));

    // Not collected: the letter after a month is the next thing `advance` has to do.
    let due = json(&sopan(&["case", "due", &case, "--root", ROOT]));
    let next = due["next_due"].as_str().expect("a timer").to_string();
    assert!(next.starts_with("2026-04-0"), "{next}");
    let advanced = json(&sopan(&[
        "case", "advance", &case, "--at", &next, "--root", ROOT,
    ]));
    let kinds: Vec<_> = advanced["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| a["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(kinds.contains(&"surat".to_string()), "{kinds:?}");
    assert!(advanced["case"]["advanced"].as_str().is_some());
}

#[test]
fn a_stored_case_is_refused_when_its_standard_changed_or_cannot_be_found() {
    let dir = scratch("changed");
    let opened = json(&sopan(&[
        "case",
        "open",
        STANDARD,
        "--procedure",
        "penerbitan",
        "--id",
        "REG-2",
        "--at",
        "2026-03-02T08:00:00+07:00",
    ]));
    let mut doc = opened["case"].clone();
    doc["hash"] = serde_json::json!("sha256:00");
    let stored = dir.join("changed.json");
    std::fs::write(&stored, doc.to_string()).expect("stored");
    let path = stored.display().to_string();
    let out = sopan(&["case", "due", &path, "--root", ROOT]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tidak dapat dilanjutkan"));

    // Outside any standards folder, the host must say where the standards are.
    keep(&opened, &stored);
    let out = sopan(&["case", "due", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--root"));

    let out = sopan(&[
        "case",
        "open",
        STANDARD,
        "--procedure",
        "tidak_ada",
        "--id",
        "X",
        "--at",
        "2026-03-02T08:00:00+07:00",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = sopan(&[
        "case",
        "open",
        STANDARD,
        "--procedure",
        "penerbitan",
        "--id",
        "X",
        "--at",
        "kemarin",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let not_event = event(&dir, "not.json", r#"{"event":"terbang"}"#);
    let out = sopan(&[
        "case", "apply", &path, "--event", &not_event, "--root", ROOT,
    ]);
    assert_eq!(out.status.code(), Some(2));
}
