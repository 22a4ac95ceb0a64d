//! A scripted conversation with the server over stdio, as an editor holds it: initialize,
//! open a clean standard, type a mistake, take the quick fix, hover, go to definition,
//! format, shut down — each answer asserted exactly.

use serde_json::{json, Value};

mod common;

use common::Client;

const CLEAN: &str = "instansi kantor \"Kantor\" { kalender nasional }\nperan petugas \"Petugas loket\" internal\nprosedur p \"Prosedur\" {\n  langkah periksa \"Periksa berkas\" {\n    oleh petugas\n    waktu 1 hari kerja\n    lanjut selesai\n  }\n  anggaran total \"Waktu penyelesaian\" 5 hari kerja\n  selesai selesai \"Selesai\"\n}\n";

#[test]
fn an_editing_session() {
    let dir = std::env::temp_dir().join(format!("sopan-lsp-{}", std::process::id()));
    let standards = dir.join("standards");
    std::fs::create_dir_all(&standards).expect("scratch");
    std::fs::copy(
        "../../standards/nasional.kalender.yaml",
        standards.join("nasional.kalender.yaml"),
    )
    .expect("calendar");
    let file = standards.join("a.sop");
    std::fs::write(&file, CLEAN).expect("write");
    let uri = format!("file://{}", file.display());

    let mut c = Client::start();
    let init = c.request("initialize", json!({"capabilities": {}}));
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["textDocumentSync"], json!(1));
    assert_eq!(caps["documentFormattingProvider"], json!(true));
    assert_eq!(caps["codeActionProvider"], json!(true));
    c.notify("initialized", json!({}));

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "sop", "version": 1, "text": CLEAN}}),
    );
    assert_eq!(c.diagnostics(&uri), Vec::<Value>::new(), "a clean file");

    // A mistake as you type: the role misspelt.
    let typo = CLEAN.replace("oleh petugas", "oleh petugs");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typo}]}),
    );
    let diags = c.diagnostics(&uri);
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["code"], "sop::undefined-name");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "sopan");
    assert_eq!(
        d["range"],
        json!({"start": {"line": 4, "character": 9}, "end": {"line": 4, "character": 15}})
    );
    assert!(d["message"].as_str().is_some_and(|m| m.contains("petugs")));

    // The quick fix `check` computes.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let action = &actions["result"][0];
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["title"], "Ganti dengan `petugas`");
    assert_eq!(
        action["edit"]["changes"][&uri],
        json!([{"range": {"start": {"line": 4, "character": 9}, "end": {"line": 4, "character": 15}}, "newText": "petugas"}])
    );

    // The fix applied: clean again.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": CLEAN}]}),
    );
    assert_eq!(c.diagnostics(&uri), Vec::<Value>::new());

    // Hover on the role where a step names it, and its definition.
    let at = json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 11}});
    let hover = c.request("textDocument/hover", at.clone());
    assert_eq!(
        hover["result"]["contents"],
        json!({"kind": "markdown", "value": "**Petugas loket** — peran internal"})
    );
    let step = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 12}}),
    );
    assert_eq!(
        step["result"]["contents"]["value"],
        "**Periksa berkas** — langkah, 1 hari kerja (450 menit kerja)\n\n20 % dari Waktu penyelesaian (5 hari kerja)"
    );
    // The calendar an agency names: its zone and the dates it covers; its file is where it
    // is defined.
    let calendar_at =
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 40}});
    let cal = c.request("textDocument/hover", calendar_at.clone());
    assert_eq!(
        cal["result"]["contents"]["value"],
        "**Hari kerja pemerintah Republik Indonesia** — kalender kerja `nasional`, zona WIB, berlaku 2024-01-01 sampai 2027-12-31"
    );
    let cal_def = c.request("textDocument/definition", calendar_at);
    assert!(cal_def["result"]["uri"]
        .as_str()
        .is_some_and(|u| u.ends_with("/nasional.kalender.yaml")));
    let definition = c.request("textDocument/definition", at);
    assert_eq!(
        definition["result"],
        json!({"uri": uri, "range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 13}}})
    );

    // References of the role: where it is declared and where a step names it.
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 11}, "context": {"includeDeclaration": true}}),
    );
    assert_eq!(
        refs["result"],
        json!([
            {"uri": uri, "range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 13}}},
            {"uri": uri, "range": {"start": {"line": 4, "character": 9}, "end": {"line": 4, "character": 16}}}
        ])
    );

    // Completion: the keywords of the file's language and its names.
    let items = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 4}}),
    );
    let labels: Vec<&str> = items["result"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(labels.contains(&"langkah") && labels.contains(&"anggaran"));
    assert!(
        !labels.contains(&"step"),
        "Indonesian keywords for an Indonesian file"
    );
    assert!(labels.contains(&"petugas") && labels.contains(&"periksa"));

    // The outline.
    let outline = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let names: Vec<(String, Vec<String>)> = outline["result"]
        .as_array()
        .expect("symbols")
        .iter()
        .map(|s| {
            let children = s["children"]
                .as_array()
                .map(|c| {
                    c.iter()
                        .filter_map(|c| c["name"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            (s["name"].as_str().unwrap_or_default().to_string(), children)
        })
        .collect();
    assert_eq!(
        names,
        [
            ("petugas".to_string(), vec![]),
            (
                "p".to_string(),
                vec![
                    "periksa".to_string(),
                    "total".to_string(),
                    "selesai".to_string()
                ]
            )
        ]
    );

    // Rename the role everywhere; a name already taken is refused.
    let renamed = c.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 8}, "newName": "pegawai"}),
    );
    let edits = renamed["result"]["changes"][&uri]
        .as_array()
        .expect("edits")
        .clone();
    assert_eq!(edits.len(), 2);
    assert!(edits.iter().all(|e| e["newText"] == "pegawai"));
    let taken = c.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 8}, "newName": "periksa"}),
    );
    assert!(taken["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("sudah dipakai")));

    // A calendar file: its mistakes as you type too.
    let calendar = standards.join("nasional.kalender.yaml");
    let calendar_uri = format!("file://{}", calendar.display());
    let yaml = std::fs::read_to_string(&calendar).expect("calendar");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": calendar_uri, "languageId": "yaml", "version": 1, "text": yaml.replacen("zona: WIB", "zona: WIX", 1)}}),
    );
    let calendar_diags = c.diagnostics(&calendar_uri);
    assert!(!calendar_diags.is_empty(), "a wrong zone is reported");
    assert_eq!(
        calendar_diags[0]["range"]["start"]["line"],
        json!(yaml
            .lines()
            .position(|l| l.starts_with("zona:"))
            .expect("zona"))
    );
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": calendar_uri}}),
    );
    assert_eq!(
        c.diagnostics(&calendar_uri),
        Vec::<Value>::new(),
        "closed: cleared"
    );

    // Formatting: a messy line laid out; a file in the layout needs no edit.
    let messy = CLEAN
        .replace("    oleh petugas", "oleh petugas")
        .replace("  selesai selesai", "\t\t selesai selesai");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": messy}]}),
    );
    c.diagnostics(&uri);
    let edits = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(edits["result"][0]["newText"], CLEAN);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": CLEAN}]}),
    );
    c.diagnostics(&uri);
    let none = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(none["result"], json!([]));

    let shutdown = c.request("shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().expect("exits");
    assert!(status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
