//! Checks over the generated pages: links and anchors, `hreflang` alternates, images'
//! alternative text, and left-to-right islands left unisolated in right-to-left text.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Findings;
use super::html::Facts;
use super::locate::{Place, Scope, Texts, What};
use super::urls::{Target, output_file, page_path, resolve};
use crate::content::Page;
use crate::error::Diagnostic;
use crate::output::OutputFile;
use crate::plan::{OutPath, Plan};
use crate::site::{GroupId, LangId, Site};

/// One generated HTML page and what is known of it.
struct Output<'a> {
    /// Path under the output folder.
    out: &'a str,
    /// URL path with the base path.
    url: String,
    facts: Facts,
    /// The page text shown, when the file is a page or section.
    page: Option<&'a Page>,
    /// The language the file was rendered for.
    lang: String,
    /// The templates it was rendered with, when it is a page of the plan.
    templates: Option<&'a BTreeSet<&'a str>>,
}

/// Everything the page checks read.
struct Context<'a> {
    site: &'a Site,
    sources: &'a Texts,
    files: HashSet<String>,
    pages: BTreeMap<&'a str, Output<'a>>,
}

/// Runs every check over the generated HTML files.
pub fn check(
    site: &Site,
    plan: &Plan,
    files: &[(OutPath, OutputFile)],
    sources: &Texts,
    external: Option<&super::external::ExternalOptions>,
    findings: &mut Findings,
) {
    let base_path = &site.config.base_path;
    let mut entries: HashMap<String, (LangId, GroupId)> = HashMap::new();
    for (l, lang_site) in site.each_lang() {
        for (g, entry) in lang_site.each_entry() {
            if let Ok(out) = OutPath::of_url(base_path, &entry.path) {
                entries.insert(out.as_str().to_string(), (l, g));
            }
        }
    }
    // Each page's templates, from its job: what `check` searches for text the
    // templates wrote, so that a text in a template the page does not use is not blamed.
    let texts = sources.templates();
    let closures: HashMap<&str, BTreeSet<&str>> = plan
        .jobs
        .iter()
        .map(|j| j.template.as_str())
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .map(|t| {
            (
                t,
                crate::render::template_closure(texts, t, |(_, text)| &**text),
            )
        })
        .collect();
    let templates_of: HashMap<&str, &BTreeSet<&str>> = plan
        .jobs
        .iter()
        .filter_map(|j| Some((j.out_path.as_str(), closures.get(j.template.as_str())?)))
        .collect();
    let outputs: Vec<Output<'_>> = files
        .par_iter()
        .filter_map(|(out, file)| match file {
            OutputFile::Bytes(bytes) if out.as_str().ends_with(".html") => {
                let facts = Facts::extract(&String::from_utf8_lossy(bytes));
                let entry = entries.get(out.as_str()).copied();
                let page = entry.map(|(l, g)| &site.pages[site.langs[l].entries[g].source]);
                let lang = match entry {
                    Some((l, _)) => site.langs[l].lang.clone(),
                    None => facts
                        .lang
                        .clone()
                        .unwrap_or_else(|| site.config.default_language.clone()),
                };
                Some(Output {
                    out: out.as_str(),
                    url: out.url(base_path),
                    facts,
                    page,
                    lang,
                    templates: templates_of.get(out.as_str()).copied(),
                })
            }
            _ => None,
        })
        .collect();
    let ctx = Context {
        site,
        sources,
        files: files.iter().map(|(p, _)| p.as_str().to_string()).collect(),
        pages: outputs.into_iter().map(|o| (o.out, o)).collect(),
    };
    let mut one_way: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for output in ctx.pages.values() {
        links(&ctx, output, findings);
        alternates(&ctx, output, &mut one_way, findings);
        images(&ctx, output, findings);
        islands(&ctx, output, findings);
    }
    if let Some(options) = external {
        dead_links(&ctx, options, findings);
    }
    // Reported once per page that lacks its links back: that page is the one to fix.
    for (target, from) in one_way {
        let target = &ctx.pages[target];
        let d = Diagnostic::error(
            PathBuf::new(),
            format!("hreflang is not reciprocal: {} does not name back {}, which name{} it as an alternate", target.url, from.join(", "), if from.len() == 1 { "s" } else { "" }),
        )
        .hint("every page lists each of its translations, and they list it: check the template of this page (does it output `alternates`?)");
        report(
            &ctx,
            target,
            "hreflang-back",
            &[],
            Scope::Markup,
            d,
            findings,
        );
    }
}

