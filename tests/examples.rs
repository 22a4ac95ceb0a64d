//! Every example runs (small inputs) as part of the test suite.

#[path = "../examples/embed.rs"]
mod embed;

#[path = "../examples/throughput.rs"]
#[allow(dead_code, reason = "the example's own main is not called here")]
mod throughput;

#[test]
fn the_embedding_example_runs() {
    embed::main().expect("the example succeeds");
}

#[test]
fn the_throughput_example_runs() {
    throughput::run(50).expect("the example succeeds");
}

#[path = "../examples/oss_rba.rs"]
mod oss_rba;

#[test]
fn the_oss_rba_example_judges_every_application() {
    let now = sopan::time::instant("2026-03-10T16:00:00+07:00").expect("an instant");
    let r = oss_rba::run("examples/oss_rba", "standards", now).expect("the example succeeds");
    assert_eq!(r.on_time, ["OSS-001", "OSS-002"], "{r:?}");
    assert_eq!(r.late, ["OSS-003"], "{r:?}");
    assert_eq!(r.open, ["OSS-004", "OSS-005"], "{r:?}");
    assert_eq!(r.problems.len(), 1, "{r:?}");
    assert!(r.problems[0].contains("TIDAK_DIKENAL"), "{r:?}");
}
