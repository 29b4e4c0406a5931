//! The schedule exchange format of frab, pentabarf and pretalx ("Fahrplan"): one model
//! of a conference schedule, written as `schedule.xml` and `schedule.json` and read
//! back by the importer.
//!
//! Schedule apps (Giggity, EventFahrplan, ConfClerk, info-beamer) read one file per
//! conference in one language, so [`build`] makes a [`Schedule`] per language of the
//! site from its checked event data; [`xml`] and [`json`] write it in the two published
//! shapes; [`read_xml`] and [`read_json`] parse either shape, from us or from another
//! tool, back into the same model. The model is the format's, not ours: times are text
//! with their offsets, and every name is already in one language.
//!
//! Identifiers are stable across builds and languages: a session's GUID is the UUID v5
//! (URL namespace) of its page's address without the language (`<base_url>sessions/<id>/`),
//! so the same session in the French and the Arabic file is one event to an app.

mod build;
pub mod json;
pub mod read_json;
pub mod read_xml;
pub mod xml;

pub use build::build;

/// The version written in `<version>`: the format has no schema version, so frab and
/// pretalx write the version of the schedule; ours is the generator's.
pub const VERSION: &str = concat!("hexaglot ", env!("CARGO_PKG_VERSION"));

/// One conference schedule in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    /// The version string of this schedule.
    pub version: String,
    /// Where relative links resolve (the site's base URL).
    pub base_url: Option<String>,
    /// The conference as a whole.
    pub conference: Conference,
    /// Days, in date order, with their rooms and events.
    pub days: Vec<Day>,
}

/// The conference.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Conference {
    /// Short lowercase name (`event_example_org`), both formats' patterns.
    pub acronym: String,
    /// Title.
    pub title: String,
    /// First day (`YYYY-MM-DD`).
    pub start: String,
    /// Last day.
    pub end: String,
    /// IANA zone of the conference.
    pub time_zone_name: Option<String>,
    /// The conference's web site.
    pub url: Option<String>,
    /// Tracks, in the site's order.
    pub tracks: Vec<TrackInfo>,
    /// Rooms, in order of first use.
    pub rooms: Vec<RoomInfo>,
}

/// A track as the conference lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackInfo {
    /// Name in the file's language.
    pub name: String,
    /// Our track id, when it fits the format's slug pattern.
    pub slug: Option<String>,
}

/// A room as the conference lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomInfo {
    /// Name in the file's language.
    pub name: String,
    /// Stable id.
    pub guid: Option<String>,
}

/// One day of the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// 1-based.
    pub index: u32,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Start of the first event, RFC 3339 with offset.
    pub start: String,
    /// End of the last event.
    pub end: String,
    /// Rooms with events on this day.
    pub rooms: Vec<DayRoom>,
}

/// A room on a day, with its events in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRoom {
    /// Name.
    pub name: String,
    /// Stable id.
    pub guid: Option<String>,
    /// Events.
    pub events: Vec<Event>,
}

/// One event (a session, or one day of a session that spans several days).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Event {
    /// Stable UUID.
    pub guid: String,
    /// Positive integer id (frab's legacy id).
    pub id: u64,
    /// pretalx's submission code, when the source has one.
    pub code: Option<String>,
    /// Start, RFC 3339 with the offset of the session's zone.
    pub date: String,
    /// Start, `HH:MM`, wall clock of `date`.
    pub start: String,
    /// `HH:MM`.
    pub duration: String,
    /// Room name.
    pub room: String,
    /// Lowercase slug.
    pub slug: Option<String>,
    /// The event's page.
    pub url: Option<String>,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Track name.
    pub track: Option<String>,
    /// Kind of session (our format's name).
    pub kind: String,
    /// Language of the texts.
    pub language: Option<String>,
    /// Short text.
    pub abstract_text: String,
    /// Long text.
    pub description: Option<String>,
    /// Speakers.
    pub persons: Vec<Person>,
    /// Links (stream, registration).
    pub links: Vec<Link>,
    /// Where it was read, when it was.
    pub at: Option<At>,
}

/// A place in a file that was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// A byte offset.
    Offset(usize),
    /// A 1-based line and column.
    LineColumn(usize, usize),
}

/// Why a schedule file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Where.
    pub at: At,
    /// What is wrong, with what was expected.
    pub message: String,
}

/// A speaker of an event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Person {
    /// Name in the file's language.
    pub name: String,
    /// Stable UUID.
    pub guid: Option<String>,
    /// pretalx's speaker code.
    pub code: Option<String>,
    /// The person's page.
    pub url: Option<String>,
    /// Biography or function.
    pub biography: Option<String>,
}

/// A link of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Address.
    pub url: String,
    /// Text.
    pub title: String,
    /// The format's link type (`media` for a stream, `web` for a registration page).
    pub kind: Option<String>,
}

/// The link type of a session's stream.
pub const LINK_STREAM: &str = "media";
/// The link type of a session's registration page.
pub const LINK_REGISTRATION: &str = "web";

/// The UUID v5 (URL namespace) of `url`, lowercase and hyphenated.
pub fn guid(url: &str) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, url.as_bytes()).to_string()
}

/// The GUID of a session, from the site's base URL and the session id.
pub fn session_guid(base_url: &str, id: &str) -> String {
    guid(&format!("{base_url}sessions/{id}/"))
}

/// The GUID of a person.
pub fn person_guid(base_url: &str, id: &str) -> String {
    guid(&format!("{base_url}people/{id}/"))
}

/// The GUID of the room that holds the sessions without a room: the format puts every
/// event in a room, so these share one, named by the `exchange-no-room` message. The
/// importer knows it by this GUID and gives its sessions no room.
pub fn no_room_guid(base_url: &str) -> String {
    guid(&format!("{base_url}#no-room"))
}

/// The GUID of a room, from its name in the site's default language.
pub fn room_guid(base_url: &str, name: &str) -> String {
    guid(&format!("{base_url}#room-{name}"))
}

/// The conference acronym for a site: its host in lowercase letters, digits and
/// underscores (`event.example.org` → `event_example_org`), which both validators accept.
pub fn acronym(host: &str) -> String {
    let mut out: String = host
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    while out.len() < 4 {
        out.push('_');
    }
    out
}

/// Whether `text` is a slug both validators accept after `<acronym>-`: lowercase ASCII
/// letters, digits, `-` and `_`, ending with a letter or digit, at least four long.
pub fn is_slug_part(text: &str) -> bool {
    text.len() >= 4
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && text
            .bytes()
            .last()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// `HH:MM` for a number of minutes (hours may pass 24).
pub fn hours_minutes(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_uuid_v5_of_the_session_url() {
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://e.org/sessions/opening/")
        assert_eq!(
            session_guid("https://e.org/", "opening"),
            "1d1b5c08-e5b1-5368-9c26-81881840349f"
        );
        assert_ne!(
            session_guid("https://e.org/", "a"),
            session_guid("https://e.org/", "b")
        );
    }

    #[test]
    fn acronyms_fit_both_patterns() {
        assert_eq!(acronym("event.example.org"), "event_example_org");
        assert_eq!(acronym("a.b"), "a_b_");
        assert!(is_slug_part("opening"));
        assert!(!is_slug_part("ai"));
        assert!(!is_slug_part("جلسة"));
        assert!(!is_slug_part("late-"));
    }
}
