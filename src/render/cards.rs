//! The session cards of every language, built once per build and shared by every page
//! that lists sessions (the schedules, people, organizations, the home page's data).
//!
//! A card is also rendered once, with the site's `session_card.html`, into its `html`:
//! the theme's lists print that instead of including the template again for every
//! session of every page (a programme of 2,000 sessions lists each about eight times
//! per language). Every card is rendered at once, on all cores, with what a list gives
//! it in a page: `s`, `lang`, `dir`, `site` and `day`, the day the session is listed under; a
//! session over several days has one rendering per day. A site's card that uses more
//! of the page (or fails alone) has no `html`, and the lists include the template in
//! the page, as before.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use super::Templates;
use super::event_views::session_card;
use super::text::LangCtx;
use crate::content::PageDate;
use crate::error::Diagnostics;
use crate::event::Schedule;
use crate::event::format::Times;
use crate::event::timetable::{Timetable, timetable};
use crate::i18n::Localizer;
use crate::site::{LangId, PerLang, Site};

/// The template a card is rendered with.
const CARD_TEMPLATE: &str = "session_card.html";

/// What a card rendered alone sees.
const CARD_SEES: [&str; 5] = ["s", "day", "lang", "dir", "site"];

/// What every event page of a language shares: the schedule and the session cards.
pub struct Shared {
    /// The programme's order and groups.
    pub schedule: Schedule,
    /// Time formatters.
    pub times: Times,
    /// The timetable of each day of the schedule (the schedule by day).
    pub timetables: Vec<Timetable>,
    /// Per language (same order as `site.langs`): one card per session.
    cards: PerLang<Vec<Value>>,
    /// Per language and session: the card with its `html`, on its first day.
    listed: PerLang<Vec<Value>>,
    /// Per language: the card with its `html` on each later day of a session over
    /// several days.
    later: PerLang<HashMap<(usize, PageDate), Value>>,
    /// Per session: its first day (the day its card is listed under).
    first_days: Vec<PageDate>,
}

/// The card template and what it sees in each language.
struct Renderer<'t> {
    templates: &'t Templates,
    /// Per language: `lang`, `dir` and `site`.
    base: PerLang<Context>,
    /// Per language: each day a session is listed under, as the schedule names it.
    days: PerLang<HashMap<PageDate, String>>,
}

/// The `day` a card is rendered under (the part of a schedule's day that a card uses).
#[derive(Serialize)]
struct CardDay<'a> {
    date: String,
    display: &'a str,
}

/// Whether the card template (with the templates it includes) uses only what it sees
/// when rendered alone: in Tera, a test of an unknown variable (`kind == "person"`)
/// is false rather than an error, so a card that reads the page would render wrong.
fn alone(templates: &Templates) -> bool {
    templates.has(CARD_TEMPLATE)
        && templates
            .tera
            .get_template_variables(CARD_TEMPLATE)
            .is_ok_and(|vars| vars.iter().all(|v| CARD_SEES.contains(v)))
}

impl Renderer<'_> {
    /// `card` (of language `l`) with the `html` of `session_card.html` rendered under
    /// `day`; the bare card when that fails.
    fn render(&self, card: &Value, l: LangId, day: PageDate) -> Value {
        if card.is_none() {
            return card.clone();
        }
        let mut ctx = self.base[l].clone();
        ctx.insert_value("s", card.clone());
        ctx.insert(
            "day",
            &CardDay {
                date: day.iso(),
                display: self.days[l].get(&day).map_or("", String::as_str),
            },
        );
        let Ok(html) = self.templates.tera.render(CARD_TEMPLATE, &ctx) else {
            return card.clone();
        };
        let Some(mut map) = card.clone().into_map() else {
            return card.clone();
        };
        map.insert("html".into(), Value::safe_string(&html));
        Value::from(map)
    }
}

impl Shared {
    /// Builds the cards of every session in every language, and renders them with
    /// `templates` and `site_values`, the `site` of each language's pages.
    pub fn build(
        site: &Site,
        localizer: &Localizer,
        templates: &Templates,
        site_values: &PerLang<Value>,
        out: &mut Diagnostics,
    ) -> Shared {
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
        let cards: PerLang<Vec<Value>> = per_lang
            .into_iter()
            .map(|(lang_cards, problems)| {
                out.extend(problems);
                lang_cards
            })
            .collect();
        let schedule = Schedule::new(&site.data);
        let timetables = schedule
            .days
            .iter()
            .map(|day| timetable(&site.data, day.date, &day.sessions))
            .collect();
        let sessions = &site.data.sessions;
        let first_days: Vec<PageDate> = sessions.iter().map(|s| s.when.first_day()).collect();
        let later_days: Vec<(usize, PageDate)> = sessions
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.when.days().into_iter().skip(1).map(move |d| (i, d)))
            .collect();
        let renderer = (alone(templates) && !sessions.is_empty()).then(|| {
            let dates: BTreeSet<PageDate> = first_days
                .iter()
                .chain(later_days.iter().map(|(_, d)| d))
                .copied()
                .collect();
            Renderer {
                templates,
                base: site
                    .config
                    .languages
                    .iter()
                    .zip(site_values)
                    .map(|(language, site_value)| {
                        let mut ctx = Context::new();
                        ctx.insert("lang", &language.code);
                        ctx.insert("dir", language.direction.as_str());
                        ctx.insert_value("site", site_value.clone());
                        ctx
                    })
                    .collect(),
                days: site
                    .langs
                    .iter()
                    .map(|ls| {
                        dates
                            .iter()
                            .map(|&d| (d, localizer.dates.with_weekday(&ls.lang, d)))
                            .collect()
                    })
                    .collect(),
            }
        });
        // Every page lists every card (the home page's `data.sessions`): all of them
        // are rendered at once, on all cores.
        let render = |l: LangId, i: usize, day: PageDate| match &renderer {
            Some(r) => r.render(&cards[l][i], l, day),
            None => cards[l][i].clone(),
        };
        let langs: Vec<LangId> = LangId::all(cards.len()).collect();
        let listed: PerLang<Vec<Value>> = langs
            .par_iter()
            .map(|&l| {
                (0..cards[l].len())
                    .into_par_iter()
                    .map(|i| render(l, i, first_days[i]))
                    .collect()
            })
            .collect();
        let later = langs
            .iter()
            .map(|&l| {
                later_days
                    .par_iter()
                    .map(|&(i, day)| ((i, day), render(l, i, day)))
                    .collect()
            })
            .collect();
        Shared {
            schedule,
            timetables,
            times,
            cards,
            listed,
            later,
            first_days,
        }
    }

    /// The session cards of language `l`, without their `html` (a session's page).
    pub fn cards(&self, l: LangId) -> &[Value] {
        &self.cards[l]
    }

    /// The card of session `i` in language `l` as a list shows it on `day` (its first
    /// day when `None`), with its `html` when it renders.
    pub fn card(&self, l: LangId, i: usize, day: Option<PageDate>) -> Value {
        match day.filter(|&d| d != self.first_days[i]) {
            Some(d) => self.later[l].get(&(i, d)).unwrap_or(&self.listed[l][i]),
            None => &self.listed[l][i],
        }
        .clone()
    }

    /// The schedule.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }
}
