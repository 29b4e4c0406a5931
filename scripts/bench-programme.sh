#!/usr/bin/env bash
# The programme benchmark: 2,000 sessions, 800 people, 30 rooms over 5 days in six
# languages (or the numbers given), built on tmpfs on two cores, against the floor
# (`cp -r` of the output). See scripts/bench-programme.py.
#
#   scripts/bench-programme.sh [SESSIONS PEOPLE ROOMS DAYS RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 scripts/bench-programme.py "$@"
