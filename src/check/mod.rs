//! `hexaglot check`: what is broken in which language, before visitors see it.
//!
//! The site is built in memory ([`crate::driver::Driver::generate`]); a build error is reported like
//! any other finding. Then:
//! - every generated page is parsed ([`html`]) and its links, anchors, `hreflang`
//!   alternates, images and right-to-left text are checked ([`pages`]); each problem is
//!   traced back to the source file and line that put it there ([`locate`]);
//! - the Fluent messages of every language ([`catalog`]) are compared with the keys the
//!   templates use ([`keys`]) and with each other ([`fluent`]).
//!
//! The same problem seen on many pages (a link in a template, a fallback text shown in
//! five languages) is reported once, with the pages it appears on.

pub mod catalog;
mod data;
pub mod external;
mod fluent;
mod html;
pub mod keys;
mod locate;
mod pages;
mod report;
mod urls;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::driver::{Driver, Options};
use crate::error::{Diagnostic, Error, Severity};

pub use report::Format;

/// What `check` found, sorted by file and line.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Every finding, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckReport {
    /// How many findings are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many findings are warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// The findings grouped by file, in file order.
    pub fn by_file(&self) -> BTreeMap<&PathBuf, Vec<&Diagnostic>> {
        let mut files: BTreeMap<&PathBuf, Vec<&Diagnostic>> = BTreeMap::new();
        for d in &self.diagnostics {
            files.entry(&d.file).or_default().push(d);
        }
        files
    }

    /// The report as text (`Format::Table`) or JSON.
    pub fn render(&self, format: Format) -> String {
        report::render(self, format)
    }
}

/// Builds the site in memory and checks it. Problems in the site are findings of the
/// report; only a failure to read the disk is an `Err`.
pub fn check(options: &Options) -> Result<CheckReport, Error> {
    check_with(options, None)
}

/// Like [`check`]; with `external`, links to other sites are asked for too (see
/// [`external`]).
pub fn check_with(
    options: &Options,
    external: Option<&external::ExternalOptions>,
) -> Result<CheckReport, Error> {
    let snapshot = match crate::driver::read(options) {
        Ok(s) => s,
        Err(Error::Diagnostics(ds)) => return Ok(report_of(ds)),
        Err(e) => return Err(e),
    };
    let catalog = catalog::Catalog::load(&snapshot.config, &snapshot.sources);
    let usages = keys::scan_templates(&snapshot.sources);
    let mut diagnostics = Vec::new();
    fluent::check(&snapshot.config, &catalog, &usages, &mut diagnostics);
    let mut driver = Driver::new(options.clone());
    driver.record_messages();
    match driver.generate_from(snapshot) {
        Ok(generated) => {
            // Messages that fell back to another language are reported above, with
            // the template that uses them.
            diagnostics.extend(
                generated
                    .warnings
                    .into_iter()
                    .filter(|w| !w.file.starts_with("locales")),
            );
            let texts = locate::Texts::new(&generated.sources, &generated.site, generated.shown);
            let mut findings = Findings::default();
            pages::check(
                &generated.site,
                &generated.plan,
                &generated.files,
                &texts,
                external,
                &mut findings,
            );
            diagnostics.extend(findings.into_diagnostics());
            data::check(
                &generated.site.config,
                &generated.sources,
                &generated.site.data,
                &mut diagnostics,
            );
        }
        Err(Error::Diagnostics(ds)) => diagnostics.extend(ds),
        Err(e) => return Err(e),
    }
    Ok(report_of(diagnostics))
}

fn report_of(mut diagnostics: Vec<Diagnostic>) -> CheckReport {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
    });
    diagnostics.dedup();
    CheckReport { diagnostics }
}

/// File, line, column and kind of problem: what makes two findings the same one.
type FindingKey = (PathBuf, usize, usize, String);

/// Findings of the page checks, one per source position and problem, with the pages
/// each one was seen on.
#[derive(Default)]
pub struct Findings {
    items: BTreeMap<FindingKey, (Diagnostic, Vec<String>)>,
}

impl Findings {
    /// Adds `d`, seen on the page at URL path `page`; `key` tells problems at the same
    /// position apart.
    pub fn add(&mut self, key: String, d: Diagnostic, page: &str) {
        let entry = self
            .items
            .entry((d.file.clone(), d.line, d.column, key))
            .or_insert_with(|| (d, Vec::new()));
        if !entry.1.iter().any(|p| p == page) {
            entry.1.push(page.to_string());
        }
    }

    /// The diagnostics, each naming the pages it was seen on.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.items
            .into_values()
            .map(|(mut d, pages)| {
                match pages.len() {
                    0 => {}
                    1 => d.message.push_str(&format!(" (on {})", pages[0])),
                    n => d.message.push_str(&format!(
                        " (on {} and {} other page{})",
                        pages[0],
                        n - 1,
                        if n == 2 { "" } else { "s" }
                    )),
                }
                d
            })
            .collect()
    }
}

/// Exit status for a report: 1 when there is an error, 0 with warnings only.
pub fn exit_code(report: &CheckReport) -> u8 {
    u8::from(
        report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error),
    )
}
