### The forum's own UI strings: its menu, its footer, the labels of its home page, and the
### wording it prefers to the theme's (organizers-partners, search-placeholder). The theme's
### other messages come from themes/agora/locales/.

## Navigation (labels of the menu in content/site.yaml)
nav-home = Home
nav-about = About the Forum
nav-programme = Programme
nav-organizers = Organizers and partners
nav-participate = Participate
nav-letter = Invitation letter
nav-contact = Contact

## Footer
footer-organizers = Co-organized by ITU, UNESCO, UNCTAD and UNDP, and hosted by ITU.
footer-languages = This site is published in the six official languages of the United Nations.

## Home, programme and organizers pages
home-final-week = Final week
home-pre-events = Pre-events
home-take-part = Take part in the Forum
home-see-programme = See the programme
organizers-partners = With the participation of these United Nations entities
nav-news = News

## Search. The search page runs in the browser; $count and $query are filled in there.
search-placeholder = For example: forum, SDGs
