#!/usr/bin/env python3
"""Times the history store (SPEC 8, issue 12) on real repositories (no network) and prints the table of
the README: the first run with the store against a run without it, a run after one new commit
(scan, report, check; report and check resume from the checkpoint the warm-up runs left, and the
script prints what `store info` says each checkpoint's run read), a rule change re-classified from the
store, and the store's size against `git log --numstat` output. Every stored run's output is compared byte for byte with the run without
the store; a difference fails the script.

Each repository is cloned with --shared into a scratch folder (objects borrowed, nothing copied) so that
the new commit lands there, never in the repository given.

usage: bench/store.py REPO [REPO...] [--workmix PATH] [--runs N] [--jobs N]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

CONFIG = """repos: [{repo}]
residencies:
  - name: bench
    resident: {resident}
    team: [{team}]
    repos: [{repo}]
    from: 2000-01-01
    to: 2099-12-31
    plan: {{ investment: 40%, maintenance: 40%, support: 20% }}
    tolerance: 10%
"""

RULE = """version: 1
rules:
  - id: bench_release
    category: support
    match: {{ subject: '(?i)^release {n}\\b' }}
"""


def run(cmd, cwd=None, runs=1):
    """Best wall time of `runs` runs and the output of the last."""
    best, out = None, b""
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr.decode(errors='replace')[:400]}")
        best, out = min(best or wall, wall), proc.stdout
    return best, out


def git(repo, *args):
    return subprocess.run(["git", "-C", repo] + list(args), check=True, stdout=subprocess.PIPE).stdout.decode()


def add_commit(repo, n):
    """One new commit on HEAD (same tree), as a push would bring."""
    env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.org",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.org")
    sha = subprocess.run(["git", "-C", repo, "commit-tree", "HEAD^{tree}", "-p", "HEAD", "-m", f"Fix bench {n}"],
                         check=True, stdout=subprocess.PIPE, env=env).stdout.decode().strip()
    git(repo, "update-ref", "HEAD", sha)


def bench(source, args, work):
    name = os.path.basename(source.rstrip("/")).removesuffix(".git")
    if name == "repo":
        name = os.path.basename(os.path.dirname(source.rstrip("/")))
    repo = os.path.join(work, name + ".git")
    subprocess.run(["git", "clone", "-q", "--bare", "--shared", source, repo], check=True)
    store = os.path.join(work, name + "-store")
    authors = git(repo, "log", "-2000", "--format=%ae").split()
    top = sorted(set(authors), key=lambda a: -authors.count(a))[:3]
    config = os.path.join(work, name + ".yml")
    with open(config, "w") as f:
        f.write(CONFIG.format(repo=repo, resident=top[0], team=", ".join(top[1:]) or top[0]))
    rules = os.path.join(work, name + "-rules.yml")
    wm = [args.workmix]
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    scan = wm + ["scan", "--repo", repo, "--format", "jsonl"] + jobs
    report = wm + ["report", "--config", config, "--format", "json"] + jobs
    check = wm + ["check", "--config", config] + jobs
    with_store, without = ["--store-dir", store], ["--no-store"]
    rows = []

    def same(label, cmd, runs=args.runs):
        t_plain, plain = run(cmd + without, runs=runs)
        t_store, stored = run(cmd + with_store, runs=runs)
        if plain != stored:
            sys.exit(f"{name}: {label}: output differs with the store")
        return t_plain, t_store

    commits = int(git(repo, "rev-list", "--count", "HEAD"))
    # The reference: git's own metadata walk over the same history, timed in the same run.
    t_log, _ = run(["git", "-C", repo, "log", "--format=%H %an <%ae> %ad %s", "HEAD"], runs=max(args.runs, 2))
    # First run: an empty store, against no store.
    shutil.rmtree(store, ignore_errors=True)
    t_plain, _ = run(scan + without, runs=args.runs)
    firsts = []
    for _ in range(args.runs):
        shutil.rmtree(store, ignore_errors=True)
        firsts.append(run(scan + with_store)[0])
    rows.append(("scan, first run with the store", t_plain, min(firsts), f"≤ 1.15× → {min(firsts) / t_plain:.2f}×"))
    run(report + with_store)
    run(check + with_store)
    # One new commit, then each command.
    add_commit(repo, 1)
    for label, cmd in (("scan", scan), ("report", report), ("check", check)):
        t_plain, t_store = same(label, cmd)
        rows.append((f"{label} after one new commit", t_plain, t_store, f"≤ 1.0 s ({t_store / t_log:.2f}× git log)"))
    info = subprocess.run(wm + ["store", "info"] + with_store, check=True, stdout=subprocess.PIPE).stdout.decode()
    checkpoints = [line.split("; ", 1)[1] for line in info.splitlines() if "report checkpoint" in line]
    # A rule change: every commit re-classified from the store.
    with open(rules, "w") as f:
        f.write(RULE.format(n=1))
    t_plain, t_store = same("rule change", scan + ["--rules", rules], runs=1)
    rows.append(("scan after a rule change (all commits re-classified)", t_plain, t_store, "≤ 3 s"))
    # Size: the store after a --stats run (every line count kept) against git log --numstat.
    run(wm + ["scan", "--repo", repo, "--stats", "--format", "jsonl"] + jobs + with_store)
    numstat = len(subprocess.run(["git", "-C", repo, "log", "--numstat", "HEAD"], check=True, stdout=subprocess.PIPE).stdout)
    size = sum(os.path.getsize(os.path.join(store, f)) for f in os.listdir(store))
    print(f"\n{name}: {commits} commits; store {size / 2**20:.1f} MiB, git log --numstat {numstat / 2**20:.1f} MiB "
          f"({size / numstat:.2f}×, target ≤ 2×)")
    print(f"git log (metadata, the same history): {t_log:.2f} s")
    print("report checkpoints after the new commit: " + "; ".join(checkpoints))
    print("| run | without store (s) | with store (s) | target |")
    print("| --- | ---: | ---: | --- |")
    for label, a, b, target in rows:
        print(f"| {label} | {a:.2f} | {b:.2f} | {target} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("repos", nargs="+")
    parser.add_argument("--workmix", default=os.environ.get("WORKMIX", ".build/release/workmix"))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", type=int)
    args = parser.parse_args()
    args.workmix = os.path.abspath(args.workmix)
    with tempfile.TemporaryDirectory(prefix="workmix-store-bench-") as work:
        for repo in args.repos:
            bench(os.path.abspath(repo), args, work)


if __name__ == "__main__":
    main()
