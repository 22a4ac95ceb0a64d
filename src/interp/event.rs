//! What can happen to a case, and why an event may be refused.

pub use super::whereabouts::Whereabouts;
use crate::diag::Lang;
use crate::time::Zone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Something that happened to a case, reported by the host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// The active step is done (with the decision's outcome when it has one).
    Done {
        /// The step.
        step: String,
        /// The outcome, for a decision.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outcome: Option<String>,
        /// The officer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        #[serde(deserialize_with = "crate::time::de_instant")]
        at: Timestamp,
    },
    /// The applicant brought the returned file back.
    Resubmitted {
        /// Who received it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        #[serde(deserialize_with = "crate::time::de_instant")]
        at: Timestamp,
    },
    /// The active step returned the file to the applicant: the step is done with the one
    /// outcome of its decision that leads to a return.
    Returned {
        /// The officer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        #[serde(deserialize_with = "crate::time::de_instant")]
        at: Timestamp,
    },
    /// The applicant collected the product: the active step and every following step without
    /// a decision are done, up to an end.
    Collected {
        /// The officer who handed it over.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        #[serde(deserialize_with = "crate::time::de_instant")]
        at: Timestamp,
    },
    /// The applicant withdrew the application.
    Withdrawn {
        /// When.
        #[serde(deserialize_with = "crate::time::de_instant")]
        at: Timestamp,
    },
    /// The active conditional step does not apply: the case goes where a skip leads.
    Skipped {
        /// The step.
        step: String,
        /// The officer who decided it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        #[serde(deserialize_with = "crate::time::de_instant")]
        at: Timestamp,
    },
    /// What the case waited for on the way to the active step arrived (`lanjut x tunggu …`):
    /// the step's own time starts now; the time before is kept apart as waiting.
    Arrived {
        /// The step that waited.
        step: String,
        /// When.
        #[serde(deserialize_with = "crate::time::de_instant")]
        at: Timestamp,
    },
    /// A deemed approval (fiktif positif) fell due: recorded by
    /// [`Case::advance`](super::Case::advance), not sent by hosts.
    Deemed {
        /// When.
        #[serde(deserialize_with = "crate::time::de_instant")]
        at: Timestamp,
    },
    /// An officer extends a running clock once, by the extension its deadline allows (a
    /// complaint tier's `perpanjangan`), saying why.
    Extended {
        /// The clock (`jawaban.ringan`); may be left out when exactly one running clock
        /// allows an extension.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        budget: Option<String>,
        /// Why, as the officer records it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// Who extends it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        #[serde(deserialize_with = "crate::time::de_instant")]
        at: Timestamp,
    },
}

impl Event {
    /// A step done, to be completed with [`Event::outcome`], [`Event::by`].
    pub fn done(step: &str, at: Timestamp) -> Event {
        Event::Done {
            step: step.to_string(),
            outcome: None,
            by: None,
            at,
        }
    }

    /// Sets the outcome of a `Done`.
    pub fn outcome(mut self, name: &str) -> Event {
        if let Event::Done { outcome, .. } = &mut self {
            *outcome = Some(name.to_string());
        }
        self
    }

    /// Sets the officer (not for `Withdrawn`).
    pub fn by(mut self, officer: &str) -> Event {
        match &mut self {
            Event::Done { by, .. }
            | Event::Resubmitted { by, .. }
            | Event::Returned { by, .. }
            | Event::Collected { by, .. }
            | Event::Skipped { by, .. }
            | Event::Extended { by, .. } => *by = Some(officer.to_string()),
            Event::Withdrawn { .. } | Event::Deemed { .. } | Event::Arrived { .. } => {}
        }
        self
    }

    /// When it happened.
    pub fn at(&self) -> Timestamp {
        match self {
            Event::Done { at, .. }
            | Event::Resubmitted { at, .. }
            | Event::Returned { at, .. }
            | Event::Collected { at, .. }
            | Event::Skipped { at, .. }
            | Event::Withdrawn { at }
            | Event::Arrived { at, .. }
            | Event::Deemed { at }
            | Event::Extended { at, .. } => *at,
        }
    }
}

