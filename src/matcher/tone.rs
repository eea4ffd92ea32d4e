//! Tone guards: what a typed reply does that its words' meaning may not show and the
//! scenario's options may not cover. The rulebook warns against answering rudeness with
//! rudeness, putting oneself above the client ("calm down"), and blaming the client; typed,
//! those come as capitals, insults and set phrases. A flag is a note to the trainee, never a
//! grade: the grade stays the one of the option the reply was read as.

use serde::Serialize;

use super::normalize::words;
use crate::lang::Lang;

/// Something in a typed reply's tone worth a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ToneFlag {
    /// Written in capitals: read as shouting.
    Shouting,
    /// Calls the client names or tells them to shut up.
    Insult,
    /// Tells the client to calm down or lower their voice, which puts the speaker above them.
    CalmDown,
    /// Puts the fault on the client ("that's your own fault").
    Blame,
}

impl ToneFlag {
    pub const ALL: [ToneFlag; 4] = [
        ToneFlag::Shouting,
        ToneFlag::Insult,
        ToneFlag::CalmDown,
        ToneFlag::Blame,
    ];

    /// The Fluent message (in `assets/i18n/*/matcher.ftl`) that explains the flag to a
    /// trainee.
    pub fn message_id(self) -> &'static str {
        match self {
            ToneFlag::Shouting => "matcher-tone-shouting",
            ToneFlag::Insult => "matcher-tone-insult",
            ToneFlag::CalmDown => "matcher-tone-calm-down",
            ToneFlag::Blame => "matcher-tone-blame",
        }
    }

    /// A stable name for scripts (`composure match --format json`).
    pub fn code(self) -> &'static str {
        match self {
            ToneFlag::Shouting => "shouting",
            ToneFlag::Insult => "insult",
            ToneFlag::CalmDown => "calm-down",
            ToneFlag::Blame => "blame",
        }
    }
}

/// Every flag `text` raises in `lang`, in [`ToneFlag::ALL`] order.
pub fn tone_flags(lang: Lang, text: &str) -> Vec<ToneFlag> {
    let mut flags = Vec::new();
    if shouts(text) {
        flags.push(ToneFlag::Shouting);
    }
    let said = words(text);
    let phrases = phrases(lang);
    for (flag, list) in [
        (ToneFlag::Insult, phrases.insult),
        (ToneFlag::CalmDown, phrases.calm_down),
        (ToneFlag::Blame, phrases.blame),
    ] {
        if list.iter().any(|p| contains_phrase(&said, p)) {
            flags.push(flag);
        }
    }
    flags
}

/// Capitals: at least two words of two or more letters written all in capitals, making at
/// least half of such words. One capitalised word ("I need the ID", "OK") is not shouting.
fn shouts(text: &str) -> bool {
    let mut long = 0usize;
    let mut upper = 0usize;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let letters = word.chars().count();
        if letters < 2 {
            continue;
        }
        long += 1;
        if word.chars().all(char::is_uppercase) {
            upper += 1;
        }
    }
    upper >= 2 && upper * 2 >= long
}

/// Whether the phrase `pattern` (words separated by spaces; a word ending in `*` matches any
/// word it begins) occurs in `said`, word for word.
fn contains_phrase(said: &[String], pattern: &str) -> bool {
    let want: Vec<&str> = pattern.split(' ').collect();
    if want.is_empty() || said.len() < want.len() {
        return false;
    }
    said.windows(want.len()).any(|window| {
        window
            .iter()
            .zip(&want)
            .all(|(word, w)| match w.strip_suffix('*') {
                Some(prefix) => word.starts_with(prefix),
                None => word == w,
            })
    })
}

struct Phrases {
    insult: &'static [&'static str],
    calm_down: &'static [&'static str],
    blame: &'static [&'static str],
}

