# UI strings of the synthetic benchmark theme.
languages = Languages
tags = Tags
not-found = Page not found
