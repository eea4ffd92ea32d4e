# Ошибки во вводе пользователя или в его данных (src/cli/errors.rs). $detail — то, что сообщил
# парсер, SQLite или файловая система, по-английски; файл:строка:столбец остаются как есть.

error-line = composure: ошибка: { $message }
error-none = (пусто)

error-unknown-scenario = нет сценария с идентификатором «{ $id }»; в библиотеке есть: { $known }
error-unknown-scenario-near = нет сценария с идентификатором «{ $id }»; может быть, «{ $near }»?
error-unknown-rule = нет правила с идентификатором «{ $id }»; в своде правил есть: { $known }
error-unknown-rule-near = нет правила с идентификатором «{ $id }»; может быть, «{ $near }»?
error-unknown-drill = нет ни файла тренировки, ни встроенной тренировки «{ $id }»; встроенные тренировки: { $known }
error-unknown-drill-near = нет ни файла тренировки, ни встроенной тренировки «{ $id }»; может быть, «{ $near }»?
error-unknown-client-type = неизвестный тип клиента «{ $id }»; типы клиентов: { $known }
error-unknown-client-type-near = неизвестный тип клиента «{ $id }»; может быть, «{ $near }»?
error-unknown-list-language = «{ $id }» — не язык, на котором говорит Composure; укажите en, nb, ru или all

error-trainee-empty = для --trainee нужно имя, например --trainee "Анна Ли"
error-trainee-too-long = имя участника может быть не длиннее { $n ->
    [one] { $n } символа
   *[other] { $n } символов
}
error-trainee-character = в имени участника на { $n }-й позиции стоит { $code } — управляющий или невидимый символ; используйте только печатные символы

error-bad-since = «{ $text }» — ни дата, ни момент времени: укажите день в вашем часовом поясе как ГГГГ-ММ-ДД (2026-01-31) или точное время со смещением в формате RFC 3339 (2026-01-31T09:00:00+01:00)
error-no-results = в { $path } пока нет результатов: сыграйте с --trainee ИМЯ или сначала пройдите тренировку
error-no-mistakes = у участника { $trainee } нет ошибок для повторной тренировки: в каждой последней попытке все ответы были лучшими (или ещё ничего не сохранено)

error-cannot-play = не удаётся запустить { $path }:
error-cannot-run-drill = не удаётся запустить тренировку { $path }:

error-needs-terminal = этому экрану нужен терминал, а стандартный ввод или вывод — не терминал; { $instead }
error-instead-play-answers = чтобы играть без терминала, передайте ответы: composure play ID --answers A,B,...
error-instead-drill-answers = чтобы играть без терминала, передайте ответы: composure drill DRILL --trainee ИМЯ --answers A,B,...
error-instead-report-trainee = результаты участника выводит `composure report --trainee ИМЯ`
error-instead-list-or-play = `composure list` выводит список сценариев, а `composure play ID --answers A,B,...` проигрывает сценарий без терминала
error-watch-needs-file = для --watch нужен путь к файлу сценария, а не идентификатор: composure play ФАЙЛ.ron --watch

error-store-open = не удаётся открыть базу результатов { $path }: { $detail }
error-store-folder = не удаётся создать папку данных { $path }: { $detail }
error-store-too-new = база результатов { $path } записана более новой версией Composure (схема { $found }; эта версия знает { $known }); файл не тронут
error-store-too-old = в базе результатов { $path } нет схемы, которую Composure может прочитать (схема { $found }; эта версия читает с 1 по { $known }); сыграйте или пройдите тренировку один раз с --trainee, чтобы её создать
error-store-no-data-dir = нет папки данных: задайте COMPOSURE_DATA_DIR или укажите --data-dir ({ $detail })
error-store-sqlite = база результатов: { $detail }
error-store-transcript = сохранённую запись разговора не удаётся прочитать: { $detail }
error-save-result = не удалось сохранить результат сценария { $scenario }

error-answer-nth = ответ { $number } из { $total }
error-answers-ran-out = ответы закончились на «{ $node }», а разговор ещё не завершён; там можно выбрать: { $offered }
error-answers-left-over = разговор завершился на «{ $node }» после { $n ->
    [one] { $n } ответа
   *[other] { $n } ответов
}; «{ $answer }» и все ответы после него не использованы
error-script-answer = { $scenario }: ответ «{ $answer }»
error-engine-finished = разговор окончен; выбирать больше нечего
error-engine-not-offered = варианта «{ $choice }» нет на «{ $node }»; там можно выбрать: { $offered }
error-engine-missing-node = в сценарии нет узла «{ $node }»
error-engine-runaway-routes = переходы от «{ $node }» сделали больше { $n ->
    [one] { $n } круга
   *[other] { $n } кругов
} без вопроса участнику

error-sessions-with-xapi = --sessions выводит занятия таблицей, в CSV или JSON; --format xapi и так даёт по одному утверждению на занятие
error-bom-without-csv = --bom начинает файл CSV с метки порядка байтов: используйте его с --format csv
error-send-without-xapi = --send отправляет утверждения xAPI в хранилище учебных записей (LRS): используйте его с --format xapi
error-iri-base-without-xapi = --iri-base задаёт IRI в утверждениях xAPI: используйте его с --format xapi
