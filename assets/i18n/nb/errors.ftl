# Feil i det brukeren skrev eller i dataene hans (src/cli/errors.rs). $detail er det en parser,
# SQLite eller filsystemet sier, på engelsk; fil:linje:kolonne står som de er.

error-line = composure: feil: { $message }
error-none = ingen

error-unknown-scenario = finner ikke noe scenario med id «{ $id }»; biblioteket har: { $known }
error-unknown-scenario-near = finner ikke noe scenario med id «{ $id }»; mente du «{ $near }»?
error-unknown-rule = finner ingen regel med id «{ $id }»; regelboken har: { $known }
error-unknown-rule-near = finner ingen regel med id «{ $id }»; mente du «{ $near }»?
error-unknown-drill = finner ingen øvelsesfil eller medfølgende øvelse «{ $id }»; medfølgende øvelser: { $known }
error-unknown-drill-near = finner ingen øvelsesfil eller medfølgende øvelse «{ $id }»; mente du «{ $near }»?
error-unknown-client-type = ukjent kundetype «{ $id }»; kundetypene er: { $known }
error-unknown-client-type-near = ukjent kundetype «{ $id }»; mente du «{ $near }»?
error-unknown-list-language = «{ $id }» er ikke et språk Composure kan; bruk en, nb, ru eller all

error-trainee-empty = --trainee trenger et navn, for eksempel --trainee "Kari Nordmann"
error-trainee-too-long = navnet til en deltaker kan ha høyst { $n ->
    [one] { $n } tegn
   *[other] { $n } tegn
}
error-trainee-character = navnet til deltakeren har { $code } som tegn nummer { $n }, et styretegn eller usynlig tegn; bruk bare tegn som kan skrives ut

error-bad-since = «{ $text }» er verken en dato eller et tidspunkt: skriv en dag i din tidssone som ÅÅÅÅ-MM-DD (2026-01-31), eller et nøyaktig tidspunkt med tidsforskyvning etter RFC 3339 (2026-01-31T09:00:00+01:00)
error-no-results = ingen resultater ennå i { $path }: spill med --trainee NAVN eller kjør en øvelse først
error-no-mistakes = { $trainee } har ingen feil å øve på igjen: hvert siste forsøk var best hele veien (eller ingenting er lagret ennå)

error-cannot-play = { $path } kan ikke spilles:
error-cannot-run-drill = { $path } kan ikke kjøres:

error-needs-terminal = denne skjermen trenger en terminal, og standard inn eller ut er ikke en terminal; { $instead }
error-instead-play-answers = for å spille uten terminal, gi svarene: composure play ID --answers A,B,...
error-instead-drill-answers = for å spille uten terminal, gi svarene: composure drill DRILL --trainee NAVN --answers A,B,...
error-instead-report-trainee = `composure report --trainee NAVN` skriver ut resultatene til en deltaker i stedet
error-instead-list-or-play = `composure list` skriver ut scenarioene, og `composure play ID --answers A,B,...` spiller et uten terminal
error-watch-needs-file = --watch trenger stien til en scenariofil, ikke en id: composure play FIL.ron --watch

error-store-open = kan ikke åpne resultatdatabasen { $path }: { $detail }
error-store-folder = kan ikke opprette datamappen { $path }: { $detail }
error-store-too-new = resultatdatabasen { $path } er skrevet av en nyere Composure (skjema { $found }; denne kjenner { $known }); den blir ikke rørt
error-store-too-old = resultatdatabasen { $path } har ikke et skjema Composure kan lese (skjema { $found }; denne leser 1 til { $known }); spill eller kjør en øvelse én gang med --trainee for å sette den opp
error-store-no-data-dir = ingen datamappe: sett COMPOSURE_DATA_DIR eller bruk --data-dir ({ $detail })
error-store-sqlite = resultatdatabasen: { $detail }
error-store-transcript = et lagret referat kan ikke leses: { $detail }
error-save-result = kan ikke lagre resultatet av { $scenario }

error-answer-nth = svar { $number } av { $total }
error-answers-ran-out = svarene tok slutt ved «{ $node }» før samtalen var ferdig; valgene der: { $offered }
error-answers-left-over = samtalen endte ved «{ $node }» etter { $n ->
    [one] { $n } svar
   *[other] { $n } svar
}; «{ $answer }» og alle svar etter det ble ikke brukt
error-script-answer = { $scenario }: svaret «{ $answer }»
error-engine-finished = samtalen er over; det er ingen flere valg
error-engine-not-offered = valget «{ $choice }» finnes ikke ved «{ $node }»; valgene der: { $offered }
error-engine-missing-node = scenarioet har ingen node «{ $node }»
error-engine-runaway-routes = rutene fra «{ $node }» gikk rundt mer enn { $n ->
    [one] { $n } gang
   *[other] { $n } ganger
} uten å spørre deltakeren

error-sessions-with-xapi = --sessions viser øktene som tabell, CSV eller JSON; --format xapi gir allerede én erklæring per økt
error-bom-without-csv = --bom starter en CSV-fil med et byte-rekkefølgemerke: bruk det med --format csv
error-send-without-xapi = --send sender xAPI-utsagn til et læringsregister (LRS): bruk det med --format xapi
error-iri-base-without-xapi = --iri-base gir IRI-ene i xAPI-erklæringer: bruk det med --format xapi
