#!/usr/bin/env bash
# run-short.sh — the test command's fuzzing step: builds the libFuzzer targets if needed (build.sh),
# then runs each for a bounded time over its committed seeds (tests/fuzz/corpus/<target>, which also
# holds the regression inputs of past crashes). Prints one summary line per target; exits non-zero if
# any target crashes, leaks, times out on one input, or breaks an invariant.
# Env: FUZZ_SECONDS (default 30) per target; FUZZ_TARGETS to pick targets ("text check").
set -uo pipefail
cd "$(dirname "$0")/../.."

SECONDS_EACH=${FUZZ_SECONDS:-30}
BUILD_DIR=${BUILD_DIR:-build/fuzz}
TARGETS=(${FUZZ_TARGETS:-policy_loader policy_image text check})

if ! BUILD_DIR="$BUILD_DIR" bash tests/fuzz/build.sh; then
  echo "fuzz: FAILED to build the targets (see above)"
  exit 1
fi

status=0
for name in "${TARGETS[@]}"; do
  target="fuzz_$name"
  work="$BUILD_DIR/corpus-work/$name"   # new inputs land here, never in the committed seeds
  artifacts="$BUILD_DIR/artifacts/$name"
  log="$BUILD_DIR/$target.log"
  mkdir -p "$work" "$artifacts"
  args=(-max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$artifacts/")
  if [ "$name" = policy_loader ]; then
    args+=(-dict=tests/fuzz/policy.dict -max_len=16384)
  else
    args+=(-max_len=4096)
  fi
  "$BUILD_DIR/$target" "${args[@]}" "$work" "tests/fuzz/corpus/$name" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "fuzz: $target OK — ${runs:-?} runs in ${SECONDS_EACH}s, ${cov:-no coverage figures}"
  else
    status=1
    crash=$(ls -t "$artifacts" 2>/dev/null | head -1)
    echo "fuzz: $target FAILED (exit $rc) — $(grep -m1 -E 'INVARIANT FAILED|ERROR: |SUMMARY' "$log" || echo 'see log')"
    echo "      input: $artifacts/${crash:-?}   log: $log"
    echo "      reproduce: $BUILD_DIR/$target $artifacts/${crash:-<input>}"
  fi
done
exit $status
