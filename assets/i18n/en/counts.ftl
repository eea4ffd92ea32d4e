# Sentences with a count in them: each count picks its plural form.

# $n: how many times the time ran out.
debrief-hesitations = The clock ran out { $n ->
    [one] once
   *[other] { $n } times
}. Each counts as a decision scored 0.
# $n: scenario files that could not be loaded.
home-skipped = { $n ->
    [one] { $n } scenario file could not be loaded
   *[other] { $n } scenario files could not be loaded
}. `composure check` on the folder shows why.
# $n: decisions on the best path.
home-length = { $n ->
    [one] { $n } decision
   *[other] { $n } decisions
}
# $n: scenarios in the drill; $s: seconds for each answer.
drill-intro-plan = { $n ->
    [one] { $n } scenario
   *[other] { $n } scenarios
}, with { $s ->
    [one] { $s } second
   *[other] { $s } seconds
} for each answer. When the time runs out, that is a hesitation: it counts as a decision scored 0, and the client feels the silence.
# $played, $planned: scenarios finished and planned; $silences: times the time ran out.
drill-summary-counts = Scenarios finished: { $played } of { $planned } · { $silences ->
    [0] the clock never ran out
    [one] the clock ran out once
   *[other] the clock ran out { $silences } times
}
