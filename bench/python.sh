#!/usr/bin/env bash
# The Python package at the 1M-event index (issue 30): `dyads --by month --level state` into a
# DataFrame beside the command line's CSV read with pandas.read_csv, and one actor's meetings
# after open(). The generator's 1M records (dg_generate jsonl 1000000 1), converted and indexed.
# Targets: the panel into a frame under 1.5 s; one actor's meetings under 5 ms after open.
#   bench/python.sh [EVENTS]     (BENCH_DIR=DIR keeps and reuses the files)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
source bench/lib.sh
bench_setup python diplograph dg_generate diplograph_python
[[ -s $work/events.jsonl ]] || $build/bench/dg_generate jsonl "$n" 1 >"$work/events.jsonl"
[[ -s $work/events.ttl ]] || $build/diplograph convert --no-progress "$work/events.jsonl" -o "$work/events.ttl" 2>/dev/null
[[ -s $work/events.idx ]] || $build/diplograph index -q -o "$work/events.idx" "$work/events.ttl"
name=$(awk -F'"name":"' 'NR == 1 { split($2, a, "\""); print a[1]; exit }' "$work/events.jsonl")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); events: $n; actor: $name"
PYTHONPATH=$build/python /usr/bin/python3 bench/python.py "$build/diplograph" "$work/events.idx" "$name"
[[ -n "${BENCH_DIR:-}" ]] || rm -rf "$work"
