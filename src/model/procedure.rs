//! Procedures as resolved: steps and their flows, ends, budgets, stages and escalation rules.

use super::{Duration, RoleId};
use crate::source::span::Loc;

/// Where a procedure is declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// At the top of a file: agency-wide.
    Agency,
    /// Inside a complaint policy.
    Complaints(usize),
    /// Inside a service.
    Service(usize),
}

/// A node a flow can lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// A step by index.
    Step(usize),
    /// An end by index.
    End(usize),
    /// Back to a role (usually the applicant); on resubmission the flow resumes at a step.
    Return {
        /// Who gets the file back.
        role: Option<RoleId>,
        /// The step taken on resubmission.
        resume: usize,
    },
    /// A name that did not resolve (already reported); treated as leading anywhere.
    Unknown,
}

/// Where a step leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// Nowhere: a dead end (reported by the checks).
    Stop,
    /// One next node.
    Next(Node),
    /// A decision.
    Decision {
        /// The question.
        question: String,
        /// Outcomes in source order.
        outcomes: Vec<Outcome>,
        /// The decision keyword.
        loc: Loc,
    },
}

/// One outcome of a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Its name (`lengkap`).
    pub name: String,
    /// Where it leads.
    pub node: Node,
    /// Time waited on the way, when written.
    pub wait: Option<Wait>,
    /// Output produced only on this outcome.
    pub output: Vec<String>,
    /// Where its name is written.
    pub loc: Loc,
}

/// Time spent on the way between two steps (a field visit waited for, a correction period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// As written.
    Known(Duration),
    /// The source does not say how long.
    Unknown,
}

/// Whether a step's time is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// Written as a duration (in [`Step::duration`]).
    Known,
    /// Written as `tidak_diketahui`: the source does not give it.
    Unknown,
    /// Not written at all.
    Missing,
}

/// A step's published number, as published (`3`, `2.1`, `b`, `c.4`), with a key that orders
/// numbers the way readers do (letters count a = 1, b = 2, …).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StepNumber {
    /// As written.
    pub label: String,
    /// For ordering.
    pub key: Vec<u32>,
}

impl std::fmt::Display for StepNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

impl StepNumber {
    /// Reads a published number.
    pub fn parse(label: &str) -> StepNumber {
        // `3a` sorts after `3` and before `4`: its digits, then its letter. Letters count
        // from far above any number, so `a` is never the same number as `1`.
        const LETTERS: u32 = 1 << 30;
        let letter = |b: u8| LETTERS + u32::from(b.to_ascii_lowercase().saturating_sub(b'a'));
        let mut key = Vec::new();
        for part in label.split('.').filter(|p| !p.is_empty()) {
            let digits = part.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 {
                key.push(part[..digits].parse::<u32>().unwrap_or(u32::MAX));
            }
            if let Some(&b) = part.as_bytes().get(digits) {
                key.push(letter(b));
            }
        }
        StepNumber {
            label: label.to_string(),
            key,
        }
    }
}

/// A stage: consecutive steps with their own time (PP 28/2025 asks for a service level per
/// stage of licensing: registration, assessment, verification, issuance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Its own time (`None` when not given or unknown).
    pub duration: Option<Duration>,
    /// Whether its time is known.
    pub timing: Timing,
    /// Its steps, first and last index (inclusive); `None` for a stage without steps.
    pub steps: Option<(usize, usize)>,
    /// Written `dari a sampai c`: its time runs from the start of `a` to the end of `c`
    /// (`steps`), across the steps and stages around it; it owns none of them.
    pub bounded: bool,
    /// Written `di_luar "…"`: done outside the procedure (another system or office), with no
    /// step of its own and no clock; the text as published.
    pub elsewhere: Option<String>,
    /// Where its name is written.
    pub loc: Loc,
}

/// An escalation rule: when a budget, a stage or a step is at risk or breached, what happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escalation {
    /// When it fires.
    pub trigger: Trigger,
    /// What happens.
    pub action: EscalationAction,
    /// Where it is written.
    pub loc: Loc,
}

/// When an escalation fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// When this share (percent) of the time is used.
    AtRisk(u32),
    /// When the time runs out.
    Breached,
}

impl Trigger {
    /// The time used, in seconds of the clock's measure, at which the rule fires for a
    /// clock of `limit` seconds: the written share rounded up, or one second past the limit.
    pub fn threshold(self, limit: i64) -> i64 {
        match self {
            Trigger::AtRisk(p) => (limit.saturating_mul(i64::from(p)) + 99) / 100,
            Trigger::Breached => limit.saturating_add(1),
        }
    }
}

/// What an escalation does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EscalationAction {
    /// Escalate to a role.
    Escalate(Option<RoleId>),
    /// Send a message of a kind to a role.
    Send {
        /// `sms`, `surat`, `pesan`, …
        kind: String,
        /// Recipient.
        to: Option<RoleId>,
    },
    /// Deemed approved (fiktif positif): the case ends at this end.
    Deem(Option<usize>),
}

/// What a clock measures: a written budget, or the time of a stage or a step (when it has
/// escalation rules or, for a stage, its own time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// An `anggaran`.
    Budget,
    /// A stage's own time (its index in [`Procedure::stages`]).
    Stage(usize),
    /// A step's time (its index).
    Step(usize),
}

