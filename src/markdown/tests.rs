//! Tests of the Markdown renderer.
use super::*;

fn render(body: &str, rtl: bool) -> Rendered {
    let resolve = |q: &Query| match q {
        Query::Page(p) => Answer::Page((p == "about.md").then(|| "/fr/a-propos/".to_string())),
        Query::File { target, .. } => Answer::File(match target.as_str() {
            "form.pdf" => FileRef::Url("/docs/form.pdf".to_string()),
            t if t.contains('.') => FileRef::Missing,
            _ => FileRef::NotAFile,
        }),
        Query::Shortcode(call) => Answer::Shortcode(match call.name.as_str() {
            "note" => Ok(format!(
                "<aside>{}</aside>",
                call.body.clone().unwrap_or_default()
            )),
            name => Err((format!("no shortcode `{name}`"), String::new())),
        }),
    };
    to_html(
        body,
        &RenderContext {
            rtl,
            resolve: &resolve,
            highlight: true,
        },
    )
}

#[test]
fn resolves_internal_links_and_reports_broken_ones() {
    let r = render("[a](@/about.md) and [b](@/missing.md)", false);
    assert!(r.html.contains(r#"href="/fr/a-propos/""#), "{}", r.html);
    assert_eq!(r.broken_links, vec![(20, "@/missing.md".to_string())]);
}

#[test]
fn heading_ids_in_any_script_and_unique() {
    let r = render("## Société civile\n\n## 论坛\n\n## 论坛\n", false);
    let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["société-civile", "论坛", "论坛-1"]);
    assert!(r.html.contains(r#"<h2 id="论坛-1">"#), "{}", r.html);
}

#[test]
fn rtl_text_isolates_ltr_islands_but_not_code() {
    let r = render("الهاتف: +41 22 730 6240\n\n```\nITU-T x\n```\n", true);
    assert!(
        r.html.contains(r#"<bdo dir="ltr">+41 22 730 6240</bdo>"#),
        "{}",
        r.html
    );
    assert!(r.html.contains("<code>ITU-T x\n</code>"), "{}", r.html);
    let ltr = render("Phone: +41 22 730 6240", false);
    assert!(!ltr.html.contains("<bdo"), "{}", ltr.html);
}

#[test]
fn rtl_islands_are_seen_whole_across_text_events() {
    // pulldown-cmark cuts the text at `_` and at the entity `&amp;`.
    let r = render("الرقمان 555_123 و 1&amp;2 هنا", true);
    assert!(
        r.html.contains(r#"<bdo dir="ltr">555_123</bdo>"#),
        "{}",
        r.html
    );
    assert!(
        r.html.contains(r#"<bdo dir="ltr">1&amp;2</bdo>"#),
        "{}",
        r.html
    );
}

#[test]
fn html_comments_are_dropped_and_other_raw_html_kept() {
    let body = concat!(
        "Débat de haut niveau<!-- unverified: débat de haut niveau --> et volet.\n\n",
        "<!-- a note\nover two lines -->\n\n",
        "<aside class=\"note\"><!-- inner --><b>Kept</b></aside>\n\n",
        "<!-- before --> <div id=\"after\">x</div>\n\n",
        "`<!-- code -->` stays\n\n```\n<!-- fenced -->\n```\n",
    );
    let r = render(body, false);
    assert!(
        !r.html.contains("unverified") && !r.html.contains("a note"),
        "{}",
        r.html
    );
    assert!(
        !r.html.contains("inner") && !r.html.contains("before"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<p>Débat de haut niveau et volet.</p>"),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains(r#"<aside class="note"><b>Kept</b></aside>"#),
        "{}",
        r.html
    );
    assert!(r.html.contains(r#"<div id="after">x</div>"#), "{}", r.html);
    // Code shows comments as text: they are not comments there.
    assert!(
        r.html.contains("<code>&lt;!-- code --&gt;</code>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("&lt;!-- fenced --&gt;"), "{}", r.html);
}

#[test]
fn relative_files_shortcodes_and_code() {
    let body = "[Form](form.pdf#p2) [gone](gone.pdf) [up](../x/)\n\n{% note() %}\n**Bold** [b](@/nope.md)\n{% end %}\n\n{{ nosuch(a=1) }}\n\n```rust\nfn x() {}\n```\n\n```klingon\nx\n```\n";
    let r = render(body, false);
    assert!(r.html.contains(r#"href="/docs/form.pdf#p2""#), "{}", r.html);
    assert!(r.html.contains(r#"href="../x/""#), "{}", r.html);
    assert!(
        r.html.contains("<aside><p><strong>Bold</strong>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("class=\"hl-"), "{}", r.html);
    let at = |needle: &str| body.find(needle).unwrap();
    let problems: Vec<(usize, bool)> = r.problems.iter().map(|p| (p.offset, p.warning)).collect();
    assert!(
        problems.contains(&(at("[gone]"), false)),
        "{:?}",
        r.problems
    );
    assert!(
        problems.contains(&(at("{{ nosuch"), false)),
        "{:?}",
        r.problems
    );
    assert!(
        problems.contains(&(at("```klingon"), true)),
        "{:?}",
        r.problems
    );
    assert_eq!(r.broken_links, vec![(at("[b]"), "@/nope.md".to_string())]);
}

#[test]
fn tables_and_footnotes() {
    let r = render(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Note\n",
        false,
    );
    assert!(r.html.contains("<table>"));
    assert!(r.html.contains("footnote"));
}
