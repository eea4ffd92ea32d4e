//! The rulebook: the rules of conduct every choice is graded against, loaded from
//! `assets/rules.ron` (embedded in the binary), and the grading of a finished conversation.

pub mod grade;
mod model;

pub use grade::{
    DecisionScale, DecisionScore, Grade, RuleTally, choice_value, grade, lowest_mean_for,
    score_from_mean,
};
pub use model::{Rule, RuleScope, Rulebook};

/// The shipped rulebook's text.
pub const RULEBOOK_SOURCE: &str = include_str!("../../assets/rules.ron");

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
}

impl Rulebook {
    /// The rulebook shipped with Composure.
    pub fn embedded() -> Result<Rulebook, RulebookError> {
        Rulebook::parse(RULEBOOK_SOURCE)
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
