# Textos de las páginas del evento: calendario, sesiones, personas, organizaciones, agendas.
# Cada mensaje existe en los seis idiomas (themes/agora/locales/<lang>/event.ftl).

## Horas de las sesiones: CLDR escribe las horas, los intervalos y los nombres de los husos;
## estos mensajes solo redactan la frase
time-range = { $start }–{ $end }
time-range-later = { $range } { $days ->
    [one] (+1 día)
   *[other] (+{ $days } días)
}
# La abreviatura del huso (CEST) no se usa en español: solo se indica la diferencia horaria.
session-zone = { $offset }
session-zone-offset = { $offset }

## Hora local del visitante, añadida por local-time.js
local-time = Su hora: { $time }
local-time-day-later = +1 día
local-time-day-earlier = −1 día

## Calendario
schedule-title = Calendario de sesiones
schedule-views-label = Vistas del calendario
schedule-by-day = Por día
schedule-by-track = Por serie de sesiones
schedule-no-track = Otras sesiones
# The heading of the timetable's one column, when sessions have no room and no track.
schedule-sessions = Sesiones
# The schedule grouped by room and by format, beside by day and by track.
schedule-by-room = Por sala
schedule-by-format = Por formato
# The schedule's filter: its legend, the name of each choice, the choice of every
# value, and what it says when nothing matches.
schedule-filter-label = Filtrar el calendario
schedule-filter-day = Día
schedule-filter-track = Serie de sesiones
schedule-filter-room = Sala
schedule-filter-format = Formato
schedule-filter-all = Todos
schedule-filter-empty = Ninguna sesión corresponde a esta selección.
calendar-programme = Añadir el programa a su calendario
schedule-exchange-note = Para usar en su aplicación: las aplicaciones de programas como Giggity, EventFahrplan o ConfClerk pueden seguir el programa a partir de cualquiera de estos archivos.
schedule-exchange-xml = Programa (XML)
schedule-exchange-json = Programa (JSON)
exchange-no-room = Sin sala asignada
programme-schedule-by-day = Calendario de sesiones por día
programme-schedule-by-track = Calendario de sesiones por serie

## Página de una sesión
session-when = Fecha y hora
session-room = Sala
session-stream = Seguir la sesión en línea
session-interpretation = Interpretación
session-accessibility = Accesibilidad
session-captioning = Subtitulado en directo
session-people = Oradores
session-organizations = Organizaciones
session-add-to-calendar = Añadir al calendario
session-calendar-file = Archivo de calendario (.ics)
session-calendar-google = Google Calendar
session-register = Inscribirse
session-venue = Sede
# $floor: the floor number, 0 for the ground floor.
session-floor = { $floor ->
    [0] Planta baja
   *[other] Planta { $floor }
}
session-capacity = { $capacity ->
    [one] { $capacity } plaza
   *[other] { $capacity } plazas
}
session-map = Mapa
session-attend = Cómo participar
session-mode-online = Solo en línea
session-mode-offline = Solo de forma presencial
session-mode-mixed = De forma presencial y en línea
session-recording = Ver la grabación

## Personas y organizaciones
person-sessions = Sesiones
organization-website = Sitio web
organization-people = Personas
organization-sessions = Sesiones
tier-co-organizer = Coorganizador
tier-partner = Organización participante
tier-commission = Comisiones participantes

# Encima de la descripción de una sesión mostrada en otro idioma (la sesión no la tiene en el idioma de la página).
session-description-fallback = Esta descripción aún no está disponible { $requested }. A continuación se muestra { $original }.
