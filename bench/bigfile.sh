#!/usr/bin/env bash
# bench/bigfile.sh — peak memory of backing up and restoring one large file (default 10 GiB of
# incompressible data). The issue's bound: well under 300 MiB RSS, whatever the file size.
#
#   bench/bigfile.sh            10 GiB
#   SIZE_GIB=2 bench/bigfile.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SIZE_GIB=${SIZE_GIB:-10}
WORK=${WORK:-${TMPDIR:-/tmp}/arca-bench/bigfile}
BIN=${TMPDIR:-/tmp}/arca-bench/bin
dotnet publish "$ROOT/src/Arca" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$BIN" >/dev/null
ARCA=$BIN/arca
rm -rf "$WORK"; mkdir -p "$WORK/src"; cd "$WORK"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; arca $(git -C "$ROOT" rev-parse --short HEAD); one file of $SIZE_GIB GiB" >&2
set +o pipefail   # openssl ends with SIGPIPE when head has enough
openssl enc -aes-256-ctr -nosalt -K "$(printf '%064d' 7)" -iv "$(printf '%032d' 7)" -in /dev/zero 2>/dev/null | head -c "$((SIZE_GIB << 30))" > src/big.bin
set -o pipefail
"$ARCA" vault init v --key-file k >/dev/null 2>&1
sync
/usr/bin/time -f "backup  %e s wall, %U+%S s cpu, %M KiB peak RSS" "$ARCA" vault backup v --key-file k src >/dev/null 2>"$WORK/backup.err" || { cat "$WORK/backup.err"; exit 1; }
tail -1 "$WORK/backup.err"
sync
/usr/bin/time -f "restore %e s wall, %U+%S s cpu, %M KiB peak RSS" "$ARCA" vault restore v --key-file k latest out >/dev/null 2>"$WORK/restore.err" || { cat "$WORK/restore.err"; exit 1; }
tail -1 "$WORK/restore.err"
cmp src/big.bin out/big.bin && echo "restored file identical" >&2
cd /; rm -rf "$WORK"
