#!/usr/bin/env bash
# bench/copy.sh — copying a recovery point into another vault (another account/region in Arca's
# server), Arca vs `restic copy`, on the shared dataset: the first copy into an empty vault, then
# a second copy after ../shared/bench/mutate-dataset.sh changed ~5% of the data.
#
#   bench/copy.sh                      full dataset, RUNS=3
#   SCALE=0.05 RUNS=1 bench/copy.sh    smoke run
#
# Prints wall time, CPU, peak RSS and the bytes each second copy moved. The mutation writes
# 42.3 MiB of new or changed bytes (../shared/bench/ANCHORS.md); the target for Arca's second
# copy is at most 1.2x that.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd || true)}
[ -x "$SHARED_BENCH/make-dataset.sh" ] || { echo "copy.sh: set SHARED_BENCH to the folder holding make-dataset.sh" >&2; exit 2; }
SCALE=${SCALE:-1.0}
BASE=${BASE:-${TMPDIR:-/tmp}/arca-bench/base-$SCALE}
WORK=${WORK:-${TMPDIR:-/tmp}/arca-bench/copy}
RUNS=${RUNS:-3}
BIN=${TMPDIR:-/tmp}/arca-bench/bin
dotnet publish "$ROOT/src/Arca" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$BIN" >/dev/null
ARCA=$BIN/arca
[ -d "$BASE" ] || "$SHARED_BENCH/make-dataset.sh" "$BASE" "$SCALE"
export RESTIC_PASSWORD=copy-bench RESTIC_FROM_PASSWORD=copy-bench
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; $(restic version | head -1); arca $(git -C "$ROOT" rev-parse --short HEAD)" >&2
RESULTS=$WORK/results.csv
mkdir -p "$WORK"; echo "tool,run,step,wall_s,cpu_s,maxrss_kib,moved_bytes" > "$RESULTS"

timed() { # timed TOOL RUN STEP CMD... ; appends wall, cpu, rss
  local tool=$1 run=$2 step=$3; shift 3
  sync
  local t0 t1; t0=$(date +%s%N)
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$WORK/$tool.$step.out" 2>"$WORK/$tool.$step.err" || { cat "$WORK/$tool.$step.err" >&2; exit 1; }
  t1=$(date +%s%N)
  read -r _ u s m < "$WORK/time"
  echo "$tool,$run,$step,$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f",(b-a)/1e9}'),$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f",u+s}'),$m,${MOVED:-}" >> "$RESULTS"
}

for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/r"; mkdir -p "$WORK/r"; cd "$WORK/r"
  cp -a "$BASE" data
  # Arca: two vaults with different keys (as two accounts would have).
  "$ARCA" vault init a --key-file ka >/dev/null; "$ARCA" vault init b --key-file kb >/dev/null
  "$ARCA" vault backup a --key-file ka data >/dev/null 2>&1
  MOVED= timed arca "$run" copy1 "$ARCA" vault copy a --key-file ka latest b --dest-key-file kb --json
  # restic: `copy` decrypts and re-encrypts everything into the second repository.
  restic -r ra init >/dev/null; restic -r rb init --from-repo ra --copy-chunker-params >/dev/null
  restic -r ra backup data >/dev/null
  MOVED= timed restic "$run" copy1 restic -r rb copy --from-repo ra
  "$SHARED_BENCH/mutate-dataset.sh" data >/dev/null
  "$ARCA" vault backup a --key-file ka data >/dev/null 2>&1
  restic -r ra backup data >/dev/null
  before=$(du -sb b | cut -f1)
  MOVED= timed arca "$run" copy2 "$ARCA" vault copy a --key-file ka latest b --dest-key-file kb --json
  moved=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytesTransferred"])' "$WORK/arca.copy2.out")
  sed -i '$ s/,$/,'"$moved"'/' "$RESULTS"
  rbefore=$(du -sb rb | cut -f1)
  MOVED= timed restic "$run" copy2 restic -r rb copy --from-repo ra
  sed -i '$ s/,$/,'"$(( $(du -sb rb | cut -f1) - rbefore ))"'/' "$RESULTS"
  echo "  run $run: arca vault grew $(( $(du -sb b | cut -f1) - before )) bytes on the second copy" >&2
  cd "$WORK"; rm -rf "$WORK/r"
done

python3 - "$RESULTS" <<'PYEOF'
import csv, sys, statistics
rows = list(csv.DictReader(open(sys.argv[1])))
med = lambda xs: statistics.median(xs) if xs else float('nan')
print("| tool | step | wall s median (min-max) | CPU s | peak RSS MiB | moved MiB (second copy) | n |")
print("|---|---|---|---|---|---|---|")
for tool in ("restic", "arca"):
    for step in ("copy1", "copy2"):
        rs = [r for r in rows if r["tool"] == tool and r["step"] == step]
        if not rs: continue
        w = [float(r["wall_s"]) for r in rs]
        moved = [int(r["moved_bytes"]) for r in rs if r["moved_bytes"]]
        print("| %s | %s | %.2f (%.2f-%.2f) | %.2f | %.0f | %s | %d |" % (tool, step, med(w), min(w), max(w),
            med([float(r["cpu_s"]) for r in rs]), med([int(r["maxrss_kib"]) for r in rs]) / 1024,
            "%.1f (%.2fx of 42.3 MiB changed)" % (med(moved) / 2**20, med(moved) / 2**20 / 42.3) if moved else "", len(rs)))
PYEOF
