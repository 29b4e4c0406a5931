//! Left-to-right islands in right-to-left text.
//!
//! In an Arabic sentence the Unicode bidi algorithm reorders the parts of a phone number
//! or of a token that starts with digits or signs: `+1 (555) 123-4567` shows as
//! `123-4567 (555) 1+`, `#WSIS2021` as `WSIS2021#`, and a range after Arabic words as
//! `21-17`. Wrapping each such island
//! in `<bdo dir="ltr">` keeps it in its logical order. [`find_islands`] finds them from
//! the characters' bidi classes (Unicode's `Bidi_Class`, from the `unicode-bidi` crate):
//!
//! - An island starts and ends with a strong left-to-right letter (`L`) or a digit (`EN`,
//!   `AN`), and spans the weak and neutral characters between two of them: separators
//!   and signs (`ES`, `ET`, `CS`: `- + # % . , : /`), other neutrals (`@ _ ( ) & – …`)
//!   and combining marks. Right-to-left letters and the punctuation of right-to-left
//!   scripts (the Arabic comma `،` is a `CS`, but it belongs to the Arabic sentence) end
//!   it.
//! - A space joins two parts only where it sits inside a token: between letters or
//!   digits, brackets and dashes (`+41 22 730 6240`, `(555) 123`, `17 – 21`), or after a
//!   Latin comma (`Rue de Varembé 1, 1202 Genève`: Arabic text uses `،`); not after a
//!   full stop or a colon, where the Arabic sentence itself goes on.
//! - Brackets are kept in pairs: `(555)` belongs to the island that holds both brackets,
//!   `(COVID-19)` keeps its brackets in the Arabic sentence.
//! - Signs glued to the island's edges belong to it: `+1`, `-5`, `#WSIS2021`, `@user`,
//!   `.NET`, `C++`, `C#`, a trailing `/` of a web address.
//!
//! An island is isolated when the bidi algorithm itself (run by `unicode-bidi` on the
//! island between Arabic, Hebrew and Latin neighbours) would not keep it in one
//! left-to-right piece. `ITU`, `2021` or `23:30` need nothing.
//!
//! **Ranges.** A numeric range in right-to-left text (`17-21`, `17–21`, `13:00-13:30`)
//! is one island and reads from left to right, as the seed letter prints it (`17-21 مايو
//! 2021`). Without isolation the same range would show as `17-21` at the start of a line
//! and as `21-17` after an Arabic word; with it, it reads the same everywhere: in
//! Markdown, in data texts and in dates and times formatted by Fluent and CLDR.

use crate::html::escape_into;
use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

/// Escapes `text` for HTML and wraps its left-to-right islands in `<bdo dir="ltr">`:
/// isolated from the sentence and laid out from left to right. An override rather than
/// `<bdi>`: inside an isolate, Arabic-Indic digits (`+٤١ ٢٢ ٧٣٠ ٦٢٤٠`, `١٧-٢١`) still
/// count as right-to-left for the spaces and hyphens between them, and their groups
/// would come out in reverse. An island holds no right-to-left letter, so laying it out
/// left to right is exactly its logical order.
/// Returns `None` when there is no island, so callers can keep the text as it was.
pub fn isolate_ltr(text: &str) -> Option<String> {
    let islands = find_islands(text);
    if islands.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + islands.len() * 24);
    let mut last = 0;
    for (start, end) in islands {
        escape_into(&text[last..start], &mut out);
        out.push_str("<bdo dir=\"ltr\">");
        escape_into(&text[start..end], &mut out);
        out.push_str("</bdo>");
        last = end;
    }
    escape_into(&text[last..], &mut out);
    Some(out)
}

