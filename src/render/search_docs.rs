//! The programme in the search index: every session, person and organization that has
//! a page in a language becomes a document of that language's index, with its texts in
//! that language and a line that says what it is (`search-session`, `search-person`,
//! `search-organization` and their variants in Fluent). A page of the theme that does not exist (no
//! `person.html`) indexes nothing.

use super::event_views::session_card;
use super::text::LangCtx;
use crate::event::format::Times;
use crate::i18n::messages::{
    Message, SEARCH_ORGANIZATION, SEARCH_PERSON, SEARCH_PERSON_ORGANIZATION, SEARCH_PERSON_ROLE,
    SEARCH_PERSON_ROLE_ORGANIZATION, SEARCH_SESSION, SEARCH_SESSION_ROOM,
};
use crate::i18n::{ArgValue, Localizer, fluent_args};
use crate::plan::{EventPage, JobKind, Plan};
use crate::search::{DESCRIPTION_WEIGHT, Doc, TITLE_WEIGHT};
use crate::site::{LangId, Site};

/// How much a speaker's name, a room or a track counts in a session (1 in the body).
const SPEAKER_WEIGHT: u32 = 3;

/// The documents of language `l`'s programme, in the plan's order.
pub fn programme(
    site: &Site,
    localizer: &Localizer,
    times: &Times,
    plan: &Plan,
    l: LangId,
) -> Vec<Doc> {
    let lang = site.langs[l].lang.as_str();
    let cx = LangCtx::new(site, lang);
    let rtl = site.config.direction(lang) == crate::config::Direction::Rtl;
    // In right-to-left text each value is isolated as a whole, and a time range or a
    // Latin room name in it is laid out left to right, as the pages' `bidi` filter does.
    let isolate = |t: &str| match rtl {
        true => format!("\u{2068}{}\u{2069}", crate::i18n::bidi::isolate_ltr_text(t)),
        false => t.to_string(),
    };
    let line = |m: Message, args: Vec<(&str, String)>| {
        let args = fluent_args(args.into_iter().map(|(k, v)| (k, ArgValue::Text(v))));
        localizer
            .format(lang, m.id, Some(&args))
            .unwrap_or_default()
    };
    let mut docs = Vec::new();
    for job in plan.jobs.iter().filter(|j| j.lang == l) {
        let JobKind::Event(page) = job.kind else {
            continue;
        };
        match page {
            EventPage::Session(i) => {
                let s = &site.data.sessions[i];
                let Ok(card) = session_card(site, localizer, times, &cx, s) else {
                    continue;
                };
                // The day and the time, each isolated: a year and a time range side by
                // side are two values, not one left-to-right run.
                let day = isolate(&card.when.day_display);
                let when = match &card.when.time_display {
                    Some(time) => format!("{day} {}", isolate(time)),
                    None => day,
                };
                let excerpt = match &card.room {
                    Some(room) => line(
                        SEARCH_SESSION_ROOM,
                        vec![("when", when), ("room", isolate(room.text))],
                    ),
                    None => line(SEARCH_SESSION, vec![("when", when)]),
                };
                let mut texts = vec![(card.title.text.to_string(), TITLE_WEIGHT)];
                if let Some(d) = &s.description {
                    texts.push((cx.text(d).text.to_string(), DESCRIPTION_WEIGHT));
                }
                let named = card.people.iter().map(|p| p.name.text);
                let named = named.chain(card.room.iter().map(|r| r.text));
                let named = named.chain(card.track.iter().map(|t| t.name.text));
                let named = named.chain(card.format.iter().map(|f| f.text));
                texts.extend(named.map(|t| (t.to_string(), SPEAKER_WEIGHT)));
                docs.push(Doc {
                    url: card.href,
                    title: card.title.text.to_string(),
                    excerpt,
                    texts,
                });
            }
            EventPage::Person(i) => {
                // The record the plan names, read directly: a link view would look it up
                // again by id and process its photo.
                let p = &site.data.people[i];
                let name = cx.text(&p.name).text;
                let role = p.role.as_ref().map(|r| cx.text(r).text);
                let organization = p
                    .organization
                    .as_deref()
                    .and_then(|id| site.data.organization(id))
                    .map(|o| cx.text(&o.name).text);
                let excerpt = match (role, organization) {
                    (None, None) => line(SEARCH_PERSON, vec![]),
                    (Some(r), None) => line(SEARCH_PERSON_ROLE, vec![("role", isolate(r))]),
                    (None, Some(o)) => line(
                        SEARCH_PERSON_ORGANIZATION,
                        vec![("organization", isolate(o))],
                    ),
                    (Some(r), Some(o)) => line(
                        SEARCH_PERSON_ROLE_ORGANIZATION,
                        vec![("role", isolate(r)), ("organization", isolate(o))],
                    ),
                };
                let mut texts = vec![(name.to_string(), TITLE_WEIGHT)];
                let about = role.into_iter().chain(organization);
                texts.extend(about.map(|t| (t.to_string(), DESCRIPTION_WEIGHT)));
                docs.push(Doc {
                    url: cx.urls.person(&p.id),
                    title: name.to_string(),
                    excerpt,
                    texts,
                });
            }
            EventPage::Organization(i) => {
                let o = &site.data.organizations[i];
                let name = cx.text(&o.name).text;
                let mut texts = vec![(name.to_string(), TITLE_WEIGHT)];
                let acronym = o.acronym.as_ref().map(|a| cx.text(a).text);
                texts.extend(acronym.map(|a| (a.to_string(), TITLE_WEIGHT)));
                docs.push(Doc {
                    url: cx.urls.organization(&o.id),
                    title: name.to_string(),
                    excerpt: line(SEARCH_ORGANIZATION, vec![]),
                    texts,
                });
            }
            _ => {}
        }
    }
    docs
}
