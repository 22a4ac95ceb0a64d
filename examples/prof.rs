use std::time::Instant;
fn main() {
    let a = std::fs::read_to_string("standards/pekanbaru/dpmptsp.sop").unwrap();
    let b = std::fs::read_to_string("standards/pekanbaru/izin_praktik_dokter.sop").unwrap();
    let n: usize = std::env::args().nth(1).map_or(2000, |s| s.parse().unwrap());
    for (name, t) in [("agency", &a), ("licence", &b)] {
        let s = Instant::now();
        for _ in 0..n {
            std::hint::black_box(sopan::parser::parse(t, sopan::span::FileId(0)));
        }
        println!(
            "{name}: {} bytes, parse {:.1} us",
            t.len(),
            s.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    }
}
