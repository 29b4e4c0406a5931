//! Event data resolved for one language: every translatable field becomes the text in
//! that language (or its fallback, with the language it came from), ready for templates.

use serde::Serialize;
use tera::Value;

use crate::data::{Localized, Precision, Tier};
use crate::i18n::Localizer;
use crate::site::Site;

/// Text and the language it is actually in (set only when it is a fallback).
#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
    lang: Option<&'a str>,
}

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
    people: Vec<PersonView<'a>>,
}

#[derive(Serialize)]
struct PersonView<'a> {
    id: &'a str,
    name: Text<'a>,
    role: Option<Text<'a>>,
    organization: Option<&'a str>,
}

#[derive(Serialize)]
struct DataView<'a> {
    tracks: Vec<TrackView<'a>>,
    key_dates: Vec<KeyDateView<'a>>,
    organizations: Vec<OrganizationView<'a>>,
    people: Vec<PersonView<'a>>,
}

/// The data view of `lang`, as a Tera value shared by every page of that language.
pub fn build(site: &Site, _localizer: &Localizer, lang: &str) -> Value {
    let fallback: &[String] = site.config.language(lang).map(|l| l.fallback.as_slice()).unwrap_or_default();
    let text = |l| localized(l, lang, fallback);
    let data = &site.data;
    let person = |p| person_view(p, lang, fallback);
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
                    .filter(|f| f.track == t.id)
                    .map(|f| FormatView { id: &f.id, name: text(&f.name), description: f.description.as_ref().map(text) })
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
                people: data.people.iter().filter(|p| p.organization.as_deref() == Some(o.id.as_str())).map(person).collect(),
            })
            .collect(),
        people: data.people.iter().map(person).collect(),
    };
    Value::from_serializable(&view)
}

fn localized<'a>(l: &'a Localized, lang: &str, fallback: &[String]) -> Text<'a> {
    match l.get(lang, fallback).or_else(|| l.0.iter().next().map(|(a, b)| (a.as_str(), b.as_str()))) {
        Some((found, t)) => Text { text: t, lang: (found != lang).then_some(found) },
        None => Text { text: "", lang: None },
    }
}

fn person_view<'a>(p: &'a crate::data::Person, lang: &str, fallback: &[String]) -> PersonView<'a> {
    PersonView {
        id: &p.id,
        name: localized(&p.name, lang, fallback),
        role: p.role.as_ref().map(|r| localized(r, lang, fallback)),
        organization: p.organization.as_deref(),
    }
}
