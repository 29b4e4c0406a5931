#!/usr/bin/env bash
# Benchmark: build the synthetic six-language site with hexaglot and, when installed,
# with Hugo, alternating, on tmpfs. Usage: scripts/bench.sh N [RUNS]
# (N pages per language; 6·N pages in all). The last line reads
# `hexaglot/hugo wall ratio: X.XX` or `hugo not installed`, after
# `hexaglot/floor wall ratio: X.XX` (the floor: `cp -r` of the output tree).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 scripts/bench.py "$@"
