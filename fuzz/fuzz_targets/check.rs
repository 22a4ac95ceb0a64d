//! Fuzz target `check`: see `tests/harness/mod.rs` for what it checks (with `sopan fmt`).
#![no_main]

#[path = "../../tests/harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::check(data));
