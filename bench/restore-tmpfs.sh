#!/usr/bin/env bash
# bench/restore-tmpfs.sh — the restore step of bench/run.sh with the target file system taken out of the picture.
#
#   bench/restore-tmpfs.sh                 full dataset (~1 GiB), 3 restores per tool
#   SCALE=0.05 RUNS=1 bench/restore-tmpfs.sh
#
# Backs up the mutated shared dataset once with restic and once with arca (untimed), then restores the latest
# backup of each into tmpfs (/dev/shm), alternating the tools, and prints wall time, CPU and peak RSS per restore,
# the medians and the restic ÷ arca ratio. Restored trees are compared with the source (untimed). On a disk file
# system the restore also pays the kernel's inode and page-cache work (docs/benchmarks.md, "Where the time goes");
# into tmpfs what remains is the tools' own work. Needs about twice the dataset's size free in /dev/shm.
# Environment: SHARED_BENCH, SCALE, RUNS, BASE (as in run.sh), WORK (scratch, default /tmp/arca-bench/restore-tmpfs),
# SHM (restore target, default /dev/shm/arca-bench-restore).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd || true)}
[ -x "$SHARED_BENCH/mutate-dataset.sh" ] || { echo "restore-tmpfs.sh: set SHARED_BENCH to the folder holding mutate-dataset.sh" >&2; exit 2; }
command -v restic >/dev/null || { echo "restore-tmpfs.sh: restic is missing (apt-get install restic)" >&2; exit 2; }

SCALE=${SCALE:-1.0}
RUNS=${RUNS:-3}
BASE=${BASE:-${TMPDIR:-/tmp}/arca-bench/base-$SCALE}
WORK=${WORK:-${TMPDIR:-/tmp}/arca-bench/restore-tmpfs}
SHM=${SHM:-/dev/shm/arca-bench-restore}
BIN=${TMPDIR:-/tmp}/arca-bench/bin
dotnet publish "$ROOT/src/Arca" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$BIN" >/dev/null
ARCA=$BIN/arca
[ -d "$BASE" ] || "$SHARED_BENCH/make-dataset.sh" "$BASE" "$SCALE"
export RESTIC_PASSWORD=restore-tmpfs-bench

rm -rf "$WORK" "$SHM"; mkdir -p "$WORK/src"
cp -a "$BASE" "$WORK/src/data"
"$SHARED_BENCH/mutate-dataset.sh" "$WORK/src/data" >/dev/null
restic -r "$WORK/restic" --cache-dir "$WORK/restic-cache" init >/dev/null
(cd "$WORK/src" && restic -r "$WORK/restic" --cache-dir "$WORK/restic-cache" backup --host bench data >/dev/null)
"$ARCA" vault init "$WORK/arca" --key-file "$WORK/arca.key" >/dev/null 2>&1
"$ARCA" vault backup "$WORK/arca" --key-file "$WORK/arca.key" "$WORK/src/data" >/dev/null 2>&1
BYTES=$(find "$WORK/src/data" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; $(restic version | head -1); arca $(git -C "$ROOT" rev-parse --short HEAD); $BYTES bytes into $SHM" >&2

restore() { # restore TOOL TARGET
  case $1 in
    restic) mkdir -p "$2" && (cd "$2" && restic -r "$WORK/restic" --cache-dir "$WORK/restic-cache" restore latest --host bench --target "$2") ;;
    arca) "$ARCA" vault restore "$WORK/arca" --key-file "$WORK/arca.key" latest "$2/data" ;;
  esac
}
RESULTS=$WORK/results.csv
echo "tool,run,wall_s,cpu_s,maxrss_kib" > "$RESULTS"
for run in $(seq 1 "$RUNS"); do
  for tool in restic arca; do
    rm -rf "$SHM"; sync
    t0=$(date +%s%N)
    /usr/bin/time -f "%U %S %M" -o "$WORK/time" bash -c "$(declare -f restore); WORK='$WORK' ARCA='$ARCA' restore $tool '$SHM'" >"$WORK/$tool.log" 2>&1
    t1=$(date +%s%N)
    read -r user sys rss < "$WORK/time"
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')
    echo "$tool,$run,$wall,$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}'),$rss" >> "$RESULTS"
    verdict="verified identical"; diff -r --no-dereference "$WORK/src/data" "$SHM/data" >/dev/null 2>&1 || verdict="RESTORE DIFFERS"
    printf '  %-7s run %d restore into tmpfs %7.2fs  cpu %6.2fs  rss %7d KiB  %s\n' "$tool" "$run" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$rss" "$verdict" >&2
  done
done
rm -rf "$SHM"

python3 - "$RESULTS" "$BYTES" <<'PYEOF'
import csv, sys, statistics
rows = list(csv.DictReader(open(sys.argv[1]))); size = int(sys.argv[2])
med = {}
print("| tool | restore into tmpfs, wall s median (min-max) | MB/s | CPU s median | peak RSS MiB median | n |")
print("|---|---|---|---|---|---|")
for t in ("restic", "arca"):
    rs = [r for r in rows if r["tool"] == t]
    w = sorted(float(r["wall_s"]) for r in rs); med[t] = statistics.median(w)
    print("| %s | %.2f (%.2f-%.2f) | %.0f | %.2f | %.0f | %d |" % (t, med[t], w[0], w[-1], size / 1e6 / med[t],
          statistics.median(float(r["cpu_s"]) for r in rs), statistics.median(int(r["maxrss_kib"]) for r in rs) / 1024, len(rs)))
print("\nrestic / arca (wall, medians): %.2fx" % (med["restic"] / med["arca"]))
PYEOF
