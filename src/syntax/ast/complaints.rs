//! The syntax of a complaint policy: channels, facts, reply rules, tiers, book, report.

use super::*;

/// `pengaduan …`: the complaint policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintPolicy {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// Channels.
    pub channels: Vec<Channel>,
    /// Facts with their possible values.
    pub facts: Vec<Fact>,
    /// Reply rules.
    pub replies: Vec<Reply>,
    /// Severity tiers.
    pub tiers: Vec<Tier>,
    /// `tenggat …` written for the whole policy: every complaint's, or every tier's that does
    /// not write its own.
    pub deadline: Option<Duration>,
    /// Named deadlines written for the whole policy.
    pub deadlines: Vec<NamedDeadline>,
    /// `perpanjangan …` written for the whole policy: every tier without its own may be
    /// extended so.
    pub extension: Option<(Duration, Option<Text>)>,
    /// `penangan …` written for the whole policy: every tier's that writes none.
    pub handler: Vec<Name>,
    /// `penangan tidak_disebutkan` written for the whole policy.
    pub handler_unstated: bool,
    /// `terlibat …` written for the whole policy.
    pub involved: Vec<Name>,
    /// `eskalasi …` written for the whole policy.
    pub escalate: Vec<Name>,
    /// The complaint book.
    pub book: Option<Book>,
    /// The periodic report.
    pub report: Option<Report>,
    /// Handling procedures.
    pub procedures: Vec<Procedure>,
}

/// `saluran email "Email" [hanya_balasan]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// `hanya_balasan`: answers go out by it, complaints do not come in by it.
    pub reply_only: bool,
}

/// `fakta ada_telepon "…" { ya, tidak }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// Possible values.
    pub values: Vec<Name>,
}

/// `balas surat bila ada_telepon = ya -> surat, telepon`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Channel the complaint came by.
    pub channel: Name,
    /// Conditions on facts, all of which must hold.
    pub conditions: Vec<(Name, Name)>,
    /// Reply channels.
    pub via: Vec<Name>,
    /// `-> tidak_disebutkan`: the source does not say how the answer goes back.
    pub unstated: bool,
    /// The whole rule.
    pub span: Span,
}

/// `tingkat ringan "Ringan" { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// Who handles.
    pub handler: Vec<Name>,
    /// `penangan tidak_disebutkan`: the source names nobody.
    pub handler_unstated: bool,
    /// Who is involved.
    pub involved: Vec<Name>,
    /// Who it is escalated to.
    pub escalate: Vec<Name>,
    /// Response deadline.
    pub deadline: Option<Duration>,
    /// Deadlines with a name (`tenggat respon 3 hari "…"`): a second deadline for one
    /// complaint, as published.
    pub deadlines: Vec<NamedDeadline>,
    /// `perpanjangan 7 hari kerja "…"`: how much the deadline may be extended, once, and the
    /// condition or reason as published.
    pub extension: Option<(Duration, Option<Text>)>,
    /// Remarks.
    pub remarks: Option<TextList>,
    /// What happens when the deadline is at risk or breached.
    pub escalations: Vec<Escalation>,
}

/// `tenggat respon 3 hari "Respon setelah cleaning data"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedDeadline {
    /// Its name.
    pub name: Name,
    /// How long.
    pub duration: Duration,
    /// What it is for, as published.
    pub remark: Option<Text>,
}

/// `buku "Buku Pengaduan" { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Book {
    /// Title.
    pub title: Text,
    /// Who keeps it.
    pub by: Vec<Name>,
    /// Recorded fields.
    pub fields: Vec<(Name, Text)>,
}

/// `laporan "…" { periode bulanan  prosedur laporan_bulanan }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Title.
    pub title: Text,
    /// Period.
    pub period: Option<Name>,
    /// The review procedure.
    pub procedure: Option<Name>,
}
