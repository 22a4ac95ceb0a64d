//! Reports for CI systems: SARIF 2.1.0 (code scanning), GitHub Actions workflow commands, and
//! JUnit XML for `test`.

use super::render::lang_of;
use super::test::Outcome;
use super::LangArg;
use serde_json::{json, Value};
use sopan::diag::{Diagnostic, Severity};
use sopan::project::Project;
use sopan::source::SourceFile;

/// A 1-based line and column (in characters).
type LineCol = (usize, usize);

/// Where a diagnostic is: (file, start, end).
fn place<'p>(
    project: &'p Project,
    diag: &Diagnostic,
) -> Option<(&'p SourceFile, LineCol, LineCol)> {
    let loc = diag.loc?;
    let file = project.sources().get(loc.file)?;
    Some((
        file,
        file.line_col(loc.span.start as usize),
        file.line_col(loc.span.end as usize),
    ))
}

/// A relative path as a URI reference: `/` separators, anything but unreserved characters
/// percent-encoded (a folder named `Standar Pelayanan` must not break the URI).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn region(start: LineCol, end: LineCol) -> Value {
    json!({
        "startLine": start.0,
        "startColumn": start.1,
        "endLine": end.0,
        "endColumn": end.1,
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

/// One SARIF result; `suppressed` carries the reason of the suppression comment.
fn result(
    project: &Project,
    diag: &Diagnostic,
    rules: &[&'static str],
    lang: Option<LangArg>,
    suppressed: Option<&str>,
) -> Value {
    let lang = lang_of(project, diag, lang);
    let mut text = diag.message(lang);
    if let Some(help) = diag.help(lang) {
        text.push('\n');
        text.push_str(&help);
    }
    let mut r = json!({
        "ruleId": diag.code(),
        "ruleIndex": rules.iter().position(|c| *c == diag.code()).unwrap_or(0),
        "level": level(diag.severity()),
        "message": { "text": text },
    });
    if let Some((file, start, end)) = place(project, diag) {
        let artifact = json!({ "uri": uri(&file.path) });
        r["locations"] = json!([{
            "physicalLocation": {
                "artifactLocation": artifact.clone(),
                "region": region(start, end),
            }
        }]);
        if let Some(fix) = &diag.fix {
            let from = file.line_col(fix.span.start as usize);
            let to = file.line_col(fix.span.end as usize);
            // Bytes of the file as stored (BOM and CRs counted), beside lines and columns.
            let (a, b) = (
                file.stored_offset(fix.span.start as usize),
                file.stored_offset(fix.span.end as usize),
            );
            let mut deleted = region(from, to);
            deleted["byteOffset"] = json!(a);
            deleted["byteLength"] = json!(b - a);
            r["fixes"] = json!([{
                "description": { "text": diag.help(lang).unwrap_or_default() },
                "artifactChanges": [{
                    "artifactLocation": artifact,
                    "replacements": [{
                        "deletedRegion": deleted,
                        "insertedContent": { "text": fix.text },
                    }],
                }],
            }]);
        }
    }
    if let Some(reason) = suppressed {
        r["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
    }
    r
}

/// `check --format sarif`: one run of the tool, a rule per code seen, a result per problem
/// (suppressed ones included, marked with their reason).
pub fn sarif(project: &Project, lang: Option<LangArg>) -> String {
    let all = project.diagnostics().iter().map(|d| (d, None)).chain(
        project
            .suppressed()
            .iter()
            .map(|s| (&s.diagnostic, Some(s.reason.as_str()))),
    );
    let mut rules: Vec<&'static str> = all.clone().map(|(d, _)| d.code()).collect();
    rules.sort_unstable();
    rules.dedup();
    let results: Vec<Value> = all
        .map(|(d, why)| result(project, d, &rules, lang, why))
        .collect();
    // Each code is explained in grammar/README.md §11 of the repository the standards use.
    let rule_objects: Vec<Value> = rules.iter().map(|code| json!({ "id": code })).collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "sopan",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_objects,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// GitHub's escaping of a workflow command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// … and of a property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `check --format github`: one workflow command per problem, so GitHub shows each on its line
/// of the pull request.
pub fn github(project: &Project, lang: Option<LangArg>) -> String {
    let mut out = String::new();
    for diag in project.diagnostics() {
        let command = match diag.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "notice",
        };
        let l = lang_of(project, diag, lang);
        let mut message = diag.message(l);
        if let Some(help) = diag.help(l) {
            message.push('\n');
            message.push_str(&help);
        }
        let mut props = vec![format!("title={}", escape_property(diag.code()))];
        if let Some((file, start, end)) = place(project, diag) {
            props.insert(0, format!("file={}", escape_property(&file.path)));
            props.push(format!("line={}", start.0));
            props.push(format!("col={}", start.1));
            props.push(format!("endLine={}", end.0));
            if start.0 == end.0 {
                props.push(format!("endColumn={}", end.1));
            }
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    out
}

/// XML text and attribute escaping.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// `test --format junit`: a suite for the check (a case per file, failing with its errors, and
/// with its warnings under `--deny-warnings`) and a suite for the scenarios (a case each).
pub fn junit(
    project: &Project,
    outcomes: &[Outcome],
    not_run: Option<&str>,
    deny_warnings: bool,
    lang: Option<LangArg>,
) -> String {
    let mut checks = String::new();
    let mut check_failures = 0;
    let mut files = 0;
    for (id, file) in project.sources().iter() {
        files += 1;
        let failing: Vec<&Diagnostic> = project
            .diagnostics()
            .iter()
            .filter(|d| d.loc.is_some_and(|l| l.file == id))
            .filter(|d| {
                d.severity() == Severity::Error
                    || (deny_warnings && d.severity() == Severity::Warning)
            })
            .collect();
        checks.push_str(&format!(
            "    <testcase classname=\"check\" name=\"{}\">\n",
            xml(&file.path)
        ));
        if let Some(first) = failing.first() {
            check_failures += 1;
            let body: Vec<String> = failing
                .iter()
                .map(|d| {
                    let l = lang_of(project, d, lang);
                    let (line, col) = d
                        .loc
                        .map_or((0, 0), |loc| file.line_col(loc.span.start as usize));
                    format!("{}:{line}:{col}: {} {}", file.path, d.code(), d.message(l))
                })
                .collect();
            checks.push_str(&format!(
                "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                xml(first.code()),
                xml(&first.message(lang_of(project, first, lang))),
                xml(&body.join("\n"))
            ));
        }
        checks.push_str("    </testcase>\n");
    }
    let mut scenarios = String::new();
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    for o in outcomes {
        scenarios.push_str(&format!(
            "    <testcase classname=\"scenario\" name=\"{}\">\n",
            xml(&o.case)
        ));
        if !o.passed {
            let first = o.problems.first().map_or("", String::as_str);
            scenarios.push_str(&format!(
                "      <failure type=\"scenario\" message=\"{}\">{}</failure>\n",
                xml(first),
                xml(&o.problems.join("\n"))
            ));
        }
        scenarios.push_str("    </testcase>\n");
    }
    if let Some(why) = not_run {
        scenarios.push_str(&format!(
            "    <testcase classname=\"scenario\" name=\"scenarios\">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
            xml(why)
        ));
    }
    let scenario_count = outcomes.len() + usize::from(not_run.is_some());
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <testsuites name=\"sopan\" tests=\"{}\" failures=\"{}\">\n\
         \x20 <testsuite name=\"check\" tests=\"{files}\" failures=\"{check_failures}\">\n{checks}  </testsuite>\n\
         \x20 <testsuite name=\"scenarios\" tests=\"{scenario_count}\" failures=\"{failed}\" skipped=\"{}\">\n{scenarios}  </testsuite>\n\
         </testsuites>\n",
        files + scenario_count,
        check_failures + failed,
        usize::from(not_run.is_some()),
    )
}
