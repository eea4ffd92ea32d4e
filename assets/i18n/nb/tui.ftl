# Skjermbildene i treneren: titler, overskrifter, meldinger, tastelinjen og hjelpen.

## Startsiden.
home-title = Composure · velg en kunde å øve med
home-empty = Ingen scenarioer å spille. Legg til en mappe med scenariofiler med --scenarios MAPPE.
home-all-types = alle kunder
home-all-languages = alle språk
home-my-language = ditt språk, { $language }
home-only-language = bare { $language }
home-filters = viser: { $types } · { $languages }
home-nothing-matches = Ingen scenarioer passer til filtrene. Trykk t eller l for å endre dem.
home-in-english = på engelsk
fallback-notice = Dette scenarioet finnes ikke på { $language } ennå; det vises på engelsk.

## Orientering.
briefing-title = Orientering · { $title }
briefing-situation = Situasjonen
briefing-known = Det du vet
briefing-goal = Målet ditt
briefing-begin = Trykk Enter for å starte samtalen.

## Samtalen.
conversation = Samtale
what-happened = Hva som skjedde
press-continue = Enter for å fortsette
more-above = ↑ mer
more-below = ↓ mer
the-end = Slutt
conversation-over = Samtalen er over. Trykk Enter for gjennomgangen.
your-answer = Svaret ditt
silence-waits = { $client } venter på et svar som ikke kommer.
leave-title = Gå ut?
leave-question = Forlate samtalen? Den blir ikke lagret.
quit-question = Avslutte Composure? Samtalen blir ikke lagret.
yes = ja
no-keep-going = nei, fortsett

## Gjennomgangen.
debrief-title = Gjennomgang · { $title }
debrief-score-pieces = håndtering { $handling } · dette utfallet gir høyst { $ending_cap } · alvorlige feil gir høyst { $serious_cap }
debrief-turned-here = Der samtalen snudde
debrief-serious-mistake = En alvorlig feil: den brøt «{ $rule }», og poengene blir høyst { $cap } uansett hvor godt resten gikk.
# Predikative adjektiv bøyes ikke etter kjønn, men pronomenet gjør det.
debrief-diagnosis = Diagnose: { $client } så ut til å være { $apparent }, men { $gender ->
    [feminine] hun
    [masculine] han
   *[other] kunden
} var { $real }.
debrief-rules = Regler
debrief-decision-by-decision = Valg for valg

## Overalt.
too-small = Terminalen er for liten: { $w }×{ $h }. Composure trenger minst { $min_w }×{ $min_h }. Gjør vinduet større, eller trykk q for å avslutte.
cannot-load-title = Kan ikke lastes
cannot-load = Scenariofilen kan ikke lastes. Rett den og lagre: den lastes inn på nytt av seg selv.
reloaded = lastet { $file } på nytt
reloaded-lost = lastet { $file } på nytt: «{ $node }» finnes ikke lenger, så du står så langt valgene dine fortsatt fører
reloaded-restart = lastet { $file } på nytt: endringen passer ikke lenger med svarene du ga, så samtalen begynner på nytt
reloaded-failed = lastet { $file } på nytt, men samtalen kunne ikke fortsette: { $error }
saved = Lagret: { $title } (økt { $id }).
not-saved = IKKE LAGRET: { $title }: { $error }
no-suspend = Ctrl-Z: ikke satt på pause, for Composure ble ikke startet fra et skall med jobbkontroll som det kan gå tilbake til

## Hjelp.
help-title = Hjelp
help-about = Hvert valg vurderes mot regelboken (composure rules). Poengsummen veier hvert valg etter hva som stod på spill; hvordan samtalen endte, og alvorlige feil, setter et tak. Gjennomgangen viser hver del, det beste alternativet og hvorfor.
help-move-list = flytt i listen
help-open-numbered = åpne et scenario etter nummeret
help-open = åpne det markerte scenarioet
help-ends = gå til toppen eller bunnen
help-filter-type = vis én kundetype, så den neste
help-filter-language = vis ett språk, så det neste
help-begin = start samtalen
help-scroll = rull
help-page = rull en side
help-back = gå tilbake
help-choose = svar med et alternativ etter nummeret, når det vises
help-select = flytt mellom alternativene; Enter svarer med det markerte
help-history = bla tilbake i samtalen
help-continue = fortsett
help-scroll-happened = rull i det som skjedde
help-debrief = åpne gjennomgangen
help-leave = gå ut av samtalen (spør først)
help-again = spill scenarioet igjen
help-home = tilbake til listen
help-close-help = lukk hjelpen
help-help = vis eller skjul denne hjelpen
help-quit = avslutt (spør først under en samtale)
help-yes-leave = ja, gå ut
help-no-stay = nei, fortsett samtalen
help-interrupt = avslutt med en gang
help-suspend = sett på pause; fg i skallet henter det tilbake
help-drill-begin = begynn med den første orienteringen
help-drill-review = åpne gjennomgangen av det markerte scenarioet
help-review-numbered = åpne en gjennomgang etter nummeret
help-next = videre til neste scenario
help-back-summary = tilbake til oppsummeringen
help-back-history = tilbake til historikken
help-transcript = åpne samtalen fra den markerte økten

## Tastelinjen.
legend-move = flytt
legend-open = åpne
legend-help = hjelp
legend-quit = avslutt
legend-begin = start
legend-scroll = rull
legend-back = tilbake
legend-continue = fortsett
legend-history = historikk
legend-leave = gå ut
legend-debrief = gjennomgang
legend-choose = velg
legend-select = marker
legend-again = igjen
legend-home = liste
legend-stay = bli
legend-close-help = lukk hjelp
legend-filter-type = kunde
legend-filter-language = språk
legend-transcript = samtalen

## Øvelser på tid.
drill-title = Øvelse · { $name }
drill-intro-trainee = Deltaker: { $trainee }
drill-coaching-now = Veiledningen kommer etter hvert svar.
drill-coaching-end = Veiledningen venter til oppsummeringen på slutten.
drill-intro-begin = Trykk { $key } for å begynne med den første orienteringen.
drill-progress = { $name } · { $n } av { $total }
drill-seconds = { $s } s
drill-per-answer = { $s } s per svar
drill-time-ran-out = Tiden gikk ut: { $client } venter på svar, og stillheten koster deg.
drill-summary-title = Øvelsen er ferdig · { $name }
drill-summary-head = Deltaker { $trainee }   Samlet poeng { $score }
drill-no-score = ingen scenarioer fullført
drill-column-scenario = Scenario
drill-column-score = Poeng
drill-column-ending = Utfall
drill-column-silent = Stillhet
drill-column-average = Snitt
drill-column-saved = Lagret
drill-saving = lagrer…
drill-saved-row = ✓ #{ $id }
drill-not-saved-row = ✗ ikke lagret
decimal-separator = ,

## Historikk.
history-title = Historikk
history-empty = Ingen resultater for { $trainee } ennå. Spill med --trainee, eller kjør en øvelse.
history-scores = Poeng over tid · { $trainee }
history-rules = Fulgte regler
history-recent = Siste økter
history-practice = fri øving
history-unreadable = Samtalen fra denne økten kan ikke leses.
history-pieces = håndtering { $handling } · slutt { $rating } (høyst { $cap }) · { $serious ->
    [0] ingen alvorlige feil
    [one] { $serious } alvorlig feil
   *[other] { $serious } alvorlige feil
}
history-older = * vurdert etter en eldre modell
history-not-regraded = Resultater vurdert etter en eldre modell kunne ikke vurderes på nytt: datamappen kan ikke skrives til.
