#!/usr/bin/env python3
"""Times two workmix binaries (a previous version and this one) on the same repository, interleaved,
best of --runs each, and prints the ratio: the check that a change costs no speed.

usage: bench/versions.py OLD_WORKMIX NEW_WORKMIX REPO [--runs N]
  e.g. git worktree add /tmp/wm-old <commit> && (cd /tmp/wm-old && swift build -c release)
       bench/versions.py /tmp/wm-old/.build/release/workmix .build/release/workmix ../redis
"""
import argparse
import subprocess
import time

RUNS = [("scan --no-diffs", ["scan", "--no-diffs"]), ("scan", ["scan"]), ("scan --stats", ["scan", "--stats"])]


def once(binary, args, repo):
    start = time.perf_counter()
    subprocess.run([binary] + args + ["--repo", repo, "--format", "jsonl", "--no-progress", "--config", "/dev/null"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("repo")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| command | before s | now s | now / before |")
    print("|---|---:|---:|---:|")
    for name, command in RUNS:
        old, new = [], []
        for _ in range(args.runs):
            old.append(once(args.old, command, args.repo))
            new.append(once(args.new, command, args.repo))
        print(f"| `{name}` | {min(old):.2f} | {min(new):.2f} | {min(new) / min(old):.2f}× |")


if __name__ == "__main__":
    main()
