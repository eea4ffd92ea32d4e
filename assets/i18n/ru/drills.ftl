# Тренировки в командной строке: список встроенных тренировок и то, что выводит тренировка по сценарию ответов.

drills-col-id = идентификатор
drills-col-scenarios = сценарии
drills-col-time = время на ответ
drills-col-order = порядок
drills-col-coaching = разбор
drills-col-name = название
drills-scenarios = { $n ->
    [one] { $n } сценарий
    [few] { $n } сценария
   *[many] { $n } сценариев
}
drills-seconds = { $s } с
drills-order-fixed = постоянный
drills-order-shuffled = случайный
drills-coaching-now = после каждого выбора
drills-coaching-end = в конце

drill-run-start = тренировка { $name } ({ $id }), участник { $trainee }: { $n ->
    [one] { $n } сценарий
    [few] { $n } сценария
   *[many] { $n } сценариев
}, { $s } с на решение
drill-run-saved = сохранено: занятие { $session } · { $scenario } · балл { $score } · { $n ->
    [one] { $n } молчание
    [few] { $n } молчания
   *[many] { $n } молчаний
}
drill-run-unused = предупреждение: { $n ->
    [one] { $n } ответ не использован
    [few] { $n } ответа не использованы
   *[many] { $n } ответов не использовано
}: { $answers }
drill-run-score = балл за тренировку: { $score }/100
