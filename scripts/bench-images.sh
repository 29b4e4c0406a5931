#!/usr/bin/env bash
# The image benchmark: N photos of 3000×2000 px (default 200), six languages, built
# twice on the two cores of the machine — first with an empty image cache, then with
# the cache the first build filled. Prints wall time, CPU time and peak memory of each
# build and the time of its image stages (`--timings`).
#
#   scripts/bench-images.sh [N]
set -euo pipefail
N="${1:-200}"
cd "$(dirname "$0")/.."
cargo build --release --quiet
BIN="$PWD/target/release/hexaglot"
SITE="$(mktemp -d)"
trap 'rm -rf "$SITE"' EXIT
python3 scripts/bench-images.py "$SITE" "$N"
mkdir -p "$SITE/locales" "$SITE/themes"
cp -r locales/. "$SITE/locales/"
cp -r themes/. "$SITE/themes/"
du -sh "$SITE/content/people" | awk '{print "photos: " $1}'
run() {
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak memory %M KB" \
    taskset -c 0,1 "$BIN" --root "$SITE" build --timings 2>&1 | grep -E "wall|images|resize|markdown|render|files|built"
}
echo "== first build (empty cache)"
run
echo "== second build (cached)"
run
du -sh "$SITE/.hexaglot/cache/images" | awk '{print "cache: " $1}'
