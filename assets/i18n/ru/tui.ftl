# Экраны тренажёра: заголовки, сообщения, строка клавиш и справка.

## Список сценариев.
home-title = Composure · выберите клиента для тренировки
home-empty = Нет сценариев. Добавьте папку со сценариями: --scenarios ПАПКА.
home-all-types = все клиенты
home-all-languages = все языки
home-my-language = ваш язык ({ $language })
home-only-language = только { $language }
home-filters = показаны: { $types } · { $languages }
home-nothing-matches = Под эти фильтры ничего не подходит. Нажмите t или l, чтобы их изменить.
home-in-english = по-английски
fallback-notice = Этого сценария пока нет на языке «{ $language }»; он показан по-английски.

## Вводная.
briefing-title = Вводная · { $title }
briefing-situation = Ситуация
briefing-known = Что вы знаете
briefing-goal = Ваша цель
briefing-begin = Нажмите Enter, чтобы начать разговор.

## Разговор.
conversation = Разговор
what-happened = Что произошло
press-continue = Enter, чтобы продолжить
more-above = ↑ ещё
more-below = ↓ ещё
the-end = Конец
conversation-over = Разговор окончен. Нажмите Enter, чтобы перейти к разбору.
your-answer = Ваш ответ
silence-waits = { $client } ждёт ответа, но ответа нет.
leave-title = Выйти?
leave-question = Прервать разговор? Он не сохранится.
quit-question = Выйти из Composure? Разговор не сохранится.
yes = да
no-keep-going = нет, продолжить

## Разбор.
debrief-title = Разбор · { $title }
debrief-score-pieces = ведение разговора { $handling } · этот итог даёт не больше { $ending_cap } · серьёзные ошибки дают не больше { $serious_cap }
debrief-turned-here = Где разговор повернул
debrief-serious-mistake = Серьёзная ошибка: нарушено правило «{ $rule }», и балл не выше { $cap }, как бы хорошо ни прошло остальное.
# Глагол прошедшего времени согласуется с родом клиента.
debrief-diagnosis = Диагноз: { $client } { $gender ->
    [feminine] казалась
   *[other] казался
} клиентом типа { $apparent }, а на деле — { $real }.
debrief-rules = Правила
debrief-decision-by-decision = Решение за решением

## На любом экране.
too-small = Окно терминала слишком маленькое: { $w }×{ $h }. Composure нужно не меньше { $min_w }×{ $min_h }. Увеличьте окно или нажмите q, чтобы выйти.
cannot-load-title = Не загружается
cannot-load = Файл сценария не загружается. Исправьте и сохраните: он загрузится сам.
reloaded = { $file } загружен заново
reloaded-lost = { $file } загружен заново: узла «{ $node }» больше нет, поэтому вы там, куда ещё ведут ваши ответы
reloaded-restart = { $file } загружен заново: правка больше не сходится с вашими ответами, поэтому разговор начинается заново
reloaded-failed = { $file } загружен заново, но продолжить разговор не удалось: { $error }
saved = Сохранено: { $title } (занятие №{ $id }).
not-saved = НЕ СОХРАНЕНО: { $title }: { $error }
no-suspend = Ctrl-Z: приостановить нельзя — Composure запущен не из оболочки с управлением заданиями, и вернуться будет некуда

## Справка.
help-title = Справка
help-about = Каждый выбор оценивается по своду правил (composure rules). Баллы учитывают, насколько важным было каждое решение, а итог разговора и серьёзные ошибки ограничивают их сверху. В разборе видно каждую часть оценки, лучший вариант и почему он лучший.
help-move-list = перемещение по списку
help-open-numbered = открыть сценарий по номеру
help-open = открыть выбранный сценарий
help-ends = в начало или в конец
help-filter-type = показать один тип клиента, затем следующий
help-filter-language = показать один язык, затем следующий
help-begin = начать разговор
help-scroll = прокрутка
help-page = прокрутить на страницу
help-back = назад
help-choose = ответить вариантом по номеру, когда он на экране
help-select = переход между вариантами; Enter отвечает выбранным
help-history = прокрутить разговор назад
help-continue = продолжить
help-scroll-happened = прокрутить то, что произошло
help-debrief = открыть разбор
help-leave = прервать разговор (сначала спросит)
help-again = сыграть сценарий ещё раз
help-home = к списку
help-close-help = закрыть справку
help-help = показать или скрыть справку
help-quit = выйти (во время разговора сначала спросит)
help-yes-leave = да, прервать
help-no-stay = нет, продолжить разговор
help-interrupt = выйти сразу
help-suspend = приостановить; fg в оболочке вернёт обратно
help-drill-begin = перейти к первой вводной
help-drill-review = открыть разбор выбранного сценария
help-review-numbered = открыть разбор по номеру
help-next = к следующему сценарию
help-back-summary = назад к итогам
help-back-history = назад к истории
help-transcript = открыть запись выбранного занятия

## Строка клавиш.
legend-move = выбор
legend-open = открыть
legend-help = справка
legend-quit = выход
legend-begin = начать
legend-scroll = прокрутка
legend-back = назад
legend-continue = дальше
legend-history = история
legend-leave = прервать
legend-debrief = разбор
legend-choose = ответить
legend-select = выбрать
legend-again = ещё раз
legend-home = к списку
legend-stay = остаться
legend-close-help = закрыть справку
legend-filter-type = клиент
legend-filter-language = язык
legend-transcript = запись разговора

## Тренировки на время.
drill-title = Тренировка · { $name }
drill-intro-trainee = Участник: { $trainee }
drill-coaching-now = Обратная связь — после каждого ответа.
drill-coaching-end = Обратная связь — только в конце, в итоговой сводке.
drill-intro-begin = Нажмите { $key }, чтобы перейти к первой вводной.
drill-progress = { $name } · { $n } из { $total }
drill-seconds = { $s } с
drill-per-answer = { $s } с на ответ
drill-time-ran-out = Время вышло: { $client } ждёт ответа, а молчание играет против вас.
drill-summary-title = Тренировка окончена · { $name }
drill-summary-head = Участник { $trainee }   Общий балл { $score }
drill-no-score = ни один сценарий не пройден
drill-column-scenario = Сценарий
drill-column-score = Баллы
drill-column-ending = Итог
drill-column-silent = Молчание
drill-column-average = Ср. время
drill-column-saved = Сохранено
drill-saving = сохраняется…
drill-saved-row = ✓ №{ $id }
drill-not-saved-row = ✗ не сохранено
decimal-separator = ,

## История.
history-title = История
history-empty = Участник: { $trainee } — результатов пока нет. Запустите с --trainee или пройдите тренировку.
history-scores = Динамика баллов · { $trainee }
history-rules = Соблюдение правил
history-recent = Последние занятия
history-practice = практика
history-unreadable = Запись этого разговора не читается.
history-pieces = ведение { $handling } · финал: { $rating } (не выше { $cap }) · { $serious ->
    [0] без серьёзных ошибок
    [one] { $serious } серьёзная ошибка
    [few] { $serious } серьёзные ошибки
   *[many] { $serious } серьёзных ошибок
}
history-older = * оценено по прежней модели
history-not-regraded = Результаты, оценённые по прежней модели, не удалось переоценить: в папку данных нельзя записывать.
