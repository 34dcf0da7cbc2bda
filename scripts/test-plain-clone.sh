#!/usr/bin/env bash
# Proves the repository stands on its own: clones the committed HEAD into a fresh temporary folder
# with nothing beside it, runs the README's start command there with no definitions mirror and no
# download of them, and checks that the portal comes up with the demo data (the backend ready, the
# frontend served, the catalog serving the demo's Kubeflow entities); then stops it and checks that
# nothing is left listening.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

work=$(mktemp -d /tmp/kubeflow-plain-clone.XXXXXX)
clone="$work/kubeflow-backstage"
log="$work/start.log"
sandbox_log="$work/sandbox.log"
start_pid=""
finish() {
  if [ -n "$start_pid" ] && kill -0 "$start_pid" 2>/dev/null; then
    kill -TERM -- "-$start_pid" 2>/dev/null || true
    sleep 3
    kill -KILL -- "-$start_pid" 2>/dev/null || true
  fi
  if [ -n "${KUBEFLOW_TEST_LOG_DIR:-}" ]; then
    cp "$log" "$KUBEFLOW_TEST_LOG_DIR/plain-clone-start.log" 2>/dev/null || true
    cp "$sandbox_log" "$KUBEFLOW_TEST_LOG_DIR/plain-clone-sandbox.log" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap finish EXIT
fail() {
  echo "plain clone: $1; the start command's log:" >&2
  tail -n 60 "$log" >&2
  exit 1
}
trap 'fail "line $LINENO failed"' ERR

# The portal's own ports (app-config.yaml, start.sh): something already there would answer for it.
for port in 3000 7007 7010; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "plain clone: port $port is in use; stop what serves it first" >&2
    exit 1
  fi
done
git clone --quiet "$REPO_ROOT" "$clone"
[ -e "$work/shared" ] && fail "something sits beside the clone"
echo "plain clone: cloned $(git -C "$clone" rev-parse --short HEAD) into $clone"

# A new shell as a new user has it: none of the test command's variables, no mirror, no download.
# setsid: the start command and everything it starts form one process group, stopped as one.
env -u KUBEFLOW_SPECS_MIRROR -u KUBEFLOW_SPECS_DIR -u KUBEFLOW_TEST_LOG_DIR -u CI \
  -u BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING KUBEFLOW_SPECS_OFFLINE=1 KUBEFLOW_SANDBOX_LOG="$sandbox_log" \
  setsid bash "$clone/scripts/start.sh" </dev/null >"$log" 2>&1 &
start_pid=$!

backend=http://127.0.0.1:7007
ready=""
for _ in $(seq 1 900); do
  if curl -sf "$backend/.backstage/health/v1/readiness" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$start_pid" 2>/dev/null || fail "the start command exited"
  sleep 1
done
[ -n "$ready" ] || fail "the backend was not ready after 900 s"
[ -e "$clone/specs/upstream" ] && fail "the start command fetched definitions although it was offline"
[ "$(grep -c "no official definitions" "$sandbox_log")" = 1 ] || fail "the sandbox did not say it runs without definitions"
echo "plain clone: backend ready (no definitions: the sandbox said so once)"

# The demo's Kubeflow entities, as the signed-in guest sees them in the catalog.
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(String(eval("JSON.parse(s)."+process.argv[1])??""))}catch{}})' "$1"; }
# As a person would: sign in as soon as the backend is ready (retried while the catalog has not
# read the guest's User entity yet).
token=""
for _ in $(seq 1 60); do
  session=$(curl -s -H 'x-requested-with: XMLHttpRequest' "$backend/api/auth/guest/refresh?env=development" || true)
  token=$(printf '%s' "$session" | json backstageIdentity.token)
  [ -n "$token" ] && break
  sleep 2
done
[ -n "$token" ] || fail "guest sign-in failed: ${session:0:200}"
count=0
for _ in $(seq 1 120); do
  count=$(curl -s -H "authorization: Bearer $token" \
    "$backend/api/catalog/entities/by-query?limit=1&filter=metadata.annotations.kubeflow.org/cluster=sandbox" |
    json totalItems || true)
  [ "${count:-0}" -ge 20 ] && break
  sleep 1
done
[ "${count:-0}" -ge 20 ] || fail "the guest's catalog shows $count entities from the sandbox (expected at least 20: its profiles, notebooks, pipelines, models, endpoints, jobs)"
echo "plain clone: the guest's catalog serves $count entities from the sandbox (profiles, notebooks, pipelines, models, endpoints, jobs)"

frontend=""
for _ in $(seq 1 300); do
  if curl -sf http://127.0.0.1:3000/ | grep -q '<div id="root">'; then frontend=1; break; fi
  sleep 1
done
[ -n "$frontend" ] || fail "the frontend was not served on :3000 after 300 s"
echo "plain clone: frontend served on :3000"

kill -INT -- "-$start_pid" 2>/dev/null || true
for _ in $(seq 1 30); do kill -0 "$start_pid" 2>/dev/null || break; sleep 1; done
kill -0 "$start_pid" 2>/dev/null && fail "the start command did not stop on Ctrl-C within 30 s"
# The servers close their ports as they finish shutting down, a moment after the command returns.
for port in 3000 7007 7010; do
  for _ in $(seq 1 30); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" || continue 2
    sleep 1
  done
  fail "something still listens on :$port 30 s after the stop"
done
start_pid=""
echo "plain clone: started from a plain clone and stopped cleanly: 1 passed, 0 failed"
