#!/usr/bin/env python3
"""Classification measured on the shared Conventional Commits corpus, with its fixed split.

    python3 bench/classifier_eval.py [--workmix .build/release/workmix] [--set held-out|tune]
    python3 bench/classifier_eval.py --gold [--gold-weight W] [--prior-strength T] [--model-min P]
    python3 bench/classifier_eval.py --write-model rules/shipped.model   (the shipped model, all data)

--set held-out (the figures to report): a model is trained on the 10 *tune* repositories only and every
held-out repository is measured with its prefixes stripped, for the rules alone (the shipped rules
without the model rules), the model alone and the shipped combination (rules + model rules), each with
the files and line counts the corpus holds ("files") and on messages alone ("msg").

--set tune (for tuning rules and settings): the same on the tune repositories, leave one repository out
(the model measured on a repository is trained on the other nine). Never tune on held-out figures.

--gold (the hand-labelled commits of shared/data/gold-commits.jsonl): leave one gold repository out.
For each of the 11 repositories a model is trained on a fixed sample of the corpus plus the other ten
gold repositories (each gold commit counted --gold-weight times; class priors the mix of the training
repositories' `uniform` stratum raised to --prior-strength, 0 = balanced) and the eleventh is measured
as written (prefixes kept: the tool sees what engineers wrote), for the rules alone, the model alone
and the shipped rules + model, with files and line counts ("files") and on messages alone ("msg"). Then
the corpus's held-out split (trained on the tune repositories' sample plus all gold), and, with a model
trained on everything (as --write-model makes it), prefix agreement and labelled-messages.csv. Rules
come from this checkout's rules/ (not the copy built into the binary). Settings are chosen on these
leave-one-out figures only.

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
# shared/data beside the checkout, or beside a folder holding it (a worktree); WORKMIX_SHARED_DATA wins.
SHARED = os.environ.get("WORKMIX_SHARED_DATA") or next(
    (p for p in (os.path.join(os.path.dirname(ROOT), "shared", "data"),
                 os.path.join(os.path.dirname(os.path.dirname(ROOT)), "shared", "data")) if os.path.isdir(p)),
    os.path.join(os.path.dirname(ROOT), "shared", "data"))
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
            if strip and not row["subject"].strip():
                continue  # a prefix alone: no message left to classify
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


GOLD = os.path.join(SHARED, "gold-commits.jsonl")
# The fixed settings of the shipped model, chosen with --gold (leave one gold repository out).
GOLD_WEIGHT = 10
PRIOR_STRENGTH = 0.5
CORPUS_SAMPLE = 20000
# Paths without line counts: the model then reads a commit's tree changes, never its blobs' diffs.
FEATURES = '{"bigrams":true,"bodyWords":50,"files":true,"sizes":false}'


def corpus_sample(commits, size):
    """A fixed sample: every k-th commit in order of sha, the same on every run."""
    ordered = sorted(commits, key=lambda c: (c["sha"], c["repo"]))
    step = max(1, len(ordered) // size)
    return ordered[::step][:size] if size > 0 else ordered


def priors(gold, strength):
    """--class-priors from the `uniform` stratum of `gold`, each share raised to `strength`."""
    uniform = [c for c in gold if c.get("stratum") == "uniform"] or gold
    shares = {k: max(1, sum(c["category"] == k for c in uniform)) / len(uniform) for k in CATEGORIES}
    shares = {k: v ** strength for k, v in shares.items()}
    total = sum(shares.values())
    return ",".join(f"{k}={shares[k] / total:.4f}" for k in CATEGORIES)


CATEGORIES = ("investment", "maintenance", "support")


def train_mixed(args, tmp, name, corpus, gold, scale=1):
    """A model trained on corpus commits plus gold commits counted --gold-weight × `scale` times each."""
    model = os.path.join(tmp, f"model-{name}.model")
    path = os.path.join(tmp, f"train-{name}.jsonl")
    mixed = list(corpus)
    for c in gold:
        mixed += [c] * (args.gold_weight * scale)
    write_lines(path, mixed, strip=False, files=True)
    cmd = [args.workmix, "model", "train", "--labels", path, "--labels-only", "--output", model, "--quiet"]
    if args.prior_strength > 0:
        cmd += ["--class-priors", priors(gold, args.prior_strength)]
    if args.regularisation:
        cmd += ["--regularisation", str(args.regularisation)]
    if args.features:
        cmd += ["--features", args.features]
    run(cmd)
    return model


def checkout_rules(tmp, args):
    """Configs for this checkout's rules/: the rules alone (no model rules) and all of them, with the
    model rules' threshold set to --model-min when given."""
    folders = {"alone": os.path.join(tmp, "rules-alone"), "shipped": os.path.join(tmp, "rules-shipped")}
    for folder in folders.values():
        os.makedirs(folder, exist_ok=True)
    for name in sorted(os.listdir(args.rules_dir)):
        if not name.endswith(".yml"):
            continue
        text = open(os.path.join(args.rules_dir, name), encoding="utf-8").read()
        if "model:" in text and args.model_min is not None:
            text = re.sub(r"(model: \{ category: \w+, min: )[0-9.]+", rf"\g<1>{args.model_min}", text)
        if "model:" not in text:
            shutil.copy(os.path.join(args.rules_dir, name), folders["alone"])
        with open(os.path.join(folders["shipped"], name), "w", encoding="utf-8") as f:
            f.write(text)
    configs = {}
    for key, folder in folders.items():
        configs[key] = os.path.join(tmp, f"rules-{key}.yml")
        with open(configs[key], "w") as f:
            f.write(f"default_rules: false\nrules: [{folder}]\n")
    return configs