/// Asks every link to another site and reports the dead ones where they are written.
fn dead_links(
    ctx: &Context<'_>,
    options: &super::external::ExternalOptions,
    findings: &mut Findings,
) {
    let config = &ctx.site.config;
    let external: Vec<(&str, Vec<super::html::Link>)> = ctx
        .pages
        .iter()
        .map(|(out, o)| {
            let links = o
                .facts
                .links
                .iter()
                .filter(|l| {
                    resolve(&config.base_url, &config.base_path, &o.url, &l.url) == Target::External
                })
                .cloned()
                .collect();
            (*out, links)
        })
        .collect();
    let urls = super::external::collect(external.iter().map(|(out, l)| (*out, l.as_slice())));
    let mut list: Vec<String> = urls.keys().cloned().collect();
    list.sort();
    let (answers, _) = super::external::check_urls(&ctx.site.config.root, &list, options);
    for (url, checked) in answers {
        let Some(why) = checked.dead else { continue };
        for out in &urls[&url] {
            let output = &ctx.pages[out];
            let d = Diagnostic::error(PathBuf::new(), format!("dead link `{url}`: {why}"))
                .hint("the page may have moved: find its new address, or remove the link");
            report(
                ctx,
                output,
                "external",
                &[url.as_str()],
                Scope::Markup,
                d,
                findings,
            );
        }
    }
}

/// Reports `d` at the first source that holds one of `needles`.
fn report(
    ctx: &Context<'_>,
    output: &Output<'_>,
    kind: &str,
    needles: &[&str],
    scope: Scope,
    d: Diagnostic,
    findings: &mut Findings,
) {
    let place = ctx.sources.locate(
        output.page,
        output.templates,
        &output.lang,
        needles,
        scope,
        Path::new(output.out),
    );
    report_at(output, kind, needles, place, d, findings);
}

/// Reports `d` at `place`, found for `needles`. Findings of one kind at the same needle
/// are one finding, listed with every page that shows it.
fn report_at(
    output: &Output<'_>,
    kind: &str,
    needles: &[&str],
    place: Place<'_>,
    d: Diagnostic,
    findings: &mut Findings,
) {
    let mut d = Diagnostic {
        file: place.file.clone(),
        ..d
    };
    let mut key = format!("{kind} {}", needles.first().copied().unwrap_or(""));
    if let Some((text, offset)) = place.at {
        d = d.at_offset(text, offset);
        key = format!(
            "{kind} {}",
            needles
                .iter()
                .find(|n| !n.is_empty() && text[offset..].starts_with(**n))
                .copied()
                .unwrap_or("")
        );
    }
    findings.add(key, d, &output.url);
}

