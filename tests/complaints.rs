//! Complaint routing on the Pekanbaru policy: every severity × channel × phone fact.

mod common;

use sopan::complaints::route::{route, RouteError};
use std::collections::BTreeMap;

#[test]
fn every_severity_channel_and_phone_fact() {
    let project = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let standard = &project.standards()[0];
    let policy = &standard.model().complaints[0];
    let at: jiff::Timestamp = "2026-03-17T10:00:00+07:00".parse().expect("instant");
    let expected_handlers = [
        ("ringan", vec!["petugas_pengaduan"], vec![]),
        ("sedang", vec!["kepala_bidang", "kepala_dinas"], vec![]),
        ("berat", vec!["kepala_dinas", "walikota"], vec!["walikota"]),
    ];
    let mut combos = 0;
    for (severity, handler, escalated) in &expected_handlers {
        for channel in ["surat", "email", "internet", "telepon", "langsung"] {
            for phone in ["ya", "tidak"] {
                let mut facts = BTreeMap::new();
                facts.insert("ada_telepon".to_string(), phone.to_string());
                facts.insert("identitas".to_string(), "Pengadu".to_string());
                facts.insert("jenis".to_string(), "Keterlambatan".to_string());
                let r = route(
                    standard.model(),
                    policy,
                    channel,
                    severity,
                    &facts,
                    Some(at),
                    standard.calendar(),
                )
                .expect("routes");
                assert_eq!(&r.handler, handler, "{severity}");
                assert_eq!(&r.escalated_to, escalated, "{severity}");
                let reply: Vec<&str> = r.reply.iter().map(String::as_str).collect();
                let expected_reply: Vec<&str> = match (channel, phone) {
                    ("surat", "ya") => vec!["surat", "telepon"],
                    (other, _) => vec![other],
                };
                assert_eq!(reply, expected_reply, "{channel} with ada_telepon={phone}");
                assert_eq!(r.record.get("bobot"), Some(&Some(severity.to_string())));
                assert_eq!(
                    r.record.get("tanggal"),
                    Some(&Some("2026-03-17".to_string()))
                );
                assert!(r.due.is_some());
                combos += 1;
            }
        }
    }
    assert_eq!(combos, 30);
}