/// Plain text (a search result's line, set as text by a script) with its left-to-right
/// islands isolated as [`isolate_ltr`] does in HTML: each between LRI and LRO, then PDF
/// and PDI, the characters that `<bdo dir="ltr">` stands for.
pub fn isolate_ltr_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (start, end) in find_islands(text) {
        out.push_str(&text[last..start]);
        out.push_str("\u{2066}\u{202D}");
        out.push_str(&text[start..end]);
        out.push_str("\u{202C}\u{2069}");
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// Escapes `text` for HTML, with its left-to-right islands isolated when `rtl`.
pub fn isolate_html(text: &str, rtl: bool) -> String {
    match rtl.then(|| isolate_ltr(text)).flatten() {
        Some(html) => html,
        None => {
            let mut out = String::with_capacity(text.len());
            escape_into(text, &mut out);
            out
        }
    }
}

/// Byte ranges of the islands that need isolating, in order.
pub fn find_islands(text: &str) -> Vec<(usize, usize)> {
    // Most right-to-left text has no left-to-right letter or digit, so no island: told
    // in one pass, without the tables below.
    if !text.chars().any(|c| role(c) == Role::Core) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut islands = Vec::new();
    for (first, last) in runs(&chars) {
        // Edges first, so that a leading `(` pairs with the `)` inside the run.
        let (first, last) = attach_edges(&chars, first, last);
        split_unpaired(&chars, first, last, &mut islands);
    }
    islands
        .into_iter()
        .map(|(first, last)| {
            let (first, last) = attach_edges(&chars, first, last);
            let (i, c) = chars[last];
            (chars[first].0, i + c.len_utf8())
        })
        .filter(|&(start, end)| needs_isolation(&text[start..end]))
        .collect()
}

/// What a character does in an island.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A left-to-right letter or a digit: islands start and end with one.
    Core,
    /// A weak or neutral character that may stand between two cores.
    Inner,
    /// White space: joins two parts only inside a token.
    Space,
    /// Right-to-left text, a paragraph or segment separator, a bidi control.
    Stop,
}

/// The code points below this have their role in a table, made once from the
/// Unicode data: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana and
/// N'Ko, most of the text of a site, then cost one load instead of a binary search.
const TABLED: usize = 0x800;

fn role(c: char) -> Role {
    static TABLE: std::sync::OnceLock<[Role; TABLED]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        std::array::from_fn(|i| char::from_u32(i as u32).map_or(Role::Stop, role_of))
    });
    table.get(c as usize).copied().unwrap_or_else(|| role_of(c))
}

fn role_of(c: char) -> Role {
    use BidiClass::*;
    if super::marks::is_mark(c) {
        // A fallback mark (see `marks`): an island never spans one, so that
        // `<bdi>` never cuts a mark in two.
        return Role::Stop;
    }
    match bidi_class(c) {
        L | EN | AN => Role::Core,
        WS => Role::Space,
        ES | ET | CS | ON | NSM | BN if !of_rtl_script(c) => Role::Inner,
        _ => Role::Stop,
    }
}

