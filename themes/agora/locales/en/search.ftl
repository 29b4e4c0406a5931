# Search, news feed and news navigation.

## Atom feed: the title of the feed and of the link to it. $site is the site's title.
feed-title = { $site }: news
feed-subscribe = News feed (Atom)

## Search. The search page runs in the browser; $count and $query are filled in there.
search-title = Search
search-label = Search this site
search-placeholder = For example: programme, speakers
search-submit = Search
search-results = { $count ->
    [one] { $count } page found
   *[other] { $count } pages found
}
search-no-results = No page matches “{ $query }”.
search-noscript = Search runs in your browser and needs JavaScript. Every page is also listed in the navigation above.
search-unavailable = The search index could not be loaded. Please try again later.

## The programme in search results: what a result is, with its date and time, room, role or organization
search-session = Session · { $when }
search-session-room = Session · { $when } · { $room }
search-person = Person
search-person-role = Person · { $role }
search-person-organization = Person · { $organization }
search-person-role-organization = Person · { $role }, { $organization }
search-organization = Organization
