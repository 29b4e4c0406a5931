### UI strings of the agora theme: page chrome, notices, lists, home and programme pages.
### Every message exists in the six UN languages. A site changes one by defining the same
### message in its own locales/<lang>/*.ftl, which wins over the theme's.

## Page chrome
skip-link = Skip to main content
site-nav-label = Main navigation
language-nav-label = Languages
section-pages = In this section

## Language names, and the phrase "in <language>" used inside notices
language-ar = Arabic
    .in = in Arabic
language-zh = Chinese
    .in = in Chinese
language-en = English
    .in = in English
language-fr = French
    .in = in French
language-ru = Russian
    .in = in Russian
language-es = Spanish
    .in = in Spanish
language-ils = International Sign
    .in = in International Sign
language-de = German
    .in = in German
language-pt = Portuguese
    .in = in Portuguese
language-it = Italian
    .in = in Italian
language-nl = Dutch
    .in = in Dutch
language-pl = Polish
    .in = in Polish
language-uk = Ukrainian
    .in = in Ukrainian
language-tr = Turkish
    .in = in Turkish
language-fa = Persian
    .in = in Persian
language-he = Hebrew
    .in = in Hebrew
language-ur = Urdu
    .in = in Urdu
language-hi = Hindi
    .in = in Hindi
language-bn = Bengali
    .in = in Bengali
language-sw = Swahili
    .in = in Swahili
language-ja = Japanese
    .in = in Japanese
language-ko = Korean
    .in = in Korean
language-id = Indonesian
    .in = in Indonesian

## Notices about the language of a page
# $requested and $original are the ".in" phrases above.
fallback-notice = This page is not yet available { $requested }. It is shown below { $original }.
translation-official = This is the official text.
translation-official-original = This is an official translation of the original text { $original }.
translation-unofficial = This is an unofficial translation. Only the original text is authoritative.
translation-unofficial-original = This is an unofficial translation. Only the original text { $original } is authoritative.
translation-machine = This page was translated by machine. Only the original text is authoritative.
translation-machine-original = This page was translated by machine. Only the original text { $original } is authoritative.
translation-read-original = Read the original

## Tags
tags-title = Tags
tag-title = Pages tagged “{ $tag }”
pages-count = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}

## Error page and language chooser
not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has moved.
not-found-home = Go to the home page
chooser-title = Choose your language

## Footer
footer-built-with = Built with hexaglot

## Home, programme and organizers pages
home-co-organizers = Co-organizers
programme-tracks = Tracks and session formats
programme-key-dates = Key dates
organizers-co = Co-organizers
organizers-host = Host
organizers-partners = Participating organizations
person-with-role = { $name }, { $role }

## Date ranges: CLDR's interval formats write them (17–21 May 2021, May 17–21, 2021 in
## American English); this message only words the sentence around them. Leave it out to
## show CLDR's range as is.
# $start, $end: CLDR's parts (17 / 21 May 2021); $range: CLDR's whole range;
# $precision: day or month; $difference: year, month or day (the greatest that differs).
date-range = { $difference ->
    [day] { $start }–{ $end }
   *[other] { $start } – { $end }
}

## How a page's title and the site's title are joined in <title>; $page, $site: the titles.
page-title = { $page } · { $site }
# An organization's name with its acronym; $name, $acronym: both, already marked up.
name-with-acronym = { $name } ({ $acronym })
