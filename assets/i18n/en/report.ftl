# The team lead's report and the notes around it.

# A trainee's line in the table. $trainee: the name; $sessions, $silences, $decisions: counts;
# $mean, $best: scores, already written out.
report-trainee = { $trainee }: { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
}, mean { $mean }, best { $best }, { $silences ->
    [one] { $silences } silence
   *[other] { $silences } silences
} in { $decisions ->
    [one] { $decisions } decision
   *[other] { $decisions } decisions
}
# $n: results whose scenario is gone or changed, so they keep their old score.
report-kept-old-grade = note: { $n ->
    [one] { $n } result keeps the score an older grading model gave it: its scenario is
   *[other] { $n } results keep the score an older grading model gave them: their scenario is
} no longer in the library or has changed (add its folder with --scenarios to regrade them)
