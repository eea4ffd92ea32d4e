//! Typed replies read as one of a decision's options. In typed mode the trainee writes what
//! they would say; the [`Matcher`] compares it with every option the author wrote (and the
//! option's alternative phrasings) and either reads it confidently as one option, which then
//! counts as chosen with that option's grading, or names the two or three nearest so the
//! trainee can say which they meant. It never guesses: when the nearest options score close
//! together, or none scores well, the verdict is [`Verdict::Ask`].
//!
//! How it compares (`docs/typed-replies.md` has the measured accuracy and the limits):
//! texts are normalised per language ([`normalize`]), turned into character 3–5-grams of
//! each word (which see through inflections and typos) and into stemmed content words, each
//! weighted by 1 + ln(count) times its IDF, and compared by cosine. The IDF comes from the
//! decision's own options, so what the options share counts less than what tells them
//! apart. Tone guards ([`tone`]) add notes about capitals, insults, "calm down" and blame,
//! which never change the reading.
//!
//! Pure and deterministic: no clock, no randomness, no terminal; the same options and reply
//! always give the same [`Reading`].

pub mod lint;
pub mod normalize;
pub mod tone;
pub mod vector;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::lang::Lang;
use crate::scenario::{Choice, Node, ValidScenario};
use normalize::{stem, words};
pub use tone::{ToneFlag, tone_flags};
use vector::{Feature, Sparse, hash};

/// One option as the matcher sees it: the choice's id, its text, and the phrasings its author
/// gave as meaning the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub id: String,
    pub text: String,
    pub phrasings: Vec<String>,
}

impl Candidate {
    pub fn of(choice: &Choice) -> Candidate {
        Candidate {
            id: choice.id.clone(),
            text: choice.text.clone(),
            phrasings: choice.phrasings.clone(),
        }
    }
}

/// What a reply was read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The reply says what this option (an index into the matcher's candidates) says.
    Confident { option: usize },
    /// Unclear: ask the trainee which of these options (two or three, nearest first) they
    /// meant, or to type again. Fewer only when the decision has fewer options.
    Ask { nearest: Vec<usize> },
}

/// The matcher's answer to one reply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub verdict: Verdict,
    /// Every option with its similarity to the reply (0 to 1), most similar first; ties in
    /// option order.
    pub ranked: Vec<(usize, f32)>,
    /// Tone notes on the reply, in [`ToneFlag::ALL`] order. When the reply is read
    /// confidently as an option that itself does the same (an option that asks the client to
    /// calm down), that flag is left out: the option's grading already speaks to it.
    pub tone: Vec<ToneFlag>,
}

impl Reading {
    /// The option read, when the reading is confident.
    pub fn confident(&self) -> Option<usize> {
        match self.verdict {
            Verdict::Confident { option } => Some(option),
            Verdict::Ask { .. } => None,
        }
    }

    /// The similarity of the best match (0 when there are no options).
    pub fn top_score(&self) -> f32 {
        self.ranked.first().map_or(0.0, |&(_, s)| s)
    }
}

/// The thresholds and weights of a matcher. [`Settings::default`] is what Composure uses,
/// tuned on the development split of `tests/typed-replies`; other values are for measuring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// The least similarity the best option needs to be read confidently.
    pub floor: f32,
    /// How far the best option must lead the runner-up to be read confidently, as a share
    /// of the best's similarity: with 0.25, a best of 0.40 needs the runner-up at 0.30 or
    /// less. Relative, because similarities of short replies are low all round.
    pub margin: f32,
    /// The most lead ever asked for: a reply that says an option word for word (1.0) is read
    /// as it even beside an option that says the same and one sentence more (0.75).
    pub margin_cap: f32,
    /// A third option is offered in a question when its similarity is within this share of
    /// the best's.
    pub third_within: f32,
    /// How much of the similarity comes from character n-grams; the rest from content words.
    pub char_share: f32,
    /// A reply with fewer content words than this ("hmm, right", "Well.") says too little
    /// to be read confidently, unless it is close to an option word for word: a few words
    /// shared by chance ("well" and "we'll") must not decide the grade.
    pub short_words: usize,
    /// The similarity a short reply needs to be read confidently.
    pub short_floor: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            floor: 0.12,
            margin: 0.25,
            margin_cap: 0.1,
            third_within: 0.5,
            char_share: 0.4,
            short_words: 3,
            short_floor: 0.6,
        }
    }
}

