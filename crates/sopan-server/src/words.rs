//! The language of the server's messages: Indonesian unless the request asks for English
//! (`?lang=en`, or an `Accept-Language` whose first choice is English).

use sopan::diag::Lang;

/// The language one answer is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words(pub Lang);

impl Words {
    /// Indonesian.
    pub const ID: Words = Words(Lang::Id);

    /// The language.
    pub fn lang(self) -> Lang {
        self.0
    }

    /// The Indonesian or the English text.
    pub fn pick<T>(self, id: T, en: T) -> T {
        match self.0 {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The language a request asks for: `lang` from its query, else its `Accept-Language`.
    pub fn of(query_lang: Option<&str>, accept: Option<&str>) -> Words {
        let chosen = query_lang.or_else(|| {
            accept
                .and_then(|a| a.split(',').next())
                .map(|first| first.split(';').next().unwrap_or_default().trim())
        });
        match chosen.map(|l| l.get(..2).unwrap_or(l).to_ascii_lowercase()) {
            Some(l) if l == "en" => Words(Lang::En),
            _ => Words(Lang::Id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_choice_decides() {
        assert_eq!(Words::of(None, Some("en-US,id;q=0.8")), Words(Lang::En));
        assert_eq!(Words::of(None, Some("id-ID,en;q=0.8")), Words(Lang::Id));
        assert_eq!(Words::of(Some("en"), Some("id")), Words(Lang::En));
        assert_eq!(Words::of(None, None), Words(Lang::Id));
        assert_eq!(Words::of(Some("e"), None), Words(Lang::Id));
    }
}
