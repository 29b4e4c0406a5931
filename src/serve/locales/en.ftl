# The words of the preview server's error overlay (`hexaglot serve`), shown over the
# page being edited in the page's language. The error itself follows, as hexaglot
# printed it.
live-error-title = The site could not be rebuilt
live-error-kept = This is the last version that built. Fix the file and save it: the page reloads by itself.
live-error-hide = Hide
