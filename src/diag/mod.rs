//! Diagnostics: what is wrong, where, and how to fix it — in Indonesian or English.
//!
//! A [`Diagnostic`] carries structured data ([`Kind`]) and places; the words come from the
//! catalogue at the edge, in the language asked for. Each kind has one stable code.

mod catalogue;
mod hint;
mod path;
#[macro_use]
mod table;
mod kinds;
mod report;
mod suggest;

pub use catalogue::{amount as amount_words, COMPONENTS};
pub use kinds::{Kind, CODES};
pub use report::{localise_help, Rendered};
pub use suggest::did_you_mean;

use crate::source::span::{FileId, Loc, Span};
use serde::Serialize;

pub use crate::source::Lang;
pub use hint::{Form, Hint};
pub use path::{path_words, PathHop};

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
    /// A named `tenggat` of a complaint policy or tier.
    Deadline,
}

impl Kind {
    /// The text that corrects the diagnostic's own span, when the kind carries a suggestion
    /// for exactly what is written there (a misspelt name, unit or value).
    pub fn replacement(&self) -> Option<&str> {
        match self {
            Kind::UndefinedName { suggestion, .. }
            | Kind::UnknownUnit { suggestion, .. }
            | Kind::UnknownValue { suggestion, .. } => suggestion.as_deref(),
            _ => None,
        }
    }
}

/// A CSV line that could not be read, in words, in `lang`.
pub fn table_error(e: &crate::source::table::TableError, lang: Lang) -> String {
    e.message(lang)
}

/// A machine-applicable correction: replace `span` of the diagnostic's file with `text`.
/// Every fix offered is meant to leave a file that reads (the mistakes corpus checks it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What to replace (empty to insert).
    pub span: Span,
    /// The replacement (empty to delete).
    pub text: String,
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
    /// A calendar's `hari_biasa_jatuh_libur`.
    PlainDays,
}

/// A secondary label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// "first defined here".
    FirstHere,
    /// "the block should be closed before this line".
    ShouldCloseBefore,
    /// "the step's decision is here".
    DecisionHere,
    /// "the table stops here" (a step's `terpotong`).
    CutOffHere,
    /// This many problems found later in the same standard were held back: they most likely
    /// follow from this one (a file that cannot be read, an include not found). Shown in the
    /// help, at the diagnostic's own place.
    HeldBack(u32),
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
    /// The correction, when one is clear.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Whether the file could not be read as written (a syntax error, a brace or quote left
    /// open, nesting too deep): what follows from its content is not worth reporting then.
    pub fn is_unreadable(&self) -> bool {
        matches!(
            self.kind,
            Kind::Syntax { .. }
                | Kind::UnclosedBlock { .. }
                | Kind::ExtraBrace
                | Kind::MissingOpenBrace { .. }
                | Kind::UnclosedQuote
                | Kind::TooDeep { .. }
                | Kind::TooManyErrors { .. }
                | Kind::NotUtf8 { .. }
        )
    }

    /// Whether later checks of its standard are held back behind this diagnostic: the file
    /// could not be read, or a file it includes could not be found, so names and flows look
    /// broken that are not.
    pub fn holds_back(&self) -> bool {
        self.is_unreadable()
            || matches!(
                self.kind,
                Kind::IncludeNotFound { .. } | Kind::IncludeEscapesRoot { .. }
            )
    }

    /// How many problems were held back behind this one.
    pub fn held_back(&self) -> u32 {
        self.notes
            .iter()
            .map(|(_, n)| match n {
                Note::HeldBack(k) => *k,
                _ => 0,
            })
            .sum()
    }

    /// A diagnostic at a span of a file.
    pub fn at(kind: Kind, file: FileId, span: Span) -> Self {
        Diagnostic::located(kind, Loc { file, span })
    }

    /// A diagnostic at a place.
    /// A name or word with a close suggestion gets the suggestion as its fix.
    pub fn located(kind: Kind, loc: Loc) -> Self {
        let fix = kind.replacement().map(|text| Fix {
            span: loc.span,
            text: text.to_string(),
        });
        Diagnostic {
            kind,
            loc: Some(loc),
            notes: Vec::new(),
            fix,
        }
    }

    /// Offers a correction: `span` (in the diagnostic's file) replaced by `text`.
    pub fn with_fix(mut self, span: Span, text: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            text: text.into(),
        });
        self
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
