//! Pages made from event data, planned and filled like content pages: the schedule by
//! day and by track, one page per session, person and organization, in every language
//! at the same id-based URL (`/<lang>/sessions/<id>/`).
//!
//! They are planned in [`crate::plan`]; this fills their contexts. Session cards are
//! built once per language and shared by every page that lists sessions.

use serde::Serialize;
use tera::{Context, Value};

use super::cards::Shared;
use super::event_views::*;
use super::text::{LangCtx, Text};
use super::views::Alternate;
use crate::data::Tier;
use crate::i18n::Localizer;
use crate::plan::EventPage;
use crate::site::{LangId, Site};

/// Fills the context of an event page; returns its canonical URL.
pub fn context(
    site: &Site,
    localizer: &Localizer,
    shared: &Shared,
    l: LangId,
    page: EventPage,
    ctx: &mut Context,
) -> String {
    let lang = &site.langs[l].lang;
    let cx = LangCtx::new(site, lang);
    let data = &site.data;
    let home = &site.langs[l].entries[site.home].path;
    let cards = shared.cards(l);
    let card = |i: usize, day: Option<crate::content::PageDate>| shared.card(l, i, day);
    let sessions_of = |list: Option<&Vec<usize>>| -> Vec<Value> {
        list.into_iter().flatten().map(|&i| card(i, None)).collect()
    };
    match page {
        EventPage::ScheduleByDay
        | EventPage::ScheduleByTrack
        | EventPage::ScheduleByRoom
        | EventPage::ScheduleByFormat => {
            ctx.insert(
                "schedule",
                &schedule(
                    site,
                    localizer,
                    &shared.times,
                    &cx,
                    &shared.schedule,
                    &shared.timetables,
                    &card,
                    page.grouping(),
                ),
            );
        }
        EventPage::Session(i) => {
            if let Some(view) = session_page(site, localizer, &cards[i], &cx, i, home) {
                ctx.insert_value("session", view);
            }
        }
        EventPage::Person(i) => {
            let p = &data.people[i];
            ctx.insert(
                "person",
                &PersonPage {
                    id: &p.id,
                    name: cx.text(&p.name),
                    role: p.role.as_ref().map(|r| cx.text(r)),
                    photo: cx.picture(site, p.photo.as_deref(), p.photo_alt.as_ref(), &p.name),
                    organization: p
                        .organization
                        .as_deref()
                        .and_then(|o| organization_link(site, &cx, o)),
                    sessions: sessions_of(shared.schedule.by_person.get(p.id.as_str())),
                },
            );
        }
        EventPage::Organization(i) => {
            let o = &data.organizations[i];
            ctx.insert(
                "organization",
                &OrganizationPage {
                    id: &o.id,
                    name: cx.text(&o.name),
                    acronym: o.acronym.as_ref().map(|a| cx.text(a)),
                    logo: cx.picture(site, o.logo.as_deref(), o.logo_alt.as_ref(), &o.name),
                    link: o.link.as_deref(),
                    tier: o.tier,
                    host: o.host,
                    people: data
                        .people
                        .iter()
                        .filter(|p| p.organization.as_deref() == Some(&o.id))
                        .filter_map(|p| person_link(site, &cx, &p.id))
                        .collect(),
                    sessions: sessions_of(shared.schedule.by_organization.get(o.id.as_str())),
                },
            );
        }
    }
    // The page's path in each of the site's languages, made once for the switcher,
    // the alternates and the canonical URL.
    let languages = &site.config.languages;
    let paths: Vec<String> = languages
        .iter()
        .map(|language| page.path(site, &language.code))
        .collect();
    let path_in = |code: &str| -> String {
        match languages.iter().position(|language| language.code == code) {
            Some(i) => paths[i].clone(),
            None => page.path(site, code),
        }
    };
    let switcher: Vec<SwitcherLink> = languages
        .iter()
        .zip(&paths)
        .map(|(language, path)| SwitcherLink {
            code: &language.code,
            name: &language.name,
            dir: language.direction.as_str(),
            href: path.clone(),
            translated: true,
        })
        .collect();
    ctx.insert("languages", &switcher);
    let alternates: Vec<Alternate> = site
        .langs
        .iter()
        .map(|ls| Alternate {
            lang: &ls.lang,
            href: site.config.absolute(&path_in(&ls.lang)),
        })
        .collect();
    ctx.insert("alternates", &alternates);
    ctx.insert(
        "x_default",
        &site
            .config
            .absolute(&path_in(&site.config.default_language)),
    );
    let own = path_in(lang);
    ctx.insert("page_href", &own);
    site.config.absolute(&own)
}

