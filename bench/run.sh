#!/usr/bin/env bash
# The benchmark: diplograph against its baselines on the same generated files, in one run.
#   bench/run.sh [EVENTS]        (default 200000; the issues' targets are at 200k and 1M)
#   ONLY=index bench/run.sh 1000000   just the persistent index against the Turtle (issue 13)
#   ONLY=store bench/run.sh 1000000   the index, then a throwaway Virtuoso (issue 14)
#   ONLY=serve bench/run.sh 1000000   `diplograph serve` on the index: request to JSON (issue 17)
#                                     (with BENCH_DIR of an earlier run, its files are reused)
#   ONLY=store-questions BENCH_DIR=... bench/run.sh 1000000   the store's questions again, on the
#                                     Virtuoso an earlier `KEEP=1 ONLY=store` run loaded
# Baselines: serdi (parse and write), a bare Sord load (bench/sord_load.c: SPO, OPS and POS),
# and, where installed, Oxigraph (npm package `oxigraph`, in Node) and rdflib (Debian's
# python3-rdflib) answering the same who-met-whom question in SPARQL, their answers checked
# equal to diplograph's (above 200k events on the graph cut to what the question reads: see
# below).
# Prints wall time and peak resident memory per step, then the ratios the targets are about.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}
source bench/lib.sh
bench_setup bench
if command -v node >/dev/null && [[ ! -d bench/node_modules/oxigraph ]]; then
  (cd bench && npm install --no-save --silent oxigraph >/dev/null 2>&1) || true
fi
dg=$build/diplograph

declare -A secs mem ms slowest
measure() {  # measure NAME COMMAND... : wall seconds and peak RSS (MB) of one run; stdout kept
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
    echo "bench: $name failed: $(grep -m3 -iE 'error|memory|abort' "$work/$name.err" || tail -3 "$work/$name.err")" >&2
    return 1
  }
  read -r secs[$name] kb <"$work/$name.time"
  mem[$name]=$((kb / 1024))
  printf '%-30s %9.2f s %8d MB\n' "$name" "${secs[$name]}" "${mem[$name]}"
}
timed() {  # timed NAME RUNS COMMAND... : median and slowest wall ms of RUNS runs; the last stdout kept
  local name=$1 runs=$2 i start
  shift 2
  local took=()
  for ((i = 0; i < runs; i++)); do
    start=${EPOCHREALTIME/./}  # microseconds, read without starting a process (bash 5)
    "$@" >"$work/$name.out" 2>"$work/$name.err" || { echo "bench: $name failed: $(tail -3 "$work/$name.err")" >&2; return 1; }
    took+=($(((${EPOCHREALTIME/./} - start) / 1000)))
  done
  mapfile -t took < <(printf '%s\n' "${took[@]}" | sort -n)
  ms[$name]=${took[$((runs / 2))]}
  slowest[$name]=${took[$((runs - 1))]}
  printf '%-30s median %6d ms, slowest %6d ms of %d\n' "$name" "${ms[$name]}" "${slowest[$name]}" "$runs"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = (b > 0 ? a / b : 0); printf (r < 0.1 ? "%.4f" : "%.2f"), r }'; }
same() {  # same A B: the two answers' event,other lines are equal
  if cmp -s "$1" "$2"; then echo "same answer ($(wc -l <"$1") rows)"; else echo "DIFFERENT ANSWERS"; fi
}

