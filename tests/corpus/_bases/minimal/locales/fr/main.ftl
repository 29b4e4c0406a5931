nav-home = Accueil
nav-about = À propos
fallback = Page non traduite ; affichée { $original }.
language-en = en anglais
pages-count = { $count ->
    [one] one page
   *[other] { $count } pages
}
