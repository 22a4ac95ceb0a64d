//! A prepared standard made whole: its calendars found (on the calling thread, which reads
//! files), its budgets judged (on every core), its identity and references computed.

use super::files::{content_hash, included_beside, legacy_hash};
use super::prepare::Prepared;
use super::{Project, Standard, StandardRef};
use crate::check;
use crate::check::budget::Verdicts;
use crate::source::cores;
use crate::source::loader::Loader;
use crate::source::TextKey;
use crate::time::Calendar;
use std::sync::Arc;

/// A prepared standard with its calendars.
pub(super) struct Placed {
    prepared: Prepared,
    /// The standard's calendar (its first service's, else its agency's).
    calendar: Option<Arc<Calendar>>,
    /// Each procedure's calendar, in the model's order.
    procedure_calendars: Vec<Option<Arc<Calendar>>>,
}

impl Project {
    /// The standards made from `prepared`, in its order.
    pub(super) fn build(&mut self, loader: &dyn Loader, prepared: Vec<Prepared>) -> Vec<Standard> {
        let placed: Vec<Placed> = prepared
            .into_iter()
            .map(|p| self.place(loader, p))
            .collect();
        // Each thread judges with what the run knows so far and gives back what it adds.
        let shared = self.verdicts.share();
        let judged = cores::in_chunks(placed, |mut chunk| {
            let mut verdicts = shared.clone();
            for placed in &mut chunk {
                placed.judge_budgets(&mut verdicts);
            }
            vec![(chunk, verdicts)]
        });
        drop(shared);
        let mut standards = Vec::new();
        for (chunk, verdicts) in judged {
            self.verdicts.absorb(verdicts);
            standards.extend(chunk);
        }
        standards.into_iter().map(|p| self.finish(p)).collect()
    }

    /// Checks what needs the loader and finds the standard's calendars.
    fn place(&mut self, loader: &dyn Loader, mut prepared: Prepared) -> Placed {
        // Roles of a file without a service are checked for use unless a standard beside it
        // includes it: then they serve that standard (an agency file).
        let model = &prepared.resolved.model;
        let shared =
            model.services.is_empty() && included_beside(loader, &self.path(prepared.root));
        if !shared {
            check::unused_roles(model, &prepared.resolved.usage, &mut prepared.later);
        }
        let (calendar, procedure_calendars) =
            self.calendars_of(loader, &prepared.resolved.model, &mut prepared.later);
        Placed {
            prepared,
            calendar,
            procedure_calendars,
        }
    }
}

impl Placed {
    /// Judges every procedure's budgets on its calendar.
    fn judge_budgets(&mut self, verdicts: &mut Verdicts) {
        let p = &mut self.prepared;
        for ((proc, machine), cal) in p
            .resolved
            .model
            .procedures
            .iter()
            .zip(&p.machines)
            .zip(&self.procedure_calendars)
        {
            check::budget::check(proc, machine, cal.as_deref(), verdicts, &mut p.later);
        }
    }
}

impl Project {
    /// The standard, its checks recorded, its identity computed.
    fn finish(&mut self, placed: Placed) -> Standard {
        let Placed {
            prepared,
            calendar,
            procedure_calendars,
        } = placed;
        let Prepared {
            root,
            files,
            resolved,
            machines,
            moves,
            later,
        } = prepared;
        self.hold_back_behind(&files, later);
        let texts: Vec<TextKey> = files
            .iter()
            .filter_map(|f| self.sources.get(*f))
            .map(|f| f.key())
            .collect();
        let (hash, legacy_hash) = match self.hashes_by_text.get(&texts) {
            Some(known) => known.clone(),
            None => {
                let parts = texts.iter().map(|t| &**t.text());
                let known = (content_hash(parts.clone()), legacy_hash(parts));
                self.hashes_by_text.insert(texts, known.clone());
                known
            }
        };
        let path = self.path(root);
        // File paths are kept normalised (`a/../b` is `b`); the root is compared the same way.
        let standards_root = self
            .roots
            .get(root.0 as usize)
            .map(|r| crate::source::loader::join("", r))
            .unwrap_or_default();
        let file = path
            .strip_prefix(&format!("{}/", standards_root.trim_end_matches('/')))
            .filter(|_| !standards_root.is_empty())
            .unwrap_or(&path)
            .to_string();
        let service = resolved.model.services.first();
        let refs = resolved
            .model
            .procedures
            .iter()
            .zip(&procedure_calendars)
            .map(|(p, cal)| {
                std::sync::Arc::new(StandardRef {
                    file: file.clone(),
                    procedure: p.id.clone(),
                    standard: service.map_or(String::new(), |s| s.id.clone()),
                    version: service.and_then(|s| s.version.clone()).unwrap_or_default(),
                    hash: hash.clone(),
                    legacy_hash: legacy_hash.clone(),
                    zone: cal
                        .as_deref()
                        .or(calendar.as_deref())
                        .map_or(crate::time::Zone::Wib, crate::time::Calendar::zone),
                })
            })
            .collect();
        Standard {
            refs,
            root,
            files,
            model: resolved.model,
            machines,
            moves,
            calendar,
            procedure_calendars,
            hash,
            legacy_hash,
        }
    }
}
