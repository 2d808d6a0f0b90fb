#!/usr/bin/env python3
"""Org-scale bench of the shared PostgreSQL store: an organisation's repositories pushed into one
database by concurrent jobs, then read back without their checkouts.

1. Generates REPOS repositories of COMMITS commits each (bare, by git fast-import), all from --seed so
   that every run builds the same histories. Each repository takes subjects, bodies and touched files
   (with their line counts) in date order from one repository of the shared corpus (--data, default
   shared/data beside the checkout or WORKMIX_SHARED_DATA: conventional-commits.jsonl.gz,
   gold-commits.jsonl); two repositories in three drop the
   Conventional `type(scope):` prefix. People come from coauthor-messages.jsonl (first and last names
   crossed into more people when the organisation needs them): teams of four to seven own three
   repositories each, with a few commits from outside the team, bots on the corpus's bot commits,
   Co-authored-by trailers (and now and then one of the corpus's own co-authored messages, oddities
   included), and feature branches merged by merge commits. Dates are fixed, over 2024.
   The config (workmix.yml) names the repositories (`repos: {repo-0000: ~, ...}`) and holds the
   residencies: residents who pair with one team over its repositories for six weeks at a time, one
   to three times each, sometimes under a second address that `identities` merges.
2. Starts a throwaway PostgreSQL cluster (bench/pgcluster.py: initdb + pg_ctl on a free loopback port,
   as the `postgres` user when run as root) or, with --url, (re)creates the database workmix_org_bench
   in that server; runs `workmix store migrate`; then pushes every repository (`workmix scan --repo R
   --store URL`), JOBS at a time, and checks every commit is stored once with its line counts.
3. Runs `report --format json`, `check` and `pairs --format json` with `--store URL` from a folder that
   holds only the config, and the same with `--no-store` from the folder of the checkouts, and checks
   that they print byte for byte the same (stdout, stderr, exit status). Report and check are judged
   `--as-of 2025-06-30`, so every residency has ended.

It prints, per step, the wall time and the peak memory (maximum resident set of the workmix process,
from /usr/bin/time where present, else wait4), the pushes' rows per second, and the database's growth
per commit pushed. Exits 1 if a push
fails, a repository's rows are wrong or an output differs (with a diff excerpt), 2 on bad input.

Everything is made in one scratch folder, removed at the end with the cluster (the database, with
--url) unless --keep, which leaves them and says where. Python 3 standard library only.

usage: bench/org.py [--repos N] [--commits M] [--jobs J] [--seed S] [--workmix PATH] [--url URL]
                    [--keep] [--data FOLDER]
"""
import argparse
import collections
import concurrent.futures
import datetime
import difflib
import gzip
import json
import math
import multiprocessing
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import zlib

sys.dont_write_bytecode = True  # no __pycache__ beside the script
from pgcluster import Cluster, psql, server_databases  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# shared/data beside the checkout, or beside a folder holding it (a worktree); WORKMIX_SHARED_DATA wins.
SHARED = os.environ.get("WORKMIX_SHARED_DATA") or next(
    (p for p in (os.path.join(os.path.dirname(ROOT), "shared", "data"),
                 os.path.join(os.path.dirname(os.path.dirname(ROOT)), "shared", "data")) if os.path.isdir(p)),
    os.path.join(os.path.dirname(ROOT), "shared", "data"))
