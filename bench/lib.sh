# Shared by the benchmark scripts (sourced from the repository root): the Debian tools, a
# Release build of TARGETS (all when none), and a work directory (BENCH_DIR, or a fresh one
# named after NAME). Sets `build` and `work`.
#   bench_setup NAME [TARGET...]
bench_setup() {
  local name=$1
  shift
  build=build/release
  scripts/setup.sh --bench
  command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
  cmake -S . -B $build -DCMAKE_BUILD_TYPE=Release -DDIPLOGRAPH_TESTS=OFF >/dev/null
  if [[ $# -gt 0 ]]; then
    cmake --build $build -j "$(nproc)" --target "$@" >/dev/null
  else
    cmake --build $build -j "$(nproc)" >/dev/null
  fi
  work=${BENCH_DIR:-$(mktemp -d "/tmp/diplograph-$name.XXXXXX")}
  mkdir -p "$work"
}
