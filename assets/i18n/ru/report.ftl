# Отчёт руководителя и примечания к нему.

report-trainee = { $trainee }: { $sessions ->
    [one] { $sessions } занятие
    [few] { $sessions } занятия
   *[many] { $sessions } занятий
}, в среднем { $mean }, лучший результат { $best }, { $silences ->
    [one] { $silences } молчание
    [few] { $silences } молчания
   *[many] { $silences } молчаний
} на { $decisions ->
    [one] { $decisions } решение
    [few] { $decisions } решения
   *[many] { $decisions } решений
}
report-kept-old-grade = примечание: { $n ->
    [one] { $n } результат сохраняет балл, который дала прежняя модель оценки
    [few] { $n } результата сохраняют балл, который дала прежняя модель оценки
   *[many] { $n } результатов сохраняют балл, который дала прежняя модель оценки
}: сценария больше нет в библиотеке или он изменился (добавьте его папку через --scenarios, чтобы переоценить)

report-title = Отчёт Composure: { $scope }
report-sessions-title = Занятия в Composure: { $scope }
report-scope-all = все результаты
report-scope-drill = тренировка { $drill }
report-scope-trainee = участник { $trainee }
report-scope-since = с { $time }
report-zone = Время указано по часовому поясу { $zone }.
report-zone-utc = Время указано в UTC: { $why }.
report-zone-bad-tz = TZ={ $tz } — не часовой пояс, который Composure может прочитать ({ $detail })
report-zone-none = местный часовой пояс не найден (TZ не задана, и система его не сообщает; задайте TZ, например TZ=Europe/Oslo)
report-note-utc = примечание: время указано в UTC: { $why }
report-could-not-regrade = примечание: результаты, оценённые прежней моделью, здесь не удалось переоценить, поэтому они показаны с прежней оценкой ({ $detail })
report-no-match = Подходящих результатов нет.

report-leaderboard = Рейтинг
report-col-rank = место
report-col-trainee = участник
report-col-sessions = занятия
report-col-mean = среднее
report-col-best = лучший
report-col-handling = ведение
report-col-serious = грубые
report-col-capped = ограничены
report-col-decisions = решения
report-col-silences = молчания
report-col-last-played = последнее занятие
report-leaderboard-legend = среднее: итоговый балл; ведение: балл до ограничения; грубые: грубые ошибки; ограничены: занятия, в которых оценка финала ограничила балл

report-team-rules = Слабые места команды по правилам (сначала самые слабые)
report-col-rule = правило
report-col-followed = соблюдено
report-col-broken = нарушено
report-col-balance = баланс

report-per-trainee = По участникам
report-strong-at = сильные стороны:
report-work-on = над чем работать:
report-none-yet = пока нет

report-latest-sessions = Последние занятия (сначала новые)
report-col-ended = окончено
report-col-scenario = сценарий
report-col-score = балл
report-col-ending = финал
report-col-rating = оценка
report-col-cap = предел
report-col-grading = модель оценки
report-col-started = начато
report-col-drill = тренировка
report-col-language = язык

report-ending-open = не завершён
report-ending-won-over = клиент завоёван
report-ending-resolved = вопрос решён
report-ending-professional-parting = профессиональное расставание
report-ending-escalated-complaint = жалоба пошла выше
report-ending-lost-client = клиент потерян
report-rating-excellent = отлично
report-rating-good = хорошо
report-rating-poor = слабо
report-rating-fail = провал

report-grading-older = { $version } (оценено прежней моделью: { $why })
report-grading-scenario-gone = сценария больше нет
report-grading-scenario-changed = сценарий изменился
report-grading-transcript-unreadable = запись разговора не читается
report-grading-not-regraded = не переоценено
report-older-grading-note = Результат, оценённый прежней моделью, сохраняет полученный балл: его сценария больше нет в библиотеке или он изменился, либо в папку результатов не удалось записать.

report-every-session = Все занятия, сначала новые: { $n ->
    [one] { $n } занятие
    [few] { $n } занятия
   *[many] { $n } занятий
}
report-practice = свободная практика
report-sessions-legend = балл: итоговый балл; молчания: решения, на которые не хватило времени
report-note-placeholder-iri = примечание: в утверждениях стоит временная база IRI { $iri }; прежде чем отправлять их в хранилище учебных записей (LRS), задайте --iri-base или { $variable } — адрес, которым распоряжается ваша организация
