//! Language-neutral names of domain values: client types as written on the command line, and
//! which outcomes count as good. Words shown to people are per language, in `i18n`.

use crate::scenario::{ClientType, Outcome};

/// An outcome in English, for the trainer tools (`paths`, `graph`), which speak the
/// vocabulary of scenario files; what trainees read is per language, in `i18n`.
pub fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::WonOver => "Won over",
        Outcome::Resolved => "Resolved",
        Outcome::ProfessionalParting => "Professional parting",
        Outcome::EscalatedComplaint => "Escalated complaint",
        Outcome::LostClient => "Lost client",
    }
}

/// Whether an outcome counts as a good result for the colour it is shown in.
pub fn outcome_is_good(outcome: Outcome) -> bool {
    matches!(
        outcome,
        Outcome::WonOver | Outcome::Resolved | Outcome::ProfessionalParting
    )
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
}
