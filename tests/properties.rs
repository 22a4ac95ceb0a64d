//! Randomised properties of the interpreter and the calendar reader, driven by proptest
//! through the same code the fuzz targets run (`tests/harness`): random event sequences on
//! every shipped procedure (a refused event leaves the case byte-identical, persist → resume
//! is the identity, the history replays to the same case), and random calendar files (no
//! panic, counted time goes back exactly).

#[path = "harness/mod.rs"]
mod harness;

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_event_sequences_keep_cases_consistent(
        data in proptest::collection::vec(any::<u8>(), 0..600)
    ) {
        harness::events(&data);
    }

    #[test]
    fn random_calendar_bytes_never_panic(
        data in proptest::collection::vec(any::<u8>(), 0..400)
    ) {
        harness::calendar(&data);
    }
}
