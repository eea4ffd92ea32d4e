# Sende xAPI-utsagn til et læringsregister (LRS): `report --format xapi --send URL`.

lrs-sent = { $n ->
    [one] { $n } utsagn
   *[other] { $n } utsagn
} til { $url }, i { $requests ->
    [one] { $requests } forespørsel
   *[other] { $requests } forespørsler
}:
lrs-stored = { $n ->
    [one] { $n } utsagn lagret nå
   *[other] { $n } utsagn lagret nå
}
lrs-already = { $n ->
    [one] { $n } utsagn var allerede lagret med samme id, så ingenting ble endret
   *[other] { $n } utsagn var allerede lagret med samme id, så ingenting ble endret
}
lrs-refused = { $n ->
    [one] { $n } avvist
   *[other] { $n } avvist
}
lrs-conflict-hint = HTTP 409 betyr at registeret allerede har et annet utsagn med den id-en. Et lagret utsagn endres aldri, så det beholder det første det fikk.
lrs-not-sent = { $n ->
    [one] { $n } ikke sendt
   *[other] { $n } ikke sendt
}
lrs-unreachable = fikk ikke kontakt med læringsregisteret på { $url } etter { $tries ->
    [one] { $tries } forsøk
   *[other] { $tries } forsøk
}: { $reason }
lrs-failing = læringsregisteret på { $url } var fortsatt opptatt eller feilet etter { $tries ->
    [one] { $tries } forsøk
   *[other] { $tries } forsøk
}: HTTP { $status }, { $reason }
lrs-credentials = læringsregisteret på { $url } godtok ikke innloggingen ({ $reason }): sjekk --lrs-user og COMPOSURE_LRS_PASSWORD, eller COMPOSURE_LRS_TOKEN
lrs-request-refused = læringsregisteret på { $url } avviste forespørselen med HTTP { $status }: { $reason }
lrs-refusing-everything = stanset: læringsregisteret avviste hvert av de første { $n ->
    [one] { $n } utsagnet
   *[other] { $n } utsagnene
} hver for seg og lagret ingen
lrs-dry-run = Prøvekjøring: { $n ->
    [one] { $n } utsagn
   *[other] { $n } utsagn
} ville gått til { $url } i { $requests ->
    [one] { $requests } forespørsel
   *[other] { $requests } forespørsler
}. Ingenting ble sendt.
lrs-nothing = Ingen resultater passer, så det er ingenting å sende.
lrs-no-password = --lrs-user { $user } trenger passordet i miljøvariabelen COMPOSURE_LRS_PASSWORD (et passord på kommandolinjen kan leses av andre på denne maskinen)
lrs-in-clear = advarsel: { $url } er vanlig http til en annen maskin, så innloggingen går ukryptert over nettet; bruk https:// hvis registeret tilbyr det
