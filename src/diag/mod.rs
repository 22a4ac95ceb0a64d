//! Diagnostics: what is wrong, where, and how to fix it — in Indonesian or English.
//!
//! A [`Diagnostic`] carries structured data ([`Kind`]) and places; the words come from the
//! catalogue at the edge, in the language asked for. Each kind has one stable code.

mod catalogue;
mod report;
mod suggest;

pub use catalogue::{amount as amount_words, COMPONENTS};
pub use report::Rendered;
pub use suggest::did_you_mean;

use crate::span::{FileId, Loc, Span};
use serde::Serialize;

/// The language diagnostics are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Picks the Indonesian or the English text.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The standard cannot be used as written.
    Error,
    /// Probably a mistake, or an inconsistency of the source document.
    Warning,
    /// A hint.
    Advice,
}

/// The sort of name a message talks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// `peran`.
    Role,
    /// `kelompok`.
    Group,
    /// A role or a group.
    RoleOrGroup,
    /// `langkah`.
    Step,
    /// A step or an end.
    StepOrEnd,
    /// `selesai`.
    End,
    /// `prosedur`.
    Procedure,
    /// `instansi`.
    Agency,
    /// `pengaduan` policy.
    Complaints,
    /// `saluran`.
    Channel,
    /// `fakta`.
    Fact,
    /// `tingkat`.
    Tier,
    /// `anggaran`.
    Budget,
    /// `kewajiban`.
    Obligation,
    /// `layanan`.
    Service,
    /// `kolom`.
    Field,
    /// A decision outcome.
    Outcome,
    /// A working-day calendar.
    Calendar,
}

/// Something the parser expected, said in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phrase {
    /// A keyword: (Indonesian, English).
    Keyword(&'static str, &'static str),
    /// An identifier.
    Name,
    /// A quoted text.
    Text,
    /// A whole number.
    Number,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A duration such as `20 menit`.
    Duration,
    /// A unit of time.
    Unit,
    /// `->`.
    Arrow,
    /// `{`.
    Open,
    /// `}`.
    Close,
    /// `=`.
    Equals,
    /// The end of the file.
    EndOfFile,
    /// Any item the block accepts.
    AnyItem,
}

/// An amount of time kept per unit, as the budget analysis sums it and messages show it
/// (`1 hari kerja 1 jam 5 menit`): units are never converted into each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Amount {
    /// Calendar months.
    pub months: u64,
    /// Calendar days (weeks count seven).
    pub days: u64,
    /// Working days.
    pub working_days: u64,
    /// Working minutes (hours count sixty).
    pub minutes: u64,
}

/// A value that must be one of a fixed set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// `survei tahunan`.
    SurveyFrequency,
    /// `tindak_lanjut bila kurang_baik`.
    Grade,
    /// `balas … bila fakta = nilai`.
    FactValue,
    /// `laporan { periode … }`.
    ReportPeriod,
    /// A calendar's time zone.
    Zone,
    /// A day of the week in a calendar's hours.
    Weekday,
    /// A calendar's `hitungan_hari`.
    DayCount,
}

