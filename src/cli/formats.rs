//! The output formats commands offer.

use clap::ValueEnum;

/// Output of `test`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TestFormat {
    /// Baris untuk dibaca orang.
    Human,
    /// Satu dokumen JSON.
    Json,
    /// JUnit XML, yang ditampilkan kebanyakan sistem CI sebagai laporan uji.
    Junit,
}

/// Output of the other commands.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Teks untuk dibaca orang.
    Human,
    /// JSON.
    Json,
}

/// Output of `export`.
#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
}

/// Output of `graph`.
#[derive(Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    /// `flowchart` Mermaid (tampil di GitHub, GitLab dan banyak wiki).
    Mermaid,
    /// Graphviz DOT (`dot -Tsvg`).
    Dot,
    /// SVG digambar sopan sendiri: lajur per pelaksana, simbol SOP AP, Mutu Baku di samping.
    Svg,
}

/// Output of `doc`.
#[derive(Clone, Copy, ValueEnum)]
pub enum DocFormat {
    /// Markdown.
    Md,
    /// HTML: satu berkas mandiri (CSS dan SVG di dalamnya), siap cetak A4.
    Html,
    /// Word (`.docx`).
    Docx,
}

/// Output of `audit`.
#[derive(Clone, Copy, ValueEnum)]
pub enum AuditFormat {
    /// Ringkasan untuk dibaca orang.
    Human,
    /// Laporan lengkap sebagai JSON.
    Json,
    /// Satu halaman HTML dengan grafik SVG.
    Html,
}
