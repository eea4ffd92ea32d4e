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
    outcome.is_good()
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

/// Reads a client type as written on the command line: the slug that `composure list` shows
/// (`know-it-all`), the name used in scenario files (`KnowItAll`) or with underscores. The
/// one parser of client types: `list`, `new` and `import` all use it. An unknown one is an
/// error naming the nearest type, or all of them.
pub fn parse_client_type(text: &str) -> Result<ClientType, String> {
    let wanted = text
        .trim()
        .to_ascii_lowercase()
        .replace(['-', '_', ' '], "");
    if let Some(kind) = ClientType::ALL
        .into_iter()
        .find(|&kind| client_type_slug(kind).replace('-', "") == wanted)
    {
        return Ok(kind);
    }
    let slugs: Vec<&str> = ClientType::ALL.into_iter().map(client_type_slug).collect();
    let shown = crate::scenario::sanitize::for_message(text.trim());
    Err(
        match crate::suggest::nearest(text.trim(), slugs.iter().copied()) {
            Some(near) => format!("unknown client type \"{shown}\"; did you mean \"{near}\"?"),
            None => format!(
                "unknown client type \"{shown}\"; the client types are: {}",
                slugs.join(", ")
            ),
        },
    )
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
        assert_eq!(parse_client_type("know-it-all"), Ok(ClientType::KnowItAll));
        assert_eq!(parse_client_type("KnowItAll"), Ok(ClientType::KnowItAll));
        assert_eq!(parse_client_type("king"), Ok(ClientType::King));
        assert_eq!(
            parse_client_type("client_with_problem"),
            Ok(ClientType::ClientWithProblem)
        );
        let error = parse_client_type("angry").unwrap_err();
        assert!(error.contains("\"angry\""), "{error}");
        assert!(error.contains("problem-client"), "{error}");
        let error = parse_client_type("know-it-al").unwrap_err();
        assert!(error.ends_with("did you mean \"know-it-all\"?"), "{error}");
        // Not RON: the text is never handed to a parser.
        assert!(parse_client_type("Rude)").is_err());
    }

    /// `ClientType::ALL` is written out by hand; the enum as scenario files read it (the
    /// variants serde knows) is the reference.
    #[test]
    fn every_client_type_is_in_the_list() {
        let Err(e) = ron::from_str::<ClientType>("NotAClientType") else {
            panic!("NotAClientType parsed");
        };
        let ron::Error::NoSuchEnumVariant { expected, .. } = e.code else {
            panic!("{e}");
        };
        let listed: Vec<ClientType> = expected
            .iter()
            .map(|name| ron::from_str::<ClientType>(name).unwrap())
            .collect();
        assert_eq!(listed, ClientType::ALL);
    }
}
