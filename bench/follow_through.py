#!/usr/bin/env python3
"""Times `workmix report` with and without follow-through (SPEC 9) on one repository, in one run, and
prints the ratio (issue 16 asks for at most 1.2). Best of --runs runs each; no network.

Three configs, written to a scratch folder:
  yearly  one residency per calendar year the history spans, the top author as resident and the next
          five as the team: the report reads every commit, and follow-through adds the areas of
          every commit and the matching (8 weeks after the last window: past HEAD, nothing more to read).
  yearly-p0  the same without the permutation test (`follow_through: {permutations: 0}`): the
          difference to `yearly` is what the 1,000 permutations of each residency's categories cost.
  spell   one six-week residency at the end of the history (2024-03-01 to 04-11 on redis): the report
          reads those weeks, follow-through also the 8 weeks after them (paths only) — the case where
          what it adds is largest against what the report reads.

Wall time and CPU time (user + system of the child): the machine may be shared, and CPU time is the
steadier of the two there.

usage: bench/follow_through.py REPO [--workmix PATH] [--runs N] [--jobs N] [--configs yearly,yearly-p0,spell]
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time


def authors(repo):
    out = subprocess.run(["git", "-C", repo, "shortlog", "-sne", "HEAD"], check=True, capture_output=True,
                         text=True).stdout
    emails = []
    for line in out.splitlines():
        email = line[line.rfind("<") + 1:line.rfind(">")]
        if email not in emails:
            emails.append(email)
    return emails


def years(repo):
    out = subprocess.run(["git", "-C", repo, "log", "--format=%ad", "--date=format:%Y"], check=True,
                         capture_output=True, text=True).stdout.split()
    return sorted({int(y) for y in out})


def config(repo, kind):
    people = authors(repo)
    lines = ["follow_through: {permutations: 0}"] if kind == "yearly-p0" else []
    lines += ["residencies:"]
    for year in years(repo):
        if kind == "spell" and year != years(repo)[-1]:
            continue
        window = (f"{year}-03-01", f"{year}-04-11") if kind == "spell" else (f"{year}-01-01", f"{year}-12-31")
        lines += [f"  - name: {kind.split('-')[0]}-{year}", f"    resident: {people[0]}",
                  f"    team: [{', '.join(people[1:6])}]", f"    repos: [{os.path.abspath(repo)}]",
                  f"    from: {window[0]}", f"    to: {window[1]}"]
    return "\n".join(lines) + "\n"


def timed(cmd):
    """Wall seconds and CPU seconds (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode(errors='replace').strip()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo")
    ap.add_argument("--workmix", default=os.environ.get("WORKMIX", ".build/release/workmix"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", default=None)
    ap.add_argument("--configs", default="yearly,yearly-p0,spell")
    args = ap.parse_args()
    count = int(subprocess.run(["git", "-C", args.repo, "rev-list", "--count", "HEAD"], check=True,
                               capture_output=True).stdout)
    jobs = ["--jobs", args.jobs] if args.jobs else []
    print(f"{args.repo}: {count} commits; workmix report --format json, best of {args.runs}")
    print(f"{'config':9} {'wall without':>12} {'wall with':>10} {'ratio':>6} {'cpu without':>12} {'cpu with':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as scratch:
        for kind in args.configs.split(","):
            path = os.path.join(scratch, f"{kind}.yml")
            with open(path, "w") as handle:
                handle.write(config(args.repo, kind))
            # --no-store: each run reads git, not what an earlier run left in the history store.
            base = [args.workmix, "report", "--config", path, "--format", "json", "--no-progress", "--no-store"] + jobs
            # Alternate, so that a busy machine weighs on both alike.
            without, with_ = [], []
            for _ in range(args.runs):
                without.append(timed(base + ["--no-follow-through"]))
                with_.append(timed(base))
            wall = (min(w for w, _ in without), min(w for w, _ in with_))
            cpu = (min(c for _, c in without), min(c for _, c in with_))
            print(f"{kind:9} {wall[0]:12.2f} {wall[1]:10.2f} {wall[1] / wall[0]:6.2f} "
                  f"{cpu[0]:12.2f} {cpu[1]:9.2f} {cpu[1] / cpu[0]:6.2f}")


if __name__ == "__main__":
    main()
