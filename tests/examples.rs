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
