//! Judgements already made in a run, so that procedures of the same shape on the same
//! calendar are judged once.

use super::paths::Seg;
use super::verdict::Judgement;
use crate::time::Duration;
use std::collections::HashMap;
use std::sync::Arc;

/// What a judgement depends on: the calendar's fingerprint, the budget, and the stretches
/// of the paths at each bound.
pub(super) type JudgementKey = (u64, Duration, Vec<Vec<Seg>>, Vec<Vec<Seg>>);

/// Judgements already made in a run, by calendar content and the paths' stretches: an
/// agency's services often share an SOP's shape, and a folder holds copies of a standard.
#[derive(Debug, Clone, Default)]
pub struct Verdicts {
    /// Judgements shared with the copies handed to other threads ([`Verdicts::share`]),
    /// read by all, copied by none.
    base: Arc<HashMap<JudgementKey, Judgement>>,
    /// Judgements made since.
    known: HashMap<JudgementKey, Judgement>,
}

impl Verdicts {
    /// How many judgements are kept.
    pub fn len(&self) -> usize {
        self.base.len() + self.known.len()
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The judgement kept for `key`, else `judge`'s, kept.
    pub(super) fn get_or_judge(
        &mut self,
        key: JudgementKey,
        judge: impl FnOnce() -> Judgement,
    ) -> Judgement {
        if let Some(j) = self.base.get(&key) {
            return *j;
        }
        *self.known.entry(key).or_insert_with(judge)
    }

    /// A copy for another thread: everything known so far, shared rather than copied (the
    /// judgements made since the last share move into the shared part first).
    pub(crate) fn share(&mut self) -> Verdicts {
        if !self.known.is_empty() {
            Arc::make_mut(&mut self.base).extend(self.known.drain());
        }
        Verdicts {
            base: Arc::clone(&self.base),
            known: HashMap::new(),
        }
    }

    /// Keeps what a copy from [`Verdicts::share`] judged since it was made.
    pub(crate) fn absorb(&mut self, copy: Verdicts) {
        self.known.extend(copy.known);
    }
}
