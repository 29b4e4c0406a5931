### Los textos de interfaz propios del Foro: su menú, su pie de página, las etiquetas de su página
### de inicio y las formulaciones que prefiere a las del tema (organizers-partners,
### search-placeholder). Los demás mensajes vienen de themes/agora/locales/.

## Navegación
nav-home = Inicio
nav-about = Acerca del Foro
nav-programme = Programa
nav-organizers = Organizadores y asociados
nav-participate = Participar
nav-letter = Carta de invitación
nav-contact = Contacto

## Pie de página
footer-organizers = Organizado conjuntamente por la UIT, la UNESCO, la UNCTAD y el PNUD, y acogido por la UIT.
footer-languages = Este sitio se publica en los seis idiomas oficiales de las Naciones Unidas.

## Inicio, programa y organizadores
home-final-week = Semana final
home-pre-events = Actividades previas
home-take-part = Participar en el Foro
home-see-programme = Ver el programa
organizers-partners = Con la participación de las siguientes entidades de las Naciones Unidas
nav-news = Noticias

## Búsqueda. La página de búsqueda funciona en el navegador; $count y $query se completan allí.
search-placeholder = Por ejemplo: foro, ODS
