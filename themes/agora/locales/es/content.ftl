# Contenido de las páginas: índices, paginación, códigos cortos, imágenes (docs/page-features.md).
pagination-label = Páginas
pagination-newer = Más recientes
pagination-older = Más antiguas
pagination-number = { $number }
pagination-current = Página { $number } de { $total }
video-play = Reproducir el vídeo
video-notice = El vídeo se reproduce desde { $provider }: al reproducirlo se carga su página.
video-watch = Ver en { $provider }
callout-note = Nota
callout-warning = Advertencia
callout-tip = Consejo
# The title of a page's table of contents.
page-contents = En esta página
