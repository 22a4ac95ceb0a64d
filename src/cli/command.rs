//! The commands and their arguments, with their help in Indonesian (English in
//! `clap_words`).

use super::{calendar, case, complaints};
use super::{AuditFormat, CheckFormat, DocFormat, ExportFormat, Format, GraphFormat, TestFormat};
use clap::Subcommand;

/// The commands.
#[derive(Subcommand)]
pub enum Command {
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
