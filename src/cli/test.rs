//! `sopan test`: check the standards, then run every scenario beside them; for people, as
//! JSON, or as a JUnit report for CI.

use super::{ci, inputs, render, LangArg, TestFormat, FAILED, OK, USAGE};
use serde::Serialize;
use sopan::diag::Lang;
use sopan::interp::scenario;
use sopan::project::Project;
use sopan::source::loader;
use std::path::Path;

/// One scenario and how it went: `None` passed, else why not.
#[derive(Serialize)]
pub struct Outcome {
    /// The scenario file.
    pub case: String,
    /// Whether it passed.
    pub passed: bool,
    /// What differed from its expectations, or why it could not run.
    pub problems: Vec<String>,
}

/// The whole run.
#[derive(Serialize)]
struct Report {
    /// The check's diagnostics, as `check --format json` gives them.
    check: serde_json::Value,
    /// Why no scenario ran, when none did.
    #[serde(skip_serializing_if = "Option::is_none")]
    not_run: Option<String>,
    scenarios: Vec<Outcome>,
    passed: usize,
    failed: usize,
    /// Whether the run as a whole passed (`--deny-warnings` counted).
    ok: bool,
}

/// `sopan test [PATH…]`.
pub fn run(
    paths: &[String],
    root: Option<&str>,
    deny_warnings: bool,
    format: TestFormat,
    lang: Option<LangArg>,
) -> u8 {
    let lang = inputs::lang(lang, paths);
    let words_now = super::words();
    let cases = cases(paths);
    // Scenario files and folders of scenarios stand for the standards they name; a scenario
    // whose standard cannot be run (unreadable, outside the standards root, a YAML mistake)
    // fails on its own and the others still run.
    let mut standards: Vec<String> = paths
        .iter()
        .filter(|p| !p.ends_with(".case.yaml"))
        .filter(|p| !only_cases(Path::new(p)))
        .cloned()
        .collect();
    let mut refused: Vec<(String, String)> = Vec::new();
    for case in &cases {
        match named_standard(case, root, words_now) {
            Ok(named) => {
                if !standards.contains(&named) && !paths.is_empty() {
                    standards.push(named);
                }
            }
            Err(why) => refused.push((case.clone(), why)),
        }
    }
    if standards.is_empty() && cases.is_empty() && !paths.is_empty() {
        eprintln!(
            "sopan: {}",
            words_now.pick(
                "tidak ada standar (.sop) maupun skenario (.case.yaml) di jalur yang diberikan",
                "no standard (.sop) and no scenario (.case.yaml) in the paths given"
            )
        );
        return USAGE;
    }
    // No paths: the default ones. Paths that name no standard that can run: none.
    let project = if standards.is_empty() && !paths.is_empty() {
        match Project::load(&sopan::source::loader::MemoryLoader::new(), &[]) {
            Ok(p) => p,
            Err(_) => return USAGE,
        }
    } else {
        match inputs::open(&standards, root) {
            Ok(p) => p,
            Err(m) => {
                eprintln!("sopan: {m}");
                return USAGE;
            }
        }
    };
    let words = render::summary_lang(&project, lang);
    let (errors, warnings) = render::counts(&project);
    let mut outcomes = Vec::new();
    let not_run = if errors > 0 {
        Some(match words {
            Lang::Id => {
                format!("skenario tidak dijalankan: pemeriksaan menemukan {errors} kesalahan")
            }
            Lang::En => format!("scenarios not run: the check found {errors} error(s)"),
        })
    } else if cases.is_empty() {
        // Green on nothing would tell CI that the standards' cases pass when none exist.
        Some(words.pick(
            "tidak ada skenario (.case.yaml) untuk dijalankan: tulis skenario di `kasus/` di samping standarnya",
            "no scenario (.case.yaml) to run: write scenarios in `kasus/` beside the standard",
        ).to_string())
    } else {
        for case in cases {
            let problems = match refused.iter().find(|(c, _)| *c == case) {
                Some((_, why)) => vec![why.clone()],
                None => match one(&project, &case) {
                    Ok(()) => Vec::new(),
                    Err(why) => why.lines().map(|l| l.trim().to_string()).collect(),
                },
            };
            outcomes.push(Outcome {
                passed: problems.is_empty(),
                case,
                problems,
            });
        }
        None
    };
    let passed = outcomes.iter().filter(|o| o.passed).count();
    let failed = outcomes.len() - passed;
    let ok = not_run.is_none() && failed == 0 && !(deny_warnings && warnings > 0);
    match format {
        TestFormat::Human => {
            if !project.diagnostics().is_empty() {
                eprint!("{}", render::human(&project, lang));
            }
            print!("{}", human(&outcomes, not_run.as_deref(), words));
            if deny_warnings && warnings > 0 {
                println!(
                    "{}",
                    match words {
                        Lang::Id => format!("{warnings} peringatan, dan --deny-warnings (di atas)"),
                        Lang::En => format!("{warnings} warning(s) and --deny-warnings (above)"),
                    }
                );
            }
        }
        TestFormat::Json => {
            let check = serde_json::from_str(&render::json(&project, lang)).unwrap_or_default();
            let report = Report {
                check,
                not_run,
                scenarios: outcomes,
                passed,
                failed,
                ok,
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
        }
        TestFormat::Junit => {
            print!(
                "{}",
                ci::junit(&project, &outcomes, not_run.as_deref(), deny_warnings, lang)
            );
        }
    }
    if ok {
        OK
    } else {
        FAILED
    }
}

fn human(outcomes: &[Outcome], not_run: Option<&str>, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(why) = not_run {
        out.push_str(why);
        out.push('\n');
        return out;
    }
    for o in outcomes {
        if o.passed {
            out.push_str(&format!("{:<6}{}\n", lang.pick("lolos", "ok"), o.case));
        } else {
            out.push_str(&format!("{:<6}{}\n", lang.pick("GAGAL", "FAIL"), o.case));
            for p in &o.problems {
                out.push_str(&format!("      {p}\n"));
            }
        }
    }
    let passed = outcomes.iter().filter(|o| o.passed).count();
    let failed = outcomes.len() - passed;
    out.push_str(&match lang {
        Lang::Id => format!("{passed} lolos, {failed} gagal\n"),
        Lang::En => format!("{passed} passed, {failed} failed\n"),
    });
    out
}

/// The standard a scenario file names, as a path, when it can be run: readable, a scenario,
/// naming a file that exists inside the standards root (a case file is never a way to read
/// a file elsewhere). Else why not.
fn named_standard(case: &str, root: Option<&str>, lang: Lang) -> Result<String, String> {
    let text = inputs::read_text(case, sopan::source::limits::MAX_CASE_BYTES, lang)?;
    let s = scenario::parse(&text, lang).map_err(|e| e.to_string())?;
    let named = loader::join(loader::parent(case), &s.standard);
    let case_root = inputs::root_of(case, false, root)?;
    if !Path::new(&named).is_file() {
        return Err(match lang {
            Lang::Id => format!("`standard:` menyebut `{named}`, yang tidak ada"),
            Lang::En => format!("`standard:` names `{named}`, which does not exist"),
        });
    }
    if !inputs::inside(&named, &case_root) {
        return Err(match lang {
            Lang::Id => format!("`standard:` menyebut `{named}`, di luar folder standar `{case_root}`; skenario hanya boleh menjalankan standar di dalamnya"),
            Lang::En => format!("`standard:` names `{named}`, outside the standards root `{case_root}`; a scenario may only run a standard inside it"),
        });
    }
    Ok(named)
}

/// A folder with scenarios and no standard of its own (`kasus/`).
fn only_cases(dir: &Path) -> bool {
    if !dir.is_dir() {
        return false;
    }
    let mut found = Vec::new();
    find_cases(dir, &mut found);
    !found.is_empty() && !has_standard(dir)
}

fn has_standard(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let p = e.path();
            if p.is_dir() {
                has_standard(&p)
            } else {
                p.extension().is_some_and(|x| x == "sop")
            }
        })
    })
}

