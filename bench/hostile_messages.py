#!/usr/bin/env python3
"""Times workmix on commits whose subjects are built to make regular expressions backtrack (version
chains, dotted tails, long runs of prefixes), in a scratch repository; prints each one's time and
exits 1 when one takes longer than --limit seconds. Commit text is untrusted input (SPEC): one
crafted commit must not stall a CI scan.

usage: bench/hostile_messages.py [--workmix PATH] [--limit SECONDS]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

SUBJECTS = {
    "version chain": "libfoo from 1" + ".1" * 50000 + " to",
    "dotted tail": "1.2" + ".3a" * 20000 + "!",
    "one long word": "a" * 100000,
    "ticket prefixes": "[x] " * 20000 + "y",
    "emoji prefixes": ":a: " * 20000 + "y",
    "scope prefixes": "a/b: " * 20000 + "y",
    "open scope": "x(" + "y" * 50000,
    "spaced words": "update " + "x " * 50000,
    "repeated from": "bump " + "from 1 " * 20000,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workmix", default=os.environ.get("WORKMIX", ".build/release/workmix"))
    ap.add_argument("--limit", type=float, default=1.0)
    args = ap.parse_args()
    env = dict(os.environ, GIT_AUTHOR_NAME="A", GIT_AUTHOR_EMAIL="a@x.io", GIT_COMMITTER_NAME="A",
               GIT_COMMITTER_EMAIL="a@x.io", GIT_AUTHOR_DATE="2024-01-02T10:00:00Z",
               GIT_COMMITTER_DATE="2024-01-02T10:00:00Z", GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
    slow = 0
    with tempfile.TemporaryDirectory() as scratch:
        for name, subject in SUBJECTS.items():
            repo = os.path.join(scratch, name.replace(" ", "-"))
            subprocess.run(["git", "init", "-q", repo], check=True, env=env)
            subprocess.run(["git", "-C", repo, "commit", "-q", "--allow-empty", "-F", "-"], input=subject.encode(),
                           check=True, env=env)
            start = time.perf_counter()
            subprocess.run([args.workmix, "scan", "--repo", repo, "--format", "jsonl", "--no-progress"],
                           check=True, stdout=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            slow += elapsed > args.limit
            print(f"{name:16} {len(subject):7} chars  {elapsed:6.2f} s{'  SLOW' if elapsed > args.limit else ''}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
