//! Small converters shared by every block: names, texts, numbers, durations, lists.

use super::convert::Converter;
use super::Rule;
use crate::diag::{Diagnostic, Kind, Phrase};
use crate::source::span::Span;
use crate::syntax::ast::{DateLit, Duration, Int, Name, Point, Text, TextList};
use pest::iterators::Pair;

/// A parsed pair.
pub type P<'i> = Pair<'i, Rule>;

/// The children of a pair without punctuation and comments.
pub fn kids(pair: P<'_>) -> Vec<P<'_>> {
    let inner = pair.into_inner();
    // Sized once: growing the vector pair by pair was a fifth of the conversion's cost.
    let mut kids = Vec::with_capacity(inner.len());
    kids.extend(inner.filter(|p| {
        !matches!(
            p.as_rule(),
            Rule::open | Rule::close | Rule::arrow | Rule::eq | Rule::comment_body
        )
    }));
    kids
}

/// The first child of a rule.
pub fn first<'i>(kids: &[P<'i>], rule: Rule) -> Option<P<'i>> {
    kids.iter().find(|p| p.as_rule() == rule).cloned()
}

/// All children of a rule.
pub fn all<'i>(kids: &[P<'i>], rule: Rule) -> Vec<P<'i>> {
    kids.iter()
        .filter(|p| p.as_rule() == rule)
        .cloned()
        .collect()
}

impl Converter {
    /// The span of a pair.
    pub fn span(&self, pair: &P<'_>) -> Span {
        // A rule with an optional tail can end after the blanks it skipped; labels should not.
        let s = pair.as_span();
        let text = pair.as_str();
        let trimmed = text.trim_end().len();
        Span::new(s.start(), s.start() + trimmed)
    }

    /// An identifier.
    pub fn name(&self, pair: &P<'_>) -> Name {
        Name {
            text: pair.as_str().trim().to_string(),
            span: self.span(pair),
        }
    }

