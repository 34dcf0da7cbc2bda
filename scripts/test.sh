#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs every test — type check, lint,
# unit and integration tests (against the sandbox), the production configuration on a real
# PostgreSQL, and the end-to-end journeys in Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
export CI=true

started=$(date +%s)
step() { echo; echo "=== $1 ($(( $(date +%s) - started )) s)"; }

step "toolchain"
bash scripts/toolchain.sh

step "type check"
yarn tsc

step "lint"
yarn lint:all

# One throwaway PostgreSQL for the tests that run on both databases and the production config.
source scripts/postgres.sh
start_postgres "${PG_TEST_PORT:-5433}"
trap stop_postgres EXIT
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PG_URL"

step "unit and integration tests"
yarn test

step "build the backend and the app bundle"
yarn build:backend

step "production configuration on PostgreSQL"
bash scripts/test-postgres.sh

step "end-to-end journeys (Playwright, Chromium)"
yarn test:e2e

step "all tests passed in $(( $(date +%s) - started )) s"