fn links(ctx: &Context<'_>, output: &Output<'_>, findings: &mut Findings) {
    let config = &ctx.site.config;
    for link in &output.facts.links {
        let url = link.url.as_str();
        match resolve(&config.base_url, &config.base_path, &output.url, url) {
            Target::External => {}
            Target::Outside(path) => {
                let d = Diagnostic::warning(PathBuf::new(), format!("link `{url}` leads outside the site ({path} is not under {})", config.base_path))
                    .hint("links between pages are written `@/path/page.md`; the site may be published under a sub-path");
                report(ctx, output, "outside", &[url], Scope::Markup, d, findings);
            }
            Target::Internal { path, fragment } => {
                let Some(target) = output_file(&path, &config.base_path, &ctx.files) else {
                    let what = match link.tag.as_str() {
                        "a" | "area" => "broken link",
                        "img" => "missing image",
                        _ => "missing file",
                    };
                    let d = Diagnostic::error(PathBuf::new(), format!("{what}: `{url}` leads to no file of the site"))
                        .hint("write links between pages as `@/path/page.md`, so the build checks them and each language gets its own URL");
                    let written = url.strip_prefix(&config.base_path).unwrap_or(url);
                    report(
                        ctx,
                        output,
                        "link",
                        &[url, written],
                        Scope::Markup,
                        d,
                        findings,
                    );
                    continue;
                };
                let Some(fragment) = fragment else { continue };
                let ids = ctx.pages.get(target.as_str()).map(|p| &p.facts.ids);
                if ids.is_none_or(|ids| ids.contains(&fragment))
                    || fragment.eq_ignore_ascii_case("top")
                {
                    continue;
                }
                let d = Diagnostic::error(PathBuf::new(), format!("broken anchor: `{url}` — {} has no element with id `{fragment}`", page_path(&target, &config.base_path)))
                    .hint("anchors of headings are made from their text; the headings of the target page are its ids");
                let anchor = format!("#{fragment}");
                let raw = url
                    .split_once('#')
                    .map(|(_, f)| format!("#{f}"))
                    .unwrap_or_default();
                report(
                    ctx,
                    output,
                    "anchor",
                    &[url, &anchor, &raw],
                    Scope::Markup,
                    d,
                    findings,
                );
            }
        }
    }
}

/// Checks the page's alternates; pages that do not link back are added to `one_way`
/// (target → the pages that name it).
fn alternates<'a>(
    ctx: &Context<'a>,
    output: &Output<'a>,
    one_way: &mut BTreeMap<&'a str, Vec<String>>,
    findings: &mut Findings,
) {
    let config = &ctx.site.config;
    let own = config.absolute(&output.url);
    if let Some(canonical) = output
        .facts
        .canonical
        .as_deref()
        .filter(|c| *c != own && !output.facts.alternates.is_empty())
    {
        // A fallback page shows another page's text: search engines ignore its
        // alternates, and no translation lists it back.
        let d = Diagnostic::error(PathBuf::new(), format!("hreflang on a page that is not canonical: {} lists alternates, but its canonical URL is {canonical}", output.url))
            .hint("a page that shows another language's text (a fallback) should not list hreflang alternates: leave them out of the template when `fallback` is set");
        report(
            ctx,
            output,
            "hreflang-canonical",
            &[],
            Scope::Markup,
            d,
            findings,
        );
        return;
    }
    for (hreflang, href) in &output.facts.alternates {
        let target = match resolve(&config.base_url, &config.base_path, &output.url, href) {
            Target::Internal { path, .. } => output_file(&path, &config.base_path, &ctx.files)
                .and_then(|f| ctx.pages.get(f.as_str())),
            _ => None,
        };
        let Some(target) = target else {
            let d = Diagnostic::error(PathBuf::new(), format!("hreflang: {} names `{href}` as its `{hreflang}` version, which does not exist", output.url))
                .hint("alternates come from the theme's `alternates` list; a custom link must point to a page of the site");
            report(
                ctx,
                output,
                "hreflang-missing",
                &[href],
                Scope::Markup,
                d,
                findings,
            );
            continue;
        };
        if hreflang == "x-default" {
            continue;
        }
        if let Some(lang) = target
            .facts
            .lang
            .as_deref()
            .filter(|l| !l.eq_ignore_ascii_case(hreflang))
        {
            let d = Diagnostic::error(
                PathBuf::new(),
                format!(
                    "hreflang: {} names {} as its `{hreflang}` version, but that page is in `{lang}`",
                    output.url, target.url
                ),
            );
            report(
                ctx,
                output,
                "hreflang-lang",
                &[href],
                Scope::Markup,
                d,
                findings,
            );
        }
        let back = target
            .facts
            .alternates
            .iter()
            .any(|(_, h)| h == &own || h == &output.url);
        if !back && target.url != output.url {
            one_way
                .entry(target.out)
                .or_default()
                .push(output.url.clone());
        }
    }
}

