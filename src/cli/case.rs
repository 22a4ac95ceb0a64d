//! `sopan case`: live cases for hosts in any language, one call at a time. JSON in, JSON out
//! (docs/case-commands.md): a case is opened on a standard, kept by the host as its stored
//! form (docs/case-schema.md), and handed back with each event or passing of time. A refused
//! event exits 1 with the reason and prints no case: the host's stored case stays as it was.

use super::{inputs, render, FAILED, OK, USAGE};
use clap::Subcommand;
use sopan::diag::Lang;
use sopan::{Case, Event, Procedure, Project};

/// What to do with a case.
#[derive(Subcommand)]
pub enum Job {
    /// Membuka perkara pada prosedur sebuah standar; mencetak perkara tersimpan dan tindakannya.
    Open {
        /// Berkas standar.
        file: String,
        /// Prosedurnya.
        #[arg(long)]
        procedure: String,
        /// Nomor perkara dari sistem tuan rumah.
        #[arg(long)]
        id: String,
        /// Saat dibuka (`2026-03-02T08:00:00+07:00`).
        #[arg(long)]
        at: String,
    },
    /// Menerapkan satu kejadian (JSON) pada perkara tersimpan; mencetak perkara baru dan tindakannya.
    Apply {
        /// Perkara tersimpan (JSON).
        case: String,
        /// Kejadiannya (JSON), misalnya `{"event":"done","step":"periksa","outcome":"lengkap","by":"fo-01","at":"…"}`.
        #[arg(long)]
        event: String,
    },
    /// Membiarkan waktu berlalu sampai suatu saat; mencetak perkara baru dan tindakan yang jatuh tempo.
    Advance {
        /// Perkara tersimpan (JSON).
        case: String,
        /// Sampai kapan.
        #[arg(long)]
        at: String,
    },
    /// Keadaan perkara pada suatu saat: posisi, jam, kartu kendali.
    Status {
        /// Perkara tersimpan (JSON).
        case: String,
        /// Pada saat (bawaan: kejadian terakhir).
        #[arg(long)]
        at: Option<String>,
    },
    /// Kapan perkara berikutnya perlu `advance` (pewaktu terdekat), atau `null`.
    Due {
        /// Perkara tersimpan (JSON).
        case: String,
    },
}

impl Job {
    /// The file the job starts from (whose project file may choose the language).
    pub fn file(&self) -> &str {
        match self {
            Job::Open { file, .. } => file,
            Job::Apply { case, .. }
            | Job::Advance { case, .. }
            | Job::Status { case, .. }
            | Job::Due { case } => case,
        }
    }
}

/// Runs one `case` job; returns the exit code.
pub fn run(job: Job, root: Option<&str>) -> u8 {
    let lang = super::words();
    match go(job, root, lang) {
        Ok(code) => code,
        Err((code, why)) => {
            eprintln!("sopan: {why}");
            code
        }
    }
}

type Failure = (u8, String);

fn go(job: Job, root: Option<&str>, lang: Lang) -> Result<u8, Failure> {
    match job {
        Job::Open {
            file,
            procedure,
            id,
            at,
        } => {
            let project = load(std::slice::from_ref(&file), root)?;
            let ctx = context(&project, &procedure, lang)?;
            let at = instant(&at, lang)?;
            let (case, actions) = Case::open(&ctx, &id, at).map_err(|e| refused(&e, &ctx, lang))?;
            print_case(&ctx, &case, &actions);
            Ok(OK)
        }
        Job::Apply { case, event } => {
            let stored = read(&case, lang)?;
            let event_text = read(&event, lang)?;
            let event: Event = serde_json::from_str(&event_text)
                .map_err(|e| (USAGE, format!("`{event}`: {}", not_event(&e, lang))))?;
            with_case(&stored, &case, root, lang, |ctx, mut c| {
                let actions = c.apply(ctx, event).map_err(|e| refused(&e, ctx, lang))?;
                print_case(ctx, &c, &actions);
                Ok(OK)
            })
        }
        Job::Advance { case, at } => {
            let stored = read(&case, lang)?;
            let at = instant(&at, lang)?;
            with_case(&stored, &case, root, lang, |ctx, mut c| {
                let actions = c.advance(ctx, at);
                print_case(ctx, &c, &actions);
                Ok(OK)
            })
        }
        Job::Status { case, at } => {
            let stored = read(&case, lang)?;
            let at = at.map(|a| instant(&a, lang)).transpose()?;
            with_case(&stored, &case, root, lang, |ctx, c| {
                let now = at.unwrap_or_else(|| c.last());
                let status = c.status(ctx, now).map_err(|e| refused(&e, ctx, lang))?;
                let doc = serde_json::json!({
                    "case": c.id(),
                    "now": now,
                    "state": status,
                    "card": c.card(ctx),
                    "next_due": c.next_due(),
                });
                println!("{}", render::json_in(&doc, ctx.standard_ref().zone));
                Ok(OK)
            })
        }
        Job::Due { case } => {
            let stored = read(&case, lang)?;
            with_case(&stored, &case, root, lang, |ctx, c| {
                let doc = serde_json::json!({ "case": c.id(), "next_due": c.next_due() });
                println!("{}", render::json_in(&doc, ctx.standard_ref().zone));
                Ok(OK)
            })
        }
    }
}

