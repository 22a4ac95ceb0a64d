//! The words of every diagnostic, keyed by kind, in Indonesian and English.
//!
//! Style: lowercase, no trailing period, user input in backticks, no Rust names.

use super::{Kind, Lang, NameKind, Phrase, ValueKind};

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
        ValueKind::ReportPeriod => (
            lang.pick("periode laporan", "report period"),
            lang.pick(
                "harian, mingguan, bulanan, triwulanan, tahunan",
                "daily, weekly, monthly, quarterly, yearly",
            ),
        ),
    }
}

/// The main message.
pub fn message(kind: &Kind, lang: Lang) -> String {
    use Lang::*;
    match (kind, lang) {
        (Kind::Syntax { found: Some(f), expected, .. }, Id) if !expected.is_empty() => {
            format!("tidak dapat membaca `{f}`: yang diharapkan {}", one_of(expected, lang))
        }
        (Kind::Syntax { found: Some(f), expected, .. }, En) if !expected.is_empty() => {
            format!("cannot read `{f}`: expected {}", one_of(expected, lang))
        }
        (Kind::Syntax { found: None, expected, .. }, Id) if !expected.is_empty() => {
            format!("belum lengkap: yang diharapkan {}", one_of(expected, lang))
        }
        (Kind::Syntax { found: None, expected, .. }, En) if !expected.is_empty() => {
            format!("incomplete: expected {}", one_of(expected, lang))
        }
        (Kind::Syntax { found, .. }, _) => match found {
            Some(f) => format!("{} `{f}`", lang.pick("tidak dapat membaca", "cannot read")),
            None => lang.pick("teks tidak dapat dibaca", "cannot read the text").to_string(),
        },
        (Kind::EmptyFile, _) => lang.pick("berkas kosong", "the file is empty").into(),
        (Kind::NotUtf8 { offset }, Id) => format!("berkas bukan teks UTF-8 (byte ke-{offset} tidak sah)"),
        (Kind::NotUtf8 { offset }, En) => format!("the file is not UTF-8 text (byte {offset} is invalid)"),
        (Kind::TooDeep { limit }, Id) => format!("kurung bersarang lebih dari {limit} tingkat"),
        (Kind::TooDeep { limit }, En) => format!("brackets are nested more than {limit} levels deep"),
        (Kind::TooManyErrors { more }, Id) => format!("{more} baris lain juga tidak dapat dibaca dan tidak ditampilkan satu per satu"),
        (Kind::TooManyErrors { more }, En) => format!("{more} more lines cannot be read either and are not listed one by one"),
        (Kind::DuplicateItem { item }, Id) => format!("{} ditulis lebih dari sekali", phrase(*item, lang)),
        (Kind::DuplicateItem { item }, En) => format!("{} is written more than once", phrase(*item, lang)),
        (Kind::UndefinedName { kind, name, .. }, Id) => {
            format!("{} `{name}` tidak didefinisikan", kind_word(*kind, lang))
        }
        (Kind::UndefinedName { kind, name, .. }, En) => {
            format!("{} `{name}` is not defined", kind_word(*kind, lang))
        }
        (Kind::DuplicateName { kind, name }, Id) => {
            format!("{} `{name}` didefinisikan lebih dari sekali", kind_word(*kind, lang))
        }
        (Kind::DuplicateName { kind, name }, En) => {
            format!("{} `{name}` is defined more than once", kind_word(*kind, lang))
        }
        (Kind::UnusedName { kind, name }, Id) => {
            format!("{} `{name}` tidak pernah digunakan", kind_word(*kind, lang))
        }
        (Kind::UnusedName { kind, name }, En) => format!("{} `{name}` is never used", kind_word(*kind, lang)),
        (Kind::AmbiguousName { name, procedures }, Id) => format!(
            "`{name}` ada di beberapa prosedur: {}",
            ticks(procedures)
        ),
        (Kind::AmbiguousName { name, procedures }, En) => {
            format!("`{name}` is in several procedures: {}", ticks(procedures))
        }
        (Kind::UnreachableStep { step }, Id) => format!("langkah `{step}` tidak pernah tercapai dari awal prosedur"),
        (Kind::UnreachableStep { step }, En) => format!("step `{step}` can never be reached from the start"),
        (Kind::NoWayToEnd { step }, Id) => format!("dari langkah `{step}` tidak ada jalan ke akhir prosedur"),
        (Kind::NoWayToEnd { step }, En) => format!("step `{step}` has no way to an end of the procedure"),
        (Kind::LoopWithoutExit { steps }, Id) => {
            format!("putaran tanpa jalan keluar: {}", ticks(steps))
        }
        (Kind::LoopWithoutExit { steps }, En) => format!("a loop with no way out: {}", ticks(steps)),
        (Kind::MissingOutcome { missing: Some(m) }, Id) => format!("keputusan tidak punya hasil `{m}`"),
        (Kind::MissingOutcome { missing: Some(m) }, En) => format!("the decision has no `{m}` outcome"),
        (Kind::MissingOutcome { missing: None }, Id) => "keputusan perlu paling sedikit dua hasil".into(),
        (Kind::MissingOutcome { missing: None }, En) => "a decision needs at least two outcomes".into(),
        (Kind::DuplicateOutcome { name }, Id) => format!("hasil `{name}` ditulis dua kali dalam satu keputusan"),
        (Kind::DuplicateOutcome { name }, En) => format!("outcome `{name}` is written twice in one decision"),
        (Kind::MissingComponent { number }, _) => {
            let (id, en, _) = component(*number);
            match lang {
                Id => format!("komponen {number} ({id}) tidak ada"),
                En => format!("component {number} ({en}) is missing"),
            }
        }
        (Kind::MissingItem { item, within }, Id) => {
            format!("{} tidak punya {}", kind_word(*within, lang), phrase(*item, lang))
        }
        (Kind::MissingItem { item, within }, En) => {
            format!("the {} has no {}", kind_word(*within, lang), phrase(*item, lang))
        }
        (Kind::StaffingMismatch { acting, declared, uncovered }, Id) if *acting as u64 <= *declared => format!(
            "peran internal {} bertugas tetapi tidak tercakup dalam jumlah pelaksana",
            ticks(uncovered)
        ),
        (Kind::StaffingMismatch { acting, declared, uncovered }, En) if *acting as u64 <= *declared => format!(
            "internal roles {} perform steps but are not covered by staffing",
            ticks(uncovered)
        ),
        (Kind::StaffingMismatch { acting, declared, .. }, Id) => format!(
            "{acting} peran internal melaksanakan langkah, tetapi jumlah pelaksana hanya {declared} orang"
        ),
        (Kind::StaffingMismatch { acting, declared, .. }, En) => format!(
            "{acting} internal roles perform steps, but staffing declares only {declared} people"
        ),
        (Kind::ChannelWithoutReply { channel }, Id) => format!("pengaduan lewat `{channel}` tidak punya aturan balasan"),
        (Kind::ChannelWithoutReply { channel }, En) => format!("complaints by `{channel}` have no reply rule"),
        (Kind::TierWithoutRoute { tier }, Id) => format!("tingkat `{tier}` tidak punya penangan"),
        (Kind::TierWithoutRoute { tier }, En) => format!("tier `{tier}` has no handler"),
        (Kind::NeverHappens { point }, Id) => format!("`{point}` tidak pernah terjadi, jadi ini tidak akan pernah berlaku"),
        (Kind::NeverHappens { point }, En) => format!("`{point}` never happens, so this never takes effect"),
        (Kind::NegativeDuration, _) => lang.pick("durasi negatif", "negative duration").into(),
        (Kind::ReversedRange { low, high }, Id) => format!("rentang `{low}..{high}` terbalik"),
        (Kind::ReversedRange { low, high }, En) => format!("range `{low}..{high}` is upside down"),
        (Kind::UnknownUnit { unit, .. }, Id) => format!("satuan waktu `{unit}` tidak dikenal"),
        (Kind::UnknownUnit { unit, .. }, En) => format!("unknown unit of time `{unit}`"),
        (Kind::DurationTooLarge, _) => lang.pick("durasi lebih dari 10 tahun", "duration longer than 10 years").into(),
        (Kind::InvalidDate { text }, Id) => format!("tanggal `{text}` tidak ada"),
        (Kind::InvalidDate { text }, En) => format!("date `{text}` does not exist"),
        (Kind::InvalidNumber { text }, Id) => format!("bilangan `{text}` di luar rentang yang sah"),
        (Kind::InvalidNumber { text }, En) => format!("number `{text}` is out of range"),
        (Kind::IncludeNotFound { path, .. }, Id) => format!("berkas `{path}` tidak dapat dibaca"),
        (Kind::IncludeNotFound { path, .. }, En) => format!("cannot read file `{path}`"),
        (Kind::IncludeEscapesRoot { path }, Id) => format!("`{path}` berada di luar folder standar"),
        (Kind::IncludeEscapesRoot { path }, En) => format!("`{path}` is outside the standards folder"),
        (Kind::IncludeCycle { chain }, Id) => format!("berkas saling menyertakan: {}", chain.join(" → ")),
        (Kind::IncludeCycle { chain }, En) => format!("files include each other: {}", chain.join(" → ")),
        (Kind::UnknownValue { kind, value, .. }, Id) => {
            format!("{} `{value}` tidak dikenal", value_word(*kind, lang).0)
        }
        (Kind::UnknownValue { kind, value, .. }, En) => {
            format!("unknown {} `{value}`", value_word(*kind, lang).0)
        }
        (Kind::ConflictingFlow { step }, Id) => format!("langkah `{step}` punya `lanjut` dan `keputusan` sekaligus"),
        (Kind::ConflictingFlow { step }, En) => format!("step `{step}` has both `next` and `decision`"),
        (Kind::DuplicateStepNumber { number }, Id) => format!("nomor langkah {number} dipakai lebih dari sekali"),
        (Kind::DuplicateStepNumber { number }, En) => format!("step number {number} is used more than once"),
        (Kind::StepNumberOrder { number, after }, Id) => format!("nomor langkah {number} datang sesudah {after}"),
        (Kind::StepNumberOrder { number, after }, En) => format!("step number {number} comes after {after}"),
        (Kind::OneBranch { outcome, .. }, Id) => format!("keputusan hanya punya hasil `{outcome}`; cabang lainnya tidak tertulis"),
        (Kind::OneBranch { outcome, .. }, En) => format!("the decision has only the outcome `{outcome}`; the other branch is not written"),
        (Kind::MissingPerformer { step }, Id) => format!("langkah `{step}` tidak punya pelaksana (`oleh`)"),
        (Kind::MissingPerformer { step }, En) => format!("step `{step}` has no performer (`by`)"),
        (Kind::DuplicatePerformer { step, role }, Id) => format!("peran `{role}` ditulis dua kali sebagai pelaksana langkah `{step}`"),
        (Kind::DuplicatePerformer { step, role }, En) => format!("role `{role}` is written twice among the performers of step `{step}`"),
        (Kind::MissingTime { step }, Id) => format!("langkah `{step}` tidak punya `waktu`"),
        (Kind::MissingTime { step }, En) => format!("step `{step}` has no `time`"),
        (Kind::BudgetUnknown { budget, steps }, Id) => format!("anggaran `{budget}` tidak dapat diperiksa: waktu langkah {} tidak diketahui", ticks(steps)),
        (Kind::BudgetUnknown { budget, steps }, En) => format!("budget `{budget}` cannot be checked: the time of {} is unknown", ticks(steps)),
        (Kind::CalendarSyntax { message }, Id) => format!("berkas kalender tidak dapat dibaca: {message}"),
        (Kind::CalendarSyntax { message }, En) => format!("cannot read the calendar file: {message}"),
        (Kind::DuplicateDate { date }, Id) => format!("tanggal {date} tercantum lebih dari sekali"),
        (Kind::DuplicateDate { date }, En) => format!("date {date} is listed more than once"),
        (Kind::InvalidHours { text, overlap: true }, Id) => format!("jam kerja `{text}` bertumpang tindih dengan jam sebelumnya"),
        (Kind::InvalidHours { text, overlap: true }, En) => format!("working hours `{text}` overlap the previous ones"),
        (Kind::InvalidHours { text, .. }, Id) => format!("jam kerja `{text}` tidak sah"),
        (Kind::InvalidHours { text, .. }, En) => format!("working hours `{text}` are not valid"),
        (Kind::BudgetCannotFit { budget, shortest, limit }, Id) => format!(
            "anggaran `{budget}` tidak mungkin terpenuhi: jalur tercepat {} sedangkan anggarannya {}",
            amount(shortest, lang),
            amount(limit, lang)
        ),
        (Kind::BudgetCannotFit { budget, shortest, limit }, En) => format!(
            "budget `{budget}` cannot be met: the shortest path takes {} and the budget is {}",
            amount(shortest, lang),
            amount(limit, lang)
        ),
        (Kind::BudgetMayOverrun { budget, longest, limit, from }, Id) => format!(
            "anggaran `{budget}` dapat terlampaui: jalur terpanjang {} sedangkan anggarannya {}{}",
            amount(longest, lang),
            amount(limit, lang),
            from.as_ref().map_or(String::new(), |f| format!(", misalnya bila dimulai {f}"))
        ),
        (Kind::BudgetMayOverrun { budget, longest, limit, from }, En) => format!(
            "budget `{budget}` may be overrun: the longest path takes {} and the budget is {}{}",
            amount(longest, lang),
            amount(limit, lang),
            from.as_ref().map_or(String::new(), |f| format!(", for instance when it starts {f}"))
        ),
        (Kind::DayOverfull { day, minutes, limit }, Id) => format!(
            "langkah pada hari ke-{day} memakan {}, lebih dari satu hari kerja ({})",
            hm(*minutes, lang),
            hm(*limit, lang)
        ),
        (Kind::DayOverfull { day, minutes, limit }, En) => format!(
            "the steps on working day {day} take {}, more than a working day ({})",
            hm(*minutes, lang),
            hm(*limit, lang)
        ),
        (Kind::ReplyGap { channel, case }, Id) => {
            format!("pengaduan lewat `{channel}` dengan {case} tidak punya aturan balasan")
        }
        (Kind::ReplyGap { channel, case }, En) => format!("complaints by `{channel}` with {case} have no reply rule"),
        (Kind::ReplyOverlap { channel, case }, Id) => {
            format!("pengaduan lewat `{channel}` dengan {case} cocok dengan lebih dari satu aturan balasan")
        }
        (Kind::ReplyOverlap { channel, case }, En) => {
            format!("complaints by `{channel}` with {case} match more than one reply rule")
        }
        (Kind::OutsideRange { date, from, to }, Id) => format!("tanggal {date} di luar rentang kalender {from} sampai {to}"),
        (Kind::OutsideRange { date, from, to }, En) => format!("date {date} is outside the calendar's range {from} to {to}"),
        (Kind::EscalationWithoutTime { name }, Id) => format!("`{name}` punya aturan eskalasi, tetapi tidak punya waktu yang dapat terlampaui"),
        (Kind::EscalationWithoutTime { name }, En) => format!("`{name}` has escalation rules but no time that could run out"),
        (Kind::NoCalendar { procedure }, Id) => format!("prosedur `{procedure}` menghitung waktu kerja (menit, jam atau hari kerja), tetapi tidak ada kalender kerja"),
        (Kind::NoCalendar { procedure }, En) => format!("procedure `{procedure}` counts working time (minutes, hours or working days), but no working-day calendar is named"),
        (Kind::RangeTooWide { years, limit }, Id) => format!("rentang `berlaku` mencakup {years} tahun; satu kalender mencakup paling banyak {limit} tahun"),
        (Kind::RangeTooWide { years, limit }, En) => format!("the `range` spans {years} years; a calendar covers at most {limit} years"),
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
        Kind::LoopWithoutExit { .. } => ("putaran dimulai di sini", "the loop starts here"),
        Kind::MissingOutcome { .. } | Kind::OneBranch { .. } => ("keputusan ini", "this decision"),
        Kind::StaffingMismatch { .. } => ("jumlah pelaksana", "staffing"),
        Kind::NeverHappens { .. } => ("tidak pernah terjadi", "never happens"),
        Kind::IncludeNotFound { .. }
        | Kind::IncludeEscapesRoot { .. }
        | Kind::IncludeCycle { .. } => ("disertakan di sini", "included here"),
        _ => ("di sini", "here"),
    };
    lang.pick(id, en).to_string()
}

