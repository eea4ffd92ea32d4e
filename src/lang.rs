//! The languages Composure speaks, as a value: a leaf that the rulebook, drills, the strings
//! and the screens all name without depending on one another.

/// The languages Composure speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    #[default]
    En,
    Nb,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Nb, Lang::Ru];

    /// The tag scenario files use in `language:`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nb => "nb",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name for itself.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nb => "norsk (bokmål)",
            Lang::Ru => "русский",
        }
    }

    /// Reads a language tag or locale such as `nb`, `nb_NO.UTF-8`, `ru-RU` or `en_GB`.
    /// Norwegian without a variant (`no`) and Nynorsk (`nn`) get bokmål, the nearest we have.
    pub fn parse(text: &str) -> Option<Lang> {
        let base = text
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match base.as_str() {
            "en" => Some(Lang::En),
            "nb" | "no" | "nn" => Some(Lang::Nb),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_the_languages_in_their_order() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang as usize, i, "{lang:?}");
        }
    }

    #[test]
    fn locales_name_their_language() {
        assert_eq!(Lang::parse("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::parse("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("no"), Some(Lang::Nb));
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::parse("de_DE.UTF-8"), None);
    }
}
