//! The rulebook: the rules of conduct every choice is graded against, loaded from
//! `assets/rules.ron` (embedded in the binary), and the grading of a finished conversation.

pub mod coaching;
pub mod coverage;
pub mod grade;
pub mod measures;
mod model;
pub mod sources;

pub use coverage::{RuleCoverage, coverage};
pub use grade::{
    Answer, DecisionScale, DecisionScore, GRADING_VERSION, Grade, Limit, RuleTally, SERIOUS_WEIGHT,
    choice_value, grade, grade_answers, handling_score, headline, is_serious, lowest_mean_for,
    rating_cap, score_from_mean, serious_breach, serious_cap,
};
pub use model::{Rule, RuleScope, Rulebook};

use crate::lang::Lang;

/// The shipped rulebook's text.
pub const RULEBOOK_SOURCE: &str = include_str!("../../assets/rules.ron");

// `TRANSLATIONS`: the rulebook's names, guidance and descriptions in the other languages,
// by rule id, from each language folder's `rules.ron` (`assets/i18n/<code>/rules.ron`), as
// `build.rs` finds them.
include!(concat!(env!("OUT_DIR"), "/embedded_rule_translations.rs"));

/// A translation of the rulebook's words: ids, sources and scopes stay in `assets/rules.ron`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTexts {
    pub format: u32,
    pub language: String,
    pub rules: Vec<RuleText>,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleText {
    pub id: String,
    pub name: String,
    pub guidance: String,
    pub breaks: String,
}

#[derive(Debug, thiserror::Error)]
pub enum RulebookError {
    #[error("assets/rules.ron:{line}:{col}: {message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("assets/rules.ron: rule id \"{0}\" appears more than once")]
    Duplicate(String),
    #[error("{file}:{line}:{col}: {message}")]
    Translation {
        file: &'static str,
        line: usize,
        col: usize,
        message: String,
    },
}

impl Rulebook {
    /// The rulebook shipped with Composure.
    pub fn embedded() -> Result<Rulebook, RulebookError> {
        Rulebook::parse(RULEBOOK_SOURCE)
    }

    /// The shipped rulebook in a language: each rule's words from the translation where it
    /// has them, else in English.
    pub fn embedded_in(lang: Lang) -> Result<Rulebook, RulebookError> {
        let mut book = Rulebook::embedded()?;
        let Some((_, file, source)) = TRANSLATIONS.iter().find(|(l, _, _)| *l == lang) else {
            return Ok(book);
        };
        let texts = parse_translation(file, source)?;
        for rule in &mut book.rules {
            if let Some(text) = texts.rules.iter().find(|t| t.id == rule.id) {
                rule.name.clone_from(&text.name);
                rule.guidance.clone_from(&text.guidance);
                rule.breaks.clone_from(&text.breaks);
            }
        }
        Ok(book)
    }

    pub fn parse(source: &str) -> Result<Rulebook, RulebookError> {
        let book: Rulebook = ron::from_str(source).map_err(|e| RulebookError::Syntax {
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })?;
        let mut seen = std::collections::HashSet::new();
        for rule in &book.rules {
            if !seen.insert(rule.id.as_str()) {
                return Err(RulebookError::Duplicate(rule.id.clone()));
            }
        }
        Ok(book)
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The rule's short name, or the id itself for a rule the book does not have.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.get(id).map_or(id, |r| r.name.as_str())
    }
}

/// Parses one translation of the rulebook's words.
pub fn parse_translation(file: &'static str, source: &str) -> Result<RuleTexts, RulebookError> {
    ron::from_str(source).map_err(|e| RulebookError::Translation {
        file,
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })
}
