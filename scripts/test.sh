#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs every test — type check, lint,
# unit and integration tests (against the sandbox), the production configuration on a real
# PostgreSQL, and the end-to-end journeys in Chromium; then scans every log for secret canaries.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
export CI=true

started=$(date +%s)
step() { echo; echo "=== $1 ($(( $(date +%s) - started )) s)"; }

# The tests answer to the official definitions: without them, stop now with one line, not later in
# dozens of tests. (Any Node will do; the toolchain's comes next.)
step "official definitions (specs/lock.json)"
node scripts/specs.mjs

step "toolchain"
bash scripts/toolchain.sh

# Every step's output (and the backend logs the tests write) lands here for the canary scan. Made
# after the toolchain: installing the workspace prunes what it does not know in node_modules.
export KUBEFLOW_TEST_LOG_DIR="${KUBEFLOW_TEST_LOG_DIR:-$REPO_ROOT/node_modules/.cache/test-logs}"
rm -rf "$KUBEFLOW_TEST_LOG_DIR" && mkdir -p "$KUBEFLOW_TEST_LOG_DIR"

step "the canary scan can fail (a planted canary is found)"
bash scripts/canary-scan.sh --self-test

step "type check"
yarn tsc

step "lint"
yarn lint:all

# The plugins as they are published: each public API matches its committed report.api.md (after a
# change, run `yarn build:api-reports`), the metadata `repo fix --publish` writes is in place
# (`yarn fix`), and every plugin builds and packs, prepack included, into a tarball with its dist/.
# The API check reads the type check's dist-types.
step "publishable plugins (API reports, repo fix --publish, build and pack)"
yarn check:api-reports
yarn backstage-cli repo fix --publish --check || { echo "run: yarn fix"; exit 1; }
yarn backstage-cli repo build
packs=$(mktemp -d)
yarn workspaces foreach -A --include 'plugins/*' --parallel --jobs 2 pack --out "$packs/%s-%v.tgz" \
  | grep -v 'YN0000: \(dist\|docs\)/'
for tarball in "$packs"/*.tgz; do
  tar tzf "$tarball" | grep '^package/dist/index\.' >/dev/null || { echo "no dist/ in $tarball"; exit 1; }
done
rm -rf "$packs"

# One throwaway PostgreSQL for the tests that run on both databases and the production config.
source scripts/postgres.sh
start_postgres "${PG_TEST_PORT:-5433}"
trap stop_postgres EXIT
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PG_URL"

step "unit and integration tests"
yarn test 2>&1 | tee "$KUBEFLOW_TEST_LOG_DIR/jest.log"

step "build the backend and the app bundle"
yarn build:backend

step "production configuration on PostgreSQL"
bash scripts/test-postgres.sh 2>&1 | tee "$KUBEFLOW_TEST_LOG_DIR/postgres.log"

step "end-to-end journeys (Playwright, Chromium)"
yarn test:e2e 2>&1 | tee "$KUBEFLOW_TEST_LOG_DIR/e2e.log"

step "the start command in a plain clone (nothing beside it, no definitions)"
bash scripts/test-plain-clone.sh 2>&1 | tee "$KUBEFLOW_TEST_LOG_DIR/plain-clone.log"

step "no secret canary in any log (tests, production backend, e2e backend)"
bash scripts/canary-scan.sh "$KUBEFLOW_TEST_LOG_DIR"

step "dependency audit (reported; a registry outage skips it)"
bash scripts/audit.sh --ci

step "all tests passed in $(( $(date +%s) - started )) s"
