//! The project file (`sopan.yaml`) and the standards root: every command works from any
//! subfolder or on a single file, in a copy of the standards under any name; the default
//! calendar and language come from the project file (or `SOPAN_LANG`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sopan_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sopan"));
    cmd.current_dir(dir).args(args).env_remove("SOPAN_LANG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("sopan runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for entry in std::fs::read_dir(from).expect("readable").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// A copy of the shipped standards under a name that is not `standards`.
fn renamed_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-root-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let copy = dir.join("Standar Pelayanan");
    copy_dir(Path::new("standards"), &copy);
    copy
}

#[test]
fn a_subfolder_of_the_shipped_standards_checks_with_the_root_above_it() {
    let here = Path::new(".");
    let out = sopan_in(here, &["check", "standards/pekanbaru"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = sopan_in(here, &["test", "standards/pekanbaru/kasus"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("8 lolos, 0 gagal"),
        "{}",
        text(&out.stdout)
    );
    let out = sopan_in(
        here,
        &["test", "standards/pekanbaru/kasus/tepat_waktu.case.yaml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("1 lolos, 0 gagal"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_renamed_copy_works_from_inside_any_of_its_folders() {
    let copy = renamed_copy("inside");
    let pekanbaru = copy.join("pekanbaru");
    for (dir, args) in [
        (&copy, &["check"][..]),
        (&pekanbaru, &["check", "izin_praktik_dokter.sop"][..]),
        (&pekanbaru, &["check"][..]),
        (&pekanbaru, &["test", "kasus"][..]),
        (&copy, &["test"][..]),
        (
            &pekanbaru,
            &["calendar", "--calendar", "pekanbaru", "show", "2026"][..],
        ),
        (
            &pekanbaru,
            &[
                "run",
                "izin_praktik_dokter.sop",
                "--case",
                "kasus/tepat_waktu.case.yaml",
            ][..],
        ),
    ] {
        let out = sopan_in(dir, args, &[]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?} in {dir:?}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
    // Without the project file, the copy's name is not `standards`: a single file's root is
    // its own folder, and the include message says where it looked and how to set the root.
    std::fs::remove_file(copy.join("sopan.yaml")).expect("remove");
    let out = sopan_in(&pekanbaru, &["check", "izin_praktik_dokter.sop"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("kalender `nasional` tidak didefinisikan"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(copy.parent().unwrap_or(&copy));
}

#[test]
fn the_project_file_names_the_default_calendar_and_language() {
    let dir = std::env::temp_dir().join(format!("sopan-root-{}-defaults", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("layanan")).expect("dir");
    std::fs::copy(
        "standards/nasional.kalender.yaml",
        dir.join("nasional.kalender.yaml"),
    )
    .expect("calendar");
    std::fs::write(
        dir.join("layanan/a.sop"),
        "peran petugas \"Petugas\" internal\n\
         prosedur p \"P\" {\n  langkah a \"A\" { oleh petugas  waktu 1 hari kerja  lanjut ok }\n  selesai ok \"Selesai\"\n}\n",
    )
    .expect("standard");
    // No calendar anywhere: an error.
    std::fs::write(dir.join("sopan.yaml"), "bahasa: id\n").expect("project");
    let out = sopan_in(&dir, &["check", "layanan/a.sop"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("sop::no-calendar"),
        "{}",
        text(&out.stderr)
    );
    // The project's calendar serves; its language is English.
    std::fs::write(dir.join("sopan.yaml"), "kalender: nasional\nbahasa: en\n").expect("project");
    let out = sopan_in(&dir, &["check", "layanan/a.sop"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("files checked"),
        "{}",
        text(&out.stderr)
    );
    // SOPAN_LANG wins over the project file.
    let out = sopan_in(&dir, &["check", "layanan/a.sop"], &[("SOPAN_LANG", "id")]);
    assert!(
        text(&out.stderr).contains("berkas diperiksa"),
        "{}",
        text(&out.stderr)
    );
    // A name that is not a calendar is reported; a bad project file is a usage error.
    std::fs::write(dir.join("sopan.yaml"), "kalender: nasionl\n").expect("project");
    let out = sopan_in(&dir, &["check", "layanan/a.sop"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("maksud Anda `nasional`?"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(dir.join("sopan.yaml"), "kalendar: nasional\n").expect("project");
    let out = sopan_in(&dir, &["check", "layanan/a.sop"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("kunci yang dikenal: folder, kalender, bahasa"),
        "{}",
        text(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