    /// The first identifier among `kids`, or an empty name.
    pub fn name_in(&self, kids: &[P<'_>]) -> Name {
        first(kids, Rule::ident).map_or_else(
            || Name {
                text: String::new(),
                span: Span::default(),
            },
            |p| self.name(&p),
        )
    }

    /// A quoted text, unescaped.
    pub fn text(&self, pair: &P<'_>) -> Text {
        // Quotes from a word processor: the body as written, no escapes.
        if let Some(body) = pair
            .clone()
            .into_inner()
            .find(|p| p.as_rule() == Rule::curly_body)
        {
            return Text {
                value: body.as_str().to_string(),
                span: self.span(pair),
            };
        }
        let raw = pair.as_str();
        let body = raw
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .unwrap_or(raw);
        if !body.contains('\\') {
            return Text {
                value: body.to_string(),
                span: self.span(pair),
            };
        }
        let mut value = String::with_capacity(body.len());
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => value.push('\n'),
                    Some(other) => value.push(other),
                    None => {}
                }
            } else {
                value.push(c);
            }
        }
        Text {
            value,
            span: self.span(pair),
        }
    }

    /// The first quoted text among `kids`, or an empty text.
    pub fn text_in(&self, kids: &[P<'_>]) -> Text {
        first(kids, Rule::string).map_or_else(
            || Text {
                value: String::new(),
                span: Span::default(),
            },
            |p| self.text(&p),
        )
    }

    /// A `text_value`: one text or a braced block of texts.
    pub fn text_list(&self, pair: &P<'_>) -> TextList {
        let items = pair
            .clone()
            .into_inner()
            .filter(|p| p.as_rule() == Rule::string)
            .map(|p| self.text(&p))
            .collect();
        TextList {
            items,
            span: self.span(pair),
        }
    }

    /// The `text_value` among `kids`.
    pub fn text_list_in(&self, kids: &[P<'_>]) -> TextList {
        first(kids, Rule::text_value).map_or_else(
            || TextList {
                items: Vec::new(),
                span: Span::default(),
            },
            |p| self.text_list(&p),
        )
    }

    /// An amount of money as people write it (`Rp 50.000,00`): its whole rupiah.
    pub fn money(&self, pair: &P<'_>) -> Int {
        let digits: String = pair
            .clone()
            .into_inner()
            .find(|p| p.as_rule() == Rule::money_amount)
            .map(|p| p.as_str().replace('.', ""))
            .unwrap_or_default();
        Int {
            value: digits.parse().ok(),
            span: self.span(pair),
        }
    }

    /// An integer.
    pub fn int(&self, pair: &P<'_>) -> Int {
        Int {
            value: pair.as_str().trim().parse().ok(),
            span: self.span(pair),
        }
    }

    /// A date literal.
    pub fn date(&self, pair: &P<'_>) -> DateLit {
        DateLit {
            text: pair.as_str().to_string(),
            span: self.span(pair),
        }
    }

    /// The date among `kids`.
    pub fn date_in(&self, kids: &[P<'_>]) -> Option<DateLit> {
        first(kids, Rule::date).map(|p| self.date(&p))
    }

    /// An `ident_list`.
    pub fn names(&self, pair: &P<'_>) -> Vec<Name> {
        pair.clone()
            .into_inner()
            .filter(|p| p.as_rule() == Rule::ident)
            .map(|p| self.name(&p))
            .collect()
    }

    /// The `ident_list` among `kids`.
    pub fn names_in(&self, kids: &[P<'_>]) -> Vec<Name> {
        first(kids, Rule::ident_list).map_or_else(Vec::new, |p| self.names(&p))
    }

    /// A duration.
    pub fn duration(&self, pair: &P<'_>) -> Duration {
        let span = self.span(pair);
        let kids = kids(pair.clone());
        let at_most = first(&kids, Rule::kw_at_most).is_some();
        let mut amount = first(&kids, Rule::amount)
            .map(self::kids)
            .unwrap_or_default();
        let full_days = first(&amount, Rule::full_days);
        if let Some(times) = &full_days {
            amount = self::kids(times.clone());
        }
        let decimal = first(&amount, Rule::decimal).map(|p| self.name(&p));
        let ints: Vec<Int> = amount
            .iter()
            .map(|p| match p.as_rule() {
                Rule::decimal => Int {
                    value: Some(0),
                    span: self.span(p),
                },
                _ => self.int(p),
            })
            .collect();
        let empty = Int { value: None, span };
        let unit = first(&kids, Rule::unit).map_or_else(
            || Name {
                text: String::new(),
                span,
            },
            |p| Name {
                text: p.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
                span: self.span(&p),
            },
        );
        Duration {
            at_most,
            low: ints.first().cloned().unwrap_or(empty),
            high: ints.get(1).cloned(),
            unit,
            decimal,
            full_days: full_days.is_some(),
            span,
        }
    }

    /// The duration among `kids`.
    pub fn duration_in(&self, kids: &[P<'_>]) -> Option<Duration> {
        first(kids, Rule::duration).map(|p| self.duration(&p))
    }

    /// A `point`: `saat x`, `setelah p.x dengan ya`.
    pub fn point(&self, pair: &P<'_>) -> Point {
        let span = self.span(pair);
        let kids = kids(pair.clone());
        let after = first(&kids, Rule::point_when)
            .and_then(|p| p.into_inner().next())
            .is_some_and(|p| p.as_rule() == Rule::kw_after);
        let mut path: Vec<Name> = first(&kids, Rule::qualified)
            .map(|q| q.into_inner().map(|p| self.name(&p)).collect())
            .unwrap_or_default();
        let target = path.pop().unwrap_or(Name {
            text: String::new(),
            span,
        });
        let outcome = first(&kids, Rule::ident).map(|p| self.name(&p));
        Point {
            after,
            procedure: path.pop(),
            target,
            outcome,
            span,
        }
    }

    /// The point among `kids`.
    pub fn point_in(&self, kids: &[P<'_>]) -> Option<Point> {
        first(kids, Rule::point).map(|p| self.point(&p))
    }

    /// Stores a value that may be written once; a second one is reported and dropped.
    pub fn once<T>(&mut self, slot: &mut Option<T>, value: T, item: Phrase, span: Span) {
        if slot.is_some() {
            let kind = Kind::DuplicateItem { item };
            self.diags.push(Diagnostic::at(kind, self.file, span));
        } else {
            *slot = Some(value);
        }
    }

    /// Reports a junk line of a block whose items `line_rule` reads; past
    /// [`MAX_SYNTAX_ERRORS`](super::MAX_SYNTAX_ERRORS) lines, only counts it.
    pub fn junk(&mut self, pair: &P<'_>, line_rule: Rule) {
        let base = pair.as_span().start();
        if self.junk_lines >= super::MAX_SYNTAX_ERRORS {
            self.unreported.get_or_insert((base, 0)).1 += 1;
            return;
        }
        self.junk_lines += 1;
        let input = pair.get_input();
        let line_start = input[..base].rfind('\n').map_or(0, |i| i + 1);
        let lead = &input[line_start..base];
        let diag = super::syntax::junk(line_rule, pair.as_str(), lead, base, self.file);
        self.diags.push(diag);
    }
}

/// The phrase for the keyword a pair starts with.
pub fn keyword_of(pair: &P<'_>) -> Phrase {
    let rule = pair
        .clone()
        .into_inner()
        .next()
        .map_or(pair.as_rule(), |k| k.as_rule());
    super::expected::phrase(rule).unwrap_or(Phrase::AnyItem)
}