DATABASE = "workmix_org_bench"
AS_OF = "2025-06-30"
YEAR = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
PREFIX = re.compile(r"^\s*[A-Za-z][\w-]*(\([^)]*\))?!?:\s*")
BOTS = [("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com"),
        ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"),
        ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")]
GITHUB = ("GitHub", "noreply@github.com")
ZONES = ["+0000", "+0100", "+0200", "-0500", "-0800", "+0530", "+0900", "-0300"]
PLANS = [(50, 30, 20), (40, 40, 20), (60, 30, 10), (30, 50, 20), (34, 33, 33), (20, 70, 10)]
READERS = [["report", "--format", "json", "--as-of", AS_OF], ["check", "--as-of", AS_OF], ["pairs", "--format", "json"]]

Residency = collections.namedtuple("Residency", "name resident alias team members repos start end plan tolerance")

# Set before the generating processes fork, read by them.
CORPUS = None
ORG = None


# --- The corpus -------------------------------------------------------------------------------------

def load_corpus(folder):
    """Sources (per corpus repository, in date order: subject, body, bot, files), the co-authored
    messages, and the people of those messages."""
    by_repo = collections.defaultdict(list)

    def add(record, conventional):
        files = tuple((f[0], f[1], f[2], f[3]) for f in record.get("files") or [] if usable_path(f[0]))
        by_repo[(record["repo"], conventional)].append(
            (record.get("authoredAt"), record["subject"], record.get("body") or "", bool(record.get("bot")), files))
    with gzip.open(os.path.join(folder, "conventional-commits.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            add(json.loads(line), True)
    with open(os.path.join(folder, "gold-commits.jsonl"), encoding="utf-8") as f:
        for line in f:
            add(json.loads(line), False)
    sources = [(name, conventional, [r[1:] for r in sorted(records, key=lambda r: parse_date(r[0]))])
               for (name, conventional), records in sorted(by_repo.items())]
    messages, people = [], {}
    with open(os.path.join(folder, "coauthor-messages.jsonl"), encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            messages.append(record["message"])
            for person in [record["author"]] + record["expected_coauthors"]:
                name, email = person["name"], person.get("email") or ""
                if email and not any(c in name for c in "<>") and "[bot]" not in name + email:
                    people.setdefault(email.lower(), (name, email))
    return sources, messages, sorted(people.values(), key=lambda p: p[1].lower())


def parse_date(text):
    try:
        return datetime.datetime.fromisoformat((text or "").replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0  # a few records lack a date: first


def usable_path(path):
    parts = path.split("/")
    return (path and not any(c in path for c in '"\n\r\\') and not path.startswith("/")
            and all(p not in ("", ".", "..", ".git") for p in parts))


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", ".", ascii_text).strip(".") or "x"


# --- The organisation -------------------------------------------------------------------------------

def people_pool(rng, corpus_people, needed):
    """The corpus's people, then first and last names crossed, until there are `needed`."""
    people, seen = list(corpus_people), {p[1].lower() for p in corpus_people}
    firsts = sorted({p[0].split()[0] for p in corpus_people})
    lasts = sorted({p[0].split()[-1] for p in corpus_people if len(p[0].split()) > 1})
    crossed = [(a, b) for a in firsts for b in lasts]
    rng.shuffle(crossed)
    round_ = 0
    while len(people) < needed:
        for first, last in crossed:
            if len(people) >= needed:
                break
            name = f"{first} {last}" if round_ == 0 else f"{first} {last} {round_ + 1}"
            email = f"{slug(first)}.{slug(last)}{'' if round_ == 0 else round_ + 1}@org.example"
            if email not in seen:
                seen.add(email)
                people.append((name, email))
        round_ += 1
    rng.shuffle(people)
    return people[:needed]


def plan_organisation(seed, repos, commits, corpus):
    """Names, teams, residencies and each repository's source: everything the repositories and the
    config are built from."""
    sources, _, corpus_people = corpus
    rng = random.Random(f"org/{seed}")
    names = [f"repo-{i:04d}" for i in range(repos)]
    teams = max(1, math.ceil(repos / 3))
    sizes = [rng.randint(4, 7) for _ in range(teams)]
    residents = max(2, math.ceil(repos / 5))
    people = people_pool(rng, corpus_people, sum(sizes) + residents)
    members, at = [], residents
    for size in sizes:
        members.append(people[at:at + size])
        at += size
    order = list(range(repos))
    rng.shuffle(order)
    team_of = [0] * repos
    for rank, index in enumerate(order):
        team_of[index] = rank * teams // repos
    team_repos = [[names[i] for i in range(repos) if team_of[i] == t] for t in range(teams)]
    residencies = []
    for resident in people[:residents]:
        alias = f"{slug(resident[0])}@users.noreply.github.com"
        start = rng.randint(0, 60)
        for _ in range(rng.randint(1, 3)):
            if start + 42 > 360:
                break
            team = rng.randrange(teams)
            begin = YEAR + datetime.timedelta(days=start)
            end = begin + datetime.timedelta(days=41)
            name = f"{slug(resident[0])}-team{team:03d}-{begin:%Y-%m}"
            residencies.append(Residency(name, resident, alias, team, members[team], team_repos[team], begin, end,
                                         rng.choice(PLANS), rng.choice([10, 15, 20])))
            start += 42 + rng.randint(7, 60)
    repos_spec = [dict(name=names[i], team=team_of[i], source=rng.randrange(len(sources)),
                       prefixed=rng.random() < 1 / 3) for i in range(repos)]
    return dict(seed=seed, commits=commits, names=names, members=members, people=people,
                residencies=residencies, repos=repos_spec, teams=teams)


def config_text(org, repos, commits, seed):
    lines = [f"# bench/org.py --repos {repos} --commits {commits} --seed {seed}", "identities:"]
    aliased = sorted({(r.resident, r.alias) for r in org["residencies"]})
    lines += [f"  {json.dumps(f'{name} <{email}>')}: [{json.dumps(alias)}]" for (name, email), alias in aliased]
    if not aliased:
        lines[-1] = "identities: {}"
    lines += ["measure: commits", "repos:"] + [f"  {name}: ~" for name in org["names"]] + ["residencies:"]
    for r in org["residencies"]:
        lines += [f"  - name: {r.name}", f"    resident: {json.dumps(r.resident[1])}",
                  f"    team: [{', '.join(json.dumps(m[1]) for m in r.members)}]",
                  f"    repos: [{', '.join(r.repos)}]", f"    from: {r.start:%Y-%m-%d}", f"    to: {r.end:%Y-%m-%d}",
                  f"    plan: {{ investment: {r.plan[0]}%, maintenance: {r.plan[1]}%, support: {r.plan[2]}% }}",
                  f"    tolerance: {r.tolerance}%"]
    return "\n".join(lines) + "\n"


# --- One repository's history -----------------------------------------------------------------------

class History:
    """Builds one repository's fast-import stream: main with feature branches merged into it, each
    commit's files changed by the line counts its corpus record gives."""

    def __init__(self, index):
        spec = ORG["repos"][index]
        self.spec, self.index = spec, index
        self.rng = random.Random(f"repo/{ORG['seed']}/{index}")
        self.team = ORG["members"][spec["team"]]
        self.residencies = [r for r in ORG["residencies"] if spec["name"] in r.repos]
        _, self.conventional, self.records = CORPUS[0][spec["source"]]
        self.position = self.rng.randrange(len(self.records))
        commits = ORG["commits"]
        slot = 360 * 86400 / commits
        self.times = [int(YEAR.timestamp() + k * slot + self.rng.uniform(0, slot * 0.8)) for k in range(commits)]
        self.out, self.marks, self.merges, self.pr = [], 0, 0, 100 + self.rng.randrange(900)

    def build(self):
        main, state = None, {}
        total = ORG["commits"]
        while self.marks < total:
            left = total - self.marks
            if main is not None and left >= 2 and self.rng.random() < 0.15:
                main, state = self.feature_branch(main, state, left)
            else:
                author, coauthors = self.participants(self.times[self.marks])
                main = self.commit("refs/heads/main", [main] if main else [], author, coauthors, state)
        if self.merges:
            self.out.append(b"reset refs/heads/topic\nfrom 0000000000000000000000000000000000000000\n\n")
        return b"".join(self.out)

    def feature_branch(self, main, state, left):
        """A branch of one to three commits by one author, maybe a commit on main meanwhile, and the
        merge commit."""
        size = self.rng.randint(1, min(3, left - 1))
        author, _ = self.participants(self.times[self.marks])
        base, branch, tip, first = dict(state), dict(state), main, None
        for _ in range(size):
            coauthors = self.participants(self.times[self.marks])[1] if self.rng.random() < 0.5 else []
            record = self.next_record()
            first = first or self.subject(record[0])
            tip = self.commit("refs/heads/topic", [tip], author, coauthors, branch, record)
        if left - size >= 2 and self.rng.random() < 0.5:
            someone, coauthors = self.participants(self.times[self.marks])
            main = self.commit("refs/heads/main", [main], someone, coauthors, state)
        self.pr += 1 + self.rng.randrange(5)
        message = f"Merge pull request #{self.pr} from org/{slug(first)[:40].replace('.', '-')}\n\n{first}\n"
        changes = []
        for path in set(branch) | set(base):
            if branch.get(path) != base.get(path):  # the branch changed it: its version wins
                if path in branch:
                    state[path] = branch[path]
                    changes.append(self.modify(path, state[path]))
                elif state.pop(path, None) is not None:
                    changes.append(f"D {path}\n".encode())
        self.merges += 1
        return self.write("refs/heads/main", [main, tip], author, GITHUB, message, sorted(changes)), state

    def participants(self, when):
        """The author and co-authors of a commit at `when`: a resident and a teammate pairing within
        a residency's window, else the team (now and then someone from outside it), often in pairs."""
        rng = self.rng
        for r in self.residencies:
            if r.start.timestamp() <= when < r.end.timestamp() + 86400 and rng.random() < 0.6:
                resident = (r.resident[0], r.alias) if rng.random() < 0.2 else r.resident
                mate = rng.choice(r.members)
                return (resident, [mate]) if rng.random() < 0.5 else (mate, [resident])
        weights = [3, 2, 2, 1, 1, 1, 1][:len(self.team)]
        author = rng.choice(ORG["people"]) if rng.random() < 0.06 else rng.choices(self.team, weights)[0]
        coauthors = []
        for chance in (0.2, 0.04):
            if rng.random() < chance:
                others = [p for p in self.team if p != author and p not in coauthors]
                coauthors += [rng.choice(others)] if others else []
        return author, coauthors

    def subject(self, subject):
        """The corpus's subject, without its Conventional prefix in two repositories in three."""
        if self.conventional and not self.spec["prefixed"]:
            return PREFIX.sub("", subject, count=1) or subject
        return subject

    def next_record(self):
        record = self.records[self.position % len(self.records)]
        self.position += 1
        return record

    def commit(self, ref, parents, author, coauthors, state, record=None):
        subject, body, bot, files = record or self.next_record()
        subject = self.subject(subject)
        if bot:
            author, coauthors = self.rng.choice(BOTS), []
        message = subject + (f"\n\n{body}" if body.strip() else "")
        if not bot and self.rng.random() < 0.03:
            message = self.rng.choice(CORPUS[1])
        if coauthors:
            message = message.rstrip("\n") + "\n\n" + "".join(f"Co-authored-by: {n} <{e}>\n" for n, e in coauthors)
        changes = [self.change(state, *f) for f in files[:20]]
        return self.write(ref, parents, author, author, message.rstrip("\n") + "\n", [c for c in changes if c])

    def change(self, state, path, insertions, deletions, status):
        rng = self.rng
        insertions = min(80, rng.randint(1, 12) if insertions is None else insertions)
        deletions = min(80, rng.randint(0, 6) if deletions is None else deletions)
        if status == "D":
            if path not in state:
                return None
            del state[path]
            return f"D {path}\n".encode()
        lines = list(state.get(path, ())) if status != "A" else []
        if deletions and lines:
            at = rng.randrange(len(lines))
            del lines[at:at + deletions]
        at = rng.randint(0, len(lines))
        tag = f"{self.index}.{self.marks + 1}"
        lines[at:at] = [f"{tag} {k} {rng.randrange(10 ** 6)}\n" for k in range(max(insertions, 0 if lines else 1))]
        state[path] = tuple(lines[:200])
        return self.modify(path, state[path])

    @staticmethod
    def modify(path, lines):
        data = "".join(lines).encode()
        return f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n"

    def write(self, ref, parents, author, committer, message, changes):
        self.marks += 1
        when = self.times[self.marks - 1]
        data = message.encode()
        head = [f"commit {ref}", f"mark :{self.marks}", f"author {ident(author)} {when} {zone(author)}",
                f"committer {ident(committer)} {when} {zone(author)}", f"data {len(data)}"]
        tail = [f"from :{parents[0]}"] if parents else []
        tail += [f"merge :{p}" for p in parents[1:]]
        self.out.append(("\n".join(head) + "\n").encode() + data + ("\n".join(tail) + "\n").encode() + b"".join(changes)
                        + b"\n")
        return self.marks


def ident(person):
    return f"{person[0]} <{person[1]}>"


def zone(person):
    return ZONES[zlib.crc32(person[1].lower().encode()) % len(ZONES)]


def make_repository(job):
    """Runs in a forked process: one bare repository from its stream; returns its name, commit count
    (git's) and merge count."""
    index, folder = job
    history = History(index)
    stream = history.build()
    path = os.path.join(folder, ORG["repos"][index]["name"])
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", path], check=True)
    subprocess.run(["git", "-C", path, "fast-import", "--quiet"], input=stream, check=True)
    count = subprocess.run(["git", "-C", path, "rev-list", "--count", "HEAD"], check=True,
                           stdout=subprocess.PIPE).stdout.decode().strip()
    return ORG["repos"][index]["name"], int(count), history.merges


def generate(args, local, remote):
    """Builds the repositories and the config in a child process, so that this one stays small: a
    child it starts begins with its peak resident set, which would show in the figures."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=generate_in_child, args=(args, local, remote, send))
    child.start()
    send.close()
    try:
        names = receive.recv()
    except EOFError:
        names = None
    child.join()
    if child.exitcode != 0 or names is None:
        sys.exit(f"generating the repositories failed (exit {child.exitcode})")
    return names


def generate_in_child(args, local, remote, send):
    global CORPUS, ORG
    start = time.perf_counter()
    CORPUS = load_corpus(args.data)
    ORG = plan_organisation(args.seed, args.repos, args.commits, CORPUS)
    config = config_text(ORG, args.repos, args.commits, args.seed)
    for folder in (local, remote):
        with open(os.path.join(folder, "workmix.yml"), "w", encoding="utf-8") as f:
            f.write(config)
    jobs = [(index, local) for index in range(args.repos)]
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        made = pool.map(make_repository, jobs, chunksize=1)
    wrong = [f"{name}: {count} commits" for name, count, _ in made if count != args.commits]
    if wrong:
        sys.exit(f"generator: {', '.join(wrong[:5])} (expected {args.commits})")
    print(f"generated {args.repos} repositories of {args.commits} commits ({sum(m[2] for m in made):,} merges), "
          f"{len(ORG['people'])} people, {ORG['teams']} teams, {len(ORG['residencies'])} residencies "
          f"(seed {args.seed}) in {time.perf_counter() - start:.1f} s", flush=True)
    send.send([name for name, _, _ in made])


# --- Measured runs ----------------------------------------------------------------------------------

Run = collections.namedtuple("Run", "wall rss status stdout stderr")


def measured(cmd, cwd, env, capture=True):
    """Runs `cmd`: its wall time, peak resident set (KiB), exit status, stdout and stderr. The peak is
    /usr/bin/time's where present (a small process, so the child's figure is its own), else wait4's,
    which counts at least this process's peak (a child starts as a copy of it)."""
    with tempfile.NamedTemporaryFile() as peak, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        timer = ["/usr/bin/time", "-f", "%M", "-o", peak.name] if os.access("/usr/bin/time", os.X_OK) else []
        start = time.perf_counter()
        proc = subprocess.Popen(timer + cmd, cwd=cwd, env=env, stdout=out if capture else subprocess.DEVNULL,
                                stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        rss = usage.ru_maxrss
        if timer:
            figures = peak.read().decode().split()
            rss = int(figures[-1]) if figures and figures[-1].isdigit() else rss
        out.seek(0), err.seek(0)
        return Run(wall, rss, proc.returncode, out.read(), err.read())


def mib(kib):
    return f"{kib / 1024:.0f} MiB"


def push_all(args, env, url, local, names):
    def push(name):
        return name, measured([args.workmix, "scan", "--repo", name, "--store", url, "--no-progress"], local, env,
                              capture=False)
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        runs = list(pool.map(push, names))
    whole = time.perf_counter() - start
    failed = [(name, run) for name, run in runs if run.status != 0]
    for name, run in failed[:5]:
        print(f"push {name}: exit {run.status}: {run.stderr.decode(errors='replace')[:400]}")
    walls, rss = [run.wall for _, run in runs], [run.rss for _, run in runs]
    print(f"pushes: {len(names)} repositories, {args.jobs} at a time: {whole:.1f} s; each {min(walls):.2f}-"
          f"{max(walls):.2f} s (median {statistics.median(walls):.2f}), peak {mib(max(rss))} (median "
          f"{mib(statistics.median(rss))})")
    return whole, len(failed)


def database_size(url):
    return int(psql(url, "SELECT pg_database_size(current_database())"))


def check_rows(url, names, commits, whole, empty):
    """Every commit once, with its line counts; rows per second; the database's size per commit."""
    counts = {}
    for line in psql(url, "SELECT repo, count(*), count(DISTINCT sha), count(*) FILTER (WHERE changes_detail = 2) "
                          "FROM commits GROUP BY repo").splitlines():
        repo, *numbers = line.split("|")
        counts[repo] = tuple(int(n) for n in numbers)
    wrong = [name for name in names if counts.get(name) != (commits, commits, commits)]
    for name in wrong[:5]:
        print(f"  {name}: {counts.get(name)} (count, distinct, with line counts) for {commits} commits: WRONG")
    stored, verdicts = (int(n) for n in psql(url, "SELECT (SELECT count(*) FROM commits), "
                                                  "(SELECT count(*) FROM classifications)").split("|"))
    print(f"rows: {'every commit once, with its line counts' if not wrong else f'{len(wrong)} repositories WRONG'}; "
          f"{stored:,} commits and {verdicts:,} classifications in {whole:.1f} s: {stored / whole:,.0f} commits/s, "
          f"{(stored + verdicts) / whole:,.0f} rows/s")
    size = database_size(url)
    tables = [line.split("|") for line in psql(url, "SELECT relname, pg_total_relation_size(relid) FROM "
                                                    "pg_statio_user_tables ORDER BY 2 DESC").splitlines()]
    in_tables = sum(int(t[1]) for t in tables)
    per = ", ".join(f"{t[0]} {int(t[1]) / max(stored, 1):,.0f}" for t in tables[:4])
    print(f"database: {size / 2 ** 20:.1f} MiB ({empty / 2 ** 20:.1f} MiB after migrate): "
          f"{(size - empty) / max(stored, 1):,.0f} bytes per commit pushed; its tables {in_tables / 2 ** 20:.1f} MiB, "
          f"{in_tables / max(stored, 1):,.0f} bytes per commit ({per})")
    return len(wrong)


def compare_readers(args, env, url, local, remote):
    failures = 0
    for command in READERS:
        stored = measured([args.workmix] + command + ["--store", url, "--no-progress"], remote, env)
        plain = measured([args.workmix] + command + ["--no-store", "--no-progress"], local, env)
        same = (stored.stdout, stored.stderr, stored.status) == (plain.stdout, plain.stderr, plain.status)
        label = " ".join(c for c in command if c not in ("--as-of", AS_OF))
        print(f"{label}: --store {stored.wall:.2f} s, "
              f"peak {mib(stored.rss)}; --no-store over the checkouts {plain.wall:.2f} s, peak {mib(plain.rss)}; "
              f"output {'identical' if same else 'DIFFERENT'} ({len(plain.stdout):,} bytes, exit {plain.status})")
        if not same:
            failures += 1
            show_difference(plain, stored)
    return failures


def show_difference(plain, stored):
    if (plain.status, plain.stderr) != (stored.status, stored.stderr):
        print(f"  exit {plain.status} / {stored.status}; stderr --no-store: "
              f"{plain.stderr.decode(errors='replace')[:300]!r}; "
              f"--store: {stored.stderr.decode(errors='replace')[:300]!r}")
    diff = difflib.unified_diff(readable(plain.stdout), readable(stored.stdout), "--no-store", "--store",
                                lineterm="", n=2)
    for line in list(diff)[:40]:
        print("  " + line[:200])


def readable(output):
    """The lines of an output, JSON indented so that a difference shows where it is."""
    try:
        return json.dumps(json.loads(output), indent=2, ensure_ascii=False).splitlines()
    except ValueError:
        return output.decode(errors="replace").splitlines()


# --- Main ---------------------------------------------------------------------------------------------

def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repos", type=int, default=100)
    parser.add_argument("--commits", type=int, default=50, help="per repository")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="concurrent pushes (and generating processes); default: the cores")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workmix", default=os.environ.get("WORKMIX", os.path.join(ROOT, ".build/release/workmix")))
    parser.add_argument("--url", help=f"a server to use (the database {DATABASE} is made there) instead of a "
                                      "throwaway cluster")
    parser.add_argument("--keep", action="store_true", help="leave the scratch folder, the cluster and the database")
    parser.add_argument("--data", default=SHARED, help="the shared corpus folder (default: %(default)s)")
    args = parser.parse_args()
    args.workmix = os.path.abspath(args.workmix)
    if args.repos < 1 or args.commits < 1 or args.jobs < 1:
        parser.error("--repos, --commits and --jobs must be at least 1")
    if not os.access(args.workmix, os.X_OK):
        parser.error(f"{args.workmix}: not an executable (build it, or give --workmix)")
    for name in ("conventional-commits.jsonl.gz", "gold-commits.jsonl", "coauthor-messages.jsonl"):
        if not os.path.isfile(os.path.join(args.data, name)):
            parser.error(f"{os.path.join(args.data, name)}: not found (give --data)")
    return args


def environment(work):
    env = {k: v for k, v in os.environ.items() if k not in ("WORKMIX_STORE_URL", "WORKMIX_CONFIG")}
    env["WORKMIX_STORE_DIR"] = os.path.join(work, "local-store")
    return env


def run(args, work, database):
    local, remote = os.path.join(work, "local"), os.path.join(work, "remote")
    os.makedirs(local), os.makedirs(remote)
    names = generate(args, local, remote)
    env = environment(work)
    url = database(DATABASE)
    migrate = measured([args.workmix, "store", "migrate", "--store", url], work, env)
    if migrate.status != 0:
        sys.exit(f"store migrate: exit {migrate.status}: {migrate.stderr.decode(errors='replace')[:400]}")
    floor = measured([args.workmix, "--version"], work, env)
    print(f"migrate: {migrate.wall:.2f} s, peak {mib(migrate.rss)} (workmix --version peaks at {mib(floor.rss)})")
    empty = database_size(url)
    whole, failures = push_all(args, env, url, local, names)
    if failures:
        return failures
    failures += check_rows(url, names, args.commits, whole, empty)
    return failures + compare_readers(args, env, url, local, remote)


def main():
    sys.stdout.reconfigure(line_buffering=True)  # progress as it comes; nothing buffered when a child forks
    args = arguments()
    version = subprocess.run([args.workmix, "--version"], stdout=subprocess.PIPE).stdout.decode().strip()
    print(f"workmix {version}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
          f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    work = tempfile.mkdtemp(prefix="workmix-org-")
    os.chmod(work, 0o755)
    cluster, failures = None, 1
    try:
        if args.url:
            database = server_databases(args.url)
        else:
            cluster = Cluster(work)
            database = cluster.create
        failures = run(args, work, database)
    finally:
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
        if args.keep:
            print(f"kept: {work} (local: the checkouts; remote: the config alone)")
            if cluster:
                print(f"kept: the cluster at {cluster.url(DATABASE)}; stop it with: {cluster.stop_command()}")
        else:
            if cluster:
                cluster.stop()
            elif args.url:
                psql(args.url, f"DROP DATABASE IF EXISTS {DATABASE}")
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
