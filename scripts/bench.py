#!/usr/bin/env python3
"""Benchmark runner behind scripts/bench.sh.

Generates the synthetic site of ../shared/bench/gen_site.py (N pages per language,
six languages) on tmpfs, converts its neutral layout to hexaglot's (hard links, same
bytes), then times hexaglot and Hugo alternately: one warm-up each, then RUNS runs,
reporting the median wall time, CPU time (user + sys) and peak memory (max RSS) of
each, and the ratio of the medians. In the same rounds it times the floor: copying
hexaglot's previous output tree to a fresh folder on the same filesystem (`cp -r`), the
least any generator writing those files could take. check_output.py must pass on
hexaglot's output.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared", "bench")
LANGS = ["en", "ar", "es", "fr", "ru", "zh"]


def tmpfs_root():
    # One folder per checkout: two checkouts benchmarking at once must not build into
    # the same output folder.
    root = "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp"
    return os.path.join(root, "hexaglot-bench-%s" % os.path.basename(REPO))


def generate(n, out):
    stamp = os.path.join(out, ".generated")
    if os.path.exists(stamp):
        return
    subprocess.run([sys.executable, os.path.join(SHARED, "gen_site.py"), "--n", str(n), "--seed", "1",
                    "--out", out, "--layouts", "hugo,neutral"], check=True)
    convert(os.path.join(out, "neutral"), os.path.join(out, "hexaglot"))
    open(stamp, "w").close()


def convert(neutral, site):
    """content/<lang>/<section>/<page>.md -> content/<section>/<page>.<lang>.md"""
    if os.path.exists(site):
        shutil.rmtree(site)
    content = os.path.join(site, "content")
    for lang in LANGS:
        base = os.path.join(neutral, "content", lang)
        for root, _, files in os.walk(base):
            rel = os.path.relpath(root, base)
            target_dir = content if rel == "." else os.path.join(content, rel)
            os.makedirs(target_dir, exist_ok=True)
            for f in files:
                stem = f[:-3]
                os.link(os.path.join(root, f), os.path.join(target_dir, "%s.%s.md" % (stem, lang)))
    shutil.copy(os.path.join(REPO, "benches", "site", "site.yaml"), os.path.join(content, "site.yaml"))
    shutil.copytree(os.path.join(REPO, "benches", "site", "themes"), os.path.join(site, "themes"))


def timed(cmd):
    """Runs cmd; returns (wall s, cpu s, peak RSS MiB)."""
    # Errors go to a file: a pipe read after the wait would block a tool that warns a lot.
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        stderr.seek(0)
        err = stderr.read().decode(errors="replace")
    if status != 0:
        sys.exit("command failed: %s\n%s" % (" ".join(cmd), err))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = max(3, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
    out = os.path.join(tmpfs_root(), "n%d" % n)
    generate(n, out)
    site = os.path.join(out, "hexaglot")
    # HEXAGLOT_BIN: another build of hexaglot to time (a before-and-after comparison).
    binary = os.environ.get("HEXAGLOT_BIN") or os.path.join(REPO, "target", "release", "hexaglot")
    hexaglot = [binary, "--root", site, "build"]
    hugo_dir = os.path.join(out, "hugo")
    # BENCH_HUGO=0 leaves Hugo out (quicker before-and-after rounds of hexaglot alone).
    have_hugo = shutil.which("hugo") is not None and os.environ.get("BENCH_HUGO") != "0"
    hugo = ["sh", "-c", "rm -rf '%s/public' && exec hugo --quiet -s '%s'" % (hugo_dir, hugo_dir)]

    copy = os.path.join(out, "floor")
    floor = ["sh", "-c", "rm -rf '%s' && exec cp -r '%s' '%s'" % (copy, os.path.join(site, "public"), copy)]

    tools = [("hexaglot", hexaglot), ("floor", floor)] + ([("hugo", hugo)] if have_hugo else [])
    results = {name: [] for name, _ in tools}
    for name, cmd in tools:  # warm-up
        timed(cmd)
    for _ in range(runs):
        for name, cmd in tools:
            results[name].append(timed(cmd))

    check = subprocess.run([sys.executable, os.path.join(SHARED, "check_output.py"),
                            os.path.join(site, "public"), "--n", str(n)], capture_output=True, text=True)
    print(check.stdout.strip().splitlines()[-1] if check.stdout else check.stderr)
    if check.returncode != 0:
        print(check.stdout)
        sys.exit("check_output.py failed on hexaglot's output")

    pages = 6 * n
    print("%d pages (6 languages x %d), %d runs after a warm-up, tmpfs %s" % (pages, n, runs, out))
    print("%-9s %9s %9s %11s %10s %12s" % ("tool", "wall s", "CPU s", "peak MiB", "pages/s", "µs/page CPU"))
    medians = {}
    for name, _ in tools:
        wall = statistics.median(r[0] for r in results[name])
        cpu = statistics.median(r[1] for r in results[name])
        rss = statistics.median(r[2] for r in results[name])
        medians[name] = wall
        print("%-9s %9.3f %9.3f %11.0f %10.0f %12.0f" % (name, wall, cpu, rss, pages / wall, cpu / pages * 1e6))
    print("hexaglot/floor wall ratio: %.2f" % (medians["hexaglot"] / medians["floor"]))
    if have_hugo:
        print("hexaglot/hugo wall ratio: %.2f" % (medians["hexaglot"] / medians["hugo"]))
    else:
        print("hugo skipped (BENCH_HUGO=0)" if shutil.which("hugo") else "hugo not installed")


if __name__ == "__main__":
    main()
