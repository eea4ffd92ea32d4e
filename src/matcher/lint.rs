//! `check`'s warning about typed replies (`typed-ambiguous`): an option's own text, or one of
//! its phrasings, that the matcher would not read as that option. Either the text is so close
//! to another option's that a trainee typing it would be asked which they meant, or a
//! phrasing pulls replies towards another option. The matcher itself judges, so the warning
//! and typed play never disagree.

use super::{Candidate, Matcher, Verdict};
use crate::lang::Lang;
use crate::scenario::lint::Lint;
use crate::scenario::locate::LazyLocator;
use crate::scenario::{Node, Position, ValidScenario};

/// The warning's code, as `docs/scenario-format.md` lists it.
pub const CODE: &str = "typed-ambiguous";

/// Every text or phrasing of `scenario` that typed word for word would not be read as its own
/// option.
pub fn lint_typed(scenario: &ValidScenario, source: &str) -> Vec<Lint> {
    let loc = LazyLocator::new(source);
    let model = scenario.scenario();
    let lang = Lang::parse(&model.language).unwrap_or_default();
    let mut found = Vec::new();
    for (i, node) in model.nodes.iter().enumerate() {
        let Node::Decision { choices, .. } = node else {
            continue;
        };
        if choices.len() < 2 {
            continue;
        }
        let options: Vec<Candidate> = choices.iter().map(Candidate::of).collect();
        let matcher = Matcher::new(lang, &options);
        for (j, choice) in choices.iter().enumerate() {
            let texts = std::iter::once((None, &choice.text)).chain(
                choice
                    .phrasings
                    .iter()
                    .enumerate()
                    .map(|(k, p)| (Some(k), p)),
            );
            for (k, text) in texts {
                let Some(why) = misread(&matcher, j, text) else {
                    continue;
                };
                let (what, position): (String, Position) = match k {
                    None => ("text".to_owned(), loc.choice(i, j, "text")),
                    Some(k) => (format!("phrasing {}", k + 1), loc.phrasing(i, j, k)),
                };
                found.push(Lint {
                    code: CODE,
                    position,
                    message: format!(
                        "choice \"{}\": its {what}, typed word for word, {why}",
                        choice.id
                    ),
                });
            }
        }
    }
    found
}

/// Two options whose words are at least this similar (as the matcher measures, 0 to 1) are
/// too close to tell apart from a typed reply: a reply that means one lands between both.
/// The closest pair of shipped options (one option the other plus an extra sentence) is at
/// about 0.78.
pub const TOO_CLOSE: f32 = 0.8;

/// How `text` (of option `own`) would be confused with another option, or `None` when it is
/// read as `own` and no other option is [`TOO_CLOSE`].
fn misread(matcher: &Matcher, own: usize, text: &str) -> Option<String> {
    let reading = matcher.read(text);
    let id = |i: usize| {
        matcher
            .candidates()
            .get(i)
            .map_or("?", |c| c.id.as_str())
            .to_owned()
    };
    match reading.verdict {
        Verdict::Confident { option } if option != own => {
            return Some(format!(
                "would be read as choice \"{}\"; reword it or the other choice",
                id(option)
            ));
        }
        Verdict::Confident { .. } | Verdict::Ask { .. } => {}
    }
    let (other, score) = reading.ranked.iter().copied().find(|&(i, _)| i != own)?;
    (score >= TOO_CLOSE || reading.confident().is_none()).then(|| {
        format!(
            "is too close to choice \"{}\" (similarity {score:.2}) to tell apart: a typed reply meaning one would be read as the other or asked about; make their words differ more",
            id(other)
        )
    })
}
