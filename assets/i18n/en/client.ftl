# Words and sentences about the client. Every message may use $gender: "feminine",
# "masculine" or "other" (the scenario does not say); English needs it nowhere.

## The client's mood, -3 to 3.
mood-furious = furious
mood-angry = angry
mood-irritated = irritated
mood-guarded = guarded
mood-calm = calm
mood-at-ease = at ease
mood-warm = warm

## The client's trust, -3 to 3: hidden during play, shown in the debrief.
trust-hostile = hostile
trust-distrustful = distrustful
trust-doubtful = doubtful
trust-wary = wary
trust-open = open
trust-trusting = trusting
trust-loyal = loyal

# $mood: a mood word above.
briefing-mood = mood: { $mood }
# $gauge: the gauge drawn in blocks; $mood: a mood word above.
mood-gauge = mood { $gauge } { $mood }
# $client: the client's name; $mood, $trust: words above; $seed: the conversation's seed.
debrief-left = { $client } left { $mood } and { $trust }   seed { $seed }
