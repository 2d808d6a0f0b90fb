#!/usr/bin/env bash
# The action's first step: refuses bad inputs and shallow clones before anything is installed, and
# gives the later steps their cache keys and the store folder.
#
# Environment: WORKMIX_VERSION, WORKMIX_COMMAND, WORKMIX_CONFIG_INPUT, ACTION_PATH, and GitHub's
# GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_ENV, RUNNER_TEMP.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

workspace=${GITHUB_WORKSPACE:-$PWD}
case "${WORKMIX_COMMAND:-check}" in
    check | report) refuse_shallow "$workspace" ;;
    install) ;;
    *) fail 2 "command '${WORKMIX_COMMAND}': use check, report or install" ;;
esac

# The config a run will read, as workmix discovers it (--config, WORKMIX_CONFIG, then workmix.yml,
# workmix.yaml or .workmix.yml in the workspace): its content keys the store's cache.
config=${WORKMIX_CONFIG_INPUT:-${WORKMIX_CONFIG:-}}
if [ -z "$config" ]; then
    for name in workmix.yml workmix.yaml .workmix.yml; do
        if [ -f "$workspace/$name" ]; then config=$name; break; fi
    done
fi
config_hash=none
if [ -n "$config" ]; then
    case "$config" in /*) ;; *) config="$workspace/$config" ;; esac
    [ -f "$config" ] && config_hash=$(sha256sum "$config" | cut -c1-16)
fi

# A source build is keyed by what it is built from and the compiler that builds it.
source_key=none
if [ "${WORKMIX_VERSION:-latest}" = "source" ]; then
    action=${ACTION_PATH:?the action path}
    source_key=$(
        cd "$action" && {
            find Package.swift Sources Plugins rules -type f -print0 2>/dev/null | sort -z | xargs -0 sha256sum
            swift --version 2>/dev/null | head -1
        } | sha256sum | cut -c1-16
    )
fi

# The store folder: the job's own unless the workflow names one. The later runs of the action (and
# any workmix step after it) read what the first one stored.
store=${WORKMIX_STORE_DIR:-${RUNNER_TEMP:-$workspace/..}/workmix-store}
mkdir -p "$store"
if [ -n "${GITHUB_ENV:-}" ]; then echo "WORKMIX_STORE_DIR=$store" >>"$GITHUB_ENV"; fi
{
    echo "config-hash=$config_hash"
    echo "source-key=$source_key"
    echo "store-dir=$store"
} >>"${GITHUB_OUTPUT:-/dev/stdout}"
