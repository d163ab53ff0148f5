#!/usr/bin/env bash
# The benchmark suite: generated archives of 1,000 and 10,000 documents, built with the
# release binary. Prints a Markdown table for the README. Reproducible: the generator is
# deterministic (seed 1), and the machine is named in the output.
#
#   bash bench/run.sh            # both sizes
#   SIZES="1000" bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${SIZES:-1000 10000}"
runs="${RUNS:-3}"
work="${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm/arkiv-bench || echo /tmp/arkiv-bench )}"
mkdir -p "$work"

cargo build --release --quiet --workspace
bin="$PWD/target/release/arkiv"
gen="$PWD/target/release/arkiv-gen"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in $sizes; do
  site="$work/site-$n"
  out="$work/out-$n"
  if [ ! -f "$site/.complete" ]; then
    rm -rf "$site"
    "$gen" "$site" --documents "$n" --seed 1 >/dev/null 2>&1
    touch "$site/.complete"
  fi
  md_mb=$(du -sm --apparent-size "$site/content" | cut -f1)
  walls=(); mems=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin" build "$site" --output "$out" >/dev/null 2>"$work/build.log"
    read -r wall mem < "$work/time.txt"
    walls+=("$wall"); mems+=("$mem")
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  mem_kb=$(printf '%s\n' "${mems[@]}" | median)
  "$bin" build "$site" --output "$out" --timings 2>"$work/timings.txt" >/dev/null
  stages=$(grep -E '^\s+[^ ]+ +[0-9.]+ ms' "$work/timings.txt" | awk '{printf "%s %s ms%s, ", $1, $2, ($6 == "" ? "" : " (" $6 " MB)")}' | sed 's/, $//')
  search_kb=$( [ -d "$out/search" ] && du -sk --apparent-size "$out/search" | cut -f1 || echo 0)
  echo "| $n documents ($md_mb MB Markdown) | ${wall} s | $((mem_kb / 1024)) MB | $stages | ${search_kb} KB |"
done
