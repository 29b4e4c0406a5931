# Тексты интерфейса темы Форума. Каждое сообщение есть на всех шести языках.

## Страница
skip-link = Перейти к основному содержанию
site-nav-label = Главное меню
language-nav-label = Языки
page-contents = На этой странице
section-pages = В этом разделе

## Меню
nav-home = Главная
nav-about = О Форуме
nav-programme = Программа
nav-organizers = Организаторы и партнеры
nav-participate = Участие
nav-letter = Письмо-приглашение
nav-contact = Контакты

## Названия языков
language-ar = арабский
    .in = на арабском языке
language-zh = китайский
    .in = на китайском языке
language-en = английский
    .in = на английском языке
language-fr = французский
    .in = на французском языке
language-ru = русский
    .in = на русском языке
language-es = испанский
    .in = на испанском языке

## Уведомления о языке страницы
fallback-notice = Эта страница пока недоступна { $requested }. Ниже она приводится { $original }.
translation-official = Это официальный текст.
translation-official-original = Это официальный перевод оригинального текста { $original }.
translation-unofficial = Это неофициальный перевод. Аутентичным является только оригинальный текст.
translation-unofficial-original = Это неофициальный перевод. Аутентичным является только оригинальный текст { $original }.
translation-machine = Эта страница переведена автоматически. Аутентичным является только оригинальный текст.
translation-machine-original = Эта страница переведена автоматически. Аутентичным является только оригинальный текст { $original }.
translation-read-original = Читать оригинал

## Теги
tags-title = Теги
tag-title = Страницы с тегом «{ $tag }»
pages-count = { $count ->
    [one] { $count } страница
    [few] { $count } страницы
    [many] { $count } страниц
   *[other] { $count } страницы
}

## Страница ошибки и выбор языка
not-found-title = Страница не найдена
not-found-text = Страница, которую вы ищете, не существует или была перемещена.
not-found-home = Перейти на главную страницу
chooser-title = Выберите язык

## Нижний колонтитул
footer-organizers = Соорганизаторы — МСЭ, ЮНЕСКО, ЮНКТАД и ПРООН; принимающая сторона — МСЭ.
footer-languages = Сайт публикуется на шести официальных языках Организации Объединенных Наций.
footer-built-with = Создано с помощью hexaglot

## Главная, программа, организаторы
home-final-week = Заключительная неделя
home-pre-events = Предварительные мероприятия
home-co-organizers = Соорганизаторы
home-take-part = Принять участие в Форуме
home-see-programme = Ознакомиться с программой
programme-tracks = Сегменты и форматы заседаний
programme-key-dates = Ключевые даты
organizers-co = Соорганизаторы
organizers-host = Принимающая сторона
organizers-partners = При участии следующих структур системы Организации Объединенных Наций
person-with-role = { $name }, { $role }

## Периоды: их пишут интервальные форматы CLDR; это сообщение задаёт только соединение
date-range = { $difference ->
    [day] { $start }–{ $end }
   *[other] { $start } – { $end }
}
