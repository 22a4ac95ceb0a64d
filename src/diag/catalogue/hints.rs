//! The words of a syntax error's hint: the keyword meant, the quote, comment or comma
//! missing, the form an officer wrote where the language wants another.

use super::*;

pub(super) fn syntax_hint(hint: Hint, lang: Lang) -> String {
    match (hint, lang) {
        (Hint::Keyword(k), Lang::Id) => format!("maksud Anda `{k}`?"),
        (Hint::Keyword(k), Lang::En) => format!("did you mean `{k}`?"),
        (Hint::Quote, Lang::Id) => "teks ditulis di antara tanda kutip: \"…\"".into(),
        (Hint::Quote, Lang::En) => "text is written between quotes: \"…\"".into(),
        (Hint::Slashes, Lang::Id) => "komentar diawali `//`, bukan `#`".into(),
        (Hint::Slashes, Lang::En) => "comments start with `//`, not `#`".into(),
        (Hint::Comma, Lang::Id) => "pisahkan nama-nama dengan koma: `a, b`".into(),
        (Hint::Comma, Lang::En) => "separate the names with commas: `a, b`".into(),
        (Hint::Arrow, Lang::Id) => {
            "tulis `->` di antara hasil dan tujuannya: `ya -> langkah`".into()
        }
        (Hint::Arrow, Lang::En) => {
            "write `->` between the outcome and where it leads: `yes -> step`".into()
        }
        (Hint::Remark, Lang::Id) => "kalimat penjelasan ditulis sebagai `keterangan \"…\"`".into(),
        (Hint::Remark, Lang::En) => "an explanatory sentence is written as `remarks \"…\"`".into(),
        (Hint::Form(f), _) => form_words(f, lang).into(),
    }
}

fn form_words(form: crate::diag::Form, lang: Lang) -> &'static str {
    match (form, lang) {
        (crate::diag::Form::CalendarDays, Lang::Id) => "`hari` sudah berarti hari kalender: tulis `2 hari`, tanpa `kalender`",
        (crate::diag::Form::CalendarDays, Lang::En) => "`hari` already means calendar days: write `2 hari`, without `kalender`",
        (crate::diag::Form::FullDays, Lang::Id) => "hanya `N x 24 jam` (sehari penuh waktu kalender) yang diterima dalam bentuk ini; tulis jumlah jam kerjanya (`8 jam`) atau harinya (`1 hari kerja`)",
        (crate::diag::Form::FullDays, Lang::En) => "only `N x 24 jam` (whole days of elapsed time) is read in this form; write the working hours (`8 jam`) or the days (`1 hari kerja`)",
        (crate::diag::Form::NumberInWords, Lang::Id) => "tulis angkanya saja: `2 hari`, tanpa `(dua)`",
        (crate::diag::Form::NumberInWords, Lang::En) => "write the number alone: `2 hari`, without `(dua)`",
        (crate::diag::Form::AtMost, Lang::Id) => "waktu paling lama ditulis `paling lama 3 hari`",
        (crate::diag::Form::AtMost, Lang::En) => "a time at most is written `paling lama 3 hari` (`at most 3 days`)",
        (crate::diag::Form::Free, Lang::Id) => "pelayanan tanpa biaya ditulis `biaya 0 \"Tidak dipungut biaya\"`",
        (crate::diag::Form::Free, Lang::En) => "a service without a fee is written `fee 0 \"Free of charge\"`",
        (crate::diag::Form::DateOrder, Lang::Id) => "tanggal ditulis tahun dahulu: `2024-01-02` untuk 2 Januari 2024",
        (crate::diag::Form::DateOrder, Lang::En) => "dates are written year first: `2024-01-02` for 2 January 2024",
        (crate::diag::Form::StrayComma, Lang::Id) => "butir daftar ditulis per baris, tanpa koma",
        (crate::diag::Form::StrayComma, Lang::En) => "list items stand on their own lines, without commas",
        (crate::diag::Form::ReturnTo, Lang::Id) => "pengembalian kepada pemohon ditulis `kembalikan ke pemohon`",
        (crate::diag::Form::ReturnTo, Lang::En) => "a return to the applicant is written `kembalikan ke pemohon` (`return to applicant`)",
        (crate::diag::Form::OneWord, Lang::Id) => "nama hasil keputusan satu kata: `tidak_lengkap`, dengan garis bawah",
        (crate::diag::Form::OneWord, Lang::En) => "an outcome's name is one word: `tidak_lengkap`, with an underscore",
    }
}
