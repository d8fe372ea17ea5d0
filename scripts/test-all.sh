#!/usr/bin/env bash
# The whole suite: type checks, unit tests, integration tests on the embedded database and on
# PostgreSQL + PostGIS, and browser journeys in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-prereqs.sh

echo "== type check"
npx tsc -p server
npx tsc -p web --noEmit

echo "== unit tests"
npx vitest run --project unit

echo "== integration tests on the embedded database (PGlite + PostGIS)"
env -u DATABASE_URL npx vitest run --project integration

# PostgreSQL: TEST_DATABASE_URL, or the local server when one answers (its own databases are untouched:
# the suite creates and drops gz_template_* / gz_test_* databases).
pg_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
if pg_isready -d "$pg_url" -q 2>/dev/null; then
  echo "== integration tests on PostgreSQL + PostGIS ($pg_url)"
  DATABASE_URL="$pg_url" npx vitest run --project integration
elif [ -n "${CI:-}" ]; then
  echo "PostgreSQL is not reachable at $pg_url" >&2
  exit 1
else
  echo "== skipping PostgreSQL integration tests: nothing answers at $pg_url"
fi

echo "== browser tests (Chromium; the harness builds the web app when it is stale)"
npx vitest run --project e2e
