//! Fluent messages: `assets/i18n/<language>/*.ftl`, embedded by `build.rs`, one bundle per
//! language, parsed once. A message that a language lacks, or that fails to format, is taken
//! from English; the tests in this module make sure that never happens in a build.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::lang::Lang;
use crate::scenario::{ClientType, Gender, Outcome, Rating};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_messages.rs"));
}

/// Every `.ftl` file: its language folder, its name and its text.
pub fn sources() -> &'static [(&'static str, &'static str, &'static str)] {
    embedded::FTL
}

/// The messages of one language.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    /// What went wrong while building the bundle: a file that does not parse, a message
    /// defined twice. Shown by tests, never on screen.
    problems: Vec<String>,
}

/// The arguments of a message: plain text (names, titles, words already chosen), counts
/// (which pick a plural form by the language's CLDR rules) and the client's gender.
#[derive(Default)]
pub struct Args<'a>(FluentArgs<'a>);

impl<'a> Args<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Text put in as it is.
    pub fn text(mut self, name: &'static str, value: impl Into<Cow<'a, str>>) -> Self {
        self.0.set(name, FluentValue::String(value.into()));
        self
    }

    /// A count: shown as a number, and a `{ $name -> [one] … *[other] … }` selector picks the
    /// language's plural form for it.
    pub fn count(mut self, name: &'static str, value: usize) -> Self {
        self.0.set(name, FluentValue::from(value));
        self
    }

    /// The client's grammatical gender as `$gender`: `feminine`, `masculine`, or `other`
    /// when the scenario does not say.
    pub fn gender(mut self, gender: Option<Gender>) -> Self {
        self.0.set("gender", gender_key(gender));
        self
    }
}

/// The value `$gender` takes in messages.
pub fn gender_key(gender: Option<Gender>) -> &'static str {
    match gender {
        Some(Gender::Feminine) => "feminine",
        Some(Gender::Masculine) => "masculine",
        None => "other",
    }
}

/// Why a message could not be shown as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    #[error("{lang}: no message `{id}`")]
    Missing { lang: &'static str, id: String },
    #[error("{lang}: `{id}`: {message}")]
    Format {
        lang: &'static str,
        id: String,
        message: String,
    },
}

