//! The syntax tree of one `.sop` file: owned, with byte spans, no lifetimes.
//!
//! The parser builds it; the resolver reads it. Nothing here knows pest.

mod complaints;
mod procedure;

pub use complaints::*;
pub use procedure::*;

use crate::source::span::Span;

/// A name written in the file (`front_office`, `periksa`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The identifier.
    pub text: String,
    /// Where it is written.
    pub span: Span,
}

/// A quoted text, unescaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The value without quotes.
    pub value: String,
    /// Where it is written, quotes included.
    pub span: Span,
}

/// An integer as written; `value` is `None` when it does not fit an `i64`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Int {
    /// The number.
    pub value: Option<i64>,
    /// Where it is written.
    pub span: Span,
}

/// A date literal `YYYY-MM-DD`, validated later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLit {
    /// The text as written.
    pub text: String,
    /// Where it is written.
    pub span: Span,
}

/// A duration as written: `20 menit`, `3..25 hari kerja`, `paling lama 5 hari`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duration {
    /// `paling lama` / `at most`.
    pub at_most: bool,
    /// The (lower) amount.
    pub low: Int,
    /// The upper amount of a range.
    pub high: Option<Int>,
    /// The unit word(s).
    pub unit: Name,
    /// A decimal amount as written (`1,5`), which durations do not take: reported with what to
    /// write instead.
    pub decimal: Option<Name>,
    /// Written `N x 24 jam`: `low` whole days of elapsed time.
    pub full_days: bool,
    /// The whole duration.
    pub span: Span,
}

/// One file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct File {
    /// Top-level items in source order.
    pub items: Vec<Item>,
    /// Whether the file's keywords are mostly English.
    pub english: bool,
}

/// A top-level item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// `sertakan "path"`.
    Include(Text),
    /// `instansi …`.
    Agency(Agency),
    /// `peran …`.
    Role(Role),
    /// `kelompok …`.
    Group(Group),
    /// `pengaduan name "title" { … }`.
    Complaints(Box<ComplaintPolicy>),
    /// `prosedur …` shared by the agency.
    Procedure(Procedure),
    /// `layanan …`.
    Service(Box<Service>),
}

/// Whether a role belongs to the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    /// Staff of the agency.
    Internal,
    /// Applicant, mayor, another office.
    External,
}

/// `peran front_office "Petugas Front Office" internal`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// Internal or external.
    pub kind: RoleKind,
}

/// `kelompok struktural "Pejabat Struktural" { kepala_dinas, sekretaris }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// Member roles.
    pub members: Vec<Name>,
}

/// `instansi …`: the agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// Address.
    pub address: Option<Text>,
    /// The working-day calendar it uses.
    pub calendar: Option<Name>,
}

/// A list of texts: one quoted text or a braced block of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextList {
    /// The texts.
    pub items: Vec<Text>,
    /// The whole value.
    pub span: Span,
}

/// One service standard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Service {
    /// Identifier.
    pub name: Option<Name>,
    /// Title.
    pub title: Option<Text>,
    /// The keyword and name, for labels.
    pub head: Span,
    /// `instansi` reference.
    pub agency: Option<Name>,
    /// `versi`.
    pub version: Option<Text>,
    /// `berlaku`.
    pub effective: Option<DateLit>,
    /// `kalender`.
    pub calendar: Option<Name>,
    /// `sop { … }` identity page.
    pub sop: Option<SopIdentity>,
    /// 1 `persyaratan`.
    pub requirements: Option<TextList>,
    /// 4 `biaya`.
    pub fee: Option<Fee>,
    /// 5 `produk`.
    pub product: Option<TextList>,
    /// 6 `pengaduan` reference.
    pub complaints: Option<Name>,
    /// 7 `dasar_hukum`.
    pub legal_basis: Option<TextList>,
    /// 8 `sarana`.
    pub facilities: Option<TextList>,
    /// 9 `kompetensi` per role or group.
    pub competencies: Vec<Competency>,
    /// 10 `pengawasan`.
    pub supervision: Option<TextList>,
    /// 11 `jumlah_pelaksana`.
    pub staffing: Option<Staffing>,
    /// 12 `jaminan`.
    pub guarantees: Option<Guarantees>,
    /// 13 `keamanan`.
    pub security: Option<TextList>,
    /// 14 `evaluasi`.
    pub evaluation: Option<Evaluation>,
    /// Roles declared inside the service.
    pub roles: Vec<Role>,
    /// Groups declared inside the service.
    pub groups: Vec<Group>,
    /// 2 and 3: the procedures with their budgets.
    pub procedures: Vec<Procedure>,
}

/// `sop { … }`: the SOP AP identity page (PermenPAN-RB 35/2012).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SopIdentity {
    /// `nomor`.
    pub number: Option<Text>,
    /// `dibuat`.
    pub made: Option<DateLit>,
    /// `direvisi`.
    pub revised: Option<DateLit>,
    /// `efektif`.
    pub in_force: Option<DateLit>,
    /// `disahkan "title" "name" nip "…"`.
    pub approved: Option<Approval>,
    /// `dasar_hukum`: the legal basis on the page, for an SOP outside a service.
    pub legal_basis: Option<TextList>,
    /// `keterkaitan`.
    pub related: Option<TextList>,
    /// `peralatan`.
    pub equipment: Option<TextList>,
    /// `peringatan`.
    pub warnings: Option<TextList>,
    /// `pencatatan`.
    pub recording: Option<TextList>,
    /// `kualifikasi`.
    pub qualifications: Option<TextList>,
}

/// Who approved the SOP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    /// Position.
    pub title: Text,
    /// Person.
    pub name: Option<Text>,
    /// Civil-servant number.
    pub nip: Option<Text>,
}

/// `biaya 0 "Tidak dipungut biaya"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fee {
    /// Amount in rupiah, when given.
    pub amount: Option<Int>,
    /// Text.
    pub text: Text,
}

/// `kompetensi front_office { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competency {
    /// Role or group.
    pub subject: Name,
    /// Requirements.
    pub items: TextList,
}

/// `jumlah_pelaksana { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staffing {
    /// Entries in source order.
    pub entries: Vec<StaffEntry>,
    /// The whole block.
    pub span: Span,
}

/// `front_office 1` or `tim_teknis sesuai_kebutuhan`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffEntry {
    /// Role or group.
    pub subject: Name,
    /// Head count; `None` for "as needed".
    pub count: Option<Int>,
}

/// `jaminan { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guarantees {
    /// The guarantee as published.
    pub texts: Vec<Text>,
    /// Timed obligations.
    pub obligations: Vec<Obligation>,
}

/// `kewajiban …`: a promise on a timer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Obligation {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// When the timer starts.
    pub trigger: Option<Point>,
    /// How long after the trigger.
    pub delay: Option<Duration>,
    /// What cancels it.
    pub cancel: Option<Point>,
    /// `kirim sms ke pemohon`.
    pub send: Option<(Name, Name)>,
    /// Who performs it.
    pub by: Vec<Name>,
}

/// An event in a procedure: entering or finishing a step (with an outcome) or reaching an end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// `setelah` (finished) rather than `saat` (entered).
    pub after: bool,
    /// `prosedur.langkah` or `langkah`.
    pub procedure: Option<Name>,
    /// The step or end.
    pub target: Name,
    /// `dengan lengkap`.
    pub outcome: Option<Name>,
    /// The whole point.
    pub span: Span,
}

/// `evaluasi { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Survey frequency.
    pub survey: Option<Name>,
    /// Follow-up when the grade is at or below.
    pub follow_up: Option<(Name, Text)>,
    /// Other text.
    pub texts: Vec<Text>,
}
