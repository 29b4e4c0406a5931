# UI strings of the forum theme: navigation, notices, lists, footer.
# Every message exists in all six languages (locales/<lang>/main.ftl).

## Page chrome
skip-link = Skip to main content
site-nav-label = Main navigation
language-nav-label = Languages
page-contents = On this page
section-pages = In this section

## Navigation (labels of the menu in content/site.yaml)
nav-home = Home
nav-about = About the Forum
nav-programme = Programme
nav-organizers = Organizers and partners
nav-participate = Participate
nav-letter = Invitation letter
nav-contact = Contact

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
footer-organizers = Co-organized by ITU, UNESCO, UNCTAD and UNDP, and hosted by ITU.
footer-languages = This site is published in the six official languages of the United Nations.
footer-built-with = Built with hexaglot

## Home, programme and organizers pages
home-final-week = Final week
home-pre-events = Pre-events
home-co-organizers = Co-organizers
home-take-part = Take part in the Forum
home-see-programme = See the programme
programme-tracks = Tracks and session formats
programme-key-dates = Key dates
organizers-co = Co-organizers
organizers-host = Host
organizers-partners = With the participation of these United Nations entities
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
