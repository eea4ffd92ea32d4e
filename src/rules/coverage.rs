//! Rule coverage: which rules a scenario (or the whole library) exercises, on the followed
//! side and on the broken side, and which it never touches. A library that teaches a rule
//! only by its breaking, or never at all, has a gap a trainer should see.

use serde::Serialize;

use super::{RuleScope, Rulebook};
use crate::scenario::{Node, Scenario, Verdict};

/// How many choices follow and break one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCoverage {
    pub rule: String,
    pub followed: u32,
    pub broken: u32,
}

impl RuleCoverage {
    pub fn touched(&self) -> bool {
        self.followed > 0 || self.broken > 0
    }
}

/// Counts over every choice of the scenarios, for every rule choices are graded against, in
/// rulebook order.
pub fn coverage<'a>(
    scenarios: impl IntoIterator<Item = &'a Scenario>,
    rules: &Rulebook,
) -> Vec<RuleCoverage> {
    let mut out: Vec<RuleCoverage> = rules
        .rules
        .iter()
        .filter(|r| r.scope == RuleScope::Choice)
        .map(|r| RuleCoverage {
            rule: r.id.clone(),
            followed: 0,
            broken: 0,
        })
        .collect();
    for scenario in scenarios {
        for node in &scenario.nodes {
            let Node::Decision { choices, .. } = node else {
                continue;
            };
            for verdict in choices.iter().flat_map(|c| &c.verdicts) {
                let (rule, follows) = match verdict {
                    Verdict::Follows(r, _) => (r, true),
                    Verdict::Breaks(r, _) => (r, false),
                };
                if let Some(entry) = out.iter_mut().find(|c| &c.rule == rule) {
                    if follows {
                        entry.followed += 1;
                    } else {
                        entry.broken += 1;
                    }
                }
            }
        }
    }
    out
}
