### Тексты интерфейса темы agora: оформление страниц, уведомления, списки, главная и программа.
### Каждое сообщение есть на шести языках ООН. Сайт меняет сообщение, определяя его заново
### в своих locales/<lang>/*.ftl: они важнее сообщений темы.

## Страница
skip-link = Перейти к основному содержанию
site-nav-label = Главное меню
language-nav-label = Языки
section-pages = В этом разделе

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
language-ils = международный жестовый язык
    .in = на международном жестовом языке
language-de = немецкий
    .in = на немецком языке
language-pt = португальский
    .in = на португальском языке
language-it = итальянский
    .in = на итальянском языке
language-nl = нидерландский
    .in = на нидерландском языке
language-pl = польский
    .in = на польском языке
language-uk = украинский
    .in = на украинском языке
language-tr = турецкий
    .in = на турецком языке
language-fa = персидский
    .in = на персидском языке
language-he = иврит
    .in = на иврите
language-ur = урду
    .in = на урду
language-hi = хинди
    .in = на хинди
language-bn = бенгальский
    .in = на бенгальском языке
language-sw = суахили
    .in = на суахили
language-ja = японский
    .in = на японском языке
language-ko = корейский
    .in = на корейском языке
language-id = индонезийский
    .in = на индонезийском языке

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
footer-built-with = Создано с помощью hexaglot

## Главная, программа, организаторы
home-co-organizers = Соорганизаторы
programme-tracks = Сегменты и форматы заседаний
programme-key-dates = Ключевые даты
organizers-co = Соорганизаторы
organizers-host = Принимающая сторона
organizers-partners = Участвующие организации
person-with-role = { $name }, { $role }

## Периоды: их пишут интервальные форматы CLDR; это сообщение задаёт только соединение
date-range = { $difference ->
    [day] { $start }–{ $end }
   *[other] { $start } – { $end }
}

## Как заголовок страницы и название сайта соединяются в <title>; $page, $site: заголовки.
page-title = { $page } · { $site }
# Название организации с сокращением; $name, $acronym: оба, уже размеченные.
name-with-acronym = { $name } ({ $acronym })
