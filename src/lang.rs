//! The languages Composure speaks, as a value: a leaf that the rulebook, drills, the strings
//! and the screens all name without depending on one another. The languages are not listed
//! here: `build.rs` finds one for each folder `assets/i18n/<code>/` and writes the [`Lang`]
//! enum (a variant per folder, `nb` → `Lang::Nb`) and each one's own name and aliases, from
//! the terms `-language-name` and `-language-aliases` in its `.ftl` files. So no code may
//! match on `Lang` exhaustively: a new language would have to be added there too.

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

impl Lang {
    /// The tag scenario files use in `language:`, and the name of the language's folders.
    pub fn code(self) -> &'static str {
        TABLE[self as usize].0
    }

    /// The language's own name for itself.
    pub fn name(self) -> &'static str {
        TABLE[self as usize].1
    }

    /// Reads a language tag or locale such as `nb`, `nb_NO.UTF-8`, `ru-RU` or `en_GB`. A
    /// language may answer to other codes too (its `-language-aliases`): Norwegian without a
    /// variant (`no`) and Nynorsk (`nn`) get bokmål, the nearest we have.
    pub fn parse(text: &str) -> Option<Lang> {
        let base = text
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|&lang| {
            let (code, _, aliases) = TABLE[lang as usize];
            code == base || aliases.contains(&base.as_str())
        })
    }

    /// The codes, as a sentence lists them: "en, nb or ru".
    pub fn listed() -> String {
        let codes: Vec<&str> = Lang::ALL.into_iter().map(Lang::code).collect();
        match codes.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
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
        assert_eq!(Lang::ALL[0], Lang::En, "English, the fallback, comes first");
        assert_eq!(Lang::default(), Lang::En);
    }

    #[test]
    fn each_language_folder_is_a_language_with_its_own_name() {
        let folders: Vec<String> = std::fs::read_dir("assets/i18n")
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(folders.len(), Lang::ALL.len(), "{folders:?}");
        for folder in &folders {
            let lang = Lang::parse(folder).unwrap_or_else(|| panic!("{folder}"));
            assert_eq!(lang.code(), folder);
        }
        assert_eq!(Lang::Nb.name(), "norsk (bokmål)");
        assert_eq!(Lang::Ru.name(), "русский");
        assert_eq!(Lang::listed(), "en, nb or ru");
    }

    #[test]
    fn locales_name_their_language() {
        assert_eq!(Lang::parse("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::parse("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("no"), Some(Lang::Nb));
        assert_eq!(Lang::parse("nn_NO"), Some(Lang::Nb));
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::parse("de_DE.UTF-8"), None);
    }
}
