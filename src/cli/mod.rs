//! Command-line parsing and dispatch. The only place with files, streams and exit codes.

mod audit;
mod budget;
mod calendar;
mod calendar_file;
mod case;
mod check;
mod ci;
mod clap_words;
mod complaints;
mod doc;
mod export;
mod fmt;
mod formats;
mod graph;
mod inputs;
mod names;
mod project_file;
mod render;
mod route;
mod run;
mod serve;
mod skm;
mod test;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

pub use formats::{AuditFormat, DocFormat, ExportFormat, Format, GraphFormat, TestFormat};

/// Exit code: no errors.
pub const OK: u8 = 0;
/// Exit code: the standards have errors (or warnings under `--deny-warnings`).
pub const FAILED: u8 = 1;
/// Exit code: bad usage or a file that cannot be read.
pub const USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "sopan",
    version,
    about = "Memeriksa dan menjalankan standar pelayanan publik (berkas .sop)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Bahasa semua pesan: id (bawaan) atau en. Juga `SOPAN_LANG`, atau `bahasa` di berkas
    /// proyek `sopan.yaml`.
    #[arg(long, value_enum, global = true)]
    lang: Option<LangArg>,
}

/// Language of diagnostics.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

/// Output of `check`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    /// Laporan untuk dibaca orang.
    Human,
    /// Satu dokumen JSON, untuk CI dan penyunting.
    Json,
    /// SARIF 2.1.0, untuk dasbor pemindaian kode (GitHub, GitLab, Azure DevOps).
    Sarif,
    /// Perintah alur kerja GitHub Actions: setiap masalah tampil pada barisnya.
    Github,
}

