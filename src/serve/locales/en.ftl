# The words of the preview server's error overlay (`hexaglot serve`), shown over the
# page being edited in the page's language. The error itself follows, as hexaglot
# printed it.
live-error-title = The site could not be rebuilt
live-error-kept = This is the last version that built. Fix the file and save it: the page reloads by itself.
live-error-hide = Hide

# The answer to a request addressed to another host (a page that is not the preview
# trying to read it); its address follows on the next line.
host-refused =
    This preview server only answers requests made to its own address:
    { $url }
