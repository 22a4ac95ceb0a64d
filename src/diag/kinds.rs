//! Every diagnostic kind, one entry each: its data, its stable code and its severity. The
//! enum, [`Kind::code`], [`Kind::severity`] and [`CODES`] are generated from this one table;
//! the words (message, label, help in both languages) are in the catalogue, whose matches
//! have no catch-all, so a new kind does not compile until it has them.

use super::{Amount, Hint, NameKind, PathHop, Phrase, Severity, ValueKind};

kinds! {
    /// The text does not follow the grammar.
    Syntax {
        /// What was found (first word), if anything.
        found: Option<String>,
        /// What would have been understood there.
        expected: Vec<Phrase>,
        /// What the line most likely needs.
        hint: Option<Hint>,
    } = ("sop::syntax", Error),
    /// The file holds nothing.
    EmptyFile = ("sop::empty-file", Error),
    /// The file is not UTF-8.
    NotUtf8 { /** First bad byte. */ offset: usize } = ("sop::not-utf8", Error),
    /// A control or bidirectional character, which could hide text or rewrite a terminal.
    ControlCharacter { /** `U+202E`. */ code_point: String } = ("sop::control-character", Error),
    /// Braces nested deeper than anything the language needs.
    TooDeep { /** The limit. */ limit: usize } = ("sop::too-deep", Error),
    /// More unreadable lines than are worth reporting one by one.
    TooManyErrors {
        /// Unreadable lines not reported.
        more: usize,
    } = ("sop::too-many-errors", Advice),
    /// An item that may appear once appears again.
    DuplicateItem { /** The item's keyword. */ item: Phrase } = ("sop::duplicate-item", Error),
    /// A name that is not defined.
    UndefinedName {
        /// What sort of thing.
        kind: NameKind,
        /// The name.
        name: String,
        /// A close defined name.
        suggestion: Option<String>,
    } = ("sop::undefined-name", Error),
    /// A name defined twice.
    DuplicateName {
        /// What sort of thing.
        kind: NameKind,
        /// The name.
        name: String,
    } = ("sop::duplicate-name", Error),
    /// A name defined and never used.
    UnusedName {
        /// What sort of thing.
        kind: NameKind,
        /// The name.
        name: String,
    } = ("sop::unused-name", Warning),
    /// A name that matches in several procedures.
    AmbiguousName {
        /// The name.
        name: String,
        /// The procedures that have it.
        procedures: Vec<String>,
    } = ("sop::ambiguous-name", Error),
    /// No path from the start reaches the step.
    UnreachableStep { /** The step. */ step: String } = ("sop::unreachable-step", Error),
    /// No path from the step reaches an end.
    NoWayToEnd { /** The step. */ step: String } = ("sop::no-way-to-end", Error),
    /// A loop that never leads out.
    LoopWithoutExit {
        /// The steps in it.
        steps: Vec<String>,
    } = ("sop::loop-without-exit", Error),
    /// A decision with too few outcomes or half of a pair.
    MissingOutcome {
        /// The missing counterpart, when known.
        missing: Option<String>,
    } = ("sop::missing-outcome", Error),
    /// An outcome named twice in one decision.
    DuplicateOutcome { /** The outcome. */ name: String } = ("sop::duplicate-outcome", Error),
    /// One of the 14 components of PermenPAN-RB 15/2014 is absent.
    MissingComponent { /** 1..=14. */ number: u8 } = ("sop::missing-component", Warning),
    /// A required item is absent.
    MissingItem {
        /// The item's keyword.
        item: Phrase,
        /// Where it is required.
        within: NameKind,
    } = ("sop::missing-item", Error),
    /// A service without `versi`: cases carry a standard's version. Published standards
    /// often have none; written as published, it is allowed with its reason.
    MissingVersion { /** The service. */ service: String } = ("sop::missing-version", Error),
    /// Staffing counts contradict the roles that act.
    StaffingMismatch {
        /// Internal roles that perform steps.
        acting: usize,
        /// People declared.
        declared: u64,
        /// Acting roles no staffing entry covers.
        uncovered: Vec<String>,
    } = ("sop::staffing-mismatch", Warning),
    /// A complaint channel with no reply rule.
    ChannelWithoutReply {
        /// The channel.
        channel: String,
    } = ("sop::channel-without-reply", Error),
    /// A severity tier with nobody to handle it.
    TierWithoutRoute { /** The tier. */ tier: String } = ("sop::tier-without-route", Error),
    /// A reply rule for a channel that only carries answers (`hanya_balasan`).
    ReplyOnlyIntake { /** The channel. */ channel: String } = ("sop::reply-only-intake", Error),
    /// A reply-only channel no reply rule sends answers by.
    ReplyOnlyUnused { /** The channel. */ channel: String } = ("sop::reply-only-unused", Warning),
    /// A tier whose handler the source does not name (`penangan tidak_disebutkan`).
    HandlerNotStated { /** The tier. */ tier: String } = ("sop::handler-not-stated", Advice),
    /// A reply rule whose channel the source does not name (`-> tidak_disebutkan`).
    ReplyNotStated { /** The channel complaints came by. */ channel: String } = ("sop::reply-not-stated", Advice),
    /// A budget `menurut tingkat` outside a complaint policy's procedure.
    TierClockOutsideComplaints { /** The budget. */ budget: String } = ("sop::tier-clock-outside-complaints", Error),
    /// A budget `menurut tingkat` that does not start after the step choosing the tier.
    TierClockStart { /** The budget. */ budget: String } = ("sop::tier-clock-start", Error),
    /// An outcome of the step choosing the tier that names no tier.
    TierClockOutcome {
        /// The budget.
        budget: String,
        /// The outcome.
        outcome: String,
        /// The tiers there are.
        tiers: Vec<String>,
    } = ("sop::tier-clock-outcome", Error),
    /// A tier a budget `menurut tingkat` can choose, without a deadline.
    TierClockWithoutDeadline {
        /// The budget.
        budget: String,
        /// The tier (the policy, when it has no tiers).
        tier: String,
        /// The deadline's name, when the budget names one.
        deadline: Option<String>,
    } = ("sop::tier-clock-without-deadline", Error),
    /// An obligation or clock point on an event that cannot happen.
    NeverHappens { /** The step or end. */ point: String } = ("sop::never-happens", Error),
    /// A negative duration.
    NegativeDuration = ("sop::negative-duration", Error),
    /// `25..3`.
    ReversedRange {
        /// Lower as written.
        low: i64,
        /// Upper as written.
        high: i64,
    } = ("sop::reversed-range", Error),
    /// A unit of time not known.
    UnknownUnit {
        /// As written.
        unit: String,
        /// A close unit.
        suggestion: Option<String>,
    } = ("sop::unknown-unit", Error),
    /// A decimal amount of time (`1,5 jam`): durations are whole numbers of a unit.
    DecimalDuration {
        /// As written, with its unit.
        written: String,
        /// The same time in a smaller unit, when it comes out whole (`90 menit`).
        instead: Option<String>,
    } = ("sop::decimal-duration", Error),
    /// A duration longer than any standard could mean.
    DurationTooLarge = ("sop::duration-too-large", Error),
    /// A date that does not exist.
    InvalidDate { /** As written. */ text: String } = ("sop::invalid-date", Error),
    /// A number out of its range (a day number of 0, a negative head count).
    InvalidNumber { /** As written. */ text: String } = ("sop::invalid-number", Error),
    /// An included file cannot be read.
    IncludeNotFound {
        /// The path as resolved.
        path: String,
        /// Why, as the loader said it.
        reason: crate::source::loader::ReadError,
        /// A file of a close name in the same folder, as the include would be written.
        suggestion: Option<String>,
    } = ("sop::include-not-found", Error),
    /// An include that leaves the standards root.
    IncludeEscapesRoot {
        /// The path as resolved.
        path: String,
        /// The standards root it must stay within.
        root: String,
    } = ("sop::include-escapes-root", Error),
    /// Files that include each other.
    IncludeCycle {
        /// The chain, first file repeated at the end.
        chain: Vec<String>,
    } = ("sop::include-cycle", Error),
    /// Includes nested deeper than the limit (a file that includes a file that includes …).
    IncludeTooDeep { /** The limit. */ limit: usize } = ("sop::include-too-deep", Error),
    /// A standard with more files included than the limit.
    TooManyIncludes { /** The limit. */ limit: usize } = ("sop::too-many-includes", Error),
    /// A quoted text longer than the limit.
    TextTooLong { /** The limit, in bytes. */ limit: usize } = ("sop::text-too-long", Error),
    /// A procedure with more steps than the limit.
    TooManySteps {
        /// The procedure.
        procedure: String,
        /// The limit.
        limit: usize,
    } = ("sop::too-many-steps", Error),
    /// A standard with more roles than the limit.
    TooManyRoles { /** The limit. */ limit: usize } = ("sop::too-many-roles", Error),
    /// A value outside its fixed set.
    UnknownValue {
        /// Which set.
        kind: ValueKind,
        /// As written.
        value: String,
        /// A close allowed value.
        suggestion: Option<String>,
    } = ("sop::unknown-value", Error),
    /// `N x 24` written with a unit other than hours (`1 x 24 hari`).
    FullDaysNotHours { /** The unit written. */ unit: String } = ("sop::full-days-not-hours", Error),
    /// A multiple of 24 working hours (`24 jam`), where a whole day of elapsed time is often
    /// meant (`1 x 24 jam`).
    HoursAsDays { /** The hours written. */ hours: u32, /** As whole days. */ days: u32 } = ("sop::hours-as-days", Warning),
    /// A step with both `lanjut` and `keputusan`.
    ConflictingFlow { /** The step. */ step: String } = ("sop::conflicting-flow", Error),
    /// A step where the published table stops (`terpotong`) that also says where it leads.
    CutOffWithFlow { /** The step. */ step: String } = ("sop::cut-off-with-flow", Error),
    /// The published table stops after a step: what follows is not published.
    CutOff { /** The step. */ step: String, /** The budgets left unjudged. */ budgets: Vec<String> } = ("sop::cut-off", Advice),
    /// Two steps with the same published number.
    DuplicateStepNumber {
        /// The number as published.
        number: String,
    } = ("sop::duplicate-step-number", Warning),
    /// A published number smaller than the one before it.
    StepNumberOrder {
        /// The number.
        number: String,
        /// The number of the step before.
        after: String,
    } = ("sop::step-number-order", Warning),
    /// A decision with one outcome: the other branch is not published.
    OneBranch {
        /// The outcome written.
        outcome: String,
        /// Its usual counterpart, when it has one.
        missing: Option<String>,
    } = ("sop::one-branch", Advice),
    /// A step without a performer (`oleh`).
    MissingPerformer { /** The step. */ step: String } = ("sop::missing-performer", Warning),
    /// The same role twice among a step's performers.
    DuplicatePerformer {
        /// The step.
        step: String,
        /// The role.
        role: String,
    } = ("sop::duplicate-performer", Warning),
    /// A step without `waktu` (outside a stage with its own time).
    MissingTime { /** The step. */ step: String } = ("sop::missing-time", Warning),
    /// A budget whose paths hold steps of unknown time: its verdict is unknown.
    BudgetUnknown {
        /// The budget.
        budget: String,
        /// The steps whose time is unknown.
        steps: Vec<String>,
    } = ("sop::budget-unknown", Advice),
    /// A calendar file that is not valid YAML or lacks a required key.
    CalendarSyntax {
        /// What the YAML reader said.
        message: String,
    } = ("sop::calendar-syntax", Error),
    /// A day listed twice in a calendar.
    DuplicateDate { /** The date. */ date: String } = ("sop::duplicate-date", Error),
    /// A calendar whose working hours hold no interval on any day.
    NoWorkingHours = ("sop::no-working-hours", Error),
    /// A calendar file whose `nama` is not its file's name.
    CalendarName {
        /// The name written inside.
        name: String,
        /// The file's name.
        file: String,
    } = ("sop::calendar-name", Error),
    /// Working hours that are malformed or overlap.
    InvalidHours {
        /// As written.
        text: String,
        /// Whether the problem is an overlap with the previous interval.
        overlap: bool,
    } = ("sop::invalid-hours", Error),
    /// Even the shortest path takes longer than the budget allows.
    BudgetCannotFit {
        /// The budget.
        budget: String,
        /// The shortest path's time.
        shortest: Amount,
        /// The path, step by step.
        path: Vec<PathHop>,
        /// The budget.
        limit: Amount,
    } = ("sop::budget-cannot-fit", Error),
    /// From some start, some path (each loop gone round at most once) breaches the budget.
    BudgetMayOverrun {
        /// The budget.
        budget: String,
        /// The longest path's time.
        longest: Amount,
        /// The path, step by step.
        path: Vec<PathHop>,
        /// The budget.
        limit: Amount,
        /// The earliest start from which it overruns, in the calendar's zone.
        from: Option<String>,
    } = ("sop::budget-may-overrun", Warning),
    /// A budget whose paths could not be judged against the calendar.
    BudgetNotJudged { /** The budget. */ budget: String, /** The calendar's last day (`None`: too many paths). */ last_day: Option<String> }
        = ("sop::budget-not-judged", Warning),
    /// A stage with no step: nothing to measure its time over.
    EmptyStage { /** The stage. */ stage: String } = ("sop::empty-stage", Warning),
    /// A stage written by its bounds whose first bound comes after its last.
    StageBoundsReversed { /** The stage. */ stage: String, /** `dari`. */ from: String, /** `sampai`. */ until: String }
        = ("sop::stage-bounds-reversed", Error),
    /// A stage written `dari … sampai …` or `di_luar` with steps inside it.
    StageOwnSteps { /** The stage. */ stage: String } = ("sop::stage-own-steps", Error),
    /// A stage done outside the procedure with escalation rules or pauses: no clock runs there.
    ElsewhereClock { /** The stage. */ stage: String } = ("sop::elsewhere-clock", Error),
    /// A wait on the way to an end: a case ends when the step before it is done, so the
    /// wait would be counted by nothing.
    WaitBeforeEnd { /** The step it follows. */ step: String, /** The end. */ end: String }
        = ("sop::wait-before-end", Error),
    /// The steps marked as falling on one working day take longer than that day's hours.
    DayOverfull {
        /// The day number (hari ke-N).
        day: u32,
        /// Their total, working minutes.
        minutes: u64,
        /// A working day, minutes.
        limit: u64,
    } = ("sop::day-overfull", Warning),
    /// Some combination of fact values has no reply rule for a channel.
    ReplyGap {
        /// The channel.
        channel: String,
        /// The uncovered facts, `fakta = nilai, …`.
        case: String,
    } = ("sop::reply-gap", Error),
    /// Some combination of fact values has several reply rules for a channel.
    ReplyOverlap {
        /// The channel.
        channel: String,
        /// The facts both rules cover.
        case: String,
    } = ("sop::reply-overlap", Error),
    /// A day outside the calendar's declared range.
    OutsideRange {
        /// The date.
        date: String,
        /// First covered day.
        from: String,
        /// Last covered day.
        to: String,
    } = ("sop::outside-range", Error),
    /// A procedure counts working time, and no working-day calendar is named for it.
    NoCalendar { /** The procedure. */ procedure: String } = ("sop::no-calendar", Error),
    /// An escalation rule on a stage or step whose time is not given.
    EscalationWithoutTime {
        /// The stage or step.
        name: String,
    } = ("sop::escalation-without-time", Error),
    /// A calendar's `berlaku` spans more years than holidays are ever decreed for.
    RangeTooWide {
        /// Years the range spans.
        years: i64,
        /// The most allowed.
        limit: i64,
    } = ("sop::range-too-wide", Error),
    /// A suppression comment without its reason, or naming no known code.
    InvalidSuppression {
        /// The code as written.
        code: String,
        /// Whether no diagnostic has that code.
        unknown_code: bool,
        /// Whether the reason (`karena …`) is missing.
        no_reason: bool,
    } = ("sop::invalid-suppression", Error),
    /// A suppression comment that silenced nothing.
    UnusedSuppression {
        /// The code it names.
        code: String,
    } = ("sop::unused-suppression", Warning),
    /// A block whose `}` is missing: found at its opening from the indentation.
    UnclosedBlock {
        /// The words before its `{` (`langkah 3 cek_simple "…"`).
        head: String,
    } = ("sop::unclosed-block", Error),
    /// A `}` that closes no block.
    ExtraBrace = ("sop::extra-brace", Error),
    /// A line that opens a block without its `{` (its lines are indented under it and a `}`
    /// closes it).
    MissingOpenBrace {
        /// The line's keyword and name.
        head: String,
    } = ("sop::missing-open-brace", Error),
    /// A `"` that opens a text never closed on its line.
    UnclosedQuote = ("sop::unclosed-quote", Error),
}
