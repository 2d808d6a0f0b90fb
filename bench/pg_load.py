#!/usr/bin/env python3
"""Load bench of the shared PostgreSQL store (SPEC 8, issue 13): generates REPOS repositories of COMMITS
commits each (git fast-import, fixed names and dates), migrates an empty database, then pushes them all
at once (one `workmix scan --repo R --store URL` each, plus two more pushes of the first repository at
the same time), and checks:

- every commit stored once, with its line counts (rows against `git rev-list --count HEAD`);
- `report`, `check` and `pairs --store URL` from a folder where the repositories are not checked out
  (the config names them, `repos: {r00: ~, ...}`) print byte for byte what they print from the
  checkouts with `--no-store`.

It prints the time of the whole load, of `report --store` (best of --runs) and of the local report; with
--redis, also a push of that repository into an empty database against `scan --no-store >x.jsonl`.

Without --url it starts a throwaway cluster (initdb + pg_ctl on a free loopback port, as the `postgres`
user when run as root) and stops it at the end. Python 3 standard library only.

usage: bench/pg_load.py [--workmix PATH] [--url URL] [--repos N] [--commits N] [--runs N]
                        [--redis PATH]
"""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the script
from pgcluster import Cluster, psql, server_databases  # noqa: E402

PEOPLE = [("Ada Lovelace", "ada@org.example"), ("Grace Hopper", "grace@org.example"),
          ("Alan Turing", "alan@org.example"), ("Edsger Dijkstra", "edsger@org.example"),
          ("Barbara Liskov", "barbara@org.example"), ("Ken Thompson", "ken@org.example")]
SUBJECTS = ["Add {area} export", "Fix crash in {area} parser", "Refactor {area} module", "Bump {area} dependency",
            "Update {area} docs", "Implement {area} retry", "Fix typo in {area}", "Remove dead {area} code"]
AREAS = ["api", "billing", "cache", "cli", "db", "auth", "search", "ui"]

CONFIG = """residencies:
  - name: load
    resident: ada@org.example
    team: [grace@org.example, alan@org.example]
    repos: [{names}]
    from: 2020-01-01
    to: 2029-12-31
    plan: {{ investment: 40%, maintenance: 40%, support: 20% }}
    tolerance: 20%
repos: {{{byname}}}
"""


def fast_import_stream(index, commits):
    """`commits` commits on main: rotating authors, subjects and files, every seventh paired."""
    out = []
    for n in range(1, commits + 1):
        name, email = PEOPLE[(n * 7 + index) % len(PEOPLE)]
        area = AREAS[(n + index) % len(AREAS)]
        subject = SUBJECTS[(n * 3 + index) % len(SUBJECTS)].format(area=area)
        message = f"{subject} {n}\n"
        if n % 7 == 0:
            partner = PEOPLE[(n + 1) % len(PEOPLE)]
            message += f"\nCo-authored-by: {partner[0]} <{partner[1]}>\n"
        when = 1_600_000_000 + n * 5400 + index * 60
        body = "".join(f"line {n} {k}\n" for k in range(n % 5 + 1))
        data = message.encode()
        out.append(f"commit refs/heads/main\nmark :{n}\n"
                   f"author {name} <{email}> {when} +0100\ncommitter {name} <{email}> {when} +0100\n"
                   f"data {len(data)}\n".encode() + data)
        if n > 1:
            out.append(f"from :{n - 1}\n".encode())
        path = f"src/{area}/file{n % 40}.txt"
        out.append(f"M 644 inline {path}\ndata {len(body)}\n{body}\n".encode())
    return b"".join(out)


def make_repositories(root, count, commits):
    names = []
    for index in range(count):
        name = f"r{index:02d}"
        path = os.path.join(root, name)
        subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
        subprocess.run(["git", "-C", path, "fast-import", "--quiet"], input=fast_import_stream(index, commits), check=True)
        subprocess.run(["git", "-C", path, "checkout", "-q", "main"], check=True)
        names.append(name)
    return names


def timed(cmd, cwd, runs=1):
    """Best wall time of `runs` runs, the last run's output and exit status."""
    best, proc = None, None
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        best = wall if best is None else min(best, wall)
    return best, proc


