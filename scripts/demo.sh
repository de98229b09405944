#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine, builds diplograph, converts samples/ and asks the
# graph the seed article's three questions. Output goes to out/ (the graph, and a picture).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The Python package goes to the user's site-packages of Debian's python3 (the one with pandas).
python=/usr/bin/python3
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DDIPLOGRAPH_TESTS=OFF \
  -DPython_EXECUTABLE=$python -DDIPLOGRAPH_PYTHON_DIR="$($python -m site --user-site)" >/dev/null
cmake --build build/release -j "$(nproc)" --target diplograph diplograph_python >/dev/null
cmake --install build/release --component python >/dev/null
dg=build/release/diplograph
mkdir -p out

step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "$2"; }

step "Convert the samples to Turtle" "diplograph convert samples/*.jsonl samples/*.csv -o out/samples.ttl"
$dg convert --no-progress samples/*.jsonl samples/*.csv -o out/samples.ttl

step "1. Who did Muttaqi talk to, when, and how?" "diplograph query met --actor Muttaqi out/samples.ttl"
$dg query met --actor Muttaqi --columns date,type,actor_label,other_label out/samples.ttl

step "2. At what level are Afghanistan and Pakistan represented in each other's capitals, and what change was discussed?" \
     "diplograph query relation --between AFG --and PAK [--at 2025-06-01] out/samples.ttl"
$dg query relation --between AFG --and PAK --at 2025-06-01 --columns date,sending,receiving,level,status \
  --format csv out/samples.ttl | column -s, -t
echo
echo "History and pending changes:"
$dg query relation --between AFG --and PAK --columns date,sending,receiving,level,previous_level,status \
  out/samples.ttl | sed '/^Pending/,$d'

cow=../shared/data/cow/Diplomatic_Exchange_2006v1.excerpt.csv
if [ -f "$cow" ]; then
  step "2, across 75 years: the Correlates of War's observations, then the samples' records" \
       "diplograph convert $cow -o out/cow.ttl && diplograph query representation --between AFG --and PAK out/cow.ttl out/samples.ttl"
  $dg convert --no-progress "$cow" -o out/cow.ttl 2>/dev/null
  $dg query representation --between AFG --and PAK --format csv out/cow.ttl out/samples.ttl \
    | awk -F, 'NR == 1 || $2 == "AFG"' | cut -d, -f1-5,8 | column -s, -t
  echo "(level_at_1: Pakistan's mission in Kabul, level_at_2 Afghanistan's in Islamabad; 'represented',"
  echo " COW's 9, is a mission whose rank was not recorded: never a rank. The 2025 ambassadors are proposed.)"
fi

step "3. Which topics did the two states take up?" "diplograph query relation --between AFG --and PAK out/samples.ttl"
$dg query relation --between AFG --and PAK out/samples.ttl | sed -n '/^Interactions/,$p'

step "Who met whom, state by state, in the samples" "diplograph query met --level state --count out/samples.ttl"
$dg query met --level state --count --columns actor_label,other_label,events,first,last out/samples.ttl

step "The same questions from Python, answered as pandas data frames" \
     "python3 -c 'import diplograph; g = diplograph.open(\"out/samples.ttl\"); ...'"
$python - <<'EOF'
import diplograph
g = diplograph.open("out/samples.ttl")
met = g.met(actor="Muttaqi")
print(met[["date", "type", "actor_label", "other_label"]].to_string(index=False))
print(met.dtypes[["date", "type"]].to_string())
print(g.relation("AFG", "PAK", at="2025-06-01")[["date", "sending", "receiving", "level", "status"]].to_string(index=False))
EOF

$dg query met --format dot out/samples.ttl > out/met.dot
if command -v dot >/dev/null; then
  dot -Tpng out/met.dot -o out/met.png
  echo; echo "A picture of who met whom: out/met.png (Graphviz)"
fi

echo
echo "== Explore it in a browser"
echo "    $dg serve out/samples.ttl$([ -f out/cow.ttl ] && echo " out/cow.ttl")"
echo "then open http://127.0.0.1:8080/ : search \"Muttaqi\" for his network, AFG and PAK for the"
echo "representation timeline (a picture: docs/explorer.png; the JSON API: docs/serve.md)."
