//! Optional HTML minification (`minify: true` in `site.yaml`): a careful whitespace
//! collapse that cannot change what a page shows.
//!
//! Between tags, a run of whitespace becomes one newline (if it held one) or one space:
//! browsers render both the same as the run. Tags and their attributes, comments, and the
//! contents of `<pre>`, `<textarea>`, `<script>` and `<style>` are copied byte for byte,
//! so preformatted text, form values and code keep every space. Nothing is removed that
//! a parser would see as an element or attribute, so valid input stays valid. (A theme
//! whose CSS sets `white-space: pre` on other elements should leave `minify` off.)
//! Dedicated minifiers save a little more but cost a large compile (`minify-html`).

use crate::html::{Token, tokens};

/// Elements whose content is copied as it is.
const RAW: &[&str] = &["pre", "textarea", "script", "style"];

/// Collapses the whitespace between the tags of an HTML document.
pub fn html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for token in tokens(input, RAW) {
        match token {
            Token::Text(text) => collapse(text, &mut out),
            Token::Tag { raw, .. } => out.push_str(raw),
            Token::Comment(text) | Token::Raw(text) => out.push_str(text),
        }
    }
    out
}

/// Appends `text` with each run of whitespace made one newline (if it held one) or one
/// space.
fn collapse(text: &str, out: &mut String) {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(is_space).unwrap_or(rest.len());
        out.push_str(&rest[..word_end]);
        rest = &rest[word_end..];
        let space_end = rest.find(|c| !is_space(c)).unwrap_or(rest.len());
        if space_end > 0 {
            out.push(if rest[..space_end].contains('\n') {
                '\n'
            } else {
                ' '
            });
        }
        rest = &rest[space_end..];
    }
}

#[cfg(test)]
mod tests {
    use super::html;

    #[test]
    fn collapses_whitespace_between_tags_only() {
        let page = "<ul>\n    <li>a  b</li>\n    <li title=\"x   y\">c</li>\n</ul>";
        assert_eq!(
            html(page),
            "<ul>\n<li>a b</li>\n<li title=\"x   y\">c</li>\n</ul>"
        );
    }

    #[test]
    fn keeps_preformatted_text_and_scripts() {
        let page =
            "<p>a   b</p><PRE>  x\n    y</PRE> <script>var s = \"a   b\";</script><!--  c  -->";
        assert_eq!(
            html(page),
            "<p>a b</p><PRE>  x\n    y</PRE> <script>var s = \"a   b\";</script><!--  c  -->"
        );
    }
}
