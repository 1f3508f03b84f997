#!/usr/bin/env bash
# install-deps.sh — installs what PostCheck needs and is missing, on Debian 12 as root (or with sudo):
# the Debian packages below, then the npm dev dependencies pinned in package-lock.json.
# Safe to run again: it only installs what is not there yet.
set -euo pipefail
cd "$(dirname "$0")/../.."

packages=(
  ca-certificates
  cmake make g++                 # the native build
  nlohmann-json3-dev doctest-dev # the core's JSON loader and its tests
  emscripten                     # the WebAssembly build (Debian's 3.1.6)
  nodejs npm                     # the JS API tests, the site and extension builds, Playwright
  chromium                       # real-browser tests
  firefox-esr                    # the Firefox build's real-browser test (WebDriver BiDi, puppeteer-core)
  python3 python3-stdnum         # the corpus scorer; NHS/Luhn/IBAN oracles
  libphonenumber-dev             # the UK phone oracle
  clang libclang-rt-14-dev       # libFuzzer targets
  zip                            # packaging the extension
)

# A package counts as there when dpkg has it, or (for node and npm, which some machines get from
# another distribution of Node.js that conflicts with Debian's) when its command is on PATH.
declare -A provides=([nodejs]=node [npm]=npm)
missing=()
for p in "${packages[@]}"; do
  if [ -n "${provides[$p]:-}" ] && command -v "${provides[$p]}" >/dev/null 2>&1; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm dev dependencies (playwright-core, axe-core, web-ext, the benchmark's JS peers): exactly the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
