# Las palabras del aviso de error del servidor de vista previa (`hexaglot serve`),
# mostradas sobre la página que se está editando, en su idioma.
live-error-title = No se pudo volver a generar el sitio
live-error-kept = Se muestra la última versión generada. Corrija el archivo y guárdelo: la página se recargará sola.
live-error-hide = Ocultar

# La respuesta a una solicitud dirigida a otro host (una página ajena a la vista
# previa que intenta leerla); su dirección sigue en la línea siguiente.
host-refused =
    Este servidor de vista previa solo responde a las solicitudes enviadas a su propia dirección:
    { $url }
