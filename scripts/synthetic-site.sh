#!/usr/bin/env bash
# Writes the synthetic benchmark site of ../shared/bench/gen_site.py in hexaglot's layout.
#
#   scripts/synthetic-site.sh N OUT     # N pages per language (6·N pages), into OUT/
#
# gen_site.py's Hugo layout is already hexaglot's (content/<section>/page-XXXXX[.lang].md,
# `tags` at the top of the front matter, English without a suffix), so the conversion is
# a copy plus content/site.yaml and the benchmark theme of benches/site/ (the same as
# scripts/bench.sh uses).
set -euo pipefail
n=${1:?usage: scripts/synthetic-site.sh N OUT}
out=${2:?usage: scripts/synthetic-site.sh N OUT}
here=$(cd "$(dirname "$0")/.." && pwd)
gen=${GEN_SITE:-$here/../shared/bench/gen_site.py}
[ -f "$gen" ] || gen=/work/shared/bench/gen_site.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$gen" --n "$n" --seed 1 --out "$tmp" --layouts hugo
rm -rf "$out"
mkdir -p "$out"
mv "$tmp/hugo/content" "$out/content"
cp "$here/benches/site/site.yaml" "$out/content/site.yaml"
cp -r "$here/benches/site/themes" "$out/"
echo "synthetic site: $((6 * n)) pages in $out" >&2
