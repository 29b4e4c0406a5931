# UI strings of the synthetic benchmark theme.
languages = Langues
tags = Étiquettes
not-found = Page introuvable
