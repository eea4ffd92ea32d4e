//! Coaching as a trainee reads it. Scenario files refer to rules by id in parentheses, such
//! as "…puts you above her (no-superiority)", because ids are stable and `composure check`
//! can verify them; a trainee reads the rule's name in their own language instead.

use std::borrow::Cow;

use super::Rulebook;

/// Between two rule names in one group. Names may contain commas ("Keep a calm, benevolent
/// tone"), so a comma would blur where one name ends.
pub const NAME_SEPARATOR: &str = "; ";

impl Rulebook {
    /// The text with every parenthesised group of rule ids, such as "(empathise)" or
    /// "(set-expectations, offer-solutions)", written as the rules' names from this
    /// rulebook. A group is replaced only when every comma-separated item is a rule id the
    /// book has; anything else in parentheses stays as written. Only innermost groups are
    /// looked at, so nested and unbalanced parentheses are safe: "(see (empathise))" becomes
    /// "(see (Show empathy))", and a lone "(" or ")" is left alone.
    pub fn render_coaching<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out = String::new();
        // Everything before `copied` is in `out` already.
        let mut copied = 0;
        for (start, end) in innermost_groups(text) {
            if let Some(names) = self.names_of_ids(&text[start..end]) {
                out.push_str(&text[copied..start]);
                out.push_str(&names);
                copied = end;
            }
        }
        if copied == 0 {
            return Cow::Borrowed(text);
        }
        out.push_str(&text[copied..]);
        Cow::Owned(out)
    }

    /// Rule ids the text cites that this rulebook does not have, each with the nearest id it
    /// has, if any: items of a parenthesised group that reads as a citation, every item
    /// shaped like a rule id (lowercase words joined by dashes), and either another item a
    /// known rule or this one dashed and near a known id. Such a group would reach the trainee as
    /// written, ids and all; "(follow-up)" or "(twice)" are prose and not reported.
    pub fn unknown_citations<'a>(&self, text: &'a str) -> Vec<(&'a str, Option<&str>)> {
        let ids = || self.rules.iter().map(|r| r.id.as_str());
        let mut found = Vec::new();
        for (start, end) in innermost_groups(text) {
            if !is_citation_list(&text[start..end]) {
                continue;
            }
            let items: Vec<&str> = text[start..end].split(',').map(str::trim).collect();
            let any_known = items.iter().any(|item| self.get(item).is_some());
            for item in items {
                if self.get(item).is_some() {
                    continue;
                }
                let near = crate::suggest::nearest(item, ids());
                if any_known || (item.contains('-') && near.is_some()) {
                    found.push((item, near));
                }
            }
        }
        found
    }

    /// The names of a comma-separated list of rule ids, or `None` when any item is not one.
    fn names_of_ids(&self, list: &str) -> Option<String> {
        let mut names = Vec::new();
        for item in list.split(',') {
            names.push(self.get(item.trim())?.name.as_str());
        }
        Some(names.join(NAME_SEPARATOR))
    }
}

/// The contents of each innermost parenthesised group, in order: where coaching cites rules.
pub fn parenthesised_groups(text: &str) -> impl Iterator<Item = &str> {
    innermost_groups(text)
        .into_iter()
        .map(move |(start, end)| &text[start..end])
}

/// Whether a group's contents are a comma-separated list of words shaped like rule ids, as a
/// citation is; "set-expectations only in part" is not.
pub fn is_citation_list(group: &str) -> bool {
    group.split(',').map(str::trim).all(looks_like_rule_id)
}

/// Where each innermost parenthesised group's contents start and end (byte offsets, the
/// parentheses excluded), in order. A "(" never closed and a ")" never opened are not
/// groups.
fn innermost_groups(text: &str) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|t| t.find('(')) {
        let start = from + open + 1;
        let Some(len) = text.get(start..).and_then(|t| t.find(['(', ')'])) else {
            break;
        };
        from = start + len;
        if text[from..].starts_with(')') {
            groups.push((start, from));
        }
    }
    groups
}

