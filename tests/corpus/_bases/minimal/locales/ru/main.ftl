nav-home = Главная
nav-about = О сайте
fallback = Страница не переведена; показана { $original }.
language-en = на английском языке
pages-count = { $count ->
    [one] { $count } страница
    [few] { $count } страницы
    [many] { $count } страниц
   *[other] { $count } страницы
}
