#!/usr/bin/env bash
# test.sh — install what is missing, build everything, and run every test: the native doctest suites
# and the dev-corpus gate (ctest, Release), the same suites under AddressSanitizer + UBSan, the JS API
# tests against the real wasm (node --test), short fuzz runs, and the real-Chromium tests of the site
# and the extension.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/dev/install-deps.sh
bash tools/dev/build-all.sh
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc 2>/dev/null || echo 2)

status=0
step() {
  echo
  echo "==> $*"
  "$@" || { echo "FAILED: $*"; status=1; }
}

step ctest --preset native -j"$jobs"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs"
step ctest --preset asan -j"$jobs"
for dir in tests/js tests/e2e/site tests/e2e/extension; do
  files=$(find "$dir" -name '*.test.mjs' 2>/dev/null | sort)
  [ -z "$files" ] || step node --test $files
done
if [ -x tests/fuzz/run-short.sh ]; then step bash tests/fuzz/run-short.sh; fi
exit $status
