//! "Did you mean …?": the known name nearest to a misspelt one, for messages about rule ids,
//! node ids, fields, scenario ids and client types. A leaf: it knows only strings.

/// How alike two names must be (Jaro similarity, 0 to 1) to be offered; the threshold clap
/// uses for misspelt subcommands, so every suggestion Composure makes feels the same.
const SIMILAR: f64 = 0.7;

/// The candidate most like `word`, if any is alike enough. One that differs from `word` only
/// in case wins outright; an exact match is not a suggestion.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        if candidate == word {
            continue;
        }
        if candidate.eq_ignore_ascii_case(word) {
            return Some(candidate);
        }
        let score = strsim::jaro(word, candidate);
        if score > SIMILAR && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, name)| name)
}

/// `; did you mean "name"?` for the nearest candidate, or nothing: ready to append to a
/// message that quotes ids in double quotes.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    nearest(word, candidates)
        .map(|name| format!("; did you mean \"{name}\"?"))
        .unwrap_or_default()
}

/// `no scenario with id "kng"; did you mean "king"?` when one is near, else the message with
/// every known id, so the reader always learns what to type.
pub fn unknown_id(what: &str, id: &str, known: &[&str]) -> String {
    match nearest(id, known.iter().copied()) {
        Some(name) => format!("no {what} with id \"{id}\"; did you mean \"{name}\"?"),
        None if known.is_empty() => format!("no {what} with id \"{id}\"; the library has: none"),
        None => format!(
            "no {what} with id \"{id}\"; the library has: {}",
            known.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_name_finds_the_nearest_known_one() {
        let known = ["acknowledge-feelings", "set-expectations", "stay-calm"];
        assert_eq!(nearest("stay-clam", known), Some("stay-calm"));
        assert_eq!(nearest("set-expectation", known), Some("set-expectations"));
        assert_eq!(nearest("Stay-Calm", known), Some("stay-calm"));
    }

    #[test]
    fn nothing_is_offered_for_an_unrelated_or_exact_name() {
        let known = ["acknowledge-feelings", "stay-calm"];
        assert_eq!(nearest("zzz", known), None);
        assert_eq!(nearest("stay-calm", known), None);
        assert_eq!(did_you_mean("zzz", known), "");
        assert_eq!(
            did_you_mean("stay-calmm", known),
            "; did you mean \"stay-calm\"?"
        );
    }
}
