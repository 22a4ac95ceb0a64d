//! Reloading a changed standard: running cases keep the content they were opened on; after a
//! restart, a case whose standard changed is refused with the reason until a migration is
//! declared; a standard with errors is never loaded.

mod common;

use common::{call, copy_standards, done, opening, scratch, sqlite_server};
use sopan_server::load::Client;

#[test]
fn a_reload_keeps_each_case_on_its_content_until_a_migration_is_declared() {
    let dir = scratch("reload");
    let root = copy_standards(&dir);
    let licence = root.join("pekanbaru/izin_praktik_dokter.sop");
    let mut server = sqlite_server(&dir, &root);
    let mut c = Client::new(&server.addr);
    let (s, _) = call(
        &mut c,
        "POST",
        "/cases",
        &[],
        &opening("OLD", "2026-03-02T08:00:00+07:00"),
    );
    assert_eq!(s, 201);
    let (_, stored) = call(&mut c, "GET", "/cases/OLD", &[], "");
    let old_hash = stored["stored"]["hash"].as_str().expect("hash").to_string();

    // A broken edit is refused and changes nothing.
    let text = std::fs::read_to_string(&licence).expect("shipped");
    std::fs::write(
        &licence,
        text.replace("langkah 1 informasi", "langkah 1 informasi {"),
    )
    .expect("edit");
    let (s, v) = call(&mut c, "POST", "/admin/reload", &[], "");
    assert_eq!(
        (s, v["error"].as_str()),
        (422, Some("standards-have-errors")),
        "{v}"
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap_or_default()
            .contains("izin_praktik_dokter.sop:"),
        "{v}"
    );

    // The check takes 25 minutes now.
    std::fs::write(&licence, text.replace("waktu 20 menit", "waktu 25 menit")).expect("edit");
    let (s, v) = call(&mut c, "POST", "/admin/reload", &[], "");
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        v["changed"],
        serde_json::json!(["pekanbaru/izin_praktik_dokter.sop"])
    );
    assert_eq!(v["generations"], 2);
    let (s, v) = call(
        &mut c,
        "POST",
        "/cases",
        &[],
        &opening("NEW", "2026-03-02T08:00:00+07:00"),
    );
    assert_eq!(s, 201, "{v}");
    let (_, new) = call(&mut c, "GET", "/cases/NEW", &[], "");
    assert_ne!(new["stored"]["hash"].as_str(), Some(old_hash.as_str()));

    let first = done("informasi", None, "2026-03-02T08:05:00+07:00");
    let check = done("periksa", Some("lengkap"), "2026-03-02T09:00:00+07:00");
    let (s, v) = call(&mut c, "POST", "/cases/OLD/events", &[], &first);
    assert_eq!(s, 200, "the running case goes on on its content: {v}");
    let (_, card) = call(&mut c, "GET", "/cases/OLD/card", &[], "");
    assert_eq!(card["card"][0]["standard_minutes"], 5);

    // After a restart only the current content is loaded: the old case is refused, clearly.
    server.restart().expect("restarts");
    let mut c = Client::new(&server.addr);
    let (s, v) = call(&mut c, "POST", "/cases/OLD/events", &[], &check);
    assert_eq!(
        (s, v["error"].as_str()),
        (409, Some("standard-changed")),
        "{v}"
    );
    let message = v["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(&old_hash) && message.contains("migrasi.yaml"),
        "{message}"
    );

    // Declared deliberate: its history replays on the new content, which it carries on.
    std::fs::write(
        root.join("migrasi.yaml"),
        format!("- standard: pekanbaru/izin_praktik_dokter.sop\n  dari: {old_hash}\n"),
    )
    .expect("migration");
    let (s, v) = call(&mut c, "POST", "/admin/reload", &[], "");
    assert_eq!(s, 200, "{v}");
    let (s, v) = call(&mut c, "POST", "/cases/OLD/events", &[], &check);
    assert_eq!(s, 200, "{v}");
    let (_, moved) = call(&mut c, "GET", "/cases/OLD", &[], "");
    assert_eq!(moved["stored"]["hash"], new["stored"]["hash"]);
    let (_, card) = call(&mut c, "GET", "/cases/OLD/card", &[], "");
    assert_eq!(card["card"][1]["standard_minutes"], 25, "{card}");
    assert_eq!(card["card"][1]["late"], true, "55 of 25 minutes");
}
