#!/usr/bin/env bash
# Minted IRIs served from the 1M-event index (issue 31): `diplograph serve` on the index, then
# for the busiest person and state (most events) and an event, 21 requests per syntax timed by curl from request
# to last byte; the median and the slowest. Target: a description under 20 ms, a busy actor's
# page bounded (500 naming statements at most).
#   bench/linked.sh [EVENTS]     (BENCH_DIR=DIR keeps and reuses the files, e.g. bench/python.sh's)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
source bench/lib.sh
bench_setup linked diplograph dg_generate
command -v curl >/dev/null || { echo "bench: needs curl" >&2; exit 1; }
[[ -s $work/events.jsonl ]] || $build/bench/dg_generate jsonl "$n" 1 >"$work/events.jsonl"
[[ -s $work/events.ttl ]] || $build/diplograph convert --no-progress "$work/events.jsonl" -o "$work/events.ttl" 2>/dev/null
[[ -s $work/events.idx ]] || $build/diplograph index -q -o "$work/events.idx" "$work/events.ttl"
$build/diplograph serve --port 0 "$work/events.idx" >"$work/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q "http://" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^/]*/' "$work/serve.out" | head -1)
# The busiest state and person (`actors` lists most events first), and an event.
actors=$($build/diplograph actors --format csv "$work/events.idx")
state=$(awk -F, '$1 ~ /\/state\// { print $1; exit }' <<<"$actors")
person=$(awk -F, '$1 ~ /\/person\// { print $1; exit }' <<<"$actors")
event=$($build/diplograph query timeline --actor "$person" --format csv "$work/events.idx" 2>/dev/null |
  awk -F, 'NR == 2 { print $2 }')  # reads it all: an early exit would break the pipe
echo "machine: $(nproc) cores; events: $n; served at $url"
for iri in "$person" "$state" "$event"; do
  path=${iri#https://w3id.org/diplograph/}
  for type in text/turtle application/n-triples application/ld+json text/html; do
    for _ in $(seq 21); do curl -s -o "$work/body" -w '%{time_total}\n' -H "Accept: $type" "$url$path"; done |
      sort -n >"$work/times"
    awk -v p="$path" -v t="$type" -v b="$(wc -c <"$work/body")" \
      '{ s[NR] = $1 } END { printf "%-40s %-22s median %5.1f ms, slowest %5.1f ms, %7d bytes\n", p, t, 1000 * s[11], 1000 * s[21], b }' \
      "$work/times"
  done
done
[[ -n "${BENCH_DIR:-}" ]] || rm -rf "$work"
