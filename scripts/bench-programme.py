"""The programme benchmark: a conference of SESSIONS sessions (default 2,000), PEOPLE
people (800), ROOMS rooms (30) over DAYS days (5), in six languages, built with
hexaglot RUNS times on tmpfs, alternating with the floor (`cp -r` of the output tree
to a fresh folder on the same filesystem). Prints the best wall time, CPU time and
peak memory of the builds, the pages and bytes written, and the ratio to the floor.

    python3 scripts/bench-programme.py [SESSIONS] [PEOPLE] [ROOMS] [DAYS] [RUNS]

Every text is given in the six languages; times fall on quarter hours, several
sessions run at once in every room over the day, and some last whole days."""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sessions, people, rooms, days, runs = (
    [int(a) for a in sys.argv[1:6]] + [2000, 800, 30, 5, 5][len(sys.argv[1:6]):]
)
LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
WORDS = {
    "ar": "بيانات مفتوحة مدن صحة تعليم مناخ شبكات",
    "zh": "开放 数据 城市 健康 教育 气候 网络",
    "en": "open data cities health learning climate networks",
    "fr": "données ouvertes villes santé éducation climat réseaux",
    "ru": "открытые данные города здоровье образование климат сети",
    "es": "datos abiertos ciudades salud educación clima redes",
}
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(repo, "target/release/hexaglot")
random.seed(11)


def text(n, k=3):
    """The same `k` words in each language, as a YAML flow map."""
    picks = [(n * 7 + i * 3) % 7 for i in range(k)]
    return "{" + ", ".join(
        f"{l}: \"{' '.join(WORDS[l].split()[p] for p in picks)} {n}\"" for l in LANGS
    ) + "}"


def site(root):
    data = os.path.join(root, "content/data")
    os.makedirs(data)
    with open(os.path.join(root, "content/site.yaml"), "w") as f:
        f.write("title: " + text(0, 2) + "\nbase_url: https://bench.example.org/\n")
        f.write("theme: agora\ndefault_language: en\ntime_zone: Europe/Zurich\nlanguages:\n")
        names = {"ar": "العربية", "zh": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español"}
        for l in LANGS:
            f.write(f"  - {{code: {l}, name: {names[l]}}}\n")
        f.write("menu:\n  - {page: _index.md, label: nav-home}\n")
    for l in LANGS:
        with open(os.path.join(root, f"content/_index.{l}.md"), "w") as f:
            f.write(f"---\ntitle: {WORDS[l].split()[0]}\n---\n{WORDS[l]}\n")
    with open(os.path.join(data, "tracks.yaml"), "w") as f:
        for t in range(6):
            f.write(f"- id: track-{t}\n  name: {text(t, 2)}\n")
    with open(os.path.join(data, "formats.yaml"), "w") as f:
        for k in range(5):
            f.write(f"- id: format-{k}\n  name: {text(100 + k, 1)}\n")
    with open(os.path.join(data, "rooms.yaml"), "w") as f:
        for r in range(rooms):
            f.write(f"- id: room-{r}\n  name: {text(200 + r, 1)}\n  floor: {r % 4}\n  capacity: {40 + r * 10}\n")
    orgs = max(1, people // 10)
    with open(os.path.join(data, "organizations.yaml"), "w") as f:
        for o in range(orgs):
            f.write(f"- id: org-{o}\n  name: {text(300 + o, 2)}\n  tier: partner\n")
    with open(os.path.join(data, "people.yaml"), "w") as f:
        for p in range(people):
            f.write(f"- id: person-{p}\n  name: {{en: Person {p}}}\n  role: {text(400 + p % 50, 2)}\n  organization: org-{p % orgs}\n")
    with open(os.path.join(data, "sessions.yaml"), "w") as f:
        per_day = sessions // days
        for s in range(sessions):
            d, k = divmod(s, per_day)
            d = min(d, days - 1)
            date = f"2027-06-{d + 1:02d}"
            room = k % rooms
            f.write(f"- id: session-{s}\n  title: {text(1000 + s, 4)}\n  description: {text(2000 + s, 7)}\n")
            f.write(f"  track: track-{s % 6}\n  format: format-{s % 5}\n  room: room-{room}\n")
            if s % 97 == 0:
                f.write(f"  start: {date}\n  end: {date}\n")
            else:
                start = 8 * 60 + (k // rooms) * 45 + random.choice([0, 15])
                length = random.choice([30, 45, 60, 90])
                f.write(f"  start: {date}T{start // 60:02d}:{start % 60:02d}\n")
                end = start + length
                f.write(f"  end: {date}T{end // 60:02d}:{end % 60:02d}\n")
            speakers = ", ".join(f"person-{(s * 3 + i) % people}" for i in range(1 + s % 3))
            f.write(f"  people: [{speakers}]\n")
    for part in ["locales", "themes"]:
        shutil.copytree(os.path.join(repo, part), os.path.join(root, part))


def timed(cmd):
    """Wall time, CPU time, peak memory (KiB) and output of one run of `cmd`, from its
    own resource usage (not that of earlier children, such as the compiler)."""
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=log, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        out = log.read()
    if child.returncode != 0:
        sys.exit(f"{cmd[0]} failed:\n{out[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out


shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
root = tempfile.mkdtemp(dir=shm)
try:
    site(root)
    builds, floors = [], []
    for _ in range(runs):
        builds.append(timed(["taskset", "-c", "0,1", binary, "--root", root, "build"]))
        copy = os.path.join(root, "copy")
        shutil.rmtree(copy, ignore_errors=True)
        floors.append(timed(["cp", "-r", os.path.join(root, "public"), copy]))
    peak = max(m for _, _, m, _ in builds)
    files = sum(len(f) for _, _, f in os.walk(os.path.join(root, "public")))
    size = sum(os.path.getsize(os.path.join(d, x)) for d, _, fs in os.walk(os.path.join(root, "public")) for x in fs)
    wall, cpu, _, log = min(builds)
    floor = min(w for w, _, _, _ in floors)
    print(f"programme: {sessions} sessions, {people} people, {rooms} rooms, {days} days, 6 languages")
    print(log.strip().splitlines()[-1])
    print(f"output: {files} files, {size / 1e6:.0f} MB")
    print(f"hexaglot: best wall {wall:.2f} s of {runs}, CPU {cpu:.2f} s, peak memory {peak / 1024:.0f} MiB")
    print(f"floor (cp -r): best wall {floor:.2f} s")
    print(f"hexaglot/floor wall ratio: {wall / floor:.2f}")
finally:
    shutil.rmtree(root)
