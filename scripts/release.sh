#!/usr/bin/env bash
# Builds the arkiv binary to hand to people without Rust: release mode, stripped, and for
# Linux statically linked (musl), so it runs on any x86-64 Linux with no other files (the
# theme and the example texts of `arkiv init` are inside it). Prints where it is and its size.
#
#   bash scripts/release.sh           # dist/arkiv-<version>-x86_64-linux
#   GLIBC=1 bash scripts/release.sh   # skip musl: a stripped binary linked against glibc
#
# It needs the musl target of the Rust standard library (`rustup target add
# x86_64-unknown-linux-musl`; the script tries this itself). Without it, or with GLIBC=1, it
# builds a stripped glibc binary instead and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
target_dir="${CARGO_TARGET_DIR:-target}"
musl=x86_64-unknown-linux-musl
mkdir -p dist

if [ -z "${GLIBC:-}" ] && { rustup target list --installed 2>/dev/null | grep -qx "$musl" \
    || rustup target add "$musl"; }; then
  kind="static (musl)"
  cargo build --profile dist --locked --target "$musl"
  built="$target_dir/$musl/dist/arkiv"
  out="dist/arkiv-$version-x86_64-linux"
else
  echo "NOTE: building against glibc: the musl target is not installed (or GLIBC=1)." >&2
  echo "      The binary runs on Linux systems with glibc $(ldd --version | head -n1 | awk '{print $NF}') or newer." >&2
  kind="dynamic (glibc)"
  cargo build --profile dist --locked
  built="$target_dir/dist/arkiv"
  out="dist/arkiv-$version-x86_64-linux-gnu"
fi

cp "$built" "$out"
# A quick proof that it runs on its own: a new site, built, in a temporary folder.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$out" --quiet init "$tmp/site" --language da
"$out" --quiet build "$tmp/site"

bytes="$(stat -c %s "$out")"
echo "$out: $kind, stripped, $bytes bytes ($(awk "BEGIN {printf \"%.1f\", $bytes / 1048576}") MiB)"
if command -v file >/dev/null; then file "$out" | sed 's/^[^:]*: /  /'; fi