# `diplograph serve` on the index (issue 17): time from request to JSON for one actor's meetings,
# over loopback, the server started once; the answer checked against the command line's.
serve_section() {
  echo
  echo "== diplograph serve on the index (issue 17)"
  local name=$1 log=$work/serve.log port
  [[ -f $work/events.idx ]] || $dg index -q -o "$work/events.idx" "$work/events.ttl"
  $dg serve --port 0 "$work/events.idx" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do grep -q 'the API at' "$log" && break; sleep 0.1; done
  port=$(grep -o '127.0.0.1:[0-9]*' "$log" | cut -d: -f2)
  local url="http://127.0.0.1:$port/api/met?actor=$(printf %s "$name" | sed 's/ /%20/g')"
  curl -sf "$url&format=csv" >"$work/serve_met.csv"
  $dg query met --actor "$name" --format csv "$work/events.idx" >"$work/cli_met.csv"
  echo "    $(same "$work/serve_met.csv" "$work/cli_met.csv") as \`query met\` on the index"
  for _ in $(seq 50); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n >"$work/serve_times"
  echo "serve met --actor (JSON), request to answer: median $(awk '{ t[NR] = $1 } END { printf "%.1f", 1000 * t[int((NR + 1) / 2)] }' "$work/serve_times") ms, slowest $(awk 'END { printf "%.1f", 1000 * $1 }' "$work/serve_times") ms of 50, $(wc -c <"$work/serve_met.csv") bytes of CSV  (target < 20 ms at 1M)"
  kill "$pid"
  wait "$pid" || true
}
if [[ ${ONLY:-} == serve && -s $work/events.jsonl && -s $work/events.ttl ]]; then
  serve_section "$(awk -F'"name":"' 'NR == 1 { split($2, a, "\""); print a[1]; exit }' "$work/events.jsonl")"
  exit 0
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "events: $n   work files: $work"
if [[ ${ONLY:-} != store-questions ]]; then  # that one reuses BENCH_DIR's files
  $build/bench/dg_generate jsonl "$n" 1 >"$work/events.jsonl"
  $dg convert --no-progress -t ntriples "$work/events.jsonl" -o "$work/events.nt" 2>/dev/null
  $dg ontology -t ntriples -o "$work/ontology.nt"
fi
echo "records: $(wc -l <"$work/events.jsonl")   triples: $(wc -l <"$work/events.nt")   jsonl: $(du -h "$work/events.jsonl" | cut -f1)"

# The persistent index (issue 13): the same questions from the Turtle and from the index, side
# by side, process start to answer; the index's size, build time and build memory.
index_section() {
  echo
  echo "== the persistent index (issue 13)"
  local name=$1
  [[ -f $work/events.ttl ]] || $dg convert --no-progress "$work/events.jsonl" -o "$work/events.ttl"
  measure turtle_met $dg query met --actor "$name" --format csv "$work/events.ttl"
  measure index_build $dg index -q -o "$work/events.idx" "$work/events.ttl"
  measure index_met $dg query met --actor "$name" --format csv "$work/events.idx"
  echo "    $(same "$work/turtle_met.out" "$work/index_met.out")"
  measure turtle_dyads $dg query dyads --by month --level state --format csv "$work/events.ttl"
  measure index_dyads $dg query dyads --by month --level state --format csv "$work/events.idx"
  echo "    $(same "$work/turtle_dyads.out" "$work/index_dyads.out")"
  measure index_verify $dg index --verify "$work/events.idx"
  local idx ttl
  idx=$(stat -c %s "$work/events.idx")
  ttl=$(stat -c %s "$work/events.ttl")
  echo "index met / Turtle met, start to answer:    $(ratio "${secs[index_met]}" "${secs[turtle_met]}")  (${secs[index_met]} s; targets < 0.005 and < 0.05 s at 1M)"
  echo "index dyads --by month --level state:       ${secs[index_dyads]} s  (target < 1 s at 1M; Turtle ${secs[turtle_dyads]} s)"
  echo "index size / Turtle size:                   $(ratio "$idx" "$ttl")  ($((idx / 1048576)) MiB; target <= 1)"
  echo "index build / Turtle load for met:          $(ratio "${secs[index_build]}" "${secs[turtle_met]}")  (target <= 1.5)"
  echo "index build memory / Turtle met memory:     $(ratio "${mem[index_build]}" "${mem[turtle_met]}")  (${mem[index_build]} MB; target <= 0.25)"
}
# A SPARQL store (issue 14): a throwaway Virtuoso loaded by `diplograph load --store` and by its
# own bulk loader, then the same questions asked of it, of the Turtle and of the index.
store_section() {
  echo
  echo "== a SPARQL store: Virtuoso (issue 14)"
  local name=$1 vdir=$work/virtuoso g=urn:diplograph:bench
  local env_lines
  env_lines=$(VIRTUOSO_BUFFERS=${VIRTUOSO_BUFFERS:-680000} VIRTUOSO_DIRTY_BUFFERS=500000 scripts/virtuoso.sh start "$vdir")
  eval "$env_lines"
  trap 'scripts/virtuoso.sh stop "'"$vdir"'"' EXIT
  local triples
  triples=$(($(wc -l <"$work/events.nt") + $(wc -l <"$work/ontology.nt")))
  measure store_load $dg load --store "$DIPLOGRAPH_TEST_STORE" --user dba --graph $g "$work/ontology.nt" "$work/events.nt"
  mkdir -p "$vdir/bulk" && cp "$work/events.nt" "$work/ontology.nt" "$vdir/bulk/"
  measure store_bulk_loader $DIPLOGRAPH_TEST_ISQL exec="ld_dir('$vdir/bulk', '*.nt', '$g:bulk'); rdf_loader_run(); checkpoint;"
  echo "load --store / bulk loader rate:            $(ratio "${secs[store_bulk_loader]}" "${secs[store_load]}")  ($triples triples: $(awk -v t=$triples -v s="${secs[store_load]}" 'BEGIN{printf "%.0f", t/s}')/s against $(awk -v t=$triples -v s="${secs[store_bulk_loader]}" 'BEGIN{printf "%.0f", t/s}')/s; target >= 0.5)"
  store_questions "$name" $g
  scripts/virtuoso.sh stop "$vdir"
  trap - EXIT
}