fn phrases(lang: Lang) -> Phrases {
    match lang {
        Lang::En => Phrases {
            insult: &[
                "idiot*",
                "stupid",
                "moron*",
                "shut up",
                "pathetic",
                "dumb",
                "loser*",
                "jerk*",
                "clown*",
                "fool",
                "fools",
                "get lost",
                "piss off",
                "bugger off",
                "sod off",
                "cretin*",
                "imbecile*",
                "twat*",
                "prat",
                "muppet*",
                "numpty",
            ],
            calm_down: &[
                "calm down",
                "calm yourself",
                "relax",
                "chill",
                "settle down",
                "lower your voice",
                "keep your voice down",
                "stop shouting",
                "stop yelling",
                "stop screaming",
                "no need to shout",
                "no need to yell",
                "dont shout",
                "dont yell",
                "take a deep breath",
                "calm it",
            ],
            blame: &[
                "your fault",
                "your own fault",
                "you caused",
                "you broke",
                "you should have known",
                "your problem",
                "not our fault",
                "your own problem",
            ],
        },
        Lang::Nb => Phrases {
            insult: &[
                "idiot*",
                "dust*",
                "dum",
                "dumme",
                "teit*",
                "hold kjeft",
                "drittsekk*",
                "tosk*",
                "fjols*",
                "kødd*",
                "taper*",
                "klovn*",
                "patetisk*",
                "forsvinn",
                "stikk av",
            ],
            calm_down: &[
                "ro deg ned",
                "roe deg ned",
                "ro dere ned",
                "roe dere ned",
                "slapp av",
                "senk stemmen",
                "ikke rop",
                "slutt å rope",
                "ikke kjeft",
                "ta det med ro",
                "pust rolig",
                "ta et dypt pust",
            ],
            blame: &[
                "din egen feil",
                "din feil",
                "deres egen feil",
                "deres feil",
                "ditt problem",
                "ditt eget problem",
                "ikke vår feil",
                "du ødela",
            ],
        },
        Lang::Ru => Phrases {
            insult: &[
                "идиот*",
                "дурак*",
                "дура",
                "дуры",
                "тупой",
                "тупая",
                "тупиц*",
                "заткнит*",
                "заткнис*",
                "кретин*",
                "придур*",
                "дебил*",
                "урод*",
                "хам",
                "хамк*",
                "отвали*",
                "проваливай*",
                "жалк*",
                "клоун*",
                "болван*",
                "убирайтесь",
            ],
            calm_down: &[
                "успокойтесь",
                "успокойся",
                "успокоитесь",
                "не кричите",
                "не кричи",
                "потише",
                "не повышайте голос*",
                "не повышай голос*",
                "расслабьтесь",
                "расслабься",
                "выдохните",
                "сбавьте тон",
                "держите себя в руках",
                "прекратите кричать",
            ],
            blame: &[
                "сами виноваты",
                "сам виноват",
                "сама виновата",
                "ваша вина",
                "по вашей вине",
                "ваша проблема",
                "ваши проблемы",
                "не наша вина",
                "вы сами сломали",
            ],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_shouting_but_one_acronym_is_not() {
        assert_eq!(
            tone_flags(Lang::En, "I SAID WE WILL FIX IT"),
            [ToneFlag::Shouting]
        );
        assert!(tone_flags(Lang::En, "Can I see the ID on your receipt, OK?").is_empty());
        assert_eq!(tone_flags(Lang::Ru, "ЧТО ВЫ ХОТИТЕ"), [ToneFlag::Shouting]);
    }

    #[test]
    fn set_phrases_are_found_in_each_language() {
        assert_eq!(
            tone_flags(Lang::En, "Calm down, sir, and don’t shout."),
            [ToneFlag::CalmDown]
        );
        assert_eq!(
            tone_flags(Lang::En, "Are you an idiot?"),
            [ToneFlag::Insult]
        );
        assert_eq!(
            tone_flags(Lang::Nb, "Ro deg ned, det er din egen feil."),
            [ToneFlag::CalmDown, ToneFlag::Blame]
        );
        assert_eq!(
            tone_flags(Lang::Ru, "Успокойтесь! Вы сами виноваты, идиотка."),
            [ToneFlag::Insult, ToneFlag::CalmDown, ToneFlag::Blame]
        );
    }

    #[test]
    fn plain_replies_raise_nothing() {
        assert!(tone_flags(Lang::En, "I understand, let me look at your repair now.").is_empty());
        assert!(tone_flags(Lang::Nb, "Jeg forstår, la meg se på saken din.").is_empty());
        assert!(tone_flags(Lang::Ru, "Понимаю вас, давайте посмотрим заказ.").is_empty());
    }
}
