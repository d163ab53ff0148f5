#!/usr/bin/env bash
# The Nu HTML Checker (vnu-jar from npm, on Debian's Java runtime) over every page of two
# built sites: the example site in the repository's root and the seed-shaped fixture site in
# tests/fixtures/standards/site. Any error fails; warnings are listed in the README.
# Usage: bash tests/validate/run.sh [path/to/arkiv]   (default: $ARKIV_BIN, else the debug build)
set -euo pipefail
cd "$(dirname "$0")/../.."

arkiv="${1:-${ARKIV_BIN:-${CARGO_TARGET_DIR:-target}/debug/arkiv}}"
vnu=tests/validate/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$vnu" ]; then
  (cd tests/validate && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
fi
if ! command -v java >/dev/null; then
  echo "error: the Nu HTML Checker needs Java: apt-get install default-jre-headless" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/example"
cp -r site.yaml content "$work/example/"
cp -r tests/fixtures/standards/site "$work/fixture"

for site in example fixture; do
  "$arkiv" build --quiet "$work/$site"
done

pages=$(find "$work/example/output" "$work/fixture/output" -name '*.html' | wc -l)
echo "vnu: checking $pages pages of the example and the fixture site"
if ! java -jar "$vnu" --errors-only --skip-non-html "$work/example/output" "$work/fixture/output" 2>"$work/errors.txt"; then
  sed "s|file:$work/||" "$work/errors.txt" >&2
  errors=$(grep -c ': error:' "$work/errors.txt" || true)
  echo "vnu: 0 passed, 1 failed ($errors errors in $pages pages)"
  exit 1
fi
echo "vnu: 1 passed, 0 failed (no errors in $pages pages)"
