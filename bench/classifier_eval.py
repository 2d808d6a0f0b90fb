#!/usr/bin/env python3
"""Classification measured on the shared Conventional Commits corpus, with its fixed split.

    python3 bench/classifier_eval.py [--workmix .build/release/workmix] [--set held-out|tune]

--set held-out (the figures to report): a model is trained on the 10 *tune* repositories only and every
held-out repository is measured with its prefixes stripped, for the rules alone (the shipped rules
without the model rules), the model alone and the shipped combination (rules + model rules), each with
the files and line counts the corpus holds ("files") and on messages alone ("msg").

--set tune (for tuning rules and settings): the same on the tune repositories, leave one repository out
(the model measured on a repository is trained on the other nine). Never tune on held-out figures.

Also prints how often the shipped rules agree with the prefix on commits that keep it (every corpus
commit with a known type), and the shipped rules + model on shared/data/labelled-messages.csv.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from statistics import mean

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")
TUNE = ["vuejs/core", "electron/electron", "biomejs/biome", "argoproj/argo-cd", "renovatebot/renovate",
        "kyverno/kyverno", "pnpm/pnpm", "goreleaser/goreleaser", "orhun/git-cliff", "commitizen-tools/commitizen"]
PREFIX = re.compile(r"^\s*[A-Za-z][\w-]*(\([^)]*\))?!?:(\s+|$)")


def load_corpus(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def write_lines(path, commits, strip, files):
    with open(path, "w", encoding="utf-8") as f:
        for c in commits:
            row = {"repo": c["repo"], "sha": c["sha"], "authoredAt": c["authoredAt"], "category": c["category"],
                   "subject": PREFIX.sub("", c["subject"], count=1) if strip else c["subject"], "body": c["body"]}
            if not row["subject"].strip():
                continue
            if files:
                row.update(insertions=c["insertions"], deletions=c["deletions"], fileCount=c["fileCount"], files=c["files"])
            f.write(json.dumps(row) + "\n")


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    return out.stdout


def rules_without_model(tmp):
    """The shipped rules minus every rule file that asks the model."""
    folder = os.path.join(tmp, "rules-alone")
    os.makedirs(folder, exist_ok=True)
    for name in sorted(os.listdir(os.path.join(ROOT, "rules"))):
        path = os.path.join(ROOT, "rules", name)
        if name.endswith(".yml") and "model:" not in open(path, encoding="utf-8").read():
            shutil.copy(path, folder)
    config = os.path.join(tmp, "rules-alone.yml")
    with open(config, "w") as f:
        f.write(f"default_rules: false\nrules: [{folder}]\n")
    return config


def f1(workmix, args):
    return json.loads(run([workmix] + args + ["--format", "json", "--show-wrong", "0", "--quiet"]))["macroF1"]


def train_model(workmix, tmp, name, commits):
    """A model trained on `commits` (prefixes kept: training drops them), as `workmix model train` does."""
    model = os.path.join(tmp, f"model-{name.replace('/', '_')}.model")
    path = os.path.join(tmp, f"train-{name.replace('/', '_')}.jsonl")
    write_lines(path, commits, strip=False, files=True)
    run([workmix, "model", "train", "--labels", path, "--labels-only", "--output", model, "--quiet"])
    return model


def measure(workmix, tmp, name, test, model, rules_alone_config):
    row = {}
    for variant, files in (("files", True), ("msg", False)):
        path = os.path.join(tmp, f"test-{name.replace('/', '_')}-{variant}.jsonl")
        write_lines(path, test, strip=True, files=files)
        row[f"rules {variant}"] = f1(workmix, ["rules", "eval", "--labels", path, "--config", rules_alone_config])
        row[f"model {variant}"] = f1(workmix, ["model", "eval", "--labels", path, "--model", model, "--config", "/dev/null"])
        row[f"shipped {variant}"] = f1(workmix, ["rules", "eval", "--labels", path, "--model", model, "--config", "/dev/null"])
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workmix", default=os.path.join(ROOT, ".build", "release", "workmix"))
    parser.add_argument("--set", choices=["held-out", "tune"], default="held-out")
    parser.add_argument("--corpus", default=os.path.join(SHARED, "conventional-commits.jsonl.gz"))
    args = parser.parse_args()
    corpus = load_corpus(args.corpus)
    tune = [c for c in corpus if c["repo"] in TUNE]
    tmp = tempfile.mkdtemp(prefix="workmix-classifier-")
    try:
        rules_alone = rules_without_model(tmp)
        if args.set == "held-out":
            model = train_model(args.workmix, tmp, "tune", tune)
            targets = sorted({c["repo"] for c in corpus} - set(TUNE))
            rows = {r: measure(args.workmix, tmp, r, [c for c in corpus if c["repo"] == r], model, rules_alone)
                    for r in targets}
        else:
            rows = {}
            for r in TUNE:
                model = train_model(args.workmix, tmp, f"without-{r}", [c for c in tune if c["repo"] != r])
                rows[r] = measure(args.workmix, tmp, r, [c for c in tune if c["repo"] == r], model, rules_alone)
        columns = list(next(iter(rows.values())).keys())
        print(f"| {args.set} repository | commits | " + " | ".join(columns) + " |")
        print("|---|---:|" + "---:|" * len(columns))
        for repo, row in rows.items():
            n = sum(1 for c in corpus if c["repo"] == repo)
            print(f"| {repo} | {n:,} | " + " | ".join(f"{row[k]:.3f}" for k in columns) + " |")
        print("| **mean** | | " + " | ".join(f"**{mean(r[k] for r in rows.values()):.3f}**" for k in columns) + " |")
        print("| min | | " + " | ".join(f"{min(r[k] for r in rows.values()):.3f}" for k in columns) + " |")

        prefixed = os.path.join(tmp, "prefixed.jsonl")
        write_lines(prefixed, corpus, strip=False, files=True)
        report = json.loads(run([args.workmix, "rules", "eval", "--labels", prefixed, "--format", "json",
                                 "--show-wrong", "0", "--quiet", "--config", "/dev/null"]))
        print(f"\nprefixed commits agreeing with their prefix (shipped rules, {report['total']:,} commits): "
              f"{report['accuracy']:.4f}")
        dev = os.path.join(SHARED, "labelled-messages.csv")
        report = json.loads(run([args.workmix, "rules", "eval", "--labels", dev, "--format", "json", "--show-wrong", "0",
                                 "--quiet", "--config", "/dev/null"]))
        print(f"labelled-messages.csv (shipped rules and model): macro-F1 {report['macroF1']:.3f}, "
              f"accuracy {report['accuracy']:.3f}")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