/// A step of a procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Published number.
    pub number: Option<StepNumber>,
    /// Performer roles.
    pub roles: Vec<RoleId>,
    /// Inputs (kelengkapan).
    pub inputs: Vec<String>,
    /// Standard time.
    pub duration: Option<Duration>,
    /// Whether its time is known, unknown or not written.
    pub timing: Timing,
    /// Output.
    pub output: Vec<String>,
    /// Remarks.
    pub remarks: Vec<String>,
    /// The working day it falls on.
    pub on_day: Option<u32>,
    /// Condition of a conditional step (may be skipped).
    pub condition: Option<String>,
    /// Where a skipped conditional step leads.
    pub skip: Option<Node>,
    /// Where it leads.
    pub flow: Flow,
    /// Time waited on the way to its `lanjut` step.
    pub next_wait: Option<Wait>,
    /// Where its `lanjut` target is written, when it is.
    pub next_loc: Option<Loc>,
    /// What happens when its time is at risk or breached.
    pub escalations: Vec<Escalation>,
    /// A line of it could not be read: what seems missing may be in that line, so nothing
    /// more is said of it.
    pub broken: bool,
    /// The published table stops after it (`terpotong "…"`): it leads to the procedure's
    /// cut-off end.
    pub cut_off: Option<CutOff>,
    /// Where its name is written.
    pub loc: Loc,
}

/// Where a published procedure table stops (`terpotong "…"` on its last step).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutOff {
    /// What the source says of the rest, when it says something.
    pub remark: Option<String>,
    /// Where it is written.
    pub loc: Loc,
}

/// An end of a procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Not an end the source names but where its table stops (`terpotong`): what follows
    /// is not published, so no budget over it is judged.
    pub cut_off: bool,
    /// Where its name is written.
    pub loc: Loc,
}

/// An event of a procedure a clock or obligation hangs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The procedure (index in [`Model::procedures`](super::Model::procedures)).
    pub procedure: usize,
    /// The step or end.
    pub node: Node,
    /// After finishing (rather than on entering).
    pub after: bool,
    /// Only with this outcome.
    pub outcome: Option<String>,
    /// Where it is written.
    pub loc: Loc,
}

/// What pauses a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pause {
    /// While the file is back with the applicant.
    Returned,
    /// While a step is active.
    Step(usize),
}

/// A time budget and its clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Allowed time.
    pub duration: Duration,
    /// Clock start (default: when the case opens).
    pub start: Option<Point>,
    /// Clock stop (default: any end).
    pub stop: Option<Point>,
    /// Pauses.
    pub pauses: Vec<Pause>,
    /// Where its name is written.
    pub loc: Loc,
    /// What happens when it is at risk or breached.
    pub escalations: Vec<Escalation>,
    /// What it measures.
    pub scope: Scope,
    /// How much an officer may extend it, once (a complaint tier's `perpanjangan`).
    pub extension: Option<super::Extension>,
}

/// A procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Where it is declared.
    pub owner: Owner,
    /// Steps in source order.
    pub steps: Vec<Step>,
    /// Ends in source order.
    pub ends: Vec<End>,
    /// The start step (index), when there is a step.
    pub start: Option<usize>,
    /// Budgets: the written ones, then one per stage with a time, then one per step with
    /// escalation rules (their clocks run like any budget's).
    pub budgets: Vec<Budget>,
    /// Stages.
    pub stages: Vec<Stage>,
    /// Its own SOP identity page, when written on the procedure (an agency's SOP, or a
    /// service's procedure numbered apart); a service's page serves its procedures otherwise.
    pub sop: Option<super::SopIdentity>,
    /// Where its name is written.
    pub loc: Loc,
}

impl Step {
    /// Whether a case may skip it.
    pub fn is_conditional(&self) -> bool {
        self.condition.is_some()
    }
}

impl Procedure {
    /// The stage a step belongs to (a stage written by its bounds owns no step).
    pub fn stage_of(&self, step: usize) -> Option<usize> {
        self.stages
            .iter()
            .position(|s| !s.bounded && s.steps.is_some_and(|(a, b)| (a..=b).contains(&step)))
    }
}

#[cfg(test)]
mod tests {
    use super::StepNumber;

    #[test]
    fn published_numbers_sort_as_read() {
        let order = ["1", "2", "2.1", "2.2", "3", "3.", "3a", "3b", "4"];
        let keys: Vec<Vec<u32>> = order.iter().map(|l| StepNumber::parse(l).key).collect();
        assert_eq!(StepNumber::parse("3.").key, StepNumber::parse("3").key);
        for w in keys.windows(2) {
            assert!(w[0] <= w[1], "{:?} then {:?}", w[0], w[1]);
        }
        assert_eq!(StepNumber::parse("3a").label, "3a");
        assert!(StepNumber::parse("b").key < StepNumber::parse("c.4").key);
        assert_ne!(StepNumber::parse("a").key, StepNumber::parse("1").key);
        assert_eq!(StepNumber::parse("A").key, StepNumber::parse("a").key);
    }
}
