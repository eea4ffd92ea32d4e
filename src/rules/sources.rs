//! The guidance articles the rulebook was distilled from. A rule's `sources` name them by
//! the file names they had in the project's research notes; the articles themselves are not
//! shipped with Composure and are not in its repository, so what a reader is told is which
//! article (by number) and in what language it was written.

use crate::lang::Lang;

/// One guidance article on working with difficult clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    /// As `sources` in `assets/rules.ron` writes it.
    pub file: &'static str,
    /// The article's number, as cited to a reader ("003").
    pub number: &'static str,
    /// The language the article is written in.
    pub language: Lang,
    /// Whether the text is a machine translation of an article first written in another
    /// language.
    pub machine_translated: bool,
}

/// The five articles: two pairs of the same article in two languages (000 and 001, 002 and
/// 003) and one on its own (004).
pub const ARTICLES: [Article; 5] = [
    Article {
        file: "000_370f7c03f3899bed.txt",
        number: "000",
        language: Lang::En,
        machine_translated: true,
    },
    Article {
        file: "001_5664774202293671.txt",
        number: "001",
        language: Lang::Nb,
        machine_translated: false,
    },
    Article {
        file: "002_59bbcab85b14a8e3.txt",
        number: "002",
        language: Lang::En,
        machine_translated: true,
    },
    Article {
        file: "003_d88dc49c5b3de80a.txt",
        number: "003",
        language: Lang::Ru,
        machine_translated: false,
    },
    Article {
        file: "004_b7a120b9aef97dfb.txt",
        number: "004",
        language: Lang::En,
        machine_translated: false,
    },
];

/// The article a rule's `sources` entry names, if it is one of the five.
pub fn article(source: &str) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.file == source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rulebook;

    #[test]
    fn every_source_the_rulebook_cites_is_a_known_article() {
        for rule in Rulebook::embedded().unwrap().rules {
            assert!(!rule.sources.is_empty(), "{}", rule.id);
            for source in &rule.sources {
                assert!(article(source).is_some(), "{}: {source}", rule.id);
            }
        }
    }

    #[test]
    fn an_article_is_numbered_by_its_file_name() {
        for a in ARTICLES {
            assert!(a.file.starts_with(a.number), "{}", a.file);
        }
        assert_eq!(
            article("003_d88dc49c5b3de80a.txt").unwrap().language,
            Lang::Ru
        );
        assert_eq!(article("shared/seeds/003.txt"), None);
    }
}