def push(workmix, url, repo, cwd):
    start = time.perf_counter()
    proc = subprocess.run([workmix, "scan", "--repo", repo, "--store", url, "--no-progress"], cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError(f"push {repo}: exit {proc.returncode}: {proc.stderr.decode(errors='replace')[:400]}")
    return time.perf_counter() - start


def load(args, cluster_url, work):
    local, remote = os.path.join(work, "local"), os.path.join(work, "remote")
    os.makedirs(local), os.makedirs(remote)
    start = time.perf_counter()
    names = make_repositories(local, args.repos, args.commits)
    print(f"generated {args.repos} repositories of {args.commits} commits in {time.perf_counter() - start:.1f} s")
    config = CONFIG.format(names=", ".join(names), byname=", ".join(f"{n}: ~" for n in names))
    for folder in (local, remote):
        with open(os.path.join(folder, "workmix.yml"), "w") as f:
            f.write(config)
    url = cluster_url("workmix_load")
    subprocess.run([args.workmix, "store", "migrate", "--store", url], check=True, stdout=subprocess.DEVNULL)
    jobs = names + [names[0], names[0]]
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        pushes = list(pool.map(lambda name: push(args.workmix, url, name, local), jobs))
    whole = time.perf_counter() - start
    print(f"{len(jobs)} concurrent pushes ({len(names)} repositories + 2 more of {names[0]}): {whole:.1f} s "
          f"(each {min(pushes):.1f}-{max(pushes):.1f} s)")
    failures = 0
    for name in names:
        expected = int(subprocess.run(["git", "-C", os.path.join(local, name), "rev-list", "--count", "HEAD"],
                                      check=True, stdout=subprocess.PIPE).stdout)
        rows = psql(url, f"SELECT count(*), count(DISTINCT sha), count(*) FILTER (WHERE changes_detail = 2) "
                         f"FROM commits WHERE repo = '{name}'")
        if rows != f"{expected}|{expected}|{expected}":
            print(f"  {name}: {rows} (count, distinct, with line counts) for {expected} commits: WRONG")
            failures += 1
    print(f"rows: {'every commit once, with its line counts' if not failures else f'{failures} repositories wrong'}")
    for command in (["report", "--format", "json"], ["check"], ["pairs", "--format", "json"]):
        local_time, mine = timed([args.workmix] + command + ["--no-store", "--no-progress"], local, args.runs)
        stored_time, theirs = timed([args.workmix] + command + ["--store", url, "--no-progress"], remote, args.runs)
        same = mine.stdout == theirs.stdout and mine.returncode == theirs.returncode and mine.stderr == theirs.stderr
        if not same:
            failures += 1
            print(theirs.stderr.decode(errors="replace")[:400])
        print(f"{' '.join(command)}: --store {stored_time:.2f} s, local --no-store {local_time:.2f} s, "
              f"output {'identical' if same else 'DIFFERENT'} ({len(mine.stdout)} bytes)")
    return failures


def redis(args, cluster_url, work):
    repo = os.path.join(work, "redis.git")
    subprocess.run(["git", "clone", "-q", "--bare", "--shared", args.redis, repo], check=True)
    commits = subprocess.run(["git", "-C", repo, "rev-list", "--count", "HEAD"], check=True, stdout=subprocess.PIPE).stdout.decode().strip()
    scans, stats, pushes = [], [], []
    for attempt in range(args.runs):
        scan_time, proc = timed([args.workmix, "scan", "--repo", repo, "--no-store", "--no-progress"], work)
        if proc.returncode != 0:
            sys.exit(f"scan redis: {proc.stderr.decode(errors='replace')[:400]}")
        scans.append(scan_time)
        # The same reading as a push (every commit's line counts), without the database.
        stats.append(timed([args.workmix, "scan", "--repo", repo, "--no-store", "--no-progress", "--stats"], work)[0])
        url = cluster_url(f"workmix_redis_{attempt}")
        subprocess.run([args.workmix, "store", "migrate", "--store", url], check=True, stdout=subprocess.DEVNULL)
        pushes.append(push(args.workmix, url, repo, work))
    scan, pushed = min(scans), min(pushes)
    print(f"redis ({commits} commits): push into an empty database {pushed:.1f} s, scan --no-store >x.jsonl {scan:.1f} s: "
          f"{pushed / scan:.2f}x; scan --stats --no-store {min(stats):.1f} s (best of {args.runs})")
    # Read back from the store alone: --repo names a path that is not there, so the name finds it.
    failures = 0
    for command in (["scan", "--stats"], ["pairs", "--format", "json"]):
        local_time, mine = timed([args.workmix] + command + ["--repo", repo, "--no-store", "--no-progress"], work, args.runs)
        stored_time, theirs = timed([args.workmix] + command + ["--repo", os.path.join(work, "gone", "redis.git"),
                                                                "--store", url, "--no-progress"], work, args.runs)
        same = (mine.stdout, mine.stderr, mine.returncode) == (theirs.stdout, theirs.stderr, theirs.returncode)
        failures += 0 if same else 1
        print(f"redis {' '.join(command)}: from the store alone {stored_time:.2f} s, from git {local_time:.2f} s, "
              f"output {'identical' if same else 'DIFFERENT'} ({len(mine.stdout)} bytes)")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--workmix", default=os.path.join(here, ".build/release/workmix"))
    parser.add_argument("--url", help="a server to use (databases are created in it) instead of a throwaway cluster")
    parser.add_argument("--repos", type=int, default=20, help="0: only the redis figure")
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--redis", help="a redis clone: also time its push against scan")
    args = parser.parse_args()
    args.workmix = os.path.abspath(args.workmix)
    work = tempfile.mkdtemp(prefix="workmix-pg-load-")
    os.chmod(work, 0o755)
    cluster = None
    try:
        if args.url:
            cluster_url = server_databases(args.url)
        else:
            cluster = Cluster(work)
            cluster_url = cluster.create
        failures = load(args, cluster_url, work) if args.repos > 0 else 0
        if args.redis:
            failures += redis(args, cluster_url, work)
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
