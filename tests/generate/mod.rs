//! Random procedures as `.sop` text, for differential tests of the budget analysis: the
//! shapes published SOPs use (decisions, loops back, returns to the applicant, waits,
//! conditional steps, ranges, every unit, pauses, start and stop points, stages), on three
//! one-year calendars with different day-count rules and zones.

#![allow(dead_code, reason = "each test crate uses a different part")]

/// A small deterministic generator (xorshift*), so a failure names its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0 | 1;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The calendars (name, YAML): the day of receipt not counted (WIB), a 14:00 cut-off (WITA),
/// closing time as the cut-off with Saturday mornings worked (WIT).
pub const CALENDARS: [(&str, &str); 4] = [
    (
        "satu",
        concat!(
            "nama: satu\nzona: WIB\nberlaku: { dari: 2026-01-01, sampai: 2026-12-31 }\n",
            r#"jam_kerja:
  senin:  ["07:30-12:00", "13:00-16:00"]
  selasa: ["07:30-12:00", "13:00-16:00"]
  rabu:   ["07:30-12:00", "13:00-16:00"]
  kamis:  ["07:30-12:00", "13:00-16:00"]
  jumat:  ["07:30-11:30", "13:00-16:30"]
"#,
            r#"libur_tambahan:
  - 2026-01-01 Tahun Baru
  - 2026-03-18 Cuti bersama Nyepi
  - 2026-03-19 Nyepi
  - 2026-03-20 Idul Fitri
  - 2026-03-23 Idul Fitri kedua
  - 2026-03-24 Cuti bersama
  - 2026-05-14 Kenaikan
  - 2026-08-17 Kemerdekaan
  - 2026-12-24 Cuti bersama Natal
  - 2026-12-25 Natal
"#
        ),
    ),
    (
        "potong",
        concat!(
            "nama: potong\nzona: WITA\nberlaku: { dari: 2026-01-01, sampai: 2026-12-31 }\n",
            "hitungan_hari: { batas_pukul: \"14:00\" }\n",
            r#"jam_kerja:
  senin:  ["08:00-12:00", "13:00-15:00"]
  selasa: ["08:00-12:00", "13:00-15:00"]
  rabu:   ["08:00-12:00", "13:00-15:00"]
  kamis:  ["08:00-12:00", "13:00-15:00"]
  jumat:  ["08:00-11:30", "13:00-15:00"]
"#,
            r#"libur_tambahan:
  - 2026-01-01 Tahun Baru
  - 2026-03-20 Idul Fitri
  - 2026-03-23 Idul Fitri kedua
  - 2026-08-17 Kemerdekaan
  - 2026-12-25 Natal
"#
        ),
    ),
    (
        "tutup",
        concat!(
            "nama: tutup\nzona: WIT\nberlaku: { dari: 2026-01-01, sampai: 2026-12-31 }\n",
            "hitungan_hari: { batas_pukul: tutup }\n",
            r#"jam_kerja:
  senin:  ["08:00-16:00"]
  selasa: ["08:00-16:00"]
  rabu:   ["08:00-16:00"]
  kamis:  ["08:00-16:00"]
  jumat:  ["08:00-11:00", "14:00-16:00"]
  sabtu:  ["08:00-12:00"]
"#,
            r#"libur_tambahan:
  - 2026-01-01 Tahun Baru
  - 2026-06-01 Pancasila
  - 2026-12-25 Natal
"#
        ),
    ),
    (
        // Plain-day deadlines that fall on a day off move to the close of the next working
        // day: the reckoning can go back as the start moves on within a day.
        "geser",
        concat!(
            "nama: geser\nzona: WIB\nberlaku: { dari: 2026-01-01, sampai: 2026-12-31 }\n",
            "hari_biasa_jatuh_libur: hari_kerja_berikutnya\n",
            r#"jam_kerja:
  senin:  ["07:30-12:00", "13:00-16:00"]
  selasa: ["07:30-12:00", "13:00-16:00"]
  rabu:   ["07:30-12:00", "13:00-16:00"]
  kamis:  ["07:30-12:00", "13:00-16:00"]
  jumat:  ["07:30-11:30", "13:00-16:30"]
"#,
            r#"libur_tambahan:
  - 2026-01-01 Tahun Baru
  - 2026-02-17 Imlek
  - 2026-03-18 Cuti bersama Nyepi
  - 2026-03-19 Nyepi
  - 2026-03-20 Idul Fitri
  - 2026-03-23 Idul Fitri kedua
  - 2026-05-14 Kenaikan
  - 2026-08-17 Kemerdekaan
  - 2026-12-25 Natal
"#
        ),
    ),
];

