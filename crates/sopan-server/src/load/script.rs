//! One case's run through the Pekanbaru licence procedure (`penerbitan` of
//! `pekanbaru/izin_praktik_dokter.sop`), decided by its number: one case in ten is returned
//! to the applicant at the completeness check and resubmitted the next day; one in ten is
//! never collected (the letter after a month falls due); one in twenty is signed late (the
//! budget is breached and escalated). The rest run as the seed document says.

use jiff::Timestamp;

/// When the first case is opened: Monday 2 March 2026, 08:00 WIB.
pub const START: Timestamp = Timestamp::constant(1_772_413_200, 0);

/// The standard and procedure driven.
pub const STANDARD: &str = "pekanbaru/izin_praktik_dokter.sop";
/// The procedure.
pub const PROCEDURE: &str = "penerbitan";

/// Requests per case on average (opening and events), for progress.
pub const MEAN_REQUESTS: f64 = 10.0;

/// One case's requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// The case id.
    pub id: String,
    /// The body of `POST /cases`.
    pub opening: String,
    /// The bodies of `POST /cases/{id}/events`, in order.
    pub events: Vec<String>,
}

const MINUTE: i64 = 60;
const DAY: i64 = 86_400;

/// Case number `i`'s script.
pub fn script(prefix: &str, i: usize) -> Script {
    let id = format!("{prefix}{i:07}");
    // Openings spread over the first working hour, a second apart.
    let open = START.as_second() + i64::try_from(i % 3600).unwrap_or(0);
    let at = |s: i64| {
        Timestamp::from_second(open + s)
            .unwrap_or(START)
            .to_string()
    };
    let returned = i % 10 == 3;
    let uncollected = i % 10 == 7;
    let late = i % 20 == 11;
    let mut events = Vec::new();
    let done = |step: &str, outcome: Option<&str>, by: Option<&str>, s: i64| {
        let mut e = serde_json::json!({ "event": "done", "step": step, "at": at(s) });
        if let Some(o) = outcome {
            e["outcome"] = o.into();
        }
        if let Some(b) = by {
            e["by"] = b.into();
        }
        e.to_string()
    };
    events.push(done("informasi", None, Some("fo-01"), 5 * MINUTE));
    let mut t = 25 * MINUTE;
    if returned {
        events.push(done("periksa", Some("tidak_lengkap"), Some("fo-01"), t));
        // Resubmitted the next day at the same hour, checked again twenty minutes later.
        t = DAY;
        events.push(
            serde_json::json!({ "event": "resubmitted", "by": "fo-01", "at": at(t) }).to_string(),
        );
        t += 20 * MINUTE;
    }
    events.push(done("periksa", Some("lengkap"), Some("fo-01"), t));
    for (step, by) in [
        ("cek_simple", "bo-01"),
        ("verifikasi_muda", "akm-01"),
        ("verifikasi_madya", "akd-01"),
        ("verifikasi_sekretaris", "sek-01"),
    ] {
        t += 10 * MINUTE;
        events.push(done(step, None, Some(by), t));
    }
    // Signed the next working day, an hour later; three days later when late.
    t += if late { 3 * DAY } else { DAY } + 60 * MINUTE;
    events.push(done("ttd", None, Some("kadis"), t));
    if !uncollected {
        t += DAY;
        events.push(done("serahkan", None, Some("fo-01"), t));
        events.push(done("terima", None, None, t + 2 * MINUTE));
    }
    let opening = serde_json::json!({
        "standard": STANDARD, "procedure": PROCEDURE, "id": id,
        "at": Timestamp::from_second(open).unwrap_or(START).to_string(),
    })
    .to_string();
    Script {
        id,
        opening,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_is_monday_eight_in_the_morning_wib() {
        assert_eq!(START.to_string(), "2026-03-02T01:00:00Z");
    }

    #[test]
    fn cases_differ_as_their_number_says() {
        assert_eq!(script("R", 0).events.len(), 9);
        assert_eq!(script("R", 3).events.len(), 11, "returned and resubmitted");
        assert_eq!(script("R", 7).events.len(), 7, "never collected");
        assert_eq!(script("R", 0).id, "R0000000");
    }
}
