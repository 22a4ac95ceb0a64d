//! What a line that could not be read most likely needs, for the syntax diagnostic's help.

/// What a line that could not be read most likely needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hint {
    /// A keyword close to the word written (in the spelling closest to it).
    Keyword(&'static str),
    /// Text must be in quotes.
    Quote,
    /// Comments start with `//`, not `#`.
    Slashes,
    /// Names in a list are separated by commas.
    Comma,
    /// An outcome and its target are joined by `->`.
    Arrow,
    /// A sentence in a step belongs in `keterangan "…"`.
    Remark,
    /// A form officers write where the language wants another.
    Form(Form),
}

/// The forms officers write where the language wants another (each said in words; fixed
/// only where the fix means exactly what was written).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// `2 hari kalender`: `hari` already counts calendar days.
    CalendarDays,
    /// `1x24 jam`: whole days of elapsed time are `hari`.
    FullDays,
    /// `2 (dua) hari`: the number alone.
    NumberInWords,
    /// `maksimal 3 hari`, `paling lambat`: `paling lama`.
    AtMost,
    /// `biaya gratis`: no fee is `biaya 0 "…"`.
    Free,
    /// `02-01-2024`: dates are written year first.
    DateOrder,
    /// A comma after a list item.
    StrayComma,
    /// `dikembalikan ke pemohon`: the return is `kembalikan ke`.
    ReturnTo,
    /// `tidak lengkap`: an outcome's name is one word.
    OneWord,
}