/// Every scenario under the paths given (default `standards/`), sorted.
fn cases(paths: &[String]) -> Vec<String> {
    let mut cases = Vec::new();
    let defaults = inputs::default_paths();
    for p in if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    } {
        if p.ends_with(".case.yaml") {
            cases.push(p.replace('\\', "/"));
        } else if p.ends_with(".sop") {
            // The scenarios beside a standard (`kasus/`) that name it.
            let mut beside = Vec::new();
            let dir = loader::parent(&p.replace('\\', "/")).to_string();
            find_cases(
                Path::new(if dir.is_empty() { "." } else { &dir }),
                &mut beside,
            );
            let me = std::fs::canonicalize(p).ok();
            cases.extend(beside.into_iter().filter(|c| {
                let limit = sopan::source::limits::MAX_CASE_BYTES;
                let text = inputs::read_text(c, limit, Lang::Id).unwrap_or_default();
                scenario::parse(&text, Lang::Id).is_ok_and(|s| {
                    let named = loader::join(loader::parent(c), &s.standard);
                    me.is_some() && std::fs::canonicalize(named).ok() == me
                })
            }));
        } else {
            find_cases(Path::new(p), &mut cases);
        }
    }
    cases.sort();
    cases.dedup();
    cases
}

fn one(project: &Project, case: &str) -> Result<(), String> {
    let lang = super::words();
    let text = inputs::read_text(case, sopan::source::limits::MAX_CASE_BYTES, lang)
        .map_err(|e| format!("      {e}"))?;
    let s = scenario::parse(&text, lang).map_err(|e| format!("      {e}"))?;
    let written = loader::join(loader::parent(case), &s.standard);
    // Files are loaded by absolute path when the standards root lies above the working
    // folder: compare the same file however it is written.
    let same = |a: &str, b: &str| {
        a == b
            || std::fs::canonicalize(a)
                .ok()
                .is_some_and(|x| std::fs::canonicalize(b).ok() == Some(x))
    };
    let wanted = project
        .sources()
        .iter()
        .map(|(_, f)| f.path.clone())
        .find(|p| same(p, &written))
        .unwrap_or(written);
    let is_wanted = |st: &&sopan::project::Standard| {
        project
            .sources()
            .get(st.root())
            .is_some_and(|f| f.path == wanted)
    };
    // A case may run on a file that others include (the agency's own procedures): that file
    // is then loaded as a standard of its own.
    let alone;
    let standard = match project.standards().iter().find(is_wanted) {
        Some(st) => st,
        None if project.sources().find(&wanted).is_some() => {
            alone = load_quiet(&wanted)?;
            alone.standards().first().ok_or_else(|| match lang {
                Lang::Id => format!("      `{wanted}` bukan standar"),
                Lang::En => format!("      `{wanted}` is not a standard"),
            })?
        }
        None => {
            return Err(match lang {
                Lang::Id => {
                    format!("      standar `{wanted}` tidak ada di antara berkas yang diperiksa")
                }
                Lang::En => format!("      no standard `{wanted}` among the checked files"),
            })
        }
    };
    let report = scenario::run(standard, &s, &stem(case))
        .map_err(|e| format!("      {}", e.message(lang, standard.zone())))?;
    let Some(expect) = &s.expect else {
        return Ok(());
    };
    let actual = serde_json::to_value(&report).map_err(|e| e.to_string())?;
    let diffs = scenario::differences(expect, &actual, lang);
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(diffs
            .iter()
            .map(|d| format!("      {d}"))
            .collect::<Vec<_>>()
            .join("\n"))
    }
}

/// One file as a standard on its own, its problems already reported by the run's check.
fn load_quiet(path: &str) -> Result<Project, String> {
    inputs::open(&[path.to_string()], None).map_err(|e| format!("      {e}"))
}

fn find_cases(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            find_cases(&path, out);
        } else if path.to_string_lossy().ends_with(".case.yaml") {
            out.push(path.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// A scenario's name: its file name without `.case.yaml`.
pub fn stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".case.yaml").unwrap_or(name).to_string()
}
