//! Small pieces of Markdown: table cells, anchors, role names, lists, rupiah amounts.

use super::*;

pub(super) fn roles(model: &Model, ids: &[RoleId]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .filter_map(|r| model.role(*r))
        .map(|r| r.title.as_str())
        .collect();
    if names.is_empty() {
        "—".into()
    } else {
        cell(&names.join(", "))
    }
}

pub(super) fn subject_title(model: &Model, subject: &str) -> String {
    model
        .roles
        .iter()
        .find(|r| r.id == subject)
        .map(|r| cell(&r.title))
        .or_else(|| {
            model
                .groups
                .iter()
                .find(|g| g.id == subject)
                .map(|g| cell(&g.title))
        })
        .unwrap_or_else(|| subject.to_string())
}

pub(super) fn list(out: &mut String, items: &[String]) {
    for item in items {
        let _ = writeln!(out, "- {}", cell(item));
    }
}

/// Text of the standard as Markdown shows it literally, in a table cell or anywhere: the
/// characters Markdown reads as marks (`*`, `` ` ``, `[`, `]`, `|`, `\`) escaped with a
/// backslash, a line end written as a line break. A title `Izin *Usaha*` stays as written
/// in every viewer and in the HTML and Word files read from it.
pub(super) fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    // What would start a block where the text starts a line — a heading, a quote, a list
    // item, a rule, a fence — is escaped too (a list's `1.` at its dot).
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut chars = text.chars();
    let number = text.split_at_checked(digits).filter(|(_, rest)| {
        let mark = rest.strip_prefix(['.', ')']);
        (1..=9).contains(&digits)
            && mark.is_some_and(|m| m.is_empty() || m.starts_with([' ', '\t']))
    });
    if let Some((number, rest)) = number {
        out.push_str(number);
        out.push('\\');
        chars = rest.chars();
    } else if text.starts_with(['#', '>', '-', '+', '=', '_', '~']) {
        out.push('\\');
    }
    for c in chars {
        match c {
            '*' | '`' | '[' | ']' | '|' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\u{1}br\u{2}"),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn anchor(id: &str) -> String {
    format!("[`{id}`](#{})", slug(id))
}

pub(super) fn slug(id: &str) -> String {
    format!("sop-{}", id.replace('_', "-"))
}

pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// `150000` → `150.000`, the Indonesian way of writing rupiah.
pub(super) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The document with the text of the standard made safe: `<`, `>` and `&` written as
/// entities outside code blocks (a title `<script>` shows as text), then the document's own
/// tags — written with the control characters 1 and 2 for `<` and `>`, which no standard
/// holds — put in place.
pub(super) fn finish(doc: &str) -> String {
    let mut out = String::with_capacity(doc.len() + doc.len() / 16);
    let mut code = false;
    for line in doc.split_inclusive('\n') {
        if line.starts_with("```") {
            code = !code;
        }
        if code || line.starts_with("```") {
            out.push_str(line);
            continue;
        }
        for c in line.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\u{1}' => out.push('<'),
                '\u{2}' => out.push('>'),
                c => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn a_text_is_escaped_only_where_it_would_start_a_block() {
        for (text, shown) in [
            ("# Judul", "\\# Judul"),
            ("- butir", "\\- butir"),
            ("> kutipan", "\\> kutipan"),
            ("1. Email", "1\\. Email"),
            ("12) Email", "12\\) Email"),
            ("3.", "3\\."),
            ("2026.1", "2026.1"),
            ("1234567890. terlalu panjang", "1234567890. terlalu panjang"),
            ("Izin 1. a", "Izin 1. a"),
            ("a - b # c", "a - b # c"),
        ] {
            assert_eq!(cell(text), shown, "{text}");
        }
    }
}
