//! Writes a generated event log for `sopan audit`: `cargo run --release --example audit_log
//! -- CASES [SEED] > log.csv` (default 1,000,000 cases, seed 1), then `sopan audit
//! standards/pekanbaru/izin_praktik_dokter.sop --log log.csv`.

mod generate;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let cases = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let rows = generate::generate(cases, seed, &mut out)?;
    eprintln!("{cases} cases, {rows} rows");
    Ok(())
}
