#!/usr/bin/env python3
"""Feeds workmix random commit messages and mutated config and rule files (#14): no run may crash, hang
or end with an exit code other than 0, 1 or 2, and a run that ends with 2 says so in one line on stderr.

Messages (random words, conventional prefixes, trailers, control and invisible characters, invalid
UTF-8, text built to make regexes backtrack, long lines) are committed to a scratch repository by
fast-import and scanned in every format, read by `pairs` and `people`, and evaluated by `rules eval`
as a `message,expect` CSV. Rule files are the shipped `rules/*.yml`, config files the example
`workmix.yml` and a config using every key, each mutated one to three times: bytes flipped, truncated,
lines duplicated, deleted or re-indented, YAML anchors, aliases and merge keys inserted, numbers made
huge, values given the wrong type, patterns made invalid or pathological, dates and shares made absurd,
lists of aliases chained as deep as 60,000 appended.
Mutated rule files are scanned against a small repository with `--stats`; mutated configs are read by
`check` and `report` (JSON), which read their residencies. A file run over 20 s counts as a failure.
A store whose files are each in turn a symbolic link to another SQLite database is read by `scan`,
`report` and `store info` and cleared by `store clear`: that database must stay byte for byte as it
was. Everything else is derived from --seed.

usage: bench/fuzz.py [--workmix PATH] [--seed N] [--messages N] [--files N] [--jobs N] [--keep DIR]
Prints each failure (with its input saved under --keep, if given) and exits 1 if there was any.
"""
import argparse
import collections
import concurrent.futures
import csv
import os
import random
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the script
from fuzz_inputs import RICH_CONFIG, TEAM_RULES, mutate, random_message, random_person  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CATEGORIES = ["investment", "maintenance", "support", "unclassified"]
# A run on a file of a few kilobytes and a repository of a few commits takes well under a second.
SLOW = 20


def git_env():
    return dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", LC_ALL="C", TZ="UTC")


def fast_import(path, commits):
    """`commits`: (author, email, unix time, message bytes, file number) tuples, first parent in order."""
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True, env=git_env())
    stream = bytearray()
    for index, (name, email, when, message, file_number) in enumerate(commits):
        stream += b"commit refs/heads/main\n"
        stream += b"author %s <%s> %d +0000\n" % (name.encode(), email.encode(), when)
        stream += b"committer %s <%s> %d +0000\n" % (name.encode(), email.encode(), when)
        stream += b"data %d\n%s\n" % (len(message), message)
        body = b"line %d\n" % index
        stream += b"M 644 inline file%d.txt\ndata %d\n%s\n" % (file_number, len(body), body)
    subprocess.run(["git", "-C", path, "fast-import", "--quiet", "--force"], input=bytes(stream), check=True,
                   env=git_env())


def build_scratch(scratch):
    """The repositories the runs read, and the files the configs name."""
    day = 86400
    start = 1704067200  # 2024-01-01
    people = [("Alice Martin", "alice@platform.example"), ("Bob", "bob@payments.example"),
              ("Carol Diaz", "carol@payments.example"), ("Erin", "erin@checkout.example")]
    for name, offset in [("payments-api", 7), ("checkout-web", 63), ("tiny", 3)]:
        commits = []
        for index in range(12 if name != "tiny" else 3):
            author, email = people[index % len(people)]
            partner = people[(index + 1) % len(people)]
            message = ["Add refunds endpoint", "Fix rounding of totals", "Migrate to chi",
                       "chore(deps): bump x from 1.0 to 1.1", "wip"][index % 5]
            message = ("%s\n\nCo-authored-by: %s <%s>\n" % (message, partner[0], partner[1])).encode()
            commits.append((author, email, start + (offset + index * 2) * day, message, index % 4))
        fast_import(os.path.join(scratch, name), commits)
    with open(os.path.join(scratch, "team.yml"), "w") as file:
        file.write(TEAM_RULES)
    with open(os.path.join(scratch, "nodefault.yml"), "w") as file:
        file.write("default_rules: false\n")


