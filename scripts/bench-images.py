"""Makes the image benchmark site: six languages, N people with a 3000×2000 photo each
(person pages in every language show them), and a gallery page showing every photo.

    python3 scripts/bench-images.py DIR [N]

The photos are smooth gradients with texture, so that they encode like photographs;
each one differs, so that each has its own hash."""
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFilter

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
langs = ["ar", "zh", "en", "fr", "ru", "es"]
os.makedirs(f"{out}/content/people", exist_ok=True)
os.makedirs(f"{out}/content/data", exist_ok=True)

# One textured base, coloured and cut differently for each photo (cheap to make).
random.seed(7)
base = Image.effect_noise((3200, 2200), 40).convert("RGB").filter(ImageFilter.GaussianBlur(1.2))
for i in range(count):
    x, y = random.randrange(200), random.randrange(200)
    tile = base.crop((x, y, x + 3000, y + 2000))
    gradient = Image.linear_gradient("L").resize((3000, 2000)).rotate(i * 7 % 360, expand=False)
    tint = Image.new("RGB", (3000, 2000), (random.randrange(256), random.randrange(256), random.randrange(256)))
    photo = Image.composite(tint, tile, gradient)
    draw = ImageDraw.Draw(photo)
    for _ in range(12):
        cx, cy, r = random.randrange(3000), random.randrange(2000), random.randrange(80, 400)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(random.randrange(256),) * 3)
    photo.save(f"{out}/content/people/p{i:03}.jpg", quality=88)

title = "{" + ", ".join(f"{l}: Image benchmark" for l in langs) + "}"
with open(f"{out}/content/site.yaml", "w") as f:
    f.write(f"title: {title}\nbase_url: https://example.org/\ntheme: forum\ndefault_language: en\n")
    f.write("time_zone: Europe/Zurich\nlanguages:\n")
    for l in langs:
        fb = "" if l == "en" else ", fallback: [en]"
        f.write(f"  - {{code: {l}, name: {l}{fb}}}\n")
with open(f"{out}/content/data/organizations.yaml", "w") as f:
    f.write("- id: org\n  tier: partner\n  name: {en: Organization}\n")
with open(f"{out}/content/data/people.yaml", "w") as f:
    for i in range(count):
        f.write(f"- id: p{i:03}\n  name: {{en: Person {i}}}\n  organization: org\n  photo: people/p{i:03}.jpg\n")
for l in langs:
    with open(f"{out}/content/_index.{l}.md", "w") as f:
        f.write(f"---\ntitle: Home {l}\n---\n\nPhotos.\n")
    with open(f"{out}/content/gallery.{l}.md", "w") as f:
        f.write(f"---\ntitle: Gallery {l}\n---\n\n")
        for i in range(count):
            f.write(f"![Person {i}](people/p{i:03}.jpg)\n\n")
