//! Navigation beyond one word: qualified references as one name (two procedures each with a
//! step `periksa`, and an obligation triggered after `a.periksa`: hover, references and
//! rename take the step the cursor is on — by its procedure's block, or by the procedure
//! written before the dot), a role's staffing in its hover, and an include's path leading to
//! the included file.

mod common;

use common::Client;
use serde_json::{json, Value};

const TEXT: &str = "sertakan \"kantor.sop\"
peran petugas \"Petugas\" internal
peran pemohon \"Pemohon\" eksternal
layanan l \"Layanan\" {
  instansi kantor
  versi \"1\"
  jumlah_pelaksana { petugas 2 }
  jaminan {
    kewajiban kabar \"Kabar\" {
      pemicu setelah a.periksa
      kirim sms ke pemohon
      oleh petugas
    }
  }
  prosedur a \"Prosedur A\" {
    langkah periksa \"Periksa A\" {
      oleh petugas
      waktu 1 hari kerja
      lanjut selesai
    }
    selesai selesai \"Selesai\"
  }
  prosedur b \"Prosedur B\" {
    langkah periksa \"Periksa B\" {
      oleh petugas
      waktu 2 hari kerja
      lanjut selesai
    }
    selesai selesai \"Selesai\"
  }
}
";

/// The LSP position of the `n`-th (from 0) occurrence of `needle` in `TEXT`, `shift`
/// characters in.
fn at(needle: &str, n: usize, shift: usize) -> Value {
    let offset = TEXT
        .match_indices(needle)
        .nth(n)
        .map(|(i, _)| i)
        .expect("found")
        + shift;
    let line = TEXT[..offset].matches('\n').count();
    let column = offset - TEXT[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": column})
}

/// The lines of the places in a list of locations or edits.
fn lines(list: &Value) -> Vec<u64> {
    let mut out: Vec<u64> = list
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap_or(u64::MAX))
        .collect();
    out.sort();
    out
}

#[test]
fn a_step_is_one_name_with_its_procedure() {
    let dir = std::env::temp_dir().join(format!("sopan-lsp-q-{}", std::process::id()));
    let standards = dir.join("standards");
    std::fs::create_dir_all(&standards).expect("scratch");
    std::fs::copy(
        "../../standards/nasional.kalender.yaml",
        standards.join("nasional.kalender.yaml"),
    )
    .expect("calendar");
    std::fs::write(
        standards.join("kantor.sop"),
        "instansi kantor \"Kantor\" { kalender nasional }\n",
    )
    .expect("write");
    let file = standards.join("q.sop");
    std::fs::write(&file, TEXT).expect("write");
    let uri = format!("file://{}", file.display());
    let mut c = Client::start();
    c.request("initialize", json!({"capabilities": {}}));
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "sop", "version": 1, "text": TEXT}}),
    );
    let errors: Vec<Value> = c
        .diagnostics(&uri)
        .into_iter()
        .filter(|d| d["severity"] == json!(1))
        .collect();
    assert_eq!(errors, Vec::<Value>::new(), "the file checks clean");

    let doc = json!({"uri": uri});
    // Hover: in b's block, b's step; after `a.`, a's.
    let hover = |c: &mut Client, position: Value| {
        c.request(
            "textDocument/hover",
            json!({"textDocument": doc, "position": position}),
        )["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert!(hover(&mut c, at("langkah periksa", 1, 9)).contains("Periksa B"));
    assert!(hover(&mut c, at("a.periksa", 0, 3)).contains("Periksa A"));
    assert!(hover(&mut c, at("a.periksa", 0, 0)).contains("Prosedur A"));
    let role = hover(&mut c, at("peran petugas", 0, 7));
    assert!(role.contains("Jumlah pelaksana: 2 orang"), "{role}");

    // Definition on an include's path: the included file.
    let def = c.request(
        "textDocument/definition",
        json!({"textDocument": doc, "position": at("kantor.sop", 0, 2)}),
    );
    let kantor = format!("file://{}", standards.join("kantor.sop").display());
    assert_eq!(def["result"]["uri"], json!(kantor));

    // References of a's step: its declaration and the qualified trigger, not b's step.
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": doc, "position": at("langkah periksa", 0, 9), "context": {"includeDeclaration": true}}),
    );
    assert_eq!(lines(&refs["result"]), vec![9, 15]);

    // Rename b's step: only b's declaration changes.
    let edit = c.request(
        "textDocument/rename",
        json!({"textDocument": doc, "position": at("langkah periksa", 1, 9), "newName": "teliti"}),
    );
    let changes = &edit["result"]["changes"][&uri];
    assert_eq!(lines(changes), vec![23]);
    c.request("shutdown", json!(null));
    c.notify("exit", json!(null));
    let _ = c.child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}