def run(workmix, arguments, cwd, timeout=120):
    start = time.monotonic()
    try:
        done = subprocess.run([workmix] + arguments, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=timeout, env=git_env())
        return done.returncode, done.stdout, done.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired:
        return None, b"", b"", time.monotonic() - start


def verdict(code, stderr, allowed=(0, 1, 2)):
    """Why a run is wrong, or None."""
    if code is None:
        return "timed out"
    if code < 0:
        return "killed by signal %d" % -code
    if code not in allowed:
        return "exit code %d" % code
    lines = stderr.decode("utf-8", "replace").splitlines()
    if code == 2 and len(lines) != 1:
        return "exit 2 with %d lines on stderr" % len(lines)
    if any(marker in stderr for marker in (b"Fatal error", b"Program crashed", b"Stack dump")):
        return "crash report on stderr"
    return None


def message_runs(workmix, scratch, rng, count):
    commits, rows = [], []
    start = 1704067200
    for index in range(count):
        message = random_message(rng)
        name, email = random_person(rng)
        commits.append((name, email, start + index * 3600, message, rng.randrange(30)))
        text = message.decode("utf-8", "replace")
        if text.strip():  # an empty message is no label (rules eval says so, exit 2)
            rows.append((text, rng.choice(CATEGORIES[:3])))
    repo = os.path.join(scratch, "messages")
    fast_import(repo, commits)
    labels = os.path.join(scratch, "labels.csv")
    with open(labels, "w", newline="", encoding="utf-8", errors="surrogatepass") as file:
        writer = csv.writer(file)
        writer.writerow(["message", "expect"])
        writer.writerows(rows)
    base = ["--repo", repo, "--config", "/dev/null", "--no-progress"]
    runs = [["scan"] + base + ["--format", f, "--stats"] for f in ["jsonl", "json", "csv", "table", "markdown"]]
    runs += [["scan"] + base + ["--no-diffs", "--explain"], ["pairs"] + base + ["--format", "json"],
             ["people"] + base + ["--format", "table"], ["rules", "eval", "--labels", labels, "--config", "/dev/null"]]
    failures = []
    for arguments in runs:
        code, _, stderr, _ = run(workmix, arguments, scratch, timeout=600)
        # Messages are no bad input: every run succeeds (rules eval may say 1, below its accuracy bar).
        problem = verdict(code, stderr, allowed=(0, 1) if arguments[0] == "rules" else (0,))
        if problem:
            failures.append(("messages", " ".join(arguments[:2]), problem, stderr, None))
    return failures


def link_runs(workmix, scratch):
    """A store whose files are symbolic links to another program's SQLite database (the database, its
    WAL, shared-memory, journal and lock files, a report checkpoint): scan, report, store info and store
    clear may warn, but never write through a link."""
    import sqlite3
    foreign = os.path.join(scratch, "foreign.sqlite")
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.execute("INSERT INTO notes VALUES ('not workmix')")
    connection.commit()
    connection.close()
    with open(foreign, "rb") as file:
        original = file.read()
    config = os.path.join(scratch, "links.yml")
    with open(config, "w") as file:
        file.write("residencies:\n  - {name: q, resident: alice@platform.example, from: 2024-01-01, to: 2024-03-31}\n")
    store = os.path.join(scratch, "linked-store")
    repo = os.path.join(scratch, "payments-api")
    scan = ["scan", "--repo", repo, "--config", config, "--store-dir", store, "--no-progress"]
    report = ["report", "--repo", repo, "--config", config, "--store-dir", store, "--format", "json", "--no-progress"]
    run(workmix, report, scratch)
    names = sorted(name for name in os.listdir(store) if name.endswith((".sqlite", ".checkpoint")))
    database = [name for name in names if name.endswith(".sqlite")][0]
    failures = []
    for name in [database + suffix for suffix in ["", "-wal", "-shm", "-journal", ".lock"]] + [name for name in names if name.endswith(".checkpoint")]:
        path = os.path.join(store, name)
        if os.path.lexists(path):
            os.unlink(path)
        os.symlink(foreign, path)
        for arguments in [scan, report, ["store", "info", "--store-dir", store], ["store", "clear", "--store-dir", store]]:
            code, _, stderr, _ = run(workmix, arguments, scratch)
            problem = verdict(code, stderr, allowed=(0,))
            with open(foreign, "rb") as file:
                if file.read() != original:
                    problem = "wrote through a link"
                    with open(foreign, "wb") as restore:
                        restore.write(original)
            if problem:
                failures.append(("links", "%s as a link: %s" % (name, " ".join(arguments[:2])), problem, stderr, None))
        if os.path.lexists(path):
            os.unlink(path)
        run(workmix, report, scratch)
    return failures


