//! The session cards of every language, built once per build and shared by every page
//! that lists sessions (the schedules, people, organizations, the home page's data).

use rayon::prelude::*;
use tera::Value;

use super::event_views::session_card;
use super::text::LangCtx;
use crate::error::Diagnostics;
use crate::event::Schedule;
use crate::event::format::Times;
use crate::event::timetable::{Timetable, timetable};
use crate::i18n::Localizer;
use crate::site::Site;

/// What every event page of a language shares: the schedule and the session cards.
pub struct Shared {
    /// The programme's order and groups.
    pub schedule: Schedule,
    /// Time formatters.
    pub times: Times,
    /// The timetable of each day of the schedule (the schedule by day).
    pub timetables: Vec<Timetable>,
    /// Per language (same order as `site.langs`): one card per session.
    cards: Vec<Vec<Value>>,
}

impl Shared {
    /// Builds the cards of every session in every language.
    pub fn build(site: &Site, localizer: &Localizer, out: &mut Diagnostics) -> Shared {
        let times = Times::new(&site.config);
        // Languages in parallel; diagnostics kept in language order.
        let per_lang: Vec<(Vec<Value>, Vec<crate::error::Diagnostic>)> = site
            .langs
            .par_iter()
            .map(|lang_site| {
                let cx = LangCtx::new(site, &lang_site.lang);
                let mut problems = Vec::new();
                let lang_cards = site
                    .data
                    .sessions
                    .iter()
                    .map(|s| match session_card(site, localizer, &times, &cx, s) {
                        Ok(card) => Value::from_serializable(&card),
                        Err(d) => {
                            problems.push(d);
                            Value::none()
                        }
                    })
                    .collect();
                (lang_cards, problems)
            })
            .collect();
        let mut cards = Vec::with_capacity(per_lang.len());
        for (lang_cards, problems) in per_lang {
            for d in problems {
                out.push(d);
            }
            cards.push(lang_cards);
        }
        let schedule = Schedule::new(&site.data);
        let timetables = schedule
            .days
            .iter()
            .map(|day| timetable(&site.data, day.date, &day.sessions))
            .collect();
        Shared {
            schedule,
            timetables,
            times,
            cards,
        }
    }

    /// The session cards of language `l`.
    pub fn cards(&self, l: usize) -> &[Value] {
        &self.cards[l]
    }

    /// The schedule.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }
}
