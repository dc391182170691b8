#!/usr/bin/env bash
# bench/run.sh — Arca vs restic vs borg on the shared dataset, in one run, on this machine.
#
#   bench/run.sh              full dataset (~1 GiB), 3 runs per tool
#   SCALE=0.05 RUNS=1 bench/run.sh    a quick smoke run
#
# Builds arca (Release, ReadyToRun), then runs the shared harness (../shared/bench/run-anchors.sh),
# which times init / initial backup / 5% mutation / incremental backup / restore for each tool and
# prints wall time, MB/s, CPU, peak RSS and repository size. Results: $WORK/results.csv.
# Environment: SHARED_BENCH (default: ../shared/bench beside the repository), SCALE, RUNS, TOOLS,
# BASE, WORK (see run-anchors.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd || true)}
[ -x "$SHARED_BENCH/run-anchors.sh" ] || { echo "run.sh: set SHARED_BENCH to the folder holding run-anchors.sh" >&2; exit 2; }
for tool in restic borg; do command -v $tool >/dev/null || { echo "run.sh: $tool is missing (apt-get install restic borgbackup)" >&2; exit 2; }; done

SCALE=${SCALE:-1.0}
export BASE=${BASE:-${TMPDIR:-/tmp}/arca-bench/base-$SCALE}
export WORK=${WORK:-${TMPDIR:-/tmp}/arca-bench/run}
export RUNS=${RUNS:-3}
export TOOLS=${TOOLS:-"restic borg arca"}
BIN=${TMPDIR:-/tmp}/arca-bench/bin
dotnet publish "$ROOT/src/Arca" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$BIN" >/dev/null
export ARCA=$BIN/arca
[ -d "$BASE" ] || "$SHARED_BENCH/make-dataset.sh" "$BASE" "$SCALE"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(restic version | head -1); $(borg --version); arca $(git -C "$ROOT" rev-parse --short HEAD)" >&2
EXTRA_TOOLS_FILE="$HERE/arca-tools.sh" "$SHARED_BENCH/run-anchors.sh"
