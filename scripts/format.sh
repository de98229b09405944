#!/usr/bin/env bash
# Formats every C++ source per .clang-format (the format_check test checks the same files).
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -co --exclude-standard -- '*.cpp' '*.hpp' '*.c' | grep -v '^build' | xargs clang-format -i
