#!/usr/bin/env bash
# The benchmark: diplograph against its baselines on the same generated files, in one run.
#   bench/run.sh [EVENTS]        (default 200000; the issues' targets are at 200k and 1M)
# Prints, per step, wall time and peak resident memory, and the ratios the targets are about.
# Needs a Release build in build/release (made here if missing) and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}
build=build/release
if [[ ! -x $build/diplograph || ! -x $build/bench/dg_generate ]]; then
  scripts/setup.sh
  cmake -S . -B $build -DCMAKE_BUILD_TYPE=Release -DDIPLOGRAPH_TESTS=OFF >/dev/null
  cmake --build $build -j "$(nproc)" >/dev/null
fi
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
dg=$build/diplograph
work=${BENCH_DIR:-$(mktemp -d /tmp/diplograph-bench.XXXXXX)}
mkdir -p "$work"

declare -A secs mem
measure() {  # measure NAME COMMAND... : wall seconds and peak RSS (MB) of one run
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"
  read -r secs[$name] kb <"$work/$name.time"
  mem[$name]=$((kb / 1024))
  printf '%-28s %8.2f s %7d MB\n' "$name" "${secs[$name]}" "${mem[$name]}"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
echo "events: $n   files in: $work"
$build/bench/dg_generate jsonl "$n" 1 >"$work/events.jsonl"
$dg convert --no-progress -t ntriples "$work/events.jsonl" -o "$work/events.nt" 2>/dev/null
triples=$(wc -l <"$work/events.nt")
echo "records: $(wc -l <"$work/events.jsonl")   triples: $triples   jsonl: $(du -h "$work/events.jsonl" | cut -f1)"
echo
measure convert_jsonl_turtle $dg convert --no-progress "$work/events.jsonl" -o "$work/events.ttl"
measure serdi_nt_to_turtle serdi -i ntriples -o turtle "$work/events.nt"
measure sord_load_turtle $build/bench/sord_load "$work/events.ttl"
actor=$(grep -o '"name":"[^"]*"' "$work/events.jsonl" | head -1 | cut -d'"' -f4)
measure query_met_actor $dg query met --actor "$actor" --format csv "$work/events.ttl"
measure query_state_counts $dg query met --level state --count --format csv "$work/events.ttl"
echo
echo "convert / serdi (target <= 1.25, issue 2; <= 1.0, issue 7): $(ratio "${secs[convert_jsonl_turtle]}" "${secs[serdi_nt_to_turtle]}")"
echo "convert peak memory (target < 64 MB): ${mem[convert_jsonl_turtle]} MB"
echo "query met --actor, file to answer: ${secs[query_met_actor]} s ($(ratio "${secs[query_met_actor]}" "${secs[sord_load_turtle]}") x a bare Sord load)"
[[ -n ${KEEP:-} ]] || rm -rf "$work"
