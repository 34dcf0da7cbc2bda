#!/usr/bin/env bash
# Serves the built portal (backend + app bundle from `yarn build:backend`) on :7007 with the
# embedded default config (sandbox cluster). Used by the e2e journeys.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$REPO_ROOT/scripts/backend-bundle.sh"
dir=$(mktemp -d /tmp/kubeflow-portal-e2e.XXXXXX)
trap 'rm -rf "$dir"' EXIT
unpack_backend "$dir"
# The sandbox cluster's credential is a canary (the sandbox takes any unknown token as the
# portal's identity): scripts/canary-scan.sh proves the served portal never logs it.
canary="KFCANARY_e2etoken_$(printf '%s' 3b7f9d20)"
sandbox_cluster_config "$canary" >"$dir/canary.yaml"
# Run from packages/backend, as `yarn start` does, so app-config.yaml's ../../ paths resolve.
cd "$dir/packages/backend"
if [ -n "${KUBEFLOW_TEST_LOG_DIR:-}" ]; then
  # The test command scans the backend's log for canaries.
  node . --config ../../app-config.yaml --config "$dir/canary.yaml" "$@" \
    > >(tee -a "$KUBEFLOW_TEST_LOG_DIR/e2e-backend.log") 2>&1
else
  node . --config ../../app-config.yaml --config "$dir/canary.yaml" "$@"
fi
