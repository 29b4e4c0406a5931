//! hexaglot: a static site generator for multilingual event websites.
//!
//! One pipeline of typed stages turns `content/` (Markdown and YAML), `locales/`
//! (Fluent) and `themes/` (Tera) into a static site in every language of the site:
//!
//! ```text
//! Config::load → discover → parse (content, data) → Site::assemble → render_markdown
//!   → Localizer::load, Templates::load → plan → render → output::write_atomically
//! ```
//!
//! [`build`] runs it all and writes `public/`; [`generate`] stops before writing, for
//! checks and the preview server. [`check::check`] reports what is broken in which
//! language; [`status::status`] how far each translation is.

pub mod assets;
pub mod calendar;
pub mod check;
pub mod config;
pub mod content;
pub mod data;
pub mod discover;
pub mod error;
pub mod event;
pub mod feed;
pub mod i18n;
pub mod incremental;
pub mod markdown;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod sitemap;
pub mod slug;
pub mod status;
pub mod xml;
pub mod yaml;
pub mod zone;

mod pipeline;

pub use error::{Diagnostic, Error, Severity};
pub use pipeline::{Generated, Options, Report, Timings, build, generate};
