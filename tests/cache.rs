//! Loads through a `Cache` kept between them give what loads without one give: after edits to
//! one file — a title, a mistake, the mistake undone, a calendar changed — every standard's
//! export and every diagnostic (code, message and place) are the same.

mod common;

use common::{shipped, shown};
use sopan::project::{Cache, LoadOptions, Project};

#[test]
fn a_cached_load_is_the_same_as_a_fresh_one_after_every_edit() {
    let (mut files, entries) = shipped();
    let licence = "standards/pekanbaru/izin_praktik_dokter.sop";
    let calendar = "standards/pekanbaru/pekanbaru.kalender.yaml";
    let original = String::from_utf8(std::fs::read(licence).expect("licence")).expect("utf-8");
    let original_calendar = std::fs::read_to_string(calendar).expect("calendar");
    let edits: Vec<(&str, String)> = vec![
        (licence, original.clone()),
        (
            licence,
            original.replacen("menerima dan memeriksa", "menerima lalu memeriksa", 1),
        ),
        (
            licence,
            original.replacen("oleh front_office", "oleh front_ofice", 1),
        ),
        (licence, original.clone()),
        (
            calendar,
            original_calendar.replacen("zona: WIB", "zona: WITA", 1),
        ),
        (calendar, original_calendar.clone()),
    ];
    let options = LoadOptions::default();
    let mut cache = Cache::default();
    for (k, (path, text)) in edits.into_iter().enumerate() {
        files.insert(path, text);
        let fresh = Project::load_with(&files, &entries, &options).expect("loads");
        let cached = Project::load_cached(&files, &entries, &options, &mut cache).expect("loads");
        assert_eq!(shown(&cached), shown(&fresh), "edit {k} of {path}");
        assert!(!shown(&fresh).is_empty());
    }
}