impl Messages {
    fn build(lang: Lang) -> Messages {
        let mut problems = Vec::new();
        let locale: LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Unicode isolation marks would reach the terminal as stray characters.
        bundle.set_use_isolating(false);
        for (folder, file, text) in sources() {
            if *folder != lang.code() {
                continue;
            }
            let resource = match FluentResource::try_new((*text).to_owned()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    for e in errors {
                        problems.push(format!("{folder}/{file}: {e:?}"));
                    }
                    resource
                }
            };
            if let Err(errors) = bundle.add_resource(resource) {
                for e in errors {
                    problems.push(format!("{folder}/{file}: {}", describe(&e)));
                }
            }
        }
        Messages {
            lang,
            bundle,
            problems,
        }
    }

    /// The messages of a language, built once.
    pub fn get(lang: Lang) -> &'static Messages {
        static BUILT: OnceLock<[Messages; Lang::ALL.len()]> = OnceLock::new();
        let built = BUILT.get_or_init(|| Lang::ALL.map(Messages::build));
        // `Lang::ALL` lists the languages in their order of declaration (a test in `lang`
        // says so), so a language's number is its place in it.
        &built[lang as usize]
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Problems found while reading this language's files.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// The ids of every message this language defines, in file order.
    pub fn ids(&self) -> Vec<&'static str> {
        let mut ids = Vec::new();
        for (folder, _, text) in sources() {
            if *folder != self.lang.code() {
                continue;
            }
            let resource = match fluent_syntax::parser::parse(*text) {
                Ok(resource) => resource,
                Err((resource, _)) => resource,
            };
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    ids.push(message.id.name);
                }
            }
        }
        ids
    }

    /// A message with its arguments, or what stops it from being shown.
    pub fn try_msg(&self, id: &str, args: &Args<'_>) -> Result<String, MessageError> {
        let lang = self.lang.code();
        let pattern = self
            .bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| MessageError::Missing {
                lang,
                id: id.to_owned(),
            })?;
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args.0), &mut errors);
        match errors.first() {
            None => Ok(text.into_owned()),
            Some(e) => Err(MessageError::Format {
                lang,
                id: id.to_owned(),
                message: describe(e),
            }),
        }
    }

    /// A message with its arguments. A message this language lacks, or cannot format, is
    /// English's; one English lacks too shows its id, never a blank.
    pub fn msg(&self, id: &str, args: &Args<'_>) -> String {
        self.try_msg(id, args)
            .or_else(|_| Messages::get(Lang::En).try_msg(id, args))
            .unwrap_or_else(|_| id.to_owned())
    }

    /// A message that takes no arguments.
    pub fn text(&self, id: &str) -> String {
        self.msg(id, &Args::new())
    }

    /// How a conversation ended, in words.
    pub fn outcome(&self, outcome: Outcome) -> String {
        self.text(match outcome {
            Outcome::WonOver => "outcome-won-over",
            Outcome::Resolved => "outcome-resolved",
            Outcome::ProfessionalParting => "outcome-professional-parting",
            Outcome::EscalatedComplaint => "outcome-escalated-complaint",
            Outcome::LostClient => "outcome-lost-client",
        })
    }

    /// An ending's rating in words.
    pub fn rating(&self, rating: Rating) -> String {
        self.text(match rating {
            Rating::Excellent => "rating-excellent",
            Rating::Good => "rating-good",
            Rating::Poor => "rating-poor",
            Rating::Fail => "rating-fail",
        })
    }

    /// A kind of client, as a label.
    pub fn client_type(&self, kind: ClientType) -> String {
        self.text(match kind {
            ClientType::Rude => "client-type-rude",
            ClientType::Indecisive => "client-type-indecisive",
            ClientType::King => "client-type-king",
            ClientType::KnowItAll => "client-type-know-it-all",
            ClientType::ModestDemands => "client-type-modest-demands",
            ClientType::PublicComplainer => "client-type-public-complainer",
            ClientType::ClientWithProblem => "client-type-client-with-problem",
            ClientType::MismatchedExpectations => "client-type-mismatched-expectations",
            ClientType::ProblemClient => "client-type-problem-client",
        })
    }

    /// The difficulty word for a number of decisions on the best path.
    pub fn difficulty(&self, decisions: usize) -> String {
        self.text(match decisions {
            0..=6 => "difficulty-easy",
            7..=8 => "difficulty-medium",
            _ => "difficulty-hard",
        })
    }

    /// How a verdict's weight reads after the rule: " (minor)" for 1, nothing for 2,
    /// " (serious)" for 3.
    pub fn weight(&self, weight: u8) -> String {
        match weight {
            0 | 1 => format!(" ({})", self.text("weight-minor")),
            2 => String::new(),
            _ => format!(" ({})", self.text("weight-serious")),
        }
    }

    /// A kind of client in running text, in this language's quotation marks; a label that
    /// brings its own («Kongen», "Modest demands") keeps them rather than getting two pairs.
    pub fn client_type_quoted(&self, kind: ClientType) -> String {
        let label = self.client_type(kind);
        if label.starts_with(['"', '«', '“', '„']) {
            label
        } else {
            self.msg("quoted", &Args::new().text("text", label))
        }
    }

    /// A language's name in running text in this language ("Norwegian", "на норвежском"):
    /// the message `language-<code>`, else English's, else the language's own name (a
    /// language just added, that the other folders do not name yet).
    pub fn language_in_text(&self, lang: Lang) -> String {
        let id = format!("language-{}", lang.code());
        self.try_msg(&id, &Args::new())
            .or_else(|_| Messages::get(Lang::En).try_msg(&id, &Args::new()))
            .unwrap_or_else(|_| lang.name().to_owned())
    }

    /// The client's mood, -3 to 3, agreeing with the client's gender.
    pub fn mood(&self, value: i8, gender: Option<Gender>) -> String {
        let id = match value.clamp(-3, 3) {
            -3 => "mood-furious",
            -2 => "mood-angry",
            -1 => "mood-irritated",
            0 => "mood-guarded",
            1 => "mood-calm",
            2 => "mood-at-ease",
            _ => "mood-warm",
        };
        self.msg(id, &Args::new().gender(gender))
    }

    /// The client's trust, -3 to 3, agreeing with the client's gender.
    pub fn trust(&self, value: i8, gender: Option<Gender>) -> String {
        let id = match value.clamp(-3, 3) {
            -3 => "trust-hostile",
            -2 => "trust-distrustful",
            -1 => "trust-doubtful",
            0 => "trust-wary",
            1 => "trust-open",
            2 => "trust-trusting",
            _ => "trust-loyal",
        };
        self.msg(id, &Args::new().gender(gender))
    }
}

