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
        let mut from = 0;
        while let Some(open) = text.get(from..).and_then(|t| t.find('(')) {
            let inner_start = from + open + 1;
            let Some(rest) = text.get(inner_start..) else {
                break;
            };
            let Some(end) = rest.find(['(', ')']) else {
                break;
            };
            let inner_end = inner_start + end;
            from = inner_end;
            if !rest[end..].starts_with(')') {
                // Another group opens first: it is the innermost one.
                continue;
            }
            if let Some(names) = self.names_of_ids(&rest[..end]) {
                out.push_str(&text[copied..inner_start]);
                out.push_str(&names);
                copied = inner_end;
            }
        }
        if copied == 0 {
            return Cow::Borrowed(text);
        }
        out.push_str(&text[copied..]);
        Cow::Owned(out)
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
}
