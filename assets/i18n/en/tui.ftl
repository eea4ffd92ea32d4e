# The trainer's screens: titles, headings, notices, the key legend and the help.

## Home.
home-title = Composure · choose a client to practise with
home-empty = No scenarios to play. Add a folder of scenario files with --scenarios DIR.
home-all-types = all clients
home-all-languages = all languages
# $language: the trainee's language, named in itself: each scenario once, in it where it can.
home-my-language = your language ({ $language })
# $language: a language as running text names it (language-…). Only scenarios written in it.
home-only-language = only { $language }
# $types, $languages: the filters in force.
home-filters = showing: { $types } · { $languages }
home-nothing-matches = No scenario matches these filters. Press t or l to change them.
# Beside a scenario the trainee's language has no version of.
home-in-english = in English
# $language: the trainee's language, named in itself.
fallback-notice = This scenario is not available in { $language } yet; it is shown in English.

## Briefing. $title: the scenario's title.
briefing-title = Briefing · { $title }
briefing-situation = The situation
briefing-known = What you know
briefing-goal = Your goal
briefing-begin = Press Enter to begin the conversation.

## Conversation.
conversation = Conversation
what-happened = What happened
press-continue = Enter to continue
# On a panel's border when it holds more than it shows: above, and below.
more-above = ↑ more
more-below = ↓ more
the-end = The end
conversation-over = The conversation is over. Press Enter for your debrief.
your-answer = Your answer
# $client: the client's name.
silence-waits = { $client } waits for an answer that does not come.
leave-title = Leave?
leave-question = Leave this conversation? It will not be kept.
quit-question = Quit Composure? This conversation will not be kept.
yes = yes
no-keep-going = no, keep going

## Debrief. $title: the scenario's title.
debrief-title = Debrief · { $title }
# $handling, $ending_cap, $serious_cap: scores out of 100.
debrief-score-pieces = handling { $handling } · this ending allows at most { $ending_cap } · serious mistakes allow at most { $serious_cap }
debrief-turned-here = Where the conversation turned
# $rule: the rule's name; $cap: the score it caps at.
debrief-serious-mistake = A serious mistake: it broke “{ $rule }”, and caps the score at { $cap } however well the rest went.
# $client: the client's name; $apparent, $real: kinds of client (client-type-…), quoted.
debrief-diagnosis = Diagnosis: { $client } appeared to be { $apparent } but was { $real }.
debrief-rules = Rules
debrief-decision-by-decision = Decision by decision

## Whatever the screen.
# $w, $h: the terminal's size; $min_w, $min_h: the least Composure needs.
too-small = Terminal too small: { $w }×{ $h }. Composure needs at least { $min_w }×{ $min_h }. Enlarge the window, or press q to quit.
cannot-load-title = Cannot load
cannot-load = The scenario file does not load. Fix it and save: it reloads by itself.
# $file: the watched scenario file.
reloaded = reloaded { $file }
# $node: the node the trainee was at.
reloaded-lost = reloaded { $file }: "{ $node }" is gone, so you are as far as your choices still lead
reloaded-restart = reloaded { $file }: the edit no longer fits the answers you gave, so the conversation starts again
# $error: why.
reloaded-failed = reloaded { $file }, but the conversation could not continue: { $error }
# $title: the scenario's title; $id: the session it was saved as.
saved = Saved: { $title } (session { $id }).
# $error: why not.
not-saved = NOT SAVED: { $title }: { $error }
no-suspend = Ctrl-Z: not suspended, as no shell with job control started Composure to return to

## Help.
help-title = Help
help-about = Each choice is graded against the rulebook (composure rules). Your score weighs each choice by what was at stake; how the conversation ended, and any serious mistake, cap it. The debrief shows each part, the best option and why.
help-move-list = move through the list
help-open-numbered = open a scenario by its number
help-open = open the selected scenario
help-ends = go to the top or the bottom
help-filter-type = show one client type, then the next
help-filter-language = show one language, then the next
help-begin = begin the conversation
help-scroll = scroll
help-page = scroll a page
help-back = go back
help-choose = answer with an option by its number, once it is on screen
help-select = move between options; Enter answers with the selected one
help-history = scroll back through the conversation
help-continue = continue
help-scroll-happened = scroll what happened
help-debrief = open the debrief
help-leave = leave the conversation (asks first)
help-again = play the scenario again
help-home = back to the list
help-close-help = close this help
help-help = show or hide this help
help-quit = quit (asks first during a conversation)
help-yes-leave = yes, leave it
help-no-stay = no, keep going
help-interrupt = quit at once
help-suspend = suspend; fg in the shell brings it back
help-drill-begin = begin with the first briefing
help-drill-review = open the debrief of the selected scenario
help-review-numbered = open a debrief by its number
help-next = on to the next scenario
help-back-summary = back to the summary
help-back-history = back to the history
help-transcript = open the selected session's transcript

## The key legend: a word or two each.
legend-move = move
legend-open = open
legend-help = help
legend-quit = quit
legend-begin = begin
legend-scroll = scroll
legend-back = back
legend-continue = continue
legend-history = history
legend-leave = leave
legend-debrief = debrief
legend-choose = choose
legend-select = select
legend-again = again
legend-home = home
legend-stay = stay
legend-close-help = close help
legend-filter-type = client
legend-filter-language = language
legend-transcript = transcript

## Timed drills. $name: the drill's name.
drill-title = Drill · { $name }
# $trainee: who plays.
drill-intro-trainee = Trainee: { $trainee }
drill-coaching-now = Coaching follows each answer.
drill-coaching-end = Coaching waits for the summary at the end.
# $key: the key that begins.
drill-intro-begin = Press { $key } to begin with the first briefing.
# $n: which scenario; $total: how many.
drill-progress = { $name } · { $n } of { $total }
# $s: a number of seconds, in the countdown and the summary ("12.5").
drill-seconds = { $s } s
drill-per-answer = { $s } s per answer
# $client: the client's name.
drill-time-ran-out = The time ran out: { $client } waits for an answer, and the silence costs you.
drill-summary-title = Drill complete · { $name }
# $score: the drill's score, or drill-no-score.
drill-summary-head = Trainee { $trainee }   Drill score { $score }
drill-no-score = no scenario finished
drill-column-scenario = Scenario
drill-column-score = Score
drill-column-ending = Ending
# How many times the time ran out.
drill-column-silent = Silent
# The average time to answer.
drill-column-average = Avg
drill-column-saved = Saved
drill-saving = saving…
# $id: the session it was saved as.
drill-saved-row = ✓ #{ $id }
drill-not-saved-row = ✗ not saved
# Between the whole seconds and the tenths of an average time.
decimal-separator = .

## History.
history-title = History
# $trainee: whose history.
history-empty = No results for { $trainee } yet. Play with --trainee, or run a drill.
history-scores = Score over time · { $trainee }
history-rules = Rules followed
history-recent = Recent sessions
# Stands for the drill's id when a session was played outside a drill.
history-practice = practice
history-unreadable = This session's transcript cannot be read.
# The selected session's grade: $handling, $cap: scores; $rating: a rating word; $serious: how many serious mistakes.
history-pieces = handling { $handling } · ending { $rating } (at most { $cap }) · { $serious ->
    [0] no serious mistakes
    [one] { $serious } serious mistake
   *[other] { $serious } serious mistakes
}
history-older = * graded by an older model
history-not-regraded = Results graded by an older model could not be regraded: the data folder cannot be written.
