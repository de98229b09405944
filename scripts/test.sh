#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and runs the whole test suite twice: a normal
# build with warnings as errors (and clang-tidy over every layer), and an AddressSanitizer +
# UndefinedBehaviorSanitizer build;
# then the tests that load files or build indexes (two threads each), and the HTTP server (its
# workers sharing one graph), under ThreadSanitizer.
# A throwaway Virtuoso (scripts/virtuoso.sh: its own directory and loopback ports) answers the
# SPARQL tests of both builds, and is stopped however the run ends.
# Usage: scripts/test.sh [--quick]   (--quick skips the sanitizer build)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test

jobs=$(nproc)
virtuoso_dir=$(mktemp -d /tmp/diplograph-virtuoso.XXXXXX)
trap 'scripts/virtuoso.sh stop "$virtuoso_dir"' EXIT
store_env=$(scripts/virtuoso.sh start "$virtuoso_dir")  # fails the run when it cannot start
eval "$store_env"
cmake -S . -B build/ci -DCMAKE_BUILD_TYPE=Release -DDIPLOGRAPH_WERROR=ON >/dev/null
cmake --build build/ci -j "$jobs"
# The W3C suites once, printing their pass count; then everything else.
build/ci/tests/test_w3c | grep "W3C RDF 1.1 syntax tests"
scripts/tidy.sh build/ci  # clang-tidy over every layer: a finding fails the run
ctest --test-dir build/ci -j "$jobs" --output-on-failure -E '^w3c_rdf11_syntax_suites$'

if [[ "${1:-}" != "--quick" ]]; then
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DDIPLOGRAPH_WERROR=ON -DDIPLOGRAPH_SANITIZE=ON >/dev/null
  cmake --build build/asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build/asan -j "$jobs" --output-on-failure
  cmake -S . -B build/tsan -DCMAKE_BUILD_TYPE=Debug -DDIPLOGRAPH_WERROR=ON -DDIPLOGRAPH_TSAN=ON >/dev/null
  cmake --build build/tsan -j "$jobs" --target diplograph test_rdf test_cli test_index test_serve
  TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build/tsan -j "$jobs" --output-on-failure -R '^(Pipeline|Store|Cli|Index|Serve)\.'
fi
