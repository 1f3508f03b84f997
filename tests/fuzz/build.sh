#!/usr/bin/env bash
# build.sh — builds the libFuzzer targets with clang (outside the g++ presets), in build/fuzz.
# The core and the embedded default policy are built by the project's own CMake (so their source
# lists live in one place) with fuzzer/ASan/UBSan instrumentation; each target is then one clang++
# link of tests/fuzz/<target>.cpp against them. Re-running rebuilds only what changed.
# Usage: tests/fuzz/build.sh   (env: CXX=clang++ by default, BUILD_DIR=build/fuzz, JOBS=2)
set -euo pipefail
cd "$(dirname "$0")/../.."

CXX=${CXX:-clang++}
BUILD_DIR=${BUILD_DIR:-build/fuzz}
JOBS=${JOBS:-2}
TARGETS=(fuzz_policy_loader fuzz_policy_image fuzz_text fuzz_check)

SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# -O1 -g: fast enough to fuzz, symbolised stacks. NDEBUG off so the core's own asserts fire.
FLAGS="-O1 -g $SANITIZE"

if ! command -v "$CXX" >/dev/null; then
  echo "build.sh: $CXX not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi

# The library: fuzzer-no-link adds coverage instrumentation without libFuzzer's main.
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_COMPILER="$CXX" \
    -DPOSTCHECK_BUILD_TESTS=OFF -DCMAKE_CXX_FLAGS="$FLAGS -fsanitize=fuzzer-no-link" >/dev/null
fi
cmake --build "$BUILD_DIR" --target postcheck_core postcheck_default_policy -j"$JOBS" >/dev/null

core_lib="$BUILD_DIR/core/libpostcheck_core.a"
policy_lib="$BUILD_DIR/core/libpostcheck_default_policy.a"
for target in "${TARGETS[@]}"; do
  src="tests/fuzz/$target.cpp"
  out="$BUILD_DIR/$target"
  if [ ! -x "$out" ] || [ "$src" -nt "$out" ] || [ tests/fuzz/invariants.h -nt "$out" ] ||
     [ "$core_lib" -nt "$out" ] || [ "$policy_lib" -nt "$out" ]; then
    echo "build.sh: linking $target"
    "$CXX" -std=c++20 $FLAGS -fsanitize=fuzzer -Wall -Wextra -Wpedantic -Werror \
      -Icore/include -Icore/policies "$src" "$core_lib" "$policy_lib" -o "$out"
  fi
done
