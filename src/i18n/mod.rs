//! Languages: which one the trainee gets (`--lang`, else the locale, else English) and every
//! string the trainer shows, per language.
//!
//! ## Two systems, while strings move from one to the other
//! - **Fluent** ([`Messages`], `messages.rs`): `assets/i18n/<code>/*.ftl`, one folder per
//!   language, embedded by `build.rs` (a new folder is picked up with no code change; the
//!   language itself still needs its [`Lang`] variant). `Messages::get(lang).msg(id, &args)`
//!   returns a `String`; [`Args`] carries text, counts (`{ $n -> [one] … *[other] … }`, CLDR
//!   plural categories per language, Russian `one`/`few`/`many`) and the client's grammatical
//!   gender (`$gender`: `feminine`, `masculine`, `other` when the scenario's
//!   `client: Client(gender: …)` is absent). A message a language lacks or cannot format is
//!   taken from English, and one English lacks shows its id; nothing is ever blank. The tests
//!   in `messages.rs` render every message in every language with counts 0, 1, 2, 5, 21 and
//!   every gender, and fail on a missing, duplicated, broken or untranslated message.
//! - **The old typed [`Strings`]**: `assets/i18n/<code>.ron`, one struct with no defaults,
//!   `{name}` placeholders filled by [`fill`]. Every string not yet in Fluent lives here; move
//!   a string by adding its message to every `.ftl` folder, switching its call sites to
//!   `msg`, and deleting its field here and in every `.ron`. When the struct is empty, delete
//!   it, `fill` and the `.ron` files.
//!
//! Message ids are kebab-case and named after the screen or the thing (`debrief-left`,
//! `mood-calm`); a sentence takes words about the client (mood, trust) already agreed, as
//! text arguments, so each word is defined once.

use std::sync::OnceLock;

use serde::Deserialize;

mod messages;

pub use crate::lang::Lang;
use crate::scenario::{ClientType, Outcome};
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

#[derive(Debug, thiserror::Error)]
#[error("assets/i18n/{file}:{line}:{col}: {message}")]
pub struct StringsError {
    pub file: &'static str,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

const SOURCES: [(&str, &str); 3] = [
    ("en.ron", include_str!("../../assets/i18n/en.ron")),
    ("nb.ron", include_str!("../../assets/i18n/nb.ron")),
    ("ru.ron", include_str!("../../assets/i18n/ru.ron")),
];

/// Parses one language's strings.
pub fn parse(file: &'static str, source: &str) -> Result<Strings, StringsError> {
    ron::from_str(source).map_err(|e| StringsError {
        file,
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// The strings of a language, parsed once.
pub fn strings(lang: Lang) -> Result<&'static Strings, StringsError> {
    static PARSED: OnceLock<Vec<Result<Strings, String>>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(file, source)| parse(file, source).map_err(|e| e.to_string()))
            .collect()
    });
    let index = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    match parsed.get(index) {
        Some(Ok(strings)) => Ok(strings),
        Some(Err(message)) => Err(StringsError {
            file: SOURCES[index].0,
            line: 0,
            col: 0,
            message: message.clone(),
        }),
        None => Err(StringsError {
            file: "en.ron",
            line: 0,
            col: 0,
            message: "no such language".to_owned(),
        }),
    }
}

/// A part of a template: text as written, or a `{name}` placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Splits a template into text and placeholders. A placeholder's name is letters, digits and
/// underscores; any other brace is text.
pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_from = 0;
    let mut search_from = 0;
    while let Some(open) = template.get(search_from..).and_then(|t| t.find('{')) {
        let open = search_from + open;
        let name_end = template
            .get(open + 1..)
            .and_then(|t| t.find(|c: char| !(c.is_alphanumeric() || c == '_')))
            .map(|i| open + 1 + i);
        match name_end {
            Some(close) if close > open + 1 && template.get(close..close + 1) == Some("}") => {
                if open > text_from {
                    out.push(Piece::Text(&template[text_from..open]));
                }
                out.push(Piece::Placeholder(&template[open + 1..close]));
                text_from = close + 1;
                search_from = close + 1;
            }
            _ => search_from = open + 1,
        }
    }
    if text_from < template.len() {
        out.push(Piece::Text(&template[text_from..]));
    }
    out
}

