//! Event data resolved for one language: every translatable field becomes the text in
//! that language (or its fallback, with the language it came from), ready for templates.
//! Records that have pages of their own carry their `href`; the programme's sessions come
//! as the cards the schedule shows, and `event.json_ld` describes the event for the home
//! page.

use serde::Serialize;
use tera::Value;

use super::cards::Shared;
use super::text::{LangCtx, Text};
use crate::data::{Precision, Tier};
use crate::i18n::Localizer;
use crate::site::{LangId, Site};

#[derive(Serialize)]
struct TrackView<'a> {
    id: &'a str,
    name: Text<'a>,
    description: Option<Text<'a>>,
    formats: Vec<FormatView<'a>>,
}

#[derive(Serialize)]
struct FormatView<'a> {
    id: &'a str,
    name: Text<'a>,
    description: Option<Text<'a>>,
}

#[derive(Serialize)]
struct KeyDateView<'a> {
    id: &'a str,
    title: Text<'a>,
    start: String,
    end: Option<String>,
    precision: Precision,
}

#[derive(Serialize)]
struct OrganizationView<'a> {
    id: &'a str,
    tier: Tier,
    host: bool,
    name: Text<'a>,
    acronym: Option<Text<'a>>,
    link: Option<&'a str>,
    logo: Option<super::text::PictureView<'a>>,
    href: String,
    people: Vec<PersonView<'a>>,
}

#[derive(Serialize)]
struct PersonView<'a> {
    id: &'a str,
    name: Text<'a>,
    role: Option<Text<'a>>,
    organization: Option<&'a str>,
    photo: Option<super::text::PictureView<'a>>,
    href: String,
}

#[derive(Serialize)]
struct DataView<'a> {
    tracks: Vec<TrackView<'a>>,
    key_dates: Vec<KeyDateView<'a>>,
    organizations: Vec<OrganizationView<'a>>,
    people: Vec<PersonView<'a>>,
    /// The organizations with a logo, by tier, for a wall of logos.
    logo_wall: Vec<LogoTier<'a>>,
    /// Session cards in time order.
    sessions: Vec<Value>,
    /// Links to the schedule, when there are sessions.
    schedule: Option<ScheduleLinks>,
    /// The programme's calendar, when there is one.
    calendar: Option<String>,
    event: EventView<'a>,
    /// Data of the site's own, in this language.
    #[serde(flatten)]
    custom: std::collections::BTreeMap<&'a str, serde_json::Value>,
}

/// The organizations of one tier that have a logo.
#[derive(Serialize)]
struct LogoTier<'a> {
    tier: Tier,
    /// How wide the logos are shown (`sizes`): co-organizers larger.
    sizes: &'static str,
    organizations: Vec<LogoLink<'a>>,
}

#[derive(Serialize)]
struct LogoLink<'a> {
    id: &'a str,
    href: String,
    logo: super::text::PictureView<'a>,
}

#[derive(Serialize)]
struct ScheduleLinks {
    by_day: String,
    by_track: String,
}

#[derive(Serialize)]
struct EventView<'a> {
    /// schema.org JSON-LD of the event, for the home page.
    json_ld: Option<String>,
    /// Attendance, link, registration, venue and rooms.
    #[serde(flatten)]
    facts: super::venue_view::EventFacts<'a>,
}

/// The data view of language `l`, as a Tera value shared by every page of that language.
pub fn build(site: &Site, _localizer: &Localizer, event: &Shared, l: LangId) -> Value {
    let lang = site.langs[l].lang.as_str();
    let cx = LangCtx::new(site, lang);
    let text = |l| cx.text(l);
    let data = &site.data;
    let urls = &cx.urls;
    let person = |p| person_view(site, p, &cx);
    let has_calendar = !data.sessions.is_empty() || data.key_dates.iter().any(|k| k.calendar);
    let view = DataView {
        tracks: data
            .tracks
            .iter()
            .map(|t| TrackView {
                id: &t.id,
                name: text(&t.name),
                description: t.description.as_ref().map(text),
                formats: data
                    .formats
                    .iter()
                    .filter(|f| f.track.as_ref().is_none_or(|ft| ft == &t.id))
                    .map(|f| FormatView {
                        id: &f.id,
                        name: text(&f.name),
                        description: f.description.as_ref().map(text),
                    })
                    .collect(),
            })
            .collect(),
        key_dates: data
            .key_dates
            .iter()
            .map(|k| KeyDateView {
                id: &k.id,
                title: text(&k.title),
                start: k.start.iso(),
                end: k.end.map(|e| e.iso()),
                precision: k.precision,
            })
            .collect(),
        organizations: data
            .organizations
            .iter()
            .map(|o| OrganizationView {
                id: &o.id,
                tier: o.tier,
                host: o.host,
                name: text(&o.name),
                acronym: o.acronym.as_ref().map(text),
                link: o.link.as_deref(),
                logo: cx.picture(site, o.logo.as_deref(), o.logo_alt.as_ref(), &o.name),
                href: urls.organization(&o.id),
                people: data
                    .people
                    .iter()
                    .filter(|p| p.organization.as_deref() == Some(o.id.as_str()))
                    .map(person)
                    .collect(),
            })
            .collect(),
        people: data.people.iter().map(person).collect(),
        logo_wall: [Tier::CoOrganizer, Tier::Partner, Tier::Commission]
            .into_iter()
            .map(|tier| LogoTier {
                tier,
                sizes: if tier == Tier::CoOrganizer {
                    "12rem"
                } else {
                    "8rem"
                },
                organizations: data
                    .organizations
                    .iter()
                    .filter(|o| o.tier == tier)
                    .filter_map(|o| {
                        Some(LogoLink {
                            id: &o.id,
                            href: urls.organization(&o.id),
                            logo: cx.picture(
                                site,
                                o.logo.as_deref(),
                                o.logo_alt.as_ref(),
                                &o.name,
                            )?,
                        })
                    })
                    .collect(),
            })
            .filter(|t| !t.organizations.is_empty())
            .collect(),
        sessions: event
            .schedule()
            .order
            .iter()
            .map(|&i| event.card(l, i, None))
            .collect(),
        schedule: (!data.sessions.is_empty()).then(|| ScheduleLinks {
            by_day: urls.schedule(),
            by_track: urls.schedule_by_track(),
        }),
        calendar: has_calendar.then(|| urls.programme_ics()),
        event: EventView {
            json_ld: super::json_ld::event(site, &cx, &site.langs[l].entries[site.home].path),
            facts: super::venue_view::event_facts(&cx, data),
        },
        custom: data
            .custom
            .iter()
            .map(|(name, value)| (name.as_str(), custom_in(site, lang, value)))
            .collect(),
    };
    Value::from_serializable(&view)
}

/// Data of the site's own in `lang`.
fn custom_in(site: &Site, lang: &str, value: &serde_json::Value) -> serde_json::Value {
    let fallback = site
        .config
        .language(lang)
        .map(|l| l.fallback.as_slice())
        .unwrap_or_default();
    crate::data::custom::localize(value, &site.config, lang, fallback)
}

fn person_view<'a>(site: &Site, p: &'a crate::data::Person, cx: &LangCtx) -> PersonView<'a> {
    PersonView {
        photo: cx.picture(site, p.photo.as_deref(), p.photo_alt.as_ref(), &p.name),
        href: cx.urls.person(&p.id),
        id: &p.id,
        name: cx.text(&p.name),
        role: p.role.as_ref().map(|r| cx.text(r)),
        organization: p.organization.as_deref(),
    }
}
