# Textes des pages de l’événement : calendrier, sessions, personnes, organisations, agendas.
# Chaque message existe dans les six langues (themes/agora/locales/<lang>/event.ftl).

## Heures des sessions : CLDR écrit les heures, les intervalles et les noms de fuseaux ;
## ces messages n’en font que la phrase
time-range = { $start }–{ $end }
time-range-later = { $range } { $days ->
    [one] (+1 jour)
   *[other] (+{ $days } jours)
}
session-zone = { $name } ({ $offset })
session-zone-offset = { $offset }

## Heure locale du visiteur, ajoutée par local-time.js
local-time = Votre heure : { $time }
local-time-day-later = +1 jour
local-time-day-earlier = −1 jour

## Calendrier
schedule-title = Calendrier des sessions
schedule-views-label = Présentations du calendrier
schedule-by-day = Par jour
schedule-by-track = Par volet
schedule-no-track = Autres sessions
# The heading of the timetable's one column, when sessions have no room and no track.
schedule-sessions = Sessions
# The schedule grouped by room and by format, beside by day and by track.
schedule-by-room = Par salle
schedule-by-format = Par format
# The schedule's filter: its legend, the name of each choice, the choice of every
# value, and what it says when nothing matches.
schedule-filter-label = Filtrer le calendrier
schedule-filter-day = Jour
schedule-filter-track = Volet
schedule-filter-room = Salle
schedule-filter-format = Format
schedule-filter-all = Tous
schedule-filter-empty = Aucune session ne correspond à ce choix.
calendar-programme = Ajouter le programme à votre agenda
schedule-exchange-note = À utiliser dans votre application : les applications de programme comme Giggity, EventFahrplan ou ConfClerk peuvent suivre le programme à partir de l’un de ces fichiers.
schedule-exchange-xml = Programme (XML)
schedule-exchange-json = Programme (JSON)
exchange-no-room = Sans salle attribuée
programme-schedule-by-day = Calendrier des sessions par jour
programme-schedule-by-track = Calendrier des sessions par volet

## Page d’une session
session-when = Date et heure
session-room = Salle
session-stream = Suivre la session en ligne
session-interpretation = Interprétation
session-accessibility = Accessibilité
session-captioning = Sous-titrage en direct
session-people = Intervenants
session-organizations = Organisations
session-add-to-calendar = Ajouter à l’agenda
session-calendar-file = Fichier d’agenda (.ics)
session-calendar-google = Google Agenda
session-register = S’inscrire
session-venue = Lieu
# $floor: the floor number, 0 for the ground floor.
session-floor = { $floor ->
    [0] Rez-de-chaussée
   *[other] Étage { $floor }
}
session-capacity = { $capacity ->
    [one] { $capacity } place
   *[other] { $capacity } places
}
session-map = Plan d’accès
session-attend = Comment participer
session-mode-online = En ligne uniquement
session-mode-offline = En présentiel uniquement
session-mode-mixed = En présentiel et en ligne
session-recording = Voir l’enregistrement

## Personnes et organisations
person-sessions = Sessions
organization-website = Site Web
organization-people = Personnes
organization-sessions = Sessions
tier-co-organizer = Coorganisateur
tier-partner = Organisation participante
tier-commission = Commissions participantes

# Au-dessus de la description d’une session affichée dans une autre langue (la session n’en a pas dans la langue de la page).
session-description-fallback = Cette description n’est pas encore disponible { $requested }. Elle est présentée ci-dessous { $original }.
