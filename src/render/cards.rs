//! The session cards of every language, built once per build and shared by every page
//! that lists sessions (the schedules, people, organizations, the home page's data).

use tera::Value;

use super::event_views::session_card;
use super::text::LangCtx;
use crate::error::Diagnostics;
use crate::event::Schedule;
use crate::event::format::Times;
use crate::i18n::Localizer;
use crate::site::Site;

/// What every event page of a language shares: the schedule and the session cards.
pub struct Shared {
    /// The programme's order and groups.
    pub schedule: Schedule,
    /// Time formatters.
    pub times: Times,
    /// Per language (same order as `site.langs`): one card per session.
    cards: Vec<Vec<Value>>,
}

impl Shared {
    /// Builds the cards of every session in every language.
    pub fn build(site: &Site, localizer: &Localizer, out: &mut Diagnostics) -> Shared {
        let times = Times::new(&site.config);
        let mut cards = Vec::new();
        for lang_site in &site.langs {
            let cx = LangCtx::new(site, &lang_site.lang);
            let mut lang_cards = Vec::with_capacity(site.data.sessions.len());
            for s in &site.data.sessions {
                match session_card(site, localizer, &times, &cx, s) {
                    Ok(card) => lang_cards.push(Value::from_serializable(&card)),
                    Err(d) => {
                        out.push(d);
                        lang_cards.push(Value::none());
                    }
                }
            }
            cards.push(lang_cards);
        }
        Shared {
            schedule: Schedule::new(&site.data),
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
