# Содержимое страниц: оглавления, нумерация страниц, шорткоды, изображения (docs/page-features.md).
pagination-label = Страницы
pagination-newer = Более новые
pagination-older = Более ранние
pagination-number = { $number }
pagination-current = Страница { $number } из { $total }
video-play = Воспроизвести видео
video-notice = Видео воспроизводится с сайта { $provider }: при запуске загружается его страница.
video-watch = Смотреть на { $provider }
callout-note = Примечание
callout-warning = Внимание
callout-tip = Совет
# The title of a page's table of contents.
page-contents = На этой странице
