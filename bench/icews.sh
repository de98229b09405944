#!/usr/bin/env bash
# The ICEWS mirror merge at scale: a synthetic ICEWS file of ROWS rows (default 1,000,000), in
# generated order and shuffled, converted; wall time and peak memory of each, and whether every
# mirrored pair was merged whatever the order. Target (issue 11): under 256 MB peak in shuffled order.
#   bench/icews.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
source bench/lib.sh
bench_setup icews diplograph dg_generate

mkdir -p "$work/ordered" "$work/shuffled"
$build/bench/dg_generate icews "$n" 2>"$work/pairs" >"$work/ordered/events.tab"
pairs=$(cut -d' ' -f1 "$work/pairs")
{ head -1 "$work/ordered/events.tab"; tail -n +2 "$work/ordered/events.tab" | shuf --random-source=<(yes); } \
  >"$work/shuffled/events.tab"
echo "$n rows, $pairs mirrored pairs, $(du -m "$work/ordered/events.tab" | cut -f1) MB"

for order in ordered shuffled; do
  /usr/bin/time -f "%e %M" -o "$work/$order.time" \
    $build/diplograph convert --no-progress -t ntriples "$work/$order/events.tab" -o "$work/$order.nt" 2>"$work/$order.err"
  read -r secs kb <"$work/$order.time"
  merged=$(grep -o '[0-9]* mirrored rows merged' "$work/$order.err" | cut -d' ' -f1)
  printf '%-9s convert %7.2f s %6d MB peak, %s of %s pairs merged\n' "$order" "$secs" $((kb / 1024)) "${merged:-0}" "$pairs"
done
csort() { LC_ALL=C sort -u -S 2G --parallel="$(nproc)" "$@"; }
csort -o "$work/ordered.sorted" "$work/ordered.nt"
csort -o "$work/shuffled.sorted" "$work/shuffled.nt"
if cmp -s "$work/ordered.sorted" "$work/shuffled.sorted"; then
  echo "ordered and shuffled: the same graph ($(wc -l <"$work/ordered.sorted") statements)"
else
  echo "ordered and shuffled: DIFFERENT GRAPHS"
fi
[[ -n "${BENCH_DIR:-}" ]] || rm -rf "$work"
