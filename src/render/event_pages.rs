//! Pages made from event data, planned and filled like content pages: the schedule by
//! day and by track, one page per session, person and organization, in every language
//! at the same id-based URL (`/<lang>/sessions/<id>/`).
//!
//! A page is planned only when the theme has its template (`schedule.html`,
//! `session.html`, `person.html`, `organization.html`), so a theme without a programme
//! simply has none. Session cards are built once per language and shared by every page
//! that lists sessions.

use serde::Serialize;
use tera::{Context, Value};

use super::data_view::Text;
use super::event_views::*;
use super::views::Alternate;
use super::{Job, JobKind, Templates, out_path};
use crate::data::Tier;
use crate::error::{Diagnostic, Diagnostics};
use crate::event::Schedule;
use crate::event::format::Times;
use crate::i18n::Localizer;
use crate::site::Site;

/// Which page of the event data a job renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventPage {
    /// The schedule, grouped by day.
    ScheduleByDay,
    /// The schedule, grouped by track.
    ScheduleByTrack,
    /// A session (index into `EventData::sessions`).
    Session(usize),
    /// A person.
    Person(usize),
    /// An organization.
    Organization(usize),
}

impl EventPage {
    /// The value of `kind` in the template context.
    pub fn kind_name(self) -> &'static str {
        match self {
            EventPage::ScheduleByDay | EventPage::ScheduleByTrack => "schedule",
            EventPage::Session(_) => "session",
            EventPage::Person(_) => "person",
            EventPage::Organization(_) => "organization",
        }
    }

    fn template(self) -> &'static str {
        match self {
            EventPage::ScheduleByDay | EventPage::ScheduleByTrack => "schedule.html",
            EventPage::Session(_) => "session.html",
            EventPage::Person(_) => "person.html",
            EventPage::Organization(_) => "organization.html",
        }
    }

    /// The URL path of this page in `lang`.
    pub fn path(self, site: &Site, lang: &str) -> String {
        let urls = crate::event::Urls::new(&site.config, lang);
        let data = &site.data;
        match self {
            EventPage::ScheduleByDay => urls.schedule(),
            EventPage::ScheduleByTrack => urls.schedule_by_track(),
            EventPage::Session(i) => urls.session(&data.sessions[i].id),
            EventPage::Person(i) => urls.person(&data.people[i].id),
            EventPage::Organization(i) => urls.organization(&data.organizations[i].id),
        }
    }
}

/// Adds the event pages of every language to `jobs`; a URL already taken by a content
/// page is an error.
pub fn plan(site: &Site, templates: &Templates, jobs: &mut Vec<Job>, out: &mut Diagnostics) {
    let data = &site.data;
    let mut pages = Vec::new();
    if !data.sessions.is_empty() {
        pages.extend([EventPage::ScheduleByDay, EventPage::ScheduleByTrack]);
        pages.extend((0..data.sessions.len()).map(EventPage::Session));
    }
    pages.extend((0..data.people.len()).map(EventPage::Person));
    pages.extend((0..data.organizations.len()).map(EventPage::Organization));
    pages.retain(|p| templates.has(p.template()));
    for (l, lang_site) in site.langs.iter().enumerate() {
        for &page in &pages {
            let path = page.path(site, &lang_site.lang);
            if let Some(entry) = lang_site.entries.iter().find(|e| e.path == path) {
                out.push(
                    Diagnostic::error(&site.pages[entry.source].source.display, format!("{path} is also the URL of a page made from content/data"))
                        .hint("give the page another `slug`: sessions/, people/ and organizations/ belong to the event data"),
                );
                continue;
            }
            jobs.push(Job {
                out_path: out_path(site, &path),
                lang: l,
                kind: JobKind::Event(page),
                template: page.template().into(),
            });
        }
    }
}

