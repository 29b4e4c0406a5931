# UI strings of the synthetic benchmark theme.
languages = Языки
tags = Метки
not-found = Страница не найдена
