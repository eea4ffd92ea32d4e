# Слова и фразы о клиенте. $gender: "feminine", "masculine" или "other" (сценарий не указал;
# тогда мужской род как общий).

## Настроение клиента, от -3 до 3.
mood-furious = в ярости
mood-angry = { $gender ->
    [feminine] зла
   *[other] зол
}
mood-irritated = { $gender ->
    [feminine] раздражена
   *[other] раздражён
}
mood-guarded = настороже
mood-calm = { $gender ->
    [feminine] спокойна
   *[other] спокоен
}
mood-at-ease = { $gender ->
    [feminine] расслаблена
   *[other] расслаблен
}
mood-warm = { $gender ->
    [feminine] доброжелательна
   *[other] доброжелателен
}

## Доверие клиента, от -3 до 3. Своё слово для нуля: «настороже» — это настроение.
trust-hostile = { $gender ->
    [feminine] враждебна
   *[other] враждебен
}
trust-distrustful = не доверяет
trust-doubtful = сомневается
trust-wary = присматривается
trust-open = { $gender ->
    [feminine] открыта
   *[other] открыт
}
trust-trusting = доверяет
trust-loyal = { $gender ->
    [feminine] лояльна
   *[other] лоялен
}

briefing-mood = настроение: { $mood }
mood-gauge = настроение { $gauge } { $mood }
debrief-left = { $client } уходит: { $mood }, { $trust }   зерно { $seed }