/// Why an event was refused. The case is unchanged. `Display` gives the English words;
/// [`EventError::message`] either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventError {
    /// The procedure has no such step.
    UnknownStep(String),
    /// The step exists but is not the active one.
    NotActive {
        /// The step named.
        step: String,
        /// Where the case is.
        active: Whereabouts,
    },
    /// A decision needs an outcome it offers.
    Outcome {
        /// The step.
        step: String,
        /// What was given.
        given: Option<String>,
        /// What it offers.
        offered: Vec<String>,
    },
    /// An event earlier than one already applied.
    Backwards {
        /// The event's instant.
        at: Timestamp,
        /// The latest instant already applied.
        last: Timestamp,
    },
    /// The case is finished or withdrawn.
    Closed,
    /// `returned` at a step with no (or more than one) way back to the applicant,
    /// `collected` where the steps ahead need a decision, and the like.
    NotPossible(Impossible),
    /// A resubmission while the file is not with the applicant.
    NotReturned,
    /// The instant lies outside the days the standard's calendar covers: working time
    /// cannot be counted there, and is never guessed.
    OutOfRange(crate::time::CalendarError),
    /// The procedure has no start step, so no case can be opened on it.
    NoStart,
    /// `skipped` names a step that is not conditional.
    NotConditional(String),
    /// `arrived` names the active step, which was not reached over a wait (or its wait has
    /// already been reported over).
    NotAwaited(String),
    /// A deemed approval fell due before this event: `advance` records it first.
    DeemedFirst {
        /// When it fell due.
        at: Timestamp,
    },
    /// The procedure counts working time, and its standard names no working-day calendar.
    NoCalendar,
    /// A name in the event (step, outcome, officer) holds a control or bidirectional
    /// character, or is longer than 256 bytes.
    BadText {
        /// Which field: `step`, `outcome` or `by`.
        field: &'static str,
    },
    /// The procedure is too large to run a case on (more than 65,535 clocks).
    TooBig,
    /// An obligation the event triggers would fall due past the calendar's range: the event
    /// is refused rather than the obligation lost.
    ObligationOutOfRange {
        /// The obligation's id.
        obligation: String,
        /// Why its due instant is unknown.
        reason: crate::time::CalendarError,
    },
}

/// What an event asked that the case cannot do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Impossible {
    /// `deemed` when no deemed approval falls due at that instant.
    NoDeemedDue(Timestamp),
    /// `returned` while the file is already with the applicant.
    AlreadyReturned,
    /// `returned` at a step with no single way back to the applicant.
    NoWayBack(String),
    /// `collected` at a step that does not hand the product over.
    NoHandOver(String),
    /// `collected` where the steps after the hand-over never reach an end.
    NoEndAfterHandOver,
    /// `extended` naming no running clock that allows an extension (or, naming none, where
    /// not exactly one does).
    NoExtension(Option<String>),
    /// `extended` on a clock already extended, or already past its deadline.
    NotExtendable(String),
}

impl EventError {
    /// Why, in words, in `lang`, with instants in `zone` (the standard's calendar's).
    pub fn message(&self, lang: Lang, zone: Zone) -> String {
        let id = lang == Lang::Id;
        let pick = |i: String, e: String| if id { i } else { e };
        match self {
            EventError::UnknownStep(s) => pick(
                format!("prosedur tidak punya langkah `{s}`"),
                format!("the procedure has no step `{s}`"),
            ),
            EventError::NotActive { step, active } => pick(
                format!("langkah `{step}` tidak sedang berjalan (perkara ada di {})", active.words(lang)),
                format!("step `{step}` is not active (the case is at {})", active.words(lang)),
            ),
            EventError::Outcome {
                step,
                given,
                offered,
            } => outcome_words(step, given, offered, lang),
            EventError::Backwards { at, last } => pick(
                format!("waktu mundur: {} lebih awal daripada {}", zone.show(*at), zone.show(*last)),
                format!("time went backwards: {} is before {}", zone.show(*at), zone.show(*last)),
            ),
            EventError::Closed => pick("perkara sudah ditutup".into(), "the case is closed".into()),
            EventError::NotPossible(why) => why.message(lang, zone),
            EventError::NotReturned => pick(
                "berkas tidak sedang dikembalikan kepada pemohon".into(),
                "the file is not returned to the applicant".into(),
            ),
            EventError::OutOfRange(e) => e.message(lang),
            EventError::NoStart => pick(
                "prosedur tidak punya langkah awal".into(),
                "the procedure has no start step".into(),
            ),
            EventError::NotConditional(s) => pick(
                format!("langkah `{s}` tidak bersyarat (tidak punya `bila`) dan tidak dapat dilewati"),
                format!("step `{s}` is not conditional (it has no `bila`) and cannot be skipped"),
            ),
            EventError::NotAwaited(s) => pick(
                format!("langkah `{s}` tidak sedang menunggu: `arrived` hanya sekali, sesudah `tunggu` menuju langkah itu"),
                format!("step `{s}` is not waiting for anything: `arrived` follows a `tunggu` on the way to it, once"),
            ),
            EventError::DeemedFirst { at } => pick(
                format!("permohonan dianggap disetujui (fiktif positif) pada {}, sebelum kejadian ini; majukan perkara sampai saat itu", zone.show(*at)),
                format!("the application was deemed approved (fiktif positif) at {}, before this event; advance the case to that instant", zone.show(*at)),
            ),
            EventError::BadText { field } => pick(
                format!("`{field}` berisi karakter kendali atau lebih dari 256 bita"),
                format!("`{field}` holds a control character or is longer than 256 bytes"),
            ),
            EventError::TooBig => pick(
                "prosedur terlalu besar untuk menjalankan perkara (lebih dari 65.535 jam)".into(),
                "the procedure is too large to run a case on (more than 65,535 clocks)".into(),
            ),
            EventError::NoCalendar => pick(
                "prosedur menghitung waktu kerja, dan tidak ada kalender kerja yang disebut".into(),
                "the procedure counts working time, and no working-day calendar is named".into(),
            ),
            EventError::ObligationOutOfRange { obligation, reason } => pick(
                format!("kewajiban `{obligation}` akan jatuh tempo di luar kalender: {}", reason.message(lang)),
                format!("obligation `{obligation}` would fall due past the calendar: {}", reason.message(lang)),
            ),
        }
    }
}

