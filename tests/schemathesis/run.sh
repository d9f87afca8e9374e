#!/usr/bin/env bash
# Property-based API testing with schemathesis against the served OpenAPI
# document: thousands of generated requests per role; any 5xx, undocumented
# status code or response that breaks its schema fails the run.
#
# Needs the binary built already (cargo build). Installs schemathesis with
# pip when missing. Starts target/debug/courtside (serve --demo) on a
# temporary SQLite file and a free port, signs in as a witness care officer
# and as a supporter, and runs schemathesis once per role.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v schemathesis >/dev/null 2>&1 || python3 -m pip install -q schemathesis
bin=target/debug/courtside
[ -x "$bin" ] || { echo "run.sh: $bin is missing; build it first with: cargo build" >&2; exit 1; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DATABASE_URL="$work/db.sqlite" COURTSIDE_BIND="127.0.0.1:$port" "$bin" serve --demo >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

token() {
  curl -fsS -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
    -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"courtside-demo\"}" |
    python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])'
}

status=0
for email in wendy@police.example amara@safer-futures.example; do
  echo "--- schemathesis as $email"
  schemathesis run "http://127.0.0.1:$port/api/openapi.json" \
    -H "Authorization: Bearer $(token "$email")" \
    --exclude-path /api/v1/auth/logout \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" -w 2 --seed 20261122 || status=$?
done
if grep -q "internal error" "$work/serve.log"; then
  echo "the server logged internal errors:" >&2
  grep "internal error" "$work/serve.log" | head -20 >&2
  status=1
fi
exit $status
