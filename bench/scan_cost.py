#!/usr/bin/env python3
"""What the default scan costs next to git's own diff walk: `workmix scan` (paths or line counts read
only for the commits whose verdict hangs on them; the model reads paths alone) against
`git log --numstat`, timed alternately in the same run (best of --runs each), without the history store
(--no-store), so each run reads git as a first run does.

usage: bench/scan_cost.py REPO [--workmix .build/release/workmix] [--runs 3]
"""
import argparse
import os
import subprocess
import time


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo")
    ap.add_argument("--workmix", default=os.environ.get("WORKMIX", ".build/release/workmix"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    cases = {
        "git log --numstat": ["git", "-C", args.repo, "log", "--numstat", "--no-renames", "--diff-merges=first-parent"],
        "workmix scan": [args.workmix, "scan", "--repo", args.repo, "--no-store", "--format", "jsonl", "--no-progress"],
        "workmix scan --no-diffs": [args.workmix, "scan", "--repo", args.repo, "--no-store", "--no-diffs", "--format",
                                    "jsonl", "--no-progress"],
    }
    best = {name: float("inf") for name in cases}
    for _ in range(args.runs):
        for name, cmd in cases.items():
            best[name] = min(best[name], timed(cmd))
    base = best["git log --numstat"]
    for name, wall in best.items():
        print(f"{name:26} {wall:7.2f} s  {wall / base:5.2f}x git log --numstat")


if __name__ == "__main__":
    main()
