# Sending xAPI statements to a learning record store: `report --format xapi --send URL`.

# $n: statements in the report; $requests: requests made; $url: the statements address.
lrs-sent = { $n ->
    [one] { $n } statement
   *[other] { $n } statements
} for { $url }, in { $requests ->
    [one] { $requests } request
   *[other] { $requests } requests
}:
# $n: statements the store filed now.
lrs-stored = { $n ->
    [one] { $n } statement stored now
   *[other] { $n } statements stored now
}
# $n: statements the store already had, under the same id and with the same content.
lrs-already = { $n ->
    [one] { $n } statement was already stored with the same id, so nothing changed
   *[other] { $n } statements were already stored with the same id, so nothing changed
}
# $n: statements the store refused.
lrs-refused = { $n ->
    [one] { $n } refused
   *[other] { $n } refused
}
lrs-conflict-hint = HTTP 409 means the store already holds a different statement under that id. A stored statement never changes, so it keeps the one it got first.
# $n: statements not sent because the send stopped.
lrs-not-sent = { $n ->
    [one] { $n } not sent
   *[other] { $n } not sent
}
# $url: the statements address; $tries: requests tried; $reason: the last failure.
lrs-unreachable = could not reach the learning record store at { $url } after { $tries ->
    [one] { $tries } try
   *[other] { $tries } tries
}: { $reason }
# $url: the statements address; $tries: requests tried; $status, $reason: the last answer.
lrs-failing = the learning record store at { $url } was still busy or failing after { $tries ->
    [one] { $tries } try
   *[other] { $tries } tries
}: HTTP { $status }, { $reason }
# $url: the statements address; $reason: the store's words.
lrs-credentials = the learning record store at { $url } did not accept the credentials ({ $reason }): check --lrs-user and COMPOSURE_LRS_PASSWORD, or COMPOSURE_LRS_TOKEN
# $url: the statements address; $status: the HTTP status; $reason: the store's words.
lrs-request-refused = the learning record store at { $url } refused the request with HTTP { $status }: { $reason }
# $n: statements refused one by one before giving up.
lrs-refusing-everything = stopped: the learning record store refused each of the first { $n ->
    [one] { $n } statement
   *[other] { $n } statements
} on its own and stored none
# $n: statements; $requests: requests it would take; $url: the statements address.
lrs-dry-run = Dry run: { $n ->
    [one] { $n } statement
   *[other] { $n } statements
} would go to { $url } in { $requests ->
    [one] { $requests } request
   *[other] { $requests } requests
}. Nothing was sent.
lrs-nothing = No results match, so there is nothing to send.
# $user: the name given to --lrs-user.
lrs-no-password = --lrs-user { $user } needs the password in the COMPOSURE_LRS_PASSWORD environment variable (a password on the command line could be read by others on this machine)
# $url: the statements address.
lrs-in-clear = warning: { $url } is plain http to another machine, so the credentials cross the network unencrypted; use https:// if the store offers it
