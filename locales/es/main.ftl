# Textos de la interfaz del tema del Foro. Cada mensaje existe en los seis idiomas.

## Página
skip-link = Ir al contenido principal
site-nav-label = Navegación principal
language-nav-label = Idiomas
page-contents = En esta página
section-pages = En esta sección

## Navegación
nav-home = Inicio
nav-about = Acerca del Foro
nav-programme = Programa
nav-organizers = Organizadores y asociados
nav-participate = Participar
nav-letter = Carta de invitación
nav-contact = Contacto

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
footer-organizers = Organizado conjuntamente por la UIT, la UNESCO, la UNCTAD y el PNUD, y acogido por la UIT.
footer-languages = Este sitio se publica en los seis idiomas oficiales de las Naciones Unidas.
footer-built-with = Creado con hexaglot

## Inicio, programa y organizadores
home-final-week = Semana final
home-pre-events = Actividades previas
home-co-organizers = Coorganizadores
home-take-part = Participar en el Foro
home-see-programme = Ver el programa
programme-tracks = Series de sesiones y formatos
programme-key-dates = Fechas clave
organizers-co = Coorganizadores
organizers-host = Organización anfitriona
organizers-partners = Con la participación de las siguientes entidades de las Naciones Unidas
person-with-role = { $name }, { $role }

## Periodos: los escriben los formatos de intervalo de CLDR; este mensaje solo redacta la frase
date-range = { $precision ->
    [day] del { $start } al { $end }
   *[other] { $range }
}
