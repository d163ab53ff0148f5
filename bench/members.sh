#!/usr/bin/env bash
# A/B: the same generated 10,000-document archive built without and with a members' area
# (every 5th document members-only), alternating, 3 runs each.
# Run from the repository root after `cargo build --release -p arkiv -p arkiv-gen`; N=1000 for a quick run.
# The sites live in memory (/dev/shm) when it is there: on a shared virtual disk, creating and
# deleting 36,000 files costs seconds that vary from run to run and would drown the figure.
set -euo pipefail
bin=${1:-target/release/arkiv}
gen=${2:-target/release/arkiv-gen}
n=${N:-10000}
# A fresh folder of its own (under DIR if given: DIR itself is never removed).
base="${DIR:-$( [ -w /dev/shm ] && echo /dev/shm || echo /tmp )}"
mkdir -p "$base"
DIR="$(mktemp -d "$base/arkiv-mb.XXXXXX")"
trap 'rm -rf "$DIR"' EXIT
"$gen" "$DIR/plain" --documents $n --seed 1 >/dev/null
cp -r "$DIR/plain" "$DIR/members"
python3 - "$DIR/members" <<'PY'
import os
import sys
root=sys.argv[1]
open(f'{root}/site.yaml','a').write('members:\n  htpasswd: /srv/forening/members.htpasswd\n')
files=sorted(os.path.join(d,f) for d,_,fs in os.walk(f'{root}/content') for f in fs if f.endswith('.md'))
for n,f in enumerate(files):
    if n%5: continue
    t=open(f).read()
    if t.startswith('---\n'):
        open(f,'w').write('---\naccess: members\n'+t[4:])
PY
for run in 1 2 3; do
  for site in plain members; do
    /usr/bin/time -f "$site wall=%e cpu=%U+%S rss_kb=%M" "$bin" build --quiet "$DIR/$site" 2>&1 | grep wall= || true
  done
done