/// The view of session `i`'s page: its card's fields and those of [`SessionPage`].
fn session_page(
    site: &Site,
    localizer: &Localizer,
    card: &Value,
    cx: &LangCtx,
    i: usize,
    home: &str,
) -> Option<Value> {
    let s = &site.data.sessions[i];
    // The card built once for every page that lists the session; none when its times
    // could not be written (the error is reported). Its fields are taken as they are,
    // not serialized again.
    let mut fields = card.clone().into_map()?;
    let interpretation = s
        .interpretation
        .iter()
        .map(|code| LanguageName {
            code: code.clone(),
            name: localizer.language_name(cx.lang, code),
        })
        .collect();
    let google = format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}&details={}",
        query_encode(cx.text(&s.title).text),
        google_dates(&s.when),
        query_encode(&cx.urls.absolute(&cx.urls.session(&s.id))),
    );
    let page = SessionPage {
        description: s.description.as_ref().map(|d| cx.text(d)),
        room_details: super::venue_view::session_room(cx, &site.data, s),
        venue: site
            .data
            .venue()
            .filter(|_| site.data.in_place(s))
            .map(|v| super::venue_view::venue(cx, v)),
        attendance: site.data.mode_of(s),
        stream: s.stream.as_deref(),
        recording: s.recording.as_deref(),
        registration: s.registration.as_deref().or_else(|| {
            site.data
                .event
                .as_ref()
                .and_then(|e| e.registration.as_deref())
        }),
        captioning: s.captioning,
        interpretation,
        ics: cx.urls.session_ics(&s.id),
        google,
        json_ld: super::json_ld::session(site, cx, s, home),
    };
    fields.extend(Value::from_serializable(&page).into_map()?);
    Some(Value::from(fields))
}

/// A language of the switcher: the same fields as [`super::views::LanguageLink`], with the URL of this
/// event page in that language.
#[derive(Serialize)]
struct SwitcherLink<'a> {
    code: &'a str,
    name: &'a str,
    dir: &'static str,
    href: String,
    translated: bool,
}

/// What a session's page shows beside its card (see [`SessionCard`]).
#[derive(Serialize)]
struct SessionPage<'a> {
    description: Option<Text<'a>>,
    /// The room with its floor, capacity and accessibility notes.
    room_details: Option<super::venue_view::RoomView<'a>>,
    /// The venue, for a session held in a place.
    venue: Option<super::venue_view::VenueView<'a>>,
    /// How people attend: the session's mode, else the event's.
    attendance: Option<crate::data::Attendance>,
    stream: Option<&'a str>,
    /// The recording, after the session.
    recording: Option<&'a str>,
    /// The session's registration, else the event's.
    registration: Option<&'a str>,
    captioning: bool,
    interpretation: Vec<LanguageName>,
    ics: String,
    google: String,
    json_ld: String,
}

/// A person's page.
#[derive(Serialize)]
struct PersonPage<'a> {
    id: &'a str,
    name: Text<'a>,
    role: Option<Text<'a>>,
    photo: Option<super::text::PictureView<'a>>,
    organization: Option<Link<'a>>,
    sessions: Vec<Value>,
}

/// An organization's page.
#[derive(Serialize)]
struct OrganizationPage<'a> {
    id: &'a str,
    name: Text<'a>,
    acronym: Option<Text<'a>>,
    logo: Option<super::text::PictureView<'a>>,
    link: Option<&'a str>,
    tier: Tier,
    host: bool,
    people: Vec<PersonLink<'a>>,
    sessions: Vec<Value>,
}
