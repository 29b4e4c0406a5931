#[test]
fn probe() {
    let text = "title: T\nbase_url: https://e.org\ndefault_language: en\nlanguages:\n  - {code: en, name: English, locale: en-GB}\n  - {code: ar, name: العربية}\n  - {code: fr, name: Français}\n  - {code: zh, name: 中文}\n  - {code: ru, name: Русский}\n  - {code: es, name: Español}\n";
    let c = hexaglot::config::Config::parse(std::path::Path::new("."), text).unwrap();
    let d = hexaglot::i18n::dates::Dates::new(&c);
    let t = hexaglot::event::format::Times::new(&c);
    let day = hexaglot::content::PageDate::parse("2021-05-18").unwrap();
    for l in ["en","ar","fr","zh","ru","es"] {
        println!("{l}: {:?} {:?} {:?} {:?}", d.with_weekday(l, day), t.hm(l, 13, 0), t.hm(l, 9, 5), d.long(l, day));
    }
}
