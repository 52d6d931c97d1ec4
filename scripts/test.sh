#!/usr/bin/env bash
# `npm test`: unit tests; database tests on the embedded PostgreSQL and on the machine's
# PostgreSQL (127.0.0.1:5432, database test; required when CI=true, skipped with a note
# otherwise); browser tests. Ends with one line: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
results=$(mktemp -d)
status=0
# Every step that runs names its report here, so a step that wrote none counts as a failure.
reports=()
system_db=${PATCHWATCH_SYSTEM_DB:-postgresql://postgres@127.0.0.1:5432/test}

step() { printf '\n=== %s\n' "$1"; }

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$results/unit.json" || status=1
reports+=("$results/unit.json")

step "database tests: embedded PostgreSQL"
PATCHWATCH_TEST_DB=embedded npx vitest run --project db --reporter=default --reporter=json --outputFile="$results/db-embedded.json" || status=1
reports+=("$results/db-embedded.json")

step "database tests: $system_db"
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$system_db"; then
  PATCHWATCH_TEST_DB="$system_db" npx vitest run --project db --reporter=default --reporter=json --outputFile="$results/db-system.json" || status=1
  reports+=("$results/db-system.json")
elif [ "${CI:-}" = "true" ]; then
  echo "the PostgreSQL server at $system_db is not reachable, and CI requires it"
  echo '{"numPassedTests":0,"numFailedTests":1}' > "$results/db-system.json"
  status=1
  reports+=("$results/db-system.json")
else
  echo "skipped: no PostgreSQL server at $system_db"
fi

if [ "${PATCHWATCH_SKIP_E2E:-}" != "1" ]; then
  step "browser tests (Playwright, Debian chromium)"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json || status=1
  reports+=("$results/e2e.json")
fi

node scripts/summarize-results.mjs "${reports[@]}" || status=1
exit $status