#[derive(Subcommand)]
enum Command {
    /// Perkara hidup untuk sistem lain: buka, terapkan kejadian, majukan waktu, status (JSON).
    Case {
        /// Pekerjaannya.
        #[command(subcommand)]
        job: case::Job,
        /// Folder standar (bawaan: dari `sopan.yaml`, atau folder `standards` terdekat).
        #[arg(long, global = true)]
        root: Option<String>,
    },
    /// Layanan HTTP untuk perkara hidup (menjalankan `sopan-serve`, docs/server.md).
    #[command(disable_help_flag = true)]
    Serve {
        /// Argumen untuk `sopan-serve` (`--db`, `--addr`, `--root`, `--clock`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Membaca dan memeriksa standar: berkas atau folder (beserta isinya).
    Check {
        /// Berkas atau folder (bawaan: folder standar proyek, atau `standards/`).
        paths: Vec<String>,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "human")]
        format: CheckFormat,
        /// Gagal (kode keluar 1) juga karena peringatan.
        #[arg(long)]
        deny_warnings: bool,
        /// Folder standar: batas `sertakan` dan tempat kalender dicari (bawaan: dari
        /// `sopan.yaml`, atau folder `standards` terdekat).
        #[arg(long)]
        root: Option<String>,
    },
    /// Server bahasa (LSP) untuk editor, lewat stdin/stdout (menjalankan `sopan-lsp`).
    Lsp,
    /// Merapikan tata letak berkas .sop (hanya spasi yang berubah; lihat grammar/README.md).
    Fmt {
        /// Berkas atau folder (bawaan: folder standar proyek, atau `standards/`).
        paths: Vec<String>,
        /// Tidak menulis apa pun: sebutkan berkas yang akan berubah, kode keluar 1 bila ada.
        #[arg(long)]
        check: bool,
    },
    /// Hitungan hari kerja pada kalender: tenggat, waktu kerja, pergeseran massal.
    Calendar {
        /// Pekerjaannya.
        #[command(subcommand)]
        job: calendar::Job,
        /// Nama kalender (`NAMA.kalender.yaml` di bawah folder standar).
        #[arg(long, global = true, default_value = "nasional")]
        calendar: String,
        /// Tempat kalender dicari (bawaan: folder standar dari `sopan.yaml`, atau
        /// `standards`).
        #[arg(long, global = true)]
        root: Option<String>,
        /// Cetak JSON, bukan teks.
        #[arg(long, global = true)]
        json: bool,
    },
    /// Per prosedur: jalur tercepat dan terpanjang dibandingkan setiap anggaran waktu.
    Budget {
        /// Berkas standar.
        file: String,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Folder standar (batas `sertakan`).
        #[arg(long)]
        root: Option<String>,
    },
    /// Memutar ulang kejadian sebuah perkara: kartu kendali, status, jangka waktu, tindakan.
    Run {
        /// Berkas standar.
        file: String,
        /// Berkas perkara (YAML).
        #[arg(long)]
        case: String,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Folder standar (bawaan: dari `sopan.yaml`, atau folder `standards` terdekat).
        #[arg(long)]
        root: Option<String>,
    },
    /// Memeriksa standar, lalu menjalankan setiap skenario (`*.case.yaml`) di dekatnya.
    Test {
        /// Berkas atau folder; juga berkas skenario atau folder skenario.
        paths: Vec<String>,
        /// Gagal juga karena peringatan (yang diizinkan tidak dihitung).
        #[arg(long)]
        deny_warnings: bool,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "human")]
        format: TestFormat,
        /// Folder standar (bawaan: dari `sopan.yaml`, atau folder `standards` terdekat).
        #[arg(long)]
        root: Option<String>,
    },
    /// Evaluasi kinerja dari kasus nyata: log peristiwa banyak kasus (CSV atau JSON Lines)
    /// diputar ulang pada standar.
    Audit {
        /// Berkas standar.
        file: String,
        /// Log peristiwa: CSV berkepala `case,event,step,outcome,by,at` (atau `kasus,peristiwa,
        /// langkah,hasil,oleh,waktu`), atau JSON Lines.
        #[arg(long)]
        log: String,
        /// Prosedur bagi baris yang tidak menyebutnya (bawaan: prosedur pertama layanan).
        #[arg(long)]
        procedure: Option<String>,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "human")]
        format: AuditFormat,
    },
    /// Indeks kepuasan masyarakat (SKM) sebuah survei, dan aturan tindak lanjut standar.
    Skm {
        /// Berkas standar.
        file: String,
        /// CSV, satu baris per responden, U1…U9 bernilai 1–4 (kosong: tidak dijawab).
        #[arg(long)]
        responses: String,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Ke mana pengaduan pergi: penangan, pihak terlibat, eskalasi, jawaban, tenggat, buku.
    Route {
        /// Berkas standar.
        file: String,
        /// Saluran masuknya.
        #[arg(long)]
        channel: String,
        /// Tingkat bobotnya (tidak ditulis bila kebijakannya tanpa tingkat).
        #[arg(long)]
        severity: Option<String>,
        /// Fakta, `nama=nilai` (misalnya `ada_telepon=ya`, `identitas="…"`).
        #[arg(long = "fact")]
        facts: Vec<String>,
        /// Saat diterima (untuk tenggat dan tanggal di buku).
        #[arg(long)]
        at: Option<String>,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Buku pengaduan dan laporan bulanan dari catatan pengaduan (CSV).
    Complaints {
        /// Berkas standar.
        file: String,
        /// Catatan: `diterima,saluran,bobot,identitas,jenis,ada_telepon,dijawab`.
        #[arg(long)]
        log: String,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "human")]
        format: complaints::BookFormat,
    },
    /// Menggambar bagan alir prosedur (simbol SOP AP, satu lajur per peran).
    Graph {
        /// Berkas standar.
        file: String,
        /// Hanya prosedur ini (bawaan: semua prosedur standar).
        #[arg(long)]
        procedure: Option<String>,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "mermaid")]
        format: GraphFormat,
        /// Tulis satu berkas per prosedur ke folder ini (`PROSEDUR.svg`, `.dot`, `.mmd`).
        #[arg(long)]
        out: Option<String>,
        /// Folder standar (batas `sertakan`).
        #[arg(long)]
        root: Option<String>,
    },
    /// Menulis dokumen resmi standar sebagai Markdown: 14 komponen, lalu setiap prosedur
    /// sebagai tabel SOP dengan bagan alirnya.
    Doc {
        /// Berkas standar.
        file: String,
        /// Bentuk keluaran: Markdown, HTML (satu berkas, siap cetak A4) atau Word.
        #[arg(long, value_enum, default_value = "md")]
        format: DocFormat,
        /// Tulis ke berkas ini (bawaan: keluaran standar).
        #[arg(long)]
        out: Option<String>,
        /// Folder standar (batas `sertakan`).
        #[arg(long)]
        root: Option<String>,
    },
    /// Mencetak model standar yang sudah dikompilasi sebagai data.
    Export {
        /// Berkas standar.
        file: String,
        /// Bentuk keluaran.
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Folder standar (batas `sertakan`).
        #[arg(long)]
        root: Option<String>,
    },
}

