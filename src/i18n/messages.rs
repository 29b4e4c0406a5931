//! The Fluent messages hexaglot formats itself (not through `t()` in a template): their
//! ids and the variables it passes, in one place. Call sites name these constants, and
//! `check` knows from the same list which messages a language needs and which variables
//! a translation may use.

/// A message the generator formats, with the variables it passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    /// The message id.
    pub id: &'static str,
    /// The variables it receives; a translation may use any of them, and no other.
    pub variables: &'static [&'static str],
}

/// A time range ending on a later day (`23:30–00:30 (+1 day)`).
pub const TIME_RANGE_LATER: Message = Message {
    id: "time-range-later",
    variables: &["range", "days"],
};

/// The event's zone: CLDR's name and GMT offset (`CEST (GMT+2)`).
pub const SESSION_ZONE: Message = Message {
    id: "session-zone",
    variables: &["name", "offset"],
};

/// The event's zone when CLDR has no name for it: the offset alone.
pub const SESSION_ZONE_OFFSET: Message = Message {
    id: "session-zone-offset",
    variables: &["offset"],
};

/// The search page's result count.
pub const SEARCH_RESULTS: Message = Message {
    id: "search-results",
    variables: &["count"],
};

/// The search page's "no results".
pub const SEARCH_NO_RESULTS: Message = Message {
    id: "search-no-results",
    variables: &["query"],
};

/// The title of a language's Atom feed.
pub const FEED_TITLE: Message = Message {
    id: "feed-title",
    variables: &["site"],
};

/// The wording around a CLDR date range (optional: without it, CLDR's text).
pub const DATE_RANGE: Message = Message {
    id: "date-range",
    variables: &["start", "end", "range", "precision", "difference"],
};

/// The wording around a CLDR time range (optional: without it, CLDR's text).
pub const TIME_RANGE: Message = Message {
    id: "time-range",
    variables: &["start", "end", "range"],
};

/// The room of the sessions that have none, in the schedule exchange files.
pub const EXCHANGE_NO_ROOM: Message = Message {
    id: "exchange-no-room",
    variables: &[],
};

/// The title of a session's stream link in the schedule exchange files.
pub const EXCHANGE_STREAM: Message = Message {
    id: "session-stream",
    variables: &[],
};

/// The title of a session's registration link in the schedule exchange files.
pub const EXCHANGE_REGISTRATION: Message = Message {
    id: "session-register",
    variables: &[],
};

/// A session's line in search results: its date and time.
pub const SEARCH_SESSION: Message = Message {
    id: "search-session",
    variables: &["when"],
};

/// A session's line in search results: its date, time and room.
pub const SEARCH_SESSION_ROOM: Message = Message {
    id: "search-session-room",
    variables: &["when", "room"],
};

/// A person's line in search results.
pub const SEARCH_PERSON: Message = Message {
    id: "search-person",
    variables: &[],
};

/// A person's line in search results, with their role.
pub const SEARCH_PERSON_ROLE: Message = Message {
    id: "search-person-role",
    variables: &["role"],
};

/// A person's line in search results, with their organization.
pub const SEARCH_PERSON_ORGANIZATION: Message = Message {
    id: "search-person-organization",
    variables: &["organization"],
};

/// A person's line in search results, with their role and organization.
pub const SEARCH_PERSON_ROLE_ORGANIZATION: Message = Message {
    id: "search-person-role-organization",
    variables: &["role", "organization"],
};

/// An organization's line in search results.
pub const SEARCH_ORGANIZATION: Message = Message {
    id: "search-organization",
    variables: &[],
};

/// Messages a language needs wherever the default language has them.
pub const GENERATED: [Message; 16] = [
    TIME_RANGE_LATER,
    SESSION_ZONE,
    SESSION_ZONE_OFFSET,
    SEARCH_RESULTS,
    SEARCH_NO_RESULTS,
    FEED_TITLE,
    EXCHANGE_NO_ROOM,
    EXCHANGE_STREAM,
    EXCHANGE_REGISTRATION,
    SEARCH_SESSION,
    SEARCH_SESSION_ROOM,
    SEARCH_PERSON,
    SEARCH_PERSON_ROLE,
    SEARCH_PERSON_ORGANIZATION,
    SEARCH_PERSON_ROLE_ORGANIZATION,
    SEARCH_ORGANIZATION,
];

/// Messages used when a language defines them; they never fall back to another
/// language.
pub const OPTIONAL: [Message; 2] = [DATE_RANGE, TIME_RANGE];

/// The prefix of the messages that name languages (`language-ar`, with the attribute
/// `.in` for "in Arabic"): the generator names interpretation languages with them.
pub const LANGUAGE_PREFIX: &str = "language-";

/// The id of the message naming language `code`.
pub fn language_name(code: &str) -> String {
    format!("{LANGUAGE_PREFIX}{code}")
}

/// The message the generator formats with this id, if any.
pub fn generated(id: &str) -> Option<Message> {
    GENERATED
        .iter()
        .chain(&OPTIONAL)
        .find(|m| m.id == id)
        .copied()
}
