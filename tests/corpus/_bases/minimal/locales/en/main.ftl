nav-home = Home
nav-about = About
fallback = Not translated; shown { $original }.
language-en = in English
pages-count = { $count ->
    [one] one page
   *[other] { $count } pages
}