# The questions asked of the loaded store, of the Turtle and of the index. One actor's meetings are
# timed over ten runs (median and slowest, process start to answer), beside the best hand-written
# query for the same rows (curl, in the store's faster results format, XML).
store_questions() {
  local name=$1 g=$2
  local at="--endpoint $DIPLOGRAPH_TEST_ENDPOINT --graph $g"
  $dg query met --actor "$name" --format csv $at >/dev/null  # the store's caches warm, as in use
  timed store_met 10 $dg query met --actor "$name" --format csv $at
  [[ -f $work/turtle_met.out ]] && echo "    $(same "$work/turtle_met.out" "$work/store_met.out") as the Turtle"
  [[ -f $work/index_met.out ]] && echo "    $(same "$work/index_met.out" "$work/store_met.out") as the index"
  hand_met "$g" "$(awk -F, 'NR == 2 { print $4 }' "$work/store_met.out")" >"$work/hand_met.rq"
  timed store_met_hand 10 curl -sf -H 'Accept: application/sparql-results+xml' --data-urlencode "query@$work/hand_met.rq" "$DIPLOGRAPH_TEST_ENDPOINT"
  [[ -f $work/events.idx ]] && timed index_met_runs 10 $dg query met --actor "$name" --format csv "$work/events.idx"
  measure store_pairs $dg query met --level state --count --format csv $at
  hand_pairs "$g" >"$work/hand_pairs.rq"
  measure store_pairs_hand curl -sf -H 'Accept: application/sparql-results+json' --data-urlencode "query@$work/hand_pairs.rq" "$DIPLOGRAPH_TEST_ENDPOINT"
  [[ -f $work/turtle_pairs.out ]] || measure turtle_pairs $dg query met --level state --count --format csv "$work/events.ttl"
  echo "    $(same "$work/turtle_pairs.out" "$work/store_pairs.out") as the Turtle; hand-written: $(grep -c '"n"' "$work/store_pairs_hand.out") pairs"
  echo "store met --actor, start to answer:         median ${ms[store_met]} ms, slowest ${slowest[store_met]} ms  (target < 100 ms at 1M; hand-written query alone: median ${ms[store_met_hand]} ms)"
  echo "store state pairs / hand-written SPARQL:    $(ratio "${secs[store_pairs]}" "${secs[store_pairs_hand]}")  (${secs[store_pairs]} s; target <= 1.5)"
}

