# Что командная строка выводит для участника или руководителя команды.

list-col-id = идентификатор
list-col-language = язык
list-col-client = клиент
list-col-length = длина
list-col-difficulty = сложность
list-col-title = название
list-fallback-note = *: на русский ещё не переведён; показан на указанном языке
list-empty = Подходящих сценариев нет.

play-saved = сохранено: занятие { $session }

warning-skipped = предупреждение: пропущено: { $problem }
warning-skipped-hint = предупреждение: подробности покажет `composure check` для этих файлов
