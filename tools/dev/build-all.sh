#!/usr/bin/env bash
# build-all.sh — builds everything: the native core, CLI and tests (build/native), the WebAssembly
# core and JS API (dist/lib), the training site (dist/site) and the extension (dist/extension, zips).
set -euo pipefail
cd "$(dirname "$0")/../.."
export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs acorn from here
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset native >/dev/null
cmake --build --preset native -j"$jobs"
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j"$jobs"
node tools/build-site.mjs
node tools/build-extension.mjs
