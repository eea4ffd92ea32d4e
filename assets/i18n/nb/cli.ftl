# Det kommandolinjen skriver ut for en deltaker eller en teamleder.

list-col-id = id
list-col-language = språk
list-col-client = kunde
list-col-length = lengde
list-col-difficulty = vanskelighet
list-col-title = tittel
list-fallback-note = *: ikke oversatt til norsk ennå; vises på språket som står der
list-empty = Ingen scenarioer passer.

play-saved = lagret: økt { $session }

warning-skipped = advarsel: hoppet over: { $problem }
warning-skipped-hint = advarsel: kjør `composure check` på disse filene for detaljer