/// How to fix it.
pub fn help(kind: &Kind, lang: Lang) -> Option<String> {
    use Lang::*;
    let text = match (kind, lang) {
        (
            Kind::Syntax {
                suggestion: Some(s),
                ..
            },
            Id,
        ) => format!("maksud Anda {}?", phrase(*s, lang)),
        (
            Kind::Syntax {
                suggestion: Some(s),
                ..
            },
            En,
        ) => format!("did you mean {}?", phrase(*s, lang)),
        (Kind::Syntax { .. }, _) => return None,
        (Kind::EmptyFile, Id) => {
            "tulis paling sedikit satu `layanan`, `peran` atau `sertakan`".into()
        }
        (Kind::EmptyFile, En) => "write at least one `service`, `role` or `include`".into(),
        (Kind::NotUtf8 { .. }, Id) => "simpan berkas sebagai UTF-8".into(),
        (Kind::NotUtf8 { .. }, En) => "save the file as UTF-8".into(),
        (Kind::TooDeep { .. }, Id) => "periksa pasangan kurung `{` dan `}` (atau `[` dan `]`)".into(),
        (Kind::TooDeep { .. }, En) => "check that every `{` has its `}` (and every `[` its `]`)".into(),
        (Kind::TooManyErrors { .. }, Id) => "perbaiki kesalahan di atas dahulu, lalu periksa lagi; apakah ini memang berkas .sop?".into(),
        (Kind::TooManyErrors { .. }, En) => "fix the errors above first, then check again; is this really a .sop file?".into(),
        (Kind::DuplicateItem { .. }, Id) => "hapus salah satunya".into(),
        (Kind::DuplicateItem { .. }, En) => "remove one of them".into(),
        (
            Kind::UndefinedName {
                suggestion: Some(s),
                ..
            },
            Id,
        ) => format!("maksud Anda `{s}`?"),
        (
            Kind::UndefinedName {
                suggestion: Some(s),
                ..
            },
            En,
        ) => format!("did you mean `{s}`?"),
        (Kind::UndefinedName { kind, .. }, Id) => {
            format!("definisikan {} itu dahulu", kind_word(*kind, lang))
        }
        (Kind::UndefinedName { kind, .. }, En) => {
            format!("define the {} first", kind_word(*kind, lang))
        }
        (Kind::DuplicateName { .. }, Id) => "beri nama lain atau hapus salah satunya".into(),
        (Kind::DuplicateName { .. }, En) => "rename or remove one of them".into(),
        (Kind::UnusedName { .. }, Id) => "gunakan atau hapus definisinya".into(),
        (Kind::UnusedName { .. }, En) => "use it or remove it".into(),
        (Kind::AmbiguousName { procedures, name }, Id) => {
            format!(
                "tulis nama prosedurnya, misalnya `{}.{name}`",
                procedures.first()?
            )
        }
        (Kind::AmbiguousName { procedures, name }, En) => {
            format!(
                "write the procedure too, e.g. `{}.{name}`",
                procedures.first()?
            )
        }
        (Kind::UnreachableStep { .. }, Id) => {
            "arahkan `lanjut` atau hasil keputusan ke langkah ini, atau hapus".into()
        }
        (Kind::UnreachableStep { .. }, En) => {
            "point a `next` or an outcome at this step, or remove it".into()
        }
        (Kind::NoWayToEnd { .. }, Id) => {
            "tambahkan `lanjut` ke langkah berikutnya atau ke `selesai`".into()
        }
        (Kind::NoWayToEnd { .. }, En) => "add a `next` to a following step or to an `end`".into(),
        (Kind::LoopWithoutExit { .. }, Id) => {
            "beri salah satu langkah keputusan yang keluar dari putaran".into()
        }
        (Kind::LoopWithoutExit { .. }, En) => {
            "give one step of the loop a decision that leads out".into()
        }
        (Kind::MissingOutcome { .. }, Id) => {
            "tulis setiap hasil dengan tujuannya, misalnya `tidak -> kembalikan ke pemohon`".into()
        }
        (Kind::MissingOutcome { .. }, En) => {
            "write every outcome with its target, e.g. `no -> return to applicant`".into()
        }
        (Kind::DuplicateOutcome { .. }, Id) => "setiap hasil hanya boleh punya satu tujuan".into(),
        (Kind::DuplicateOutcome { .. }, En) => "each outcome may lead to one place only".into(),
        (Kind::MissingComponent { number }, Id) => {
            format!("tambahkan `{}` pada layanan", component(*number).2)
        }
        (Kind::MissingComponent { number }, En) => {
            format!(
                "add `{}` to the service",
                english_keyword(component(*number).2)
            )
        }
        (Kind::MissingItem { item, .. }, Id) => format!("tambahkan {}", phrase(*item, lang)),
        (Kind::MissingItem { item, .. }, En) => format!("add {}", phrase(*item, lang)),
        (Kind::StaffingMismatch { uncovered, .. }, Id) if !uncovered.is_empty() => format!(
            "peran {} tidak tercakup dalam jumlah pelaksana",
            ticks(uncovered)
        ),
        (Kind::StaffingMismatch { uncovered, .. }, En) if !uncovered.is_empty() => {
            format!("roles {} are not covered by staffing", ticks(uncovered))
        }
        (Kind::StaffingMismatch { .. }, Id) => {
            "sesuaikan jumlah pelaksana dengan peran yang bertugas".into()
        }
        (Kind::StaffingMismatch { .. }, En) => "make the staffing match the roles that act".into(),
        (Kind::ChannelWithoutReply { channel }, Id) => {
            format!("tambahkan `balas {channel} -> {channel}`")
        }
        (Kind::ChannelWithoutReply { channel }, En) => {
            format!("add `reply {channel} -> {channel}`")
        }
        (Kind::TierWithoutRoute { .. }, Id) => "tambahkan `penangan <peran>`".into(),
        (Kind::TierWithoutRoute { .. }, En) => "add `handler <role>`".into(),
        (Kind::NeverHappens { .. }, Id) => "pilih langkah yang tercapai dalam alur prosedur".into(),
        (Kind::NeverHappens { .. }, En) => "pick a step the procedure can reach".into(),
        (Kind::NegativeDuration, Id) => "durasi tidak boleh kurang dari 0".into(),
        (Kind::NegativeDuration, En) => "a duration cannot be less than 0".into(),
        (Kind::ReversedRange { low, high }, Id) => format!("tulis `{high}..{low}`"),
        (Kind::ReversedRange { low, high }, En) => format!("write `{high}..{low}`"),
        (
            Kind::UnknownUnit {
                suggestion: Some(s),
                ..
            },
            Id,
        ) => format!("maksud Anda `{s}`?"),
        (
            Kind::UnknownUnit {
                suggestion: Some(s),
                ..
            },
            En,
        ) => format!("did you mean `{s}`?"),
        (Kind::UnknownUnit { .. }, Id) => {
            "gunakan menit, jam, hari kerja, hari, minggu atau bulan".into()
        }
        (Kind::UnknownUnit { .. }, En) => {
            "use minutes, hours, working days, days, weeks or months".into()
        }
        (Kind::DurationTooLarge, Id) => "periksa angka dan satuannya".into(),
        (Kind::DurationTooLarge, En) => "check the number and its unit".into(),
        (Kind::InvalidDate { .. }, Id) => "tulis tanggal yang ada dalam bentuk `TTTT-BB-HH`".into(),
        (Kind::InvalidDate { .. }, En) => "write a real date as `YYYY-MM-DD`".into(),
        (Kind::InvalidNumber { .. }, Id) => "gunakan bilangan bulat mulai dari 1".into(),
        (Kind::InvalidNumber { .. }, En) => "use a whole number from 1 up".into(),
        (Kind::IncludeNotFound { reason, .. }, _) => reason.clone(),
        (Kind::IncludeEscapesRoot { .. }, Id) => {
            "sertakan hanya berkas di dalam folder standar".into()
        }
        (Kind::IncludeEscapesRoot { .. }, En) => {
            "include only files inside the standards folder".into()
        }
        (Kind::IncludeCycle { .. }, Id) => "hapus salah satu `sertakan`".into(),
        (Kind::IncludeCycle { .. }, En) => "remove one of the `include`s".into(),
        (
            Kind::UnknownValue {
                suggestion: Some(s),
                ..
            },
            Id,
        ) => format!("maksud Anda `{s}`?"),
        (
            Kind::UnknownValue {
                suggestion: Some(s),
                ..
            },
            En,
        ) => format!("did you mean `{s}`?"),
        (Kind::UnknownValue { kind, .. }, _) => {
            let allowed = value_word(*kind, lang).1;
            if allowed.is_empty() {
                return None;
            }
            format!("{}: {allowed}", lang.pick("pilihan", "choices"))
        }
        (Kind::ConflictingFlow { .. }, Id) => {
            "hapus `lanjut`; hasil keputusan sudah menentukan langkah berikutnya".into()
        }
        (Kind::ConflictingFlow { .. }, En) => {
            "remove `next`; the outcomes already say where to go".into()
        }
        (Kind::DuplicateStepNumber { .. }, Id) => "periksa penomoran tabel SOP".into(),
        (Kind::DuplicateStepNumber { .. }, En) => "check the numbering of the SOP table".into(),
        (Kind::StepNumberOrder { .. }, Id) => "periksa urutan penomoran tabel SOP".into(),
        (Kind::StepNumberOrder { .. }, En) => "check the order of the SOP table's numbers".into(),
        (Kind::OneBranch { missing: Some(m), .. }, Id) => format!("perkara dengan hasil `{m}` akan ditolak sampai cabang itu ditulis, misalnya `{m} -> kembalikan ke pemohon`"),
        (Kind::OneBranch { missing: Some(m), .. }, En) => format!("a case with the outcome `{m}` is refused until that branch is written, e.g. `{m} -> return to applicant`"),
        (Kind::OneBranch { .. }, Id) => "perkara dengan hasil lain akan ditolak sampai cabangnya ditulis".into(),
        (Kind::OneBranch { .. }, En) => "a case with any other outcome is refused until its branch is written".into(),
        (Kind::MissingPerformer { .. }, Id) => "tulis `oleh peran`; tabel SOP menandai pelaksana setiap kegiatan".into(),
        (Kind::MissingPerformer { .. }, En) => "write `by role`; the SOP table marks the performer of every activity".into(),
        (Kind::DuplicatePerformer { .. }, Id) => "hapus salah satunya".into(),
        (Kind::DuplicatePerformer { .. }, En) => "remove one of them".into(),
        (Kind::MissingTime { .. }, Id) => "tulis `waktu 20 menit`, atau `waktu tidak_diketahui` bila dokumen sumber tidak menyebutnya".into(),
        (Kind::MissingTime { .. }, En) => "write `time 20 minutes`, or `time unknown` when the source document does not give it".into(),
        (Kind::BudgetUnknown { .. }, Id) => "jumlah waktu yang diketahui tampil di `sopan budget`; lengkapi waktunya, atau beri tahapnya waktu sendiri".into(),
        (Kind::BudgetUnknown { .. }, En) => "`sopan budget` shows the sum of the known times; complete them, or give their stage its own time".into(),
        (Kind::CalendarSyntax { .. }, Id) => {
            "lihat contoh di standards/nasional.kalender.yaml".into()
        }
        (Kind::CalendarSyntax { .. }, En) => {
            "see the example in standards/nasional.kalender.yaml".into()
        }
        (Kind::DuplicateDate { .. }, Id) => "hapus salah satunya".into(),
        (Kind::DuplicateDate { .. }, En) => "remove one of them".into(),
        (Kind::InvalidHours { .. }, Id) => {
            "tulis jam sebagai `07:30-12:00`, berurutan dan tidak bertumpang tindih".into()
        }
        (Kind::InvalidHours { .. }, En) => {
            "write hours as `07:30-12:00`, in order and not overlapping".into()
        }
        (Kind::BudgetCannotFit { .. }, Id) => "periksa waktu langkah atau perbesar anggaran".into(),
        (Kind::BudgetCannotFit { .. }, En) => "check the steps' times or raise the budget".into(),
        (Kind::BudgetMayOverrun { .. }, Id) => {
            "jalur terpanjang menghitung setiap putaran sekali dan rentang pada batas atasnya"
                .into()
        }
        (Kind::BudgetMayOverrun { .. }, En) => {
            "the longest path counts each loop once and ranges at their upper bound".into()
        }
        (Kind::DayOverfull { .. }, Id) => {
            "pindahkan sebagian langkah ke hari berikutnya (`hari_ke`)".into()
        }
        (Kind::DayOverfull { .. }, En) => "move some steps to the next day (`on_day`)".into(),
        (Kind::ReplyGap { channel, .. }, Id) => {
            format!("tambahkan `balas {channel} bila … -> …` untuk keadaan itu")
        }
        (Kind::ReplyGap { channel, .. }, En) => {
            format!("add `reply {channel} when … -> …` for that case")
        }
        (Kind::ReplyOverlap { .. }, Id) => {
            "persempit syarat `bila` agar tepat satu aturan berlaku".into()
        }
        (Kind::ReplyOverlap { .. }, En) => {
            "narrow the `when` conditions so exactly one rule applies".into()
        }
        (Kind::OutsideRange { .. }, Id) => "perluas `berlaku` atau hapus tanggal itu".into(),
        (Kind::OutsideRange { .. }, En) => "widen `range` or remove the date".into(),
        (Kind::EscalationWithoutTime { .. }, Id) => "tulis `waktu` pada tahap atau langkah itu, atau pindahkan aturannya ke `anggaran`".into(),
        (Kind::EscalationWithoutTime { .. }, En) => "write a `time` on that stage or step, or move the rule to a `budget`".into(),
        (Kind::NoCalendar { .. }, Id) => "tulis `kalender NAMA` pada `instansi` atau `layanan`, dengan berkas NAMA.kalender.yaml di folder standar; tanpa kalender, hari kerja dan jam kerja tidak diketahui".into(),
        (Kind::NoCalendar { .. }, En) => "write `calendar NAME` in the `agency` or `service`, with a file NAME.calendar.yaml in the standards folder; without a calendar, working days and hours are unknown".into(),
        (Kind::RangeTooWide { .. }, Id) => "hari libur ditetapkan per tahun: batasi `berlaku` pada tahun-tahun yang keputusannya sudah ada".into(),
        (Kind::RangeTooWide { .. }, En) => "holidays are decreed year by year: limit `range` to the years whose decrees exist".into(),
    };
    Some(text)
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
    crate::keywords::KEYWORDS
        .iter()
        .find(|(i, _)| *i == id)
        .map_or(id, |(_, en)| en)
}
