# Sourced: start_sandbox PORT SEED LOGFILE starts the Kubeflow sandbox in the background and waits
# for its "sandbox ready" line; stop_sandbox ends it.
SANDBOX_PID=""

start_sandbox() {
  local port="$1" seed="$2" log="$3"
  if curl -sf "http://127.0.0.1:$port/version" >/dev/null 2>&1; then
    echo "sandbox: something already serves 127.0.0.1:$port; using it" >&2
    return 0
  fi
  (cd "$REPO_ROOT" && exec yarn sandbox --port "$port" --seed "$seed") >"$log" 2>&1 &
  SANDBOX_PID=$!
  for _ in $(seq 1 120); do
    if grep -q "^sandbox ready " "$log" 2>/dev/null; then
      echo "sandbox: ready on http://127.0.0.1:$port (log: $log)"
      return 0
    fi
    if ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
      echo "sandbox: failed to start; its log:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "sandbox: not ready after 60 s; its log:" >&2
  cat "$log" >&2
  return 1
}

stop_sandbox() {
  if [ -n "$SANDBOX_PID" ]; then
    pkill -P "$SANDBOX_PID" 2>/dev/null || true
    kill "$SANDBOX_PID" 2>/dev/null || true
    SANDBOX_PID=""
  fi
}
