#!/usr/bin/env bash
# Builds the demo's team history in DIR (default /tmp/workmix-demo, wiped first): two repositories,
# payments-api and checkout-web, written by the git CLI with fixed names and dates, and the demo's
# workmix.yml beside them. The same input always gives the same commits (same shas).
#
# Every commit appends one line to each file it lists, so its churn is its number of files.
# Tests/WorkmixCLITests/ReportCommandTests.swift hand-counts the report on this history.
set -euo pipefail

DIR=${1:-/tmp/workmix-demo}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 LC_ALL=C TZ=UTC

ALICE="Alice Martin|alice@platform.example"     # the resident, from the platform team
BOB="Bob Li|bob@payments.example"
BOB_GMAIL="bob|bob.li@gmail.com"                # Bob on his laptop's default config; .mailmap fixes it
CAROL="Carol Diaz|carol@payments.example"
DAN="Dan Wu|dan@payments.example"               # payments engineer, not on the residency's team
ERIN="Erin Kovacs|erin@checkout.example"
FRANK="Frank Osei|frank@checkout.example"
BOT="dependabot[bot]|49699333+dependabot[bot]@users.noreply.github.com"

# commit DATE AUTHOR "CO-AUTHOR;CO-AUTHOR" SUBJECT FILE...
commit() {
    local date=$1 author=$2 coauthors=$3 subject=$4
    shift 4
    local file
    for file in "$@"; do
        mkdir -p "$(dirname "$file")"
        printf '%s\n' "$subject" >>"$file"
    done
    local message=$subject trailer
    if [[ -n $coauthors ]]; then
        message+=$'\n'
        IFS=';' read -ra people <<<"$coauthors"
        for trailer in "${people[@]}"; do message+=$'\n'"Co-authored-by: ${trailer%%|*} <${trailer##*|}>"; done
    fi
    git add -A
    GIT_AUTHOR_NAME=${author%%|*} GIT_AUTHOR_EMAIL=${author##*|} GIT_AUTHOR_DATE=$date \
    GIT_COMMITTER_NAME=${author%%|*} GIT_COMMITTER_EMAIL=${author##*|} GIT_COMMITTER_DATE=$date \
        git commit -q --no-verify -F - <<<"$message"
}

rm -rf "$DIR"
mkdir -p "$DIR"
cp "$HERE/workmix.yml" "$DIR/workmix.yml"

# ---------------------------------------------------------------- payments-api (Go service)
mkdir "$DIR/payments-api"
cd "$DIR/payments-api"
git init -q -b main
printf 'Bob Li <bob@payments.example> <bob.li@gmail.com>\n' >.mailmap
commit 2023-12-04T10:00:00+01:00 "$BOB" "" "Initial commit" README.md go.mod main.go
commit 2023-12-11T10:00:00+01:00 "$CAROL" "" "Add health endpoint" health.go

# Residency payments-q1: 2024-01-08 .. 2024-02-16, Europe/Paris.
commit 2024-01-08T09:30:00+01:00 "$ALICE" "" "docs: add a contributing guide" CONTRIBUTING.md
commit 2024-01-09T10:00:00+01:00 "$BOB" "$ALICE" "feat(payments): add refund endpoint" refunds.go routes.go
commit 2024-01-10T14:00:00+01:00 "$CAROL" "$ALICE" "Migrate HTTP handlers from net/http to chi" routes.go health.go refunds.go main.go
commit 2024-01-11T11:00:00+01:00 "$ALICE" "$BOB" "Migrate the payment repository to pgx v5" store/payments.go go.mod
commit 2024-01-12T06:00:00+00:00 "$BOT" "" "Bump github.com/stretchr/testify from 1.8.4 to 1.9.0" go.mod go.sum
commit 2024-01-15T16:00:00+01:00 "$BOB_GMAIL" "" "Fix rounding of refund amounts" refunds.go
commit 2024-01-16T10:00:00+01:00 "$ALICE" "$CAROL" "feat: add idempotency keys to payment requests" idempotency.go routes.go
commit 2024-01-17T10:00:00+01:00 "$CAROL" "" "ci: run go vet on pull requests" .github/workflows/ci.yml
commit 2024-01-18T10:00:00+01:00 "$DAN" "" "Add fraud scoring" fraud.go
commit 2024-01-22T10:00:00+01:00 "$BOB" "$ALICE" "Extract a shared HTTP client for providers" providers/client.go providers/stripe.go providers/adyen.go
commit 2024-01-23T10:00:00+01:00 "$ALICE" "$DAN" "Add a webhook signature verifier" webhooks/verify.go
commit 2024-01-24T10:00:00+01:00 "$ALICE" "$BOB" "feat: add a payouts API client package" payouts/client.go payouts/models.go
commit 2024-01-25T06:00:00+00:00 "$BOT" "" "Bump golang.org/x/net from 0.19.0 to 0.20.0" go.mod go.sum
commit 2024-01-29T10:00:00+01:00 "$ALICE" "$CAROL" "refactor: remove boilerplate from the handlers" refunds.go health.go idempotency.go
commit 2024-01-30T10:00:00+01:00 "$BOB" "" "Update README with local setup steps" README.md
commit 2024-01-31T10:00:00+01:00 "$CAROL" "$ALICE" "Switch logging from logrus to slog" main.go log.go go.mod
commit 2024-02-01T18:00:00+01:00 "$BOB" "" "wip" payouts/schedule.go
git checkout -q -b refunds
commit 2024-02-06T10:00:00+01:00 "$BOB" "$ALICE" "feat: add partial refunds" refunds.go
git checkout -q main
GIT_AUTHOR_NAME="Bob Li" GIT_AUTHOR_EMAIL=bob@payments.example GIT_AUTHOR_DATE=2024-02-07T10:00:00+01:00 \
GIT_COMMITTER_NAME="Bob Li" GIT_COMMITTER_EMAIL=bob@payments.example GIT_COMMITTER_DATE=2024-02-07T10:00:00+01:00 \
    git merge -q --no-ff refunds -m "Merge branch 'refunds'"
commit 2024-02-08T10:00:00+01:00 "$ALICE" "" "Simplify the retry policy" retry.go
commit 2024-02-12T10:00:00+01:00 "$CAROL" "$ALICE" "feat: add payout scheduling" payouts/schedule.go
commit 2024-02-13T10:00:00+01:00 "$BOB" "$ALICE" "fix: handle declined card errors" refunds.go
commit 2024-02-14T10:00:00+01:00 "$ALICE" "" "test: cover payout scheduling edge cases" payouts/schedule_test.go
# 22:40 UTC is 23:40 in Paris on the last day: counts. 23:10 UTC is 00:10 the day after in Paris: doesn't.
commit 2024-02-16T22:40:00+00:00 "$CAROL" "$ALICE" "feat: expose payout status in the API" payouts/status.go
commit 2024-02-16T23:10:00+00:00 "$BOB" "" "Fix typo in payout error message" payouts/status.go
commit 2024-02-20T10:00:00+01:00 "$ALICE" "" "Add payout retries" payouts/retry.go

# During checkout-q2, Alice adds what the checkout needs to the payments API with Erin.
commit 2024-03-14T10:00:00-04:00 "$ALICE" "$ERIN" "feat: add a checkout session endpoint" checkout.go routes.go
commit 2024-03-15T10:00:00+01:00 "$BOB" "" "Fix refund webhook retries" webhooks/verify.go

# ---------------------------------------------------------------- checkout-web (web front end)
mkdir "$DIR/checkout-web"
cd "$DIR/checkout-web"
git init -q -b main
commit 2024-02-26T10:00:00-05:00 "$ERIN" "" "Initial commit" README.md package.json src/index.js

# Residency checkout-q2: 2024-03-04 .. 2024-04-12, America/New_York.
commit 2024-03-04T09:00:00-05:00 "$ERIN" "$ALICE" "feat: add a saved-cards page" src/SavedCards.jsx src/routes.js
commit 2024-03-05T10:00:00-05:00 "$FRANK" "" "Fix double submit on the pay button" src/PayButton.jsx
commit 2024-03-06T06:00:00+00:00 "$BOT" "" "Bump react from 18.2.0 to 18.3.1" package.json package-lock.json
commit 2024-03-07T10:00:00-05:00 "$ALICE" "$FRANK" "Migrate the cart from Redux to Zustand" src/cart/store.js src/cart/Cart.jsx package.json
commit 2024-03-11T10:00:00-04:00 "$ERIN" "" "docs: document the checkout flow" docs/checkout.md
commit 2024-03-12T10:00:00-04:00 "$FRANK" "$ALICE" "fix: handle expired sessions at checkout" src/session.js
commit 2024-03-13T10:00:00-04:00 "$ERIN" "" "ci: cache node_modules" .github/workflows/ci.yml
commit 2024-03-18T10:00:00-04:00 "$ALICE" "$ERIN" "Fix currency rounding in the cart total" src/cart/total.js
commit 2024-03-19T10:00:00-04:00 "$FRANK" "" "chore: bump eslint to v9" package.json package-lock.json
commit 2024-03-20T10:00:00-04:00 "$ERIN" "$ALICE" "feat: add Apple Pay button" src/ApplePay.jsx
commit 2024-03-25T10:00:00-04:00 "$FRANK" "" "Fix broken layout on Safari" src/styles.css
commit 2024-03-26T10:00:00-04:00 "$ALICE" "$FRANK;$ERIN" "Replace moment with date-fns" src/dates.js package.json
commit 2024-04-02T10:00:00-04:00 "$ERIN" "" "misc" src/index.js
commit 2024-04-03T10:00:00-04:00 "$FRANK" "" "test: cover the coupon form" src/Coupon.test.jsx
# 03:30 UTC on the 13th is 23:30 on the 12th in New York: counts.
commit 2024-04-13T03:30:00+00:00 "$ERIN" "" "fix: keep the cart after login" src/cart/store.js
commit 2024-04-15T10:00:00-04:00 "$ALICE" "" "feat: add gift cards" src/GiftCards.jsx
