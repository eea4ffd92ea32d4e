# What the command line prints for a trainee or a team lead: the scenario list, saved play runs, skipped files.

## composure list
list-col-id = id
list-col-language = language
list-col-client = client
list-col-length = length
list-col-difficulty = difficulty
list-col-title = title
# Under the list when a scenario is marked "en*": shown in another language than the reader's.
list-fallback-note = *: not yet in English; shown in the language marked
list-empty = No scenarios match.

## play --trainee
# $session: the saved result's number.
play-saved = saved: session { $session }

## Scenario files skipped while loading the library.
# $problem: where and what, in English.
warning-skipped = warning: skipped: { $problem }
warning-skipped-hint = warning: run `composure check` on those files for details