/// Lowercase words of letters and digits, joined by dashes if more than one, as every rule
/// id is.
fn looks_like_rule_id(item: &str) -> bool {
    !item.is_empty()
        && item.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn book() -> Rulebook {
        Rulebook::embedded().unwrap()
    }

    #[test]
    fn one_id_in_parentheses_becomes_the_rules_name() {
        assert_eq!(
            book().render_coaching("It puts you above her (no-superiority)."),
            "It puts you above her (Don't put the client in their place)."
        );
    }

    #[test]
    fn several_ids_in_one_group_become_names_apart_by_semicolons() {
        assert_eq!(
            book().render_coaching(
                "A plan (set-expectations, offer-solutions) and a voice (calm-benevolent-tone)."
            ),
            "A plan (Set clear expectations from the start; Offer solutions without being asked) \
             and a voice (Keep a calm, benevolent tone)."
        );
        assert_eq!(
            book().render_coaching("(empathise,listen-actively)"),
            "(See it from the client's side; Listen actively, speak plainly)"
        );
    }

    #[test]
    fn groups_that_are_not_all_rule_ids_stay_as_written() {
        let book = book();
        for text in [
            "No ids here.",
            "She said (twice) that it was late.",
            "(empathise, and more)",
            "(empathise,)",
            "(Empathise)",
            "()",
            "( )",
            "(no-such-rule)",
            "(empathise or listen-actively)",
        ] {
            assert_eq!(book.render_coaching(text), text);
            assert!(matches!(book.render_coaching(text), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn nested_and_unbalanced_parentheses_are_safe() {
        let book = book();
        assert_eq!(
            book.render_coaching("(as before (empathise))"),
            "(as before (See it from the client's side))"
        );
        assert_eq!(
            book.render_coaching("((empathise))"),
            "((See it from the client's side))"
        );
        assert_eq!(book.render_coaching("(empathise"), "(empathise");
        assert_eq!(book.render_coaching("empathise)"), "empathise)");
        assert_eq!(
            book.render_coaching(")(empathise)("),
            ")(See it from the client's side)("
        );
        assert_eq!(
            book.render_coaching("(( empathise ) and (same-side)"),
            "((See it from the client's side) and (Stand on the same side as the client)"
        );
        assert_eq!(book.render_coaching("(((("), "((((");
    }

    #[test]
    fn text_around_the_groups_is_kept_byte_for_byte() {
        assert_eq!(
            book().render_coaching("«Ну» (empathise) — «ну» (not-personal)…"),
            "«Ну» (See it from the client's side) — «ну» (Don't take it personally)…"
        );
    }

    #[test]
    fn names_come_from_the_rulebook_of_the_language() {
        let nb = Rulebook::embedded_in(Lang::Nb).unwrap();
        assert_eq!(
            nb.render_coaching("Det setter deg over henne (no-superiority, same-side)."),
            "Det setter deg over henne (Ikke sett kunden på plass; Stå på samme side som kunden)."
        );
        let ru = Rulebook::embedded_in(Lang::Ru).unwrap();
        assert_eq!(
            ru.render_coaching("Это ставит вас выше неё (no-superiority)."),
            "Это ставит вас выше неё (Не ставьте клиента на место)."
        );
    }

    #[test]
    fn a_misspelt_or_unknown_id_among_citations_is_reported_and_prose_is_not() {
        let book = book();
        assert_eq!(
            book.unknown_citations("Good (listen-activly)."),
            [("listen-activly", Some("listen-actively"))]
        );
        assert_eq!(
            book.unknown_citations("Good (empathise, no-such-rule)."),
            [("no-such-rule", None)]
        );
        for prose in [
            "Good (empathise, listen-actively).",
            "A (follow-up) call.",
            "(twice)",
            "(set-expectations only in part)",
            "(Listen-actively)",
            "(empathise",
        ] {
            assert!(book.unknown_citations(prose).is_empty(), "{prose}");
        }
    }

    proptest::proptest! {
        /// Any text, with rule ids, parentheses, commas and other scripts mixed in: rendering
        /// never panics, keeps everything outside the groups it replaces, and rendering the
        /// result again changes nothing (a name is never taken for an id).
        #[test]
        fn rendering_any_text_is_safe_and_settles_in_one_pass(
            text in "((empathise|no-superiority|same-side|not-a-rule|[(), ]|\\PC){0,12})"
        ) {
            for lang in Lang::ALL {
                let book = Rulebook::embedded_in(lang).unwrap();
                let once = book.render_coaching(&text).into_owned();
                proptest::prop_assert_eq!(book.render_coaching(&once), once.as_str());
                if !text.contains('(') {
                    proptest::prop_assert_eq!(once.as_str(), text.as_str());
                }
            }
        }
    }
}