/// Feature kinds, hashed in with the feature so they never meet.
const WORD: u8 = 0;
/// Character n-grams of n = 3, 4 and 5 have kinds 3, 4 and 5.
const GRAMS: std::ops::RangeInclusive<usize> = 3..=5;

/// One text prepared for comparison.
#[derive(Debug, Clone)]
struct Prepared {
    grams: Sparse,
    words: Sparse,
}

/// The options of one decision, prepared for reading replies against them. Build one per
/// decision and read every reply there with it.
#[derive(Debug, Clone)]
pub struct Matcher {
    lang: Lang,
    settings: Settings,
    candidates: Vec<Candidate>,
    /// Per candidate, its text and then each phrasing.
    prepared: Vec<Vec<Prepared>>,
    /// Per candidate, the tone flags its own words raise.
    own_tone: Vec<Vec<ToneFlag>>,
    idf: HashMap<Feature, f32>,
    /// The weight of a feature no option has.
    unseen_idf: f32,
}

/// A text's raw feature counts: character n-grams and content words.
struct Counts {
    grams: HashMap<Feature, f32>,
    words: HashMap<Feature, f32>,
}

fn counts(lang: Lang, text: &str) -> Counts {
    let mut grams = HashMap::new();
    let mut content = HashMap::new();
    for word in words(text) {
        let padded: Vec<char> = std::iter::once(' ')
            .chain(word.chars())
            .chain(std::iter::once(' '))
            .collect();
        for n in GRAMS {
            for window in padded.windows(n) {
                let gram: String = window.iter().collect();
                // `n` is at most 5, so it fits a u8.
                *grams.entry(hash(n as u8, &gram)).or_insert(0.0) += 1.0;
            }
        }
        if !is_stopword(lang, &word) {
            *content.entry(hash(WORD, &stem(lang, &word))).or_insert(0.0) += 1.0;
        }
    }
    Counts {
        grams,
        words: content,
    }
}

impl Matcher {
    /// A matcher for a decision offering `options` in `lang`.
    pub fn new(lang: Lang, options: &[Candidate]) -> Matcher {
        Matcher::with_settings(lang, options, Settings::default())
    }

    /// As [`Matcher::new`], with other thresholds and weights (for measuring them).
    pub fn with_settings(lang: Lang, options: &[Candidate], settings: Settings) -> Matcher {
        let raw: Vec<Vec<Counts>> = options
            .iter()
            .map(|c| {
                std::iter::once(&c.text)
                    .chain(&c.phrasings)
                    .map(|t| counts(lang, t))
                    .collect()
            })
            .collect();
        // Document frequency over options: an option counts once for a feature, however
        // many of its phrasings have it.
        let mut df: HashMap<Feature, f32> = HashMap::new();
        for texts in &raw {
            let mut seen = HashSet::new();
            for c in texts {
                seen.extend(c.grams.keys().chain(c.words.keys()).copied());
            }
            for f in seen {
                *df.entry(f).or_insert(0.0) += 1.0;
            }
        }
        let n = options.len() as f32;
        let idf_of = |df: f32| ((n + 1.0) / (df + 1.0)).ln() + 1.0;
        let idf: HashMap<Feature, f32> = df.into_iter().map(|(f, d)| (f, idf_of(d))).collect();
        let unseen_idf = idf_of(0.0);
        let weight = |f: Feature| idf.get(&f).copied().unwrap_or(unseen_idf);
        let prepared = raw
            .iter()
            .map(|texts| {
                texts
                    .iter()
                    .map(|c| Prepared {
                        grams: Sparse::weighted(&c.grams, weight),
                        words: Sparse::weighted(&c.words, weight),
                    })
                    .collect()
            })
            .collect();
        let own_tone = options
            .iter()
            .map(|c| {
                let mut flags: Vec<ToneFlag> = std::iter::once(&c.text)
                    .chain(&c.phrasings)
                    .flat_map(|t| tone_flags(lang, t))
                    .collect();
                flags.sort_unstable();
                flags.dedup();
                flags
            })
            .collect();
        Matcher {
            lang,
            settings,
            candidates: options.to_vec(),
            prepared,
            own_tone,
            idf,
            unseen_idf,
        }
    }