/// Replaces `{name}` placeholders in a template, in one pass: a value that itself contains
/// braces (a scenario titled "{id}") is never taken for a placeholder. A placeholder without
/// a value stays as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder(name) => match values.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// Every string the trainer shows, in one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    pub outcomes: Outcomes,
    pub client_types: ClientTypes,
    pub weight_minor: String,
    pub weight_serious: String,
    pub follows: String,
    pub breaks: String,
    pub you: String,
    /// What stands for the trainee's answer when the time ran out.
    pub silence: String,
    /// `{s}`: seconds allowed.
    pub silence_within: String,
    /// Under a silence in the conversation. `{client}`: the client's name.
    pub silence_waits: String,

    pub home_title: String,
    pub home_empty: String,
    pub difficulty: Vec<String>,
    pub filter_all_types: String,
    pub filter_all_languages: String,
    /// `{types}`, `{languages}`: the filters in force.
    pub home_filters: String,
    pub home_nothing_matches: String,
    /// Shown beside a scenario that is not available in the trainee's language.
    pub in_english: String,

    /// `{title}`.
    pub briefing_title: String,
    pub briefing_situation: String,
    pub briefing_known: String,
    pub briefing_goal: String,
    pub briefing_begin: String,

    pub conversation: String,
    pub what_happened: String,
    pub press_continue: String,
    /// On a panel's border when it holds more than it shows: above, and below.
    pub more_above: String,
    pub more_below: String,
    pub the_end: String,
    pub conversation_over: String,
    pub your_answer: String,

    /// `{title}`.
    pub debrief_title: String,
    pub ending: String,
    pub score: String,
    /// The ending's rating, best to worst.
    pub rating_excellent: String,
    pub rating_good: String,
    pub rating_poor: String,
    pub rating_fail: String,
    /// `{handling}`, `{ending_cap}`, `{serious_cap}`.
    pub score_pieces: String,
    pub turned_here: String,
    /// `{rule}`, `{cap}`.
    pub serious_mistake: String,
    /// `{client}`, `{apparent}`, `{real}`.
    pub diagnosis: String,
    pub rules: String,
    pub decision_by_decision: String,
    pub best_here: String,
    pub why: String,

    /// `{w}`, `{h}`, `{min_w}`, `{min_h}`.
    pub too_small: String,
    pub help_title: String,
    pub help_about: String,
    /// What each key does, for the help of the screens that offer it.
    pub help_text: HelpText,
    pub leave_title: String,
    pub leave_question: String,
    pub quit_question: String,
    pub yes: String,
    pub no_keep_going: String,
    pub cannot_load_title: String,
    pub cannot_load: String,
    /// `{file}`.
    pub reloaded: String,
    /// `{file}`, `{node}`.
    pub reloaded_lost: String,
    /// `{file}`: an edit invalidated answers already given; the conversation starts again.
    pub reloaded_restart: String,
    /// `{file}`, `{error}`.
    pub reloaded_failed: String,
    /// `{lang}`: shown when a scenario falls back to English.
    pub fallback_notice: String,
    /// `{title}`, `{id}`: a finished conversation's result is in the database.
    pub saved: String,
    /// `{title}`, `{error}`: it is not.
    pub not_saved: String,
    /// Ctrl-Z when no shell with job control could bring the trainer back.
    pub no_suspend: String,

    pub legend: Legend,
    pub drill: DrillStrings,
    pub history: HistoryStrings,
    pub rulebook: RulebookStrings,
}

/// `composure rules`: the rulebook printed, each rule with what it means, what breaks it and
/// the guidance articles it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulebookStrings {
    /// Above the rules: where they come from.
    pub intro: String,
    pub means: String,
    pub breaks: String,
    pub sources: String,
    /// Said of a rule that is a question for the debrief, not one choices are graded on.
    pub debrief_prompt: String,
    /// A source: `{n}`, the article's number; `{language}`, the language it is written in.
    pub article: String,
    /// A source that is a machine translation: `{n}`, `{language}`.
    pub article_translated: String,
    /// The articles' languages, named in this language.
    pub english: String,
    pub norwegian: String,
    pub russian: String,
}

impl RulebookStrings {
    /// The name of a language, as this language calls it in running text.
    pub fn language(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.english,
            Lang::Nb => &self.norwegian,
            Lang::Ru => &self.russian,
        }
    }
}

