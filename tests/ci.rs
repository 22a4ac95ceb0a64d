//! Reports for CI: `check --format sarif` validated against the published SARIF 2.1.0 schema,
//! `check --format github` workflow commands, `test --format junit` and `test --format json`.

#[path = "common/schema.rs"]
mod schema;

mod common;

use serde_json::Value;
use std::process::{Command, Output};

fn sopan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sopan"))
        .args(args)
        .output()
        .expect("sopan runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn sarif_schema() -> Value {
    let text = std::fs::read_to_string("tests/data/sarif-schema-2.1.0.json").expect("schema");
    serde_json::from_str(&text).expect("schema is JSON")
}

const MISTAKE: &str = "tests/ui/mistakes/pekanbaru_oleh_tanpa_koma.sop";

#[test]
fn sarif_validates_against_the_schema_with_locations_fixes_and_suppressions() {
    let schema = sarif_schema();
    // A mistake with a fix; the shipped standards (warnings suppressed with reasons); a
    // clean file.
    for args in [
        &["check", "--root", "tests/ui", MISTAKE, "--format", "sarif"][..],
        &["check", "standards", "--format", "sarif"][..],
        &[
            "check",
            "--root",
            "tests/ui",
            "tests/ui/mistakes/ok_dasar.sop",
            "--format",
            "sarif",
        ][..],
    ] {
        let out = sopan(args);
        let doc: Value = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");
        let errors = schema::validate(&schema, &doc);
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        assert_eq!(doc["version"], "2.1.0");
        assert_eq!(doc["runs"][0]["tool"]["driver"]["name"], "sopan");
    }
    let doc: Value = serde_json::from_str(&stdout(&sopan(&[
        "check", "--root", "tests/ui", MISTAKE, "--format", "sarif",
    ])))
    .expect("json");
    let result = &doc["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "sop::syntax");
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 168);
    let replacement = &result["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], ",");
    let shipped: Value = serde_json::from_str(&stdout(&sopan(&[
        "check",
        "standards",
        "--format",
        "sarif",
    ])))
    .expect("json");
    let suppressed = shipped["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r["suppressions"][0]["kind"] == "inSource")
        .count();
    assert!(
        suppressed > 0,
        "the shipped standards' allowed warnings are listed as suppressed"
    );
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let schema = sarif_schema();
    let bad: Value = serde_json::json!({
        "version": "2.0.0",
        "runs": [{ "tool": { "driver": {} }, "results": [{ "level": "fatal" }] }]
    });
    let errors = schema::validate(&schema, &bad);
    for wanted in [
        "version",
        "driver: missing required `name`",
        "level",
        "message",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(wanted)),
            "no error about {wanted}: {errors:#?}"
        );
    }
}

#[test]
fn github_format_annotates_each_problem_on_its_line() {
    let out = sopan(&["check", "--root", "tests/ui", MISTAKE, "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(
        lines[0].starts_with(&format!(
            "::error file={MISTAKE},title=sop%3A%3Asyntax,line=168,col=20,endLine=168,endColumn=32::"
        )),
        "{}",
        lines[0]
    );
    // The help is on the message's second line, encoded as GitHub requires.
    assert!(
        lines[0].contains("%0Apisahkan nama-nama dengan koma"),
        "{}",
        lines[0]
    );
    let clean = sopan(&["check", "standards", "--format", "github"]);
    assert_eq!(clean.status.code(), Some(0));
    assert!(stdout(&clean).lines().all(|l| l.starts_with("::notice ")));
}

#[test]
fn junit_reports_the_check_and_every_scenario() {
    let out = sopan(&["test", "standards", "--format", "junit"]);
    assert_eq!(out.status.code(), Some(0));
    let xml = stdout(&out);
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sopan\"")
    );
    let cases = xml.matches("<testcase ").count();
    assert!(
        xml.contains(&format!("tests=\"{cases}\" failures=\"0\"")),
        "{xml}"
    );
    let scenarios = common::files_under("standards", ".case.yaml").len();
    assert!(scenarios >= 27, "{scenarios}");
    assert_eq!(xml.matches("classname=\"scenario\"").count(), scenarios);
    assert_eq!(xml.matches("<failure").count(), 0);

    let failing = sopan(&["test", MISTAKE, "--format", "junit"]);
    assert_eq!(failing.status.code(), Some(1));
    let xml = stdout(&failing);
    assert!(xml.contains("<failure type=\"sop::syntax\""), "{xml}");
    assert!(
        xml.contains("<skipped message=\"skenario tidak dijalankan"),
        "{xml}"
    );
    // Text from the file is escaped: the message quotes `}` and backticks, the body `<`/`&`
    // never appear raw inside an attribute.
    let attr_ok = xml.lines().filter(|l| l.contains("message=\"")).all(|l| {
        !l.split("message=\"")
            .nth(1)
            .unwrap_or("")
            .split('"')
            .next()
            .unwrap_or("")
            .contains('<')
    });
    assert!(attr_ok, "{xml}");
}

#[test]
fn test_json_says_what_ran_and_why_not() {
    let out = sopan(&["test", "standards", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("json");
    let scenarios = common::files_under("standards", ".case.yaml").len();
    assert_eq!(doc["passed"], scenarios);
    assert_eq!(doc["failed"], 0);
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["check"]["errors"], 0);
    assert!(doc["scenarios"][0]["case"]
        .as_str()
        .is_some_and(|c| c.ends_with(".case.yaml")));

    let out = sopan(&["test", MISTAKE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["check"]["errors"], 1);
    assert!(doc["not_run"]
        .as_str()
        .is_some_and(|s| s.starts_with("skenario tidak dijalankan")));
}

/// The sample workflow's `sopan` commands run as written on the shipped standards.
#[test]
fn the_sample_workflow_commands_pass_on_the_shipped_standards() {
    let text = std::fs::read_to_string("examples/ci/github-workflow.yml").expect("workflow");
    let commands: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("run: sopan "))
        .collect();
    assert_eq!(commands.len(), 3, "{commands:?}");
    for command in commands {
        // `> file || true` is the shell's business; the arguments are sopan's.
        let args: Vec<&str> = command
            .split('>')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        let out = sopan(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "sopan {command}: {}",
            stdout(&out)
        );
    }
}
