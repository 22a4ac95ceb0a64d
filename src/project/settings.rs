//! The project file, `sopan.yaml`, as the library reads it — so the command line, the language
//! server and any host decide the standards root, the default calendar and the language of
//! messages the same way.
//!
//! ```yaml
//! # sopan.yaml
//! kalender: nasional   # calendar: … — for procedures whose agency and service name none
//! bahasa: id           # language: id | en
//! folder: .            # the standards root, relative to this file (default: its folder)
//! ```

use crate::diag::Lang;
use crate::source::limits::{yaml_too_deep, MAX_YAML_DEPTH};
use crate::source::loader::{self, Loader};
use serde::Deserialize;

/// The project file's name.
pub const PROJECT_FILE: &str = "sopan.yaml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(alias = "root")]
    folder: Option<String>,
    #[serde(alias = "calendar")]
    kalender: Option<String>,
    #[serde(alias = "language")]
    bahasa: Option<String>,
}

/// What a project file says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The standards root, relative to the project file's folder (`None`: that folder).
    pub folder: Option<String>,
    /// The default calendar's name.
    pub calendar: Option<String>,
    /// The default language of messages.
    pub lang: Option<Lang>,
}

impl Settings {
    /// Reads a project file's text (`shown`: its path, for messages); why it cannot be
    /// read, in Indonesian, when it is not a project file.
    pub fn parse(text: &str, shown: &str) -> Result<Settings, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if yaml_too_deep(text, MAX_YAML_DEPTH).is_some() {
            return Err(format!(
                "berkas proyek `{shown}`: `[` atau `{{` bersarang lebih dari {MAX_YAML_DEPTH} tingkat"
            ));
        }
        let raw: Raw = if text.trim().is_empty() {
            Raw::default()
        } else {
            serde_yaml::from_str(text).map_err(|e| {
                format!(
                    "berkas proyek `{shown}` tidak sah: {e} (kunci yang dikenal: folder, kalender, bahasa)"
                )
            })?
        };
        let lang = match raw.bahasa.as_deref() {
            None => None,
            Some("id") => Some(Lang::Id),
            Some("en") => Some(Lang::En),
            Some(other) => {
                return Err(format!(
                    "berkas proyek `{shown}`: bahasa `{other}` tidak dikenal; tulis `id` atau `en`"
                ))
            }
        };
        Ok(Settings {
            folder: raw.folder,
            calendar: raw.kalender,
            lang,
        })
    }

    /// The nearest project file at or above folder `dir` (`/`-separated), read through
    /// `loader`: the folder it is in and what it says.
    pub fn find(loader: &dyn Loader, dir: &str) -> Option<(String, Result<Settings, String>)> {
        let mut at = dir.trim_end_matches('/').to_string();
        loop {
            let candidate = match at.as_str() {
                "" => PROJECT_FILE.to_string(),
                "/" => format!("/{PROJECT_FILE}"),
                _ => format!("{at}/{PROJECT_FILE}"),
            };
            if let Ok(bytes) = loader.read(&candidate) {
                let text = String::from_utf8_lossy(&bytes);
                return Some((at, Settings::parse(&text, &candidate)));
            }
            if at.is_empty() || at == "/" {
                return None;
            }
            let up = loader::parent(&at);
            at = if up.is_empty() && at.starts_with('/') {
                "/".to_string()
            } else {
                up.to_string()
            };
        }
    }

    /// The standards root this project file sets, beside `dir`, the folder it is in.
    pub fn root(&self, dir: &str) -> String {
        match &self.folder {
            Some(f) => loader::join(dir, f),
            None => dir.to_string(),
        }
    }
}

/// The language of messages, in the order every sopan program decides it: the one asked for
/// (`--lang`), else the environment's `SOPAN_LANG` (`id` or `en`; given by the host), else
/// the project file's `bahasa`, else the language the file itself is written in (its
/// keywords), else Indonesian.
pub fn message_lang(
    asked: Option<Lang>,
    env: Option<&str>,
    settings: Option<&Settings>,
    file_is_english: Option<bool>,
) -> Lang {
    let from_env = match env {
        Some("id") => Some(Lang::Id),
        Some("en") => Some(Lang::En),
        _ => None,
    };
    asked
        .or(from_env)
        .or_else(|| settings.and_then(|s| s.lang))
        .or(file_is_english.map(|e| if e { Lang::En } else { Lang::Id }))
        .unwrap_or(Lang::Id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::loader::MemoryLoader;

    #[test]
    fn found_above_and_read() {
        let mut files = MemoryLoader::new();
        files.insert(
            "proj/sopan.yaml",
            "kalender: nasional\nbahasa: en\nfolder: standar\n",
        );
        let (dir, settings) = Settings::find(&files, "proj/standar/pekanbaru").expect("found");
        let settings = settings.expect("read");
        assert_eq!(dir, "proj");
        assert_eq!(settings.calendar.as_deref(), Some("nasional"));
        assert_eq!(settings.lang, Some(Lang::En));
        assert_eq!(settings.root(&dir), "proj/standar");
        assert!(Settings::find(&files, "elsewhere/x").is_none());
        assert!(Settings::parse("bahasa: jawa\n", "s.yaml")
            .is_err_and(|e| e.contains("`jawa` tidak dikenal")));
        assert!(Settings::parse("kalendar: x\n", "s.yaml").is_err());
    }

    #[test]
    fn the_language_of_messages_in_order() {
        let en = Settings {
            lang: Some(Lang::En),
            ..Settings::default()
        };
        assert_eq!(
            message_lang(Some(Lang::Id), Some("en"), Some(&en), Some(true)),
            Lang::Id
        );
        assert_eq!(message_lang(None, Some("en"), None, Some(false)), Lang::En);
        assert_eq!(
            message_lang(None, Some("xx"), Some(&en), Some(false)),
            Lang::En
        );
        assert_eq!(message_lang(None, None, None, Some(true)), Lang::En);
        assert_eq!(message_lang(None, None, None, None), Lang::Id);
    }
}