/// The timed drill's own screens: the opening card, the countdown line and the summary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillStrings {
    /// `{name}`: the drill's name.
    pub title: String,
    /// `{trainee}`.
    pub intro_trainee: String,
    pub coaching_now: String,
    pub coaching_end: String,
    /// `{key}`: the key that begins.
    pub intro_begin: String,
    /// `{name}`: the drill's name; `{n}`: which scenario; `{total}`: how many.
    pub progress: String,
    /// `{s}`: a number of seconds, in the countdown and the summary.
    pub seconds: String,
    /// `{s}`: seconds for each answer, shown while no countdown runs.
    pub per_answer: String,
    /// `{client}`: the client's name.
    pub time_ran_out: String,
    /// `{name}`: the drill's name.
    pub summary_title: String,
    /// `{trainee}`, `{score}`.
    pub summary_head: String,
    /// Stands for the drill score when no scenario was finished.
    pub no_score: String,
    pub columns: DrillColumns,
    pub saving: String,
    /// `{id}`: the session it was saved as.
    pub saved_row: String,
    pub not_saved_row: String,
    /// Between the whole seconds and the tenths of an average time.
    pub decimal_separator: String,
}

/// The headings of the drill summary's table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillColumns {
    pub scenario: String,
    pub score: String,
    pub ending: String,
    /// How many times the time ran out.
    pub silent: String,
    /// The average time to answer.
    pub average: String,
    pub saved: String,
}

/// The history screen.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryStrings {
    pub title: String,
    /// `{trainee}`.
    pub empty: String,
    /// `{trainee}`.
    pub scores: String,
    pub rules: String,
    pub recent: String,
    /// Stands for the drill's id in the list when a session was played outside a drill.
    pub practice: String,
    pub unreadable: String,
    pub no_library: String,
    /// The selected session's pieces of the grade: `{handling}`, `{rating}` (a rating word),
    /// `{cap}` (the cap it sets), `{serious}` (how many serious mistakes).
    pub pieces: String,
    /// Said of a session whose score an older grading model produced.
    pub older: String,
    /// Said when results could not be regraded because the data folder cannot be written.
    pub not_regraded: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    pub won_over: String,
    pub resolved: String,
    pub professional_parting: String,
    pub escalated_complaint: String,
    pub lost_client: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientTypes {
    pub rude: String,
    pub indecisive: String,
    pub king: String,
    pub know_it_all: String,
    pub modest_demands: String,
    pub public_complainer: String,
    pub client_with_problem: String,
    pub mismatched_expectations: String,
    pub problem_client: String,
}

/// What a key does, as the help lists it: one line per key binding of the screen.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpText {
    pub move_list: String,
    pub open_numbered: String,
    pub open: String,
    pub ends: String,
    pub filter_type: String,
    pub filter_language: String,
    pub begin: String,
    pub scroll: String,
    pub page: String,
    pub back: String,
    pub choose: String,
    pub select: String,
    pub history: String,
    pub continue_: String,
    pub scroll_happened: String,
    pub debrief: String,
    pub leave: String,
    pub again: String,
    pub home: String,
    pub close_help: String,
    pub help: String,
    pub quit: String,
    pub yes_leave: String,
    pub no_stay: String,
    pub interrupt: String,
    pub suspend: String,
    pub drill_begin: String,
    pub drill_review: String,
    pub review_numbered: String,
    pub next: String,
    pub back_summary: String,
    pub back_history: String,
    pub transcript: String,
}

/// The words of the key legends.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Legend {
    pub move_: String,
    pub open: String,
    pub pick: String,
    pub help: String,
    pub quit: String,
    pub begin: String,
    pub scroll: String,
    pub back: String,
    pub continue_: String,
    pub history: String,
    pub leave: String,
    pub debrief: String,
    pub choose: String,
    pub select: String,
    pub again: String,
    pub home: String,
    pub stay: String,
    pub close_help: String,
    pub filter_type: String,
    pub filter_language: String,
    /// Enter in the history: a session's annotated transcript.
    pub transcript: String,
}

impl Strings {
    pub fn outcome(&self, outcome: Outcome) -> &str {
        let o = &self.outcomes;
        match outcome {
            Outcome::WonOver => &o.won_over,
            Outcome::Resolved => &o.resolved,
            Outcome::ProfessionalParting => &o.professional_parting,
            Outcome::EscalatedComplaint => &o.escalated_complaint,
            Outcome::LostClient => &o.lost_client,
        }
    }

