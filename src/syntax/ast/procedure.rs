//! The syntax of procedures: steps, decisions, budgets, stages and escalation rules.

use super::{Duration, Int, Name, Point, Text, TextList};
use crate::source::span::Span;

/// `prosedur …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// `mulai`.
    pub start: Option<Name>,
    /// `sop { … }`: the procedure's own SOP identity page (an agency's SOP, or one of a
    /// service's procedures with a number of its own).
    pub sop: Option<Box<super::SopIdentity>>,
    /// Budgets.
    pub budgets: Vec<Budget>,
    /// Stages, each over a run of consecutive steps.
    pub stages: Vec<Stage>,
    /// Steps in source order (those of stages included).
    pub steps: Vec<Step>,
    /// Ends.
    pub terminals: Vec<Terminal>,
}

/// `anggaran …`: a time budget with its clock points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Option<Text>,
    /// Allowed time (empty when `by_tier`).
    pub duration: Duration,
    /// `menurut tingkat [nama]` / `menurut tenggat [nama]`: the time is a deadline of the
    /// complaint policy (of the tier chosen where the clock starts, when it has tiers), the
    /// one named when a name is written.
    pub by_tier: Option<(Span, Option<Name>)>,
    /// Clock starts.
    pub start: Option<Point>,
    /// Clock stops.
    pub stop: Option<Point>,
    /// Clock pauses.
    pub pauses: Vec<Pause>,
    /// `perpanjangan 5 hari kerja "…"`: how much an officer may extend the clock, once, and
    /// the condition or reason as published.
    pub extension: Option<(Duration, Option<Text>)>,
    /// What happens when it is at risk or breached.
    pub escalations: Vec<Escalation>,
}

/// `tahap nama "…" { waktu …  langkah …  langkah … }`: consecutive steps with their own time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// The stage's own time.
    pub time: Option<Time>,
    /// What happens when it is at risk or breached.
    pub escalations: Vec<Escalation>,
    /// Its steps: indexes into [`Procedure::steps`].
    pub steps: std::ops::Range<usize>,
    /// `dari a sampai c`: it runs from the start of step `a` to the end of step `c`, owning
    /// no step.
    pub bounds: Option<(Name, Name)>,
    /// `di_luar "…"`: done outside the procedure (another system or office), as published.
    pub elsewhere: Option<Text>,
    /// `jeda selama <step>`: steps whose time its clock does not count.
    pub pauses: Vec<Pause>,
    /// Where the stage is written.
    pub span: Span,
}

/// A time as written for a step, a stage or a wait: a duration, or `tidak_diketahui` when
/// the source document does not give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Time {
    /// A duration.
    Known(Duration),
    /// Not given by the source.
    Unknown(Span),
}

/// `bila berisiko 80% eskalasi ke kepala_dinas`, `bila terlambat dianggap_disetujui -> terbit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escalation {
    /// When it fires.
    pub trigger: Trigger,
    /// What happens.
    pub action: EscalationAction,
    /// The whole rule.
    pub span: Span,
}

/// When an escalation fires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trigger {
    /// A share of the time used (percent; 80 when not written).
    AtRisk(Option<Int>),
    /// The time ran out.
    Breached,
}

/// What an escalation does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EscalationAction {
    /// `eskalasi ke peran`.
    Escalate(Name),
    /// `kirim jenis ke peran`.
    Send {
        /// `sms`, `surat`, `pesan`, …
        kind: Name,
        /// Recipient role.
        to: Name,
    },
    /// `dianggap_disetujui -> akhir`: the application is deemed approved (fiktif positif)
    /// and the case ends there.
    Deem(Name),
}

/// What pauses a budget clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pause {
    /// While the file is returned to the applicant.
    Returned(Span),
    /// While a step is active.
    Step(Name),
}

/// `langkah 2 periksa "…" { … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Published number as published (`3`, `2.1`, `b`, `c.4`).
    pub number: Option<Text>,
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
    /// Performer roles.
    pub by: Vec<Name>,
    /// Inputs (kelengkapan).
    pub inputs: Option<TextList>,
    /// Standard time.
    pub time: Option<Time>,
    /// Output.
    pub output: Option<TextList>,
    /// Remarks.
    pub remarks: Option<TextList>,
    /// The working day it falls on.
    pub on_day: Option<Int>,
    /// Condition of a conditional step.
    pub when: Option<Text>,
    /// Where a case goes when the conditional step is skipped (`jika_tidak -> x`).
    pub otherwise: Option<Target>,
    /// Explicit next.
    pub next: Option<Target>,
    /// Time waited on the way to the next step (`lanjut x tunggu 3 hari`).
    pub next_wait: Option<Time>,
    /// Decision.
    pub decision: Option<Decision>,
    /// What happens when its time is at risk or breached.
    pub escalations: Vec<Escalation>,
    /// `terpotong "…"`: the published table stops after this step.
    pub cut_off: Option<CutOff>,
    /// Some line of it could not be read (its items may be missing for that reason).
    pub broken: bool,
}

/// `terpotong "…"` (English `cut_off`): the published procedure table stops after the step
/// that says so — the rest is in another document or not published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutOff {
    /// What the source says of the rest, when written.
    pub remark: Option<Text>,
    /// Written with the English keyword.
    pub english: bool,
    /// The whole item.
    pub span: Span,
}

/// Where the flow goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A step or an end.
    Go(Name),
    /// `kembalikan ke pemohon [lalu langkah]`.
    Return {
        /// The role the file goes back to.
        role: Name,
        /// The step taken on resubmission (default: the returning step).
        resume: Option<Name>,
        /// The whole target.
        span: Span,
    },
}

impl Target {
    /// Where the target is written.
    pub fn span(&self) -> Span {
        match self {
            Target::Go(name) => name.span,
            Target::Return { span, .. } => *span,
        }
    }
}

/// `keputusan "…" { ya -> x  tidak -> y }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The question.
    pub question: Text,
    /// Outcomes in source order.
    pub outcomes: Vec<Outcome>,
    /// The keyword, for labels.
    pub span: Span,
}

/// `ya -> cek_simple`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Outcome name.
    pub name: Name,
    /// Where it leads.
    pub target: Target,
    /// Time waited on this way (`tidak -> perbaiki tunggu 3 hari kerja`).
    pub wait: Option<Time>,
    /// Output produced only on this outcome.
    pub output: Option<TextList>,
}

/// `selesai diterbitkan "Izin diterbitkan"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terminal {
    /// Identifier.
    pub name: Name,
    /// Title.
    pub title: Text,
}
