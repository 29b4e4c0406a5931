# UI strings of the event pages: schedule, sessions, people, organizations, calendars.
# Every message exists in all six languages (themes/agora/locales/<lang>/event.ftl).

## Session times: CLDR writes times, ranges and zone names (ICU4X and CLDR's interval formats);
## these messages only word the sentence around them.
# Optional: a time range; $start, $end: CLDR's parts (13:00); $range: CLDR's whole range.
time-range = { $start }–{ $end }
# A session that ends on a later day; $range: the times; $days: how many days later.
time-range-later = { $range } { $days ->
    [one] (+1 day)
   *[other] (+{ $days } days)
}
# $name: CLDR's short name of the zone (CEST); $offset: CLDR's GMT format (GMT+2).
session-zone = { $name } ({ $offset })
# Where the language has no name for the zone, or the zone is GMT itself.
session-zone-offset = { $offset }

## The visitor's own time, added by local-time.js
# The script puts the time, in the visitor's zone, where { $time } stands.
local-time = Your time: { $time }
local-time-day-later = +1 day
local-time-day-earlier = −1 day

## Schedule
schedule-title = Schedule
schedule-views-label = Views of the schedule
schedule-by-day = By day
schedule-by-track = By track
schedule-no-track = Other sessions
# The heading of the timetable's one column, when sessions have no room and no track.
schedule-sessions = Sessions
# The schedule grouped by room and by format, beside by day and by track.
schedule-by-room = By room
schedule-by-format = By format
# The schedule's filter: its legend, the name of each choice, the choice of every
# value, and what it says when nothing matches.
schedule-filter-label = Filter the schedule
schedule-filter-day = Day
schedule-filter-track = Track
schedule-filter-room = Room
schedule-filter-format = Format
schedule-filter-all = All
schedule-filter-empty = No session matches this choice.
calendar-programme = Add the programme to your calendar
# Next to the schedule: the programme in the frab/pentabarf schedule exchange format.
schedule-exchange-note = Use in your app: schedule apps such as Giggity, EventFahrplan and ConfClerk can follow the programme from either of these files.
schedule-exchange-xml = Schedule (XML)
schedule-exchange-json = Schedule (JSON)
# The room given in those files to the sessions that have no room.
exchange-no-room = No set room
programme-schedule-by-day = Schedule by day
programme-schedule-by-track = Schedule by track

## Session page
session-when = Date and time
session-room = Room
session-stream = Follow the session online
session-interpretation = Interpretation
session-accessibility = Accessibility
session-captioning = Live captioning
session-people = Speakers
session-organizations = Organizations
session-add-to-calendar = Add to calendar
session-calendar-file = Calendar file (.ics)
session-calendar-google = Google Calendar
session-register = Register
session-venue = Venue
# $floor: the floor number, 0 for the ground floor.
session-floor = { $floor ->
    [0] Ground floor
   *[other] Floor { $floor }
}
session-capacity = { $capacity ->
    [one] { $capacity } seat
   *[other] { $capacity } seats
}
session-map = Map
session-attend = How to attend
session-mode-online = Online only
session-mode-offline = In person only
session-mode-mixed = In person and online
session-recording = Watch the recording

## People and organizations
person-sessions = Sessions
organization-website = Website
organization-people = People
organization-sessions = Sessions
tier-co-organizer = Co-organizer
tier-partner = Participating organization
tier-commission = Participating commissions

# Above a session's description shown in another language (the session has none in the page's language).
session-description-fallback = This description is not yet available { $requested }. It is shown below { $original }.