    /// A matcher for the decision `node_id` of `scenario`, in the scenario's language;
    /// `None` when there is no decision of that id.
    pub fn for_node(scenario: &ValidScenario, node_id: &str) -> Option<Matcher> {
        match scenario.node(node_id)? {
            Node::Decision { choices, .. } => {
                let lang = Lang::parse(&scenario.scenario().language).unwrap_or_default();
                let options: Vec<Candidate> = choices.iter().map(Candidate::of).collect();
                Some(Matcher::new(lang, &options))
            }
            _ => None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The options, in the order given: a verdict's indices point into this.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// Reads a typed reply.
    pub fn read(&self, reply: &str) -> Reading {
        let c = counts(self.lang, reply);
        let ranked = self.similarities(&c);
        let mut verdict = verdict(&ranked, &self.settings);
        if let Verdict::Confident { .. } = verdict
            && let [(_, top), _, ..] = ranked.as_slice()
            && c.words.len() < self.settings.short_words
            && *top < self.settings.short_floor
        {
            verdict = ask(&ranked, &self.settings);
        }
        let mut tone = tone_flags(self.lang, reply);
        if let Verdict::Confident { option } = verdict
            && let Some(own) = self.own_tone.get(option)
        {
            tone.retain(|f| !own.contains(f));
        }
        Reading {
            verdict,
            ranked,
            tone,
        }
    }

    /// Every option's similarity to `reply`, most similar first.
    fn similarities(&self, c: &Counts) -> Vec<(usize, f32)> {
        let weight = |f: Feature| self.idf.get(&f).copied().unwrap_or(self.unseen_idf);
        let grams = Sparse::weighted(&c.grams, weight);
        let content = Sparse::weighted(&c.words, weight);
        let mut ranked: Vec<(usize, f32)> = self
            .prepared
            .iter()
            .enumerate()
            .map(|(i, texts)| {
                let best = texts
                    .iter()
                    .map(|p| similarity(&grams, &content, p, self.settings.char_share))
                    .fold(0.0f32, f32::max);
                (i, best)
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }
}

/// How alike a reply (its n-gram and word vectors) and one option text are.
fn similarity(grams: &Sparse, content: &Sparse, text: &Prepared, char_share: f32) -> f32 {
    let by_grams = grams.cosine(&text.grams);
    // A reply or option of stopwords only has no content words: the n-grams alone decide.
    if content.is_empty() || text.words.is_empty() {
        return by_grams;
    }
    char_share * by_grams + (1.0 - char_share) * content.cosine(&text.words)
}

/// Confident when the best clears the floor and leads by the margin; a decision with a
/// single option can only mean that option.
fn verdict(ranked: &[(usize, f32)], settings: &Settings) -> Verdict {
    match ranked {
        [] => Verdict::Ask {
            nearest: Vec::new(),
        },
        [(only, _)] => Verdict::Confident { option: *only },
        [(best, top), (_, next), ..] => {
            let lead = (settings.margin * top).min(settings.margin_cap);
            if *top >= settings.floor && top - next >= lead {
                Verdict::Confident { option: *best }
            } else {
                ask(ranked, settings)
            }
        }
    }
}

/// The question: the two nearest options, and a third when it is nearly as near.
fn ask(ranked: &[(usize, f32)], settings: &Settings) -> Verdict {
    let mut nearest: Vec<usize> = ranked.iter().take(2).map(|(i, _)| *i).collect();
    if let [(_, top), _, (third, s), ..] = ranked
        && top - s <= settings.third_within * top
    {
        nearest.push(*third);
    }
    Verdict::Ask { nearest }
}

/// Words too common to say anything about which option a reply means.
fn is_stopword(lang: Lang, word: &str) -> bool {
    let list: &[&str] = match lang {
        Lang::En => &[
            "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with",
            "is", "are", "was", "be", "it", "its", "this", "that", "i", "im", "ill", "ive", "id",
            "me", "my", "you", "your", "youre", "we", "our", "us", "so", "if", "as", "by", "from",
            "will", "would", "can", "could", "do", "have", "has", "there", "here", "just", "then",
            "than", "all", "up", "out", "about", "what", "sir", "madam",
        ],
        Lang::Nb => &[
            "og", "eller", "men", "å", "av", "i", "på", "til", "for", "med", "er", "var", "det",
            "den", "de", "dette", "en", "et", "ei", "jeg", "meg", "min", "mitt", "mine", "du",
            "deg", "din", "ditt", "dine", "vi", "oss", "vår", "vårt", "våre", "dere", "som", "så",
            "om", "at", "har", "kan", "vil", "skal", "her", "der", "bare", "da", "fra",
        ],
        Lang::Ru => &[
            "и",
            "а",
            "но",
            "или",
            "в",
            "во",
            "на",
            "к",
            "ко",
            "с",
            "со",
            "у",
            "о",
            "об",
            "по",
            "за",
            "из",
            "от",
            "до",
            "для",
            "это",
            "этот",
            "эта",
            "то",
            "я",
            "меня",
            "мне",
            "мы",
            "нас",
            "нам",
            "вы",
            "вас",
            "вам",
            "ваш",
            "ваша",
            "ваше",
            "ваши",
            "он",
            "она",
            "они",
            "так",
            "же",
            "ли",
            "бы",
            "как",
            "что",
            "чтобы",
            "вот",
            "уже",
            "там",
            "тут",
            "да",
        ],
    };
    list.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(id: &str, text: &str) -> Candidate {
        Candidate {
            id: id.to_owned(),
            text: text.to_owned(),
            phrasings: Vec::new(),
        }
    }

    fn washer() -> Matcher {
        Matcher::new(
            Lang::En,
            &[
                option(
                    "open-tone",
                    "I’m happy to help you, sir, but I’ll need you to lower your voice first. Nobody here deserves to be shouted at.",
                ),
                option(
                    "open-acknowledge",
                    "Water all over the kitchen twice in a week, I’d be furious too. Let me pull up your repair right now.",
                ),
                option(
                    "open-cold",
                    "Right. Ticket number, and I’ll get it looked at straight away.",
                ),
                option(
                    "open-blame-self",
                    "I’m so sorry, Mr Marsh. That’s completely on us, we obviously made a mess of the repair. We’ll make it right, whatever it costs.",
                ),
            ],
        )
    }

    #[test]
    fn a_reply_in_an_options_own_words_is_read_as_it() {
        let m = washer();
        let reading = m.read("Ticket number? I'll get someone to look at it straight away.");
        assert_eq!(reading.confident(), Some(2), "{reading:?}");
        let reading = m.read("Sorry, Mr Marsh, that's completely our fault, we made a mess of it and we'll fix it whatever it costs");
        assert_eq!(reading.confident(), Some(3), "{reading:?}");
    }

    #[test]
    fn a_reply_like_no_option_leads_to_a_question_of_two_or_three() {
        let m = washer();
        let reading = m.read("Hmm.");
        match &reading.verdict {
            Verdict::Ask { nearest } => assert!((2..=3).contains(&nearest.len()), "{reading:?}"),
            other => panic!("read confidently: {other:?}"),
        }
        assert_eq!(reading.ranked.len(), 4);
    }

    #[test]
    fn readings_are_the_same_every_time() {
        let reply = "I understand, a flooded kitchen is awful. Let me look up the repair.";
        assert_eq!(washer().read(reply), washer().read(reply));
    }

    #[test]
    fn tone_an_option_shares_is_left_to_its_grading() {
        let m = washer();
        let reading = m.read("I'll help you, sir, but I need you to lower your voice first, nobody deserves to be shouted at.");
        assert_eq!(reading.confident(), Some(0), "{reading:?}");
        assert!(reading.tone.is_empty(), "{reading:?}");
        let reading = m.read("LOWER YOUR VOICE, you idiot");
        assert!(reading.tone.contains(&ToneFlag::Shouting), "{reading:?}");
        assert!(reading.tone.contains(&ToneFlag::Insult), "{reading:?}");
    }

    #[test]
    fn phrasings_count_as_the_option() {
        let mut options = vec![
            option("a", "Let me check the warranty on your repair."),
            option("b", "I can offer you a refund today."),
        ];
        let plain = Matcher::new(Lang::En, &options).read("Is it still covered?");
        options[0].phrasings.push("Is it still covered?".to_owned());
        let with = Matcher::new(Lang::En, &options).read("Is it still covered?");
        assert_eq!(with.confident(), Some(0), "{with:?}");
        assert!(with.top_score() > plain.top_score());
    }

    #[test]
    fn russian_replies_match_across_inflection_and_yo() {
        let m = Matcher::new(
            Lang::Ru,
            &[
                option("refund", "Я оформлю вам возврат денег сегодня же."),
                option("master", "Давайте я вызову мастера ещё раз, бесплатно."),
            ],
        );
        let reading = m.read("вызовем мастера еще раз бесплатно");
        assert_eq!(reading.confident(), Some(1), "{reading:?}");
    }

    #[test]
    fn one_option_is_the_only_reading_and_none_asks_nothing() {
        let m = Matcher::new(Lang::Nb, &[option("only", "Takk for tålmodigheten.")]);
        assert_eq!(m.read("hva som helst").confident(), Some(0));
        let empty = Matcher::new(Lang::Nb, &[]).read("hei");
        assert_eq!(
            empty.verdict,
            Verdict::Ask {
                nearest: Vec::new()
            }
        );
    }
}
