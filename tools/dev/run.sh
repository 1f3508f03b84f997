#!/usr/bin/env bash
# run.sh — the main job: install what is missing, build everything, then serve the training site on
# http://localhost:8000 (the loadable extension is in dist/extension, zipped in dist/*.zip).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/dev/install-deps.sh
bash tools/dev/build-all.sh
echo
echo "Extension (load unpacked): $(pwd)/dist/extension"
echo "Packages:                  $(ls dist/*.zip 2>/dev/null | tr '\n' ' ')"
echo "Training site:             http://localhost:${PORT:-8000}/  (Ctrl+C to stop)"
exec node tools/serve-site.mjs --root dist/site --port "${PORT:-8000}"
