//! How domain values read to a person: mood and trust words, outcome and client-type names.
//! Kept in one place so the screens, the text output and later translations agree.

use crate::scenario::{ClientType, Outcome};

/// The word for a mood value (-3 furious … 3 warm).
pub fn mood(value: i8) -> &'static str {
    match value {
        i8::MIN..=-3 => "furious",
        -2 => "angry",
        -1 => "irritated",
        0 => "guarded",
        1 => "calm",
        2 => "at ease",
        3..=i8::MAX => "warm",
    }
}

/// The word for a trust value (-3 hostile … 3 loyal).
pub fn trust(value: i8) -> &'static str {
    match value {
        i8::MIN..=-3 => "hostile",
        -2 => "distrustful",
        -1 => "doubtful",
        0 => "wary",
        1 => "open",
        2 => "trusting",
        3..=i8::MAX => "loyal",
    }
}

pub fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::WonOver => "Won over: a loyal client",
        Outcome::Resolved => "Resolved",
        Outcome::ProfessionalParting => "Professional parting",
        Outcome::EscalatedComplaint => "Escalated complaint",
        Outcome::LostClient => "Lost client",
    }
}

/// How a verdict's weight reads next to the rule: 1 minor, 2 plain, 3 serious.
pub fn weight(weight: u8) -> &'static str {
    match weight {
        0 | 1 => " (minor)",
        2 => "",
        _ => " (serious)",
    }
}

/// Whether an outcome counts as a good result for the colour it is shown in.
pub fn outcome_is_good(outcome: Outcome) -> bool {
    matches!(
        outcome,
        Outcome::WonOver | Outcome::Resolved | Outcome::ProfessionalParting
    )
}

/// A client type as shown to people.
pub fn client_type(kind: ClientType) -> &'static str {
    match kind {
        ClientType::Rude => "Rude, shouting",
        ClientType::Indecisive => "Indecisive",
        ClientType::King => "The \"king\"",
        ClientType::KnowItAll => "Know-it-all",
        ClientType::ModestDemands => "\"Modest demands\"",
        ClientType::PublicComplainer => "Public complainer",
        ClientType::ClientWithProblem => "Client with a problem",
        ClientType::MismatchedExpectations => "Mismatched expectations",
        ClientType::ProblemClient => "Problem client",
    }
}

/// A client type as written on the command line and in lists.
pub fn client_type_slug(kind: ClientType) -> &'static str {
    match kind {
        ClientType::Rude => "rude",
        ClientType::Indecisive => "indecisive",
        ClientType::King => "king",
        ClientType::KnowItAll => "know-it-all",
        ClientType::ModestDemands => "modest-demands",
        ClientType::PublicComplainer => "public-complainer",
        ClientType::ClientWithProblem => "client-with-problem",
        ClientType::MismatchedExpectations => "mismatched-expectations",
        ClientType::ProblemClient => "problem-client",
    }
}

/// Reads a client type as written on the command line: the slug (`know-it-all`) or the name
/// used in scenario files (`KnowItAll`).
pub fn parse_client_type(text: &str) -> Option<ClientType> {
    let wanted = text
        .trim()
        .to_ascii_lowercase()
        .replace(['-', '_', ' '], "");
    crate::authoring::starter::ALL_TYPES
        .into_iter()
        .find(|&kind| client_type_slug(kind).replace('-', "") == wanted)
}

/// The first sentence of a text, for one-line summaries.
pub fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    text.char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(text, |(i, c)| &text[..i + c.len_utf8()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_stops_at_the_first_full_stop_followed_by_space() {
        assert_eq!(
            first_sentence("A 2.5 kg parcel. Then more."),
            "A 2.5 kg parcel."
        );
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
    }

    #[test]
    fn client_types_read_from_slugs_and_file_names() {
        assert_eq!(
            parse_client_type("know-it-all"),
            Some(ClientType::KnowItAll)
        );
        assert_eq!(parse_client_type("KnowItAll"), Some(ClientType::KnowItAll));
        assert_eq!(parse_client_type("king"), Some(ClientType::King));
        assert_eq!(parse_client_type("angry"), None);
    }

    #[test]
    fn mood_words_cover_the_scale_and_clamp_beyond_it() {
        assert_eq!(mood(-3), "furious");
        assert_eq!(mood(0), "guarded");
        assert_eq!(mood(3), "warm");
        assert_eq!(mood(9), "warm");
    }
}