    /// An ending's rating in words.
    pub fn rating(&self, rating: crate::scenario::Rating) -> &str {
        use crate::scenario::Rating;
        match rating {
            Rating::Excellent => &self.rating_excellent,
            Rating::Good => &self.rating_good,
            Rating::Poor => &self.rating_poor,
            Rating::Fail => &self.rating_fail,
        }
    }

    pub fn client_type(&self, kind: ClientType) -> &str {
        let c = &self.client_types;
        match kind {
            ClientType::Rude => &c.rude,
            ClientType::Indecisive => &c.indecisive,
            ClientType::King => &c.king,
            ClientType::KnowItAll => &c.know_it_all,
            ClientType::ModestDemands => &c.modest_demands,
            ClientType::PublicComplainer => &c.public_complainer,
            ClientType::ClientWithProblem => &c.client_with_problem,
            ClientType::MismatchedExpectations => &c.mismatched_expectations,
            ClientType::ProblemClient => &c.problem_client,
        }
    }

    /// How a verdict's weight reads next to the rule: 1 minor, 2 plain, 3 serious.
    pub fn weight(&self, weight: u8) -> String {
        match weight {
            0 | 1 => format!(" ({})", self.weight_minor),
            2 => String::new(),
            _ => format!(" ({})", self.weight_serious),
        }
    }

    /// The difficulty word for a number of decisions on the best path.
    pub fn difficulty(&self, decisions: usize) -> &str {
        let i = match decisions {
            0..=6 => 0,
            7..=8 => 1,
            _ => 2,
        };
        self.difficulty.get(i).map_or("", String::as_str)
    }
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

    #[test]
    fn every_language_has_every_string() {
        for (file, source) in SOURCES {
            let strings = parse(file, source).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(strings.difficulty.len(), 3, "{file}: three difficulties");
            assert!(
                strings.too_small.contains("{min_w}"),
                "{file}: too_small lost a placeholder"
            );
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
        assert_eq!(fill("{a}{a} {c} {", &[("a", "x")]), "xx {c} {");
    }

    #[test]
    fn only_a_named_brace_pair_is_a_placeholder() {
        use Piece::{Placeholder as P, Text as T};
        assert_eq!(
            pieces("{a}: {b_2}, { c} {} {d"),
            [P("a"), T(": "), P("b_2"), T(", { c} {} {d")]
        );
        assert_eq!(pieces("{{x}}"), [T("{"), P("x"), T("}")]);
        assert_eq!(pieces(""), []);
    }

    /// Every string in a language file with its place (`drill.columns.score`,
    /// `help_text.quit`), read as plain RON so that no new field can be missed here.
    fn leaves(value: &ron::Value, place: &str, out: &mut Vec<(String, String)>) {
        match value {
            ron::Value::String(text) => out.push((place.to_owned(), text.clone())),
            ron::Value::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    leaves(item, &format!("{place}[{i}]"), out);
                }
            }
            ron::Value::Map(map) => {
                for (key, item) in map.iter() {
                    let key = match key {
                        ron::Value::String(key) => key.clone(),
                        other => format!("{other:?}"),
                    };
                    let place = if place.is_empty() {
                        key
                    } else {
                        format!("{place}.{key}")
                    };
                    leaves(item, &place, out);
                }
            }
            _ => {}
        }
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = pieces(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Placeholder(name) => Some(name),
                Piece::Text(_) => None,
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn every_language_has_the_placeholders_english_has() {
        let strings_of = |source: &str| {
            let value: ron::Value = ron::from_str(source).unwrap();
            let mut out = Vec::new();
            leaves(&value, "", &mut out);
            out
        };
        let english = strings_of(SOURCES[0].1);
        assert!(
            english
                .iter()
                .any(|(place, _)| place == "drill.columns.score"),
            "the walk reaches nested sections: {english:?}"
        );
        for (file, source) in &SOURCES[1..] {
            let theirs = strings_of(source);
            assert_eq!(
                theirs.len(),
                english.len(),
                "{file}: a different number of strings"
            );
            for (place, text) in &english {
                let Some((_, translated)) = theirs.iter().find(|(p, _)| p == place) else {
                    panic!("{file}: no {place}");
                };
                assert_eq!(
                    placeholders(translated),
                    placeholders(text),
                    "{file}: {place}: {translated:?}"
                );
            }
        }
    }

    #[test]
    fn fill_never_reads_a_value_as_a_placeholder() {
        assert_eq!(
            fill("{title} ({id})", &[("title", "{id}"), ("id", "7")]),
            "{id} (7)"
        );
    }
}
