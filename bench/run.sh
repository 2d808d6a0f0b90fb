#!/usr/bin/env bash
# Times workmix against git log on the repositories given (paths; no network): see bench/bench.py.
# usage: bench/run.sh REPO [REPO...] [--runs N] [--jobs N] [--peers]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: bench/run.sh REPO [REPO...] [--runs N] [--peers]" >&2; exit 2; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
[ -x "${WORKMIX:-.build/release/workmix}" ] || swift build -c release >/dev/null
exec python3 bench/bench.py "$@"
