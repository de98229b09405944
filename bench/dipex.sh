#!/usr/bin/env bash
# The COW Diplomatic Exchange at full size (issue 28): a file of the real one's shape (every pair
# of COW members in each observation year, both orders: ~311k rows, 11.7 MB; bench/dipex.py),
# converted and indexed (wall time, peak memory), then from the index `query relation` for pairs
# at dates (process start to exit, the best of 5) and the whole `query representation` panel.
# Targets: relation under 50 ms, the panel under 2 s, memory bounded.
#   bench/dipex.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-330000}
source bench/lib.sh
bench_setup dipex diplograph
dg=$build/diplograph

python3 bench/dipex.py "$work/dipex.csv" "$n"
echo "$(($(wc -l <"$work/dipex.csv") - 1)) rows, $(du -m "$work/dipex.csv" | cut -f1) MB"
step() {  # step NAME COMMAND...: wall seconds and peak RSS
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"
  read -r secs kb <"$work/$name.time"
  printf '%-24s %7.2f s %6d MB peak\n' "$name" "$secs" $((kb / 1024))
}
step convert $dg convert --no-progress "$work/dipex.csv" -o "$work/dipex.ttl"
step index $dg index -o "$work/dipex.idx" "$work/dipex.ttl"
best_ms() {  # the best of 5 runs of COMMAND..., in ms, process start to exit
  python3 - "$@" <<'PY'
import subprocess, sys, time
best = None
for _ in range(5):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ms = (time.perf_counter() - t) * 1000
    best = ms if best is None else min(best, ms)
print(f"{best:.1f}")
PY
}
for ask in "USA RUS 1962-03-01" "AFG PAK 2010-06-01" "\"German Federal Republic\" \"German Democratic Republic\" 1980" "FRA GBR 1850"; do
  eval "set -- $ask"
  printf 'relation %-40s %6s ms\n' "$1 $2 --at $3" "$(best_ms $dg query relation --between "$1" --and "$2" --at "$3" --format csv "$work/dipex.idx")"
done
step "representation panel" $dg query representation --codes cow --format csv "$work/dipex.idx"
echo "panel rows: $(($(wc -l <"$work/representation panel.out") - 1))"
# The round trip: the panel's year,side1,side2,level_at_1,level_at_2 are the file's rows.
tail -n +2 "$work/representation panel.out" | awk -F, '{print $2","$3","$1","$4","$5}' | LC_ALL=C sort >"$work/panel.rows"
tail -n +2 "$work/dipex.csv" | cut -d, -f1-5 | LC_ALL=C sort >"$work/file.rows"
cmp -s "$work/panel.rows" "$work/file.rows" && echo "round trip: the panel is the file's rows" || echo "round trip: DIFFERENT"
[[ -n "${BENCH_DIR:-}" ]] || rm -rf "$work"
