# Errors about the user's input or data (src/cli/errors.rs). What a parser, SQLite or the
# file system says is passed in as $detail, in English; file:line:col locations stay as they are.

# $message: the error, already in this language.
error-line = composure: error: { $message }
# Said where a list of what exists would be empty.
error-none = none

# $id: what was typed; $near: the nearest id; $known: every id, comma-separated.
error-unknown-scenario = no scenario with id "{ $id }"; the library has: { $known }
error-unknown-scenario-near = no scenario with id "{ $id }"; did you mean "{ $near }"?
error-unknown-rule = no rule with id "{ $id }"; the rulebook has: { $known }
error-unknown-rule-near = no rule with id "{ $id }"; did you mean "{ $near }"?
error-unknown-drill = no drill file or shipped drill "{ $id }"; shipped drills: { $known }
error-unknown-drill-near = no drill file or shipped drill "{ $id }"; did you mean "{ $near }"?
error-unknown-client-type = unknown client type "{ $id }"; the client types are: { $known }
error-unknown-client-type-near = unknown client type "{ $id }"; did you mean "{ $near }"?
error-unknown-list-language = "{ $id }" is not a language Composure speaks; use en, nb, ru or all

error-trainee-empty = --trainee needs a name, as in --trainee "Ann Lee"
# $n: the longest name allowed, in characters.
error-trainee-too-long = a trainee's name is at most { $n ->
    [one] { $n } character
   *[other] { $n } characters
}
# $code: the character, as U+XXXX; $n: where it is in the name, from 1.
error-trainee-character = the trainee's name has { $code } at character { $n }, a control or invisible character; use printable characters only

# $text: what --since was given.
error-bad-since = "{ $text }" is neither a date nor an instant: write a day in your time zone as YYYY-MM-DD (2026-01-31), or an exact time with its offset as RFC 3339 (2026-01-31T09:00:00+01:00)
# $path: the data folder.
error-no-results = no results yet in { $path }: play with --trainee NAME or run a drill first
# $trainee: the trainee's name.
error-no-mistakes = { $trainee } has no mistakes to re-drill: every latest attempt was best throughout (or nothing is saved yet)

# $path: the file or id; the problems follow on their own lines.
error-cannot-play = { $path } cannot be played:
error-cannot-run-drill = { $path } cannot be run:

# $instead: one of the error-instead messages below.
error-needs-terminal = this screen needs a terminal, and standard input or output is not one; { $instead }
error-instead-play-answers = for scripted play, give the answers: composure play ID --answers A,B,...
error-instead-drill-answers = for scripted play, give the answers: composure drill DRILL --trainee NAME --answers A,B,...
error-instead-report-trainee = `composure report --trainee NAME` prints a trainee's results instead
error-instead-list-or-play = `composure list` prints the scenarios, and `composure play ID --answers A,B,...` plays one without a terminal
error-watch-needs-file = --watch needs the path of a scenario file, not an id: composure play FILE.ron --watch

# The results database. $path: its file or folder; $detail: what SQLite or the system said.
error-store-open = cannot open the results database { $path }: { $detail }
error-store-folder = cannot create the data folder { $path }: { $detail }
# $found: the file's schema version; $known: the newest this Composure knows.
error-store-too-new = the results database { $path } was written by a newer Composure (schema { $found }; this one knows { $known }); it is left untouched
error-store-too-old = the results database { $path } has no schema Composure can read (schema { $found }; this one reads 1 to { $known }); play or drill once with --trainee to set it up
error-store-no-data-dir = no data folder: set COMPOSURE_DATA_DIR or pass --data-dir ({ $detail })
error-store-sqlite = results database: { $detail }
error-store-transcript = a stored transcript cannot be read: { $detail }
error-save-result = cannot save the result of { $scenario }

# play --answers and drill --answers. $number, $total: which answer, of how many.
error-answer-nth = answer { $number } of { $total }
# $node: where the conversation stands; $offered: the choice ids offered there.
error-answers-ran-out = the answers ran out at "{ $node }" before an ending; offered there: { $offered }
# $node: the ending reached; $n: answers used; $answer: the first answer left over.
error-answers-left-over = the conversation ended at "{ $node }" after { $n ->
    [one] { $n } answer
   *[other] { $n } answers
}; "{ $answer }" and any after it were not used
# $scenario: the scenario's id; $answer: the answer refused. The reason follows.
error-script-answer = { $scenario }: answer "{ $answer }"
error-engine-finished = the conversation has ended; no more choices are offered
# $choice: the answer given; $node: where; $offered: the choice ids offered there.
error-engine-not-offered = choice "{ $choice }" is not offered at "{ $node }"; offered: { $offered }
error-engine-missing-node = the scenario has no node "{ $node }"
# $n: how many routes in a row the trainer follows before it stops.
error-engine-runaway-routes = routes from "{ $node }" went round more than { $n ->
    [one] { $n } time
   *[other] { $n } times
} without asking the trainee

# report: options that do not go together.
error-sessions-with-xapi = --sessions lists sessions as a table, CSV or JSON; --format xapi already gives one statement per session
error-bom-without-csv = --bom starts a CSV file with a byte-order mark: use it with --format csv
error-send-without-xapi = --send posts xAPI statements to a learning record store: use it with --format xapi
error-iri-base-without-xapi = --iri-base names the IRIs of xAPI statements: use it with --format xapi
