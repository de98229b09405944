#!/usr/bin/env bash
# Draws the library's layers and their links as the build declares them (CMake's --graphviz), so
# that the README's picture of the architecture can be checked against the build itself.
# Writes build/layers/layers.dot, and layers.svg where Graphviz's dot is installed.
# Usage: scripts/layers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/layers
mkdir -p "$out"
cat >"$out/CMakeGraphVizOptions.cmake" <<'CMAKE'
set(GRAPHVIZ_GRAPH_NAME "diplograph layers")
set(GRAPHVIZ_EXTERNAL_LIBS OFF)
set(GRAPHVIZ_EXECUTABLES ON)
set(GRAPHVIZ_IGNORE_TARGETS "^layer_.*" "^test_.*" "^fuzz_.*" "diplograph_core" "^GTest.*" "^gtest.*" "^gmock.*")
set(GRAPHVIZ_GENERATE_PER_TARGET OFF)
set(GRAPHVIZ_GENERATE_DEPENDERS OFF)
CMAKE
cmake -S . -B "$out" -DDIPLOGRAPH_TESTS=OFF -DDIPLOGRAPH_INSTALL=OFF --graphviz="$out/layers.dot" >/dev/null
if command -v dot >/dev/null; then
  dot -Tsvg "$out/layers.dot" -o "$out/layers.svg"
  echo "layers: $out/layers.dot and $out/layers.svg"
else
  echo "layers: $out/layers.dot (apt-get install graphviz draws it)"
fi
