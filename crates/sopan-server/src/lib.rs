//! sopan as a service: live cases over HTTP for hosts in any language, kept in SQLite (one
//! file, the default) or PostgreSQL (many servers), with their timers fired into an outbox.
//!
//! The core library stays synchronous and free of I/O; this crate adds the store
//! ([`store`]), the standards it serves ([`catalog`]), what it does to a case ([`engine`]),
//! the HTTP API ([`http`]) and the timer loop ([`timers`]).

pub mod catalog;
pub mod engine;
pub mod http;
pub mod load;
pub mod metrics;
pub mod refusal;
pub mod store;
pub mod timers;
pub mod verify;
pub mod words;
