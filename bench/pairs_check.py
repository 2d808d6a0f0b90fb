#!/usr/bin/env python3
"""Checks `workmix pairs` against an independent count of pairs made from `git log` alone.

    bench/pairs_check.py REPO [--workmix PATH] [--top N]

The count here re-implements the participant rules of SPEC 2.1 and 5 without sharing code with
workmix: co-authors read tolerantly from every line of the message (`Co-authored-by` in any case,
`CoAuthored-by`, `co-authored by`, no colon; `Name <email>`, `Name email`, a stray `<`, a bare name
or @handle; bracketed non-emails skipped), authors as git prints them with the mailmap (`%aN`/`%aE`),
co-authors through `git check-mailmap`, identity = lowercased email (GitHub noreply ids merged, the
lowercased name when there is no email), bots removed (also by name: `bot`, `…-bot`, `…_bot`, `… bot`,
in the name or the address's local part; CI accounts named alone), AI co-authors removed, merges
skipped (the shipped rules skip them). People as workmix merges them by default: identities whose most
used name (counted over every commit, merges included) is the same, case and spacing aside, are one.
It runs workmix in an empty folder, so no workmix.yml applies.

Prints the top pairs, both counts, every difference, and workmix's wall time; exits 1 on a difference.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter

BOTS = [r"\[bot\]", r"^dependabot\b", r"^renovate\b", r"^github-actions\b",
        r"^(greenkeeper|snyk-bot|pre-commit-ci|mergify|allcontributors|imgbot|semantic-release-bot)\b",
        r"<(noreply|no-reply)@github\.com>$", r"<actions@github\.com>$",
        r"^([^<]*[-_ ])?bot\s*(<|$)", r"<([^<>@]*[-_])?bot@",
        r"^(jenkins|travis( ci)?|circleci|gitlab ci|buildkite|teamcity|azure pipelines|codecov|coveralls|netlify|vercel"
        r"|transifex|crowdin|weblate|bors|homu)\s*(<|$)"]
ASSISTANTS = [r"^(github )?copilot\b", r"\+copilot@users\.noreply\.github\.com>$", r"^claude\b",
              r"<noreply@anthropic\.com>$", r"^cursor( agent)?\b", r"<cursoragent@cursor\.com>$",
              r"^(openai )?codex\b", r"^(chatgpt|openai)\b", r"^gemini( code assist)?\b", r"^devin( ai)?\b",
              r"^aider\b", r"^(amazon q|codewhisperer|tabnine|sourcegraph cody|cody)\b"]
BOT_RE = [re.compile(p, re.I) for p in BOTS]
AI_RE = [re.compile(p, re.I) for p in ASSISTANTS]

KEY_RE = re.compile(r"^co[- ]?authored[- ]?by(?:[ \t]*:(?P<colon>.*)|[ \t]+(?P<space>.*))$", re.I | re.S)
NOREPLY_RE = re.compile(r"^\d+\+(.+@users\.noreply\.github\.com)$")


def looks_like_email(text):
    at = text.find("@")
    return (at > 0 and len(text) > at + 1 and not any(c.isspace() for c in text)
            and "://" not in text and "<" not in text and ">" not in text)


def parse_value(raw):
    value = raw.strip()
    while value.endswith("<"):
        value = value[:-1].strip()
    if not value:
        return None
    if "<" in value:
        name, _, rest = value.partition("<")
        email = rest.split(">", 1)[0].strip()
        return (name.strip(), email) if looks_like_email(email) else None
    words = value.split()
    if words and looks_like_email(words[-1]):
        name = " ".join(words[:-1])
        return (name or words[-1], words[-1])
    return (value, "")


def coauthors(message):
    people = []
    for line in re.split(r"\r\n|\r|\n", message):
        line = line.lstrip()
        if line[:1] in ("-", "*", "\u2022"):
            line = line[1:].lstrip()
        match = KEY_RE.match(line)
        if match:
            person = parse_value(match.group("colon") if match.group("colon") is not None else match.group("space"))
            if person:
                people.append(person)
    return people


def identity(name, email):
    if not email:
        return "name:" + name.lower()
    email = email.lower()
    noreply = NOREPLY_RE.match(email)
    return noreply.group(1) if noreply else email


def shown(name, email):
    return f"{name} <{email}>" if email else name


def is_bot(name, email):
    return any(r.search(shown(name, email)) for r in BOT_RE)


def is_assistant(name, email):
    return any(r.search(shown(name, email)) for r in AI_RE)


def git(repo, *args, input=None):
    return subprocess.run(["git", "-C", repo, *args], input=input, capture_output=True, check=True).stdout


def has_mailmap(repo):
    for spec in (["cat-file", "-e", "HEAD:.mailmap"],):
        if subprocess.run(["git", "-C", repo, *spec], capture_output=True).returncode == 0:
            return True
    top = subprocess.run(["git", "-C", repo, "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    return top.returncode == 0 and os.path.exists(os.path.join(top.stdout.strip(), ".mailmap"))


def mailmapped(repo, people):
    """Co-authors through `git check-mailmap` (only identities with an email can be mapped)."""
    with_email = sorted({p for p in people if p[1]})
    if not with_email or not has_mailmap(repo):
        return {}
    mapped = {}
    for start in range(0, len(with_email), 500):
        chunk = with_email[start:start + 500]
        out = git(repo, "check-mailmap", *[f"{n} <{e}>" for n, e in chunk]).decode("utf-8", "replace")
        for person, line in zip(chunk, out.splitlines()):
            name, _, rest = line.rpartition(" <")
            mapped[person] = (name, rest.rstrip(">"))
    return mapped


def independent_count(repo):
    raw = git(repo, "log", "--format=%H%x00%P%x00%aN%x00%aE%x00%B%x1e")
    commits = []
    for entry in raw.decode("utf-8", "replace").split("\x1e"):
        entry = entry.lstrip("\n")
        if not entry:
            continue
        sha, parents, name, email, body = entry.split("\x00", 4)
        commits.append((sha, len(parents.split()) > 1, (name, email), coauthors(body)))
    mapping = mailmapped(repo, [p for _, _, _, people in commits for p in people])
    spellings, keyed = {}, []
    for sha, merge, author, people in commits:
        participants = [] if is_bot(*author) else [author]
        for person in people:
            person = mapping.get(person, person)
            if not is_bot(*person) and not is_assistant(*person):
                participants.append((person[0], person[1].lower()))
        keys = []
        for person in participants:
            key = identity(*person)
            if key not in keys:
                keys.append(key)
                spellings.setdefault(key, Counter())[person] += 1
        keyed.append((merge, keys))
    person_of = people_by_name(spellings)
    pairs, pairing_commits, names = Counter(), 0, {}
    for merge, keys in keyed:
        if merge:
            continue
        people = []
        for key in keys:
            if person_of[key] not in people:
                people.append(person_of[key])
        if len(people) > 1:
            pairing_commits += 1
        for i in range(len(people)):
            for j in range(i + 1, len(people)):
                pairs[frozenset((people[i], people[j]))] += 1
    for key, counts in spellings.items():
        names.setdefault(person_of[key], most_used(counts)[0] or key)
    return pairs, pairing_commits, names, sum(1 for merge, _ in keyed if not merge), person_of


def most_used(counts):
    """The spelling used most; ties to the smallest (name, email)."""
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def people_by_name(spellings):
    """Identity key -> person: identities whose most used name is the same (case, spacing aside) are one."""
    person_of, first_of_name = {}, {}
    for key in sorted(spellings):
        name = " ".join(most_used(spellings[key])[0].lower().split())
        if not name:
            person_of[key] = key
            continue
        person_of[key] = first_of_name.setdefault(name, key)
    return person_of


def workmix_count(repo, executable, person_of):
    with tempfile.TemporaryDirectory() as empty:
        start = time.monotonic()
        run = subprocess.run([os.path.abspath(executable), "pairs", "--repo", os.path.abspath(repo), "--format", "json", "--no-progress"],
                             cwd=empty, capture_output=True)
        elapsed = time.monotonic() - start
    if run.returncode != 0:
        sys.exit(f"workmix failed ({run.returncode}): {run.stderr.decode()}")
    report = json.loads(run.stdout)
    pairs = Counter()
    for pair in report["pairs"]:
        keys = frozenset(person_of.get(k, k) for k in (identity(p["name"], p["email"]) for p in pair["people"]))
        pairs[keys] += pair["commits"]
    return pairs, report["pairingCommits"], elapsed, run.stderr.decode().strip()


def label(keys, names):
    return " + ".join(sorted(names.get(k, k) for k in keys))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo")
    parser.add_argument("--workmix", default=".build/release/workmix")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()

    start = time.monotonic()
    expected, expected_pairing, names, commit_count, person_of = independent_count(args.repo)
    counted_in = time.monotonic() - start
    got, got_pairing, elapsed, stderr = workmix_count(args.repo, args.workmix, person_of)

    print(f"{args.repo}: {commit_count} non-merge commits, {expected_pairing} pairing commits, {len(expected)} pairs "
          f"(git log count: {counted_in:.1f}s)")
    print(f"workmix pairs: {elapsed:.1f}s wall, {got_pairing} pairing commits, {len(got)} pairs")
    if stderr:
        print(f"workmix stderr: {stderr}")
    print(f"\ntop {args.top} pairs (independent count / workmix):")
    ranked = sorted(expected.items(), key=lambda kv: (-kv[1], label(kv[0], names)))
    for keys, count in ranked[:args.top]:
        print(f"  {count:5d} / {got.get(keys, 0):5d}  {label(keys, names)}")

    differences = [(keys, expected.get(keys, 0), got.get(keys, 0)) for keys in set(expected) | set(got)
                   if expected.get(keys, 0) != got.get(keys, 0)]
    if expected_pairing != got_pairing:
        print(f"\nDIFFERENT pairingCommits: independent {expected_pairing}, workmix {got_pairing}")
    if differences:
        print(f"\nDIFFERENT counts for {len(differences)} pair(s) (independent / workmix):")
        for keys, want, have in sorted(differences, key=lambda d: (-abs(d[1] - d[2]), label(d[0], names))):
            print(f"  {want:5d} / {have:5d}  {label(keys, names)}  [{', '.join(sorted(keys))}]")
    if differences or expected_pairing != got_pairing:
        return 1
    print("\nall per-pair counts agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