fn images(ctx: &Context<'_>, output: &Output<'_>, findings: &mut Findings) {
    for image in &output.facts.images {
        let src = image.src.as_str();
        let place = ctx.sources.locate(
            output.page,
            output.templates,
            &output.lang,
            &[src],
            Scope::Markup,
            Path::new(output.out),
        );
        let missing = match image.alt.as_deref() {
            None => true,
            // An empty `alt` marks a decorative image: right in a theme, an oversight in
            // the text of a page, where Markdown writes `![](image.png)` that way.
            Some(alt) => alt.trim().is_empty() && place.in_page,
        };
        if missing {
            let d = Diagnostic::error(PathBuf::new(), format!("image `{src}` has no alternative text"))
                .hint("describe the image for people who cannot see it: `![what it shows](image.png)` or `alt=\"…\"`");
            report(ctx, output, "alt", &[src], Scope::Markup, d, findings);
        }
    }
}

fn islands(ctx: &Context<'_>, output: &Output<'_>, findings: &mut Findings) {
    for island in &output.facts.unisolated {
        // The whole text first: a template's `<p>من ITU</p>` is found in the template,
        // though the page's own Markdown (isolated by the build) may say `ITU` too.
        let needles = [island.context.as_str(), island.token.as_str()];
        let mut place = ctx.sources.locate(
            output.page,
            output.templates,
            &output.lang,
            &needles,
            Scope::Unisolated,
            Path::new(output.out),
        );
        // Found by its whole text, the finding still points at the token in it.
        if let Some((text, offset)) = place.at
            && text[offset..].starts_with(&island.context)
        {
            let within = island.context.find(&island.token).unwrap_or(0);
            place.at = Some((text, offset + within));
        }
        let d = Diagnostic::error(
            PathBuf::new(),
            format!(
                "left-to-right text `{}` is not isolated in right-to-left text",
                island.token
            ),
        )
        .hint(isolation_hint(&place));
        report_at(output, "bidi", &needles, place, d, findings);
    }
}

/// How to isolate a left-to-right run, in the kind of source that holds it.
fn isolation_hint(place: &Place<'_>) -> String {
    let reorder = "the bidi algorithm may reorder it";
    match place.what {
        Some(What::Message {
            id,
            placeable: None,
        }) => format!(
            "{reorder}: markup is escaped in a Fluent message, so put it between the Unicode isolates U+2066 and U+2069 in message `{id}`, written {{\"\\u2066\"}}…{{\"\\u2069\"}} (Markdown text is isolated for you)"
        ),
        Some(What::Message {
            id,
            placeable: Some(placeable),
        }) => format!(
            "{reorder}: a placeable of message `{id}` filled it in; put the placeable between the Unicode isolates U+2068 and U+2069, {{\"\\u2068\"}}{placeable}{{\"\\u2069\"}}, so that text in either direction keeps its order"
        ),
        Some(What::Value { path }) => format!(
            "{reorder}: the template that shows this data text (`{path}`) should pass it through the `bidi` filter, `{{{{ text | bidi }}}}`"
        ),
        None if place.file.extension().is_some_and(|e| e == "md") => format!(
            "{reorder}: raw HTML in Markdown is not isolated for you; wrap the text in <bdo dir=\"ltr\">…</bdo>, or write it as Markdown text"
        ),
        None => format!(
            "{reorder}: in a template, wrap it in <bdo dir=\"ltr\">…</bdo>, or pass the text through the `bidi` filter (`{{{{ text | bidi }}}}`)"
        ),
    }
}
