//! Search folds traditional Chinese to simplified with OpenCC's character table
//! (`TSCharacters`), kept in `src/search/han_table.txt` so that no build pays for
//! reading it through OpenCC. This asks OpenCC (the `ferrous-opencc` crate) for every
//! Han code point, one at a time (its phrase table has no one-character entry, so the
//! answer is the character table's), and compares.

use ferrous_opencc::{OpenCC, config::BuiltinConfig};
use hexaglot::search::normalize::{HAN_RANGES, han_pairs};

/// OpenCC's simplified form of each Han character that has one, as pairs in the order
/// of the code points.
fn opencc_pairs() -> Vec<(char, char)> {
    let opencc = OpenCC::from_config(BuiltinConfig::T2s).unwrap();
    let mut buf = [0u8; 4];
    let mut pairs = Vec::new();
    for c in HAN_RANGES
        .iter()
        .flat_map(|r| r.clone())
        .filter_map(char::from_u32)
    {
        let converted = opencc.convert(c.encode_utf8(&mut buf));
        let mut chars = converted.chars();
        if let (Some(s), None) = (chars.next(), chars.next())
            && s != c
        {
            pairs.push((c, s));
        }
    }
    pairs
}

#[test]
fn the_han_table_is_opencc_character_table() {
    let pairs = opencc_pairs();
    assert!(pairs.len() > 2000, "OpenCC gave {} pairs", pairs.len());
    let expected: String = pairs.iter().flat_map(|&(t, s)| [t, s]).collect();
    if std::env::var_os("HEXAGLOT_WRITE_HAN_TABLE").is_some() {
        // Thirty-two pairs a line, for readable diffs.
        let lines: Vec<String> = pairs
            .chunks(32)
            .map(|line| line.iter().flat_map(|&(t, s)| [t, s]).collect())
            .collect();
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/search/han_table.txt");
        std::fs::write(path, lines.join("\n") + "\n").unwrap();
        return;
    }
    assert!(
        han_pairs(|_| true) == expected,
        "src/search/han_table.txt is not OpenCC's character table: write it again with \
         HEXAGLOT_WRITE_HAN_TABLE=1 cargo test --release --test han_table"
    );
}