def evaluate(workmix, args):
    return json.loads(run([workmix] + args + ["--format", "json", "--show-wrong", "0", "--quiet"]))


def measure_gold(args, tmp, name, test, model, configs, per_rule):
    row = {}
    for variant, files in (("files", True), ("msg", False)):
        path = os.path.join(tmp, f"gold-{name}-{variant}.jsonl")
        write_lines(path, test, strip=False, files=files)
        row[f"rules {variant}"] = f1(args.workmix, ["rules", "eval", "--labels", path, "--config", configs["alone"]])
        row[f"model {variant}"] = f1(args.workmix, ["model", "eval", "--labels", path, "--model", model, "--config", "/dev/null"])
        report = evaluate(args.workmix, ["rules", "eval", "--labels", path, "--model", model, "--config", configs["shipped"]])
        row[f"shipped {variant}"] = report["macroF1"]
        if variant == "files":
            row["shipped acc"] = report["accuracy"]
            for rule, item in report["perRule"].items():
                counts = per_rule.setdefault(rule, [0, 0])
                counts[0] += item["decided"]
                counts[1] += item["correct"]
    return row


def print_table(title, rows, sizes):
    columns = list(next(iter(rows.values())).keys())
    print(f"| {title} | commits | " + " | ".join(columns) + " |")
    print("|---|---:|" + "---:|" * len(columns))
    for repo, row in rows.items():
        print(f"| {repo} | {sizes[repo]:,} | " + " | ".join(f"{row[k]:.3f}" for k in columns) + " |")
    print("| **mean** | | " + " | ".join(f"**{mean(r[k] for r in rows.values()):.3f}**" for k in columns) + " |")
    print("| min | | " + " | ".join(f"{min(r[k] for r in rows.values()):.3f}" for k in columns) + " |")


