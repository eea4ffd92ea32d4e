//! Languages: which one the trainee gets (`--lang`, else the locale, else English) and every
//! string Composure shows, per language.
//!
//! Every string is a Fluent message ([`Messages`], `messages.rs`): `assets/i18n/<code>/*.ftl`,
//! one folder per language, embedded by `build.rs`; a new folder is a new language, with no
//! code change (`build.rs` makes its [`Lang`] variant; see `docs/translating.md`).
//! `Messages::get(lang).msg(id, &args)` returns a `String`; [`Args`] carries text, counts
//! (`{ $n -> [one] … *[other] … }`, CLDR plural categories per language, Russian
//! `one`/`few`/`many`) and the client's grammatical gender (`$gender`: `feminine`,
//! `masculine`, `other` when the scenario's `client: Client(gender: …)` is absent). A message
//! a language lacks or cannot format is taken from English, and one English lacks shows its
//! id; nothing is ever blank. The tests in `messages.rs` render every message in every
//! language with counts 0, 1, 2, 5, 21 and every gender, and fail on a missing, duplicated,
//! broken or untranslated message.
//!
//! Text from outside (a title, a name, an error) goes in as an argument, never into a
//! message's pattern, so a scenario titled "{id}" or "{ $id }" is shown as written.
//!
//! Message ids are kebab-case and named after the screen or the thing (`debrief-left`,
//! `mood-calm`); a sentence takes words about the client (mood, trust) already agreed, as
//! text arguments, so each word is defined once. Files: `client.ftl` (words and sentences
//! about the client), `counts.ftl` (sentences with counts), `tui.ftl` (the trainer's
//! screens), `play.ftl` (outcomes, ratings, client types, verdicts, the printed rulebook),
//! and the CLI's own files.

mod messages;

pub use crate::lang::Lang;
pub use messages::{Args, MessageError, Messages, gender_key};

/// Which language to use: `--lang` if given, else the first of LC_ALL, LC_MESSAGES and LANG
/// that is set and not empty (the order POSIX gives them), else English. A locale in a
/// language Composure does not speak gives English. `env` reads an environment variable; it
/// is passed in so the choice can be tested.
pub fn resolve(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(&env)
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::parse(&value))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_flag_wins_over_the_locale() {
        assert_eq!(
            resolve(Some(Lang::Ru), env(&[("LANG", "nb_NO.UTF-8")])),
            Lang::Ru
        );
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang() {
        let all = [
            ("LC_ALL", "ru_RU.UTF-8"),
            ("LC_MESSAGES", "nb_NO.UTF-8"),
            ("LANG", "en_US.UTF-8"),
        ];
        assert_eq!(resolve(None, env(&all)), Lang::Ru);
        assert_eq!(resolve(None, env(&all[1..])), Lang::Nb);
        assert_eq!(resolve(None, env(&all[2..])), Lang::En);
        // An empty LC_ALL does not count.
        assert_eq!(
            resolve(None, env(&[("LC_ALL", ""), ("LANG", "nb_NO.UTF-8")])),
            Lang::Nb
        );
    }

    #[test]
    fn no_locale_or_an_unknown_one_gives_english() {
        assert_eq!(resolve(None, env(&[])), Lang::En);
        assert_eq!(resolve(None, env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(resolve(None, env(&[("LANG", "C")])), Lang::En);
    }
}
