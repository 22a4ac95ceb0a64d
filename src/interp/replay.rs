//! A case rebuilt from its events: its history replayed, and its control card kept while
//! replaying.

use super::case::Case;
use super::event::{Event, EventError};
use super::record::some;
use super::Context;
use jiff::Timestamp;

impl Case {
    /// The case rebuilt from its own history: opened again, every event applied in order
    /// (deemed approvals included), then advanced to the latest instant `advance` was called
    /// with. Equal to `self` — the property that makes a stored event list the truth about
    /// a case.
    pub fn replayed(&self, ctx: &Context<'_>) -> Result<Case, EventError> {
        let events = self.events(ctx);
        let advanced = some(self.advanced).map(|s| self.at(s));
        Case::rebuild(ctx, self.id(), self.opened(), &events, advanced, false).map_err(|(_, e)| e)
    }

    /// A case opened at `opened`, `events` applied in order, advanced to `advanced`; with
    /// `card`, keeping its control card. On a refusal, the event's index (1-based).
    pub(super) fn rebuild(
        ctx: &Context<'_>,
        id: &str,
        opened: Timestamp,
        events: &[Event],
        advanced: Option<Timestamp>,
        card: bool,
    ) -> Result<Case, (usize, EventError)> {
        let (mut case, _) = Case::open(ctx, id, opened).map_err(|e| (0, e))?;
        if card {
            case.card = Some(Box::default());
        }
        for (k, event) in events.iter().enumerate() {
            case.apply(ctx, event.clone()).map_err(|e| (k + 1, e))?;
        }
        if let Some(at) = advanced {
            case.advance(ctx, at);
        }
        Ok(case)
    }

    /// Keeps the control card from now on as events are applied, without the officers' and
    /// outcomes' names, and keeps no more events: for a reader of many cases that sums each
    /// card's times once and never replays, stores or lists the case (the audit). The case's
    /// position, clocks and timers move exactly as before.
    pub(crate) fn keep_card_only(&mut self, ctx: &Context<'_>, spare: Option<CardRoom>) {
        if self.card.is_none() {
            let card = match spare {
                Some(CardRoom(mut card)) => {
                    card.entries.clear();
                    card
                }
                // A line a step, and a little room for returns.
                None => Box::new(super::card::Card {
                    entries: Vec::with_capacity(ctx.procedure.steps.len() + 2),
                    nameless: true,
                    only: true,
                }),
            };
            self.card = Some(card);
        }
    }

    /// The room of a card kept by [`Case::keep_card_only`], for the next case's card (a log
    /// of a million cases allocates a card for those open at once, not one a case).
    pub(crate) fn card_room(&mut self) -> Option<CardRoom> {
        self.card.take().filter(|c| c.only).map(CardRoom)
    }

    /// The card entries kept since [`Case::keep_card_only`], if it was asked for.
    pub(crate) fn kept_card(&self) -> Option<&[super::card::CardEntry]> {
        self.card.as_deref().map(|c| c.entries.as_slice())
    }

    /// The control card with roles, standard times, the applicant's waiting and lateness,
    /// rebuilt from the events.
    pub fn card(&self, ctx: &Context<'_>) -> Vec<super::CardLine> {
        let events = self.events(ctx);
        match Case::rebuild(ctx, self.id(), self.opened(), &events, None, true) {
            Ok(replica) => replica
                .card
                .as_deref()
                .map(|card| super::card::lines(&replica, &card.entries, ctx))
                .unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }
}

/// A card's room, handed from a closed case to the next (see [`Case::card_room`]).
#[derive(Debug)]
pub(crate) struct CardRoom(Box<super::card::Card>);
