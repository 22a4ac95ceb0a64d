//! The words of every diagnostic, keyed by kind, in Indonesian and English.
//!
//! Style: lowercase, no trailing period, user input in backticks, no Rust names.

mod help;
mod hints;
mod message;

pub use help::help;
pub use message::message;

use super::{Hint, Kind, Lang, NameKind, Phrase, ValueKind};

/// The 14 components of PermenPAN-RB 15/2014 with the keyword that writes each.
pub const COMPONENTS: [(&str, &str, &str); 14] = [
    ("persyaratan", "requirements", "persyaratan"),
    (
        "sistem, mekanisme dan prosedur",
        "system, mechanism and procedure",
        "prosedur",
    ),
    ("jangka waktu penyelesaian", "time to complete", "anggaran"),
    ("biaya/tarif", "fee", "biaya"),
    ("produk pelayanan", "product", "produk"),
    (
        "penanganan pengaduan, saran dan masukan",
        "complaints, suggestions and feedback",
        "pengaduan",
    ),
    ("dasar hukum", "legal basis", "dasar_hukum"),
    (
        "sarana, prasarana dan/atau fasilitas",
        "facilities",
        "sarana",
    ),
    ("kompetensi pelaksana", "competencies", "kompetensi"),
    ("pengawasan internal", "internal supervision", "pengawasan"),
    ("jumlah pelaksana", "staffing", "jumlah_pelaksana"),
    ("jaminan pelayanan", "service guarantees", "jaminan"),
    (
        "jaminan keamanan dan keselamatan pelayanan",
        "security and safety",
        "keamanan",
    ),
    (
        "evaluasi kinerja pelaksana",
        "performance evaluation",
        "evaluasi",
    ),
];

fn kind_word(kind: NameKind, lang: Lang) -> &'static str {
    let (id, en) = match kind {
        NameKind::Role => ("peran", "role"),
        NameKind::Group => ("kelompok", "group"),
        NameKind::RoleOrGroup => ("peran atau kelompok", "role or group"),
        NameKind::Step => ("langkah", "step"),
        NameKind::StepOrEnd => ("langkah atau akhir", "step or end"),
        NameKind::End => ("akhir", "end"),
        NameKind::Procedure => ("prosedur", "procedure"),
        NameKind::Agency => ("instansi", "agency"),
        NameKind::Complaints => ("kebijakan pengaduan", "complaint policy"),
        NameKind::Channel => ("saluran", "channel"),
        NameKind::Fact => ("fakta", "fact"),
        NameKind::Tier => ("tingkat", "tier"),
        NameKind::Deadline => ("tenggat", "deadline"),
        NameKind::Budget => ("anggaran", "budget"),
        NameKind::Obligation => ("kewajiban", "obligation"),
        NameKind::Service => ("layanan", "service"),
        NameKind::Field => ("kolom", "field"),
        NameKind::Outcome => ("hasil keputusan", "outcome"),
        NameKind::Calendar => ("kalender", "calendar"),
    };
    lang.pick(id, en)
}

/// A phrase in words.
pub fn phrase(p: Phrase, lang: Lang) -> String {
    let (id, en) = match p {
        Phrase::Keyword(id, en) => return format!("`{}`", lang.pick(id, en)),
        Phrase::Name => ("nama", "a name"),
        Phrase::Text => ("teks dalam tanda kutip", "a quoted text"),
        Phrase::Number => ("bilangan bulat", "a whole number"),
        Phrase::Date => ("tanggal `TTTT-BB-HH`", "a date `YYYY-MM-DD`"),
        Phrase::Duration => (
            "durasi seperti `20 menit`",
            "a duration such as `20 minutes`",
        ),
        Phrase::Unit => ("satuan waktu", "a unit of time"),
        Phrase::Arrow => ("`->`", "`->`"),
        Phrase::Open => ("`{`", "`{`"),
        Phrase::Close => ("`}`", "`}`"),
        Phrase::Equals => ("`=`", "`=`"),
        Phrase::EndOfFile => ("akhir berkas", "the end of the file"),
        Phrase::AnyItem => ("butir yang sah di blok ini", "an item this block accepts"),
    };
    lang.pick(id, en).to_string()
}

fn one_of(items: &[Phrase], lang: Lang) -> String {
    let words: Vec<String> = items.iter().map(|p| phrase(*p, lang)).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {}", init.join(", "), lang.pick("atau", "or"), last),
    }
}

