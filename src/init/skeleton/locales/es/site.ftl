### Los textos de interfaz del sitio: su menú, su pie de página y los botones de su página
### de inicio (content/site.yaml los nombra). Los del tema están en themes/agora/locales/:
### para cambiar uno, defina aquí el mismo mensaje.

## Menú
nav-home = Inicio
nav-about = Acerca de
nav-programme = Programa
nav-schedule = Calendario
nav-news = Noticias
nav-contact = Contacto

## Botones de la página de inicio
home-see-schedule = Ver el calendario

## Pie de página
footer-note = Organizado por la Organización de ejemplo. (Un ejemplo: cambie esta línea en locales/es/site.ftl.)
