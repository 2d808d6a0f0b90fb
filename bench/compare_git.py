#!/usr/bin/env python3
"""Checks workmix against git on one repository: the commit list and order (git rev-list),
mailmap-resolved authors (git log --format='%aN <%aE>'), trailers (%(trailers:only,unfold)), and with
--stats the per-commit files/insertions/deletions (git log --numstat --no-renames
--diff-merges=first-parent).

usage: bench/compare_git.py REPO [--workmix PATH] [--stats] [--rev REV] [--jobs N]
Prints the counts compared and the first differences; exits 1 on any difference.
"""
import argparse
import json
import subprocess
import sys


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True).stdout.decode("utf-8", "replace")


def numstat(repo, rev):
    """sha -> (files, insertions, deletions); binary files count 0 lines."""
    run = subprocess.run(["git", "-C", repo, "log", "--numstat", "--no-renames", "--diff-merges=first-parent",
                          "--format=%x00%H", rev], capture_output=True)
    out = run.stdout.decode("utf-8", "replace")
    complete = run.returncode == 0
    if not complete:
        # Snapshots can miss blobs: git aborts there. Compare what it printed before, minus the last commit.
        print("git log --numstat aborted:", run.stderr.decode().strip().splitlines()[-1])
        out = out[:out.rfind("\x00")]
    stats = {}
    for chunk in out.split("\x00")[1:]:
        lines = chunk.strip("\n").split("\n")
        sha = lines[0].strip()
        files = ins = dels = 0
        for line in lines[1:]:
            if not line.strip():
                continue
            a, d, _ = line.split("\t", 2)
            files += 1
            ins += 0 if a == "-" else int(a)
            dels += 0 if d == "-" else int(d)
        stats[sha] = (files, ins, dels)
    return stats, complete


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo")
    ap.add_argument("--workmix", default=".build/release/workmix")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--jobs", default=None)
    args = ap.parse_args()

    cmd = [args.workmix, "scan", "--repo", args.repo, "--rev", args.rev, "--format", "jsonl", "--no-progress", "--include-skipped"]
    if args.stats:
        cmd.append("--stats")
    if args.jobs:
        cmd += ["--jobs", args.jobs]
    result = subprocess.run(cmd, capture_output=True)
    if result.returncode != 0:
        print("workmix failed:", result.stderr.decode(), file=sys.stderr)
        return 1
    records = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
    failures = 0

    expected = git(args.repo, "rev-list", args.rev).split()
    got = [r["sha"] for r in records]
    if got != expected:
        failures += 1
        first = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
        print(f"order differs: {len(got)} vs git {len(expected)} commits; first difference at #{first}")
        print(f"  workmix: {got[first:first + 3]}\n  git:     {expected[first:first + 3]}")
    else:
        print(f"commits: {len(got)} in git rev-list order")

    authors = git(args.repo, "log", "--format=%H %aN <%aE>", args.rev).splitlines()
    want = dict(line.split(" ", 1) for line in authors)
    bad = [r["sha"] for r in records
           if f'{r["author"]["name"]} <{r["author"]["email"]}>' != want.get(r["sha"])]
    if bad:
        failures += 1
        print(f"authors differ from %aN <%aE> for {len(bad)} commits, e.g. {bad[:3]}")
    else:
        print(f"authors: {len(records)} match git's mailmap")

    # Trailers as git reads them: one NUL-separated chunk per commit, a "Key: value" line per trailer.
    run = subprocess.run(["git", "-C", args.repo, "log", "--format=%x00%H%n%(trailers:only,unfold)", args.rev],
                         capture_output=True)
    want = {}
    for chunk in run.stdout.decode("utf-8", "replace").split("\x00")[1:]:
        sha, _, body = chunk.partition("\n")
        # git keeps the CRs of a CRLF message inside an unfolded value; workmix drops them (README).
        want[sha] = [line.replace("\r", "") for line in body.split("\n") if line]
    bad = [r["sha"] for r in records
           if [f'{t["key"]}: {t["value"]}' for t in r["trailers"]] != want.get(r["sha"], [])]
    if bad:
        failures += 1
        print(f"trailers differ from %(trailers:only,unfold) for {len(bad)} commits, e.g. {bad[:3]}")
    else:
        print(f"trailers: {len(records)} commits match git's %(trailers:only,unfold)")

    if args.stats:
        stats, complete = numstat(args.repo, args.rev)
        diffs = []
        unavailable = sum(1 for r in records if r.get("stats") is None)
        if unavailable:
            print(f"workmix: {unavailable} commits with stats null (objects missing)")
        if not complete:
            # Per commit for the rest, as git diff-tree computes it; a commit git cannot read either is
            # expected to be null in workmix.
            for r in records:
                if r["sha"] in stats:
                    continue
                base = r["parents"][0] if r["parents"] else "--root"
                run = subprocess.run(["git", "-C", args.repo, "diff-tree", "-r", "--numstat", "--no-renames",
                                      base, r["sha"]] if base != "--root" else
                                     ["git", "-C", args.repo, "diff-tree", "-r", "--numstat", "--no-renames", "--root", r["sha"]],
                                     capture_output=True)
                if run.returncode != 0:
                    stats[r["sha"]] = None
                    continue
                files = ins = dels = 0
                for line in run.stdout.decode("utf-8", "replace").splitlines():
                    parts = line.split("\t")
                    if len(parts) < 3:
                        continue
                    files += 1
                    ins += 0 if parts[0] == "-" else int(parts[0])
                    dels += 0 if parts[1] == "-" else int(parts[1])
                stats[r["sha"]] = (files, ins, dels)
        for r in records:
            s = r.get("stats")
            mine = None if s is None else (s["files"], s["insertions"], s["deletions"])
            if stats.get(r["sha"], (0, 0, 0)) != mine:
                diffs.append((r["sha"], mine, stats.get(r["sha"])))
        if diffs:
            failures += 1
            print(f"stats differ for {len(diffs)} commits, e.g.:")
            for d in diffs[:5]:
                print("  ", d)
        else:
            total = sum(s[1] + s[2] for s in stats.values() if s)
            print(f"stats: {len(stats)} commits compared, all match git log --numstat ({total} lines changed)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
