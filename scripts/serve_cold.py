#!/usr/bin/env python3
"""Cold start of `hexaglot serve`: the time from starting the server to the first page
served, and its peak memory once it serves.

    scripts/serve_cold.py SITE [RUNS] [PATH]

Starts `target/release/hexaglot serve --port 0` on SITE RUNS times (3 by default),
polls PATH (`/`, the home page, by default) until it answers 200 and reports the median
time to the first page and the median peak RSS of the server then. A benchmark, not a
test: `scripts/bench.py` makes a synthetic site of any size to point it at
(`/dev/shm/hexaglot-bench-<checkout>/n5000/hexaglot` for 30,000 pages).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def peak_rss_mib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cold_start(binary, site, path):
    """Returns (seconds to the first page, peak RSS MiB then)."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        server = subprocess.Popen([binary, "serve", "--port", "0", "--root", site],
                                  stdout=subprocess.PIPE, stderr=stderr, text=True)
        try:
            address = None
            while address is None:
                line = server.stdout.readline()
                if not line:
                    stderr.seek(0)
                    sys.exit("the server stopped:\n" + stderr.read().decode(errors="replace")[-2000:])
                address = next((w for w in line.split() if w.startswith("http://")), None)
            url = address.rstrip("/") + path
            while True:
                try:
                    with urllib.request.urlopen(url, timeout=30) as response:
                        if response.status == 200:
                            response.read()
                            break
                except (urllib.error.URLError, ConnectionError):
                    pass
                time.sleep(0.005)
            return time.perf_counter() - start, peak_rss_mib(server.pid)
        finally:
            server.terminate()
            server.wait()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    site = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    path = sys.argv[3] if len(sys.argv) > 3 else "/"
    binary = os.environ.get("HEXAGLOT_BIN") or os.path.join(REPO, "target", "release", "hexaglot")
    results = [cold_start(binary, site, path) for _ in range(runs)]
    print("serve cold start, %s, %d runs: first page in %.2f s (median; min %.2f, max %.2f), peak %.0f MiB"
          % (site, runs, statistics.median(r[0] for r in results), min(r[0] for r in results),
             max(r[0] for r in results), statistics.median(r[1] for r in results)))


if __name__ == "__main__":
    main()
