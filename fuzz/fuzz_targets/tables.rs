//! Fuzz target `tables`: see `tests/harness/mod.rs` for what it checks.
#![no_main]

#[path = "../../tests/harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::tables(data));
