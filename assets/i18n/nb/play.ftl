# Ordene i spillet: hvordan en samtale kan ende og hvor godt, kundetypene, hvor vanskelig et
# scenario er og hvordan et valg står seg mot en regel.

# Språket, slik det kaller seg selv, og andre lokalkoder som får det: norsk uten variant og nynorsk.
-language-name = norsk (bokmål)
-language-aliases = no nn

## Hvordan samtalen endte.
outcome-won-over = Vunnet over: en lojal kunde
outcome-resolved = Løst
outcome-professional-parting = Profesjonell avslutning
outcome-escalated-complaint = Eskalert klage
outcome-lost-client = Tapt kunde

## Utfallets vurdering, fra best til dårligst.
rating-excellent = utmerket
rating-good = godt
rating-poor = svakt
rating-fail = mislykket

## Kundetypene.
client-type-rude = Frekk, roper
client-type-indecisive = Ubesluttsom
client-type-king = «Kongen»
client-type-know-it-all = Bedreviteren
client-type-modest-demands = «Beskjedne krav»
client-type-public-complainer = Offentlig klager
client-type-client-with-problem = Kunde med et problem
client-type-mismatched-expectations = Feil forventninger
client-type-problem-client = Problemkunde

## Vanskelighetsgrad.
difficulty-easy = lett
difficulty-medium = middels
difficulty-hard = vanskelig

## Et valg mot en regel.
verdict-follows = følger
verdict-breaks = bryter
weight-minor = mindre
weight-serious = alvorlig

## Samtaleutskriften.
you = Du
best-here = Best her
why = Hvorfor
ending = Utfall
score = Poeng
silence = stillhet: tiden gikk ut
silence-within = stillhet: ikke noe svar innen { $s } s

## `composure rules`.
rulebook-intro = Composures regelbok, utledet av veiledningsartikler om å jobbe med vanskelige kunder. Artiklene følger ikke med Composure; hver regel viser med nummer til artiklene den bygger på.
rulebook-means = Hva den betyr
rulebook-breaks = Hva som bryter den
rulebook-sources = Kilder
rulebook-debrief-prompt = et spørsmål til ettertanke i gjennomgangen; valgene vurderes ikke etter det
rulebook-article = veiledningsartikkel { $n } ({ $language })
rulebook-article-translated = veiledningsartikkel { $n } ({ $language }, maskinoversatt)

## Språkene, slik de nevnes i løpende tekst: kildene til en regel, filteret på startsiden.
language-en = engelsk
language-nb = norsk
language-ru = russisk

quoted = «{ $text }»
