### Textos de interfaz del tema agora: marco de las páginas, avisos, listas, inicio y programa.
### Cada mensaje existe en los seis idiomas de la ONU. Un sitio cambia uno definiendo el mismo
### mensaje en sus propios locales/<lang>/*.ftl, que prevalecen sobre los del tema.

## Página
skip-link = Ir al contenido principal
site-nav-label = Navegación principal
language-nav-label = Idiomas
section-pages = En esta sección

## Nombres de los idiomas
language-ar = árabe
    .in = en árabe
language-zh = chino
    .in = en chino
language-en = inglés
    .in = en inglés
language-fr = francés
    .in = en francés
language-ru = ruso
    .in = en ruso
language-es = español
    .in = en español
language-ils = Sistema de Signos Internacional
    .in = en Sistema de Signos Internacional
language-de = alemán
    .in = en alemán
language-pt = portugués
    .in = en portugués
language-it = italiano
    .in = en italiano
language-nl = neerlandés
    .in = en neerlandés
language-pl = polaco
    .in = en polaco
language-uk = ucraniano
    .in = en ucraniano
language-tr = turco
    .in = en turco
language-fa = persa
    .in = en persa
language-he = hebreo
    .in = en hebreo
language-ur = urdu
    .in = en urdu
language-hi = hindi
    .in = en hindi
language-bn = bengalí
    .in = en bengalí
language-sw = suajili
    .in = en suajili
language-ja = japonés
    .in = en japonés
language-ko = coreano
    .in = en coreano
language-id = indonesio
    .in = en indonesio

## Avisos sobre el idioma de la página
fallback-notice = Esta página aún no está disponible { $requested }. A continuación se muestra { $original }.
translation-official = Este es el texto oficial.
translation-official-original = Esta es una traducción oficial del texto original { $original }.
translation-unofficial = Esta es una traducción no oficial. Solo el texto original es auténtico.
translation-unofficial-original = Esta es una traducción no oficial. Solo el texto original { $original } es auténtico.
translation-machine = Esta página se ha traducido automáticamente. Solo el texto original es auténtico.
translation-machine-original = Esta página se ha traducido automáticamente. Solo el texto original { $original } es auténtico.
translation-read-original = Leer el original

## Etiquetas
tags-title = Etiquetas
tag-title = Páginas con la etiqueta «{ $tag }»
pages-count = { $count ->
    [one] { $count } página
   *[other] { $count } páginas
}

## Página de error y elección del idioma
not-found-title = Página no encontrada
not-found-text = La página que busca no existe o se ha trasladado.
not-found-home = Ir a la página de inicio
chooser-title = Elija su idioma

## Pie de página
footer-built-with = Creado con hexaglot

## Inicio, programa y organizadores
home-co-organizers = Coorganizadores
programme-tracks = Series de sesiones y formatos
programme-key-dates = Fechas clave
organizers-co = Coorganizadores
organizers-host = Organización anfitriona
organizers-partners = Organizaciones participantes
person-with-role = { $name }, { $role }

## Periodos: los escriben los formatos de intervalo de CLDR; este mensaje solo redacta la frase
date-range = { $precision ->
    [day] del { $start } al { $end }
   *[other] { $range }
}

## Cómo se unen el título de la página y el del sitio en <title>; $page, $site: los títulos.
page-title = { $page } · { $site }
# El nombre de una organización con su sigla; $name, $acronym: ambos, ya marcados.
name-with-acronym = { $name } ({ $acronym })
