//! hexaglot: a static site generator for multilingual event websites.
//!
//! One pipeline of typed stages turns `content/` (Markdown and YAML), `locales/`
//! (Fluent) and `themes/` (Tera) into a static site in every language of the site:
//!
//! ```text
//! Sources::load → Config::parse → discover → parse → Site::assemble → Markdown
//!   → Localizer, Assets, Templates → plan → render + files → output
//! ```
//!
//! The [`driver`] runs it: [`build`] writes `public/`; [`generate`] keeps the site in
//! memory for checks; [`Driver::incremental`] keeps each stage's cache for the preview
//! server. Only [`sources`] reads the disk and only [`output`] writes it (and
//! [`init`], which writes a new site). [`check::check`] reports what is broken in which
//! language; [`status::status`] how far each translation is.

pub mod assets;
pub mod calendar;
pub mod check;
pub mod config;
pub mod content;
pub mod data;
pub mod date;
pub mod discover;
pub mod driver;
pub mod error;
pub mod event;
pub mod exchange;
pub mod feed;
pub mod html;
pub mod i18n;
pub mod images;
pub mod import;
pub mod incremental;
pub mod init;
pub mod markdown;
pub mod output;
pub mod parse;
pub mod plan;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod sitemap;
pub mod slug;
pub mod sources;
pub mod status;
pub mod url;
pub mod xml;
pub mod yaml;
pub mod zone;

pub use driver::{Driver, Generated, Options, Report, Timings, build, generate};
pub use error::{Diagnostic, Error, Severity};