/// Whether `c` is in a block of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko, …, and their presentation forms): its punctuation belongs to that text.
fn of_rtl_script(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// The closing bracket of an opening one.
fn closing(c: char) -> Option<char> {
    match c {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        _ => None,
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '}')
}

/// Maximal runs (first and last char index) of cores joined by inner characters and
/// spaces that sit inside a token.
fn runs(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let roles: Vec<Role> = chars.iter().map(|&(_, c)| role(c)).collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if roles[i] != Role::Core {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut j = i + 1;
        loop {
            // The gap up to the next core, if it has only inner characters and spaces.
            let mut k = j;
            while k < chars.len() && matches!(roles[k], Role::Inner | Role::Space) {
                k += 1;
            }
            let joined = k < chars.len()
                && roles[k] == Role::Core
                && spaces_inside_token(chars, &roles, last, k);
            if !joined {
                break;
            }
            last = k;
            j = k + 1;
        }
        runs.push((first, last));
        i = last + 1;
    }
    runs
}

/// Whether every space between the cores at `from` and `to` stands inside a token: after
/// a core, a closing bracket, a dash or a Latin comma, and before a core, an opening
/// bracket, a sign or a dash.
fn spaces_inside_token(chars: &[(usize, char)], roles: &[Role], from: usize, to: usize) -> bool {
    (from + 1..to).all(|k| {
        if roles[k] != Role::Space {
            return true;
        }
        let before = (from..k).rev().find(|&b| roles[b] != Role::Space);
        let after = (k + 1..=to).find(|&a| roles[a] != Role::Space);
        let ok_before = before.is_some_and(|b| {
            let c = chars[b].1;
            roles[b] == Role::Core || is_closing(c) || is_dash(c) || c == ','
        });
        let ok_after = after.is_some_and(|a| {
            let c = chars[a].1;
            roles[a] == Role::Core
                || closing(c).is_some()
                || is_dash(c)
                || matches!(bidi_class(c), BidiClass::ES | BidiClass::ET)
        });
        ok_before && ok_after
    })
}

/// Splits the run `first..=last` where a bracket has no partner inside it, so that
/// `ITU) (UNESCO` becomes `ITU` and `UNESCO`; pushes the pieces that start and end with
/// a core.
fn split_unpaired(
    chars: &[(usize, char)],
    first: usize,
    last: usize,
    out: &mut Vec<(usize, usize)>,
) {
    let mut open: Vec<usize> = Vec::new();
    for k in first..=last {
        let c = chars[k].1;
        if closing(c).is_some() {
            open.push(k);
        } else if is_closing(c) {
            match open.last() {
                Some(&o) if closing(chars[o].1) == Some(c) => {
                    open.pop();
                }
                _ => return cut(chars, first, last, k, out),
            }
        }
    }
    match open.first() {
        Some(&k) => cut(chars, first, last, k, out),
        None => out.push((first, last)),
    }
}

/// Cuts `first..=last` at the unpaired bracket at `at`.
fn cut(
    chars: &[(usize, char)],
    first: usize,
    last: usize,
    at: usize,
    out: &mut Vec<(usize, usize)>,
) {
    let is_core = |k: &usize| role(chars[*k].1) == Role::Core;
    if let Some(end) = (first..at).rev().find(is_core) {
        out.push((first, end));
    }
    if let Some(start) = (at + 1..=last).find(is_core) {
        split_unpaired(chars, start, last, out);
    }
}

/// Extends the island `first..=last` over the signs and paired brackets glued to its
/// edges, and over the combining marks of its last character. A sign goes with the
/// island where it belongs to a token (`+1`, `-5`, `#WSIS`, `@ITU`, `.NET`, `C++`, `C#`);
/// currency and percent signs next to digits (`$100`, `50%`) stay with the sentence,
/// whose direction places them as right-to-left readers expect.
fn attach_edges(chars: &[(usize, char)], mut first: usize, mut last: usize) -> (usize, usize) {
    let is_letter = |k: usize| bidi_class(chars[k].1) == BidiClass::L;
    while first > 0 {
        let c = chars[first - 1].1;
        let next = chars[first].1;
        let at_word_start = first < 2 || role(chars[first - 2].1) == Role::Space;
        let glued = !of_rtl_script(c)
            && match bidi_class(c) {
                BidiClass::ES => role(next) == Role::Core || closing(next).is_some(),
                BidiClass::ET => is_letter(first),
                _ => {
                    (c == '@' && role(next) == Role::Core)
                        || (c == '.' && at_word_start && is_letter(first))
                        || opens_inside(chars, first - 1, last)
                }
            };
        if !glued {
            break;
        }
        first -= 1;
    }
    while last + 1 < chars.len() {
        let c = chars[last + 1].1;
        let glued = !of_rtl_script(c)
            && match bidi_class(c) {
                BidiClass::NSM | BidiClass::BN => true,
                BidiClass::ES | BidiClass::ET => {
                    is_letter(last)
                        || matches!(bidi_class(chars[last].1), BidiClass::ES | BidiClass::ET)
                }
                _ => {
                    (c == '/' && role(chars[last].1) == Role::Core)
                        || (is_closing(c) && closes_inside(chars, first, last + 1))
                }
            };
        if !glued {
            break;
        }
        last += 1;
    }
    (first, last)
}

/// Whether the opening bracket at `at` is closed in `at..=last`.
fn opens_inside(chars: &[(usize, char)], at: usize, last: usize) -> bool {
    let Some(close) = closing(chars[at].1) else {
        return false;
    };
    let mut depth = 0usize;
    for &(_, c) in &chars[at..=last] {
        if closing(c).is_some() {
            depth += 1;
        } else if is_closing(c) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return c == close;
            }
        }
    }
    false
}

/// Whether the closing bracket at `at` closes a bracket opened in `first..at`.
fn closes_inside(chars: &[(usize, char)], first: usize, at: usize) -> bool {
    let close = chars[at].1;
    let mut depth = 0usize;
    for k in (first..at).rev() {
        let c = chars[k].1;
        if is_closing(c) {
            depth += 1;
        } else if let Some(partner) = closing(c) {
            if depth == 0 {
                return partner == close;
            }
            depth -= 1;
        }
    }
    false
}

