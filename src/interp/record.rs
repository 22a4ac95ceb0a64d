//! A live case in a few hundred bytes: times as seconds since the case was opened, steps,
//! outcomes and officers as small numbers against the procedure and the case's own name
//! list, events as fixed-size records. What people and hosts read (positions, events, the
//! card) is rebuilt from these on request.

/// "None" for a time or an index.
pub(super) const NONE: u32 = u32::MAX;

/// Where a case is (see [`super::Position`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pos {
    /// At step `step` since `since`; what was waited for on the way ends at `ready`
    /// (`NONE`: no wait), reported (`awaiting` false) or not.
    Step {
        step: u32,
        since: u32,
        ready: u32,
        awaiting: bool,
    },
    /// Back with the applicant, returned by `from`, to resume at `resume`.
    Returned { from: u32, resume: u32, since: u32 },
    /// At end `end`.
    Ended { end: u32, at: u32 },
    /// Withdrawn.
    Withdrawn { at: u32 },
}

/// What happened, as a case keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Kind {
    Done,
    Resubmitted,
    Returned,
    Collected,
    Withdrawn,
    Skipped,
    Arrived,
    Deemed,
    /// A clock extended: `step` is the clock's budget index, `by` the officer and reason.
    Extended,
}

/// One event: 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rec {
    /// Seconds since the case was opened.
    pub at: u32,
    /// The officer: an offset into the case's name list (`NONE`: not said).
    pub by: u32,
    /// The step's index (`NONE` for events without one).
    pub step: u32,
    /// The outcome's index among the step's decision's outcomes (`u16::MAX`: none).
    pub outcome: u16,
    pub kind: Kind,
}

/// One budget's clock: seconds since the case was opened, and seconds of its measure used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    pub started: u32,
    pub stopped: u32,
    /// Seconds used up to `running_since` (or in all, when not running).
    pub used: u32,
    pub running_since: u32,
    /// When the budget runs out: fixed while the clock runs, kept once it ran out.
    pub due: u32,
    /// The budget's size in seconds of its measure, fixed when the clock started (`NONE`:
    /// not started, or too large to keep here, and then reckoned when asked); an extension
    /// included.
    pub limit: u32,
    /// Seconds of its measure an extension added (0: not extended).
    pub extra: u32,
}

impl Mark {
    /// A clock that has not started.
    pub const NEW: Mark = Mark {
        started: NONE,
        stopped: NONE,
        used: 0,
        running_since: NONE,
        due: NONE,
        limit: NONE,
        extra: 0,
    };

    /// Whether the clock has started and not stopped.
    pub fn is_on(&self) -> bool {
        self.started != NONE && self.stopped == NONE
    }
}

/// A pending timer: 12 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Timer {
    /// When it fires, in seconds since the case was opened.
    pub due: u32,
    pub what: What,
}

/// What a timer fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum What {
    /// A service's obligation, by its index among the service's obligations.
    Obligation(u16),
    /// Escalation rule `rule` of the clock of budget `clock`.
    Escalation { clock: u16, rule: u16 },
}

/// Some `u32`, or `None` for [`NONE`].
pub(super) fn some(v: u32) -> Option<u32> {
    (v != NONE).then_some(v)
}

#[cfg(test)]
mod tests {
    #[test]
    fn records_stay_small() {
        assert_eq!(std::mem::size_of::<super::Rec>(), 16);
        assert_eq!(std::mem::size_of::<super::Timer>(), 12);
        assert!(std::mem::size_of::<super::Pos>() <= 20);
    }
}
