# Ord og setninger om kunden. Hver melding kan bruke $gender: "feminine", "masculine" eller
# "other" (scenarioet sier det ikke). Adjektivene her bøyes ikke etter kjønn.

## Kundens humør, -3 til 3.
mood-furious = rasende
mood-angry = sint
mood-irritated = irritert
mood-guarded = avventende
mood-calm = rolig
mood-at-ease = avslappet
mood-warm = varm

## Kundens tillit, -3 til 3.
trust-hostile = fiendtlig
trust-distrustful = mistroisk
trust-doubtful = tvilende
trust-wary = på vakt
trust-open = åpen
trust-trusting = tillitsfull
trust-loyal = lojal

briefing-mood = humør: { $mood }
mood-gauge = humør { $gauge } { $mood }
debrief-left = { $client } gikk derfra { $mood } og { $trust }   frø { $seed }
