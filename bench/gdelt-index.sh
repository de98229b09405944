#!/usr/bin/env bash
# GDELT straight into the index (issue 32): EVENTS generated GDELT 2.0 export rows (dg_generate)
# indexed from the raw file, against converting them to Turtle and indexing that; the index's
# bytes a statement, the questions' times on it, and what an append of one 15-minute file costs.
#   bench/gdelt-index.sh [EVENTS]      (default 1000000)
#   REUSE=1 BENCH_DIR=DIR bench/gdelt-index.sh   the questions and the append on an earlier run's index
# Prints wall time, peak resident memory (/usr/bin/time) and peak disk (output and the build's
# temporaries in $TMPDIR: the file system's growth, sampled every 0.2 s) per step, then the
# questions' median of 5 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
source bench/lib.sh
bench_setup gdelt-index diplograph dg_generate
dg=$build/diplograph
mkdir -p "$work/tmp"
export TMPDIR=$work/tmp

# step NAME COMMAND...: wall seconds, peak RSS and peak disk of one run: the growth of the work
# directory's file system (the build's temporaries are unlinked files, which `du` does not see)
step() {
  local name=$1 base peak=0 used
  shift
  base=$(df -B1 --output=used "$work" | tail -1)
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  local pid=$!
  while kill -0 $pid 2>/dev/null; do
    used=$(($(df -B1 --output=used "$work" | tail -1) - base))
    ((used > peak)) && peak=$used
    sleep 0.2
  done
  wait $pid || { echo "bench: $name failed: $(tail -3 "$work/$name.err")" >&2; return 1; }
  read -r secs kb <"$work/$name.time"
  printf '%-34s %8.2f s %7d MB peak RSS %7d MB peak disk\n' "$name" "$secs" $((kb / 1024)) $((peak >> 20))
}
median_ms() {  # median_ms NAME COMMAND...: the median wall ms of 5 runs, process start to answer
  local name=$1 i start took=() file
  shift
  file=$work/answer.$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '_')
  for ((i = 0; i < 5; i++)); do
    start=${EPOCHREALTIME/./}
    "$@" >"$file.out" 2>"$file.err"
    took+=($(((${EPOCHREALTIME/./} - start) / 1000)))
  done
  mapfile -t took < <(printf '%s\n' "${took[@]}" | sort -n)
  printf '%-34s median %6d ms (%d-%d), %d rows\n' "$name" "${took[2]}" "${took[0]}" "${took[4]}" \
    $(($(wc -l <"$file.out") - 1))
}

if [[ -z ${REUSE:-} || ! -f $work/raw.idx ]]; then  # REUSE=1 with the BENCH_DIR of an earlier run: its index
  $build/bench/dg_generate gdelt "$n" 1 >"$work/events.export.CSV"
  $build/bench/dg_generate gdelt 2000 2 >"$work/next.export.CSV"  # one 15-minute file's worth
  echo "== $n GDELT rows, $(($(stat -c %s "$work/events.export.CSV") >> 20)) MB"
  step index_raw "$dg" index -q -o "$work/raw.idx" "$work/events.export.CSV"
  step convert_to_turtle "$dg" convert --no-progress "$work/events.export.CSV" -o "$work/events.ttl"
  step index_turtle "$dg" index -q -o "$work/ttl.idx" "$work/events.ttl"
  cmp -s "$work/raw.idx" "$work/ttl.idx" && echo "    the same index, byte for byte" || echo "    DIFFERENT INDEXES"
  statements=$("$dg" index --verify "$work/raw.idx" | sed -E 's/.*: a good index: ([0-9]+) statements.*/\1/')
  bytes=$(stat -c %s "$work/raw.idx")
  echo "    $statements statements, index $((bytes >> 20)) MiB = $(awk -v b="$bytes" -v s="$statements" \
    'BEGIN { printf "%.1f", b / s }') bytes a statement; Turtle $(($(stat -c %s "$work/events.ttl") >> 20)) MiB"
  rm -f "$work/events.ttl" "$work/ttl.idx"
fi

echo "== questions on the index"
actor=$("$dg" actors --format csv "$work/raw.idx" | tr -d '\r' | awk -F, 'NR == 2 { print $1 }')  # the busiest
pair=$("$dg" query dyads --level state --format csv --columns actor_code,other_code "$work/raw.idx" 2>/dev/null |
  tr -d '\r' | awk -F, 'NR == 2 { print $1, $2 }')
read -r a b <<<"$pair"
median_ms "met --actor \"$actor\"" "$dg" query met --actor "$actor" --format csv "$work/raw.idx"
median_ms "relation --between $a --and $b (JSON)" "$dg" query relation --between "$a" --and "$b" --format json "$work/raw.idx"
median_ms "dyads --by month --level state" "$dg" query dyads --by month --level state --format csv "$work/raw.idx"

echo "== appending one 15-minute file (2,000 rows)"
step append_2000_rows "$dg" index -q --append -o "$work/raw.idx" "$work/next.export.CSV"
[[ -n "${BENCH_DIR:-}" ]] || rm -rf "$work"
