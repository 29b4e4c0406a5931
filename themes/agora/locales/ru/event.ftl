# Тексты страниц мероприятия: расписание, заседания, участники, организации, календари.
# Каждое сообщение есть на всех шести языках (themes/agora/locales/<lang>/event.ftl).

## Время заседаний: время, интервалы и названия часовых поясов пишет CLDR;
## эти сообщения задают только фразу вокруг них
time-range = { $start }–{ $end }
time-range-later = { $range } { $days ->
    [one] (+{ $days } день)
    [few] (+{ $days } дня)
   *[other] (+{ $days } дней)
}
session-zone = { $name } ({ $offset })
session-zone-offset = { $offset }

## Местное время посетителя, добавляемое local-time.js
local-time = Ваше время: { $time }
local-time-day-later = +1 день
local-time-day-earlier = −1 день

## Расписание
schedule-title = Расписание заседаний
schedule-views-label = Варианты расписания
schedule-by-day = По дням
schedule-by-track = По сегментам
schedule-no-track = Другие заседания
# The heading of the timetable's one column, when sessions have no room and no track.
schedule-sessions = Заседания
# The schedule grouped by room and by format, beside by day and by track.
schedule-by-room = По залам
schedule-by-format = По форматам
# The schedule's filter: its legend, the name of each choice, the choice of every
# value, and what it says when nothing matches.
schedule-filter-label = Фильтр расписания
schedule-filter-day = День
schedule-filter-track = Сегмент
schedule-filter-room = Зал
schedule-filter-format = Формат
schedule-filter-all = Все
schedule-filter-empty = Нет заседаний, отвечающих этому выбору.
calendar-programme = Добавить программу в календарь
schedule-exchange-note = Для вашего приложения: приложения для расписаний, такие как Giggity, EventFahrplan и ConfClerk, могут показывать программу по любому из этих файлов.
schedule-exchange-xml = Программа (XML)
schedule-exchange-json = Программа (JSON)
exchange-no-room = Зал не назначен
programme-schedule-by-day = Расписание по дням
programme-schedule-by-track = Расписание по сегментам

## Страница заседания
session-when = Дата и время
session-room = Зал
session-stream = Смотреть заседание онлайн
session-interpretation = Устный перевод
session-accessibility = Доступность
session-captioning = Субтитры в реальном времени
session-people = Выступающие
session-organizations = Организации
session-add-to-calendar = Добавить в календарь
session-calendar-file = Файл календаря (.ics)
session-calendar-google = Google Календарь
session-register = Зарегистрироваться
session-venue = Место проведения
# $floor: the floor number, 0 for the ground floor.
session-floor = { $floor ->
    [0] Цокольный этаж
   *[other] Этаж { $floor }
}
session-capacity = { $capacity ->
    [one] { $capacity } место
    [few] { $capacity } места
   *[other] { $capacity } мест
}
session-map = Карта
session-attend = Как принять участие
session-mode-online = Только онлайн
session-mode-offline = Только очно
session-mode-mixed = Очно и онлайн
session-recording = Смотреть запись

## Участники и организации
person-sessions = Заседания
organization-website = Веб-сайт
organization-people = Представители
organization-sessions = Заседания
tier-co-organizer = Соорганизатор
tier-partner = Участвующая организация
tier-commission = Участвующие комиссии

# Над описанием заседания, показанным на другом языке (на языке страницы описания нет).
session-description-fallback = Это описание пока недоступно { $requested }. Ниже оно приводится { $original }.
