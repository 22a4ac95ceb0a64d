//! A calendar file's dated lists: holidays and cuti bersama per year with their decrees and amendments, local closures, extra working days; repeated dates.

use super::*;

impl Reader<'_> {
    pub(super) fn year(&mut self, y: &Year, range: Option<(i32, i32)>, out: &mut Vec<Day>) {
        if !(1..=9999).contains(&y.tahun) {
            let span = self.locate(&y.tahun.to_string());
            let (from, to) = range.map_or(("0001-01-01".into(), "9999-12-31".into()), |(a, b)| {
                (civil::format(a), civil::format(b))
            });
            let date = y.tahun.to_string();
            self.report(Kind::OutsideRange { date, from, to }, span);
            return;
        }
        // Days listed under a year must fall in that year (and in the declared range).
        let whole = (civil::days(y.tahun, 1, 1), civil::days(y.tahun, 12, 31));
        let range = Some(match range {
            Some((a, b)) => (a.max(whole.0), b.min(whole.1)),
            None => whole,
        });
        self.decree(
            &y.keputusan,
            &y.libur,
            &y.cuti_bersama,
            y.sementara,
            range,
            out,
        );
        for a in &y.perubahan {
            self.decree(
                &a.keputusan,
                &a.libur,
                &a.cuti_bersama,
                y.sementara,
                range,
                out,
            );
        }
    }

    /// The days one decree sets: its holidays and its collective-leave days.
    pub(super) fn decree(
        &mut self,
        decree: &Decree,
        holidays: &[String],
        leave: &[String],
        provisional: bool,
        range: Option<(i32, i32)>,
        out: &mut Vec<Day>,
    ) {
        let source = decree_text(decree);
        self.locate(&decree.nomor);
        self.days(holidays, Closure::Holiday, &source, provisional, range, out);
        self.days(
            leave,
            Closure::CollectiveLeave,
            &source,
            provisional,
            range,
            out,
        );
    }

    pub(super) fn days(
        &mut self,
        lines: &[String],
        kind: Closure,
        source: &str,
        provisional: bool,
        range: Option<(i32, i32)>,
        out: &mut Vec<Day>,
    ) {
        for line in lines {
            if let Some((day, name, _)) = self.day_line(line, range) {
                out.push(Day {
                    day,
                    name,
                    source: source.to_string(),
                    kind,
                    provisional,
                });
            }
        }
    }

    /// `2025-08-18 Name` → (day, name, span of the date).
    pub(super) fn day_line(
        &mut self,
        line: &str,
        range: Option<(i32, i32)>,
    ) -> Option<(i32, String, Span)> {
        let span = self.locate(line);
        let (date, name) = line.split_once(' ').unwrap_or((line, ""));
        let date_span = Span::new(span.start as usize, span.start as usize + date.len());
        let day = self.date(date, date_span)?;
        if let Some((from, to)) = range {
            if day < from || day > to {
                let kind = Kind::OutsideRange {
                    date: date.to_string(),
                    from: civil::format(from),
                    to: civil::format(to),
                };
                self.report(kind, date_span);
                return None;
            }
        }
        self.listed.push((day, date_span));
        Some((day, name.trim().to_string(), date_span))
    }

    pub(super) fn duplicates(&mut self, closed: &[Day], extra: &[(i32, String)]) {
        let mut seen = std::collections::HashSet::new();
        let days = closed
            .iter()
            .map(|d| d.day)
            .chain(extra.iter().map(|e| e.0));
        let mut dups = Vec::new();
        for day in days {
            if !seen.insert(day) {
                dups.push(day);
            }
        }
        // Each repeated date at its second listing (the one to remove), found in one pass.
        let mut listings: std::collections::HashMap<i32, Vec<Span>> =
            std::collections::HashMap::new();
        for (day, span) in &self.listed {
            listings.entry(*day).or_default().push(*span);
        }
        for day in dups {
            let span = listings
                .get(&day)
                .and_then(|spans| spans.get(1).or_else(|| spans.first()))
                .copied()
                .unwrap_or_else(|| Span::new(0, 0));
            self.report(
                Kind::DuplicateDate {
                    date: civil::format(day),
                },
                span,
            );
        }
    }
}

pub(super) fn decree_text(d: &Decree) -> String {
    match &d.tanggal {
        Some(t) => format!("{} ({t})", d.nomor),
        None => d.nomor.clone(),
    }
}

/// `YYYY-MM-DD` → day number.
pub fn parse_date(text: &str) -> Option<i32> {
    let mut parts = text.trim().split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=9999).contains(&y) {
        return None;
    }
    civil::days_checked(y, m, d)
}