def file_cases(rng, count):
    """(kind, name, mutated bytes, mutations) for rule files and configs, half each."""
    rule_bases = []
    for name in sorted(os.listdir(os.path.join(ROOT, "rules"))):
        if name.endswith(".yml"):
            with open(os.path.join(ROOT, "rules", name), "rb") as file:
                rule_bases.append((name, file.read()))
    with open(os.path.join(ROOT, "examples", "workmix.yml"), "rb") as file:
        example = file.read().replace(b"residencies:", b"default_rules: false\nrules: [team.yml]\nresidencies:", 1)
    config_bases = [("examples/workmix.yml", example), ("rich.yml", RICH_CONFIG.encode())]
    cases = []
    for index in range(count):
        kind = "rules" if index % 2 == 0 else "config"
        name, text = rng.choice(rule_bases if kind == "rules" else config_bases)
        mutated, mutations = mutate(rng, text, kind)
        cases.append((kind, "%s-%04d" % (kind, index), name, mutated, mutations))
    return cases


def run_file_case(workmix, scratch, case):
    kind, label, base, data, mutations = case
    path = os.path.join(scratch, label + ".yml")
    with open(path, "wb") as file:
        file.write(data)
    if kind == "rules":
        arguments = ["scan", "--repo", "tiny", "--config", "nodefault.yml", "--rules", path, "--stats",
                     "--no-progress", "--jobs", "1"]
    else:
        # check reads the residencies; report also builds their weekly timeline.
        command = "check" if int(label[-4:]) % 4 == 1 else "report"
        arguments = [command, "--config", path, "--format", "json", "--no-progress", "--jobs", "1"]
    code, _, stderr, elapsed = run(workmix, arguments, scratch, timeout=60)
    problem = verdict(code, stderr)
    if not problem and elapsed > SLOW:
        problem = "took %.1f s" % elapsed
    os.unlink(path)
    if problem:
        return (kind, "%s from %s after %s" % (label, base, ", ".join(mutations)), problem, stderr, data), code
    return None, code


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workmix", default=os.environ.get("WORKMIX", os.path.join(ROOT, ".build/release/workmix")))
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", help="save failing inputs in this folder")
    args = parser.parse_args()
    workmix = os.path.abspath(args.workmix)
    started = time.monotonic()
    failures = []
    with tempfile.TemporaryDirectory(prefix="workmix-fuzz-") as scratch:
        build_scratch(scratch)
        rng = random.Random(args.seed)
        cases = file_cases(random.Random(args.seed + 1), args.files)
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            pending = [pool.submit(run_file_case, workmix, scratch, case) for case in cases]
            failures += message_runs(workmix, scratch, rng, args.messages) if args.messages else []
            failures += link_runs(workmix, scratch)
            results = [p.result() for p in pending]
            failures += [failure for failure, _ in results if failure]
            codes = collections.Counter(code for _, code in results)
    for number, (kind, what, problem, stderr, data) in enumerate(failures):
        print("FAIL %s %s: %s" % (kind, what, problem))
        print("  stderr: %r" % stderr[:400])
        if data is not None:
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                with open(os.path.join(args.keep, "failure-%d.yml" % number), "wb") as file:
                    file.write(data)
            else:
                print("  input: %r" % data[:400])
    print("%d messages, %d files (seed %d): %d failure(s) in %.1f s; files' exit codes: %s"
          % (args.messages, args.files, args.seed, len(failures), time.monotonic() - started,
             ", ".join("%s: %d" % item for item in sorted(codes.items(), key=str))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
