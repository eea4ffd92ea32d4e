# Ответы своими словами (`--typed`): поле для ответа, вопрос, когда ответ неясен, и то, как
# разговор и разбор показывают написанное.

typed-legend-send = отправить
typed-help-send = отправить ответ: Composure сопоставит его с вариантом, который говорит то же самое, или спросит, какой вы имели в виду
typed-legend-type-again = изменить
typed-help-type-again = вернуться к ответу, чтобы исправить его и отправить снова
typed-your-reply = Ваш ответ
typed-placeholder = Скажите своими словами и нажмите Enter
typed-empty = Пока нечего отправлять: напишите, что бы вы сказали, и нажмите Enter.
typed-ask-title = Какой ответ вы имели в виду?
typed-ask-said = Вы написали
typed-read-as = Понято как
typed-picked-as = Вы имели в виду
typed-tone-label = Обратите внимание
typed-quoted = «{ $reply }»
typed-you-typed = Ваши слова
