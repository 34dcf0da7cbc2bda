#!/usr/bin/env bash
# The README's start command: installs what is missing, starts the local Kubeflow sandbox with the
# demo seed, then the portal (frontend on :3000, backend on :7007) pointed at it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
SKIP_POSTGRES=1 bash scripts/toolchain.sh
# The official definitions, when they can be had (mirror or upstream); without them the sandbox
# validates every kind against its built-in core schema and says so.
node scripts/specs.mjs --optional

export KUBEFLOW_SANDBOX_PORT="${KUBEFLOW_SANDBOX_PORT:-7010}"
source scripts/sandbox.sh
start_sandbox "$KUBEFLOW_SANDBOX_PORT" demo "${KUBEFLOW_SANDBOX_LOG:-/tmp/kubeflow-sandbox.log}"
trap stop_sandbox EXIT

yarn start
