//! The YAML reader's reasons (English, from serde) said in the officer's language: a case or
//! responses file written by hand fails on a missing field, an unknown field or value, or a
//! wrong kind of value, and the message must say which, where, in plain words.

use super::Lang;

/// `reason` (serde's words, e.g. "missing field `opened` at line 3 column 1") in `lang`.
pub fn explain(reason: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return reason.to_string();
    }
    let (what, place) = split_place(reason);
    let said = if let Some(field) = between(what, "missing field `", "`") {
        format!("kolom `{field}` tidak ada")
    } else if let Some(field) = between(what, "unknown field `", "`") {
        match what.split_once("expected one of ") {
            Some((_, known)) => format!("kolom `{field}` tidak dikenal; yang dikenal: {known}"),
            None => format!("kolom `{field}` tidak dikenal"),
        }
    } else if let Some(value) = between(what, "unknown variant `", "`") {
        match what.split_once("expected one of ") {
            Some((_, known)) => format!("nilai `{value}` tidak dikenal; yang dikenal: {known}"),
            None => format!("nilai `{value}` tidak dikenal"),
        }
    } else if let Some(rest) = what.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        format!(
            "jenis nilai salah: {}, padahal yang diharapkan {}",
            kind(found),
            kind(expected)
        )
    } else if let Some(rest) = what.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        format!("nilai tidak sah: {found}; yang diharapkan {expected}")
    } else if what.starts_with("duplicate field `") {
        format!(
            "kolom {} ditulis dua kali",
            what.trim_start_matches("duplicate field ")
        )
    } else {
        // The YAML syntax itself (indentation, a missing `:`): serde's words, introduced.
        format!("YAML tidak dapat dibaca ({what})")
    };
    match place {
        Some((line, column)) => format!("{said} (baris {line}, kolom {column})"),
        None => said,
    }
}

/// Splits "… at line L column C" off the end.
fn split_place(reason: &str) -> (&str, Option<(&str, &str)>) {
    if let Some((what, at)) = reason.rsplit_once(" at line ") {
        if let Some((line, column)) = at.split_once(" column ") {
            return (what, Some((line.trim(), column.trim())));
        }
    }
    (reason, None)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.split_once(start)?.1;
    Some(rest.split_once(end)?.0)
}

/// serde's names for kinds of value, in Indonesian.
fn kind(words: &str) -> String {
    let w = words.trim();
    let known = [
        ("a string", "teks"),
        ("string", "teks"),
        ("a sequence", "daftar"),
        ("sequence", "daftar"),
        ("a map", "peta (kunci: nilai)"),
        ("map", "peta (kunci: nilai)"),
        ("integer", "bilangan bulat"),
        ("an integer", "bilangan bulat"),
        ("a boolean", "ya/tidak (true/false)"),
        ("boolean", "ya/tidak (true/false)"),
        ("unit value", "kosong"),
        ("a borrowed string", "teks"),
        ("floating point", "bilangan pecahan"),
    ];
    for (en, id) in known {
        if w == en || w.starts_with(&format!("{en} ")) {
            return format!("{id}{}", &w[en.len()..]);
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_reasons_are_said_in_indonesian() {
        assert_eq!(
            explain("missing field `opened` at line 3 column 1", Lang::Id),
            "kolom `opened` tidak ada (baris 3, kolom 1)"
        );
        assert_eq!(
            explain(
                "events[0]: unknown variant `selesai`, expected one of `done`, `returned` at line 5 column 5",
                Lang::Id
            ),
            "nilai `selesai` tidak dikenal; yang dikenal: `done`, `returned` (baris 5, kolom 5)"
        );
        assert_eq!(
            explain("invalid type: integer `5`, expected a string", Lang::Id),
            "jenis nilai salah: bilangan bulat `5`, padahal yang diharapkan teks"
        );
        assert_eq!(explain("anything", Lang::En), "anything");
    }
}
