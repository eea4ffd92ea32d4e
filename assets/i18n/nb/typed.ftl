# Skrevne svar (`--typed`): feltet svaret skrives i, spørsmålet når et svar er uklart, og hvordan
# samtalen og gjennomgangen viser det som ble skrevet.

typed-legend-send = send svar
typed-help-send = send svaret: Composure leser det som svaralternativet som sier det samme, eller spør hvilket du mente
typed-legend-type-again = skriv om
typed-help-type-again = tilbake til svaret ditt, for å endre det og sende det igjen
typed-your-reply = Ditt svar
typed-placeholder = Si det med dine egne ord, og trykk Enter
typed-empty = Ingenting å sende ennå: skriv hva du ville sagt, og trykk Enter.
typed-ask-title = Hvilket svar mente du?
typed-ask-said = Du skrev
typed-read-as = Lest som
typed-picked-as = Du mente
typed-tone-label = Merk
typed-quoted = «{ $reply }»
typed-you-typed = Ditt svar
typed-drill-intro = Svarene skrives med dine egne ord: alternativene er skjult, og svaret ditt leses som det som sier det samme.
