# Øvelser på kommandolinjen: listen over medfølgende øvelser og det en skriptet øvelse skriver ut.

drills-col-id = id
drills-col-scenarios = scenarioer
drills-col-time = tid per svar
drills-col-order = rekkefølge
drills-col-coaching = veiledning
drills-col-name = navn
drills-scenarios = { $n ->
    [one] { $n } scenario
   *[other] { $n } scenarioer
}
drills-seconds = { $s } sek
drills-order-fixed = fast
drills-order-shuffled = stokket
drills-coaching-now = etter hvert valg
drills-coaching-end = til slutt

drill-run-start = øvelse { $name } ({ $id }) for { $trainee }: { $n ->
    [one] { $n } scenario
   *[other] { $n } scenarioer
}, { $s } sek per valg
drill-run-saved = lagret: økt { $session } · { $scenario } · poeng { $score } · { $n ->
    [one] { $n } stillhet
   *[other] { $n } stillheter
}
drill-run-unused = advarsel: { $n ->
    [one] { $n } svar ble
   *[other] { $n } svar ble
} ikke brukt: { $answers }
drill-run-score = poeng for øvelsen: { $score }/100
