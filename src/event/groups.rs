//! The sessions grouped by what they share: a room, a track or a format. The schedule
//! by room (or track, or format) lists these groups, and the timetable's columns are
//! rooms or tracks.

use crate::data::EventData;

/// What a group of sessions shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    /// A room of `rooms.yaml` (its index).
    Room(usize),
    /// A room named on the session itself (`room: {en: Foyer}`): the index of the first
    /// session naming it.
    NamedRoom(usize),
    /// A track (its index).
    Track(usize),
    /// A format (its index).
    Format(usize),
    /// Sessions in no room (or track, or format).
    Other,
}

/// What sessions are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Their room.
    Room,
    /// Their track.
    Track,
    /// Their format.
    Format,
}

impl Grouping {
    /// The group of session `i`.
    pub fn heading(self, data: &EventData, i: usize) -> Heading {
        let s = &data.sessions[i];
        match self {
            Grouping::Room => {
                if let Some(r) = index(s.room_id.as_deref(), data.rooms.iter().map(|r| &*r.id)) {
                    return Heading::Room(r);
                }
                match &s.room {
                    Some(_) if s.room_id.is_none() => {
                        Heading::NamedRoom(data.named_rooms.get(i).copied().unwrap_or(i))
                    }
                    _ => Heading::Other,
                }
            }
            Grouping::Track => index(s.track.as_deref(), data.tracks.iter().map(|t| &*t.id))
                .map_or(Heading::Other, Heading::Track),
            Grouping::Format => index(s.format.as_deref(), data.formats.iter().map(|f| &*f.id))
                .map_or(Heading::Other, Heading::Format),
        }
    }

    /// Whether some session has a room (or track, or format).
    pub fn used(self, data: &EventData) -> bool {
        (0..data.sessions.len()).any(|i| self.heading(data, i) != Heading::Other)
    }
}

/// The position of `id` among `ids`.
fn index<'a>(id: Option<&str>, mut ids: impl Iterator<Item = &'a str>) -> Option<usize> {
    let id = id?;
    ids.position(|x| x == id)
}

/// The order of groups: as their file lists them, rooms named on sessions in the order
/// they first appear, then the rest.
pub fn rank(heading: &Heading) -> (u8, usize) {
    match heading {
        Heading::Room(i) | Heading::Track(i) | Heading::Format(i) => (0, *i),
        Heading::NamedRoom(i) => (1, *i),
        Heading::Other => (2, 0),
    }
}

/// `sessions` (in time order) grouped by `grouping`, groups in [`rank`] order.
pub fn groups(
    data: &EventData,
    grouping: Grouping,
    sessions: impl Iterator<Item = usize>,
) -> Vec<(Heading, Vec<usize>)> {
    let mut groups: Vec<(Heading, Vec<usize>)> = Vec::new();
    for i in sessions {
        let heading = grouping.heading(data, i);
        match groups.iter_mut().find(|(h, _)| *h == heading) {
            Some((_, list)) => list.push(i),
            None => groups.push((heading, vec![i])),
        }
    }
    groups.sort_by_key(|(h, _)| rank(h));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_groups_come_first_and_the_rest_last() {
        let mut headings = vec![
            Heading::Other,
            Heading::NamedRoom(3),
            Heading::Room(2),
            Heading::Room(0),
        ];
        headings.sort_by_key(rank);
        assert_eq!(
            headings,
            [
                Heading::Room(0),
                Heading::Room(2),
                Heading::NamedRoom(3),
                Heading::Other
            ]
        );
    }
}
