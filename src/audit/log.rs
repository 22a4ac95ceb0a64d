//! The rows of an event log: CSV with a header naming its columns (English or Indonesian:
//! `case`/`kasus`, `event`/`peristiwa`, `step`/`langkah`, `outcome`/`hasil`, `by`/`oleh`,
//! `at`/`waktu`, and optionally `procedure`/`prosedur`, `budget`/`anggaran`,
//! `reason`/`alasan`), or JSON Lines with the same fields as the library's events plus `case`
//! (and `procedure`). Event names are the library's (`done`, `returned`, `resubmitted`,
//! `collected`, `withdrawn`, `skipped`, `arrived`, `extended`) or Indonesian (`selesai`,
//! `dikembalikan`, `diajukan_kembali`, `diambil`, `dicabut`, `dilewati`, `tiba`,
//! `diperpanjang`); `opened`/`dibuka` opens a case at its instant (else a case opens at its
//! first row).

use crate::diag::Lang;
use crate::interp::Event;
use jiff::Timestamp;

/// One row, borrowed from the line it was read from.
#[derive(Debug, Clone, Copy, Default)]
pub struct LogRow<'r> {
    /// The line in the log (1-based).
    pub line: usize,
    /// The case.
    pub case: &'r str,
    /// The procedure, when the row names one.
    pub procedure: Option<&'r str>,
    /// The event's name.
    pub event: &'r str,
    /// The step.
    pub step: Option<&'r str>,
    /// A decision's outcome.
    pub outcome: Option<&'r str>,
    /// The officer.
    pub by: Option<&'r str>,
    /// When, as written.
    pub at: &'r str,
    /// The clock an extension extends.
    pub budget: Option<&'r str>,
    /// Why (an extension).
    pub reason: Option<&'r str>,
}

/// Which cell of a CSV row holds which field, from the header.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    case: Option<usize>,
    procedure: Option<usize>,
    event: Option<usize>,
    step: Option<usize>,
    outcome: Option<usize>,
    by: Option<usize>,
    at: Option<usize>,
    budget: Option<usize>,
    reason: Option<usize>,
}

impl Columns {
    /// The columns a header names; refused (with the missing names) without `case`, `event`
    /// and `at`, or with a name twice.
    pub fn from_header(cells: &[String]) -> Result<Columns, String> {
        let mut c = Columns::default();
        for (i, name) in cells.iter().enumerate() {
            let slot = match name.trim().to_lowercase().as_str() {
                "case" | "kasus" => &mut c.case,
                "procedure" | "prosedur" => &mut c.procedure,
                "event" | "peristiwa" => &mut c.event,
                "step" | "langkah" => &mut c.step,
                "outcome" | "hasil" => &mut c.outcome,
                "by" | "oleh" => &mut c.by,
                "at" | "waktu" => &mut c.at,
                "budget" | "anggaran" => &mut c.budget,
                "reason" | "alasan" => &mut c.reason,
                other => return Err(format!("`{other}`")),
            };
            if slot.replace(i).is_some() {
                return Err(format!("`{name}` (2x)"));
            }
        }
        let missing: Vec<&str> = [("case", c.case), ("event", c.event), ("at", c.at)]
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(n, _)| *n)
            .collect();
        if missing.is_empty() {
            Ok(c)
        } else {
            Err(missing.join(", "))
        }
    }

    /// The row the cells of line `line` hold.
    pub fn row<'r, S: AsRef<str>>(&self, line: usize, cells: &'r [S]) -> LogRow<'r> {
        let get = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .map(AsRef::as_ref)
                .filter(|s: &&str| !s.is_empty())
        };
        LogRow {
            line,
            case: get(self.case).unwrap_or(""),
            procedure: get(self.procedure),
            event: get(self.event).unwrap_or(""),
            step: get(self.step),
            outcome: get(self.outcome),
            by: get(self.by),
            at: get(self.at).unwrap_or(""),
            budget: get(self.budget),
            reason: get(self.reason),
        }
    }
}

