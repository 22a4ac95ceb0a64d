//! Where a case is, in words, for messages.

use crate::diag::Lang;

/// Where a case is, for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whereabouts {
    /// At a step (its id).
    Step(String),
    /// Back with the applicant until resubmitted.
    Returned,
    /// At an end (its id).
    Ended(String),
    /// Withdrawn.
    Withdrawn,
}

impl Whereabouts {
    /// In words, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Whereabouts::Step(s), Lang::Id) => format!("langkah `{s}`"),
            (Whereabouts::Step(s), Lang::En) => format!("step `{s}`"),
            (Whereabouts::Returned, Lang::Id) => "pemohon (berkas dikembalikan)".into(),
            (Whereabouts::Returned, Lang::En) => "the applicant (file returned)".into(),
            (Whereabouts::Ended(e), Lang::Id) => format!("akhir `{e}`"),
            (Whereabouts::Ended(e), Lang::En) => format!("end `{e}`"),
            (Whereabouts::Withdrawn, Lang::Id) => "dicabut".into(),
            (Whereabouts::Withdrawn, Lang::En) => "withdrawn".into(),
        }
    }
}