/// What went wrong, with the data the message needs. Each variant has one stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The text does not follow the grammar.
    Syntax {
        /// What was found (first word), if anything.
        found: Option<String>,
        /// What would have been understood there.
        expected: Vec<Phrase>,
        /// A keyword close to what was written.
        suggestion: Option<Phrase>,
    },
    /// The file holds nothing.
    EmptyFile,
    /// The file is not UTF-8.
    NotUtf8 {
        /// First bad byte.
        offset: usize,
    },
    /// Braces nested deeper than anything the language needs.
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// More unreadable lines than are worth reporting one by one.
    TooManyErrors {
        /// Unreadable lines not reported.
        more: usize,
    },
    /// An item that may appear once appears again.
    DuplicateItem {
        /// The item's keyword.
        item: Phrase,
    },
    /// A name that is not defined.
    UndefinedName {
        /// What sort of thing.
        kind: NameKind,
        /// The name.
        name: String,
        /// A close defined name.
        suggestion: Option<String>,
    },
    /// A name defined twice.
    DuplicateName {
        /// What sort of thing.
        kind: NameKind,
        /// The name.
        name: String,
    },
    /// A name defined and never used.
    UnusedName {
        /// What sort of thing.
        kind: NameKind,
        /// The name.
        name: String,
    },
    /// A name that matches in several procedures.
    AmbiguousName {
        /// The name.
        name: String,
        /// The procedures that have it.
        procedures: Vec<String>,
    },
    /// No path from the start reaches the step.
    UnreachableStep {
        /// The step.
        step: String,
    },
    /// No path from the step reaches an end.
    NoWayToEnd {
        /// The step.
        step: String,
    },
    /// A loop that never leads out.
    LoopWithoutExit {
        /// The steps in it.
        steps: Vec<String>,
    },
    /// A decision with too few outcomes or half of a pair.
    MissingOutcome {
        /// The missing counterpart, when known.
        missing: Option<String>,
    },
    /// An outcome named twice in one decision.
    DuplicateOutcome {
        /// The outcome.
        name: String,
    },
    /// One of the 14 components of PermenPAN-RB 15/2014 is absent.
    MissingComponent {
        /// 1..=14.
        number: u8,
    },
    /// A required item is absent.
    MissingItem {
        /// The item's keyword.
        item: Phrase,
        /// Where it is required.
        within: NameKind,
    },
    /// Staffing counts contradict the roles that act.
    StaffingMismatch {
        /// Internal roles that perform steps.
        acting: usize,
        /// People declared.
        declared: u64,
        /// Acting roles no staffing entry covers.
        uncovered: Vec<String>,
    },
    /// A complaint channel with no reply rule.
    ChannelWithoutReply {
        /// The channel.
        channel: String,
    },
    /// A severity tier with nobody to handle it.
    TierWithoutRoute {
        /// The tier.
        tier: String,
    },
    /// An obligation or clock point on an event that cannot happen.
    NeverHappens {
        /// The step or end.
        point: String,
    },
    /// A negative duration.
    NegativeDuration,
    /// `25..3`.
    ReversedRange {
        /// Lower as written.
        low: i64,
        /// Upper as written.
        high: i64,
    },
    /// A unit of time not known.
    UnknownUnit {
        /// As written.
        unit: String,
        /// A close unit.
        suggestion: Option<String>,
    },
    /// A duration longer than any standard could mean.
    DurationTooLarge,
    /// A date that does not exist.
    InvalidDate {
        /// As written.
        text: String,
    },
    /// A number out of its range (a day number of 0, a negative head count).
    InvalidNumber {
        /// As written.
        text: String,
    },
    /// An included file cannot be read.
    IncludeNotFound {
        /// The path as resolved.
        path: String,
        /// Why.
        reason: String,
    },
    /// An include that leaves the standards root.
    IncludeEscapesRoot {
        /// The path as resolved.
        path: String,
    },
    /// Files that include each other.
    IncludeCycle {
        /// The chain, first file repeated at the end.
        chain: Vec<String>,
    },
    /// A value outside its fixed set.
    UnknownValue {
        /// Which set.
        kind: ValueKind,
        /// As written.
        value: String,
        /// A close allowed value.
        suggestion: Option<String>,
    },
    /// A step with both `lanjut` and `keputusan`.
    ConflictingFlow {
        /// The step.
        step: String,
    },
    /// Two steps with the same published number.
    DuplicateStepNumber {
        /// The number as published.
        number: String,
    },
    /// A published number smaller than the one before it.
    StepNumberOrder {
        /// The number.
        number: String,
        /// The number of the step before.
        after: String,
    },
    /// A decision with one outcome: the other branch is not published.
    OneBranch {
        /// The outcome written.
        outcome: String,
        /// Its usual counterpart, when it has one.
        missing: Option<String>,
    },
    /// A step without a performer (`oleh`).
    MissingPerformer {
        /// The step.
        step: String,
    },
    /// The same role twice among a step's performers.
    DuplicatePerformer {
        /// The step.
        step: String,
        /// The role.
        role: String,
    },
    /// A step without `waktu` (outside a stage with its own time).
    MissingTime {
        /// The step.
        step: String,
    },
    /// A budget whose paths hold steps of unknown time: its verdict is unknown.
    BudgetUnknown {
        /// The budget.
        budget: String,
        /// The steps whose time is unknown.
        steps: Vec<String>,
    },
    /// A calendar file that is not valid YAML or lacks a required key.
    CalendarSyntax {
        /// What the YAML reader said.
        message: String,
    },
    /// A day listed twice in a calendar.
    DuplicateDate {
        /// The date.
        date: String,
    },
    /// Working hours that are malformed or overlap.
    InvalidHours {
        /// As written.
        text: String,
        /// Whether the problem is an overlap with the previous interval.
        overlap: bool,
    },
    /// Even the shortest path takes longer than the budget allows.
    BudgetCannotFit {
        /// The budget.
        budget: String,
        /// The shortest path's time.
        shortest: Amount,
        /// The budget.
        limit: Amount,
    },
    /// The longest path (loops once) can end after the budget's due instant.
    BudgetMayOverrun {
        /// The budget.
        budget: String,
        /// The longest path's time.
        longest: Amount,
        /// The budget.
        limit: Amount,
        /// The earliest start from which it overruns, in the calendar's zone.
        from: Option<String>,
    },
    /// The steps marked as falling on one working day take longer than that day's hours.
    DayOverfull {
        /// The day number (hari ke-N).
        day: u32,
        /// Their total, working minutes.
        minutes: u64,
        /// A working day, minutes.
        limit: u64,
    },
    /// Some combination of fact values has no reply rule for a channel.
    ReplyGap {
        /// The channel.
        channel: String,
        /// The uncovered facts, `fakta = nilai, …`.
        case: String,
    },
    /// Some combination of fact values has several reply rules for a channel.
    ReplyOverlap {
        /// The channel.
        channel: String,
        /// The facts both rules cover.
        case: String,
    },
    /// A day outside the calendar's declared range.
    OutsideRange {
        /// The date.
        date: String,
        /// First covered day.
        from: String,
        /// Last covered day.
        to: String,
    },
    /// A procedure counts working time, and no working-day calendar is named for it.
    NoCalendar {
        /// The procedure.
        procedure: String,
    },
    /// An escalation rule on a stage or step whose time is not given.
    EscalationWithoutTime {
        /// The stage or step.
        name: String,
    },
    /// A calendar's `berlaku` spans more years than holidays are ever decreed for.
    RangeTooWide {
        /// Years the range spans.
        years: i64,
        /// The most allowed.
        limit: i64,
    },
}

