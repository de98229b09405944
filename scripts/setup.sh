#!/usr/bin/env bash
# Installs the Debian packages diplograph needs to build, test and run its demo.
# Only missing packages are installed; apt-get runs through sudo when not root.
# Usage: scripts/setup.sh [--test|--fuzz|--bench]   (each adds what that job uses; none: the demo)
set -euo pipefail

packages=(build-essential cmake pkg-config libserd-dev libsord-dev libsimdjson-dev liburiparser-dev
          libboost-program-options-dev libarchive-dev libicu-dev libcurl4-openssl-dev
          zlib1g-dev libjs-d3 pybind11-dev python3-dev python3-pandas)  # the last three: the Python package
case "${1:-}" in
  --test) packages+=(libgtest-dev libcpp-httplib-dev clang-format clang-tidy serdi raptor2-utils python3-rdflib python3-networkx
                   chromium chromium-driver python3-selenium zip bzip2 virtuoso-opensource rasqal-utils python3-pytest python3-pyld
                   nodejs) ;;
                   # cross-checks: serdi, rapper, rdflib, networkx, roqet (SPARQL syntax); a real browser;
                   # zip, bzip2 pack; a SPARQL store to ask (started throwaway by scripts/virtuoso.sh)
  --fuzz) packages+=(clang zip) ;;                               # libFuzzer; zip for the packed corpus
  --bench) packages+=(time serdi virtuoso-opensource) ;;         # /usr/bin/time measures; serdi, Virtuoso baselines
  *) packages+=(graphviz) ;;                                     # the demo draws who met whom
esac

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi

install() {
  echo "setup: installing $*" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] || install "${missing[@]}"

# The npm SHACL engine the tests run the shapes with (tests/shacl: rdf-validate-shacl, as locked
# in its package-lock.json), from the npm registry; npm from Debian when Node.js came without it.
# Without the registry the SHACL test is skipped, saying so, rather than failing the set-up.
if [[ "${1:-}" == "--test" ]]; then
  command -v npm >/dev/null || install npm
  lock=tests/shacl/package-lock.json installed=tests/shacl/node_modules/.package-lock.json
  if [[ ! -f $installed || $lock -nt $installed ]]; then
    echo "setup: npm ci in tests/shacl (the SHACL engine)" >&2
    npm ci --prefix tests/shacl --no-audit --no-fund --loglevel=error >/dev/null ||
      echo "setup: warning: npm ci in tests/shacl failed; the SHACL test will be skipped" >&2
  fi
fi
