# Typed replies (`--typed`): the reply's box, the question when a reply is unclear, and how
# the conversation and the debrief show what was typed.

# Legend word and help line of Enter while writing a reply.
typed-legend-send = send
typed-help-send = send your reply: Composure reads it as the answer that says the same, or asks which one you meant
# Legend word and help line of Esc in the question about an unclear reply.
typed-legend-type-again = write again
typed-help-type-again = back to your reply, to change it and send it again
# Title of the box the reply is written in.
typed-your-reply = Your reply
# Shown in the empty box.
typed-placeholder = Say it in your own words, then press Enter
# Enter on an empty box.
typed-empty = Nothing to send yet: type what you would say, then press Enter.
# Title of the question when Composure cannot tell which answer a reply says.
typed-ask-title = Which answer did you mean?
# Before the reply's words, in that question.
typed-ask-said = You wrote
# Before the answer a reply was read as.
typed-read-as = Read as
# Before the answer the trainee picked when Composure asked.
typed-picked-as = You meant
# Before a note on the reply's tone.
typed-tone-label = Note
# The trainee's words, quoted as the language quotes speech.
typed-quoted = “{ $reply }”
# In the debrief, before the words the trainee typed.
typed-you-typed = You typed
# On a typed drill's opening card, under the time limit.
typed-drill-intro = Answers are typed in your own words: the options stay hidden, and your reply is read as the one that says the same.
