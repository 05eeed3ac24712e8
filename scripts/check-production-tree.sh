#!/usr/bin/env bash
# Builds the production tree the way the Dockerfile does, without Docker, and runs it:
#   npm run build → a clean directory with package.json, package-lock.json and dist/ → npm ci --omit=dev
# then, from there and with no TypeScript loader installed: `idbroker --help`, `idbroker version`,
# `idbroker config check` on the default config, and `idbroker start` (default config, free ports, a fresh data
# directory) until GET /readyz answers 200, then SIGTERM and a clean exit. Prints the time of `version` and the
# time from the start command to /readyz. Any failure exits non-zero with what went wrong.
# Usage: bash scripts/check-production-tree.sh   (from anywhere; a checkout with its dev dependencies installed)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/idbroker-production.XXXXXX")
BROKER_PID=
cleanup() {
  if [ -n "$BROKER_PID" ] && kill -0 "$BROKER_PID" 2>/dev/null; then kill -KILL "$BROKER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
  echo "check-production-tree: FAILED: $*" >&2
  exit 1
}

APP="$WORK/app"
mkdir -p "$APP"
echo "== build (npm run build) into $APP/dist"
npm run --silent build -- "$APP/dist"
cp "$ROOT/package.json" "$ROOT/package-lock.json" "$APP/"
cp -r "$ROOT/bin" "$APP/bin"

echo "== npm ci --omit=dev (in $APP)"
(cd "$APP" && npm ci --omit=dev --no-audit --no-fund) || fail "npm ci --omit=dev"
for dev in typescript tsx ldapjs; do
  [ ! -e "$APP/node_modules/$dev" ] || fail "$dev is installed by npm ci --omit=dev: it belongs in devDependencies"
done

cd "$APP"
IDBROKER=(node dist/bin/idbroker.js)
# No configuration from the caller's environment leaks into the checks.
unset IDBROKER_CONFIG IDBROKER_STORE IDBROKER_KEYRING IDBROKER_ADMIN_ACCESS_KEY_ID IDBROKER_ADMIN_SECRET_ACCESS_KEY || true
export IDBROKER_DATA_DIR="$WORK/data"

echo "== idbroker --help"
"${IDBROKER[@]}" --help > "$WORK/help.txt" || fail "idbroker --help exited $?"
grep -q '^Usage:' "$WORK/help.txt" || fail "idbroker --help printed no usage: $(head -c 500 "$WORK/help.txt")"

echo "== idbroker version"
version_start=$(date +%s%N)
out=$("${IDBROKER[@]}" version) || fail "idbroker version exited $?"
version_ms=$(( ($(date +%s%N) - version_start) / 1000000 ))
expected="idbroker $(node -p 'require("./package.json").version')"
[ "$out" = "$expected" ] || fail "idbroker version printed '$out', expected '$expected'"

echo "== the published bin (package.json \"bin\": bin/idbroker.js, beside dist/): npx idbroker version"
npx_start=$(date +%s%N)
out=$(npx --offline idbroker version) || fail "npx idbroker version exited $?"
npx_ms=$(( ($(date +%s%N) - npx_start) / 1000000 ))
[ "$out" = "$expected" ] || fail "npx idbroker version printed '$out', expected '$expected'"

echo "== idbroker config check dist/config/default.yaml"
"${IDBROKER[@]}" config check dist/config/default.yaml || fail "config check of the default config"

echo "== idbroker start (default config, free ports, data in $IDBROKER_DATA_DIR)"
read -r HTTP HTTPS LDAP LDAPS < <(node -e '
  const net = require("node:net");
  const servers = [0, 1, 2, 3].map(() => net.createServer().listen(0, "127.0.0.1"));
  Promise.all(servers.map((s) => new Promise((r) => s.on("listening", r)))).then(() => {
    console.log(servers.map((s) => s.address().port).join(" "));
    servers.forEach((s) => s.close());
  });')
export IDBROKER_HTTP_PORT=$HTTP IDBROKER_HTTPS_PORT=$HTTPS IDBROKER_LDAP_PORT=$LDAP IDBROKER_LDAPS_PORT=$LDAPS
start_ns=$(date +%s%N)
"${IDBROKER[@]}" start > "$WORK/broker.out" 2> "$WORK/broker.err" &
BROKER_PID=$!
# One poller (not a process per try): GET /readyz every 50 ms while the broker runs, for at most 120 s.
ready_ms=$(node -e '
  const [url, pid, started] = [process.argv[1], Number(process.argv[2]), BigInt(process.argv[3])];
  const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
  const deadline = Date.now() + 120_000;
  (async () => {
    while (Date.now() < deadline && alive()) {
      const status = await fetch(url).then((r) => r.status, () => 0);
      if (status === 200) {
        const now = BigInt(Date.now()) * 1000000n;
        return console.log(String((now - started) / 1000000n));
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    process.exit(1);
  })();' "http://127.0.0.1:$HTTP/readyz" "$BROKER_PID" "$start_ns") || ready_ms=
if [ -z "$ready_ms" ]; then
  cat "$WORK/broker.out" >&2
  tail -n 20 "$WORK/broker.err" >&2
  kill -0 "$BROKER_PID" 2>/dev/null || fail "idbroker start exited before /readyz answered"
  fail "GET /readyz did not answer 200 within 120 s"
fi
kill -TERM "$BROKER_PID"
status=0
wait "$BROKER_PID" || status=$?
BROKER_PID=
[ "$status" = 0 ] || { tail -n 20 "$WORK/broker.err" >&2; fail "idbroker start exited $status after SIGTERM"; }

echo "check-production-tree: OK (node $(node --version); idbroker version: ${version_ms} ms, through npx: ${npx_ms} ms; start to /readyz 200: ${ready_ms} ms)"
