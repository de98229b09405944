#!/usr/bin/env bash
# Installs the Debian packages diplograph needs to build, test and run its demo.
# Only missing packages are installed; apt-get runs through sudo when not root.
# Usage: scripts/setup.sh [--test]   (--test adds the tools the test suite uses)
set -euo pipefail

packages=(build-essential cmake pkg-config libserd-dev libsord-dev serdi sordi
          libsimdjson-dev liburiparser-dev libarchive-dev libboost-program-options-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev googletest clang-format clang raptor2-utils zip)
else
  packages+=(graphviz time)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