/// Whether the bidi algorithm could reorder the parts of an island: whether, after an
/// Arabic, a Hebrew or a Latin letter and before an Arabic or a Latin one, in a
/// right-to-left paragraph, any of its characters would not be laid out from left to
/// right with the others. `ITU`, `2021`, `23:30` and `70/125` keep their order in every
/// context; `17-21` does not after an Arabic word (its digits become Arabic numbers, and
/// the hyphen between them a neutral that takes the paragraph's direction).
fn needs_isolation(island: &str) -> bool {
    let plain = island.chars().all(|c| {
        matches!(
            bidi_class(c),
            BidiClass::L | BidiClass::EN | BidiClass::AN | BidiClass::NSM | BidiClass::BN
        )
    });
    if plain {
        return false;
    }
    const BEFORE: [&str; 3] = ["\u{0628}", "a", "\u{05D0}"];
    const AFTER: [&str; 2] = ["\u{0628}", "a"];
    BEFORE.iter().any(|before| {
        AFTER.iter().any(|after| {
            let text = format!("{before}{island}{after}");
            let info = BidiInfo::new(&text, Some(Level::rtl()));
            let levels = &info.levels[before.len()..before.len() + island.len()];
            levels.iter().any(|l| *l != levels[0] || l.is_rtl())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn islands(text: &str) -> Vec<&str> {
        find_islands(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn the_table_of_roles_agrees_with_the_unicode_data() {
        for c in (0..TABLED as u32).filter_map(char::from_u32) {
            assert_eq!(role(c), role_of(c), "U+{:04X}", c as u32);
        }
        assert_eq!(role('\u{0627}'), Role::Stop, "an Arabic letter");
        assert_eq!(role('a'), Role::Core);
    }

    #[test]
    fn isolates_whole_tokens_with_their_signs_and_brackets() {
        assert_eq!(islands("الهاتف: +41 22 730 6240"), ["+41 22 730 6240"]);
        assert_eq!(
            islands("اتصل بالرقم +1 (555) 123-4567 الآن"),
            ["+1 (555) 123-4567"]
        );
        assert_eq!(islands("الرقم (555) 123-4567 فقط"), ["(555) 123-4567"]);
        assert_eq!(
            islands("في: www.wsis.org/forum/ الآن"),
            ["www.wsis.org/forum/"]
        );
        assert_eq!(islands("لغة C++ و C# و .NET"), ["C++", "C#", ".NET"]);
        assert_eq!(islands("وسم #WSIS2021 وحساب @ITU"), ["#WSIS2021", "@ITU"]);
        assert_eq!(islands("الإصدار 2021 WSIS هنا"), ["2021 WSIS"]);
    }

    #[test]
    fn leaves_alone_what_the_bidi_algorithm_keeps_in_order() {
        // Letters joined by neutrals resolve to left to right in every context.
        assert!(islands("البريد: wsis-info@itu.int. الموقع www.wsis.org/forum").is_empty());
        assert!(islands("الوقت 23:30 والقرار 70/125 والاتحاد ITU").is_empty());
        // Digits after Latin letters take their direction (rule W7 of the algorithm).
        assert!(islands("المرجع WSIS Forum 2021/01 والقرار A/RES/70/1 و(COVID-19)").is_empty());
    }

    #[test]
    fn isolates_ranges_the_same_way_everywhere() {
        assert_eq!(islands("17-21 مايو 2021"), ["17-21"]);
        assert_eq!(islands("في الفترة 17–21 مايو"), ["17–21"]);
        assert_eq!(islands("من 13:00-13:30 بتوقيت"), ["13:00-13:30"]);
        assert_eq!(islands("الفترة ١٧-٢١ مايو"), ["١٧-٢١"]);
    }

    #[test]
    fn leaves_letters_and_digits_alone_and_stops_at_arabic_punctuation() {
        assert!(islands("الاتحاد (ITU) عام 2021").is_empty());
        assert!(islands("ITU، UNESCO").is_empty());
        // One piece led by a letter: its digits follow the letters' direction.
        assert!(islands("في Rue de Varembé 1, 1202 Genève بسويسرا").is_empty());
        assert_eq!(islands("في 1202 Genève, Suisse"), ["1202 Genève, Suisse"]);
        assert!(islands("الجمعة، 21 مايو 2021، 00:30").is_empty());
        assert!(islands("بنسبة 50% وبمبلغ $100").is_empty());
        // A space after a comma or a full stop ends a piece of the sentence.
        assert_eq!(islands("في 2021. 17 دولة"), Vec::<&str>::new());
        assert_eq!(islands("نص ITU) (UNESCO نص"), Vec::<&str>::new());
        assert_eq!(islands("Tel.: +41 22"), ["+41 22"]);
    }

    #[test]
    fn escapes_while_wrapping() {
        assert_eq!(
            isolate_ltr("أ <1&2> ب").unwrap(),
            "أ &lt;<bdo dir=\"ltr\">1&amp;2</bdo>&gt; ب"
        );
        assert_eq!(isolate_html("a < b", false), "a &lt; b");
    }
}