def gold_protocol(args, corpus):
    gold = [json.loads(line) for line in open(args.gold_file, encoding="utf-8")]
    sample = corpus_sample(corpus, args.corpus_sample)
    repos = sorted({c["repo"] for c in gold})
    tmp = tempfile.mkdtemp(prefix="workmix-gold-")
    try:
        configs = checkout_rules(tmp, args)
        rows, per_rule = {}, {}
        for i, repo in enumerate([] if args.guards_only else repos):
            train_gold = [c for c in gold if c["repo"] != repo]
            model = train_mixed(args, tmp, f"logo{i}", sample, train_gold)
            rows[repo] = measure_gold(args, tmp, f"logo{i}", [c for c in gold if c["repo"] == repo], model, configs, per_rule)
        print(f"gold-weight {args.gold_weight}, prior-strength {args.prior_strength}, corpus sample {len(sample):,}, "
              f"model-min {args.model_min if args.model_min is not None else 'as in rules/'}, features {args.features}\n")
        if rows:
            print_table("gold repository (left out)", rows, {r: sum(c["repo"] == r for c in gold) for r in repos})
            print("\nper rule on gold, summed over the left-out repositories (shipped, files): decided, right, precision")
            for rule, (decided, correct) in sorted(per_rule.items(), key=lambda kv: -kv[1][0]):
                print(f"  {rule:28} {decided:5} {correct:5}  {correct / max(decided, 1):.2f}")
        if args.quick:
            return
        tune = [c for c in sample if c["repo"] in TUNE]
        model = train_mixed(args, tmp, "tune", tune, gold)
        targets = sorted({c["repo"] for c in corpus} - set(TUNE))
        held = {r: measure(args.workmix, tmp, r, [c for c in corpus if c["repo"] == r], model, configs["alone"]) for r in targets}
        means = {k: mean(r[k] for r in held.values()) for k in next(iter(held.values()))}
        print("\ncorpus held-out (trained on the tune repositories' sample + all gold), mean macro-F1: "
              + ", ".join(f"{k} {v:.3f}" for k, v in means.items()))
        model = train_mixed(args, tmp, "all", sample, gold)
        prefixed = os.path.join(tmp, "prefixed.jsonl")
        write_lines(prefixed, corpus, strip=False, files=True)
        report = evaluate(args.workmix, ["rules", "eval", "--labels", prefixed, "--model", model, "--config", configs["shipped"]])
        print(f"prefixed commits agreeing with their prefix ({report['total']:,} commits): {report['accuracy']:.4f}")
        dev = os.path.join(SHARED, "labelled-messages.csv")
        report = evaluate(args.workmix, ["rules", "eval", "--labels", dev, "--model", model, "--config", configs["shipped"]])
        print(f"labelled-messages.csv: macro-F1 {report['macroF1']:.3f}, accuracy {report['accuracy']:.3f}")
    finally:
        shutil.rmtree(tmp)


def write_model(args, corpus):
    """The shipped model: the whole corpus plus all gold, with the chosen settings; gold counted as
    many times more as the corpus is larger than the sample, so it weighs as much as in --gold."""
    gold = [json.loads(line) for line in open(args.gold_file, encoding="utf-8")]
    tmp = tempfile.mkdtemp(prefix="workmix-ship-")
    try:
        scale = max(1, round(len(corpus) / len(corpus_sample(corpus, args.corpus_sample))))
        model = train_mixed(args, tmp, "shipped", corpus, gold, scale)
        shutil.copy(model, args.write_model)
    finally:
        shutil.rmtree(tmp)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workmix", default=os.path.join(ROOT, ".build", "release", "workmix"))
    parser.add_argument("--set", choices=["held-out", "tune"], default="held-out")
    parser.add_argument("--corpus", default=os.path.join(SHARED, "conventional-commits.jsonl.gz"))
    parser.add_argument("--gold", action="store_true", help="leave one gold repository out")
    parser.add_argument("--gold-file", default=GOLD)
    parser.add_argument("--gold-weight", type=int, default=GOLD_WEIGHT)
    parser.add_argument("--prior-strength", type=float, default=PRIOR_STRENGTH)
    parser.add_argument("--corpus-sample", type=int, default=CORPUS_SAMPLE)
    parser.add_argument("--regularisation", type=float)
    parser.add_argument("--features", default=FEATURES, help="the model's feature settings (JSON)")
    parser.add_argument("--model-min", type=float, help="threshold of the model rules (default: as in rules/)")
    parser.add_argument("--rules-dir", default=os.path.join(ROOT, "rules"), help="--gold: the rule files measured")
    parser.add_argument("--quick", action="store_true", help="--gold: the leave-one-out table only")
    parser.add_argument("--guards-only", action="store_true",
                        help="--gold: skip the leave-one-out table (corpus held-out, prefixes, labelled messages only)")
    parser.add_argument("--write-model", metavar="FILE", help="train the shipped model on all data and write it")
    args = parser.parse_args()
    corpus = load_corpus(args.corpus)
    if args.gold:
        return gold_protocol(args, corpus)
    if args.write_model:
        return write_model(args, corpus)
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
