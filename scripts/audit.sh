#!/usr/bin/env bash
# Dependency audit: known high and critical advisories in what the portal ships (production
# dependencies of every workspace, transitive ones included), from the npm registry's advisory
# service through `yarn npm audit`.
#
#   bash scripts/audit.sh            report; exit 0 unless advisories were found (exit 1)
#   bash scripts/audit.sh --ci       report; never fail (the test command's step)
#   bash scripts/audit.sh --strict   also fail (exit 3) when the advisory service cannot be asked
#
# The advisory service is a network call. When it cannot be reached or refuses the request (an
# outage, a proxy that forwards only package downloads), the audit says so and is SKIPPED: a
# registry outage never turns a test run red. A release should run --strict from a machine that
# reaches the registry directly.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

mode=${1:-}
out=$(mktemp /tmp/kubeflow-audit.XXXXXX)
trap 'rm -f "$out" "$out.err"' EXIT

timeout 120 yarn npm audit --all --recursive --severity high --environment production --json \
  >"$out" 2>"$out.err"
rc=$?

# A JSON line per advisory when the service answered; none (and an HTTP error) when it did not.
advisories=$(grep -c '"advisory"\|"severity"' "$out" || true)
if [ "$rc" -ne 0 ] && [ "$advisories" -eq 0 ]; then
  reason=$(grep -ohE 'Response code [0-9]+ \([^)]*\)' "$out" "$out.err" | head -n 1)
  [ -z "$reason" ] && reason=$(grep -ohE "code: '(ETIMEDOUT|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET)'" "$out" "$out.err" | head -n 1)
  echo "audit: SKIPPED — the registry's advisory service could not be asked (${reason:-exit $rc, timeout or network error})"
  [ "$mode" = "--strict" ] && exit 3
  exit 0
fi

if [ "$advisories" -eq 0 ]; then
  echo "audit: 0 high or critical advisories in production dependencies"
  exit 0
fi

echo "audit: high or critical advisories in production dependencies:"
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
  for (const line of lines) {
    try {
      const { value, children } = JSON.parse(line);
      const c = children ?? {};
      console.log(`  ${value}: ${c.Severity ?? c.severity ?? "?"} ${c.Issue ?? c.title ?? ""} (${c.URL ?? c.url ?? ""}) via ${(c["Tree Versions"] ?? []).join(", ")}`);
    } catch {}
  }' "$out"
[ "$mode" = "--ci" ] && exit 0
exit 1