fn duration(rng: &mut Rng) -> String {
    let (unit, low, high) = match rng.below(100) {
        0..=29 => ("menit", 0, 600),
        30..=44 => ("jam", 0, 10),
        45..=69 => ("hari kerja", 0, 4),
        70..=84 => ("hari", 0, 5),
        85..=94 => ("minggu", 1, 2),
        _ => ("bulan", 1, 1),
    };
    let a = low + rng.below(high - low + 1);
    if rng.chance(15) {
        let b = a + rng.below(high - low + 1);
        format!("{a}..{b} {unit}")
    } else {
        format!("{a} {unit}")
    }
}

fn budget(rng: &mut Rng) -> String {
    let (unit, low, high) = match rng.below(100) {
        0..=24 => ("menit", 60, 3000),
        25..=39 => ("jam", 1, 30),
        40..=69 => ("hari kerja", 1, 12),
        70..=84 => ("hari", 1, 40),
        85..=94 => ("minggu", 1, 6),
        _ => ("bulan", 1, 2),
    };
    format!("{} {unit}", low + rng.below(high - low + 1))
}

fn wait(rng: &mut Rng, percent: u64) -> String {
    if rng.chance(percent) {
        format!(" tunggu {}", duration(rng))
    } else {
        String::new()
    }
}

/// A random procedure `p` and the calendar it runs on.
pub fn procedure(rng: &mut Rng) -> (String, &'static str) {
    let calendar = CALENDARS[rng.below(CALENDARS.len() as u64) as usize].0;
    let n = 1 + rng.below(6) as usize;
    let mut clock = String::new();
    if rng.chance(40) {
        clock.push_str(" jeda selama dikembalikan ");
    }
    if rng.chance(8) {
        clock.push_str(&format!(" jeda selama l{} ", 1 + rng.below(n as u64)));
    }
    if rng.chance(10) && n > 1 {
        clock.push_str(" mulai setelah l1 ");
    }
    if rng.chance(10) {
        clock.push_str(&format!(" berhenti setelah l{} ", 1 + rng.below(n as u64)));
    }
    let mut text = format!(
        "instansi x \"X\" {{ kalender {calendar} }}\nperan pemohon \"Pemohon\" eksternal\nperan petugas \"Petugas\" internal\nprosedur p \"P\" {{\n  anggaran total \"Total\" {} {{{clock}}}\n",
        budget(rng)
    );
    let stage = if n >= 3 && rng.chance(15) {
        let first = 1 + rng.below(n as u64 - 1) as usize;
        Some((first, first + rng.below((n - first) as u64) as usize))
    } else {
        None
    };
    for i in 0..n {
        let id = i + 1;
        if stage.is_some_and(|(a, _)| a == id) {
            text.push_str(&format!(
                "  tahap t \"Tahap\" {{\n    waktu {}\n",
                budget(rng)
            ));
        }
        let time = if rng.chance(3) {
            "tidak_diketahui".to_string()
        } else {
            duration(rng)
        };
        let when = if i > 0 && i + 1 < n && rng.chance(15) {
            "  bila \"Bila perlu\""
        } else {
            ""
        };
        let flow = if i + 1 == n {
            if rng.chance(60) {
                "lanjut ok".to_string()
            } else {
                let back = if rng.chance(50) {
                    format!(" o_kembali -> kembalikan ke pemohon{}", wait(rng, 40))
                } else {
                    String::new()
                };
                format!("keputusan \"Hasil?\" {{ o_maju -> ok  o_tolak -> tolak{back} }}")
            }
        } else if rng.chance(55) {
            format!("lanjut l{}{}", id + 1, wait(rng, 25))
        } else {
            let mut outcomes = format!("o_maju -> l{}{}", id + 1, wait(rng, 25));
            if rng.chance(45) {
                let to = 1 + rng.below(id as u64);
                outcomes.push_str(&format!("  o_ulang -> l{to}{}", wait(rng, 25)));
            }
            if rng.chance(45) {
                outcomes.push_str(&format!(
                    "  o_kembali -> kembalikan ke pemohon{}",
                    wait(rng, 40)
                ));
            }
            if id + 2 <= n && rng.chance(25) {
                let to = id + 2 + rng.below((n - id - 1) as u64) as usize;
                outcomes.push_str(&format!("  o_lompat -> l{to}"));
            }
            if rng.chance(30) || !outcomes.contains("  o_") {
                outcomes.push_str("  o_tolak -> tolak");
            }
            format!("keputusan \"Hasil?\" {{ {outcomes} }}")
        };
        let indent = if stage.is_some_and(|(a, b)| (a..=b).contains(&id)) {
            "    "
        } else {
            "  "
        };
        text.push_str(&format!(
            "{indent}langkah l{id} \"Langkah {id}\" {{ oleh petugas  waktu {time}{when}  {flow} }}\n"
        ));
        if stage.is_some_and(|(_, b)| b == id) {
            text.push_str("  }\n");
        }
    }
    text.push_str("  selesai ok \"Selesai\"\n  selesai tolak \"Ditolak\"\n}\n");
    (text, calendar)
}