/// The language of the words the commands add (not the diagnostics, which may follow each
/// file): `--lang`, `SOPAN_LANG`, the project file's `bahasa`, else Indonesian.
static WORDS: std::sync::OnceLock<sopan::diag::Lang> = std::sync::OnceLock::new();

/// The language of the commands' own words.
pub fn words() -> sopan::diag::Lang {
    WORDS.get().copied().unwrap_or_default()
}

/// Output cut short by a closed pipe (`sopan check --format json | head`) ends the program
/// quietly, as `cat` and `grep` do: Rust ignores SIGPIPE and then panics on the write.
#[cfg(unix)]
fn quiet_on_closed_pipe() {
    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    // SAFETY: restores the default action of one signal before any thread starts; the C
    // function takes an int and a handler pointer (SIG_DFL is 0) on every Unix this builds on.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

#[cfg(not(unix))]
fn quiet_on_closed_pipe() {}

/// Runs the command line and returns the exit code.
pub fn run() -> ExitCode {
    quiet_on_closed_pipe();
    let early = clap_words::asked().unwrap_or_default();
    let command = match early {
        sopan::diag::Lang::En => clap_words::english(Cli::command()),
        sopan::diag::Lang::Id => Cli::command(),
    };
    let parsed = command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let text = clap_words::translate(&e.render().to_string(), early);
            if e.use_stderr() {
                eprint!("{text}");
                return ExitCode::from(USAGE);
            }
            print!("{text}");
            return ExitCode::from(OK);
        }
    };
    let lang = cli.lang;
    let first = match &cli.command {
        Command::Check { paths, .. } | Command::Test { paths, .. } | Command::Fmt { paths, .. } => {
            paths.first().cloned()
        }
        Command::Export { file, .. }
        | Command::Doc { file, .. }
        | Command::Graph { file, .. }
        | Command::Run { file, .. }
        | Command::Complaints { file, .. }
        | Command::Route { file, .. }
        | Command::Skm { file, .. }
        | Command::Audit { file, .. }
        | Command::Budget { file, .. } => Some(file.clone()),
        Command::Calendar { root, .. } => root.clone(),
        Command::Case { job, .. } => Some(job.file().to_string()),
        Command::Serve { .. } | Command::Lsp => None,
    };
    let _ = WORDS.set(
        match inputs::lang(lang, &first.into_iter().collect::<Vec<_>>()) {
            Some(LangArg::En) => sopan::diag::Lang::En,
            _ => sopan::diag::Lang::Id,
        },
    );
    let code = match cli.command {
        Command::Check {
            paths,
            format,
            deny_warnings,
            root,
        } => check::run(&paths, format, lang, deny_warnings, root.as_deref()),
        Command::Fmt { paths, check } => fmt::run(&paths, check),
        Command::Lsp => serve::lsp(),
        Command::Export { file, format, root } => export::run(&file, format, lang, root.as_deref()),
        Command::Audit {
            file,
            log,
            procedure,
            format,
        } => audit::run(&file, &log, procedure.as_deref(), format, lang),
        Command::Doc {
            file,
            format,
            out,
            root,
        } => doc::run(&file, format, out.as_deref(), lang, root.as_deref()),
        Command::Graph {
            file,
            procedure,
            format,
            out,
            root,
        } => graph::run(
            &file,
            procedure.as_deref(),
            format,
            out.as_deref(),
            lang,
            root.as_deref(),
        ),
        Command::Run {
            file,
            case,
            format,
            root,
        } => run::run(&file, &case, format, root.as_deref(), lang),
        Command::Test {
            paths,
            deny_warnings,
            format,
            root,
        } => test::run(&paths, root.as_deref(), deny_warnings, format, lang),
        Command::Complaints { file, log, format } => complaints::run(&file, &log, format),
        Command::Route {
            file,
            channel,
            severity,
            facts,
            at,
            format,
        } => route::run(
            &file,
            &channel,
            severity.as_deref().unwrap_or_default(),
            &facts,
            at.as_deref(),
            format,
        ),
        Command::Skm {
            file,
            responses,
            format,
        } => skm::run(&file, &responses, format),
        Command::Budget { file, format, root } => budget::run(&file, format, root.as_deref()),
        Command::Case { job, root } => case::run(job, root.as_deref()),
        Command::Serve { args } => serve::run(&args),
        Command::Calendar {
            job,
            calendar,
            root,
            json,
        } => {
            let root = root.unwrap_or_else(|| inputs::default_paths().remove(0));
            calendar::run(job, &calendar, &root, json)
        }
    };
    ExitCode::from(code)
}
