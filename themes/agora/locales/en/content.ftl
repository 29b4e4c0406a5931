# Page content: tables of contents, pagination, shortcodes, pictures (docs/page-features.md).
pagination-label = Pages
pagination-newer = Newer
pagination-older = Older
# The number of a page of a list, in the language's digits.
pagination-number = { $number }
pagination-current = Page { $number } of { $total }
video-play = Play the video
video-notice = The video is played from { $provider }: playing it loads their page.
video-watch = Watch on { $provider }
callout-note = Note
callout-warning = Warning
callout-tip = Tip
# The title of a page's table of contents.
page-contents = On this page
