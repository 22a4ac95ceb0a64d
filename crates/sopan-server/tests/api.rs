//! The HTTP API on a real server process and a real SQLite file: precise refusals, the
//! idempotency key, optimistic versions, the outbox, lists per procedure, reloads.

mod common;

use common::{call, done, opening, scratch, shipped, sqlite_server};
use sopan_server::load::Client;

const STEPS: [(&str, Option<&str>, &str); 6] = [
    ("informasi", None, "2026-03-02T08:05:00+07:00"),
    ("periksa", Some("lengkap"), "2026-03-02T08:25:00+07:00"),
    ("cek_simple", None, "2026-03-02T08:35:00+07:00"),
    ("verifikasi_muda", None, "2026-03-02T08:45:00+07:00"),
    ("verifikasi_madya", None, "2026-03-02T08:55:00+07:00"),
    ("verifikasi_sekretaris", None, "2026-03-02T09:05:00+07:00"),
];

#[test]
fn every_bad_request_gets_a_precise_status_and_reason() {
    let dir = scratch("api");
    let server = sqlite_server(&dir, &shipped());
    let mut c = Client::new(&server.addr);
    let (s, v) = call(
        &mut c,
        "POST",
        "/cases",
        &[],
        &opening("A-1", "2026-03-02T08:00:00+07:00"),
    );
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["version"], 1);
    let (s, v) = call(
        &mut c,
        "POST",
        "/cases",
        &[],
        &opening("A-1", "2026-03-02T08:00:00+07:00"),
    );
    assert_eq!((s, v["error"].as_str()), (409, Some("case-exists")), "{v}");

    let (s, v) = call(&mut c, "POST", "/cases", &[], "{not json");
    assert_eq!((s, v["error"].as_str()), (400, Some("bad-request")), "{v}");
    let unknown = opening("A-2", "2026-03-02T08:00:00+07:00").replace("izin_praktik", "izin_lain");
    let (s, v) = call(&mut c, "POST", "/cases", &[], &unknown);
    assert_eq!(
        (s, v["error"].as_str()),
        (404, Some("unknown-standard")),
        "{v}"
    );
    let no_proc = opening("A-2", "2026-03-02T08:00:00+07:00").replace("penerbitan", "terbit");
    let (s, v) = call(&mut c, "POST", "/cases", &[], &no_proc);
    assert_eq!(
        (s, v["error"].as_str()),
        (404, Some("unknown-procedure")),
        "{v}"
    );

    let path = "/cases/A-1/events";
    let first = done("informasi", None, "2026-03-02T08:05:00+07:00");
    let (s, v) = call(&mut c, "POST", "/cases/NONE/events", &[], &first);
    assert_eq!((s, v["error"].as_str()), (404, Some("unknown-case")), "{v}");
    let (s, v) = call(
        &mut c,
        "POST",
        path,
        &[],
        r#"{"event":"terbang","at":"2026-03-02T08:05:00+07:00"}"#,
    );
    assert_eq!((s, v["error"].as_str()), (400, Some("bad-request")), "{v}");
    assert!(
        v["message"]
            .as_str()
            .unwrap_or_default()
            .contains("terbang"),
        "{v}"
    );

    // Applied once under its key; the same key again gives the first answer, nothing twice.
    let (s, applied) = call(&mut c, "POST", path, &[("Idempotency-Key", "k1")], &first);
    assert_eq!(
        (s, applied["version"].as_i64()),
        (200, Some(2)),
        "{applied}"
    );
    let (s, again) = call(&mut c, "POST", path, &[("Idempotency-Key", "k1")], &first);
    assert_eq!((s, &again), (200, &applied));
    let (_, log) = call(&mut c, "GET", "/cases/A-1/log", &[], "");
    assert_eq!(log["log"].as_array().map(Vec::len), Some(2), "{log}");

    // A refused event leaves the stored case byte for byte.
    let (_, before) = call(&mut c, "GET", "/cases/A-1", &[], "");
    let sign = done("ttd", None, "2026-03-02T08:10:00+07:00");
    let (s, v) = call(&mut c, "POST", path, &[], &sign);
    assert_eq!(
        (s, v["error"].as_str()),
        (422, Some("event-refused")),
        "{v}"
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap_or_default()
            .contains("tidak sedang berjalan"),
        "{v}"
    );
    let (s, v) = call(&mut c, "POST", &format!("{path}?lang=en"), &[], &sign);
    assert!(
        s == 422
            && v["message"]
                .as_str()
                .unwrap_or_default()
                .contains("is not active"),
        "{v}"
    );
    let (_, v) = call(
        &mut c,
        "POST",
        path,
        &[("Accept-Language", "en-GB,id;q=0.5")],
        &sign,
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap_or_default()
            .contains("is not active"),
        "{v}"
    );
    let (_, after) = call(&mut c, "GET", "/cases/A-1", &[], "");
    assert_eq!(before, after);

    // Optimistic versions: a host that read version 1 is told the case moved on.
    let next = done("periksa", Some("lengkap"), "2026-03-02T08:25:00+07:00");
    let (s, v) = call(&mut c, "POST", path, &[("If-Match", "1")], &next);
    assert_eq!(
        (s, v["error"].as_str()),
        (412, Some("stale-version")),
        "{v}"
    );
    let (s, v) = call(&mut c, "POST", path, &[("If-Match", "satu")], &next);
    assert_eq!((s, v["error"].as_str()), (400, Some("bad-if-match")), "{v}");
    let (s, v) = call(&mut c, "POST", path, &[("If-Match", "\"2\"")], &next);
    assert_eq!((s, v["version"].as_i64()), (200, Some(3)), "{v}");

    let (s, v) = call(&mut c, "GET", "/cases/A-1/status?at=kemarin", &[], "");
    assert_eq!((s, v["error"].as_str()), (400, Some("bad-instant")), "{v}");
    let (s, v) = call(
        &mut c,
        "GET",
        "/cases/A-1/status?at=2026-03-02T09:00:00%2B07:00",
        &[],
        "",
    );
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["state"]["active"], serde_json::json!(["cek_simple"]));
    assert_eq!(v["now"], "2026-03-02T09:00:00+07:00");
    let (s, v) = call(&mut c, "GET", "/cases/A-1/card", &[], "");
    assert_eq!(
        (s, v["card"].as_array().map(Vec::len)),
        (200, Some(2)),
        "{v}"
    );
    let (s, v) = call(&mut c, "GET", "/nowhere", &[], "");
    assert_eq!(
        (s, v["error"].as_str()),
        (404, Some("no-such-route")),
        "{v}"
    );
    let (s, v) = call(&mut c, "POST", "/admin/advance", &[], r#"{"when":"x"}"#);
    assert_eq!((s, v["error"].as_str()), (400, Some("bad-request")), "{v}");

    let (s, v) = call(&mut c, "GET", "/health", &[], "");
    assert_eq!(
        (s, v["store"].as_str(), v["cases"].as_i64()),
        (200, Some("sqlite"), Some(1)),
        "{v}"
    );
    let metrics = c.send("GET", "/metrics", &[], "").expect("metrics").body;
    assert!(metrics.contains("sopan_cases 1\n"), "{metrics}");
    assert!(
        metrics.contains("sopan_cases_opened_total 1\n"),
        "{metrics}"
    );
}