fn describe(error: &FluentError) -> String {
    match error {
        FluentError::Overriding { kind, id } => format!("{kind} `{id}` is defined twice"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTS: [usize; 5] = [0, 1, 2, 5, 21];
    const GENDERS: [Option<Gender>; 3] = [Some(Gender::Feminine), Some(Gender::Masculine), None];
    /// Messages that may read the same in a translation as in English.
    /// ("Scenario" is Norwegian too; "12 s" and "✓ #7" are figures in both.)
    const SAME_AS_ENGLISH: &[&str] = &[
        "drill-column-scenario",
        "drill-seconds",
        "drill-saved-row",
        "report-col-scenario",
        "list-col-id",
        "drills-col-id",
        // "1 scenario" in Norwegian too.
        "drills-scenarios",
    ];

    /// Every argument any message takes: counts are numbers, the rest text.
    fn all_args(n: usize, gender: Option<Gender>) -> Args<'static> {
        let mut args = Args::new().gender(gender);
        for count in [
            "n",
            "s",
            "played",
            "planned",
            "silences",
            "sessions",
            "decisions",
            "serious",
        ] {
            args = args.count(count, n);
        }
        for text in [
            "client",
            "mood",
            "trust",
            "seed",
            "gauge",
            "trainee",
            "mean",
            "best",
            "title",
            "file",
            "node",
            "error",
            "id",
            "language",
            "types",
            "languages",
            "handling",
            "ending_cap",
            "serious_cap",
            "rule",
            "cap",
            "apparent",
            "real",
            "w",
            "h",
            "min_w",
            "min_h",
            "name",
            "key",
            "total",
            "score",
            "rating",
            "text",
            "reply",
            "near",
            "known",
            "code",
            "path",
            "instead",
            "detail",
            "found",
            "message",
            "scope",
            "drill",
            "time",
            "zone",
            "why",
            "tz",
            "version",
            "session",
            "scenario",
            "answers",
            "problem",
            "number",
            "offered",
            "answer",
            "choice",
            "iri",
            "variable",
        ] {
            args = args.text(text, format!("<{text}>"));
        }
        // Sending to a learning record store (lrs.ftl).
        for count in ["requests", "tries"] {
            args = args.count(count, n);
        }
        for text in ["url", "status", "reason", "user"] {
            args = args.text(text, format!("<{text}>"));
        }
        args
    }

    #[test]
    fn every_language_has_a_folder_of_messages() {
        for lang in Lang::ALL {
            assert!(
                sources()
                    .iter()
                    .any(|(folder, _, _)| *folder == lang.code()),
                "no assets/i18n/{}/*.ftl",
                lang.code()
            );
            assert_eq!(Messages::get(lang).lang(), lang);
        }
    }

    #[test]
    fn every_file_parses_without_a_duplicate() {
        for lang in Lang::ALL {
            assert_eq!(Messages::get(lang).problems(), [] as [String; 0]);
        }
    }

    #[test]
    fn every_language_has_exactly_the_messages_english_has() {
        let mut english = Messages::get(Lang::En).ids();
        english.sort_unstable();
        assert!(english.contains(&"debrief-left"), "{english:?}");
        for lang in &Lang::ALL[1..] {
            let mut theirs = Messages::get(*lang).ids();
            theirs.sort_unstable();
            assert_eq!(theirs, english, "{}", lang.code());
        }
    }

    /// The variables a message's pattern names, at any depth.
    fn variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut Vec<&'s str>) {
        fn inline<'s>(e: &ast::InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
            match e {
                ast::InlineExpression::VariableReference { id } => out.push(id.name),
                ast::InlineExpression::Placeable { expression } => expression_(expression, out),
                ast::InlineExpression::FunctionReference { arguments, .. }
                | ast::InlineExpression::TermReference {
                    arguments: Some(arguments),
                    ..
                } => {
                    for a in &arguments.positional {
                        inline(a, out);
                    }
                    for a in &arguments.named {
                        inline(&a.value, out);
                    }
                }
                _ => {}
            }
        }
        fn expression_<'s>(e: &ast::Expression<&'s str>, out: &mut Vec<&'s str>) {
            match e {
                ast::Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
                ast::Expression::Inline(e) => inline(e, out),
            }
        }
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_(expression, out);
            }
        }
    }

    /// Each message of a language with the variables it names, `$gender` aside: a language
    /// selects on it only where its grammar needs to.
    fn variables_of(lang: Lang) -> Vec<(&'static str, Vec<&'static str>)> {
        let mut found = Vec::new();
        for (folder, _, text) in sources() {
            if *folder != lang.code() {
                continue;
            }
            let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(r, _)| r);
            for entry in &resource.body {
                if let ast::Entry::Message(m) = entry {
                    let mut names = Vec::new();
                    if let Some(value) = &m.value {
                        variables(value, &mut names);
                    }
                    names.retain(|n| *n != "gender");
                    names.sort_unstable();
                    names.dedup();
                    found.push((m.id.name, names));
                }
            }
        }
        found.sort();
        found
    }

    #[test]
    fn every_translation_uses_the_variables_english_uses() {
        let english = variables_of(Lang::En);
        assert!(
            english.contains(&("debrief-left", vec!["client", "mood", "seed", "trust"])),
            "{english:?}"
        );
        for lang in &Lang::ALL[1..] {
            assert_eq!(variables_of(*lang), english, "{}", lang.code());
        }
    }

    #[test]
    fn every_message_renders_with_every_count_and_gender_and_is_translated() {
        let english = Messages::get(Lang::En);
        let ids = english.ids();
        for lang in Lang::ALL {
            let messages = Messages::get(lang);
            for id in &ids {
                for n in COUNTS {
                    for gender in GENDERS {
                        let args = all_args(n, gender);
                        let text = messages
                            .try_msg(id, &args)
                            .unwrap_or_else(|e| panic!("{e} (n = {n}, {gender:?})"));
                        assert!(!text.trim().is_empty(), "{}: {id} is blank", lang.code());
                        if lang == Lang::En || SAME_AS_ENGLISH.contains(id) {
                            continue;
                        }
                        let original = english.msg(id, &args);
                        assert!(
                            text != original || !original.chars().any(char::is_alphabetic),
                            "{}: {id} is not translated: {text:?} (n = {n}, {gender:?})",
                            lang.code()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn counts_take_the_plural_form_of_the_language() {
        let length = |lang, n| Messages::get(lang).msg("home-length", &Args::new().count("n", n));
        assert_eq!(length(Lang::En, 1), "1 decision");
        assert_eq!(length(Lang::En, 21), "21 decisions");
        assert_eq!(length(Lang::Ru, 1), "1 решение");
        assert_eq!(length(Lang::Ru, 2), "2 решения");
        assert_eq!(length(Lang::Ru, 5), "5 решений");
        assert_eq!(length(Lang::Ru, 21), "21 решение");
        assert_eq!(length(Lang::Ru, 0), "0 решений");
    }

    #[test]
    fn a_kind_of_client_is_quoted_once() {
        use ClientType::{ModestDemands, ProblemClient};
        let en = Messages::get(Lang::En);
        assert_eq!(en.client_type_quoted(ProblemClient), "“Problem client”");
        assert_eq!(en.client_type_quoted(ModestDemands), "\"Modest demands\"");
        let nb = Messages::get(Lang::Nb);
        assert_eq!(nb.client_type_quoted(ModestDemands), "«Beskjedne krav»");
        assert_eq!(nb.client_type_quoted(ProblemClient), "«Problemkunde»");
    }

    #[test]
    fn words_about_the_client_agree_with_the_gender() {
        let ru = Messages::get(Lang::Ru);
        assert_eq!(ru.mood(1, Some(Gender::Feminine)), "спокойна");
        assert_eq!(ru.mood(1, Some(Gender::Masculine)), "спокоен");
        assert_eq!(ru.mood(1, None), "спокоен");
        assert_eq!(ru.trust(3, Some(Gender::Feminine)), "лояльна");
    }

    #[test]
    fn mood_and_trust_never_share_a_word() {
        for lang in Lang::ALL {
            let messages = Messages::get(lang);
            for gender in GENDERS {
                let moods: Vec<String> = (-3..=3).map(|v| messages.mood(v, gender)).collect();
                for v in -3..=3 {
                    let trust = messages.trust(v, gender);
                    assert!(
                        !moods.contains(&trust),
                        "{}: trust {v} reads {trust:?}, a mood word",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn a_message_missing_everywhere_shows_its_id_and_no_isolation_marks() {
        let ru = Messages::get(Lang::Ru);
        assert!(ru.try_msg("no-such-message", &Args::new()).is_err());
        assert_eq!(ru.msg("no-such-message", &Args::new()), "no-such-message");
        let left = ru.msg(
            "debrief-left",
            &Args::new()
                .text("client", "Хильде Берг")
                .text("mood", "спокойна")
                .text("trust", "открыта")
                .text("seed", "7"),
        );
        assert_eq!(left, "Хильде Берг уходит: спокойна, открыта   зерно 7");
    }
}
