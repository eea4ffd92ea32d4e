# Tone notes on a typed reply: shown beside the reading, never part of the grade.

matcher-tone-shouting = Capitals read as shouting. Say it in your normal voice.
matcher-tone-insult = That insults the client. Whatever they say, don’t answer rudeness with rudeness.
matcher-tone-calm-down = Telling a client to calm down puts you above them. Show you understand what upset them instead.
matcher-tone-blame = That puts the blame on the client before anyone knows what happened.
