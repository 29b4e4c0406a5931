//! SEQUENCE numbers that never go down (RFC 5545, section 3.8.7.4).
//!
//! A calendar client ignores an event whose SEQUENCE is lower than the one it has, so
//! the number of a UID may only grow from build to build. `hexaglot build` keeps, in the
//! marker of its output folder ([`crate::sources::marker`]), each UID's content hash
//! and the SEQUENCE it was published with:
//! - the same hash keeps the same SEQUENCE, so unchanged input gives the same bytes;
//! - a new hash gets the larger of the last SEQUENCE plus one and the *floor*;
//! - a UID the state does not know (a new event, or no state at all) gets the floor.
//!
//! The floor is the last change of the inputs the events are made of (`content/data/`
//! and `content/site.yaml`), in seconds since 2000-01-01 UTC: the time of the last
//! commit that touched them when git has them unmodified — so every clone builds the
//! same calendars — and else their newest modification time. Each change of an event
//! comes with a change of those files, so the floor keeps up with the SEQUENCE: deleting
//! the state, or building where there is none (a fresh clone), never gives a number
//! lower than one published before, unless two builds of different events ran within
//! the same second. Seconds since 2000 stay below 2^31, the largest SEQUENCE clients
//! read, until 2068.
//!
//! The preview server, `check` and `status` read the marker of the site's output folder
//! and write nothing.

use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::sources::marker::Published;

/// 2000-01-01T00:00:00Z, in seconds since the Unix epoch.
const EPOCH_2000: u64 = 946_684_800;

/// The SEQUENCE of each `(uid, content hash)`, in order, from what the previous build
/// `published`, and what to keep for the next one. Events that are gone stay in what is
/// kept: one that comes back must not go down.
pub fn assign(
    published: &BTreeMap<String, Published>,
    events: &[(String, u64)],
    floor: u32,
) -> (Vec<u32>, BTreeMap<String, Published>) {
    let mut after = published.clone();
    let mut numbers = Vec::with_capacity(events.len());
    for (uid, hash) in events {
        let hash = format!("{hash:016x}");
        let sequence = match published.get(uid) {
            Some(p) if p.hash == hash => p.sequence,
            Some(p) => p.sequence.saturating_add(1).max(floor),
            None => floor,
        };
        numbers.push(sequence);
        after.insert(uid.clone(), Published { hash, sequence });
    }
    (numbers, after)
}

/// The floor of new numbers: the last change of the event data, in seconds since 2000,
/// below 2^31 (the largest SEQUENCE clients read) until 2068.
pub fn floor_of(data_changed: Option<SystemTime>) -> u32 {
    let seconds = data_changed
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs().saturating_sub(EPOCH_2000));
    seconds.min(i32::MAX as u64) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(u, h)| (u.to_string(), *h)).collect()
    }

    #[test]
    fn same_hash_same_number_new_hash_higher_never_lower() {
        let none = BTreeMap::new();
        let first = events(&[("a@x", 1), ("b@x", 2)]);
        let (numbers, kept) = assign(&none, &first, 100);
        assert_eq!(numbers, [100, 100]);
        let (again, kept_again) = assign(&kept, &first, 100);
        assert_eq!((again, &kept_again), (vec![100, 100], &kept));
        // a@x changes, and then changes back: up each time.
        let (changed, kept) = assign(&kept, &events(&[("a@x", 3), ("b@x", 2)]), 100);
        assert_eq!(changed, [101, 100]);
        let (back, kept) = assign(&kept, &first, 100);
        assert_eq!(back, [102, 100]);
        // A later floor (the state lost, the data changed since) wins.
        let (later, _) = assign(&kept, &events(&[("a@x", 4)]), 5000);
        assert_eq!(later, [5000]);
    }

    #[test]
    fn the_floor_counts_seconds_since_2000() {
        let t = UNIX_EPOCH + std::time::Duration::from_secs(EPOCH_2000 + 42);
        assert_eq!(floor_of(Some(t)), 42);
        assert_eq!(floor_of(None), 0);
    }
}