/// The new stored case and the actions now due, as one JSON object.
fn print_case(ctx: &Procedure<'_>, case: &Case, actions: &[sopan::Action]) {
    let stored: serde_json::Value = serde_json::from_str(&case.to_json(ctx)).unwrap_or_default();
    let rest = serde_json::json!({ "actions": actions, "next_due": case.next_due() });
    let mut rest: serde_json::Value =
        serde_json::from_str(&render::json_in(&rest, ctx.standard_ref().zone)).unwrap_or_default();
    // The stored case is kept as `to_json` wrote it (in UTC), so a host stores it byte for byte.
    if let Some(map) = rest.as_object_mut() {
        map.insert("case".to_string(), stored);
    }
    println!("{rest}");
}

fn load(paths: &[String], root: Option<&str>) -> Result<Project, Failure> {
    inputs::load_clean(paths, root).map_err(|code| {
        let why = super::words().pick(
            "standar tidak dapat dimuat (lihat di atas)",
            "the standard cannot be loaded (see above)",
        );
        (code, why.to_string())
    })
}

fn context<'p>(
    project: &'p Project,
    procedure: &str,
    lang: Lang,
) -> Result<Procedure<'p>, Failure> {
    project
        .standards()
        .first()
        .and_then(|s| s.context(procedure))
        .ok_or_else(|| {
            (
                USAGE,
                match lang {
                    Lang::Id => format!("standar tidak punya prosedur `{procedure}`"),
                    Lang::En => format!("the standard has no procedure `{procedure}`"),
                },
            )
        })
}

/// Loads the standard a stored case names (under the standards root of `--root`, the
/// project file, or the `standards` folder nearest the case file) and resumes the case.
fn with_case(
    stored: &str,
    path: &str,
    root: Option<&str>,
    lang: Lang,
    then: impl FnOnce(&Procedure<'_>, Case) -> Result<u8, Failure>,
) -> Result<u8, Failure> {
    let doc: serde_json::Value = serde_json::from_str(stored).map_err(|e| {
        (
            USAGE,
            match lang {
                Lang::Id => format!("`{path}` bukan perkara tersimpan (JSON): {e}"),
                Lang::En => format!("`{path}` is not a stored case (JSON): {e}"),
            },
        )
    })?;
    let field = |k: &str| {
        doc.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let (file, procedure) = (field("standard"), field("procedure"));
    let root = match root {
        Some(r) => r.to_string(),
        None => inputs::root_of(path, false, None).map_err(|e| (USAGE, e))?,
    };
    if root.is_empty() {
        return Err((
            USAGE,
            match lang {
                Lang::Id => format!(
                    "tidak diketahui folder standar untuk `{path}`: berikan `--root FOLDER`"
                ),
                Lang::En => format!("no standards root is known for `{path}`: give `--root DIR`"),
            },
        ));
    }
    let standard = sopan::source::loader::join(&root, &file);
    if file.is_empty() || !inputs::inside(&standard, &root) {
        return Err((
            USAGE,
            match lang {
                Lang::Id => format!("`{path}` menyebut standar `{file}`, yang tidak ada di folder standar `{root}` (berikan `--root FOLDER`)"),
                Lang::En => format!("`{path}` names the standard `{file}`, which is not in the standards root `{root}` (give `--root DIR`)"),
            },
        ));
    }
    let project = load(&[standard], Some(&root))?;
    let ctx = context(&project, &procedure, lang)?;
    let case = Case::resume(&ctx, stored).map_err(|e| {
        (
            FAILED,
            match lang {
                Lang::Id => format!("perkara tersimpan tidak dapat dilanjutkan: {e}"),
                Lang::En => format!("the stored case cannot be resumed: {e}"),
            },
        )
    })?;
    then(&ctx, case)
}

fn refused(e: &sopan::EventError, ctx: &Procedure<'_>, lang: Lang) -> Failure {
    (FAILED, e.message(lang, ctx.standard_ref().zone))
}

fn read(path: &str, lang: Lang) -> Result<String, Failure> {
    inputs::read_text(path, sopan::source::limits::MAX_CASE_BYTES, lang).map_err(|e| (USAGE, e))
}

fn instant(text: &str, lang: Lang) -> Result<jiff::Timestamp, Failure> {
    sopan::time::instant(text).ok_or_else(|| {
        (
            USAGE,
            match lang {
                Lang::Id => format!("`{text}` bukan saat seperti 2026-03-02T08:00:00+07:00"),
                Lang::En => format!("`{text}` is not an instant such as 2026-03-02T08:00:00+07:00"),
            },
        )
    })
}

fn not_event(e: &serde_json::Error, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "bukan kejadian (JSON): {}",
            sopan::interp::scenario::explain(&e.to_string(), lang)
        ),
        Lang::En => format!("not an event (JSON): {e}"),
    }
}
