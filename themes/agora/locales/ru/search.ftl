# Поиск, лента новостей и переход к новостям.

## Лента Atom: название ленты и ссылки на неё. $site — название сайта.
feed-title = { $site }: новости
feed-subscribe = Лента новостей (Atom)

## Поиск. Страница поиска работает в браузере; $count и $query подставляются там.
search-title = Поиск
search-label = Поиск по сайту
search-placeholder = Например: программа, докладчики
search-submit = Найти
search-results = { $count ->
    [one] Найдена { $count } страница
    [few] Найдены { $count } страницы
   *[many] Найдено { $count } страниц
}
search-no-results = По запросу «{ $query }» ничего не найдено.
search-noscript = Поиск работает в вашем браузере и требует JavaScript. Все страницы также перечислены в меню выше.
search-unavailable = Не удалось загрузить поисковый индекс. Повторите попытку позже.

## Программа в результатах поиска: что это за результат, с датой и временем, залом, ролью или организацией
search-session = Заседание · { $when }
search-session-room = Заседание · { $when } · { $room }
search-person = Участник
search-person-role = Участник · { $role }
search-person-organization = Участник · { $organization }
search-person-role-organization = Участник · { $role }, { $organization }
search-organization = Организация