# The hand-written query for one actor's meetings: its events of an interaction class, with
# their date, source and the other participants' labels.
hand_met() {
  cat <<EOF2
PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?d ?class ?o ?l ?src FROM <$1> WHERE {
  VALUES ?class { dg:Interaction dg:Meeting dg:PhoneCall dg:Visit dg:Negotiation dg:Consultation dg:Mediation dg:AgreementSigning }
  ?e dg:participant <$2> ; a ?class ; dg:participant ?o . FILTER(?o != <$2>)
  OPTIONAL { ?e dg:date ?d } OPTIONAL { ?o rdfs:label ?l } OPTIONAL { ?e <http://purl.org/dc/terms/source> ?src }
}
EOF2
}

# The best hand-written query for state-pair counts on this data: officials' states by
# dg:represents, every interaction class listed.
hand_pairs() {
  cat <<EOF2
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?n) (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) FROM <$1> WHERE {
  VALUES ?c { dg:Interaction dg:Meeting dg:PhoneCall dg:Visit dg:Negotiation dg:Consultation dg:Mediation dg:AgreementSigning }
  ?e a ?c ; dg:participant ?x , ?y ; dg:date ?d .
  ?x dg:represents ?a . ?y dg:represents ?b .
  FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b
EOF2
}

if [[ ${ONLY:-} == store ]]; then
  index_section "$(awk -F'"name":"' 'NR == 1 { split($2, a, "\""); print a[1]; exit }' "$work/events.jsonl")"
  store_section "$(awk -F'"name":"' 'NR == 1 { split($2, a, "\""); print a[1]; exit }' "$work/events.jsonl")"
  [[ -n ${KEEP:-} ]] || rm -rf "$work"
  exit 0
fi
if [[ ${ONLY:-} == store-questions ]]; then  # BENCH_DIR of an ONLY=store run with KEEP=1: no loading
  echo "== the questions again, on the store loaded before (issue 14)"
  env_lines=$(VIRTUOSO_BUFFERS=${VIRTUOSO_BUFFERS:-680000} VIRTUOSO_DIRTY_BUFFERS=500000 scripts/virtuoso.sh start "$work/virtuoso")
  eval "$env_lines"
  trap 'scripts/virtuoso.sh stop "$work/virtuoso"' EXIT
  store_questions "$(awk -F'"name":"' 'NR == 1 { split($2, a, "\""); print a[1]; exit }' "$work/events.jsonl")" urn:diplograph:bench
  exit 0
fi
if [[ ${ONLY:-} == serve ]]; then
  serve_section "$(awk -F'"name":"' 'NR == 1 { split($2, a, "\""); print a[1]; exit }' "$work/events.jsonl")"
  [[ -n ${KEEP:-} ]] || rm -rf "$work"
  exit 0
fi
if [[ ${ONLY:-} == index ]]; then
  index_section "$(awk -F'"name":"' 'NR == 1 { split($2, a, "\""); print a[1]; exit }' "$work/events.jsonl")"
  [[ -n ${KEEP:-} ]] || rm -rf "$work"
  exit 0
fi

echo
echo "== convert (issues 2 and 7)"
measure convert_jsonl_to_turtle $dg convert --no-progress "$work/events.jsonl" -o "$work/events.ttl"
measure serdi_nt_to_turtle serdi -i ntriples -o turtle "$work/events.nt"
echo
echo "== GDELT rows (issue 3)"
$build/bench/dg_generate gdelt "$n" 1 >"$work/events.export.CSV"
$dg convert --no-progress -t ntriples "$work/events.export.CSV" -o "$work/gdelt.nt" 2>/dev/null
measure convert_gdelt_to_turtle $dg convert --no-progress "$work/events.export.CSV" -o "$work/gdelt.ttl"
measure serdi_gdelt_nt_to_turtle serdi -i ntriples -o turtle "$work/gdelt.nt"
echo
echo "== merge without --smush (issue 5)"
measure merge_nt $dg merge "$work/events.nt" "$work/gdelt.nt" -o "$work/merged.nt"
measure serdi_rewrite_nt sh -c "serdi -i ntriples -o ntriples '$work/events.nt' && serdi -i ntriples -o ntriples '$work/gdelt.nt'"
echo
echo "== loading and querying (issues 4 and 7)"
measure sord_load_turtle $build/bench/sord_load "$work/events.ttl"
actor_name=$(awk -F'"name":"' 'NR == 1 { split($2, a, "\""); print a[1]; exit }' "$work/events.jsonl")
measure query_bench $build/bench/dg_query_bench "$work/events.ttl" "$actor_name" USA RUS 20
sed 's/^/    /' "$work/query_bench.out"
actor=$($dg query met --actor "$actor_name" --format csv --columns actor "$work/events.ttl" | tr -d '\r' | sed -n 2p)
echo "    (actor: $actor_name, $actor)"
# Oxigraph's npm build is WebAssembly (a 4 GiB address space) and rdflib needs ~1 GB per million
# triples: above 200k events neither holds the whole graph here, so all three answer from the
# same file cut to the statements the SPARQL question reads (participants and types).
measure diplograph_met_nt $dg query met --actor "$actor" --format csv --columns event,other "$work/events.nt"
met_file=$work/events.nt
met_step=diplograph_met_nt
if ((n > 200000)); then
  met_file=$work/events-met.nt
  met_step=diplograph_met_cut
  grep -E '#participant> |rdf-syntax-ns#type> ' "$work/events.nt" >"$met_file"
  echo "    (cut for the baselines: $(wc -l <"$met_file") of $(wc -l <"$work/events.nt") triples)"
  measure $met_step $dg query met --actor "$actor" --format csv --columns event,other "$met_file"
fi
tail -n +2 "$work/$met_step.out" | tr -d '\r' | sort -u >"$work/answer.diplograph"
tail -n +2 "$work/diplograph_met_nt.out" | tr -d '\r' | sort -u | cmp -s - "$work/answer.diplograph" ||
  echo "    DIFFERENT ANSWERS on the cut file"
if [[ -d bench/node_modules/oxigraph ]]; then
  measure oxigraph_met_nt env NODE_PATH=bench/node_modules node --max-old-space-size=16000 \
    bench/baselines/oxigraph_met.js "$work/ontology.nt" "$met_file" "$actor" &&
    echo "    oxigraph: $(same "$work/oxigraph_met_nt.out" "$work/answer.diplograph")"
fi
if /usr/bin/python3 -c 'import rdflib' 2>/dev/null; then
  measure rdflib_met_nt /usr/bin/python3 bench/baselines/rdflib_met.py "$work/ontology.nt" "$met_file" "$actor" &&
    echo "    rdflib: $(same "$work/rdflib_met_nt.out" "$work/answer.diplograph")"
fi
index_section "$actor_name"
serve_section "$actor_name"
store_section "$actor_name"
echo
echo "== ratios"
echo "convert / serdi writing the same triples:   $(ratio "${secs[convert_jsonl_to_turtle]}" "${secs[serdi_nt_to_turtle]}")  (targets: <= 1.25 issue 2, <= 1.0 issue 7)"
echo "convert peak memory:                        ${mem[convert_jsonl_to_turtle]} MB  (target < 64 MB)"
echo "GDELT convert / serdi:                      $(ratio "${secs[convert_gdelt_to_turtle]}" "${secs[serdi_gdelt_nt_to_turtle]}")  (memory ${mem[convert_gdelt_to_turtle]} MB)"
triples=$(( $(wc -l <"$work/events.nt") + $(wc -l <"$work/gdelt.nt") ))
echo "merge: $(awk -v t="$triples" -v s="${secs[merge_nt]}" 'BEGIN{printf "%.0f", t/s}') triples/s, serdi: $(awk -v t="$triples" -v s="${secs[serdi_rewrite_nt]}" 'BEGIN{printf "%.0f", t/s}') triples/s (memory ${mem[merge_nt]} MB)"
load_ms=$(awk '/load for met/ {print $4}' "$work/query_bench.out")
echo "load for a query / bare Sord load:          $(ratio "$(awk -v m="$load_ms" 'BEGIN{print m/1000}')" "${secs[sord_load_turtle]}")  (target <= 0.6)"
after() { awk -v k="$1" '$0 ~ k {print $(NF - 3)}' "$work/query_bench.out"; }
echo "after loading: met --actor $(after 'met --actor') ms, relation history $(after 'relation history') ms (targets < 1 ms); state-pair counts $(after 'state-pair counts') ms (target < 300 ms); dyads --by month --level state $(after 'dyads month state') ms (target < 1000 ms at 1M)"
[[ -n ${secs[oxigraph_met_nt]:-} ]] && echo "Oxigraph / diplograph, query met end to end: $(ratio "${secs[oxigraph_met_nt]}" "${secs[$met_step]}")x  (target >= 4; $(basename "$met_file"))"
[[ -n ${secs[rdflib_met_nt]:-} ]] && echo "rdflib / diplograph, query met end to end:   $(ratio "${secs[rdflib_met_nt]}" "${secs[$met_step]}")x  (target >= 10; $(basename "$met_file"))"
[[ -n ${KEEP:-} ]] || rm -rf "$work"
