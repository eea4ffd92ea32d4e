# Drills on the command line: the list of shipped drills and what a scripted drill prints.

## composure drills
drills-col-id = id
drills-col-scenarios = scenarios
drills-col-time = time per answer
drills-col-order = order
drills-col-coaching = coaching
drills-col-name = name
# $n: scenarios in the drill.
drills-scenarios = { $n ->
    [one] { $n } scenario
   *[other] { $n } scenarios
}
# $s: seconds for each answer.
drills-seconds = { $s } s
drills-order-fixed = fixed
drills-order-shuffled = shuffled
drills-coaching-now = after each choice
drills-coaching-end = at the end

## composure drill --answers
# $name: the drill's name; $id: its id; $trainee: who plays; $n: scenarios; $s: seconds per decision.
drill-run-start = drill { $name } ({ $id }) for { $trainee }: { $n ->
    [one] { $n } scenario
   *[other] { $n } scenarios
}, { $s } s per decision
# A result saved. $session: its number; $scenario: the scenario's id; $score: 0 to 100; $n: hesitations.
drill-run-saved = saved: session { $session } · { $scenario } · score { $score } · { $n ->
    [one] { $n } hesitation
   *[other] { $n } hesitations
}
# $n: answers left over; $answers: them, comma-separated.
drill-run-unused = warning: { $n ->
    [one] { $n } answer was
   *[other] { $n } answers were
} not used: { $answers }
# $score: the drill's mean score.
drill-run-score = drill score: { $score }/100
