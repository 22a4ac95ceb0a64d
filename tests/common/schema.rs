//! A JSON Schema (draft-07) validator for the keywords the SARIF 2.1.0 schema uses, so the
//! SARIF output is checked against the published schema without a validator crate. A keyword
//! it does not implement makes validation fail, never pass silently.

use serde_json::Value;

/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "title", "description", "default"];

/// Validates `value` against `schema` (whose `definitions` serve `$ref`s); the errors found, by
/// JSON path.
pub fn validate(schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, value, "$", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        out.push(format!("{path}: schema is not an object"));
        return;
    };
    for (key, rule) in map {
        match key.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "definitions" => {}
            "$ref" => {
                let target = rule
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/definitions/"))
                    .and_then(|name| root.get("definitions")?.get(name));
                match target {
                    Some(t) => check(root, t, value, path, out),
                    None => out.push(format!("{path}: unresolved $ref {rule}")),
                }
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(s) => vec![s.as_str()],
                    Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                if !types.iter().any(|t| has_type(value, t)) {
                    out.push(format!("{path}: expected {types:?}, found {value}"));
                }
            }
            "enum" => {
                if !rule.as_array().is_some_and(|a| a.contains(value)) {
                    out.push(format!("{path}: {value} not one of {rule}"));
                }
            }
            "properties" => {
                if let (Some(props), Some(obj)) = (rule.as_object(), value.as_object()) {
                    for (name, sub) in props {
                        if let Some(v) = obj.get(name) {
                            check(root, sub, v, &format!("{path}.{name}"), out);
                        }
                    }
                }
            }
            "required" => {
                if let (Some(names), Some(obj)) = (rule.as_array(), value.as_object()) {
                    for n in names.iter().filter_map(Value::as_str) {
                        if !obj.contains_key(n) {
                            out.push(format!("{path}: missing required `{n}`"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Some(obj) = value.as_object() {
                    let known = map.get("properties").and_then(Value::as_object);
                    for (name, v) in obj {
                        if known.is_some_and(|k| k.contains_key(name)) {
                            continue;
                        }
                        match rule {
                            Value::Bool(false) => {
                                out.push(format!("{path}: property `{name}` not allowed"));
                            }
                            Value::Bool(true) => {}
                            sub => check(root, sub, v, &format!("{path}.{name}"), out),
                        }
                    }
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (i, v) in items.iter().enumerate() {
                        check(root, rule, v, &format!("{path}[{i}]"), out);
                    }
                }
            }
            "minItems" => {
                if let (Some(min), Some(a)) = (rule.as_u64(), value.as_array()) {
                    if (a.len() as u64) < min {
                        out.push(format!("{path}: fewer than {min} items"));
                    }
                }
            }
            "uniqueItems" => {
                if let (Some(true), Some(a)) = (rule.as_bool(), value.as_array()) {
                    for (i, x) in a.iter().enumerate() {
                        if a[..i].contains(x) {
                            out.push(format!("{path}: item {i} repeated"));
                        }
                    }
                }
            }
            "minimum" | "maximum" => {
                if let (Some(limit), Some(n)) = (rule.as_f64(), value.as_f64()) {
                    let bad = if key == "minimum" {
                        n < limit
                    } else {
                        n > limit
                    };
                    if bad {
                        out.push(format!("{path}: {n} outside {key} {limit}"));
                    }
                }
            }
            "oneOf" | "anyOf" => {
                let passing = rule
                    .as_array()
                    .map(|alts| {
                        alts.iter()
                            .filter(|alt| {
                                let mut e = Vec::new();
                                check(root, alt, value, path, &mut e);
                                e.is_empty()
                            })
                            .count()
                    })
                    .unwrap_or(0);
                let ok = if key == "oneOf" {
                    passing == 1
                } else {
                    passing >= 1
                };
                if !ok {
                    out.push(format!("{path}: {passing} alternatives of {key} match"));
                }
            }
            "format" => {
                if let Some(s) = value.as_str() {
                    let ok = match rule.as_str() {
                        Some("uri") => is_uri(s),
                        Some("uri-reference") => !s.contains(' '),
                        other => {
                            out.push(format!("{path}: format {other:?} not implemented"));
                            true
                        }
                    };
                    if !ok {
                        out.push(format!("{path}: `{s}` is not a {rule}"));
                    }
                }
            }
            "pattern" => {
                // Only fields sopan does not write carry a pattern (GUIDs, MIME types,
                // language tags): writing one must extend this validator first.
                if value.is_string() {
                    out.push(format!("{path}: pattern {rule} not implemented"));
                }
            }
            other => out.push(format!("{path}: keyword `{other}` not implemented")),
        }
    }
}

fn has_type(value: &Value, t: &str) -> bool {
    match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        _ => false,
    }
}

/// An absolute URI: a scheme, a colon, no spaces.
fn is_uri(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once(':') else {
        return false;
    };
    scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !s.contains(' ')
}
