# Merknader om tonen i et skrevet svar: vises ved siden av tolkningen, teller aldri i karakteren.

matcher-tone-shouting = Store bokstaver leses som roping. Si det med vanlig stemme.
matcher-tone-insult = Det er en fornærmelse. Uansett hva kunden sier: ikke svar uhøflighet med uhøflighet.
matcher-tone-calm-down = Å be kunden roe seg ned setter deg over kunden. Vis heller at du forstår hva som gjorde kunden opprørt.
matcher-tone-blame = Det legger skylden på kunden før noen vet hva som har skjedd.
