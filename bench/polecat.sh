#!/usr/bin/env bash
# POLECAT at a year's size (issue 29): a weekly-file-shaped input of ROWS rows (default
# 1,000,000; bench/polecat.py, from the real sample's rows) and a GDELT export of as many rows
# (dg_generate), each converted to N-Triples; wall time and peak memory, and the time per row.
# Target: POLECAT at least as fast per row as GDELT, in bounded memory.
#   bench/polecat.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
source bench/lib.sh
bench_setup polecat diplograph dg_generate
python3 bench/polecat.py ../shared/data/polecat/ngecEvents.2024-05-26.sample.txt "$work/week.txt" "$n"
$build/bench/dg_generate gdelt "$n" >"$work/g.export.CSV" 2>/dev/null
for input in week.txt g.export.CSV; do
  /usr/bin/time -f "%e %M" -o "$work/$input.time" \
    $build/diplograph convert --no-progress -t ntriples "$work/$input" -o "$work/$input.nt" 2>"$work/$input.err"
  read -r secs kb <"$work/$input.time"
  printf '%-14s %5d MB in, %8.2f s, %6.1f us a row, %5d MB peak; %s\n' "$input" \
    $(($(stat -c %s "$work/$input") >> 20)) "$secs" "$(echo "$secs * 1000000 / $n" | bc -l)" $((kb / 1024)) \
    "$(grep -o '[0-9]* events written' "$work/$input.err")"
done
[[ -n "${BENCH_DIR:-}" ]] || rm -rf "$work"
