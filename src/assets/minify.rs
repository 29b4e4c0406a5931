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

/// Elements whose content is copied as it is.
const RAW: &[&str] = &["pre", "textarea", "script", "style"];

/// Collapses the whitespace between the tags of an HTML document.
pub fn html(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = String::with_capacity(input.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if input[i..].starts_with("<!--") => {
                let end = input[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
                out.push_str(&input[i..end]);
                i = end;
            }
            b'<' => {
                let end = tag_end(bytes, i);
                out.push_str(&input[i..end]);
                let name = tag_name(&input[i + 1..end]);
                i = end;
                if let Some(raw) = RAW.iter().find(|r| r.eq_ignore_ascii_case(&name)) {
                    let close = find_close(input, i, raw);
                    out.push_str(&input[i..close]);
                    i = close;
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {
                let mut newline = false;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
                {
                    newline |= bytes[i] == b'\n';
                    i += 1;
                }
                out.push(if newline { '\n' } else { ' ' });
            }
            _ => {
                let end = input[i..]
                    .find(['<', ' ', '\t', '\n', '\r', '\x0c'])
                    .map_or(bytes.len(), |e| i + e);
                out.push_str(&input[i..end]);
                i = end;
            }
        }
    }
    out
}

/// The index just past the `>` closing the tag at `start`, skipping quoted attributes.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote = None;
    for (j, &b) in bytes.iter().enumerate().skip(start + 1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return j + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// The name of an opening tag (`pre class="x"` → `pre`); empty for closing tags.
fn tag_name(tag: &str) -> String {
    tag.chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// Where `</name` starts after `from` (case-insensitive), or the end of the input.
fn find_close(input: &str, from: usize, name: &str) -> usize {
    let lower = input[from..].to_ascii_lowercase();
    lower
        .find(&format!("</{name}"))
        .map_or(input.len(), |e| from + e)
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
