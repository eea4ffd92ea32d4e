# Setninger med et antall: hvert antall velger sin flertallsform.

debrief-hesitations = Tiden gikk ut { $n ->
    [one] én gang
   *[other] { $n } ganger
}. Hver gang teller som et valg med 0 poeng.
home-skipped = { $n ->
    [one] { $n } scenariofil kunne ikke lastes
   *[other] { $n } scenariofiler kunne ikke lastes
}. `composure check` på mappen viser hvorfor.
home-length = { $n } valg
drill-intro-plan = { $n ->
    [one] { $n } scenario
   *[other] { $n } scenarioer
}, med { $s ->
    [one] { $s } sekund
   *[other] { $s } sekunder
} på hvert svar. Går tiden ut, regnes det som nøling: det teller som et valg med 0 poeng, og kunden merker stillheten.
drill-summary-counts = Scenarioer fullført: { $played } av { $planned } · { $silences ->
    [0] tiden gikk aldri ut
    [one] tiden gikk ut én gang
   *[other] tiden gikk ut { $silences } ganger
}
