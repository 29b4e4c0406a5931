//! Names of languages in each of the site's languages, from CLDR (ICU4X's display
//! names): `es` is `Spanish` in English and `الإسبانية` in Arabic, `ase` is `American
//! Sign Language`, `es-419` is `Latin American Spanish`. For the languages a session is
//! interpreted into, which may be any BCP 47 tag.

use std::collections::HashMap;

use icu_experimental::displaynames::{
    DisplayNamesOptions,
    multi::{LanguageDisplayNames, LocaleDisplayNamesFormatter},
};
use icu_locale::Locale;

/// CLDR's names of languages, per language of the site.
#[derive(Default)]
pub struct LanguageNames {
    by_lang: HashMap<String, (LanguageDisplayNames, LocaleDisplayNamesFormatter)>,
}

impl std::fmt::Debug for LanguageNames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanguageNames")
            .field("languages", &self.by_lang.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl LanguageNames {
    /// The names in each of `codes` for which CLDR has data.
    pub fn new<'a>(codes: impl IntoIterator<Item = &'a str>) -> LanguageNames {
        let by_lang = codes
            .into_iter()
            .filter_map(|code| {
                let locale: Locale = code.parse().ok()?;
                let options = DisplayNamesOptions::default();
                let languages =
                    LanguageDisplayNames::try_new(locale.clone().into(), options).ok()?;
                let locales = LocaleDisplayNamesFormatter::try_new(locale.into(), options).ok()?;
                Some((code.to_string(), (languages, locales)))
            })
            .collect();
        LanguageNames { by_lang }
    }

    /// The name of language `tag` in `lang`, when CLDR names its language there.
    pub fn name(&self, lang: &str, tag: &str) -> Option<String> {
        let (languages, locales) = self.by_lang.get(lang)?;
        let locale: Locale = tag.parse().ok()?;
        languages.of(locale.id.language)?;
        Some(locales.of(&locale).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cldr_names_languages_sign_languages_and_regional_variants() {
        let names = LanguageNames::new(["en", "fr", "ar", "zh"]);
        assert_eq!(
            names.name("en", "ase").as_deref(),
            Some("American Sign Language")
        );
        assert_eq!(names.name("fr", "es").as_deref(), Some("espagnol"));
        assert_eq!(names.name("ar", "es").as_deref(), Some("الإسبانية"));
        assert_eq!(
            names.name("zh", "es-419").as_deref(),
            Some("拉丁美洲西班牙语")
        );
        // A tag CLDR does not name, a language the site does not have, a bad tag.
        assert_eq!(names.name("en", "ils"), None);
        assert_eq!(names.name("ru", "es"), None);
        assert_eq!(names.name("en", "not a tag"), None);
    }
}