fn value_word(kind: ValueKind, lang: Lang) -> (&'static str, &'static str) {
    match kind {
        ValueKind::SurveyFrequency => (
            lang.pick("frekuensi survei", "survey frequency"),
            lang.pick(
                "tahunan, semesteran, triwulanan, bulanan",
                "yearly, half_yearly, quarterly, monthly",
            ),
        ),
        ValueKind::Grade => (
            lang.pick("mutu", "grade"),
            lang.pick(
                "sangat_baik, baik, kurang_baik, tidak_baik",
                "very_good, good, poor, very_poor",
            ),
        ),
        ValueKind::FactValue => (lang.pick("nilai fakta", "fact value"), ""),
        ValueKind::Zone => (lang.pick("zona waktu", "time zone"), "WIB, WITA, WIT"),
        ValueKind::Weekday => (
            lang.pick("nama hari", "day of the week"),
            lang.pick(
                "senin, selasa, rabu, kamis, jumat, sabtu, minggu",
                "monday … sunday",
            ),
        ),
        ValueKind::DayCount => (
            lang.pick("hitungan hari", "day count"),
            lang.pick(
                "sejak_hari_berikutnya, atau { batas_pukul: \"14:00\" } (atau tutup)",
                "from_next_day, or { cutoff: \"14:00\" } (or close)",
            ),
        ),
        ValueKind::PlainDays => (
            lang.pick(
                "aturan tenggat hari biasa yang jatuh pada hari libur",
                "rule for plain-day deadlines on a day off",
            ),
            lang.pick(
                "tetap, atau hari_kerja_berikutnya",
                "keep, or next_working_day",
            ),
        ),
        ValueKind::ReportPeriod => (
            lang.pick("periode laporan", "report period"),
            lang.pick(
                "harian, mingguan, bulanan, triwulanan, tahunan",
                "daily, weekly, monthly, quarterly, yearly",
            ),
        ),
    }
}

/// The text of the primary label.
pub fn label(kind: &Kind, lang: Lang) -> String {
    let (id, en) = match kind {
        Kind::Syntax { .. } => ("di sini", "here"),
        Kind::TooManyErrors { .. } => ("mulai di sini", "from here"),
        Kind::UndefinedName { .. } | Kind::UnknownUnit { .. } | Kind::UnknownValue { .. } => {
            ("tidak dikenal", "not known")
        }
        Kind::DuplicateName { .. } | Kind::DuplicateItem { .. } | Kind::DuplicateOutcome { .. } => {
            ("lagi di sini", "again here")
        }
        Kind::DuplicateStepNumber { .. } => ("nomor yang sama lagi", "the same number again"),
        Kind::UnusedName { .. } => ("didefinisikan di sini", "defined here"),
        Kind::UnreachableStep { .. } => ("tidak tercapai", "unreachable"),
        Kind::NoWayToEnd { .. } => ("jalan buntu", "dead end"),
        Kind::CutOffWithFlow { .. } => ("juga ke sini", "also here"),
        Kind::CutOff { .. } => ("tabel berhenti di sini", "the table stops here"),
        Kind::LoopWithoutExit { .. } => (
            "putaran kembali ke belakang di sini",
            "the loop turns back here",
        ),
        Kind::MissingOutcome { .. } | Kind::OneBranch { .. } => ("keputusan ini", "this decision"),
        Kind::StaffingMismatch { .. } => ("jumlah pelaksana", "staffing"),
        Kind::NeverHappens { .. } => ("tidak pernah terjadi", "never happens"),
        Kind::UnclosedBlock { .. } => ("blok dibuka di sini", "opened here"),
        Kind::IncludeNotFound { .. }
        | Kind::IncludeEscapesRoot { .. }
        | Kind::IncludeCycle { .. }
        | Kind::IncludeTooDeep { .. }
        | Kind::TooManyIncludes { .. } => ("disertakan di sini", "included here"),
        Kind::TextTooLong { .. } => ("teks ini", "this text"),
        Kind::TooManySteps { .. } => ("prosedur ini", "this procedure"),
        Kind::TooManyRoles { .. } => ("peran ini melewati batas", "this role is past the limit"),
        _ => ("di sini", "here"),
    };
    lang.pick(id, en).to_string()
}

/// Working minutes as hours and minutes.
/// An amount per unit in words: `1 hari kerja 1 jam 5 menit`, `2 working days`.
pub fn amount(a: &crate::diag::Amount, lang: Lang) -> String {
    let plural = |n: u64, id: &str, one: &str, many: &str| match lang {
        Lang::Id => format!("{n} {id}"),
        Lang::En if n == 1 => format!("{n} {one}"),
        Lang::En => format!("{n} {many}"),
    };
    let mut parts = Vec::new();
    if a.months > 0 {
        parts.push(plural(a.months, "bulan", "month", "months"));
    }
    if a.days > 0 {
        parts.push(plural(a.days, "hari", "day", "days"));
    }
    if a.working_days > 0 {
        parts.push(plural(
            a.working_days,
            "hari kerja",
            "working day",
            "working days",
        ));
    }
    if a.minutes > 0 || parts.is_empty() {
        parts.push(hm(a.minutes, lang));
    }
    parts.join(" ")
}

fn hm(minutes: u64, lang: Lang) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m, lang) {
        (0, m, Lang::Id) => format!("{m} menit"),
        (0, m, Lang::En) => format!("{m} minutes"),
        (h, 0, Lang::Id) => format!("{h} jam"),
        (h, 0, Lang::En) => format!("{h} h"),
        (h, m, Lang::Id) => format!("{h} jam {m} menit"),
        (h, m, Lang::En) => format!("{h} h {m} min"),
    }
}

fn ticks(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn component(number: u8) -> (&'static str, &'static str, &'static str) {
    let index = usize::from(number.clamp(1, 14)) - 1;
    COMPONENTS[index]
}

fn english_keyword(id: &str) -> &str {
    crate::source::keywords::KEYWORDS
        .iter()
        .find(|(i, _)| *i == id)
        .map_or(id, |(_, en)| en)
}