#[test]
fn due_per_tier_in_working_days_and_missing_facts_are_named() {
    let project = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let standard = &project.standards()[0];
    let policy = &standard.model().complaints[0];
    let at: jiff::Timestamp = "2026-03-17T10:00:00+07:00".parse().expect("instant");
    let facts: BTreeMap<String, String> = [("identitas", "x"), ("jenis", "y")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let due = |severity: &str| {
        route(
            standard.model(),
            policy,
            "email",
            severity,
            &facts,
            Some(at),
            standard.calendar(),
        )
        .expect("routes")
        .due
        .expect("a due instant")
        .to_string()
    };
    // Day 0 is Tuesday 17 March; 18-24 March are closed; 3 April is Good Friday.
    assert_eq!(due("ringan"), "2026-03-26T08:00:00Z");
    assert_eq!(due("sedang"), "2026-03-31T08:00:00Z");
    assert_eq!(due("berat"), "2026-04-14T08:00:00Z");
    let err = route(
        standard.model(),
        policy,
        "surat",
        "ringan",
        &BTreeMap::new(),
        None,
        None,
    )
    .expect_err("facts missing");
    assert_eq!(
        err,
        RouteError::MissingFacts("ada_telepon, identitas, jenis".into())
    );
}

#[test]
fn the_monthly_report_of_the_sample_log() {
    let project = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let standard = &project.standards()[0];
    let log = std::fs::read_to_string("standards/pekanbaru/pengaduan/contoh_log.csv")
        .expect("sample log");
    let book = sopan::complaints::book::build(
        standard.model(),
        &standard.model().complaints[0],
        standard.calendar(),
        &log,
    )
    .expect("a valid log");
    let statuses: Vec<&str> = book.entries.iter().map(|e| e.status).collect();
    assert_eq!(statuses, ["late", "on_time", "on_time", "open", "on_time"]);
    insta::assert_snapshot!(
        "monthly_report",
        sopan::complaints::book::report_text(&book.months, sopan::Lang::Id)
    );
    let bad = "diterima,saluran,bobot,identitas,jenis,ada_telepon,dijawab\n2026-03-02T09:00:00+07:00,fax,ringan,A,B,ya,\n";
    let err = sopan::complaints::book::build(
        standard.model(),
        &standard.model().complaints[0],
        standard.calendar(),
        bad,
    )
    .expect_err("an unknown channel");
    assert_eq!((err.row, err.column.as_str()), (2, "saluran"));
}

/// A tier's escalation rules come out of `route` with the instants they fire at if the
/// complaint stays unanswered — the same reckoning as a case clock started on arrival.
#[test]
fn a_tier_escalation_fires_at_its_share_and_past_the_deadline() {
    let project = common::load("standards/contoh/izin_reklame.sop", "standards");
    let standard = &project.standards()[0];
    let policy = &standard.model().complaints[0];
    let at: jiff::Timestamp = "2026-03-02T10:00:00+08:00".parse().expect("instant");
    let r = route(
        standard.model(),
        policy,
        "loket",
        "ringan",
        &BTreeMap::new(),
        Some(at),
        standard.calendar(),
    )
    .expect("routes");
    let instant = |s: &str| s.parse::<jiff::Timestamp>().expect("instant");
    // 2 working days from Monday 10:00 (08-12, 13-16): due Wednesday 16:00, 1,140 working
    // minutes away; half of them are used on Tuesday at 13:30.
    assert_eq!(r.due, Some(instant("2026-03-04T16:00:00+08:00")));
    let fired: Vec<(&str, Option<&str>, Option<jiff::Timestamp>)> = r
        .escalations
        .iter()
        .map(|e| (e.when, e.to.as_deref(), e.due))
        .collect();
    assert_eq!(
        fired,
        [
            (
                "at_risk",
                Some("kepala_kantor"),
                Some(instant("2026-03-03T13:30:00+08:00"))
            ),
            (
                "breached",
                Some("kepala_kantor"),
                Some(instant("2026-03-05T08:00:01+08:00"))
            ),
        ]
    );
}

/// Logs exported from spreadsheets: an identity with a comma in quotes, `;` between cells
/// (Indonesian-locale spreadsheets), trailing empty cells and blank lines; a bad row is named
/// by the line it is on.
#[test]
fn spreadsheet_logs_with_quotes_and_semicolons() {
    let project = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let standard = &project.standards()[0];
    let build = |log: &str| {
        sopan::complaints::book::build(
            standard.model(),
            &standard.model().complaints[0],
            standard.calendar(),
            log,
        )
    };
    let comma = "diterima,saluran,bobot,identitas,jenis,ada_telepon,dijawab\n\
        2026-03-02T09:00:00+07:00,surat,ringan,\"Budi, Jl. Sudirman\",Pelayanan,ya,,\n";
    let book = build(comma).expect("a quoted identity");
    assert_eq!(book.entries.len(), 1);
    let semicolon = "\u{feff}diterima;saluran;bobot;identitas;jenis;ada_telepon;dijawab\r\n\
        2026-03-02T09:00:00+07:00;surat;ringan;Budi, Jl. Sudirman;Pelayanan;ya;\r\n\r\n\
        2026-03-03T09:00:00+07:00;fax;ringan;Ani;Pelayanan;tidak;\r\n";
    let err = build(semicolon).expect_err("an unknown channel on line 4");
    assert_eq!((err.row, err.column.as_str()), (4, "saluran"));
}

/// The DIY policy as published: complaints come in only in person; email, fax and the
/// website carry answers. A reply-only channel is offered as a reply and refused as the way
/// a complaint came in, in both languages, naming the channels complaints do come in by.
#[test]
fn reply_only_channels_answer_but_take_no_complaints() {
    let project = common::load("standards/contoh/diy_disdikpora/pengaduan.sop", "standards");
    let standard = &project.standards()[0];
    let policy = &standard.model().complaints[0];
    let at: jiff::Timestamp = "2026-03-02T09:30:00+07:00".parse().expect("instant");
    let routed = |channel: &str| {
        route(
            standard.model(),
            policy,
            channel,
            "tanpa_koordinasi",
            &BTreeMap::new(),
            Some(at),
            standard.calendar(),
        )
    };
    let r = routed("langsung").expect("routes");
    assert_eq!(r.reply, ["langsung", "email", "faks", "situs"]);
    assert!(r.not_stated.is_empty());
    for channel in ["email", "faks", "situs"] {
        let e = routed(channel).expect_err("a reply-only channel takes no complaints");
        assert_eq!(
            e,
            RouteError::ReplyOnly {
                given: channel.to_string(),
                known: "langsung".to_string()
            }
        );
        assert!(e
            .message(sopan::diag::Lang::Id)
            .contains("hanya untuk balasan"));
        assert!(e
            .message(sopan::diag::Lang::En)
            .contains("only carries answers"));
    }
    // An unknown channel lists only the channels complaints come in by.
    let e = routed("pos").expect_err("unknown");
    assert_eq!(
        e,
        RouteError::Channel {
            given: "pos".to_string(),
            known: "langsung".to_string()
        }
    );
}

/// The Kediri Satpol PP policy as published names no handler for its tiers and no reply
/// channel: the route says so (in JSON, `not_stated`) instead of inventing one, and the check
/// gives advice, not errors. Kolaka's names no tiers at all: none is invented.
#[test]
fn what_the_source_does_not_state_is_routed_as_not_stated() {
    let project = common::load(
        "standards/contoh/kediri_satpolpp/pengaduan.sop",
        "standards",
    );
    let standard = &project.standards()[0];
    let policy = &standard.model().complaints[0];
    for channel in ["tatap_muka", "kotak", "lapor"] {
        for tier in ["ringan", "berkadar_pengawasan"] {
            let r = route(
                standard.model(),
                policy,
                channel,
                tier,
                &BTreeMap::new(),
                None,
                standard.calendar(),
            )
            .expect("routes");
            assert!(r.handler.is_empty() && r.reply.is_empty());
            assert_eq!(r.not_stated, ["handler", "reply"]);
            let json = serde_json::to_value(&r).expect("json");
            assert_eq!(json["not_stated"], serde_json::json!(["handler", "reply"]));
        }
    }
    let codes: Vec<&str> = project
        .diagnostics()
        .iter()
        .map(|d| d.code())
        .filter(|c| c.ends_with("-not-stated"))
        .collect();
    let count = |code: &str| codes.iter().filter(|c| **c == code).count();
    assert_eq!(
        (
            count("sop::reply-not-stated"),
            count("sop::handler-not-stated")
        ),
        (7, 4)
    );
    assert_eq!(common::errors(&project), 0);

    let kolaka = common::load(
        "standards/contoh/kolaka/izin_praktik_bidan.sop",
        "standards",
    );
    let policy = &kolaka.standards()[0].model().complaints[0];
    assert!(policy.tiers.is_empty(), "no tier the source does not name");
    assert!(policy.replies.iter().all(|r| r.unstated));
}

/// Two deadlines for one complaint, written once on the policy (Dinkes Tulungagung: a
/// response within 3 hari, an answer within 10 hari, extendable by 7 hari kerja): `route`
/// gives both, and the case clocks that read them (`menurut tenggat respon`, `menurut
/// tenggat`) give the same instants when they start on arrival — the extended one too.
#[test]
fn two_deadlines_in_route_and_on_the_clocks() {
    use sopan::interp::{Case, Event};
    let project = common::load(
        "standards/contoh/tulungagung_dinkes/pengaduan.sop",
        "standards",
    );
    let standard = &project.standards()[0];
    let policy = &standard.model().complaints[0];
    assert!(policy.tiers.is_empty());
    let at = |s: &str| -> jiff::Timestamp { s.parse().expect("instant") };
    let arrival = at("2026-11-05T10:00:00+07:00");
    let r = route(
        standard.model(),
        policy,
        "pengajuan",
        "",
        &BTreeMap::new(),
        Some(arrival),
        standard.calendar(),
    )
    .expect("routes without a tier");
    assert_eq!(r.due, Some(at("2026-11-15T10:00:00+07:00")));
    assert_eq!(r.deadlines.len(), 1);
    assert_eq!(r.deadlines[0].name, "respon");
    assert_eq!(r.deadlines[0].due, Some(at("2026-11-08T10:00:00+07:00")));
    assert_eq!(r.due_extended, Some(at("2026-11-24T16:00:00+07:00")));
    // A tier given to a policy without tiers is refused; none given to one with tiers too.
    assert!(route(
        standard.model(),
        policy,
        "pengajuan",
        "berat",
        &BTreeMap::new(),
        None,
        standard.calendar()
    )
    .is_err());

    let ctx = standard.context("penanganan").expect("procedure");
    let (mut case, _) = Case::open(&ctx, "ADU", at("2026-11-05T09:50:00+07:00")).expect("opens");
    for step in ["ajukan", "cleaning", "terima"] {
        // Each on arrival: the respon clock stops at once, the answer's starts.
        if step == "cleaning" {
            let s = case.status(&ctx, arrival).expect("status");
            let respon = s
                .clocks
                .iter()
                .find(|c| c.budget == "respon")
                .expect("clock");
            assert_eq!(respon.due, r.deadlines[0].due, "respon");
        }
        case.apply(&ctx, Event::done(step, arrival))
            .expect("applies");
    }
    let clock = |case: &Case| {
        case.status(&ctx, arrival)
            .expect("status")
            .clocks
            .into_iter()
            .find(|c| c.budget == "penyelesaian")
            .expect("clock")
    };
    assert_eq!(clock(&case).due, r.due);
    let extended = Event::Extended {
        budget: Some("penyelesaian".into()),
        reason: Some("Data belum lengkap".into()),
        by: Some("pj-1".into()),
        at: arrival,
    };
    case.apply(&ctx, extended).expect("extends");
    assert_eq!(clock(&case).due, r.due_extended);

    // With tiers, a tier must be named.
    let pekanbaru = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let st = &pekanbaru.standards()[0];
    let e = route(
        st.model(),
        &st.model().complaints[0],
        "surat",
        "",
        &BTreeMap::new(),
        None,
        st.calendar(),
    )
    .expect_err("a tier is needed");
    assert!(matches!(e, RouteError::SeverityNeeded { .. }));
}

/// Who handles, who is involved and who complaints go to, written once on the policy: the
/// route of a policy without tiers names them (Dinkes Tulungagung), and a tier that names
/// nobody has the policy's — in `route`, `check` (no `sop::tier-without-route`), the export
/// and the document — while a tier that names its own keeps it.
#[test]
fn handling_written_on_the_policy_holds_for_the_policy_and_its_silent_tiers() {
    let project = common::load(
        "standards/contoh/tulungagung_dinkes/pengaduan.sop",
        "standards",
    );
    let standard = &project.standards()[0];
    let policy = &standard.model().complaints[0];
    let r = route(
        standard.model(),
        policy,
        "pengajuan",
        "",
        &BTreeMap::new(),
        None,
        standard.calendar(),
    )
    .expect("routes");
    assert_eq!(r.handler, ["pejabat"]);
    assert!(r.not_stated.is_empty());

    let project = common::load_text(
        r#"
instansi kantor "Kantor" { kalender pekanbaru }
peran pengadu "Pengadu" eksternal
peran petugas "Petugas" internal
peran kepala "Kepala" internal
peran inspektorat "Inspektorat" internal
pengaduan p "Pengaduan" {
  saluran loket "Loket"
  balas loket -> loket
  penangan petugas
  eskalasi kepala
  tingkat ringan "Ringan" { tenggat 3 hari kerja }
  tingkat berat "Berat" { penangan kepala  eskalasi inspektorat  tenggat 10 hari kerja }
}
"#,
    );
    let standard = &project.standards()[0];
    let policy = &standard.model().complaints[0];
    let go = |tier: &str| {
        route(
            standard.model(),
            policy,
            "loket",
            tier,
            &BTreeMap::new(),
            None,
            standard.calendar(),
        )
        .expect("routes")
    };
    assert_eq!(
        (go("ringan").handler, go("ringan").escalated_to),
        (vec!["petugas".to_string()], vec!["kepala".to_string()])
    );
    assert_eq!(
        (go("berat").handler, go("berat").escalated_to),
        (vec!["kepala".to_string()], vec!["inspektorat".to_string()])
    );
    assert!(
        project
            .diagnostics()
            .iter()
            .all(|d| d.code() != "sop::tier-without-route"),
        "a tier silent on its handler has the policy's"
    );
    let export = sopan::render::export::export(standard.model(), "p.sop");
    let json = serde_json::to_value(&export).expect("json");
    assert_eq!(
        json["complaints"][0]["tiers"][0]["handler"],
        serde_json::json!(["petugas"])
    );
}

/// Every shipped complaint scenario, replayed event by event: each clock that reads a
/// complaint deadline (`menurut tingkat`, `menurut tenggat [nama]`) has, when it starts, the
/// due instant `route` gives for a complaint arriving then — both ends of a ranged tier — and,
/// once extended, the extended instant `route` gives.
#[test]
fn route_and_the_case_clock_agree_in_every_shipped_complaint_scenario() {
    use sopan::interp::{Case, ClockState};
    let files = common::files_under("standards", ".case.yaml");
    let (mut compared, mut scenarios) = (0, 0);
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        let scenario = sopan::interp::scenario::parse(&text, sopan::Lang::Id).expect("a scenario");
        let path = common::relative(file);
        let dir = std::path::Path::new(&path).parent().expect("a folder");
        let standard_path = sopan::source::loader::join(&dir.to_string_lossy(), &scenario.standard);
        let project = common::load(&standard_path, "standards");
        let standard = &project.standards()[0];
        let model = standard.model();
        let Some(p) = model
            .procedures
            .iter()
            .position(|p| p.id == scenario.procedure)
        else {
            continue;
        };
        let Some(policy) = model.complaints.iter().find(|c| c.procedures.contains(&p)) else {
            continue;
        };
        scenarios += 1;
        let ctx = standard
            .context(&scenario.procedure)
            .expect("the procedure");
        let proc = &model.procedures[p];
        let channel = policy
            .channels
            .iter()
            .find(|c| !c.reply_only)
            .expect("an intake channel")
            .id
            .clone();
        // Facts and the book's entries do not move a deadline: the first value of each fact,
        // a placeholder for each book field.
        let mut facts: BTreeMap<String, String> = policy
            .facts
            .iter()
            .filter_map(|f| Some((f.id.clone(), f.values.first()?.clone())))
            .collect();
        for (field, _) in policy.book.iter().flat_map(|b| &b.fields) {
            facts.entry(field.clone()).or_insert_with(|| "x".into());
        }
        let routed = |tier: &str, arrival| {
            route(
                model,
                policy,
                &channel,
                tier,
                &facts,
                Some(arrival),
                standard.calendar(),
            )
            .expect("routes")
        };
        let (mut case, _) = Case::open(&ctx, "T", scenario.opened).expect("opens");
        let mut started: BTreeMap<String, jiff::Timestamp> = BTreeMap::new();
        let mut check = |case: &Case, now: jiff::Timestamp, extended_now: bool| {
            let status = case.status(&ctx, now).expect("in range");
            for clock in &status.clocks {
                let Some(budget) = proc.budgets.iter().find(|b| b.id == clock.budget) else {
                    continue;
                };
                if clock.status == ClockState::Waiting {
                    continue;
                }
                let new = !started.contains_key(&clock.budget);
                let start = *started.entry(clock.budget.clone()).or_insert(now);
                let (tier, named) = match clock.budget.split_once('.') {
                    Some((_, tier)) if policy.tiers.iter().any(|t| t.id == tier) => (tier, None),
                    _ if policy.tiers.is_empty() && policy.deadline == Some(budget.duration) => {
                        ("", None)
                    }
                    _ if policy.tiers.is_empty() => {
                        match policy
                            .named_deadlines(None)
                            .into_iter()
                            .find(|d| d.duration == budget.duration)
                        {
                            Some(d) => ("", Some(d.id.clone())),
                            None => continue,
                        }
                    }
                    _ => continue,
                };
                let r = routed(tier, start);
                if new {
                    let due = match &named {
                        Some(n) => r
                            .deadlines
                            .iter()
                            .find(|d| &d.name == n)
                            .and_then(|d| d.due),
                        None => r.due,
                    };
                    assert_eq!(clock.due, due, "{path}: {} at its start", clock.budget);
                    assert_eq!(
                        clock.due_lower, r.due_lower,
                        "{path}: {} lower end",
                        clock.budget
                    );
                    compared += 1;
                }
                if extended_now && clock.extended {
                    assert_eq!(
                        clock.due, r.due_extended,
                        "{path}: {} extended",
                        clock.budget
                    );
                    compared += 1;
                }
            }
        };
        check(&case, scenario.opened, false);
        for e in &scenario.events {
            case.advance(&ctx, e.at());
            case.apply(&ctx, e.clone()).expect("applies");
            check(
                &case,
                e.at(),
                matches!(e, sopan::interp::Event::Extended { .. }),
            );
        }
    }
    assert!(scenarios >= 6, "{scenarios} complaint scenarios");
    assert!(compared >= 6, "{compared} instants compared");
}
