//! Rectangles, text measured by an estimate of its width, and wrapping to a width: the
//! arithmetic of the drawing, in whole pixels so the same chart gives the same text.

/// A rectangle in whole pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rect {
    /// Left.
    pub x: i32,
    /// Top.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
}

impl Rect {
    /// The right edge.
    pub fn right(&self) -> i32 {
        self.x + self.w
    }

    /// The bottom edge.
    pub fn bottom(&self) -> i32 {
        self.y + self.h
    }

    /// The centre's x.
    pub fn cx(&self) -> i32 {
        self.x + self.w / 2
    }

    /// The centre's y.
    pub fn cy(&self) -> i32 {
        self.y + self.h / 2
    }

    /// Whether the insides of two rectangles meet (touching edges do not).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    /// Whether the axis-parallel segment from `a` to `b` passes through the inside.
    pub fn crossed_by(&self, a: (i32, i32), b: (i32, i32)) -> bool {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        if x0 == x1 {
            self.x < x0 && x0 < self.right() && y0.max(self.y) < y1.min(self.bottom())
        } else {
            self.y < y0 && y0 < self.bottom() && x0.max(self.x) < x1.min(self.right())
        }
    }

    /// Whether point `p` lies on the edge (within a pixel).
    pub fn on_edge(&self, p: (i32, i32)) -> bool {
        let inside_x = self.x - 1 <= p.0 && p.0 <= self.right() + 1;
        let inside_y = self.y - 1 <= p.1 && p.1 <= self.bottom() + 1;
        let near = |v: i32, e: i32| (v - e).abs() <= 1;
        (inside_x && (near(p.1, self.y) || near(p.1, self.bottom())))
            || (inside_y && (near(p.0, self.x) || near(p.0, self.right())))
    }
}

/// Tenths of a pixel a character takes at the drawing's font size (11 px), by its shape, a
/// little over DejaVu Sans's and Verdana's own widths (the faces a browser picks for the
/// drawing): wrapping by it keeps every line inside its box.
fn tenths(c: char) -> i32 {
    match c {
        ' ' => 36,
        'i' | 'l' | 'j' | '\'' | '.' | ',' | ':' | ';' | '|' | '!' | 'I' => 34,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 50,
        'm' => 112,
        'w' => 96,
        'M' => 104,
        'W' => 116,
        c if c.is_ascii_uppercase() => 86,
        c if c.is_ascii_lowercase() || c.is_ascii_digit() => 74,
        _ => 118,
    }
}

/// The width of `text` in pixels, at the drawing's font size.
pub fn width_of(text: &str) -> i32 {
    (text.chars().map(tenths).sum::<i32>() + 9) / 10
}

/// `text` broken at spaces into lines at most `width` pixels wide; a word wider than a line
/// is cut.
pub fn wrap(text: &str, width: i32) -> Vec<String> {
    let width = width.max(20);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        // A word too wide for any line is cut where it fills one.
        while width_of(&word) > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut cut = 0;
            let mut w = 0;
            for (i, c) in word.char_indices() {
                w += tenths(c);
                if (w + 9) / 10 > width {
                    break;
                }
                cut = i + c.len_utf8();
            }
            let cut = cut.max(word.chars().next().map_or(1, char::len_utf8));
            let rest = word.split_off(cut);
            lines.push(word);
            word = rest;
        }
        let joined = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if width_of(&joined) > width && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word));
        } else {
            line = joined;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Text safe inside SVG and HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_and_cuts_only_long_ones() {
        assert_eq!(
            wrap("satu dua tiga empat", 60),
            ["satu dua", "tiga", "empat"]
        );
        assert_eq!(wrap("abcdefghij x", 30), ["abcd", "efgh", "ij x"]);
        assert!(wrap("  ", 50).is_empty());
        for line in wrap(
            "menyampaikanpengaduanmenyampaikanpengaduan dan lain-lain",
            100,
        ) {
            assert!(width_of(&line) <= 100, "{line}");
        }
    }

    #[test]
    fn segments_cross_only_through_the_inside() {
        let r = Rect {
            x: 10,
            y: 10,
            w: 20,
            h: 20,
        };
        assert!(r.crossed_by((20, 0), (20, 40)));
        assert!(!r.crossed_by((20, 0), (20, 10)), "ends on the top edge");
        assert!(!r.crossed_by((10, 0), (10, 40)), "runs along the left edge");
        assert!(r.crossed_by((0, 15), (40, 15)));
        assert!(r.on_edge((20, 10)) && r.on_edge((30, 25)) && !r.on_edge((20, 20)));
    }
}
