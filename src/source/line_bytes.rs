//! Lines of a log read a word at a time: whether a line is blank, and the cells of a plain
//! line (ASCII without quotes or control bytes, nearly every line a licensing system
//! exports) cut at its separators eight bytes at a time. The CSV reader ([`super::table`])
//! takes every other line byte by byte.

/// Whether a line holds only blanks, as `str::trim` reads them; most lines are decided by
/// their first byte (a log reads millions).
pub fn is_blank(line: &str) -> bool {
    match line.bytes().position(|b| !b.is_ascii_whitespace()) {
        None => true,
        // The vertical tab and every blank beyond ASCII are left to `trim`.
        Some(i)
            if line
                .as_bytes()
                .get(i)
                .is_some_and(|b| *b < 0x80 && *b != 0x0b) =>
        {
            false
        }
        Some(i) => line.get(i..).is_some_and(|rest| rest.trim().is_empty()),
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `v` that is zero, exactly (no carry from one byte to the next).
fn zero_bytes(v: u64) -> u64 {
    !(((v & !HIGH) + !HIGH) | v) & HIGH
}

/// Eight bytes of `bytes` from `at` as one little-endian word.
fn word(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at.saturating_add(8))
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
        .map_or(0, u64::from_le_bytes)
}

/// The cells of a plain line — ASCII with no quote, tab or other control byte, nearly every
/// line of a log — cut at `sep`, eight bytes at a time; `false`, with nothing added, for any
/// other line (the byte-by-byte reader takes it).
pub(super) fn plain_cells<'l>(
    line: &'l str,
    sep: u8,
    spans: &mut Vec<(usize, usize)>,
    out: &mut Vec<std::borrow::Cow<'l, str>>,
) -> bool {
    if !plain_spans(line.as_bytes(), sep, spans) {
        return false;
    }
    out.extend(
        spans
            .iter()
            .map(|(a, b)| std::borrow::Cow::Borrowed(line.get(*a..*b).unwrap_or_default())),
    );
    true
}

/// [`plain_cells`] on bytes: where each cell of a plain line is, blanks around it left out
/// (`false`, with `spans` emptied, for any other line: a byte beyond ASCII, a quote, a
/// control byte, or fewer than eight bytes).
pub fn plain_spans(bytes: &[u8], sep: u8, spans: &mut Vec<(usize, usize)>) -> bool {
    spans.clear();
    let len = bytes.len();
    if len < 8 {
        return false;
    }
    let (quote, delete, seps) = (ONES * 0x22, ONES * 0x7f, ONES * u64::from(sep));
    let mut start = 0;
    let mut at = 0;
    // Whether a space is anywhere in the line: only then are the cells trimmed (most rows a
    // licensing system exports have none).
    let mut spaced = 0;
    while at < len {
        // The last word is read from the line's last eight bytes and shifted into place.
        let rest = len - at;
        let (w, live) = if rest >= 8 {
            (word(bytes, at), HIGH)
        } else {
            let gone = 8 * (8 - rest) as u32;
            (word(bytes, len - 8) >> gone, HIGH >> gone)
        };
        // Below 0x20 an ASCII byte has neither bit 5 nor bit 6; beyond ASCII it has bit 7.
        let special = zero_bytes(w ^ quote)
            | zero_bytes(w ^ delete)
            | zero_bytes(w & (ONES * 0x60))
            | (w & HIGH);
        if special & live != 0 {
            spans.clear();
            return false;
        }
        spaced |= zero_bytes(w ^ (ONES * 0x20)) & live;
        let mut found = zero_bytes(w ^ seps) & live;
        while found != 0 {
            let k = at + (found.trailing_zeros() / 8) as usize;
            spans.push((start, k));
            start = k + 1;
            found &= found - 1;
        }
        at += 8;
    }
    spans.push((start, len));
    if spaced != 0 {
        for span in spans.iter_mut() {
            *span = trimmed(bytes, span.0, span.1);
        }
    }
    true
}

/// `start..end` without the blanks at either end.
fn trimmed(bytes: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && bytes.get(start).is_some_and(|b| *b == b' ') {
        start += 1;
    }
    while end > start && bytes.get(end - 1).is_some_and(|b| *b == b' ') {
        end -= 1;
    }
    (start, end)
}

/// Where the first line end (`\n`) in `bytes` is, eight bytes at a time.
pub fn line_end(bytes: &[u8]) -> Option<usize> {
    let newline = ONES * u64::from(b'\n');
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let found = zero_bytes(word(bytes, at) ^ newline);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|b| *b == b'\n'))
        .map(|i| at + i)
}

/// What a byte is to the line reader.
pub(super) const PLAIN: u8 = 0;
pub(super) const QUOTE: u8 = 1;
pub(super) const CONTROL: u8 = 2;
pub(super) const WIDE: u8 = 3;
pub(super) const COMMA: u8 = 4;
pub(super) const SEMICOLON: u8 = 5;

/// The class of every byte (a tab is plain: cells may hold one).
pub(super) static BYTE_CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b {
            0x09 => PLAIN,
            0x00..=0x1f | 0x7f => CONTROL,
            0x22 => QUOTE,
            0x2c => COMMA,
            0x3b => SEMICOLON,
            0x80.. => WIDE,
            _ => PLAIN,
        };
        b += 1;
    }
    table
};
