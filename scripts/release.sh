#!/usr/bin/env bash
# Builds the arkiv binary to hand to people without Rust: release mode, stripped, and for
# Linux statically linked (musl), so it runs on any x86-64 Linux with no other files (the
# theme and the example texts of `arkiv init` are inside it). Prints where it is and its size.
#
#   bash scripts/release.sh           # dist/arkiv-<version>-x86_64-linux
#   GLIBC=1 bash scripts/release.sh   # skip musl: a stripped binary linked against glibc
#   WINDOWS=1 bash scripts/release.sh # dist/arkiv-<version>-x86_64-windows.exe, cross-built
#
# The Windows binary is cross-built on Linux with MinGW: the Rust target
# x86_64-pc-windows-gnu (the script adds it) and Debian's gcc-mingw-w64-x86-64 (linker, and C
# compiler for ring). It links only against DLLs every Windows has. It is tried with Wine
# when Wine is installed; otherwise the script says it was not run.
#
# A static build needs the musl target of the Rust standard library (`rustup target add
# x86_64-unknown-linux-musl`; the script tries this itself) and a C compiler for musl, since
# the TLS library of `arkiv check` (ring) has C parts: musl-gcc, from Debian's `musl-tools`.
# Without either, or with GLIBC=1, it builds a stripped glibc binary instead and says why.
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
target_dir="${CARGO_TARGET_DIR:-target}"
musl=x86_64-unknown-linux-musl
mkdir -p dist

if [ -n "${WINDOWS:-}" ]; then
  windows=x86_64-pc-windows-gnu
  rustup target list --installed 2>/dev/null | grep -qx "$windows" || rustup target add "$windows" \
    || { echo "the Rust target $windows cannot be installed (rustup target add $windows)" >&2; exit 1; }
  command -v x86_64-w64-mingw32-gcc >/dev/null \
    || { echo "there is no MinGW C compiler (apt-get install gcc-mingw-w64-x86-64)" >&2; exit 1; }
  export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
  cargo build --profile dist --locked --target "$windows"
  out="dist/arkiv-$version-x86_64-windows.exe"
  cp "$target_dir/$windows/dist/arkiv.exe" "$out"
  wine="$(command -v wine || command -v wine64 || { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; } || true)"
  if [ -n "$wine" ]; then
    # Wine 8 (Debian 12) lacks bcryptprimitives.dll, which Rust's standard library imports
    # for ProcessPrng on Windows 10 and later; a two-line stand-in beside the copy tried here
    # forwards it to BCryptGenRandom. Real Windows has the DLL: the stand-in is not shipped.
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    printf '%s\n' '#include <windows.h>' '#include <bcrypt.h>' \
      '__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE d, SIZE_T n) { return BCryptGenRandom(NULL, d, (ULONG)n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0; }' \
      > "$tmp/shim.c"
    x86_64-w64-mingw32-gcc -shared -O2 -o "$tmp/bcryptprimitives.dll" "$tmp/shim.c" -lbcrypt
    cp "$out" "$tmp/arkiv.exe"
    export WINEPREFIX="$tmp/wine" WINEDEBUG=-all
    "$wine" wineboot --init >/dev/null 2>&1 || true  # a fresh Wine prefix, quietly
    (cd "$tmp" && "$wine" ./arkiv.exe --quiet init site --language da \
      && "$wine" ./arkiv.exe --quiet build site && test -f site/output/index.html)
    wineserver="$(command -v wineserver || echo "${wine%/*}/wineserver")"
    "$wineserver" -w 2>/dev/null || true  # let Wine finish before its prefix is removed
    tried="tried with Wine: init and build work"
  else
    tried="not run here: no Wine (apt-get install wine64 to try it)"
  fi
  bytes="$(stat -c %s "$out")"
  echo "$out: Windows x86-64, stripped, $bytes bytes ($(awk "BEGIN {printf \"%.1f\", $bytes / 1048576}") MiB); $tried"
  if command -v x86_64-w64-mingw32-objdump >/dev/null; then
    echo "  needs: $(x86_64-w64-mingw32-objdump -p "$out" | sed -n 's/^\s*DLL Name: //p' | sort -u | tr '\n' ' ')"
  fi
  exit 0
fi

why=""
if [ -n "${GLIBC:-}" ]; then
  why="GLIBC=1 was given"
elif ! { rustup target list --installed 2>/dev/null | grep -qx "$musl" \
    || rustup target add "$musl"; }; then
  why="the Rust target $musl cannot be installed (rustup target add $musl)"
elif ! command -v musl-gcc >/dev/null && ! command -v x86_64-linux-musl-gcc >/dev/null; then
  why="there is no C compiler for musl (apt-get install musl-tools)"
fi

if [ -z "$why" ]; then
  kind="static (musl)"
  if ! command -v x86_64-linux-musl-gcc >/dev/null; then
    export CC_x86_64_unknown_linux_musl=musl-gcc
  fi
  cargo build --profile dist --locked --target "$musl"
  built="$target_dir/$musl/dist/arkiv"
  out="dist/arkiv-$version-x86_64-linux"
else
  echo "NOTE: building against glibc, not statically: $why." >&2
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
