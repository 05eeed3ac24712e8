#!/usr/bin/env bash
# Runs `npm test` under another Node.js release (e.g. 24 while the machine's node is 20), without touching this
# checkout's node_modules: the runtime comes from the npm registry's `node` package (its platform package ships
# bin/node and the C headers, include/node), the tracked tree is copied to a temporary directory, and `npm ci` there
# builds the native modules (better-sqlite3) from source against that Node's headers.
# Usage: bash scripts/test-on-node.sh MAJOR|VERSION [test filters…]   e.g. bash scripts/test-on-node.sh 24
# The downloaded runtime is kept in $IDBROKER_NODE_CACHE (default ${TMPDIR:-/tmp}/idbroker-node/VERSION).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
fail() {
  echo "test-on-node: FAILED: $*" >&2
  exit 1
}
WANT=${1:?usage: bash scripts/test-on-node.sh MAJOR|VERSION [test filters…]}
shift

case $WANT in
  *.*) VERSION=$WANT ;;
  *) VERSION=$(npm view "node@^$WANT" version --json | node -e '
       const v = JSON.parse(require("fs").readFileSync(0, "utf8"));
       const n = (s) => s.split(".").map(Number);
       const newest = [].concat(v).sort((a, b) => n(a)[0] - n(b)[0] || n(a)[1] - n(b)[1] || n(a)[2] - n(b)[2]).at(-1);
       console.log(newest ?? "");') ;;
esac
[ -n "$VERSION" ] || fail "no node@$WANT on the registry"

PREFIX=${IDBROKER_NODE_CACHE:-${TMPDIR:-/tmp}/idbroker-node}/$VERSION
find_home() { { find "$PREFIX/node_modules" -path '*/include/node/node_version.h' 2>/dev/null || true; } | head -n 1 | sed 's#/include/node/node_version.h$##'; }
NODE_HOME=$(find_home)
if [ -z "$NODE_HOME" ] || [ ! -x "$NODE_HOME/bin/node" ]; then
  echo "== node@$VERSION from the npm registry into $PREFIX"
  rm -rf "$PREFIX"
  npm install --prefix "$PREFIX" --no-audit --no-fund --no-save "node@$VERSION" >/dev/null
  NODE_HOME=$(find_home)
fi
[ -n "$NODE_HOME" ] && [ -x "$NODE_HOME/bin/node" ] || fail "node@$VERSION has no bin/node and include/node under $PREFIX"
[ "$("$NODE_HOME/bin/node" --version)" = "v$VERSION" ] || fail "$NODE_HOME/bin/node is not v$VERSION"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/idbroker-node$VERSION.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "== the tracked tree into $WORK"
git ls-files -z --cached --others --exclude-standard | tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$WORK"
# The copy is a git checkout of the same files (test/repository scans `git ls-files`).
git -C "$WORK" init -q && git -C "$WORK" add -A

export PATH="$NODE_HOME/bin:$PATH"
# node-gyp compiles against these headers (no download); better-sqlite3's prebuilt binaries are not fetched.
export npm_config_nodedir="$NODE_HOME" npm_config_build_from_source=true
cd "$WORK"
echo "== npm ci under node $(node --version) (native modules built from source)"
npm ci --no-audit --no-fund
node -e 'new (require("better-sqlite3"))(":memory:").prepare("select 1").get()' || fail "better-sqlite3 does not load under node $VERSION"
echo "== npm test under node $(node --version)"
npm test -- "$@"
