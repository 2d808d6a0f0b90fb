# shellcheck shell=bash
# Shared by the action's scripts (sourced, not run).

# Escapes a workflow command's message as GitHub requires: %, CR and LF.
annotation_escape() {
    local text=${1//'%'/'%25'}
    text=${text//$'\r'/'%0D'}
    printf '%s' "${text//$'\n'/'%0A'}"
}

# An ::error annotation, then exit with the given code (2: bad input, as workmix's own).
fail() {
    local code=$1
    shift
    printf '::error title=workmix::%s\n' "$(annotation_escape "$*")"
    exit "$code"
}

# workmix reads history as far as the clone goes: a shallow clone would give a report over its last
# commit only, and a verdict nobody should gate on.
refuse_shallow() {
    local dir=$1
    if [ "$(git -C "$dir" rev-parse --is-shallow-repository 2>/dev/null)" = "true" ]; then
        fail 2 "$dir is a shallow clone: workmix needs the whole history. Set fetch-depth: 0 on actions/checkout (with: { fetch-depth: 0 })."
    fi
}
