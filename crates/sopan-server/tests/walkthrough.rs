//! The README's curl walkthrough, run as written against a real server (SQLite, manual
//! clock): each `$ curl …` command's output must be what the README shows.

mod common;

use common::{scratch, shipped, sqlite_server};

/// The console blocks between the walkthrough markers: (command, expected output) pairs.
fn walkthrough() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(format!("{}/../../README.md", env!("CARGO_MANIFEST_DIR")))
        .expect("README.md");
    let start = readme
        .find("<!-- walkthrough")
        .expect("the walkthrough's start marker");
    let end = readme
        .find("<!-- /walkthrough -->")
        .expect("the walkthrough's end marker");
    let mut steps: Vec<(String, String)> = Vec::new();
    let mut in_block = false;
    let mut continued = false;
    for line in readme[start..end].lines() {
        match line {
            "```console" => in_block = true,
            "```" => in_block = false,
            _ if !in_block => {}
            _ if continued => {
                if let Some((command, _)) = steps.last_mut() {
                    command.push('\n');
                    command.push_str(line);
                }
                continued = line.ends_with('\\');
            }
            _ => match line.strip_prefix("$ ") {
                Some(command) => {
                    steps.push((command.to_string(), String::new()));
                    continued = command.ends_with('\\');
                }
                None => {
                    if let Some((_, output)) = steps.last_mut() {
                        output.push_str(line);
                        output.push('\n');
                    }
                }
            },
        }
    }
    steps
}

#[test]
fn the_readme_walkthrough_runs_as_written() {
    let steps = walkthrough();
    assert!(steps.len() >= 10, "{} commands found", steps.len());
    let dir = scratch("walkthrough");
    let server = sqlite_server(&dir, &shipped());
    for (command, expected) in steps {
        assert!(command.starts_with("curl "), "curl only: {command}");
        let run = command.replace("localhost:8080", &server.addr);
        let out = std::process::Command::new("bash")
            .args(["-c", &run])
            .output()
            .expect("bash and curl run");
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8_lossy(&out.stdout);
        assert_eq!(got.trim_end(), expected.trim_end(), "\n$ {command}");
    }
}
