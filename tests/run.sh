#!/usr/bin/env bash
# The test command: Rust unit and integration tests, then the browser tests in headless
# Chromium, with the Nu HTML Checker over the built sites between them. Without Chromium the browser tests are skipped and this says so loudly; with
# ARKIV_REQUIRE_BROWSER=1 (as .ci/run sets) a missing Chromium is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --all-targets
cargo build --quiet

# The Nu HTML Checker over both built sites (needs Java and vnu-jar from npm).
if command -v java >/dev/null && command -v npm >/dev/null; then
  bash tests/validate/run.sh
elif [ "${ARKIV_REQUIRE_BROWSER:-0}" = 1 ]; then
  echo "error: the HTML validator needs Java and npm; install with: apt-get install default-jre-headless npm" >&2
  exit 1
else
  echo
  echo "*** HTML VALIDATION SKIPPED: Java or npm is missing (apt-get install default-jre-headless). ***"
fi

chromium_bin="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium_bin" ] || ! command -v node >/dev/null; then
  if [ "${ARKIV_REQUIRE_BROWSER:-0}" = 1 ]; then
    echo "error: browser tests need Chromium ($chromium_bin) and Node.js; install with: apt-get install chromium nodejs" >&2
    exit 1
  fi
  echo
  echo "*** BROWSER TESTS SKIPPED: Chromium ($chromium_bin) or Node.js is missing. ***"
  echo "*** Install Debian's chromium package (apt-get install chromium) to run them.  ***"
  exit 0
fi
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi
(cd tests/browser && npm test)