impl Impossible {
    /// Why, in words, in `lang`, with instants in `zone`.
    pub fn message(&self, lang: Lang, zone: Zone) -> String {
        match (self, lang) {
            (Impossible::NoDeemedDue(at), Lang::Id) => {
                format!(
                    "tidak ada anggapan disetujui yang jatuh tempo pada {}",
                    zone.show(*at)
                )
            }
            (Impossible::NoDeemedDue(at), Lang::En) => {
                format!("no deemed approval falls due at {}", zone.show(*at))
            }
            (Impossible::AlreadyReturned, Lang::Id) => "berkas sudah ada pada pemohon".into(),
            (Impossible::AlreadyReturned, Lang::En) => {
                "the file is already with the applicant".into()
            }
            (Impossible::NoWayBack(s), Lang::Id) => {
                format!("langkah `{s}` tidak punya satu jalan kembali kepada pemohon")
            }
            (Impossible::NoWayBack(s), Lang::En) => {
                format!("step `{s}` has no single way back to the applicant")
            }
            (Impossible::NoHandOver(s), Lang::Id) => {
                format!("langkah `{s}` tidak menyerahkan produk kepada pemohon")
            }
            (Impossible::NoHandOver(s), Lang::En) => {
                format!("step `{s}` does not hand the product over to the applicant")
            }
            (Impossible::NoExtension(Some(b)), Lang::Id) => format!(
                "jam `{b}` tidak dapat diperpanjang: tidak berjalan, atau tenggatnya tidak menyebut `perpanjangan`"
            ),
            (Impossible::NoExtension(Some(b)), Lang::En) => format!(
                "clock `{b}` cannot be extended: it is not running, or its deadline allows no `extension`"
            ),
            (Impossible::NoExtension(None), Lang::Id) => "sebutkan jam yang diperpanjang (`budget:`): tidak tepat satu jam berjalan yang boleh diperpanjang".into(),
            (Impossible::NoExtension(None), Lang::En) => "name the clock to extend (`budget:`): not exactly one running clock allows an extension".into(),
            (Impossible::NotExtendable(b), Lang::Id) => format!(
                "jam `{b}` sudah pernah diperpanjang atau sudah lewat tenggatnya; perpanjangan hanya sekali, sebelum tenggat"
            ),
            (Impossible::NotExtendable(b), Lang::En) => format!(
                "clock `{b}` was already extended or is past its deadline; an extension is made once, before the deadline"
            ),
            (Impossible::NoEndAfterHandOver, Lang::Id) => {
                "langkah sesudah penyerahan tidak pernah sampai ke akhir".into()
            }
            (Impossible::NoEndAfterHandOver, Lang::En) => {
                "the steps after the hand-over never reach an end".into()
            }
        }
    }
}

impl std::fmt::Display for EventError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En, Zone::Wib))
    }
}

impl std::error::Error for EventError {}

/// A refused outcome in words, without debug formatting.
fn outcome_words(step: &str, given: &Option<String>, offered: &[String], lang: Lang) -> String {
    let list = offered
        .iter()
        .map(|o| format!("`{o}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match (given, offered, lang) {
        (None, [], Lang::Id) => format!("langkah `{step}` tidak punya keputusan: kirim tanpa hasil"),
        (None, [], Lang::En) => format!("step `{step}` has no decision: send it without an outcome"),
        (None, _, Lang::Id) => format!("langkah `{step}` meminta hasil: {list}"),
        (None, _, Lang::En) => format!("step `{step}` asks for an outcome: {list}"),
        (Some(g), [], Lang::Id) => format!("langkah `{step}` tidak punya keputusan, jadi tidak ada hasil `{g}`"),
        (Some(g), [], Lang::En) => format!("step `{step}` has no decision, so no outcome `{g}`"),
        (Some(g), [only], Lang::Id) => format!(
            "standar hanya menulis hasil `{only}` untuk langkah `{step}`; `{g}` tidak dapat diambil sampai cabang itu ditulis"
        ),
        (Some(g), [only], Lang::En) => format!(
            "the standard writes only the outcome `{only}` for step `{step}`; `{g}` cannot be taken until that branch is written"
        ),
        (Some(g), _, Lang::Id) => format!("langkah `{step}` menawarkan {list}, bukan `{g}`"),
        (Some(g), _, Lang::En) => format!("step `{step}` offers {list}, not `{g}`"),
    }
}
