#!/usr/bin/env bash
# Serves the built portal (backend + app bundle from `yarn build:backend`) on :7007 with the
# embedded default config (sandbox cluster). Used by the e2e journeys.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$REPO_ROOT/scripts/backend-bundle.sh"
dir=$(mktemp -d /tmp/kubeflow-portal-e2e.XXXXXX)
trap 'rm -rf "$dir"' EXIT
unpack_backend "$dir"
# Run from packages/backend, as `yarn start` does, so app-config.yaml's ../../ paths resolve.
cd "$dir/packages/backend"
node . --config ../../app-config.yaml "$@"
