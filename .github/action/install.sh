#!/usr/bin/env bash
# Puts workmix on the PATH: a release's tarball (WORKMIX_VERSION 0.9.0, or latest), or a build of the
# action's own checkout (WORKMIX_VERSION source) with make release.
#
# Environment: WORKMIX_VERSION, ACTION_PATH, ACTION_REPOSITORY (owner/name; may be empty in composite
# actions), WORKMIX_DOWNLOAD (where releases are, default: that repository's GitHub releases), and
# GitHub's GITHUB_PATH, GITHUB_REPOSITORY, RUNNER_TEMP.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version=${WORKMIX_VERSION:-latest}
version=${version#v}
action=${ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

# Where releases are published. github.action_repository is not always set for a composite action's
# steps; the runner keeps an action in _actions/OWNER/NAME/REF, and `uses: ./` means this repository.
repository=${ACTION_REPOSITORY:-}
if [ -z "$repository" ]; then
    case "$action" in
        */_actions/*/*/*)
            rest=${action#*/_actions/}
            owner=${rest%%/*}
            rest=${rest#*/}
            repository=$owner/${rest%%/*}
            ;;
        *) repository=${GITHUB_REPOSITORY:-} ;;
    esac
fi

if [ "$version" = "source" ]; then
    command -v swift >/dev/null 2>&1 || fail 2 "version: source needs a Swift toolchain on the runner"
    make -C "$action" release >&2
    bin=$action/.build/release
else
    [ -n "$repository" ] || fail 2 "no repository to download workmix from (set version: source)"
    if [ "$version" = "latest" ]; then
        # The latest release's page redirects to its tag; no API token needed.
        url=$(curl -fsSLI -o /dev/null -w '%{url_effective}' "https://github.com/$repository/releases/latest") \
            || fail 2 "https://github.com/$repository/releases/latest: no answer"
        case "$url" in
            */releases/tag/v*) version=${url##*/releases/tag/v} ;;
            *) fail 2 "$repository has no release yet: set version to one, or to source" ;;
        esac
    fi
    case "$(uname -m)" in
        x86_64 | amd64) arch=x86_64 ;;
        aarch64 | arm64) arch=aarch64 ;;
        *) fail 2 "no workmix release for $(uname -m): set version: source" ;;
    esac
    name=workmix-$version-linux-$arch
    url=${WORKMIX_DOWNLOAD:-https://github.com/$repository/releases/download}/v$version/$name.tar.gz
    dir=${RUNNER_TEMP:-$(mktemp -d)}/workmix-install
    mkdir -p "$dir"
    curl -fsSL --retry 3 "$url" | tar -xz -C "$dir" || fail 2 "$url: cannot download"
    bin=$dir/$name/bin
fi

# A source build links libgit2, libpq, SQLite and PCRE2 dynamically (make release installs them);
# should a binary miss one on this runner, install them.
if ! "$bin/workmix" --version >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libgit2-dev libpq5 libsqlite3-0 libpcre2-8-0 >&2
fi
"$bin/workmix" --version >/dev/null 2>&1 \
    || fail 2 "$bin/workmix does not run here: $(ldd "$bin/workmix" 2>&1 | grep 'not found' | tr '\n' ' ')"
echo "workmix $("$bin/workmix" --version) in $bin"
if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin" >>"$GITHUB_PATH"; fi
