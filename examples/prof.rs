//! Profiling aid: load the Pekanbaru standard N times (`cargo run --release --example prof N`).
use sopan::loader::MemoryLoader;
use sopan::project::{Entry, Project};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let mut loader = MemoryLoader::new();
    for f in [
        "standards/pekanbaru/dpmptsp.sop",
        "standards/pekanbaru/izin_praktik_dokter.sop",
    ] {
        loader.insert(f, std::fs::read(f).unwrap_or_default());
    }
    let entry = Entry {
        path: "standards/pekanbaru/izin_praktik_dokter.sop".into(),
        root: "standards".into(),
    };
    let start = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(Project::load(&loader, std::slice::from_ref(&entry)).ok());
    }
    println!(
        "{:.1} us per load",
        start.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
