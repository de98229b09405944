#!/usr/bin/env bash
# Runs clang-tidy (the checks of .clang-tidy, every finding an error) over every source of every
# layer and the command line, with the compile commands of a configured build.
# Usage: scripts/tidy.sh [BUILD_DIR]   (default build/ci; configure it first)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
[[ -f $build/compile_commands.json ]] || { echo "tidy: no $build/compile_commands.json (configure $build first)" >&2; exit 2; }
layers='(util|model|rdf|converters|query|present|indexfile|sparql|backends|serve|cli|python)'
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! run-clang-tidy -p "$build" -quiet -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option \
  "$(pwd)/$layers/.*\.cpp\$" >"$log" 2>&1; then
  grep -E "(warning|error):" "$log" | sort -u >&2 || cat "$log" >&2
  echo "tidy: clang-tidy found the above (.clang-tidy lists the checks kept)" >&2
  exit 1
fi
echo "tidy: $(grep -c '"file"' "$build/compile_commands.json") compile commands, every layer's sources clean"