/// A secondary label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// "first defined here".
    FirstHere,
}

/// One problem found in the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong.
    pub kind: Kind,
    /// Where; `None` for problems of no particular place.
    pub loc: Option<Loc>,
    /// Other places that explain it.
    pub notes: Vec<(Loc, Note)>,
}

impl Diagnostic {
    /// A diagnostic at a span of a file.
    pub fn at(kind: Kind, file: FileId, span: Span) -> Self {
        Diagnostic {
            kind,
            loc: Some(Loc { file, span }),
            notes: Vec::new(),
        }
    }

    /// A diagnostic at a place.
    pub fn located(kind: Kind, loc: Loc) -> Self {
        Diagnostic {
            kind,
            loc: Some(loc),
            notes: Vec::new(),
        }
    }

    /// Adds a secondary label.
    pub fn with_note(mut self, loc: Loc, note: Note) -> Self {
        self.notes.push((loc, note));
        self
    }

    /// The stable code, e.g. `sop::undefined-name`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The severity.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        catalogue::message(&self.kind, lang)
    }

    /// The text of the primary label in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        catalogue::label(&self.kind, lang)
    }

    /// How to fix it, in `lang`.
    pub fn help(&self, lang: Lang) -> Option<String> {
        catalogue::help(&self.kind, lang)
    }
}

