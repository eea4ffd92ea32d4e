# Слова игры: чем может кончиться разговор и насколько хорошо, типы клиентов, сложность
# сценария и то, как выбор соотносится с правилом.

# Язык, как он сам себя называет, и другие коды локали, которые его получают (нет).
-language-name = русский

## Чем кончился разговор.
outcome-won-over = Клиент завоёван и стал постоянным
outcome-resolved = Вопрос решён
outcome-professional-parting = Профессиональное расставание
outcome-escalated-complaint = Жалоба пошла выше
outcome-lost-client = Клиент потерян

## Оценка итога, от лучшей к худшей.
rating-excellent = отлично
rating-good = хорошо
rating-poor = слабо
rating-fail = провал

## Типы клиентов.
client-type-rude = Грубый, кричит
client-type-indecisive = Нерешительный
client-type-king = «Король»
client-type-know-it-all = Всезнайка
client-type-modest-demands = «Скромные запросы»
client-type-public-complainer = Публичный жалобщик
client-type-client-with-problem = Клиент с проблемой
client-type-mismatched-expectations = Несовпавшие ожидания
client-type-problem-client = Проблемный клиент

## Сложность сценария.
difficulty-easy = легко
difficulty-medium = средне
difficulty-hard = сложно

## Выбор и правило.
verdict-follows = соблюдает
verdict-breaks = нарушает
weight-minor = слегка
weight-serious = серьёзно

## Запись разговора.
you = Вы
best-here = Лучше всего здесь
why = Почему
ending = Итог
score = Баллы
silence = молчание: время вышло
silence-within = молчание: нет ответа за { $s } с

## `composure rules`.
rulebook-intro = Свод правил Composure выведен из статей о работе с трудными клиентами. Сами статьи в Composure не входят; у каждого правила указаны номера статей, на которые оно опирается.
rulebook-means = Что оно значит
rulebook-breaks = Что его нарушает
rulebook-sources = Источники
rulebook-debrief-prompt = вопрос для размышления при разборе; выборы по нему не оцениваются
rulebook-article = статья { $n } ({ $language })
rulebook-article-translated = статья { $n } ({ $language }, машинный перевод)

## Языки, как они называются в тексте: источники правил, фильтр в списке сценариев.
language-en = на английском
language-nb = на норвежском
language-ru = на русском

quoted = «{ $text }»
