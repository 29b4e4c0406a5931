#!/usr/bin/env bash
# Edit-to-reload latency of `hexaglot serve` on the forum site and on the synthetic
# 6,000-page site: from saving one content file to the reload event reaching a client.
#
#   scripts/reload-latency.sh [RUNS]       # 30 runs per case by default
#
# A benchmark, not a test: run it on a quiet machine. Sites are copied to a tmpfs
# (/dev/shm) when there is one.
set -euo pipefail
runs=${1:-30}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
cargo build --release --quiet --bin hexaglot --example reload_latency
base=$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp )/hexaglot-latency.XXXXXX")
trap 'rm -rf "$base"' EXIT
mkdir -p "$base/forum"
cp -r content locales themes "$base/forum/"
scripts/synthetic-site.sh 1000 "$base/synthetic" 2>/dev/null
latency=target/release/examples/reload_latency
$latency "$base/forum" content/about.fr.md "$runs" body
$latency "$base/forum" content/about.fr.md "$runs" title
$latency "$base/synthetic" content/blog/page-00004.fr.md "$runs" body
$latency "$base/synthetic" content/blog/page-00004.fr.md "$runs" title
