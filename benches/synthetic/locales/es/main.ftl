# UI strings of the synthetic benchmark theme.
languages = Idiomas
tags = Etiquetas
not-found = Página no encontrada
