#!/usr/bin/env bash
# Accuracy and macro-F1 of the shipped rules on real labelled subjects (Conventional-Commits prefixes
# removed; see Tests/Fixtures/README.md), with the confusion matrix.
# usage: bench/rules_eval.sh [LABELS.csv] [extra workmix options, e.g. --rules my-rules.yml]
set -euo pipefail
cd "$(dirname "$0")/.."
labels="${1:-Tests/Fixtures/labelled-messages.csv}"
shift || true
workmix="${WORKMIX:-.build/release/workmix}"
[ -x "$workmix" ] || swift build -c release >/dev/null
"$workmix" rules eval --labels "$labels" --format table --show-wrong 0 "$@"
