#!/usr/bin/env bash
# The action's run: check with annotations (and the Markdown report in the step summary, once), the
# verdicts as JSON, the HTML report; outputs verdicts and report-html; exits as check exits.
#
# Environment: WORKMIX (the binary; default: workmix on the PATH), WORKMIX_COMMAND (check or report),
# WORKMIX_CONFIG_INPUT, WORKMIX_ARGS (extra arguments, shell-quoted), WORKMIX_STEP_SUMMARY
# (true/false), and GitHub's GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

workmix=${WORKMIX:-workmix}
command=${WORKMIX_COMMAND:-check}
workspace=${GITHUB_WORKSPACE:-$PWD}

case "$command" in
    check | report) ;;
    *) fail 2 "command '$command': use check or report" ;;
esac
command -v "$workmix" >/dev/null 2>&1 || fail 2 "$workmix: not found (the action's install step puts workmix on the PATH)"
cd "$workspace" || fail 2 "GITHUB_WORKSPACE $workspace: no such folder"
refuse_shallow "$workspace"

options=()
[ -n "${WORKMIX_CONFIG_INPUT:-}" ] && options+=(--config "$WORKMIX_CONFIG_INPUT")
if [ -n "${WORKMIX_ARGS:-}" ]; then
    # xargs splits as a shell would (quotes, backslashes) without evaluating anything.
    words=$(mktemp)
    printf '%s' "$WORKMIX_ARGS" | xargs -r printf '%s\0' >"$words" 2>/dev/null \
        || fail 2 "args: unbalanced quotes in $WORKMIX_ARGS"
    mapfile -d '' -t extra <"$words"
    rm -f "$words"
    options+=("${extra[@]}")
fi
# --strict (fail running residencies too) is check's alone: the reports get the other arguments.
report_options=()
for option in "${options[@]}"; do
    [ "$option" = "--strict" ] || report_options+=("$option")
done

out=${RUNNER_TEMP:-}
if [ -n "$out" ]; then out="$out/workmix"; mkdir -p "$out"; else out=$(mktemp -d); fi
# check reads every commit's line counts only when it writes a step summary, and the HTML report
# needs them: without a summary to show, check writes one to a file of its own, so that the
# report then reads the store instead of git.
summary=$out/unused-summary.md
: >"$summary"
[ "${WORKMIX_STEP_SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ] && summary=$GITHUB_STEP_SUMMARY

# The first run walks the history and fills the store; the others read the store and cost little.
# Its warnings become ::warning annotations; the later runs are --quiet so that none shows twice.
warnings=$(mktemp)
trap 'rm -f "$warnings"' EXIT
if [ "$command" = "check" ]; then
    # check --format github appends the Markdown report to GITHUB_STEP_SUMMARY itself.
    GITHUB_STEP_SUMMARY=$summary "$workmix" check --format github --no-progress "${options[@]}" 2>"$warnings"
    status=$?
else
    report=$out/report.md
    "$workmix" report --format markdown --output "$report" --no-progress "${report_options[@]}" 2>"$warnings"
    status=$?
    if [ "$status" -eq 0 ]; then cat "$report" >>"$summary"; fi
fi
while IFS= read -r line; do
    case "$line" in
        "workmix: warning: "*) printf '::warning title=workmix::%s\n' "$(annotation_escape "${line#workmix: warning: }")" ;;
        *) printf '%s\n' "$line" >&2 ;;
    esac
done <"$warnings"
# Bad input (or a crash): no verdict to report, and nothing more to run.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then exit "$status"; fi

"$workmix" check --format json --output "$out/verdicts.json" --quiet "${options[@]}"
code=$?
[ "$code" -le 1 ] || exit "$code"
html=$out/report.html
"$workmix" report --format html --output "$html" --quiet "${report_options[@]}" || exit $?

# {"residencies": [{"name", "verdict", ...}]} → {name: verdict}, in the config's order.
if command -v jq >/dev/null 2>&1; then
    verdicts=$(jq -c 'reduce .residencies[] as $r ({}; .[$r.name] = $r.verdict)' "$out/verdicts.json")
else
    verdicts=$(python3 -c 'import json, sys
residencies = json.load(open(sys.argv[1], encoding="utf-8"))["residencies"]
print(json.dumps({r["name"]: r["verdict"] for r in residencies}, separators=(",", ":"), ensure_ascii=False))' "$out/verdicts.json")
fi || fail 2 "$out/verdicts.json: not the JSON of check --format json"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf 'verdicts=%s\nreport-html=%s\n' "$verdicts" "$html" >>"$GITHUB_OUTPUT"
else
    printf 'verdicts=%s\nreport-html=%s\n' "$verdicts" "$html"
fi
# report only informs; check fails the job on a residency off plan.
[ "$command" = "check" ] && exit "$status"
exit 0
