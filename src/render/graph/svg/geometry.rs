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

/// Tenths of a pixel one character takes at the drawing's font size (11 px), a generous
/// average for the wide sans-serif faces a browser picks (DejaVu Sans, Verdana): wrapping by
/// it keeps every line inside its box.
const CHAR_TENTHS: i32 = 70;

/// How many characters fit in `width` pixels.
pub fn chars_in(width: i32) -> usize {
    usize::try_from((width * 10 / CHAR_TENTHS).max(4)).unwrap_or(4)
}

/// `text` broken at spaces into lines of at most `chars` characters; a word longer than a
/// line is cut.
pub fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > chars {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            let rest = word.split_off(chars);
            lines.push(word.into_iter().collect());
            word = rest;
        }
        if len > 0 && len + 1 + word.len() > chars {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        len += word.len();
        line.extend(word);
    }
    if len > 0 {
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
            wrap("satu dua tiga empat", 9),
            ["satu dua", "tiga", "empat"]
        );
        assert_eq!(wrap("abcdefghij x", 4), ["abcd", "efgh", "ij x"]);
        assert!(wrap("  ", 5).is_empty());
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
