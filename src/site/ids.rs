//! Typed indices into the site model.
//!
//! A page group, a translation and a language are each found by their position in a
//! vector of [`Site`](super::Site). Each kind of position has its own type, so that a
//! group index cannot index the translations, and a language index cannot stand for a
//! group: `site.groups[g]`, `site.pages[p]`, `site.langs[l]` and `lang.entries[g]` take
//! only the id of their own kind.

use std::ops::{Index, IndexMut};

use super::{Entry, Group, LangSite};
use crate::content::Page;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident, indexes $($item:ty),+) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(usize);

        impl $name {
            /// The id of position `i`.
            pub const fn new(i: usize) -> Self {
                $name(i)
            }

            /// Its position.
            pub const fn index(self) -> usize {
                self.0
            }

            /// The ids of a vector of `len` items, in order.
            pub fn all(len: usize) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator + Clone {
                (0..len).map($name)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        $(
            impl Index<$name> for [$item] {
                type Output = $item;
                fn index(&self, id: $name) -> &$item {
                    &self[id.0]
                }
            }

            impl IndexMut<$name> for [$item] {
                fn index_mut(&mut self, id: $name) -> &mut $item {
                    &mut self[id.0]
                }
            }

            impl Index<$name> for Vec<$item> {
                type Output = $item;
                fn index(&self, id: $name) -> &$item {
                    &self[id.0]
                }
            }

            impl IndexMut<$name> for Vec<$item> {
                fn index_mut(&mut self, id: $name) -> &mut $item {
                    &mut self[id.0]
                }
            }
        )+
    };
}

id!(
    /// A page or section with its translations: a position in `Site::groups`, and in
    /// each language's `entries`.
    GroupId, indexes Group, Entry
);

id!(
    /// One translation of a page: a position in `Site::pages`.
    PageId, indexes Page
);

id!(
    /// One of the site's languages: a position in `Site::langs`, in the order of
    /// `site.yaml`.
    LangId, indexes LangSite, crate::config::Language
);

/// One value per language of the site, found by [`LangId`] only.
#[derive(Debug, Clone)]
pub struct PerLang<T>(Vec<T>);

impl<T> PerLang<T> {
    /// The values, in the order of `site.yaml`.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The values, in the order of `site.yaml`, for what needs them all at once.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }

    /// How many languages.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> Default for PerLang<T> {
    fn default() -> Self {
        PerLang(Vec::new())
    }
}

impl<T> FromIterator<T> for PerLang<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        PerLang(iter.into_iter().collect())
    }
}

impl<T: Send> rayon::iter::FromParallelIterator<T> for PerLang<T> {
    fn from_par_iter<I: rayon::iter::IntoParallelIterator<Item = T>>(iter: I) -> Self {
        PerLang(Vec::from_par_iter(iter))
    }
}

impl<T> Index<LangId> for PerLang<T> {
    type Output = T;
    fn index(&self, id: LangId) -> &T {
        &self.0[id.0]
    }
}

impl<T> IndexMut<LangId> for PerLang<T> {
    fn index_mut(&mut self, id: LangId) -> &mut T {
        &mut self.0[id.0]
    }
}

impl<'a, T> IntoIterator for &'a PerLang<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_index_their_own_vectors() {
        let fallback = Entry {
            fallback: true,
            ..Entry::default()
        };
        let entries = Vec::from([Entry::default(), fallback]);
        assert!(entries[GroupId::new(1)].fallback);
        assert!(!entries.as_slice()[GroupId::new(0)].fallback);
        let ids: Vec<GroupId> = GroupId::all(3).collect();
        assert_eq!(ids.iter().map(|g| g.index()).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn per_lang_values_are_found_by_language() {
        let names: PerLang<&str> = ["ar", "zh", "en"].into_iter().collect();
        assert_eq!(names[LangId::new(1)], "zh");
        assert_eq!(names.iter().collect::<Vec<_>>(), [&"ar", &"zh", &"en"]);
        assert_eq!(names.len(), 3);
    }
}
