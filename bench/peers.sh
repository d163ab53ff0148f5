#!/usr/bin/env bash
# arkiv beside Hugo and Zola on the same generated archive, in one run: arkiv-gen writes the
# archive once for each (`--peers`), and each generator builds it RUNS times. Prints a
# Markdown table with wall time, peak memory and the ratio to arkiv. A peer that is not on
# PATH is named and left out; nothing is installed.
#
#   bash bench/peers.sh                  # 10,000 documents, median of 3
#   DOCS=1000 RUNS=5 bash bench/peers.sh
#
# What each builds (the README's "everything each tool offers"): arkiv its whole site
# (search index, link and PDF indexes, decks as presentations and handouts, meeting packs);
# Hugo with --minify, tags and a list per year; Zola with its search index, minify_html,
# tags and a section per year. Attachments (PDFs) are arkiv's only: the peers do not read them.
set -euo pipefail
cd "$(dirname "$0")/.."
docs="${DOCS:-10000}"
runs="${RUNS:-3}"
# A fresh folder of its own (under BENCH_DIR if given), removed at the end.
base="${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp )}"
mkdir -p "$base"
work="$(mktemp -d "$base/arkiv-peers.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --workspace
bin="$PWD/target/release/arkiv"
gen="$PWD/target/release/arkiv-gen"

"$gen" "$work/site" --documents "$docs" --seed 1 --peers "$work/peers" 2>&1 | sed 's/^/  /'

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Runs "$@" RUNS times; prints "<median wall s> <median peak KB> <pages written>".
measure() {
  local out="$1"; shift
  local walls=() mems=()
  for _ in $(seq "$runs"); do
    rm -rf "$out"
    if ! /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/log.txt" 2>&1; then
      echo "failed: $*" >&2; tail -5 "$work/log.txt" >&2; return 1
    fi
    read -r wall mem < "$work/time.txt"
    walls+=("$wall"); mems+=("$mem")
  done
  local pages
  pages=$(find "$out" -name '*.html' | wc -l)
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${mems[@]}" | median) $pages"
}

declare -A wall mem pages version
read -r wall[arkiv] mem[arkiv] pages[arkiv] < <(measure "$work/out-arkiv" "$bin" build "$work/site" --output "$work/out-arkiv")
version[arkiv]="arkiv $(git rev-parse --short HEAD)"
tools=(arkiv)
if command -v hugo >/dev/null; then
  version[hugo]="$(hugo version | awk '{print $1, $2}')"
  read -r wall[hugo] mem[hugo] pages[hugo] < <(measure "$work/out-hugo" hugo --quiet --minify -s "$work/peers/hugo" -d "$work/out-hugo")
  tools+=(hugo)
else
  echo "hugo is not on PATH: left out (Debian: apt-get install hugo)"
fi
if command -v zola >/dev/null; then
  version[zola]="$(zola --version)"
  read -r wall[zola] mem[zola] pages[zola] < <(measure "$work/out-zola" zola --root "$work/peers/zola" build --output-dir "$work/out-zola")
  tools+=(zola)
else
  echo "zola is not on PATH: left out (see getzola.org)"
fi

echo
echo "| $docs documents, median of $runs | wall | peak memory | pages written | wall / arkiv's | memory / arkiv's |"
echo "| --- | --- | --- | --- | --- | --- |"
for t in "${tools[@]}"; do
  ratio_wall=$(awk -v a="${wall[$t]}" -v b="${wall[arkiv]}" 'BEGIN {printf "%.1f×", a / b}')
  ratio_mem=$(awk -v a="${mem[$t]}" -v b="${mem[arkiv]}" 'BEGIN {printf "%.1f×", a / b}')
  echo "| ${version[$t]} | ${wall[$t]} s | $((mem[$t] / 1024)) MB | ${pages[$t]} | $ratio_wall | $ratio_mem |"
done
