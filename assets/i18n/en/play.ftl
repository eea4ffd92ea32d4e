# The words of play: how a conversation can end and how well, the kinds of client, how hard a
# scenario is and how a choice stands against a rule. Used by the screens and the CLI alike.

# This language, as it names itself, and other locale codes that get it (none).
-language-name = English

## How a conversation ended.
outcome-won-over = Won over: a loyal client
outcome-resolved = Resolved
outcome-professional-parting = Professional parting
outcome-escalated-complaint = Escalated complaint
outcome-lost-client = Lost client

## An ending's rating, best to worst.
rating-excellent = excellent
rating-good = good
rating-poor = poor
rating-fail = a failure

## The kinds of client.
client-type-rude = Rude, shouting
client-type-indecisive = Indecisive
client-type-king = The "king"
client-type-know-it-all = Know-it-all
client-type-modest-demands = "Modest demands"
client-type-public-complainer = Public complainer
client-type-client-with-problem = Client with a problem
client-type-mismatched-expectations = Mismatched expectations
client-type-problem-client = Problem client

## How hard a scenario is, by the decisions on its best path.
difficulty-easy = easy
difficulty-medium = medium
difficulty-hard = hard

## A choice against a rule: "✓ follows Acknowledge (minor)".
verdict-follows = follows
verdict-breaks = breaks
weight-minor = minor
weight-serious = serious

## The transcript: who speaks, and what stands for an answer never given.
you = You
best-here = Best here
why = Why
ending = Ending
score = Score
silence = silence: the time ran out
# $s: the seconds allowed.
silence-within = silence: no answer within { $s } s

## `composure rules`: the rulebook printed.
rulebook-intro = Composure's rulebook, distilled from guidance articles on working with difficult clients. The articles are not shipped with Composure; each rule names the ones it comes from by number.
rulebook-means = What it means
rulebook-breaks = What breaks it
rulebook-sources = Sources
rulebook-debrief-prompt = a question to reflect on in the debrief; choices are not graded on it
# $n: the article's number; $language: the language it is written in, a word below.
rulebook-article = guidance article { $n } ({ $language })
rulebook-article-translated = guidance article { $n } ({ $language }, machine-translated)

## The languages, named in running text: a rule's sources, the home screen's filter.
language-en = English
language-nb = Norwegian
language-ru = Russian

# $text: words quoted in running text, such as a kind of client.
quoted = “{ $text }”