/// What every event page of a language shares: the schedule and the session cards.
pub struct Shared {
    schedule: Schedule,
    times: Times,
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

/// Fills the context of an event page; returns its canonical URL.
pub fn context(
    site: &Site,
    localizer: &Localizer,
    shared: &Shared,
    l: usize,
    page: EventPage,
    ctx: &mut Context,
) -> String {
    let lang = &site.langs[l].lang;
    let cx = LangCtx::new(site, lang);
    let data = &site.data;
    let home = &site.langs[l].entries[site.home].path;
    let cards = shared.cards(l);
    let sessions_of = |list: Option<&Vec<usize>>| -> Vec<Value> {
        list.into_iter()
            .flatten()
            .map(|&i| cards[i].clone())
            .collect()
    };
    match page {
        EventPage::ScheduleByDay | EventPage::ScheduleByTrack => {
            let by_track = page == EventPage::ScheduleByTrack;
            ctx.insert(
                "schedule",
                &schedule(site, localizer, &cx, &shared.schedule, cards, by_track),
            );
        }
        EventPage::Session(i) => {
            if let Some(view) = session_page(site, localizer, shared, &cx, i, home) {
                ctx.insert("session", &view);
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
    let own = page.path(site, lang);
    let switcher: Vec<SwitcherLink> = site
        .config
        .languages
        .iter()
        .map(|language| SwitcherLink {
            code: &language.code,
            name: &language.name,
            dir: language.direction.as_str(),
            href: page.path(site, &language.code),
            translated: true,
        })
        .collect();
    ctx.insert("languages", &switcher);
    let alternates: Vec<Alternate> = site
        .langs
        .iter()
        .map(|ls| Alternate {
            lang: &ls.lang,
            href: site.config.absolute(&page.path(site, &ls.lang)),
        })
        .collect();
    ctx.insert("alternates", &alternates);
    ctx.insert(
        "x_default",
        &site
            .config
            .absolute(&page.path(site, &site.config.default_language)),
    );
    ctx.insert("page_href", &own);
    site.config.absolute(&own)
}

/// The view of session `i`'s page.
fn session_page<'a>(
    site: &'a Site,
    localizer: &Localizer,
    shared: &Shared,
    cx: &LangCtx,
    i: usize,
    home: &str,
) -> Option<SessionPage<'a>> {
    let s = &site.data.sessions[i];
    let card = session_card(site, localizer, &shared.times, cx, s).ok()?;
    let interpretation = s
        .interpretation
        .iter()
        .map(|code| LanguageName {
            code: code.clone(),
            name: localizer
                .text(cx.lang, &format!("language-{code}"))
                .unwrap_or_else(|_| code.clone()),
        })
        .collect();
    let google = format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}&details={}",
        query_encode(card.title.text),
        google_dates(&s.when),
        query_encode(&cx.urls.absolute(&card.href)),
    );
    Some(SessionPage {
        description: s.description.as_ref().map(|d| cx.text(d)),
        room: s.room.as_ref().map(|r| cx.text(r)),
        stream: s.stream.as_deref(),
        registration: s.registration.as_deref(),
        captioning: s.captioning,
        interpretation,
        ics: cx.urls.session_ics(&s.id),
        google,
        json_ld: super::json_ld::session(site, cx, s, home),
        card,
    })
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

/// The session page.
#[derive(Serialize)]
struct SessionPage<'a> {
    #[serde(flatten)]
    card: SessionCard<'a>,
    description: Option<Text<'a>>,
    room: Option<Text<'a>>,
    stream: Option<&'a str>,
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
    organization: Option<Link<'a>>,
    sessions: Vec<Value>,
}

/// An organization's page.
#[derive(Serialize)]
struct OrganizationPage<'a> {
    id: &'a str,
    name: Text<'a>,
    acronym: Option<Text<'a>>,
    link: Option<&'a str>,
    tier: Tier,
    host: bool,
    people: Vec<PersonLink<'a>>,
    sessions: Vec<Value>,
}
