//! Text as the matcher compares it: lower case, Russian ё read as е, apostrophes dropped
//! inside words ("don’t" and "dont" are one word), every other mark a word break, and a light
//! stemmer per language so that "refunded" meets "refund" and "возврата" meets "возврат".
//! Light on purpose: a trainee's typing is informal, and an aggressive stemmer merges words
//! that tell options apart.

use crate::lang::Lang;

/// The words of `text`, lower-cased and cleaned, in order (not stemmed).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_apostrophe(c) {
            // Inside a word it joins ("I’m" → "im"); elsewhere it is a quote mark.
            continue;
        }
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                word.push(match lower {
                    'ё' => 'е',
                    other => other,
                });
            }
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ')
}

/// A word cut back to its stem, lightly, by the rules of `lang`.
pub fn stem(lang: Lang, word: &str) -> String {
    let suffixes: &[&str] = match lang {
        Lang::En => EN_SUFFIXES,
        Lang::Nb => NB_SUFFIXES,
        Lang::Ru => RU_SUFFIXES,
    };
    // The stem must keep this many characters: short words are mostly their own stem.
    let keep = 3;
    let chars = word.chars().count();
    for suffix in suffixes {
        let n = suffix.chars().count();
        if chars >= n + keep && word.ends_with(suffix) {
            let cut = word.len() - suffix.len();
            return word[..cut].to_owned();
        }
    }
    word.to_owned()
}

// Longest first, so the first that fits is the one cut.
const EN_SUFFIXES: &[&str] = &[
    "ations", "ation", "ingly", "ments", "ment", "ness", "ings", "ing", "edly", "ies", "ied",
    "ers", "ed", "er", "ly", "es", "s", "e", "y",
];

const NB_SUFFIXES: &[&str] = &[
    "heten", "elser", "else", "ende", "ene", "ane", "ets", "het", "ert", "ere", "ste", "lig", "er",
    "en", "et", "ar", "e", "a", "t",
];

// Verb endings that end in a consonant ("-ет", "-ат", "-ил") are left alone: too many nouns
// end the same way ("возврат", "кредит").
const RU_SUFFIXES: &[&str] = &[
    "ившись",
    "ывшись",
    "ующий",
    "ающий",
    "яющий",
    "ениями",
    "ением",
    "ения",
    "ение",
    "ости",
    "ость",
    "ться",
    "тесь",
    "ами",
    "ями",
    "ого",
    "его",
    "ому",
    "ему",
    "ыми",
    "ими",
    "ешь",
    "ете",
    "ите",
    "ать",
    "ять",
    "ить",
    "еть",
    "ует",
    "ают",
    "яют",
    "ует",
    "ала",
    "ало",
    "али",
    "ила",
    "или",
    "ой",
    "ей",
    "ий",
    "ый",
    "ая",
    "яя",
    "ое",
    "ее",
    "ые",
    "ие",
    "ую",
    "юю",
    "ом",
    "ем",
    "ам",
    "ям",
    "ах",
    "ях",
    "ов",
    "ев",
    "ть",
    "им",
    "ся",
    "сь",
    "а",
    "я",
    "о",
    "е",
    "ы",
    "и",
    "у",
    "ю",
    "ь",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_without_marks_and_apostrophes_join() {
        assert_eq!(
            words("I’m SO sorry, Mr. Marsh!"),
            ["im", "so", "sorry", "mr", "marsh"]
        );
        assert_eq!(words("don't -- «Ёлки»"), ["dont", "елки"]);
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem(Lang::En, "refunded"), stem(Lang::En, "refund"));
        assert_eq!(stem(Lang::En, "apologies"), "apolog");
        assert_eq!(stem(Lang::Ru, "возврата"), stem(Lang::Ru, "возврат"));
        assert_eq!(stem(Lang::Nb, "kunden"), stem(Lang::Nb, "kunde"));
        // Short words stay as they are.
        assert_eq!(stem(Lang::En, "yes"), "yes");
    }
}
