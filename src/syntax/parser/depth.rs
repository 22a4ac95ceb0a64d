//! A cheap scan before parsing, so hostile nesting never reaches the recursive parser.

/// The byte offset of the first `{` nested deeper than `limit`, ignoring strings and comments.
pub fn too_deep(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes are ordinary text: skip them without branching on each kind.
        if !SPECIAL[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        match bytes[i] {
            b'"' => i = skip_string(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => i = skip_line(bytes, i),
            b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The first quoted text longer than `limit` bytes, as `(opening quote, one past the closing
/// one)`, ignoring comments. A quote left open is not counted: it is reported as such.
pub fn long_text(text: &str, limit: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !SPECIAL[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        match bytes[i] {
            b'"' => {
                let end = skip_string(bytes, i);
                if end < bytes.len() && end - i - 1 > limit {
                    return Some((i, end + 1));
                }
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => i = skip_line(bytes, i),
            0xE2 if is_curly(bytes, i) => {
                // A text in word-processor quotes runs to the next such quote on its line.
                let mut end = i + 3;
                while end < bytes.len() && bytes[end] != b'\n' && !is_curly(bytes, end) {
                    end += 1;
                }
                let closed = end < bytes.len() && bytes[end] != b'\n';
                if closed && end - i - 3 > limit {
                    return Some((i, end + 3));
                }
                i = if closed { end + 2 } else { end - 1 };
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether a curly quote (U+201C, U+201D, U+201E) starts at `i`.
fn is_curly(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&0xE2)
        && bytes.get(i + 1) == Some(&0x80)
        && bytes.get(i + 2).is_some_and(|b| (0x9C..=0x9E).contains(b))
}

/// The bytes the scan must look at.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'/' as usize] = true;
    table[b'{' as usize] = true;
    table[b'}' as usize] = true;
    table[0xE2] = true;
    table
};

/// Whether the text holds only comments and blank space.
pub fn only_comments(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with("//")
    })
}

fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'"' => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

fn skip_line(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() && bytes[i] != b'\n' {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_braces_outside_strings_and_comments() {
        assert_eq!(too_deep("{{ \"{{{{\" // {{{{\n }}", 2), None);
        assert_eq!(too_deep("{{{", 2), Some(2));
    }
}

#[cfg(test)]
mod long_text_tests {
    use super::long_text;

    #[test]
    fn long_texts_are_found_where_they_are_quoted() {
        let long = "x".repeat(20);
        // A quoted text, escaped quotes inside it counted with it.
        let text = format!("peran a \"{long}\\\"{long}\" internal");
        assert_eq!(long_text(&text, 30), Some((8, text.len() - 9)));
        assert_eq!(long_text(&text, 50), None);
        // Comments and quotes left open are not texts.
        assert_eq!(long_text(&format!("// \"{long}{long}\"\npera a"), 30), None);
        assert_eq!(long_text(&format!("peran a \"{long}{long}"), 30), None);
        // Word-processor quotes, up to the line's end.
        let curly = format!("peran a \u{201C}{long}{long}\u{201D} internal");
        assert_eq!(long_text(&curly, 30), Some((8, 8 + 3 + 40 + 3)));
        assert_eq!(
            long_text(&format!("peran a \u{201C}{long}{long}\n\u{201D}"), 30),
            None
        );
    }
}