/// A row read from a line of JSON, owning its texts.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnedRow {
    /// The case.
    pub case: String,
    /// The procedure.
    #[serde(default)]
    pub procedure: Option<String>,
    /// The event's name.
    pub event: String,
    /// The step.
    #[serde(default)]
    pub step: Option<String>,
    /// A decision's outcome.
    #[serde(default)]
    pub outcome: Option<String>,
    /// The officer.
    #[serde(default)]
    pub by: Option<String>,
    /// When.
    pub at: String,
    /// The clock an extension extends.
    #[serde(default)]
    pub budget: Option<String>,
    /// Why.
    #[serde(default)]
    pub reason: Option<String>,
}

impl OwnedRow {
    /// The row, borrowed, as line `line`.
    pub fn borrow(&self, line: usize) -> LogRow<'_> {
        LogRow {
            line,
            case: &self.case,
            procedure: self.procedure.as_deref(),
            event: &self.event,
            step: self.step.as_deref(),
            outcome: self.outcome.as_deref(),
            by: self.by.as_deref(),
            at: &self.at,
            budget: self.budget.as_deref(),
            reason: self.reason.as_deref(),
        }
    }
}

impl LogRow<'_> {
    /// [`LogRow::event`] into `slot`, reusing the room of its texts when it already holds a
    /// step done (most rows): `false` for a case opened.
    pub(crate) fn event_into(
        &self,
        at: Timestamp,
        lang: Lang,
        slot: &mut Event,
    ) -> Result<bool, String> {
        if let (
            "done" | "selesai",
            Some(name),
            Event::Done {
                step,
                outcome,
                by,
                at: when,
            },
        ) = (self.event, self.step, &mut *slot)
        {
            refill(step, name);
            match (outcome.as_mut(), self.outcome) {
                (Some(o), Some(new)) => refill(o, new),
                (_, new) => *outcome = new.map(str::to_string),
            }
            match (by.as_mut(), self.by) {
                (Some(b), Some(new)) => refill(b, new),
                (_, new) => *by = new.map(str::to_string),
            }
            *when = at;
            return Ok(true);
        }
        match self.event(at, lang)? {
            Some(event) => {
                *slot = event;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// The event the row reports at `at` (`None` for a case opened), or why it is none.
    pub fn event(&self, at: Timestamp, lang: Lang) -> Result<Option<Event>, String> {
        let by = self.by.map(str::to_string);
        let step = || {
            self.step.map(str::to_string).ok_or_else(|| {
                format!(
                    "`{}` {}",
                    self.event,
                    lang.pick("tanpa langkah", "without a step")
                )
            })
        };
        Ok(Some(match self.event {
            "opened" | "dibuka" => return Ok(None),
            "done" | "selesai" => Event::Done {
                step: step()?,
                outcome: self.outcome.map(str::to_string),
                by,
                at,
            },
            "returned" | "dikembalikan" => Event::Returned { by, at },
            "resubmitted" | "diajukan_kembali" => Event::Resubmitted { by, at },
            "collected" | "diambil" => Event::Collected { by, at },
            "withdrawn" | "dicabut" => Event::Withdrawn { at },
            "skipped" | "dilewati" => Event::Skipped {
                step: step()?,
                by,
                at,
            },
            "arrived" | "tiba" => Event::Arrived { step: step()?, at },
            "extended" | "diperpanjang" => Event::Extended {
                budget: self.budget.map(str::to_string),
                reason: self.reason.map(str::to_string),
                by,
                at,
            },
            other => {
                return Err(format!(
                    "{} `{other}`",
                    lang.pick("peristiwa tidak dikenal:", "unknown event:")
                ))
            }
        }))
    }
}

/// `text` in the room of `into`.
fn refill(into: &mut String, text: &str) {
    into.clear();
    into.push_str(text);
}
