# Lederens rapport og merknadene rundt den.

report-trainee = { $trainee }: { $sessions ->
    [one] { $sessions } økt
   *[other] { $sessions } økter
}, snitt { $mean }, best { $best }, { $silences ->
    [one] { $silences } stillhet
   *[other] { $silences } stillheter
} i { $decisions } valg
report-kept-old-grade = merk: { $n ->
    [one] { $n } resultat beholder poengsummen en eldre vurderingsmodell ga det: scenarioet
   *[other] { $n } resultater beholder poengsummen en eldre vurderingsmodell ga dem: scenarioet
} finnes ikke lenger i biblioteket eller er endret (legg til mappen med --scenarios for å vurdere på nytt)

report-title = Composure-rapport: { $scope }
report-sessions-title = Composure-økter: { $scope }
report-scope-all = alle resultater
report-scope-drill = øvelse { $drill }
report-scope-trainee = deltaker { $trainee }
report-scope-since = fra { $time }
report-zone = Tidene er i { $zone }.
report-zone-utc = Tidene er i UTC: { $why }.
report-zone-bad-tz = TZ={ $tz } er ikke en tidssone Composure kan lese ({ $detail })
report-zone-none = fant ingen lokal tidssone (TZ er ikke satt, og systemet oppgir ingen; sett TZ, for eksempel TZ=Europe/Oslo)
report-note-utc = merk: tidene er i UTC: { $why }
report-could-not-regrade = merk: resultater vurdert av en eldre modell kunne ikke vurderes på nytt her, så de vises slik de ble vurdert ({ $detail })
report-no-match = Ingen resultater passer.

report-leaderboard = Resultatliste
report-col-rank = plass
report-col-trainee = deltaker
report-col-sessions = økter
report-col-mean = snitt
report-col-best = beste
report-col-handling = håndtering
report-col-serious = alvorlige
report-col-capped = begrenset
report-col-decisions = valg
report-col-silences = stillheter
report-col-last-played = sist spilt
report-leaderboard-legend = snitt: hovedpoengsummen; håndtering: før et eventuelt tak; alvorlige: alvorlige feil; begrenset: økter der utfallets vurdering satte tak på poengsummen

report-team-rules = Teamets svake punkter per regel (svakest først)
report-col-rule = regel
report-col-followed = fulgt
report-col-broken = brutt
report-col-balance = balanse

report-per-trainee = Per deltaker
report-strong-at = sterk på:
report-work-on = øv på:
report-none-yet = ingen ennå

report-latest-sessions = Siste økter (nyeste først)
report-col-ended = avsluttet
report-col-scenario = scenario
report-col-score = poeng
report-col-ending = utfall
report-col-rating = vurdering
report-col-cap = tak
report-col-grading = vurderingsmodell
report-col-started = startet
report-col-drill = øvelse
report-col-language = språk

report-ending-open = åpen
report-ending-won-over = vunnet over
report-ending-resolved = løst
report-ending-professional-parting = profesjonell avslutning
report-ending-escalated-complaint = eskalert klage
report-ending-lost-client = tapt kunde
report-rating-excellent = utmerket
report-rating-good = godt
report-rating-poor = svakt
report-rating-fail = mislykket

report-grading-older = { $version } (vurdert av en eldre modell: { $why })
report-grading-scenario-gone = scenarioet er borte
report-grading-scenario-changed = scenarioet er endret
report-grading-transcript-unreadable = samtalen kan ikke leses
report-grading-not-regraded = ikke vurdert på nytt
report-older-grading-note = Et resultat vurdert av en eldre modell beholder poengsummen det fikk: scenarioet finnes ikke lenger i biblioteket eller er endret, eller resultatmappen kunne ikke skrives til.

report-every-session = Alle økter, nyeste først: { $n ->
    [one] { $n } økt
   *[other] { $n } økter
}
report-practice = fri øving
report-sessions-legend = poeng: hovedpoengsummen; stillheter: valg der tiden gikk ut (nøling)
report-note-placeholder-iri = merk: erklæringene bruker plassholderen { $iri } som IRI-base; før du sender dem til et læringsregister (LRS), sett --iri-base eller { $variable } til en adresse organisasjonen din kontrollerer