#[test]
fn timers_fire_into_the_outbox_once_and_lists_follow_the_clocks() {
    let dir = scratch("timers");
    let server = sqlite_server(&dir, &shipped());
    let mut c = Client::new(&server.addr);
    for id in ["T-1", "T-2"] {
        let (s, _) = call(
            &mut c,
            "POST",
            "/cases",
            &[],
            &opening(id, "2026-03-02T08:00:00+07:00"),
        );
        assert_eq!(s, 201);
    }
    for (step, outcome, at) in STEPS {
        for id in ["T-1", "T-2"] {
            let (s, v) = call(
                &mut c,
                "POST",
                &format!("/cases/{id}/events"),
                &[],
                &done(step, outcome, at),
            );
            assert_eq!(s, 200, "{v}");
        }
    }
    // T-1 is signed on time: the SMS is due at once and goes to the outbox with the answer.
    let (_, v) = call(
        &mut c,
        "POST",
        "/cases/T-1/events",
        &[],
        &done("ttd", None, "2026-03-03T09:00:00+07:00"),
    );
    assert_eq!(v["actions"][0]["kind"], "sms", "{v}");
    let (_, out) = call(&mut c, "GET", "/outbox?case=T-1", &[], "");
    assert_eq!(out["actions"].as_array().map(Vec::len), Some(1), "{out}");
    assert_eq!(out["actions"][0]["action"]["kind"], "sms");

    let list = |c: &mut Client, which: &str, at: &str| {
        let (s, v) = call(
            c,
            "GET",
            &format!("/procedures/cases?standard=pekanbaru/izin_praktik_dokter.sop&procedure=penerbitan&list={which}&at={at}"),
            &[],
            "",
        );
        assert_eq!(s, 200, "{v}");
        v["cases"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|x| x["case"].as_str().unwrap_or_default().to_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    // T-2 is not signed: at risk past 80 % of its budget, overdue past Wednesday 15:00.
    assert!(list(&mut c, "at_risk", "2026-03-03T08:00:00%2B07:00").is_empty());
    assert_eq!(
        list(&mut c, "at_risk", "2026-03-04T11:00:00%2B07:00"),
        ["T-2"]
    );
    assert_eq!(
        list(&mut c, "overdue", "2026-03-04T16:00:00%2B07:00"),
        ["T-2"]
    );
    assert_eq!(list(&mut c, "due", "2026-03-04T16:00:00%2B07:00"), ["T-2"]);
    let (s, v) = call(
        &mut c,
        "GET",
        "/procedures/cases?standard=x&procedure=y",
        &[],
        "",
    );
    assert_eq!(
        (s, v["error"].as_str()),
        (404, Some("unknown-procedure")),
        "{v}"
    );

    // A month passes: T-1's letter, T-2's warning and escalation — once, however often asked.
    for _ in 0..2 {
        let (s, v) = call(
            &mut c,
            "POST",
            "/admin/advance",
            &[],
            r#"{"at":"2026-04-10T08:00:00+07:00"}"#,
        );
        assert_eq!(s, 200, "{v}");
    }
    let (_, taken) = call(&mut c, "POST", "/outbox/take?limit=100", &[], "");
    let kinds: Vec<(String, String)> = taken["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| {
            (
                a["case"].as_str().unwrap_or_default().into(),
                a["action"]["kind"].as_str().unwrap_or_default().into(),
            )
        })
        .collect();
    let pair = |c: &str, k: &str| (c.to_string(), k.to_string());
    assert_eq!(
        kinds,
        [
            pair("T-1", "sms"),
            pair("T-2", "pesan"),
            pair("T-2", "eskalasi"),
            pair("T-1", "surat")
        ],
        "{taken}"
    );
    let (_, again) = call(&mut c, "POST", "/outbox/take", &[], "");
    assert_eq!(again["actions"], serde_json::json!([]), "taken once");
    assert!(list(&mut c, "due", "2026-04-10T08:00:00%2B07:00").is_empty());
}
