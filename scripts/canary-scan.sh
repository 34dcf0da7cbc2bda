#!/usr/bin/env bash
# Looks for secret canaries in logs. The tests seed unique values shaped KFCANARY_<word>_<8 hex>
# into the cluster configuration (the portal's cluster token) and into the sandbox (a Secret, a
# ServiceAccount token); none may ever be written to a log, a scaffolder task log or a response.
# Also matches the base64 form of the prefix (a Secret's data as the API returns it).
#
#   bash scripts/canary-scan.sh <file or directory>...   exit 1 on any hit, listing each
#   bash scripts/canary-scan.sh --self-test              proves a planted canary is found
set -euo pipefail

PATTERN='KFCANARY_[a-z]+_[0-9a-f]{8}|S0ZDQU5BUllf'

if [ "${1:-}" = "--self-test" ]; then
  tmp=$(mktemp -d /tmp/canary-self-test.XXXXXX)
  trap 'rm -rf "$tmp"' EXIT
  printf 'info {"plugin":"kubeflow"} GET /clusters 200\n' >"$tmp/clean.log"
  if ! bash "$0" "$tmp" >"$tmp/clean.out" 2>&1; then
    echo "canary scan self-test FAILED: a clean log was flagged" >&2
    cat "$tmp/clean.out" >&2
    exit 1
  fi
  # A throwaway log line with a planted canary (assembled so this script holds none whole).
  printf 'warn {"plugin":"kubeflow"} token=%s_%s_%s\n' KFCANARY planted 0badc0de >"$tmp/planted.log"
  if bash "$0" "$tmp" >"$tmp/planted.out" 2>&1; then
    echo "canary scan self-test FAILED: the planted canary was not found" >&2
    exit 1
  fi
  if ! grep -q 'planted.log:1' "$tmp/planted.out"; then
    echo "canary scan self-test FAILED: the hit does not name the planted line" >&2
    cat "$tmp/planted.out" >&2
    exit 1
  fi
  echo "canary scan self-test: passed (a planted canary is found and reported: $(head -n 1 "$tmp/planted.out" | cut -c1-120))"
  exit 0
fi

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <file or directory>... | --self-test" >&2
  exit 2
fi

files=0
lines=0
while IFS= read -r -d '' file; do
  files=$((files + 1))
  lines=$((lines + $(wc -l <"$file")))
done < <(find "$@" -type f -print0)

hits=$(grep -rEnoa "$PATTERN" "$@" || true)
if [ -n "$hits" ]; then
  count=$(printf '%s\n' "$hits" | wc -l)
  echo "canary scan: $count hit(s) in $files file(s), $lines lines:"
  printf '%s\n' "$hits"
  exit 1
fi
echo "canary scan: 0 hits in $files file(s), $lines lines"
