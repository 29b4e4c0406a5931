# Búsqueda, canal de noticias y navegación hacia las noticias.

## Canal Atom: título del canal y del enlace que lleva a él. $site es el título del sitio.
feed-title = { $site }: noticias
feed-subscribe = Canal de noticias (Atom)

## Búsqueda. La página de búsqueda funciona en el navegador; $count y $query se completan allí.
search-title = Búsqueda
search-label = Buscar en este sitio
search-placeholder = Por ejemplo: programa, ponentes
search-submit = Buscar
search-results = { $count ->
    [one] Se encontró { $count } página
   *[other] Se encontraron { $count } páginas
}
search-no-results = Ninguna página coincide con «{ $query }».
search-noscript = La búsqueda funciona en su navegador y requiere JavaScript. Todas las páginas figuran también en la navegación de arriba.
search-unavailable = No se pudo cargar el índice de búsqueda. Vuelva a intentarlo más tarde.

## El programa en los resultados de búsqueda: qué es un resultado, con su fecha y hora, su sala, su función o su organización
search-session = Sesión · { $when }
search-session-room = Sesión · { $when } · { $room }
search-person = Persona
search-person-role = Persona · { $role }
search-person-organization = Persona · { $organization }
search-person-role-organization = Persona · { $role }, { $organization }
search-organization = Organización
