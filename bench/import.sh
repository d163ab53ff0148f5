#!/usr/bin/env bash
# Times `arkiv import` of 100 decks, 100 Word reports and 100 PDF reports (copies of the
# fixtures in tests/fixtures/import, each made distinct so none is taken for a re-import),
# each into a fresh site, with the release binary. Prints wall time and peak memory.
# Usage: bash bench/import.sh   (needs python3; builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# A copy, so a build sharing the target folder cannot swap the binary mid-run.
cp "${CARGO_TARGET_DIR:-target}/release/arkiv" "$WORK/arkiv"
BIN="$WORK/arkiv"
python3 - "$WORK" <<'PY'
import sys, zipfile, os
work = sys.argv[1]
src = "tests/fixtures/import"
for name, ext in [("foraarsmoede-2025", "pptx"), ("formandens-beretning-2025", "docx"), ("aarsberetning-2024", "pdf")]:
    folder = os.path.join(work, ext)
    os.makedirs(folder)
    data = open(os.path.join(src, f"{name}.{ext}"), "rb").read()
    for i in range(100):
        dest = os.path.join(folder, f"{name}-{i:03}.{ext}")
        if ext == "pdf":
            open(dest, "wb").write(data + f"% copy {i}\n".encode())
        else:
            with zipfile.ZipFile(os.path.join(src, f"{name}.{ext}")) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    zout.writestr(item, zin.read(item.filename))
                zout.comment = f"copy {i}".encode()
PY
for ext in pptx docx pdf; do
  for run in 1 2 3; do
    site="$WORK/site-$ext-$run"
    mkdir -p "$site/content"
    echo "title: Benchmark" > "$site/site.yaml"
    /usr/bin/time -f "$ext run $run: %e s wall, %M KB peak" "$BIN" import --site "$site" "$WORK/$ext" > "$site.log" 2>&1 || true
    tail -1 "$site.log"
    grep -c '^imported ' "$site.log" | sed "s/^/  files imported: /"
  done
done