impl Kind {
    /// The stable code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            Kind::Syntax { .. } => "sop::syntax",
            Kind::EmptyFile => "sop::empty-file",
            Kind::NotUtf8 { .. } => "sop::not-utf8",
            Kind::TooDeep { .. } => "sop::too-deep",
            Kind::TooManyErrors { .. } => "sop::too-many-errors",
            Kind::DuplicateItem { .. } => "sop::duplicate-item",
            Kind::UndefinedName { .. } => "sop::undefined-name",
            Kind::DuplicateName { .. } => "sop::duplicate-name",
            Kind::UnusedName { .. } => "sop::unused-name",
            Kind::AmbiguousName { .. } => "sop::ambiguous-name",
            Kind::UnreachableStep { .. } => "sop::unreachable-step",
            Kind::NoWayToEnd { .. } => "sop::no-way-to-end",
            Kind::LoopWithoutExit { .. } => "sop::loop-without-exit",
            Kind::MissingOutcome { .. } => "sop::missing-outcome",
            Kind::DuplicateOutcome { .. } => "sop::duplicate-outcome",
            Kind::MissingComponent { .. } => "sop::missing-component",
            Kind::MissingItem { .. } => "sop::missing-item",
            Kind::StaffingMismatch { .. } => "sop::staffing-mismatch",
            Kind::ChannelWithoutReply { .. } => "sop::channel-without-reply",
            Kind::TierWithoutRoute { .. } => "sop::tier-without-route",
            Kind::NeverHappens { .. } => "sop::never-happens",
            Kind::NegativeDuration => "sop::negative-duration",
            Kind::ReversedRange { .. } => "sop::reversed-range",
            Kind::UnknownUnit { .. } => "sop::unknown-unit",
            Kind::DurationTooLarge => "sop::duration-too-large",
            Kind::InvalidDate { .. } => "sop::invalid-date",
            Kind::InvalidNumber { .. } => "sop::invalid-number",
            Kind::IncludeNotFound { .. } => "sop::include-not-found",
            Kind::IncludeEscapesRoot { .. } => "sop::include-escapes-root",
            Kind::IncludeCycle { .. } => "sop::include-cycle",
            Kind::UnknownValue { .. } => "sop::unknown-value",
            Kind::ConflictingFlow { .. } => "sop::conflicting-flow",
            Kind::DuplicateStepNumber { .. } => "sop::duplicate-step-number",
            Kind::StepNumberOrder { .. } => "sop::step-number-order",
            Kind::OneBranch { .. } => "sop::one-branch",
            Kind::MissingPerformer { .. } => "sop::missing-performer",
            Kind::DuplicatePerformer { .. } => "sop::duplicate-performer",
            Kind::MissingTime { .. } => "sop::missing-time",
            Kind::BudgetUnknown { .. } => "sop::budget-unknown",
            Kind::CalendarSyntax { .. } => "sop::calendar-syntax",
            Kind::DuplicateDate { .. } => "sop::duplicate-date",
            Kind::InvalidHours { .. } => "sop::invalid-hours",
            Kind::OutsideRange { .. } => "sop::outside-range",
            Kind::RangeTooWide { .. } => "sop::range-too-wide",
            Kind::NoCalendar { .. } => "sop::no-calendar",
            Kind::EscalationWithoutTime { .. } => "sop::escalation-without-time",
            Kind::ReplyGap { .. } => "sop::reply-gap",
            Kind::ReplyOverlap { .. } => "sop::reply-overlap",
            Kind::BudgetCannotFit { .. } => "sop::budget-cannot-fit",
            Kind::BudgetMayOverrun { .. } => "sop::budget-may-overrun",
            Kind::DayOverfull { .. } => "sop::day-overfull",
        }
    }

    /// The severity of this kind.
    pub fn severity(&self) -> Severity {
        match self {
            Kind::UnusedName { .. }
            | Kind::StaffingMismatch { .. }
            | Kind::DuplicateStepNumber { .. }
            | Kind::StepNumberOrder { .. }
            | Kind::MissingPerformer { .. }
            | Kind::DuplicatePerformer { .. }
            | Kind::MissingTime { .. }
            | Kind::MissingComponent { .. }
            | Kind::BudgetMayOverrun { .. }
            | Kind::DayOverfull { .. } => Severity::Warning,
            Kind::TooManyErrors { .. } | Kind::OneBranch { .. } | Kind::BudgetUnknown { .. } => {
                Severity::Advice
            }
            _ => Severity::Error,
        }
    }
}

/// Every stable code, for documentation and for the test that each has a snapshot.
pub const CODES: &[&str] = &[
    "sop::syntax",
    "sop::empty-file",
    "sop::not-utf8",
    "sop::too-deep",
    "sop::too-many-errors",
    "sop::duplicate-item",
    "sop::undefined-name",
    "sop::duplicate-name",
    "sop::unused-name",
    "sop::ambiguous-name",
    "sop::unreachable-step",
    "sop::no-way-to-end",
    "sop::loop-without-exit",
    "sop::missing-outcome",
    "sop::duplicate-outcome",
    "sop::missing-component",
    "sop::missing-item",
    "sop::staffing-mismatch",
    "sop::channel-without-reply",
    "sop::tier-without-route",
    "sop::never-happens",
    "sop::negative-duration",
    "sop::reversed-range",
    "sop::unknown-unit",
    "sop::duration-too-large",
    "sop::invalid-date",
    "sop::invalid-number",
    "sop::include-not-found",
    "sop::include-escapes-root",
    "sop::include-cycle",
    "sop::unknown-value",
    "sop::conflicting-flow",
    "sop::duplicate-step-number",
    "sop::step-number-order",
    "sop::one-branch",
    "sop::missing-performer",
    "sop::duplicate-performer",
    "sop::missing-time",
    "sop::budget-unknown",
    "sop::calendar-syntax",
    "sop::duplicate-date",
    "sop::invalid-hours",
    "sop::outside-range",
    "sop::range-too-wide",
    "sop::no-calendar",
    "sop::escalation-without-time",
    "sop::reply-gap",
    "sop::reply-overlap",
    "sop::budget-cannot-fit",
    "sop::budget-may-overrun",
    "sop::day-overfull",
];
