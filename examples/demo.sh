#!/usr/bin/env bash
# The workmix demo: builds a small, realistic team history in /tmp/workmix-demo (wiped first) and runs
# `workmix config check`, `workmix report` (also with --commits), `workmix trace` and `workmix check` on it. `make demo` builds workmix in release
# mode and runs this.
#
#   WORKMIX=/path/to/workmix bash examples/demo.sh [DIR]
#
# Two residencies of Alice Martin (platform team): payments-q1 meets its plan, checkout-q2 does not,
# so `check` exits 1 — which this script reports and then exits 0, since that is the expected outcome.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
DIR=${1:-/tmp/workmix-demo}
WORKMIX=${WORKMIX:-$ROOT/.build/release/workmix}

if [[ ! -x $WORKMIX ]]; then
    echo "demo: no workmix binary at $WORKMIX (run 'make demo', or set WORKMIX)" >&2
    exit 2
fi
WORKMIX=$(cd "$(dirname "$WORKMIX")" && pwd)/$(basename "$WORKMIX")

bash "$HERE/build-demo-history.sh" "$DIR"
cd "$DIR"
echo "Built $DIR: payments-api ($(git -C payments-api rev-list --count HEAD) commits)," \
     "checkout-web ($(git -C checkout-web rev-list --count HEAD) commits), workmix.yml"
echo

# The config against the history: no warning for the demo's own config, then one address mistyped.
echo "\$ workmix config check"
warnings=$("$WORKMIX" config check --config workmix.yml --no-progress)
echo "${warnings:-(no warnings)}"
sed 's/bob@payments\.example/bob@payments.exmaple/' workmix.yml > workmix-typo.yml
echo "\$ workmix config check --config workmix-typo.yml     # bob@payments.example mistyped"
"$WORKMIX" config check --config workmix-typo.yml --no-progress
rm workmix-typo.yml
echo

echo "\$ workmix report --format table"
"$WORKMIX" report --config workmix.yml --format table --no-progress
echo

# The commits a residency counted, by category (the first lines of payments-q1's list).
echo "\$ workmix report --commits --format table   # payments-q1's list, cut"
"$WORKMIX" report --config workmix.yml --commits --format table --no-progress |
    awk '/commits counted/ { on = 1 } on && shown < 12 { print; shown++ }'
echo "  ..."
echo

# Follow-through, one commit at a time: a support commit of payments-q1 and what came after it in its areas.
sha=$(git -C payments-api log --format=%h --grep='^Extract a shared HTTP client' -1)
echo "\$ workmix trace $sha --repo payments-api --format table"
"$WORKMIX" trace "$sha" --repo payments-api --config workmix.yml --format table
echo

echo "\$ workmix check"
status=0
"$WORKMIX" check --config workmix.yml --no-progress || status=$?
echo
case $status in
    1) echo "check exited 1: checkout-q2 is off plan, as the demo intends (payments-q1 passes)." ;;
    0) echo "check exited 0, but the demo expects checkout-q2 to fail." >&2; exit 1 ;;
    *) echo "check failed with exit code $status." >&2; exit "$status" ;;
esac
echo "Try: cd $DIR && $WORKMIX report --format html --output report.html   (or json, csv, markdown)"
