"""Decodes images with Pillow, independently of hexaglot: prints, for each path given,
its format, width and height as JSON."""
import json
import sys

from PIL import Image

out = {}
for path in sys.argv[1:]:
    with Image.open(path) as im:
        im.load()
        out[path] = {"format": im.format, "width": im.width, "height": im.height, "mode": im.mode}
print(json.dumps(out))
