//! Data for hosts with every instant in the standard's zone (`2026-03-02T08:00:00+07:00`, not
//! UTC), as DESIGN §9 asks of everything shown: the CLI's JSON and the server's answers.

use crate::time::Zone;

/// `value` as JSON, every instant serde wrote (`YYYY-MM-DDTHH:MM:SS[.f]Z`) rewritten in `zone`.
pub fn to_value(value: &impl serde::Serialize, zone: Zone) -> serde_json::Value {
    let mut v = serde_json::to_value(value).unwrap_or_default();
    rewrite(&mut v, zone);
    v
}

/// Rewrites every instant of `v` in `zone`.
pub fn rewrite(v: &mut serde_json::Value, zone: Zone) {
    match v {
        serde_json::Value::String(s) => {
            let looks = s.len() >= 20 && s.as_bytes().get(10) == Some(&b'T') && s.ends_with('Z');
            if let Some(t) = looks.then(|| s.parse::<jiff::Timestamp>().ok()).flatten() {
                *s = zone.rfc3339(t);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|x| rewrite(x, zone)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|x| rewrite(x, zone)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_move_to_the_zone_and_text_stays() {
        let v = serde_json::json!({"due": "2026-03-02T01:00:00Z", "text": "Z", "n": [ "2026-03-02T01:00:00.5Z" ]});
        let out = to_value(&v, Zone::Wita);
        assert_eq!(out["due"], "2026-03-02T09:00:00+08:00");
        assert_eq!(out["text"], "Z");
        assert_eq!(out["n"][0], "2026-03-02T09:00:00+08:00");
    }
}
