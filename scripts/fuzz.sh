#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, with ASan and UBSan) and runs each for SECONDS (default 60)
# on a seed corpus made from samples/ and ../shared/data. Findings go to build/fuzz/findings/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: jsonl csv gdelt icews polecat cow-dipex rdf query packed index
#                                             sparql api http
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(jsonl csv gdelt icews polecat cow-dipex rdf query packed index sparql api http)
scripts/setup.sh --fuzz
data=../shared/data
out=build/fuzz
CC=clang CXX=clang++ cmake -S . -B $out -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIPLOGRAPH_FUZZ=ON \
  -DDIPLOGRAPH_TESTS=OFF >/dev/null
cmake --build $out -j "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

seed() {  # seed NAME FILE... : one corpus file per line of each file, and the files whole
  local dir=$out/corpus/$1
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [[ -f $f ]] || continue
    head -c 65536 "$f" >"$dir/$(basename "$f").whole"
    split -l 1 -a 4 -d <(head -n 200 "$f") "$dir/$(basename "$f")." || true
  done
}
seed jsonl samples/*.jsonl
seed csv samples/*.csv
seed gdelt "$data"/gdelt/*.export.CSV
seed icews "$data"/icews/events.2018.sample.tab
seed cow-dipex "$data"/cow/Diplomatic_Exchange_2006v1.excerpt.csv
seed polecat "$data"/polecat/ngecEvents.2024-05-26.sample.txt
mkdir -p $out/corpus/rdf
i=0
for f in "$data"/w3c-rdf-tests/*/*.{ttl,nt,nq,trig}; do
  case $f in *.ttl) p=0 ;; *.nt) p=1 ;; *.nq) p=2 ;; *) p=3 ;; esac
  { printf "\\x0$p"; head -c 8192 "$f"; } >"$out/corpus/rdf/$((i++))"
done

# The questions: the samples' graph, a few events at a time, and the query tests' Turtle.
mkdir -p $out/corpus/query
split -l 40 -a 3 -d tests/golden/samples.nt $out/corpus/query/samples.
sed -n '/^const std::string kData = R"(/,/^)";/p' tests/test_query.cpp | sed '1d;$d' >$out/corpus/query/test_query.ttl

# Packed inputs: the first byte names the file (.gz, .zip, plain, .xz), the rest is its content.
mkdir -p $out/corpus/packed
head -c 4000 "$data"/icews/events.2018.sample.tab | gzip -c | { printf '\x00'; cat; } >$out/corpus/packed/icews.gz
(cd "$data"/gdelt && head -c 4000 20150218230000.export.CSV >/tmp/dg-fuzz-20150218230000.export.CSV)
rm -f /tmp/dg-fuzz.zip && zip -qj /tmp/dg-fuzz.zip /tmp/dg-fuzz-20150218230000.export.CSV
{ printf '\x01'; cat /tmp/dg-fuzz.zip; } >$out/corpus/packed/gdelt.zip
{ printf '\x02'; cat samples/seed.jsonl; } >$out/corpus/packed/seed.jsonl

# Index files: the samples' index and the index of the query tests' Turtle (built by the
# release binary beside the fuzzers).
mkdir -p $out/corpus/index
cmake --build $out -j "$(nproc)" --target diplograph >/dev/null
$out/diplograph index -q -o $out/corpus/index/samples.idx tests/golden/samples.nt
$out/diplograph index -q -o $out/corpus/index/test_query.idx $out/corpus/query/test_query.ttl

# SPARQL results documents: the samples' statements as a store sends them, JSON and XML (rdflib
# writes them).
mkdir -p $out/corpus/sparql
for n in {json,xml}.{0..7}; do
  /usr/bin/python3 - tests/golden/samples.nt ${n#*.} ${n%.*} >$out/corpus/sparql/samples.$n <<'PY'
import sys, rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="nt")
part = int(sys.argv[2])
rows = sorted(g, key=str)[part * 18:(part + 1) * 18]
sub = rdflib.Graph()
for t in rows:
    sub.add(t)
sys.stdout.write(sub.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").serialize(format=sys.argv[3]).decode())
PY
done

# API requests: ROUTE?PARAMS as the explorer and the tests send them.
mkdir -p $out/corpus/api
i=0
for u in "met?actor=Muttaqi" "met?level=state&count=1" "relation?between=AFG&and=PAK&at=2025-06-01" \
  "path?from=Muttaqi&to=Mohammad Ishaq Dar&via=person" "timeline?actor=Korea" "actors?q=kim&limit=3" \
  "events?cameo=04&quad-class=1&goldstein=-2:5" "dyads?by=month&directed=1&codes=cow&format=csv&columns=period"; do
  printf %s "$u" >$out/corpus/api/$((i++)).txt
done

# HTTP request heads (without the empty line that ends them), as browsers and clients send them.
mkdir -p $out/corpus/http
printf 'GET /api/met?actor=Muttaqi&since=2018 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*' >$out/corpus/http/get
printf 'HEAD /explorer.js HTTP/1.0\r\nConnection: keep-alive' >$out/corpus/http/head
printf 'POST /api/met HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked' >$out/corpus/http/post
printf 'GET http://h/api/?q=%%E2%%82%%AC+x HTTP/1.1\r\nX-A: 1\r\nX-B:\t2 ' >$out/corpus/http/absolute

mkdir -p $out/findings
for t in "${targets[@]}"; do
  echo "== fuzz_$t for ${seconds}s"
  len=8192
  [[ $t == index ]] && len=131072  # an index of the samples is 80 KiB
  $out/fuzz/fuzz_$t -max_total_time="$seconds" -max_len=$len -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=$out/findings/$t- -print_final_stats=1 $out/corpus/$t 2>&1 |
    grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss|.*ERROR|SUMMARY)|cov:" | tail -4
done
