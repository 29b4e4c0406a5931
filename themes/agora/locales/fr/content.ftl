# Contenu des pages : sommaires, pagination, codes courts, images (docs/page-features.md).
pagination-label = Pages
pagination-newer = Plus récents
pagination-older = Plus anciens
pagination-number = { $number }
pagination-current = Page { $number } sur { $total }
video-play = Lire la vidéo
video-notice = La vidéo est diffusée par { $provider } : la lancer charge leur page.
video-watch = Regarder sur { $provider }
callout-note = Remarque
callout-warning = Attention
callout-tip = Conseil
# The title of a page's table of contents.
page-contents = Sur cette page
