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
