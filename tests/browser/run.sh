#!/usr/bin/env bash
# The browser suite: Courtside's pages in real headless Chromium.
#
# Needs the binary built already (cargo build); builds nothing itself.
# Installs Debian's chromium (and chromium-driver) when /usr/bin/chromium is
# missing, and node/npm when missing; installs the pinned npm packages with
# `npm ci`; starts target/debug/courtside (serve --demo) on a temporary
# SQLite file and a free port; waits for /healthz; runs the tests; stops
# the server. Screenshots land in test-artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium chromium-driver)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

bin=target/debug/courtside
if [ ! -x "$bin" ]; then
  echo "run.sh: $bin is missing; build it first with: cargo build" >&2
  exit 1
fi

(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

work=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
base="http://127.0.0.1:$port"

DATABASE_URL="$work/courtside.db" COURTSIDE_BIND="127.0.0.1:$port" COURTSIDE_LOG_FORMAT=json \
  "$bin" serve --demo >"$work/server.log" 2>&1 &
server=$!
stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT

ready=
for _ in $(seq 1 120); do
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$base/healthz"; then
    ready=1
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "run.sh: the server did not become healthy; its log:" >&2
  cat "$work/server.log" >&2
  exit 1
fi

status=0
node tests/browser/run.mjs "$base" || status=$?
if [ "$status" -ne 0 ]; then
  echo "run.sh: browser tests failed; the server's log (ids only) follows:" >&2
  tail -n 15 "$work/server.log" >&2
fi
exit "$status"
