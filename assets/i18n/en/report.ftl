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

# The report's first lines. $scope: report-scope-all, or the filters joined by commas.
report-title = Composure report: { $scope }
report-sessions-title = Composure sessions: { $scope }
report-scope-all = all results
# $drill: a drill's id.
report-scope-drill = drill { $drill }
# $trainee: a trainee's name.
report-scope-trainee = trainee { $trainee }
# $time: the --since bound, as a date and time in the report's zone.
report-scope-since = since { $time }
# $zone: the time zone's name, such as Europe/Oslo.
report-zone = Times are in { $zone }.
# $why: report-zone-bad-tz or report-zone-none.
report-zone-utc = Times are in UTC: { $why }.
# $tz: the value of TZ; $detail: what the time zone lookup said, in English.
report-zone-bad-tz = TZ={ $tz } is not a time zone Composure can read ({ $detail })
report-zone-none = no local time zone was found (TZ is not set and the system names none; set TZ, as in TZ=Europe/Oslo)
# On standard error, before a CSV, JSON or xAPI report. $why: as for report-zone-utc.
report-note-utc = note: times are in UTC: { $why }
# $detail: why the database could not be opened for writing, in English.
report-could-not-regrade = note: results graded by an older model could not be regraded here, so they are shown as they were graded ({ $detail })
report-no-match = No results match.

report-leaderboard = Leaderboard
report-col-rank = rank
report-col-trainee = trainee
report-col-sessions = sessions
report-col-mean = mean
report-col-best = best
report-col-handling = handling
report-col-serious = serious
report-col-capped = capped
report-col-decisions = decisions
report-col-silences = silences
report-col-last-played = last played
report-leaderboard-legend = mean: the headline score; handling: before any cap; serious: serious mistakes; capped: sessions whose ending's rating capped the score

report-team-rules = Team weaknesses per rule (weakest first)
report-col-rule = rule
report-col-followed = followed
report-col-broken = broken
report-col-balance = balance

report-per-trainee = Per trainee
report-strong-at = strong at:
report-work-on = work on:
report-none-yet = none yet

report-latest-sessions = Latest sessions (newest first)
report-col-ended = ended
report-col-scenario = scenario
report-col-score = score
report-col-ending = ending
report-col-rating = rating
report-col-cap = cap
report-col-grading = grading
report-col-started = started
report-col-drill = drill
report-col-language = language

# How a conversation ended.
report-ending-open = open
report-ending-won-over = won over
report-ending-resolved = resolved
report-ending-professional-parting = professional parting
report-ending-escalated-complaint = escalated complaint
report-ending-lost-client = lost client
# An ending's rating.
report-rating-excellent = excellent
report-rating-good = good
report-rating-poor = poor
report-rating-fail = fail

# $version: the grading model's number; $why: one of the report-grading reasons below.
report-grading-older = { $version } (graded by an older model: { $why })
report-grading-scenario-gone = scenario gone
report-grading-scenario-changed = scenario changed
report-grading-transcript-unreadable = transcript unreadable
report-grading-not-regraded = not regraded
report-older-grading-note = A result graded by an older model keeps the score it was given: its scenario is no longer in the library or has changed, or the results folder could not be written.

# report --sessions. $n: how many sessions are listed.
report-every-session = Every session, newest first: { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
# The drill column of a result played with `play`, outside any drill.
report-practice = practice
report-sessions-legend = score: the headline score; silences: decisions where the time ran out (hesitations)
# On standard error before xAPI statements. $iri: the placeholder base; $variable: the environment variable's name.
report-note-placeholder-iri = note: the statements use the placeholder IRI base { $iri }; before sending them to a learning record store, set --iri-base or { $variable } to an address your organisation controls
